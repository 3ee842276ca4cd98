// Issue 3, point 3: huge and hostile sizes. 12 MB and 40 MB payloads, HTML
// nested 10,000 levels, 100,000 paragraphs. Each renders (with the truncation
// note when cut at the limits) or shows a clear message; the page stays
// responsive; times and the longest main-thread block are printed.
import { test, assert, assertEq, newPage, startServer } from './lib.mjs';
import { openHarness, seedFixture, scriptProblems, HARNESS_ROUTE } from './corpora.mjs';

const SEED_TITLE = 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020';
const NOTE = 'This article is very long; the rest is in the original.';
const TOO_LARGE = 'This article is too large to display.';
const MB = 1024 * 1024;

/** A native article whose body HTML is about `bytes` long. */
function bigArticle(bytes) {
  const para = `<p>${'Chiều 19/12, Ban Dân vận Tỉnh ủy tổ chức Hội nghị trực tuyến tổng kết công tác dân vận năm 2019. '.repeat(10)}</p>\n`;
  const n = Math.ceil(bytes / Buffer.byteLength(para));
  return JSON.stringify({ version: 1, title: `Huge ${bytes / MB} MB`, body: para.repeat(n) });
}

/** Installs a heartbeat: window.__maxBlock() is the longest gap between 10 ms ticks since install. */
const HEARTBEAT = `
(() => { let last = performance.now(), max = 0;
  setInterval(() => { const t = performance.now(); max = Math.max(max, t - last); last = t; }, 10);
  window.__maxBlock = () => { const t = performance.now(); return Math.round(Math.max(max, t - last)); };
  window.__resetBlock = () => { max = 0; last = performance.now(); }; })();`;

async function timed(page, specs, selector) {
  await page.evaluate(() => window.__resetBlock());
  const t0 = Date.now();
  await page.evaluate((s) => window.__mountInline(s), specs);
  await page.waitForFunction((sel) => window.__done(sel), selector, { timeout: 90_000, polling: 100 });
  const ms = Date.now() - t0;
  return { ms, maxBlock: await page.evaluate(() => window.__maxBlock()) };
}

function look(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const r = host.shadowRoot;
    return {
      state: window.__state(host),
      title: r.querySelector('h1.ar-title')?.textContent ?? null,
      message: r.querySelector('.ar-error-msg')?.textContent ?? null,
      note: r.querySelector('.ar-note')?.textContent ?? null,
      paragraphs: r.querySelectorAll('.ar-body p').length,
      bodyChars: r.querySelector('.ar-body')?.textContent.length ?? 0,
      errors: window.__events.filter((e) => e.type === 'error' && e.id === id).map((e) => e.detail),
    };
  }, id);
}

/** The reader's own controls still answer after the load (the page is not frozen). */
async function responsive(page, id) {
  const btn = page.locator(`#${id} button[part~="font-larger"]`);
  const t0 = Date.now();
  await btn.click({ timeout: 60_000 });
  return Date.now() - t0;
}

