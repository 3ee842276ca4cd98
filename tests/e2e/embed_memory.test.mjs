// Issue 4, point 10 (memory): 200 mount/unmount cycles must not grow the JS heap
// or the wasm memory by more than 5% (measured from cycle 20, after a warm-up).
import { test, assert, newPage } from './lib.mjs';
import { wasmMemoryBytes, SEED, CAPTURE_WASM_MEMORY } from './embed_util.mjs';

const BUDGET = 0.05;

/** One cycle per iteration: the API form or the DOM form (insert / remove an element). */
function cycles(page, n, form) {
  return page.evaluate(async ([n, data, form]) => {
    const main = document.getElementById('main');
    for (let i = 0; i < n; i++) {
      let el;
      if (form === 'api') {
        el = document.createElement('div');
        main.appendChild(el);
      } else {
        el = document.createElement('article-reader');
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = data;
        el.appendChild(s);
      }
      const loaded = new Promise((ok, no) => {
        el.addEventListener('article-reader:load', ok, { once: true });
        el.addEventListener('article-reader:error', (e) => no(new Error(JSON.stringify(e.detail))), { once: true });
      });
      if (form === 'api') {
        const h = ArticleReader.mount(el, { data });
        await h.ready;
        await loaded;
        h.unmount();
        el.remove();
      } else {
        main.appendChild(el);
        await loaded;
        el.remove();
        await Promise.resolve(); // disconnectedCallback unmounts in a microtask
        await new Promise((r) => setTimeout(r, 0));
        if (el.shadowRoot.querySelector('.ar')) throw new Error('not unmounted on removal');
      }
    }
  }, [n, JSON.stringify(SEED), form]);
}

async function measure(page, cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await wasmMemoryBytes(page);
  return { js: usedSize, wasm };
}

const fmt = (b) => `${(b / 1024).toFixed(0)} KB`;
const pct = (a, b) => ((b - a) / a) * 100;

for (const [form, total] of [['api', 200], ['dom', 200]]) {
  test(`memory: ${total} mount/unmount cycles (${form === 'api' ? 'ArticleReader.mount / handle.unmount' : 'insert / remove <article-reader>'}) grow JS heap and wasm memory <= 5%`, async ({ browser, base }) => {
    const page = await newPage(browser);
    await page.addInitScript(CAPTURE_WASM_MEMORY);
    await page.goto(`${base}/tests/pages/blank.html`);
    await page.waitForFunction(() => window.ArticleReader);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cycles(page, 20, form); // warm-up: wasm instantiated, caches and pools filled
    const start = await measure(page, cdp);
    await cycles(page, total - 20, form);
    const end = await measure(page, cdp);
    const js = pct(start.js, end.js), wasm = pct(start.wasm, end.wasm);
    console.log(`      ${form}: JS heap ${fmt(start.js)} -> ${fmt(end.js)} (${js >= 0 ? '+' : ''}${js.toFixed(2)}%), wasm memory ${fmt(start.wasm)} -> ${fmt(end.wasm)} (${wasm >= 0 ? '+' : ''}${wasm.toFixed(2)}%), cycle 20 -> ${total}`);
    assert(js <= BUDGET * 100, `JS heap grew ${js.toFixed(2)}%`);
    assert(wasm <= BUDGET * 100, `wasm memory grew ${wasm.toFixed(2)}%`);
    const roots = await page.evaluate(() => document.querySelectorAll('#main > *').length);
    assert(roots === 0, 'every element removed');
    assert(page.problems.length === 0, page.problems.join('\n'));
    await page.closeAll();
  }, { timeout: 180_000 });
}
