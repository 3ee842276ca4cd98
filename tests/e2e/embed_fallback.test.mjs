// Issue 4, point 7 (fallbacks): the placeholder's own children stay visible until
// the widget renders and come back when it fails; without WebAssembly they simply stay.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordEvents, events, waitState, withServer, jsonRoute, recordRequests, distFiles, DIST, SEED } from './embed_util.mjs';

const routes = { '/api/slow.json': jsonRoute(SEED, { delay: 1500 }), '/api/slow-404.json': jsonRoute({}, { delay: 1500, status: 404 }) };

/** Routes that answer only once `open()` is called (deterministic on a busy machine). */
function gated() {
  let open, openWasm;
  const gate = new Promise((r) => { open = r; });
  const wasmGate = new Promise((r) => { openWasm = r; });
  const hold = (route) => async (req, res) => { await gate; return route(req, res); };
  const { wasm } = distFiles();
  const bytes = readFileSync(join(DIST, wasm));
  return {
    open, openWasm, routes: {
      '/api/slow.json': hold(jsonRoute(SEED)), '/api/slow-404.json': hold(jsonRoute({}, { status: 404 })),
      [`/dist/${wasm}`]: async (req, res) => { await wasmGate; res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(bytes); },
    },
  };
}

test('the host\'s own link is visible while loading, hidden once rendered, visible again on failure', async ({ browser }) => {
  const g = gated();
  await withServer(g.routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/tests/pages/fallback.html`);
    // Before the wasm arrives: the loader's placeholder shows the host's link.
    await page.waitForFunction(() => document.getElementById('ok').shadowRoot?.querySelector('.ar-pre slot'));
    assert(await page.locator('#link-ok').isVisible(), 'link visible before the wasm arrives');
    assert(await page.locator('#link-ko').isVisible(), 'link visible before the wasm arrives (data attribute)');
    g.openWasm();
    await waitState(page, '#ok', 'loading');
    await waitState(page, '#ko', 'loading');
    assert(await page.locator('#link-ok').isVisible(), 'link visible while loading (ok)');
    assert(await page.locator('#link-ko').isVisible(), 'link visible while loading (ko)');
    const skel = await page.evaluate(() => !!document.getElementById('ok').shadowRoot.querySelector('.ar-skel'));
    assert(skel, 'skeleton shown while loading');
    g.open();
    await waitState(page, '#ok', 'article');
    await waitState(page, '#ko', 'error');
    assert(!(await page.locator('#link-ok').isVisible()), 'link hidden once the article is shown');
    assert(await page.locator('#link-ko').isVisible(), 'link visible again after the failure');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});

test('without WebAssembly: the link stays visible, an error event says why, nothing escapes to the page', async ({ browser }) => {
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.addInitScript(() => { delete window.WebAssembly; });
    await recordEvents(page);
    const urls = recordRequests(page);
    await page.goto(`${base}/tests/pages/fallback.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert(await page.locator('#link-ok').isVisible(), 'link visible (custom element)');
    assert(await page.locator('#link-ko').isVisible(), 'link visible (data attribute)');
    const box = await page.locator('#link-ok').boundingBox();
    assert(box && box.height > 0 && box.height < 100, `the link keeps its natural size (${box && box.height})`);
    const ev = (await events(page)).filter((e) => e.type === 'article-reader:error');
    assertEq(ev.map((e) => `${e.target}:${e.detail.kind}`).sort().join(','), 'ko:unsupported,ok:unsupported', 'one error event per instance');
    assert(!urls.some((u) => /\.wasm$|article-reader\.[0-9a-f]+\.js$|\/api\//.test(u)), 'nothing downloaded in vain');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});

test('when the wasm cannot be loaded (404): the link stays visible, error kind "wasm", nothing escapes', async ({ browser }) => {
  const page = await newPage(browser);
  await withServer(routes, {}, async ({ base }) => {
    await recordEvents(page);
    await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${base}/tests/pages/fallback.html`);
    await page.waitForFunction(() => window.__arEvents.filter((e) => e.type === 'article-reader:error').length >= 2);
    const ev = (await events(page)).filter((e) => e.type === 'article-reader:error');
    assertEq(ev.map((e) => `${e.target}:${e.detail.kind}`).sort().join(','), 'ko:wasm,ok:wasm', 'error kind wasm');
    assert(await page.locator('#link-ok').isVisible(), 'link visible');
    assert(await page.locator('#link-ko').isVisible(), 'link visible');
    const shadowLeft = await page.evaluate(() => document.getElementById('ok').shadowRoot.adoptedStyleSheets.length);
    assertEq(shadowLeft, 0, 'placeholder styles released');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
  });
  await page.closeAll();
});
