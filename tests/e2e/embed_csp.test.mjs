// Issue 4, point 8 (CSP): the demo under the strict policy, with a
// securitypolicyviolation listener registered before embed.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { ROOT, withServer, waitState, recordEvents, events, SEED_TITLE } from './embed_util.mjs';

async function listenViolations(page) {
  await page.addInitScript(() => {
    const v = [];
    Object.defineProperty(window, '__violations', { value: v, enumerable: false });
    document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

test('strict CSP (no unsafe-inline, no unsafe-eval): zero violations and the article renders', async ({ browser }) => {
  await withServer({}, { csp: true }, async ({ base }) => {
    const page = await newPage(browser);
    await listenViolations(page);
    const resp = await page.goto(`${base}/index.html`);
    assertEq(resp.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict policy');
    await waitState(page, 'article-reader', 'article');
    await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-figure img')?.complete);
    // Exercise the interactive parts too (inline style changes are CSSOM, allowed).
    await page.locator('article-reader button[part~="font-larger"]').click();
    await page.locator('article-reader button[part~="settings"]').click(); // the theme is chosen in the "Aa" panel
    await page.locator('article-reader input[name="article-reader:theme"][value="sepia"]').check();
    // Scroll through so lazy images in the body and related list load too (img-src).
    for (let y = 0; y < 6000; y += 600) await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(500);
    const title = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-title').textContent);
    assertEq(title, SEED_TITLE, 'article rendered');
    const scale = await page.evaluate(() => getComputedStyle(document.querySelector('article-reader').shadowRoot.querySelector('.ar-body p')).fontSize);
    assertEq(scale, '19.8px', 'font scale applied under CSP (18px x 1.1)');
    const v = await page.evaluate(() => window.__violations);
    assertEq(v.join('\n'), '', 'no CSP violation');
    assertEq(page.problems.join('\n'), '', 'no console errors (CSP reports there too)');
    await page.closeAll();
  });
});

test('a CSP without wasm-unsafe-eval: the host keeps its link, error kind "wasm", nothing escapes', async ({ browser }) => {
  const html = readFileSync(join(ROOT, 'index.html'));
  const noWasm = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
  const routes = { '/no-wasm.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': noWasm }).end(html) };
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await listenViolations(page);
    await recordEvents(page);
    await page.goto(`${base}/no-wasm.html`);
    await page.waitForFunction(() => window.__arEvents.some((e) => e.type === 'article-reader:error'));
    const ev = (await events(page)).filter((e) => e.type === 'article-reader:error');
    assertEq(ev[0].detail.kind, 'wasm', 'error kind');
    assert(/WebAssembly|wasm/i.test(ev[0].detail.message), `message says why: ${ev[0].detail.message}`);
    assert(await page.locator('article-reader > a').isVisible(), 'the plain link is visible');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});
