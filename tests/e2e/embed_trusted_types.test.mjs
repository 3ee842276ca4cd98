// Trusted Types, subresource integrity, the early article request and DOM calls that
// throw mid-render: the strictest host pages end either in an article or in the
// documented error, never in a dead wasm instance.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { ROOT, DIST, distFiles, withServer, waitState, recordEvents, events, sleep, SEED, SEED_TITLE } from './embed_util.mjs';

const WP = JSON.parse(readFileSync(join(ROOT, 'fixtures/seed/wordpress.json'), 'utf8'));
const htmlRoute = (body, csp) => (req, res) => {
  const headers = { 'Content-Type': 'text/html; charset=utf-8' };
  if (csp) headers['Content-Security-Policy'] = csp;
  res.writeHead(200, headers).end(body);
};
const json = (body) => (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

/** Two widgets: the seed as native JSON (body blocks) and as WordPress (body HTML, parsed by DOMParser). */
const twoWidgets = (head = '') => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}
<script src="/dist/embed.js" async></script></head><body>
<article-reader id="a" src="/a.json"><a href="/a.html">Bài A</a></article-reader>
<article-reader id="b" src="/b.json"><a href="/b.html">Bài B</a></article-reader></body></html>`;

async function listenViolations(page) {
  await page.addInitScript(() => {
    const v = [];
    Object.defineProperty(window, '__violations', { value: v, enumerable: false });
    document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
}

const TT = `${STRICT_CSP}; require-trusted-types-for 'script'`;

test('Trusted Types enforced, policy `article-reader` allowed: both widgets render (HTML body too), zero violations', async ({ browser }) => {
  const routes = { '/tt.html': htmlRoute(twoWidgets(), `${TT}; trusted-types article-reader`), '/a.json': json(SEED), '/b.json': json(WP) };
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await listenViolations(page);
    await page.goto(`${base}/tt.html`);
    await waitState(page, '#a', 'article');
    await waitState(page, '#b', 'article');
    const titles = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelector('.ar-title').textContent));
    assertEq(titles.join('|'), `${SEED_TITLE}|${SEED_TITLE}`, 'both titles');
    const paragraphs = await page.evaluate(() => document.getElementById('b').shadowRoot.querySelectorAll('.ar-body p').length);
    assert(paragraphs >= 3, `the WordPress body (parsed HTML) rendered: ${paragraphs} paragraphs`);
    await page.locator('#a button[part~="font-larger"]').click();
    // (The seed's lead photo is on another host, which this page's img-src does not allow.)
    const violations = (await page.evaluate(() => window.__violations)).filter((v) => !v.startsWith('img-src'));
    assertEq(violations.join('\n'), '', 'no Trusted Types or script violation');
    assertEq(page.problems.filter((p) => !/img-src/.test(p)).join('\n'), '', 'no console or page errors');
    await page.closeAll();
  });
});

test("Trusted Types enforced with `trusted-types 'none'`: each widget ends in a `trusted-types` error, the host links stay, nothing escapes", async ({ browser }) => {
  const routes = { '/tt-none.html': htmlRoute(twoWidgets(), `${TT}; trusted-types 'none'`), '/a.json': json(SEED), '/b.json': json(WP) };
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await recordEvents(page);
    await page.goto(`${base}/tt-none.html`);
    await page.waitForFunction(() => window.__arEvents.filter((e) => e.type === 'article-reader:error').length === 2);
    const ev = (await events(page)).filter((e) => e.type === 'article-reader:error');
    assertEq(ev.map((e) => e.detail.kind).join(','), 'trusted-types,trusted-types', 'error kinds');
    assert(/trusted-types article-reader/.test(ev[0].detail.message), `the message names the policy to allow: ${ev[0].detail.message}`);
    assert(await page.locator('#a > a').isVisible(), 'host link A visible');
    assert(await page.locator('#b > a').isVisible(), 'host link B visible');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});

test('a DOM method that throws mid-render ends that widget in a `runtime` error; a widget mounted after it renders', async ({ browser }) => {
  // The host page breaks document.createElement('figcaption') while the flag is set.
  const head = `<script>(function () { var ce = Document.prototype.createElement; window.__break = true;
    Document.prototype.createElement = function (n) { if (window.__break && String(n).toLowerCase() === 'figcaption') throw new Error('host page broke createElement'); return ce.apply(this, arguments); }; })();</script>`;
  const page1 = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}
<script src="/dist/embed.js" async></script></head><body><div id="main"><article-reader id="a" src="/a.json"><a href="/a.html">Bài A</a></article-reader></div></body></html>`;
  await withServer({ '/throw.html': htmlRoute(page1), '/a.json': json(SEED) }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await recordEvents(page);
    await page.goto(`${base}/throw.html`);
    await page.waitForFunction(() => window.__arEvents.some((e) => e.type === 'article-reader:error'));
    const ev = (await events(page)).filter((e) => e.type === 'article-reader:error');
    assertEq(ev[0].detail.kind, 'runtime', 'error kind');
    assert(/host page broke createElement/.test(ev[0].detail.message), `message: ${ev[0].detail.message}`);
    await waitState(page, '#a', 'error');
    // The shared wasm instance is alive: a second widget renders fully.
    await page.evaluate(() => {
      window.__break = false;
      const el = document.createElement('article-reader');
      el.id = 'b';
      el.setAttribute('src', '/a.json');
      document.getElementById('main').append(el);
    });
    await waitState(page, '#b', 'article');
    const caption = await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('figcaption')?.textContent ?? '');
    assert(caption.includes('MT'), `second widget has its figure caption: ${caption}`);
    // The first widget's Retry-less error view still has the original link.
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});

