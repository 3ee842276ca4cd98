// Renders the demo portal page into docs/screenshots/: mobile (390×844) and
// desktop (1280×800); light, sepia and dark themes; smallest and largest font
// step (plus the default step), and one full-page desktop shot in light.
// Viewport shots start at the widget (scrolled into view), not at the portal header.
//
// Then the seed at 390×844 in each engine, docs/screenshots/engine-{chromium,firefox,webkit}-390x844.png,
// through the W3C WebDriver client of tests/webdriver (ChromeDriver, geckodriver,
// WebKitWebDriver + MiniBrowser under an Xvfb started and stopped here): the demo
// page in a 390×844 same-origin iframe at the top left (MiniBrowser's window
// cannot be narrower than ~447 px), scrolled to the widget, cropped out of the
// viewport screenshot (WebKitGTK's element screenshot of an iframe paints its
// top rows black).
//
// Usage: make screenshots   (or: node scripts/screenshots.mjs [filter])
// Starts its own static server on a free port and uses the system Chromium.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { serve } from './serve.mjs';
import { Session, capabilities, startDriver, startXvfb, ENGINES } from '../tests/webdriver/client.mjs';
import { probed } from '../tests/webdriver/lib.mjs';
import { cropPng } from '../tests/webdriver/png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs/screenshots');
const filter = process.argv[2] ?? '';
mkdirSync(out, { recursive: true });

// Mirrors src/config.rs SCALE_STEPS: index 0 = 75 %, 2 = 100 %, 10 = 250 %.
const STEPS = { min: 0, default: 2, max: 10 };
const VIEWPORTS = { mobile: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const THEMES = ['light', 'sepia', 'dark'];

const shots = [];
for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of THEMES) {
    for (const step of ['min', 'max']) shots.push({ name: `${vp}-${theme}-${step}`, viewport, theme, step });
  }
  shots.push({ name: `${vp}-light-default`, viewport, theme: 'light', step: 'default' });
}
shots.push({ name: 'desktop-light-full', viewport: VIEWPORTS.desktop, theme: 'light', step: 'default', fullPage: true });

const server = await serve({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
});
let failed = 0;
try {
  for (const s of shots.filter((s) => s.name.includes(filter))) {
    const context = await browser.newContext({ viewport: s.viewport, reducedMotion: 'reduce', colorScheme: 'light' });
    // The reader's saved preferences, exactly as the widget stores them.
    await context.addInitScript(([theme, step]) => {
      try {
        localStorage.setItem('article-reader:theme', theme);
        localStorage.setItem('article-reader:font-step', String(step));
      } catch {}
    }, [s.theme, STEPS[s.step]]);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => {
      const r = document.querySelector('article-reader')?.shadowRoot;
      const imgs = r ? [...r.querySelectorAll('.ar-article img:not([loading="lazy"])')] : [];
      return r && r.querySelector('.ar-article') && r.querySelector('.ar-tools button') && imgs.every((i) => i.complete);
    }, null, { timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready);
    if (!s.fullPage) {
      await page.evaluate(() => {
        const host = document.querySelector('article-reader');
        window.scrollTo(0, host.getBoundingClientRect().top + window.scrollY);
      });
    }
    // Lazy thumbnails further down: load them for the full-page shot.
    if (s.fullPage) {
      await page.evaluate(() => document.querySelector('article-reader').shadowRoot
        .querySelectorAll('img[loading="lazy"]').forEach((i) => { i.loading = 'eager'; }));
      await page.waitForFunction(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('img')].every((i) => i.complete));
    }
    const path = join(out, `${s.name}.png`);
    await page.screenshot({ path, fullPage: !!s.fullPage });
    if (problems.length) { failed++; console.log(`${s.name}: ${problems.join('; ')}`); }
    console.log(`wrote docs/screenshots/${s.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
}

/** The seed at 390×844 in one engine over WebDriver; returns the PNG. */
async function engineShot(engine) {
  const xvfb = ENGINES[engine].needsDisplay ? await startXvfb() : null;
  const driver = await startDriver(engine, { display: xvfb?.display });
  let s;
  try {
    s = await Session.create(driver.url, capabilities(engine));
    const vp = await s.setViewport(800, 900);
    if (vp.height < 844) throw new Error(`${engine}: viewport only ${vp.width}×${vp.height}`);
    await s.navigate(`${base}/index.html`);
    await s.execute(() => { localStorage.clear(); });
    await s.navigate(`${base}/__engine-shot.html`);
    const frame = await s.find('iframe');
    await s.switchToFrame(frame);
    await s.waitFor(() => {
      const r = document.querySelector('article-reader')?.shadowRoot;
      const imgs = r ? [...r.querySelectorAll('.ar-article img:not([loading="lazy"])')] : [];
      return !!(r && r.querySelector('.ar-article') && r.querySelector('.ar-tools button') && imgs.every((i) => i.complete));
    }, { timeout: 20_000, message: 'seed rendered' });
    await s.executeAsync(async () => {
      await document.fonts.ready;
      // Screenshot only: no scrollbar (Chromium's shots use --hide-scrollbars).
      document.documentElement.style.scrollbarWidth = 'none';
      document.documentElement.style.overflow = 'hidden';
      const host = document.querySelector('article-reader');
      window.scrollTo(0, host.getBoundingClientRect().top + window.scrollY);
      // Overlay scrollbars (WebKitGTK) fade out about a second after the scroll.
      await new Promise((r) => setTimeout(r, 1500));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    const problems = await s.execute(() => window.__wdProblems || ['probe missing']);
    await s.switchToFrame(null);
    const png = cropPng(await s.screenshot(), { x: 0, y: 0, width: 390, height: 844 });
    return { png, problems, version: s.caps.browserVersion };
  } finally {
    if (s) await s.delete().catch(() => {});
    await driver.stop();
    if (xvfb) await xvfb.stop();
  }
}

try {
  const shell = '<!doctype html><html><head><meta charset="utf-8"><title>engine shot</title><link rel="icon" href="data:,">' +
    '<style>html,body{margin:0}iframe{display:block;border:0}</style></head>' +
    '<body><iframe width="390" height="844" title="demo" src="/__engine-index.html"></iframe></body></html>';
  // The demo page with the WebDriver suite's probe (script errors, console.error) first in <head>.
  const demo = probed('index.html');
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    if (req.url === '/__engine-shot.html') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(shell);
    if (req.url === '/__engine-index.html') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(demo);
    for (const h of handlers) h.call(server, req, res);
  });
  for (const engine of ['chromium', 'firefox', 'webkit']) {
    const name = `engine-${engine}-390x844`;
    if (!name.includes(filter) && !'engine'.includes(filter)) continue;
    try {
      const { png, problems, version } = await engineShot(engine);
      writeFileSync(join(out, `${name}.png`), png);
      if (problems.length) { failed++; console.log(`${name}: ${problems.join('; ')}`); }
      console.log(`wrote docs/screenshots/${name}.png (${engine} ${version}, ${png.readUInt32BE(16)}×${png.readUInt32BE(20)})`);
    } catch (e) {
      failed++;
      console.log(`${name}: ${e.message} (scripts/setup-engines.sh installs the engines)`);
    }
  }
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
