// Benchmark (issue 6): `make bench` -> bench/report.json + bench/report.md.
//
//   node bench/run.mjs [--quick] [--runs N] [--only sizes,time,scaling,interaction,memory] [--no-write]
//                      [--dist DIR] [--json-out FILE]   (measure another build)
//                      [--compare DIR]   (also time an older dist/ side by side: before/after)
//   node bench/run.mjs --render            (bench/report.md again from bench/report.json)
//
// Everything is served from 127.0.0.1 (scripts/serve.mjs, free port) and driven in
// the system Chromium through playwright-core, CPU throttled 4x through the
// DevTools protocol (Lighthouse's mobile setting), no network throttling.
// Three variants render the same article:
//   widget   - dist/embed.js -> glue -> wasm (what a portal embeds);
//   baseline - bench/baseline.js, a hand-written plain-JS renderer (the floor for client rendering);
//   static   - the widget's own output for that article as server-rendered HTML
//              (declarative shadow root + the same CSS, no script at all).
import { readFileSync, writeFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
if (flag('--render')) {
  // Re-renders bench/report.md from bench/report.json (after editing report.mjs or notes.md).
  const r = JSON.parse(readFileSync(join(root, 'bench/report.json'), 'utf8'));
  writeFileSync(join(root, 'bench/report.md'), (await import('./report.mjs')).markdown(r));
  console.log('wrote bench/report.md from bench/report.json');
  process.exit(0);
}
const QUICK = flag('--quick');
const RUNS = Number(opt('--runs', QUICK ? 5 : 15));
const ONLY = new Set(opt('--only', 'sizes,time,scaling,interaction,memory').split(','));
const THROTTLE = 4;
const BUDGET = 64 * 1024;
const VIEWPORT = { width: 412, height: 823 }; // Lighthouse's mobile viewport
const SIZES_N = [10, 100, 1000, 10000];
const SCALING_RUNS = { 10: QUICK ? 3 : 5, 100: QUICK ? 3 : 5, 1000: QUICK ? 3 : 5, 10000: QUICK ? 2 : 3 };
const INTERACTION_N = [10, 1000, 10000];
const CYCLES = Number(opt('--cycles', 200));
const started = Date.now();
// `make bench` must finish in under 10 minutes. On a busy machine the optional
// repetitions (beyond the minimum of each section) are skipped once the run is
// past its schedule; the report says so.
const SOFT_LIMIT_S = Number(opt('--soft-limit', 510));
const elapsed = () => (Date.now() - started) / 1000;
const shortened = [];
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

// ---------------------------------------------------------------- statistics
const sorted = (xs) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
function stats(xs) {
  const s = sorted(xs);
  if (!s.length) return null;
  const r = (x) => Math.round(x * 10) / 10;
  return { n: s.length, median: r(quantile(s, 0.5)), p25: r(quantile(s, 0.25)), p75: r(quantile(s, 0.75)), min: r(s[0]), max: r(s[s.length - 1]) };
}
const ratio = (a, b) => (a != null && b ? Math.round((a / b) * 100) / 100 : null);

// ---------------------------------------------------------------- 1. sizes
const dist = opt('--dist', join(root, 'dist'));
if (!existsSync(join(dist, 'embed.js'))) {
  console.error('dist/embed.js is missing: run `make dist` first');
  process.exit(1);
}
/** The files embed.js pulls from a dist/ folder, read once and served from memory. */
function readBundle(dir, prefix) {
  const embed = readFileSync(join(dir, 'embed.js'), 'utf8');
  const pick = (re) => readdirSync(dir).find((f) => re.test(f) && embed.includes(f));
  const glue = pick(/^article-reader\.[0-9a-f]{10}\.js$/), wasm = pick(/^article-reader\.[0-9a-f]{10}\.wasm$/);
  if (!glue || !wasm) throw new Error(`${dir}/embed.js does not name a glue .js and a .wasm that exist there`);
  return {
    glueName: glue, wasmName: wasm,
    files: {
      [`${prefix}/embed.js`]: { type: 'text/javascript; charset=utf-8', body: Buffer.from(embed) },
      [`${prefix}/${glue}`]: { type: 'text/javascript; charset=utf-8', body: readFileSync(join(dir, glue)) },
      [`${prefix}/${wasm}`]: { type: 'application/wasm', body: readFileSync(join(dir, wasm)) },
    },
  };
}
const main = readBundle(dist, '/dist');
const { glueName, wasmName } = main;
const compareDir = opt('--compare');
const before = compareDir ? readBundle(compareDir, '/before/dist') : null;
const measureBytes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});
const distSizes = existsSync(join(dist, 'sizes.json')) ? JSON.parse(readFileSync(join(dist, 'sizes.json'), 'utf8')) : null;
// The bundle is read once and served from memory: what is measured is what is served,
// even if dist/ is rebuilt while the bench runs.
const bundle = { ...main.files, ...(before ? before.files : {}) };
function bundleSizes(b, prefix) {
  const files = {
    'embed.js (loader)': measureBytes(b.files[`${prefix}/embed.js`].body),
    [`${b.glueName} (JS glue)`]: measureBytes(b.files[`${prefix}/${b.glueName}`].body),
    [`${b.wasmName} (wasm, CSS inside)`]: measureBytes(b.files[`${prefix}/${b.wasmName}`].body),
  };
  const total = Object.values(files).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}