test('subresource integrity: a tampered wasm ends in the `wasm` error, the host content stays', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ar-sri-'));
  try {
    cpSync(DIST, join(dir, 'dist'), { recursive: true });
    const { wasm } = distFiles();
    const bytes = readFileSync(join(dir, 'dist', wasm));
    bytes[bytes.length - 1] ^= 0x01; // still a valid module: only the hash differs
    writeFileSync(join(dir, 'dist', wasm), bytes);
    const sizes = JSON.parse(readFileSync(join(DIST, 'sizes.json'), 'utf8'));
    assert(/^sha384-[A-Za-z0-9+/]{64}$/.test(sizes.files[wasm].sri), 'sizes.json records the sha384 of the wasm');
    assert(/^sha384-/.test(sizes.files['embed.js'].sri), 'sizes.json records the sha384 of embed.js');
    const routes = { '/sri.html': htmlRoute(twoWidgets()), '/a.json': json(SEED), '/b.json': json(SEED) };
    await withServer(routes, { root: dir }, async ({ base }) => {
      const page = await newPage(browser);
      await recordEvents(page);
      await page.goto(`${base}/sri.html`);
      await page.waitForFunction(() => window.__arEvents.filter((e) => e.type === 'article-reader:error').length === 2);
      const ev = (await events(page)).filter((e) => e.type === 'article-reader:error');
      assertEq(ev.map((e) => e.detail.kind).join(','), 'wasm,wasm', 'error kinds');
      assert(await page.locator('#a > a').isVisible(), 'host link visible');
      assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
      await page.closeAll();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the article request starts before the wasm has arrived, once, and the widget uses it without a loading frame', async ({ browser }) => {
  const { wasm } = distFiles();
  const wasmBytes = readFileSync(join(DIST, wasm));
  let articleRequests = 0;
  const routes = {
    '/early.html': htmlRoute(twoWidgets().replace(/<article-reader id="b"[^]*?<\/article-reader>/, '')),
    '/a.json': (req, res) => { articleRequests++; json(SEED)(req, res); },
    [`/dist/${wasm}`]: async (req, res) => { await sleep(800); res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(wasmBytes); },
  };
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    const log = [];
    page.on('request', (r) => log.push(['start', r.url(), Date.now()]));
    page.on('requestfinished', (r) => log.push(['end', r.url(), Date.now()]));
    // Every frame until the article shows: was the loading skeleton ever painted?
    await page.addInitScript(() => {
      window.__arFrames = [];
      const look = () => {
        const sr = document.getElementById('a')?.shadowRoot;
        const state = sr?.querySelector('.ar-loading') ? 'loading' : sr?.querySelector('.ar-body') ? 'article' : 'other';
        window.__arFrames.push(state);
        if (state !== 'article') requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${base}/early.html`);
    await waitState(page, '#a', 'article');
    // The loader read the body while the wasm downloaded, so the widget renders it in
    // the task that mounts it (a late `text()` would let a loading frame through).
    const frames = await page.evaluate(() => window.__arFrames);
    assert(frames.length > 5 && !frames.includes('loading'), `no frame showed the loading state: ${[...new Set(frames)].join(',')} in ${frames.length} frames`);
    const at = (kind, suffix) => log.find(([k, u]) => k === kind && u.endsWith(suffix))?.[2];
    assert(at('start', '/a.json') < at('end', `/dist/${wasm}`), 'the article was requested before the wasm finished');
    assert(at('end', '/a.json') < at('end', `/dist/${wasm}`), 'and arrived while the wasm was still downloading');
    assertEq(articleRequests, 1, 'one article request (the widget used the early response)');
    assertEq(page.problems.join('\n'), '', 'no errors');
    await page.closeAll();
  });
});

test('a lazy widget far below the viewport does not request its article until it comes near', async ({ browser }) => {
  let articleRequests = 0;
  const body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/dist/embed.js" async></script></head><body><div style="height:5000px">spacer</div>
<article-reader id="a" loading="lazy" src="/a.json"><a href="/a.html">Bài A</a></article-reader></body></html>`;
  const routes = { '/lazy.html': htmlRoute(body), '/a.json': (req, res) => { articleRequests++; json(SEED)(req, res); } };
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/lazy.html`);
    await page.waitForFunction(() => window.ArticleReader);
    await sleep(1500);
    assertEq(articleRequests, 0, 'no request while far from the viewport');
    await page.evaluate(() => document.getElementById('a').scrollIntoView());
    await waitState(page, '#a', 'article');
    assertEq(articleRequests, 1, 'one request once near');
    await page.closeAll();
  });
});

test('DOM clobbering in an article body (<form><input name="localName">, <img name="body">) cannot reach the wasm: the article renders', async ({ browser }) => {
  const clobber = { version: 1, title: 'Clobbering', body: '<p>before</p><form><input name="localName"><input name="nodeType"><input name="childNodes"></form><img name="body" src="x.png"><form name="body"></form><p>after</p>' };
  await withServer({ '/c.html': htmlRoute(twoWidgets()), '/a.json': json(clobber), '/b.json': json(SEED) }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/c.html`);
    await waitState(page, '#a', 'article');
    await waitState(page, '#b', 'article');
    const text = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.ar-body').textContent);
    assert(text.includes('before') && text.includes('after'), `the body's text around the form renders: ${text}`);
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors (no wasm trap)');
    await page.closeAll();
  });
});
