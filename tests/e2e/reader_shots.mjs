// Screenshots of the reader features' states (issue 12), for docs/reader.md:
//   node tests/e2e/reader_shots.mjs [outdir] [filter]
// Its own server on a free port, the system Chromium, the demo page. Not a test.
import { launch, startServer } from './lib.mjs';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] ?? 'docs/screenshots';
const filter = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });
const VIEWPORTS = { mobile: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const shadow = (page, fn, arg) => page.evaluate(([src, a]) => new Function('r', 'a', `return (${src})(r, a)`)(document.querySelector('article-reader').shadowRoot, a), [fn.toString(), arg]);

// A stub speechSynthesis with a Vietnamese voice (headless Chromium has none).
function voices() {
  window.SpeechSynthesisUtterance = class { constructor(t) { this.text = t; } };
  const v = [{ name: 'Microsoft HoaiMy Online (Natural)', lang: 'vi-VN', localService: false }, { name: 'Linh', lang: 'vi-VN', localService: true }];
  Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => v, speak() {}, cancel() {}, addEventListener() {} }, configurable: true });
}
const STATES = {
  // Listening: the third sentence highlighted, the controls shown.
  'listen': [voices, async (page) => {
    await page.locator('article-reader button[part~="listen"]').click();
    await page.locator('article-reader button[part~="listen-next"]').click();
    await page.locator('article-reader button[part~="listen-next"]').click();
    await page.evaluate(() => document.querySelector('article-reader').scrollIntoView());
  }],
  // A photo opened large.
  'lightbox': async (page) => { await page.locator('article-reader .ar-article figure img').first().click(); },
  // The share menu (no Web Share API here).
  'share': async (page) => { await page.locator('article-reader button[part~="share"]').click(); },
  // Coming back: the continue-reading offer, and the progress bar further down.
  'resume': [() => { localStorage.setItem('article-reader:positions', `420\t${location.origin}/chinh-tri/ban-dan-van-tinh-uy-trien-khai-nhiem-vu-cong-tac-nam-2020-123.html`); }, async () => {}],
  'progress': async (page) => { await page.evaluate(() => window.scrollBy(0, 900)); },
  // The "Aa" panel open, defaults.
  'settings': async (page) => { await page.locator('article-reader button[part~="settings"]').click(); },
  // Panel open with sans-serif, loose spacing, wide column, sepia.
  'settings-sans-loose-sepia': async (page) => {
    await page.locator('article-reader button[part~="settings"]').click();
    await page.locator('article-reader input[name="article-reader:font"]').nth(1).check();
    await page.locator('article-reader input[name="article-reader:spacing"]').nth(2).check();
    await page.locator('article-reader input[name="article-reader:theme"]').nth(2).check();
  },
  'settings-dark': async (page) => {
    await page.locator('article-reader button[part~="settings"]').click();
    await page.locator('article-reader input[name="article-reader:theme"]').nth(3).check();
  },
};

const browser = await launch();
const { server, base } = await startServer();
for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
  for (const [name, act] of Object.entries(STATES)) {
    if (!`${vp}-${name}`.includes(filter)) continue;
    const ctx = await browser.newContext({ viewport, colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.addInitScript(() => { try { localStorage.clear(); } catch {} });
    const [init, run] = Array.isArray(act) ? act : [null, act];
    if (init) await page.addInitScript(init);
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article .ar-title') && document.querySelector('article-reader').shadowRoot.querySelector('.ar-tools button'));
    await page.evaluate(() => document.querySelector('article-reader').scrollIntoView());
    await run(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${vp}-${name}.png` });
    await ctx.close();
  }
}
await browser.close();
server.close();
