// The lazy part of the wasm (src/ui/lazy.rs): the controls row, settings panel,
// listening, sharing, progress and photo viewer come in a second module that the
// page fetches once, after the first article has painted, with its sha384; a failed
// download is tried again, and nothing of it ever delays or breaks the article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { DIST, distFiles, withServer, SEED, SEED_TITLE } from './embed_util.mjs';

const page2 = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/dist/embed.js" async></script></head><body>
<article-reader id="a" src="/a.json"><a href="/a.html">Bài A</a></article-reader>
<article-reader id="b" src="/a.json"><a href="/b.html">Bài B</a></article-reader></body></html>`;
const html = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page2);
const json = (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SEED));
/** When the first article was in the page (polled every frame). */
const ARTICLE_AT = `(() => { const poll = () => {
  if ([...document.querySelectorAll('article-reader')].some((h) => h.shadowRoot?.querySelector('.ar-article h1'))) window.__articleAt = performance.now();
  else requestAnimationFrame(poll); }; requestAnimationFrame(poll); })();`;
const controls = (page) => page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).shadowRoot?.querySelectorAll('.ar-tools button').length ?? 0));
const title = (page) => page.evaluate(() => document.getElementById('a').shadowRoot?.querySelector('h1')?.textContent);

function lazyFile() {
  const { lazy } = distFiles();
  assertEq(lazy.length, 1, `one lazy part in dist/ (${lazy.join(', ')})`);
  return lazy[0];
}

test('lazy part: fetched once for the page after the article painted, with its sha384; off the critical path', async ({ browser }) => {
  const file = lazyFile();
  const sizes = JSON.parse(readFileSync(join(DIST, 'sizes.json'), 'utf8'));
  assert(!sizes.criticalPath.files.includes(file), `the critical path (${sizes.criticalPath.files}) leaves the lazy part out`);
  assert(/^sha384-/.test(sizes.files[file].sri), 'sizes.json records its sha384');
  assert(readFileSync(join(DIST, 'embed.js'), 'utf8').includes(sizes.files[file].sri), 'embed.js fetches it with that integrity');
  await withServer({ '/p.html': html, '/a.json': json }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.addInitScript(ARTICLE_AT);
    const asked = [];
    page.on('request', (r) => { if (r.url().endsWith(file)) asked.push(r.url()); });
    await page.goto(`${base}/p.html`);
    await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.ar-tools button')), null, { timeout: 15_000 });
    const t = await page.evaluate((f) => ({ article: window.__articleAt, lazy: performance.getEntriesByType('resource').find((e) => e.name.endsWith(f))?.startTime }), file);
    assert(t.article != null && t.lazy != null && t.lazy >= t.article, `requested after the article was in the page (article ${t.article?.toFixed(0)} ms, lazy part ${t.lazy?.toFixed(0)} ms)`);
    assertEq(asked.length, 1, 'one request for two widgets');
    assertEq(JSON.stringify(await controls(page)), JSON.stringify([10, 10]), 'both widgets got their controls');
    assertEq(page.problems.join('\n'), '', 'no errors');
    await page.closeAll();
  });
});

test('lazy part: a failed download is tried again; the article never waits for it', async ({ browser }) => {
  const file = lazyFile();
  const bytes = readFileSync(join(DIST, file));
  let n = 0;
  const flaky = (req, res) => {
    n++;
    if (n === 1) res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
    else res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(bytes);
  };
  await withServer({ '/p.html': html, '/a.json': json, [`/dist/${file}`]: flaky }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/p.html`);
    await page.waitForFunction(() => document.getElementById('a').shadowRoot?.querySelector('.ar-article h1'));
    assertEq(await title(page), SEED_TITLE, 'the article is shown while the controls are not');
    await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.ar-tools button')), null, { timeout: 10_000 });
    assertEq(n, 2, 'the second try loaded it');
    await page.locator('#a button[part~="font-larger"]').click();
    assertEq(await page.evaluate(() => getComputedStyle(document.getElementById('a').shadowRoot.querySelector('.ar')).getPropertyValue('--ar-scale')), '1.1', 'its controls work');
    // The 503 shows in the console (its body fails the integrity check); nothing is thrown into the page.
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});

test('lazy part: a tampered file never runs (integrity); the articles stay, nothing breaks', async ({ browser }) => {
  const file = lazyFile();
  const bytes = Buffer.from(readFileSync(join(DIST, file)));
  bytes[bytes.length - 1] ^= 0x01;
  let n = 0;
  const tampered = (req, res) => { n++; res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(bytes); };
  await withServer({ '/p.html': html, '/a.json': json, [`/dist/${file}`]: tampered }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/p.html`);
    await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.ar-article h1')));
    await page.waitForTimeout(1600);
    assert(n >= 2, `tried again after the failure (${n} requests)`);
    assertEq(JSON.stringify(await controls(page)), JSON.stringify([0, 0]), 'no controls from a file that fails its integrity check');
    assertEq(await title(page), SEED_TITLE, 'the articles stay');
    assert(await page.evaluate(() => getComputedStyle(document.getElementById('a').shadowRoot.querySelector('.ar-tools')).minHeight) === '44px', 'the row keeps its reserved height');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});
