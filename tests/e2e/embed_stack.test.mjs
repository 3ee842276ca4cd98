// The wasm stack is sized for what the code needs (issue 9): the build gives it
// -zstack-size (Makefile), stack first in linear memory, so an overflow traps
// instead of overwriting data. This measures the high-water mark of the deepest
// inputs the widget accepts (10,000 levels of HTML of every nesting kind, JSON at
// the 128-level limit, the seed in two formats, the controls built by the lazy part)
// and requires it to stay under half the configured stack: linear memory starts
// zeroed, so the lowest non-zero byte below the stack's top is the deepest frame.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, newPage } from './lib.mjs';
import { ROOT, CAPTURE_WASM_MEMORY, withServer, jsonRoute } from './embed_util.mjs';

const STACK = Number(/-zstack-size=(\d+)/.exec(readFileSync(join(ROOT, 'Makefile'), 'utf8'))?.[1]);

test('wasm stack: the deepest accepted inputs use less than half of it', async ({ browser }) => {
  assert(STACK > 0, 'the Makefile sets -zstack-size');
  const D = 10_000;
  const bodies = {
    div: `${'<div>'.repeat(D)}<p>deep</p>${'</div>'.repeat(D)}`,
    inline: `<p>${'<b><i>'.repeat(D / 2)}deep${'</i></b>'.repeat(D / 2)}</p>`,
    quote: `${'<blockquote>'.repeat(D)}deep${'</blockquote>'.repeat(D)}`,
    list: `${'<ul><li>'.repeat(D / 2)}deep${'</li></ul>'.repeat(D / 2)}`,
    table: `${'<table><tr><td>'.repeat(D / 3)}deep${'</td></tr></table>'.repeat(D / 3)}`,
    unclosed: `${'<div><span><em>'.repeat(D / 3)}deep`,
  };
  const routes = {
    '/stack/json128.json': jsonRoute(`{"title":"J","extra":${'['.repeat(126)}1${']'.repeat(126)},"body":"<p>x</p>"}`),
    '/stack/wordpress.json': jsonRoute(readFileSync(join(ROOT, 'fixtures/seed/wordpress.json'), 'utf8')),
    '/stack/native.json': jsonRoute(readFileSync(join(ROOT, 'fixtures/seed/native.json'), 'utf8')),
  };
  for (const [k, body] of Object.entries(bodies)) routes[`/stack/${k}.json`] = jsonRoute({ version: 1, title: k, body });
  const names = Object.keys(routes).map((r) => r.slice('/stack/'.length));
  routes['/stack/page.html'] = (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><body>${names.map((n) => `<article-reader src="/stack/${n}"></article-reader>`).join('')}<script src="/dist/embed.js"></script></body></html>`);
  };
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.addInitScript(CAPTURE_WASM_MEMORY);
    await page.goto(`${base}/stack/page.html`);
    await page.waitForFunction((n) => {
      const hosts = [...document.querySelectorAll('article-reader')];
      return hosts.length === n && hosts.every((h) => h.shadowRoot && (h.shadowRoot.querySelector('.ar-article .ar-body')?.textContent || '').trim() && h.shadowRoot.querySelector('.ar-tools button'));
    }, names.length, { timeout: 60_000 });
    const { lowest, memories } = await page.evaluate((stack) => {
      const m = window.__wasmMemories[0];
      const u = new Uint8Array(m.buffer, 0, stack);
      let i = 0;
      while (i < u.length && u[i] === 0) i++;
      return { lowest: i, memories: window.__wasmMemories.length };
    }, STACK);
    assert(memories === 1, `one wasm memory (${memories})`);
    const used = STACK - lowest;
    console.log(`      stack high-water ${used} B of ${STACK} B (${names.length} widgets)`);
    assert(lowest > 0, 'the stack never reached the bottom of memory');
    assert(used * 2 <= STACK, `stack high-water ${used} B is more than half of the ${STACK} B stack`);
    const errors = page.problems.filter((p) => p.startsWith('pageerror')); // the seed's photos are on another host
    assert(errors.length === 0, errors.join('\n'));
    await page.closeAll();
  });
}, { timeout: 120_000 });
