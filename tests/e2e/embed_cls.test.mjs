// Issue 4, point 7 (layout stability): cumulative layout shift of the host page
// while the widget loads: slow embed.js, slow wasm, slow article JSON; desktop and phone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, newPage } from './lib.mjs';
import { DIST, distFiles, withServer, jsonRoute, waitState, sleep, SEED } from './embed_util.mjs';

export const CLS_BUDGET = 0.01;
const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];

async function measure(browser, pageName, viewport) {
  const { wasm } = distFiles();
  const wasmBytes = readFileSync(join(DIST, wasm));
  const embed = readFileSync(join(DIST, 'embed.js'));
  const routes = {
    '/api/slow-article.json': jsonRoute(SEED, { delay: 1200 }),
    // Slow enough for the page to paint before each step.
    '/dist/embed.js': async (req, res) => { await sleep(300); res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(embed); },
    [`/dist/${wasm}`]: async (req, res) => { await sleep(700); res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(wasmBytes); },
  };
  return withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser, { viewport });
    await page.addInitScript(() => {
      const shifts = [];
      Object.defineProperty(window, '__shifts', { value: shifts, enumerable: false });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          shifts.push({ value: e.value, t: Math.round(e.startTime), sources: (e.sources || []).map((s) => `${s.node ? (s.node.id || s.node.nodeName) : '?'} y ${Math.round(s.previousRect.y)} -> ${Math.round(s.currentRect.y)}`) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}/tests/pages/${pageName}`);
    await waitState(page, '#w', 'article');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.ar-figure img')?.complete);
    await page.waitForTimeout(800);
    const shifts = await page.evaluate(() => window.__shifts);
    const problems = page.problems.slice();
    await page.closeAll();
    return { cls: shifts.reduce((a, s) => a + s.value, 0), shifts, problems };
  });
}

const setups = [
  ['cls.html', 'recommended snippet: <script async blocking="render"> in <head>'],
  ['cls-css.html', 'deferred script + the documented CSS reservation'],
];
for (const [pageName, label] of setups) {
  test(`layout shift while loading <= ${CLS_BUDGET}: ${label}`, async ({ browser }) => {
    for (const viewport of VIEWPORTS) {
      const { cls, shifts, problems } = await measure(browser, pageName, viewport);
      console.log(`      CLS ${pageName} ${viewport.width}x${viewport.height}: ${cls.toFixed(4)}`);
      assert(cls <= CLS_BUDGET, `CLS ${cls.toFixed(4)} > ${CLS_BUDGET} at ${viewport.width}x${viewport.height}: ${JSON.stringify(shifts)}`);
      assert(problems.length === 0, problems.join('\n'));
    }
  }, { timeout: 90_000 });
}

// For the record (not a budget): a deferred script without any reservation shifts
// the page once, when embed.js first reserves the space after the first paint.
test('layout shift without any reservation (reported only)', async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const { cls, shifts } = await measure(browser, 'cls-none.html', viewport);
    console.log(`      CLS cls-none.html ${viewport.width}x${viewport.height}: ${cls.toFixed(4)} (${shifts.length} shift${shifts.length === 1 ? '' : 's'})`);
  }
}, { timeout: 90_000 });