const { files: sizeFiles, total: sizeTotal } = bundleSizes(main, '/dist');
const css = findCss();
const sizes = { files: sizeFiles, total: sizeTotal, cssInsideWasm: measureBytes(Buffer.from(css)), budgetBrotli: BUDGET, overBudgetBrotli: sizeTotal.brotli - BUDGET };
log(`sizes: total ${sizeTotal.raw} raw, ${sizeTotal.gzip} gzip, ${sizeTotal.brotli} brotli (budget ${BUDGET})`);

function findCss() {
  const b = join(root, 'target/wasm32-unknown-unknown/release/build');
  const cands = existsSync(b)
    ? readdirSync(b).filter((d) => d.startsWith('article-reader-')).map((d) => join(b, d, 'out/reader.min.css')).filter(existsSync)
    : [];
  // The newest build script output is the one the wasm embeds.
  cands.sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
  return readFileSync(cands[0] ?? join(root, 'style/reader.css'), 'utf8');
}

// ---------------------------------------------------------------- articles
const seed = JSON.parse(readFileSync(join(root, 'fixtures/seed/native.json'), 'utf8'));
const seedText = JSON.stringify(seed);
const generated = new Map();
/** The seed article with `n` paragraphs (cycling the seed's) and a captioned figure after every 10th. */
function article(n) {
  if (!generated.has(n)) {
    const paras = seed.body.map((b) => b.text);
    const body = [];
    for (let i = 0; i < n; i++) {
      body.push({ type: 'paragraph', text: `${i + 1}. ${paras[i % paras.length]}` });
      if ((i + 1) % 10 === 0) {
        body.push({
          type: 'image', src: `/fixtures/images/related-${((i + 1) / 10) % 3 + 1}.jpg`, width: 1200, height: 800,
          alt: `Ảnh minh họa ${(i + 1) / 10}`, caption: `Hình ${(i + 1) / 10}: quang cảnh hội nghị tại điểm cầu huyện.`, credit: 'MT',
        });
      }
    }
    generated.set(n, JSON.stringify({ ...seed, id: `bench-${n}`, body }));
  }
  return generated.get(n);
}

