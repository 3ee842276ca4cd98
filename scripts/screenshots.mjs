// Renders the demo portal page into docs/screenshots/: mobile (390×844) and
// desktop (1280×800); light, sepia and dark themes; smallest and largest font
// step (plus the default step), and one full-page desktop shot in light.
// Viewport shots start at the widget (scrolled into view), not at the portal header.
//
// Usage: make screenshots   (or: node scripts/screenshots.mjs [filter])
// Starts its own static server on a free port and uses the system Chromium.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

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
      return r && r.querySelector('.ar-article') && imgs.every((i) => i.complete);
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
  server.close();
}
process.exit(failed ? 1 : 0);