test('huge payloads: 12 MB body renders cut at the limits with the note, 12 MB of unknown fields renders, 40 MB is refused with a message', async ({ browser }) => {
  const cache = {};
  const big = (key, make) => (cache[key] ??= Buffer.from(make()));
  const seed = JSON.stringify(seedFixture('native'));
  const { server, base } = await startServer({
    ...HARNESS_ROUTE,
    '/huge-body.json': (req, res) => { const b = big('body', () => bigArticle(12 * MB)); res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': b.length }).end(b); },
    '/huge-extra.json': (req, res) => {
      const b = big('extra', () => JSON.stringify({ ...JSON.parse(seed), _tracking: 'x'.repeat(12 * MB), _list: Array.from({ length: 20_000 }, (_, i) => ({ i })) }));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': b.length }).end(b);
    },
    '/huge-40.json': (req, res) => { const b = big('40', () => bigArticle(40 * MB)); res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': b.length }).end(b); },
    '/huge-40-chunked.json': (req, res) => { const b = big('40', () => bigArticle(40 * MB)); res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(b); },
  });
  const page = await newPage(browser);
  await page.addInitScript(HEARTBEAT);
  await openHarness(page, base, { served: true });
  const sizes = {};
  for (const p of ['/huge-body.json', '/huge-extra.json', '/huge-40.json']) sizes[p] = (await fetch(base + p, { method: 'GET' }).then((r) => r.arrayBuffer())).byteLength;

  const body = await timed(page, [{ id: 'body', attrs: { src: '/huge-body.json', timeout: '60000' } }, { id: 'good', json: seed }], '#body, #good');
  const w = await look(page, 'body');
  assertEq(w.state, 'article', '12 MB body renders');
  assertEq(w.note, NOTE, 'with the truncation note');
  assert(w.bodyChars > 1_000_000, `a large part of the text is shown (${w.bodyChars} chars)`);
  assertEq((await look(page, 'good')).title, SEED_TITLE, 'the other widget renders');
  const click = await responsive(page, 'body');

  const extra = await timed(page, [{ id: 'extra', attrs: { src: '/huge-extra.json', timeout: '60000' } }], '#extra');
  const x = await look(page, 'extra');
  assertEq(x.title, SEED_TITLE, '12 MB of unknown fields: the article renders');
  assertEq(x.note, null, 'nothing cut');

  const refused = await timed(page, [{ id: 'big40', attrs: { src: '/huge-40.json', timeout: '60000' } }, { id: 'big40c', attrs: { src: '/huge-40-chunked.json', timeout: '60000' } }], '#big40, #big40c');
  for (const id of ['big40', 'big40c']) {
    const r = await look(page, id);
    assertEq(r.state, 'error', `${id}: refused`);
    assertEq(r.message, TOO_LARGE, `${id}: clear message`);
    assertEq(r.errors[0]?.kind, 'too-large', `${id}: event kind`);
  }
  assertEq((await look(page, 'big40')).errors[0].status, 200, 'status of the refused response');
  console.log(`      12 MB body (${(sizes['/huge-body.json'] / MB).toFixed(1)} MB): ${body.ms} ms, longest block ${body.maxBlock} ms, ${w.paragraphs} paragraphs shown, click after ${click} ms; ` +
    `12 MB unknown fields: ${extra.ms} ms (block ${extra.maxBlock} ms); 40 MB refused: ${refused.ms} ms (block ${refused.maxBlock} ms)`);
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
  server.close();
}, { timeout: 180_000 });

test('10,000 levels of nested HTML and 100,000 paragraphs render (cut with the note), page stays responsive', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.addInitScript(HEARTBEAT);
  await openHarness(page, base);
  const D = 10_000;
  // kind -> [body HTML, its deepest text, the text after the nesting]
  const nested = {
    div: [`${'<div>'.repeat(D)}<p>deep div text</p>${'</div>'.repeat(D)}<p>after divs</p>`, 'deep div text', 'after divs'],
    inline: [`<p>${'<b><i>'.repeat(D / 2)}deep inline text${'</i></b>'.repeat(D / 2)} after inline</p>`, 'deep inline text', 'after inline'],
    quote: [`${'<blockquote>'.repeat(D)}deep quote text${'</blockquote>'.repeat(D)}<p>after quotes</p>`, 'deep quote text', 'after quotes'],
    list: [`${'<ul><li>'.repeat(D / 2)}deep item text${'</li></ul>'.repeat(D / 2)}<p>after lists</p>`, 'deep item text', 'after lists'],
    table: [`${'<table><tr><td>'.repeat(D / 3)}deep cell text${'</td></tr></table>'.repeat(D / 3)}<p>after tables</p>`, 'deep cell text', 'after tables'],
    unclosed: [`${'<div><span><em>'.repeat(D / 3)}deep unclosed text`, 'deep unclosed text', null],
  };
  const deep = await timed(page, [
    ...Object.entries(nested).map(([k, [body]]) => ({ id: `n-${k}`, json: JSON.stringify({ version: 1, title: `Nested ${k}`, body }) })),
    { id: 'good', json: JSON.stringify(seedFixture('native')) },
  ]);
  for (const [k, [, deepText, after]] of Object.entries(nested)) {
    const w = await look(page, `n-${k}`);
    assertEq(w.state, 'article', `nested ${k}: renders`);
    const text = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.ar-body').textContent, `n-${k}`);
    assert(text.includes(deepText), `nested ${k}: the deep text is kept (${text.slice(0, 80)})`);
    if (after) assert(text.includes(after), `nested ${k}: the text after it is kept (${text.slice(-80)})`);
    const depth = await page.evaluate((id) => {
      let max = 0;
      const walk = (n, d) => { max = Math.max(max, d); for (const c of n.children) walk(c, d + 1); };
      walk(document.getElementById(id).shadowRoot.querySelector('.ar-body'), 0);
      return max;
    }, `n-${k}`);
    assert(depth <= 70, `nested ${k}: rendered depth is bounded (${depth})`);
  }
  assertEq((await look(page, 'good')).title, SEED_TITLE, 'the other widget renders');
  await page.evaluate(() => document.getElementById('box').replaceChildren());

  const N = 100_000;
  const many = await page.evaluate((n) => {
    const parts = new Array(n);
    for (let i = 0; i < n; i++) parts[i] = `<p>Đoạn văn số ${i + 1} của bài viết rất dài.</p>\n`;
    window.__manyJson = JSON.stringify({ version: 1, title: '100,000 paragraphs', body: parts.join('') });
    return window.__manyJson.length;
  }, N);
  // Through the JS API (`data`), as a portal script would pass a big article.
  await page.evaluate(() => window.__resetBlock());
  const t0 = Date.now();
  await page.evaluate((seed) => {
    window.__mountInline([{ id: 'good2', json: seed }]);
    const el = document.createElement('div');
    el.id = 'many';
    document.getElementById('box').append(el);
    window.ArticleReader.mount(el, { data: window.__manyJson });
  }, JSON.stringify(seedFixture('native')));
  await page.waitForFunction(() => window.__done('#many, #good2'), null, { timeout: 90_000, polling: 100 });
  const manyMs = Date.now() - t0;
  const manyBlock = await page.evaluate(() => window.__maxBlock());
  const m = await look(page, 'many');
  assertEq(m.state, 'article', '100,000 paragraphs: renders');
  assertEq(m.note, NOTE, 'with the truncation note');
  assert(m.paragraphs >= 50_000, `most paragraphs shown (${m.paragraphs})`);
  const last = await page.evaluate(() => [...document.getElementById('many').shadowRoot.querySelectorAll('.ar-body p')].pop().textContent);
  assert(/^Đoạn văn số \d+ của bài viết rất dài\.$/.test(last), `the last paragraph shown is whole (${last})`);
  assertEq((await look(page, 'good2')).title, SEED_TITLE, 'the other widget renders');
  const click = await responsive(page, 'many');
  console.log(`      nested 10,000 levels x ${Object.keys(nested).length} bodies: ${deep.ms} ms (block ${deep.maxBlock} ms); ` +
    `100,000 paragraphs (${(many / MB).toFixed(1)} MB JSON): ${manyMs} ms, longest block ${manyBlock} ms, ${m.paragraphs} paragraphs shown, click after ${click} ms`);
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
}, { timeout: 180_000 });