// ---------------------------------------------------------------- pages
const baselineJs = readFileSync(join(root, 'bench/baseline.js'), 'utf8').replace('CSS = __CSS__', () => `CSS = ${JSON.stringify(css)}`);
let staticInner = null; // the widget's rendered shadow tree for the seed article (set by snapshot())
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
function page(variant, src) {
  const fallback = `<a href="${esc(src)}">Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020</a>`;
  const host = variant === 'static'
    ? `<article-reader><template shadowrootmode="open"><style>${css}</style>${staticInner}</template>${fallback}</article-reader>`
    : `<article-reader src="${esc(src)}">${fallback}</article-reader>`;
  const script = {
    widget: '<script src="/dist/embed.js" defer></script>', before: '<script src="/before/dist/embed.js" defer></script>',
    baseline: '<script src="/bench/baseline.js" defer></script>', static: '',
  }[variant];
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>article-reader bench: ${variant}</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif}main{max-width:48rem;margin:0 auto;padding:8px}</style></head>
<body><main>
${host}
</main>
${script}
</body></html>
`;
}
const send = (res, type, body) => res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
const routes = {
  ...Object.fromEntries(Object.entries(bundle).map(([path, f]) => [path, (req, res) => {
    res.writeHead(200, { 'Content-Type': f.type, 'Cache-Control': /embed\.js$/.test(path) ? 'no-cache' : 'public, max-age=31536000, immutable' }).end(f.body);
  }])),
  '/bench/page.html': (req, res, url) => send(res, 'text/html; charset=utf-8', page(url.searchParams.get('v'), url.searchParams.get('src'))),
  '/bench/baseline.js': (req, res) => send(res, 'text/javascript; charset=utf-8', baselineJs),
  '/bench/article.json': (req, res, url) => {
    const n = url.searchParams.get('n');
    send(res, 'application/json; charset=utf-8', n ? article(Number(n)) : seedText);
  },
};
const SEED_SRC = '/bench/article.json';
const srcFor = (n) => (n ? `/bench/article.json?n=${n}` : SEED_SRC);
const urlFor = (base, variant, n, hide) => `${base}/bench/page.html?v=${variant}&src=${encodeURIComponent(srcFor(n))}${hide ? '&hide=1' : ''}`;

// ---------------------------------------------------------------- in-page instrumentation
// Runs before any page script: marks "article in DOM" (title, first paragraph and
// first figure caption inside the host's shadow root) and "article painted" (the
// task after the next animation frame, i.e. after that frame was rendered), and
// wraps WebAssembly.instantiate* to time compile+instantiate and find the memory.
const INIT = `(() => {
  const B = window.__bench = { wasm: [], memory: null };
  let done = false, resolve, resolveDom;
  B.painted = new Promise((r) => { resolve = r; });
  B.inDom = new Promise((r) => { resolveDom = r; });
  const ready = () => {
    const h = document.querySelector('article-reader, [data-article-reader]');
    const s = h && h.shadowRoot;
    return !!(s && s.querySelector('h1') && s.querySelector('.ar-body p') && s.querySelector('figcaption'));
  };
  const check = () => {
    if (done || !ready()) return;
    done = true;
    mo.disconnect();
    performance.mark('article-in-dom');
    resolveDom();
    // Scaling runs measure the render only: hiding the host skips the first layout of the article.
    if (/[?&]hide=1/.test(location.search)) document.querySelector('article-reader').style.display = 'none';
    requestAnimationFrame(() => {
      performance.mark('article-frame');
      const c = new MessageChannel();
      c.port1.onmessage = () => { performance.mark('article-painted'); resolve(); };
      c.port2.postMessage(0);
    });
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const r = attach.call(this, init);
    if (!done) mo.observe(r, { childList: true, subtree: true });
    return r;
  };
  // Declarative shadow roots are not observed: look once per frame as well.
  const poll = () => { check(); if (!done) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
  document.addEventListener('DOMContentLoaded', check);
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const f = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const start = performance.now();
      return f.apply(this, args).then((r) => {
        const inst = r.instance || r;
        B.wasm.push({ api: name, start, end: performance.now() });
        if (inst.exports && inst.exports.memory) B.memory = inst.exports.memory;
        return r;
      });
    };
  }
})();`;

// ---------------------------------------------------------------- browser helpers
let browser, base;
async function openPage({ throttle = THROTTLE } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e.message)));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  page.cdp = cdp;
  page.close2 = () => context.close();
  return page;
}
async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}
/** Loads one variant and returns its timings (ms from navigation start); one retry on failure. */
async function load(variant, n, opts = {}) {
  try {
    return await loadOnce(variant, n, opts);
  } catch (e) {
    log(`retrying once: ${String(e.message).slice(0, 300)}`);
    return loadOnce(variant, n, opts);
  }
}
async function loadOnce(variant, n, { throttle = THROTTLE, keep = false, until = 'painted' } = {}) {
  const page = await openPage({ throttle });
  await page.goto(urlFor(base, variant, n, until === 'inDom'), { waitUntil: 'commit' });
  const ok = await page.evaluate(([ms, until]) => Promise.race([
    window.__bench[until].then(() => true),
    new Promise((r) => setTimeout(() => r(false), ms)),
  ]), [120_000, until]);
  if (!ok) {
    const state = await page.evaluate(() => {
      const h = document.querySelector('article-reader');
      return `${document.readyState}; shadow root: ${h && h.shadowRoot ? h.shadowRoot.innerHTML.slice(0, 300) : 'none'}`;
    });
    await page.close2();
    throw new Error(`${variant} (${n || 'seed'}): the article was not ${until === 'inDom' ? 'in the DOM' : 'painted'} within 120 s (${state}) ${page.problems.join('; ')}`);
  }
  const r = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const res = performance.getEntriesByType('resource');
    const find = (re) => res.find((e) => re.test(e.name));
    const w = window.__bench.wasm[0] ?? null;
    const wasmRes = find(/\.wasm$/), json = find(/\/bench\/article\.json/);
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      inDom: mark('article-in-dom'), painted: mark('article-painted'),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      dcl: nav ? nav.domContentLoadedEventEnd : null,
      jsonEnd: json ? json.responseEnd : null,
      wasmFetch: wasmRes ? { start: wasmRes.startTime, end: wasmRes.responseEnd } : null,
      wasm: w,
      resources: res.map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })),
    };
  });
  const m = await metrics(page.cdp);
  r.scriptMs = m.ScriptDuration * 1000;
  r.taskMs = m.TaskDuration * 1000;
  r.layoutMs = (m.LayoutDuration + m.RecalcStyleDuration) * 1000;
  r.nodes = m.Nodes;
  r.render = r.jsonEnd != null ? r.inDom - r.jsonEnd : null; // JSON received -> article in the DOM
  if (r.wasm) {
    r.wasmInstantiate = r.wasm.end - r.wasm.start; // streaming: download + compile + instantiate
    r.wasmAfterDownload = r.wasmFetch ? r.wasm.end - Math.max(r.wasm.start, r.wasmFetch.end) : null;
  }
  if (page.problems.length) r.problems = page.problems;
  if (keep) return { r, page };
  await page.close2();
  return { r };
}

// ---------------------------------------------------------------- 2. time to article
async function snapshot() {
  const { page } = await load('widget', 0, { throttle: 1, keep: true });
  staticInner = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.innerHTML);
  await page.close2();
}

async function timeToArticle() {
  const variants = before ? ['widget', 'baseline', 'static', 'before'] : ['widget', 'baseline', 'static'];
  const runs = Object.fromEntries(variants.map((v) => [v, []]));
  for (const v of variants) await load(v, 0); // warm-up (server, disk cache of the OS), not recorded
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, rotating which variant goes first.
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(i + k) % variants.length];
      runs[v].push((await load(v, 0)).r);
    }
    log(`time to article: run ${i + 1}/${RUNS}`);
  }
  const pick = (v, f) => runs[v].map(f).filter((x) => x != null);
  const summary = {};
  for (const v of variants) {
    summary[v] = {
      painted: stats(pick(v, (r) => r.painted)),
      inDom: stats(pick(v, (r) => r.inDom)),
      fcp: stats(pick(v, (r) => r.fcp)),
      scriptMs: stats(pick(v, (r) => r.scriptMs)),
      layoutMs: stats(pick(v, (r) => r.layoutMs)),
    };
    if (v !== 'static') summary[v].render = stats(pick(v, (r) => r.render));
  }
  for (const v of variants.filter((x) => x === 'widget' || x === 'before')) {
    summary[v].wasmInstantiate = stats(pick(v, (r) => r.wasmInstantiate));
    summary[v].wasmAfterDownload = stats(pick(v, (r) => r.wasmAfterDownload));
    summary[v].wasmDownloadEnd = stats(pick(v, (r) => r.wasmFetch && r.wasmFetch.end));
  }
  summary.ratios = {
    widgetOverBaseline: ratio(summary.widget.painted.median, summary.baseline.painted.median),
    widgetOverStatic: ratio(summary.widget.painted.median, summary.static.painted.median),
    baselineOverStatic: ratio(summary.baseline.painted.median, summary.static.painted.median),
  };
  if (before) {
    summary.ratios.beforeOverBaseline = ratio(summary.before.painted.median, summary.baseline.painted.median);
    summary.ratios.beforeOverStatic = ratio(summary.before.painted.median, summary.static.painted.median);
    summary.ratios.widgetOverBefore = ratio(summary.widget.painted.median, summary.before.painted.median);
  }
  const problems = variants.flatMap((v) => runs[v].flatMap((r) => r.problems ?? []));
  return { runs: RUNS, summary, problems: [...new Set(problems)], raw: runs };
}

// ---------------------------------------------------------------- 3. scaling
async function scaling() {
  const variants = ['widget', 'baseline'];
  const raw = {};
  for (const n of SIZES_N) for (const v of variants) raw[`${v}:${n}`] = [];
  const maxRuns = Math.max(...Object.values(SCALING_RUNS));
  for (let i = 0; i < maxRuns; i++) {
    if (i >= 3 && elapsed() > SOFT_LIMIT_S * 0.6) {
      shortened.push(`scaling: ${i} runs instead of up to ${maxRuns} (machine busy)`);
      break;
    }
    for (const n of SIZES_N) {
      if (i >= SCALING_RUNS[n]) continue;
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(i + k) % variants.length];
        // Render cost only: stop at "in the DOM" (the first layout of 10,000 paragraphs takes longer than the render).
        raw[`${v}:${n}`].push((await load(v, n, { until: 'inDom' })).r);
      }
    }
    log(`scaling: run ${i + 1}/${maxRuns}`);
  }
  const out = {};
  for (const v of variants) {
    const rows = SIZES_N.map((n) => {
      const rs = raw[`${v}:${n}`];
      return {
        paragraphs: n, figures: Math.floor(n / 10), runs: rs.length,
        render: stats(rs.map((r) => r.render)), inDom: stats(rs.map((r) => r.inDom)),
        scriptMs: stats(rs.map((r) => r.scriptMs)), layoutMs: stats(rs.map((r) => r.layoutMs)), nodes: rs[0]?.nodes,
      };
    });
    // Marginal cost per paragraph between consecutive sizes, and the log-log slope.
    for (let j = 1; j < rows.length; j++) {
      const a = rows[j - 1], b = rows[j];
      b.perParagraphMs = Math.round(((b.render.median - a.render.median) / (b.paragraphs - a.paragraphs)) * 1000) / 1000;
      b.perParagraphScriptMs = Math.round(((b.scriptMs.median - a.scriptMs.median) / (b.paragraphs - a.paragraphs)) * 1000) / 1000;
    }
    const last = rows[rows.length - 1], prev = rows[rows.length - 2];
    const exponent = Math.log(last.render.median / prev.render.median) / Math.log(last.paragraphs / prev.paragraphs);
    out[v] = {
      rows,
      perParagraphMs: last.perParagraphMs,
      exponent1000to10000: Math.round(exponent * 100) / 100,
      // Linear: the marginal cost from 1,000 to 10,000 is at most 1.5x the one from 100 to 1,000.
      linear: last.perParagraphMs <= 1.5 * Math.max(prev.perParagraphMs, 0.001),
    };
  }
  out.ratioPerParagraph = ratio(out.widget.perParagraphMs, out.baseline.perParagraphMs);
  return out;
}

// ---------------------------------------------------------------- 4. interaction
const INTERACT = async ([kind, i]) => {
  const sr = document.querySelector('article-reader').shadowRoot;
  let mutations = 0;
  const mo = new MutationObserver((recs) => { mutations += recs.length; });
  const frame = () => new Promise((r) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => r(performance.now());
    c.port2.postMessage(0);
  }));
  await frame();
  mo.observe(sr, { subtree: true, childList: true, attributes: true, characterData: true });
  const t0 = performance.now();
  if (kind === 'font') {
    sr.querySelector(i % 2 ? 'button[part~="font-smaller"]' : 'button[part~="font-larger"]').click();
  } else {
    const sel = sr.querySelector('select[part~="theme-select"]');
    sel.value = ['sepia', 'dark', 'light', 'auto'][i % 4];
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const sync = performance.now() - t0;
  const toFrame = (await frame()) - t0;
  await new Promise((r) => setTimeout(r, 20));
  await frame();
  mutations += mo.takeRecords().length;
  mo.disconnect();
  return { sync, toFrame, mutations };
};
async function interaction() {
  const reps = (n) => (n >= 10000 || elapsed() > SOFT_LIMIT_S * 0.75 ? 2 : QUICK ? 4 : 6);
  const out = {};
  for (const v of ['widget', 'baseline']) {
    out[v] = [];
    for (const n of INTERACTION_N) {
      const { page } = await load(v, n, { keep: true });
      const row = { paragraphs: n };
      for (const kind of ['font', 'theme']) {
        const rs = [];
        for (let i = 0; i < reps(n); i++) {
          const before = await metrics(page.cdp);
          const r = await page.evaluate(INTERACT, [kind, i]);
          const after = await metrics(page.cdp);
          r.scriptMs = (after.ScriptDuration - before.ScriptDuration) * 1000;
          r.layoutMs = (after.LayoutDuration + after.RecalcStyleDuration - before.LayoutDuration - before.RecalcStyleDuration) * 1000;
          rs.push(r);
        }
        row[kind] = {
          scriptMs: stats(rs.map((r) => r.scriptMs)), handlerMs: stats(rs.map((r) => r.sync)),
          toFrameMs: stats(rs.map((r) => r.toFrame)), layoutMs: stats(rs.map((r) => r.layoutMs)),
          mutations: stats(rs.map((r) => r.mutations)),
        };
      }
      out[v].push(row);
      await page.close2();
      log(`interaction: ${v} ${n} paragraphs`);
    }
  }
  for (const v of ['widget', 'baseline']) {
    const m = out[v].flatMap((row) => [row.font.mutations.median, row.theme.mutations.median]);
    out[`${v}MutationsConstant`] = out[v].every((row, j) => row.font.mutations.median === out[v][0].font.mutations.median && row.theme.mutations.median === out[v][0].theme.mutations.median) && m.length > 0;
  }
  return out;
}

// ---------------------------------------------------------------- 5. memory
async function heap(page) {
  await page.cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await page.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await page.cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => (window.__bench.memory ? window.__bench.memory.buffer.byteLength : 0));
  const dom = (await metrics(page.cdp)).Nodes;
  return { jsHeapUsed: usedSize, jsHeapTotal: totalSize, wasmMemory: wasm, total: usedSize + wasm, domNodes: dom };
}
const CYCLE = async ([count, src]) => {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const el = document.createElement('div');
    document.body.append(el);
    await window.ArticleReader.mount(el, { src }).ready;
    await new Promise((resolve) => {
      const ok = () => el.shadowRoot && el.shadowRoot.querySelector('.ar-article, .ar-error');
      if (ok()) return resolve();
      const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); resolve(); } });
      mo.observe(el.shadowRoot, { childList: true, subtree: true });
    });
    if (el.shadowRoot.querySelector('.ar-error')) throw new Error('cycle ' + i + ': the widget showed an error');
    window.ArticleReader.unmount(el);
    el.remove();
  }
  return performance.now() - t0;
};
async function memory() {
  const out = {};
  for (const v of ['widget', 'baseline']) {
    const a = await load(v, 0, { throttle: 1, keep: true });
    out[`${v}Seed`] = await heap(a.page);
    if (v === 'widget') {
      const ms = await a.page.evaluate(CYCLE, [CYCLES, SEED_SRC]);
      out.widgetAfterCycles = { ...(await heap(a.page)), cycles: CYCLES, cycleMs: Math.round(ms / CYCLES * 10) / 10 };
      out.widgetCycleGrowth = {
        jsHeapUsed: out.widgetAfterCycles.jsHeapUsed - out.widgetSeed.jsHeapUsed,
        wasmMemory: out.widgetAfterCycles.wasmMemory - out.widgetSeed.wasmMemory,
        domNodes: out.widgetAfterCycles.domNodes - out.widgetSeed.domNodes,
      };
      if (a.page.problems.length) out.problems = a.page.problems;
    }
    await a.page.close2();
    const b = await load(v, 10000, { throttle: 1, keep: true, until: 'inDom' });
    out[`${v}10000`] = await heap(b.page);
    await b.page.close2();
    log(`memory: ${v}`);
  }
  return out;
}

// ---------------------------------------------------------------- run
const server = await serve({ port: 0, routes });
base = `http://127.0.0.1:${server.address().port}`;
browser = await launch(process.env.BENCH_CHROMIUM_ARGS ? process.env.BENCH_CHROMIUM_ARGS.split(' ') : []);
const report = {
  generated: new Date().toISOString(),
  environment: {
    chromium: browser.version(), node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length,
    commit: gitCommit(), cpuThrottling: THROTTLE, viewport: VIEWPORT, quick: QUICK, loadAverage: os.loadavg(),
  },
  sizes,
  distSizesJson: distSizes,
};
if (before) report.sizesBefore = { dir: opt('--compare-label', compareDir), ...bundleSizes(before, '/before/dist') };
try {
  if (opt('--trace')) {
    const [v, n] = opt('--trace').split(':');
    await snapshot();
    for (let i = 0; i < 3; i++) console.log(JSON.stringify((await load(v, Number(n || 0))).r, null, 1));
    process.exit(0);
  }
  if ([...ONLY].some((x) => x !== 'sizes')) {
    await snapshot();
    log('static page: snapshot of the widget\'s rendered seed article');
  }
  if (ONLY.has('time')) report.timeToArticle = await timeToArticle();
  if (ONLY.has('scaling')) report.scaling = await scaling();
  if (ONLY.has('interaction')) report.interaction = await interaction();
  if (ONLY.has('memory')) report.memory = await memory();
} finally {
  await browser.close();
  server.close();
}
report.durationSeconds = Math.round((Date.now() - started) / 1000);
report.environment.loadAverageEnd = os.loadavg();
if (shortened.length) report.shortened = shortened;
const md = (await import('./report.mjs')).markdown(report);
if (opt('--json-out')) {
  const rawless = JSON.parse(JSON.stringify(report));
  if (rawless.timeToArticle) delete rawless.timeToArticle.raw;
  writeFileSync(opt('--json-out'), JSON.stringify(rawless, null, 2) + '\n');
  log(`wrote ${opt('--json-out')}`);
} else if (!flag('--no-write')) {
  const rawless = JSON.parse(JSON.stringify(report));
  if (rawless.timeToArticle) delete rawless.timeToArticle.raw;
  writeFileSync(join(root, 'bench/report.json'), JSON.stringify(rawless, null, 2) + '\n');
  writeFileSync(join(root, 'bench/report.md'), md);
  log('wrote bench/report.json and bench/report.md');
} else {
  console.log(md);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return null;
  }
}
