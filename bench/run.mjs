// Benchmark (issues 6 and 9): `make bench` -> bench/report.json, bench/report.md, bench/chart.svg.
//
//   node bench/run.mjs [--quick] [--runs N] [--modes cold,repeat,cpu]
//                      [--only sizes,time,waterfall,scaling,longbody,interaction,memory] [--no-write]
//                      [--dist DIR] [--json-out FILE]   (measure another build)
//                      [--compare DIR [--compare-label TEXT] [--compare-wasm FILE]]
//                                                       (also an older dist/, side by side: before/after)
//                      [--wasm-names FILE]              (module with a name section; default target/wb/article_reader_bg.wasm)
//   node bench/run.mjs --render            (bench/report.md and chart.svg again from bench/report.json)
//   BENCH_VARIANTS=widget,before node bench/run.mjs --only time ...   (time only these variants: A/B checks)
//
// Everything is served from 127.0.0.1 (scripts/serve.mjs routes, free ports) and driven
// in the system Chromium (scripts/lib/chromium.mjs) through playwright-core. Three modes:
//   cold   - Lighthouse's mobile profile: CPU 4x slower (CDP Emulation.setCPUThrottlingRate)
//            and a 150 ms / 1.6 Mbps / 750 Kbps link (CDP Network.emulateNetworkConditions),
//            responses brotli-encoded as a CDN sends them; a new profile for every run;
//   repeat - the same, in a profile (on disk: HTTP cache and V8 code cache) that loaded
//            the page once before; content-hashed files come from the cache;
//   cpu    - 4x CPU only, uncompressed, no network throttling (the bench of issue 6).
// Three variants render the same article:
//   widget   - dist/embed.js (-> its wasm) as an admin embeds it, reading the seed article
//              as a WordPress post (fixtures/seed/wordpress.json);
//   baseline - bench/baseline.js, a hand-written plain-JS renderer (the floor for client rendering),
//              reading the seed in the native format;
//   static   - the widget's own output for that article as server-rendered HTML
//              (declarative shadow root + the same CSS, no script at all).
// With --compare, "before" is the widget from the other dist/, timed interleaved with them.
import { readFileSync, writeFileSync, readdirSync, existsSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, dirname, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { serve, sendBody, compressed, cacheControlFor, EMBED_SHORT, TYPES } from '../scripts/serve.mjs';
import { launch, launchPersistent } from '../scripts/lib/chromium.mjs';
import { sizes as measureBytes, sumSizes } from '../scripts/lib/sizes.mjs';
import { wasmSizes } from './wasm-size.mjs';
import { recordRequests, waterfall } from './waterfall.mjs';
import { chartSvg } from './chart.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
if (flag('--render')) {
  // Re-renders bench/report.md and chart.svg from bench/report.json (after editing report.mjs or notes.md).
  const r = JSON.parse(readFileSync(join(root, 'bench/report.json'), 'utf8'));
  writeFileSync(join(root, 'bench/report.md'), (await import('./report.mjs')).markdown(r));
  writeFileSync(join(root, 'bench/chart.svg'), chart(r));
  console.log('wrote bench/report.md and bench/chart.svg from bench/report.json');
  process.exit(0);
}
const QUICK = flag('--quick');
const RUNS = Number(opt('--runs', QUICK ? 3 : 9));
const ONLY = new Set(opt('--only', 'sizes,time,waterfall,scaling,longbody,interaction,memory').split(','));
const THROTTLE = 4;
const BUDGET = { criticalPath: 100 * 1024, goal: 64 * 1024, total: 130 * 1024 }; // issue 9, item 3
const VIEWPORT = { width: 412, height: 823 }; // Lighthouse's mobile viewport
// Lighthouse's mobile network (bytes/s): 150 ms round trip, 1.6 Mbps down, 750 Kbps up.
const MOBILE = { offline: false, latency: 150, downloadThroughput: 204800, uploadThroughput: 96000 };
const ALL_MODES = {
  cold: { key: 'cold', label: 'first visit (cold cache)', network: MOBILE, repeat: false, compress: true },
  repeat: { key: 'repeat', label: 'repeat visit (cached)', network: MOBILE, repeat: true, compress: true },
  cpu: { key: 'cpu', label: '4× CPU only', network: null, repeat: false, compress: false },
};
const MODES = opt('--modes', 'cold,repeat,cpu').split(',').map((m) => {
  if (!ALL_MODES[m]) throw new Error(`--modes: unknown mode ${m} (known: ${Object.keys(ALL_MODES).join(', ')})`);
  return ALL_MODES[m];
});
const SIZES_N = [10, 100, 1000, 10000];
const SCALING_RUNS = { 10: QUICK ? 2 : 3, 100: QUICK ? 2 : 3, 1000: QUICK ? 2 : 3, 10000: QUICK ? 1 : 3 };
const INTERACTION_N = [10, 1000]; // at 10,000 a font change is ~12 s of the browser's own layout: too slow to repeat
const LONG_N = 100000; // short paragraphs (the 32 MB response limit)
const LONG_LIMIT_MS = Number(opt('--long-limit', 90)) * 1000; // a longer load is cut there (reported as such)
const CYCLES = Number(opt('--cycles', QUICK ? 50 : 200));
const started = Date.now();
// `make bench` must finish in under 10 minutes. On a busy machine the optional
// repetitions (beyond the minimum of each section) are skipped once the run is
// past its schedule; the report says so.
const SOFT_LIMIT_S = Number(opt('--soft-limit', 420));
const elapsed = () => (Date.now() - started) / 1000;
const shortened = [];
const log = (...a) => console.log(`[${elapsed().toFixed(0).padStart(4)} s]`, ...a);

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
  console.error(`${dist}/embed.js is missing: run \`make dist\` first`);
  process.exit(1);
}
/** Every file of a dist/ folder that the page may load (not sizes.json), read once and
 *  served from memory: what is measured is what is served, even if dist/ is rebuilt meanwhile. */
function readBundle(dir, prefix) {
  const files = {};
  for (const f of readdirSync(dir).sort()) {
    if (f === 'sizes.json' || f.endsWith('.map') || !statSync(join(dir, f)).isFile()) continue;
    const body = readFileSync(join(dir, f));
    files[`${prefix}/${f}`] = { name: f, type: TYPES[extname(f)] ?? 'application/octet-stream', body, sizes: measureBytes(body) };
  }
  if (!files[`${prefix}/embed.js`]) throw new Error(`${dir} has no embed.js`);
  return { dir, prefix, files, total: sumSizes(Object.values(files).map((f) => f.sizes)) };
}
const main = readBundle(dist, '/dist');
const compareDir = opt('--compare');
const before = compareDir ? readBundle(compareDir, '/before/dist') : null;
const bundle = { ...main.files, ...(before ? before.files : {}) };
for (const f of Object.values(bundle)) { compressed(f.body, 'br'); compressed(f.body, 'gzip'); } // precompressed, as a CDN serves them
const distSizesJson = existsSync(join(dist, 'sizes.json')) ? JSON.parse(readFileSync(join(dist, 'sizes.json'), 'utf8')) : null;
const bundleSizes = (b) => ({ files: Object.fromEntries(Object.values(b.files).map((f) => [f.name, f.sizes])), total: b.total });
const css = findCss();
const sizes = { ...bundleSizes(main), cssInsideWasm: measureBytes(Buffer.from(css)), budget: BUDGET };
log(`sizes: ${Object.keys(main.files).length} files, total ${sizes.total.raw} raw, ${sizes.total.gzip} gzip, ${sizes.total.brotli} brotli`);

function findCss() {
  // The build script's output in the shipped build's target dir (nightly) or the stable one.
  const cands = ['target/wasm-nightly/wasm32-unknown-unknown/release/build', 'target/wasm32-unknown-unknown/release/build']
    .map((d) => join(root, d)).filter(existsSync)
    .flatMap((b) => readdirSync(b).filter((d) => d.startsWith('article-reader-')).map((d) => join(b, d, 'out/reader.min.css')).filter(existsSync));
  // The newest build script output is the one the wasm embeds.
  cands.sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
  return readFileSync(cands[0] ?? join(root, 'style/reader.css'), 'utf8');
}

/** Twiggy-like figures of a module with names, after `wasm-opt -Oz -g` when the pruned
 *  input of that step sits beside it (then the functions are the shipped ones, named). */
function wasmNames(file, shippedMtime = null) {
  if (!file || !existsSync(file)) return null;
  const pruned = file.replace(/\.wasm$/, '.pruned.wasm');
  let input = file, how = 'wasm-bindgen output (before wasm-opt)';
  const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
  if (existsSync(pruned) && existsSync(wasmOpt)) {
    const buf = readFileSync(pruned);
    const out = join(tmpdir(), `ar-bench-${createHash('sha256').update(buf).digest('hex').slice(0, 12)}.opt-g.wasm`);
    try {
      if (!existsSync(out)) execFileSync(wasmOpt, ['-Oz', '-g', pruned, '-o', out], { stdio: 'ignore' });
      input = out;
      how = 'after wasm-opt -Oz, names kept (-g)';
    } catch (e) {
      log(`wasm-opt -Oz -g failed (${e.message}); sizes of the unoptimized module`);
    }
  }
  // The shipped wasm is renamed and optimized, so identity cannot be checked: a names file
  // older than the dist/ it should describe by more than 10 minutes is flagged as stale.
  const mtime = statSync(file).mtimeMs;
  const stale = shippedMtime != null && mtime < shippedMtime - 600_000;
  if (stale) log(`warning: ${file} is older than the dist/ wasm: its size table may describe another build`);
  return { file, measured: how, mtime: new Date(mtime).toISOString(), stale, ...wasmSizes(readFileSync(input), { top: 25 }) };
}

// ---------------------------------------------------------------- articles
const seed = JSON.parse(readFileSync(join(root, 'fixtures/seed/native.json'), 'utf8'));
const seedText = JSON.stringify(seed);
// The post's site is this server: its absolute links and image (https://baotinh.example.vn/...)
// become root-relative, so every variant loads the same image from here.
const wordpressText = Buffer.from(readFileSync(join(root, 'fixtures/seed/wordpress.json'), 'utf8').replaceAll('https://baotinh.example.vn/', '/'));
const generated = new Map();
/** The seed article with `n` paragraphs (cycling the seed's; `short`: their first 80
 *  characters) and a captioned figure after every 10th. */
function article(n, short = false) {
  const key = `${n}:${short}`;
  if (!generated.has(key)) {
    const paras = seed.body.map((b) => (short ? b.text.slice(0, 80) : b.text));
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
    generated.set(key, Buffer.from(JSON.stringify({ ...seed, id: `bench-${n}`, body })));
  }
  return generated.get(key);
}

// ---------------------------------------------------------------- pages
const baselineSrc = readFileSync(join(root, 'bench/baseline.js'), 'utf8');
let baselineJs = null; // with the widget's own CSS (set by snapshot())
let staticInner = null; // the widget's rendered shadow tree for the seed article (set by snapshot())
let pageCss = css; // the CSS the widget's shadow root uses (set by snapshot())
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const SEED_SRC = { widget: '/bench/wordpress.json', before: '/bench/wordpress.json', baseline: '/bench/article.json' };
function page(variant, src) {
  const fallback = `<a href="${esc(src ?? '')}">Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020</a>`;
  const host = variant === 'static'
    ? `<article-reader><template shadowrootmode="open"><style>${pageCss}</style>${staticInner}</template>${fallback}</article-reader>`
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
/** The bench's routes; `compress` sends brotli as a CDN would. Cache headers as the
 *  README documents: hashed files immutable, embed.js (and the baseline's script, its
 *  peer) short, article JSON and the page revalidated (no-cache + ETag). */
function routes(compress) {
  const send = (cache) => (type, body) => (req, res) => sendBody(req, res, body, { headers: { 'Content-Type': type, 'Cache-Control': cache }, compress });
  return {
    ...Object.fromEntries(Object.entries(bundle).map(([path, f]) => [path, send(cacheControlFor(path, { embedCache: EMBED_SHORT }))(f.type, f.body)])),
    '/bench/page.html': (req, res, url) => send('no-cache')('text/html; charset=utf-8', page(url.searchParams.get('v'), url.searchParams.get('src')))(req, res),
    '/bench/baseline.js': (req, res) => send(EMBED_SHORT)('text/javascript; charset=utf-8', baselineJs)(req, res),
    '/bench/wordpress.json': send('no-cache')('application/json; charset=utf-8', wordpressText),
    '/bench/article.json': (req, res, url) => {
      const n = url.searchParams.get('n');
      send('no-cache')('application/json; charset=utf-8', n ? article(Number(n), url.searchParams.has('short')) : seedText)(req, res);
    },
  };
}
const srcFor = (variant, n, short) => (n ? `/bench/article.json?n=${n}${short ? '&short=1' : ''}` : SEED_SRC[variant]);
const urlFor = (base, variant, n, { hide = false, short = false } = {}) =>
  `${base}/bench/page.html?v=${variant}${variant === 'static' ? '' : `&src=${encodeURIComponent(srcFor(variant, n, short))}`}${n ? `&n=${n}` : ''}${hide ? '&hide=1' : ''}`;

// ---------------------------------------------------------------- in-page instrumentation
// Runs before any page script: marks "article in DOM" (title, first paragraph and
// first figure caption inside the host's shadow root), "article painted" (the task
// after the next animation frame, i.e. after that frame was rendered) and, for an
// article of n paragraphs (&n= in the page URL), "complete" (paragraph n in the DOM:
// a body rendered in chunks is finished). Records long tasks, and wraps
// WebAssembly.instantiate* to time compile+instantiate and find the memory.
const INIT = `(() => {
  const B = window.__bench = { wasm: [], memory: null, longtasks: [] };
  const want = Number(new URLSearchParams(location.search).get('n') || 0);
  let done = false, complete = false, resolve, resolveDom, resolveComplete;
  B.painted = new Promise((r) => { resolve = r; });
  B.inDom = new Promise((r) => { resolveDom = r; });
  B.complete = new Promise((r) => { resolveComplete = r; });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const shadow = () => { const h = document.querySelector('article-reader, [data-article-reader]'); return h && h.shadowRoot; };
  const ready = (s) => !!(s && s.querySelector('h1') && s.querySelector('.ar-body p') && s.querySelector('figcaption'));
  const last = (s) => {
    const body = s && s.querySelector('.ar-body');
    let el = body && body.lastElementChild;
    if (el && el.classList.contains('ar-chunk')) el = el.lastElementChild; // a long body's blocks come in chunks
    for (let i = 0; el && i < 3; i++, el = el.previousElementSibling) if (el.textContent.startsWith(want + '. ')) return true;
    return false;
  };
  const check = () => {
    const s = shadow();
    if (!done && ready(s)) {
      done = true;
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
    }
    if (done && !complete && (!want || last(s))) {
      complete = true;
      performance.mark('article-complete');
      mo.disconnect();
      resolveComplete();
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const r = attach.call(this, init);
    if (!complete) mo.observe(r, { childList: true, subtree: true });
    return r;
  };
  // Declarative shadow roots are not observed: look once per frame as well.
  const poll = () => { check(); if (!complete) requestAnimationFrame(poll); };
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
let browser;
const bases = {}; // compress -> http://127.0.0.1:port
const profiles = []; // temp dirs of persistent profiles, removed at the end
/** A page with the instrumentation, CPU throttling and (optionally) the mobile network. */
async function openPage({ throttle = THROTTLE, network = null, context = null, record = false } = {}) {
  const own = !context;
  if (own) {
    context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(INIT);
  }
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e.message)));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  // The Network domain only where it is needed (emulation, the waterfall): with it
  // enabled, DevTools keeps and decodes a copy of every response body on the main
  // thread (a 16 MB article: one extra task of over a second at 4x CPU).
  if (network || record) await cdp.send('Network.enable');
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  page.cdp = cdp;
  page.close2 = () => (own ? context.close() : page.close());
  return page;
}
/** With BENCH_TRACE_OUT=file (profiling by hand, with --trace): a Chromium trace of the load, for
 *  chrome://tracing or Perfetto; BENCH_PROFILE_OUT=file: a V8 CPU profile (.cpuprofile) of it. */
async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,blink,disabled-by-default-devtools.timeline,loading', transferMode: 'ReportEvents' });
  return {
    async stop(file) {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      writeFileSync(file, JSON.stringify({ traceEvents: events }));
    },
  };
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
/** mode: one of MODES (network, compression, repeat visit); until: inDom | painted | complete. */
async function loadOnce(variant, n, { mode = ALL_MODES.cpu, throttle = THROTTLE, keep = false, until = 'painted', hide = false, short = false, record = false, settle = 0, timeout = 180_000, partial = false } = {}) {
  const base = bases[mode.compress];
  const url = urlFor(base, variant, n, { hide, short });
  let context = null;
  if (mode.repeat) {
    // A profile on disk, one earlier visit under the same conditions, then a new tab.
    const dir = mkdtempSync(join(tmpdir(), 'ar-bench-profile-'));
    profiles.push(dir);
    context = await launchPersistent(dir, { viewport: VIEWPORT });
    await context.addInitScript(INIT);
    for (const p of context.pages()) await p.close();
    // The earlier visit only fills the caches: same CPU, no network emulation (saves time).
    const first = await openPage({ throttle, context });
    await visit(first, url, variant, n, 'painted');
    await first.waitForTimeout(250); // let the cache entries be written
    await first.close();
  }
  const page = await openPage({ throttle, network: mode.network, context, record });
  const log2 = record ? recordRequests(page.cdp) : null;
  const trace = process.env.BENCH_TRACE_OUT ? await startTrace(page.cdp) : null;
  if (process.env.BENCH_PROFILE_OUT) {
    await page.cdp.send('Profiler.enable');
    await page.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.cdp.send('Profiler.start');
  }
  const closeAll = () => (context ? context.close() : page.close2());
  let timedOut = false;
  try {
    timedOut = !(await visit(page, url, variant, n, until, { timeout, partial }));
  } catch (e) {
    await closeAll();
    throw e;
  }
  // Long-task entries arrive in a task of their own after the long task: wait for them.
  if (settle) await page.waitForTimeout(settle);
  if (trace) await trace.stop(process.env.BENCH_TRACE_OUT);
  if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify((await page.cdp.send('Profiler.stop')).profile));
  const r = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const res = performance.getEntriesByType('resource');
    const find = (re) => res.find((e) => re.test(e.name));
    const w = window.__bench.wasm[0] ?? null;
    const wasmRes = find(/article-reader\.[0-9a-f]{10}\.wasm$/) ?? find(/\.wasm$/), json = find(/\/bench\/(article|wordpress)\.json/);
    const nav = performance.getEntriesByType('navigation')[0];
    const lt = window.__bench.longtasks.map((t) => t.duration).sort((a, b) => b - a);
    return {
      inDom: mark('article-in-dom'), painted: mark('article-painted'), complete: mark('article-complete'),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      dcl: nav ? nav.domContentLoadedEventEnd : null,
      jsonStart: json ? json.startTime : null, jsonEnd: json ? json.responseEnd : null,
      wasmFetch: wasmRes ? { start: wasmRes.startTime, end: wasmRes.responseEnd } : null,
      wasm: w, longestTasks: lt.slice(0, 5), longTasksOver200: lt.filter((d) => d > 200).length,
      // transferSize 0 with a body: served from the HTTP cache (a 304 counts its headers only).
      requests: [nav, ...res].filter(Boolean).map((e) => ({ name: e.name.replace(location.origin, ''), transfer: e.transferSize, body: e.decodedBodySize })),
    };
  });
  const m = await metrics(page.cdp);
  r.scriptMs = m.ScriptDuration * 1000;
  r.taskMs = m.TaskDuration * 1000;
  r.layoutMs = (m.LayoutDuration + m.RecalcStyleDuration) * 1000;
  r.nodes = m.Nodes;
  r.render = r.jsonEnd != null ? r.inDom - r.jsonEnd : null; // JSON received -> article in the DOM
  r.renderAll = r.jsonEnd != null && r.complete != null ? r.complete - r.jsonEnd : null; // JSON received -> last paragraph in the DOM
  if (r.wasm) {
    r.wasmInstantiate = r.wasm.end - r.wasm.start; // streaming: download + compile + instantiate
    r.wasmAfterDownload = r.wasmFetch ? r.wasm.end - Math.max(r.wasm.start, r.wasmFetch.end) : null;
  }
  if (timedOut) r.timedOut = timeout;
  if (log2) r.waterfall = await waterfall(page, log2, { paintedAt: r.painted });
  if (page.problems.length) r.problems = page.problems;
  if (keep) return { r, page, close: closeAll };
  await closeAll();
  return { r };
}
/** Navigates and waits for `until`; true when reached. After `timeout` ms it throws,
 *  or with `partial` returns false (the caller collects what there is). */
async function visit(page, url, variant, n, until, { timeout = 180_000, partial = false } = {}) {
  await page.goto(url, { waitUntil: 'commit' });
  // "complete" also waits for the first screenful's paint (both may come from one task).
  const ok = await page.evaluate(([ms, until]) => Promise.race([
    (until === 'complete' ? Promise.all([window.__bench.complete, window.__bench.painted]) : window.__bench[until]).then(() => true),
    new Promise((r) => setTimeout(() => r(false), ms)),
  ]), [timeout, until]);
  if (!ok && partial) return false;
  if (!ok) {
    const state = await page.evaluate(() => {
      const h = document.querySelector('article-reader');
      return `${document.readyState}; shadow root: ${h && h.shadowRoot ? h.shadowRoot.innerHTML.slice(0, 300) : 'none'}`;
    });
    throw new Error(`${variant} (${n || 'seed'}): the article was not ${until} within ${timeout / 1000} s (${state}) ${page.problems.join('; ')}`);
  }
  return true;
}

// ---------------------------------------------------------------- 2. time to article
/** The widget's rendered seed article (for the static page) and the CSS its shadow root
 *  adopted (for the static page and the plain-JS renderer: the same rules, whatever the build). */
async function snapshot() {
  const { page, close } = await load('widget', 0, { throttle: 1, keep: true });
  const snap = await page.evaluate(() => {
    const sr = document.querySelector('article-reader').shadowRoot;
    const css = [...sr.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
    return { html: sr.innerHTML, css };
  });
  await close();
  staticInner = snap.html;
  if (snap.css) pageCss = snap.css;
  baselineJs = baselineSrc.replace('CSS = __CSS__', () => `CSS = ${JSON.stringify(pageCss)}`);
}
const VARIANTS = (process.env.BENCH_VARIANTS ? process.env.BENCH_VARIANTS.split(',') : before ? ['widget', 'baseline', 'static', 'before'] : ['widget', 'baseline', 'static']);

async function timeToArticle(mode) {
  const runs = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, rotating which variant goes first.
    for (let k = 0; k < VARIANTS.length; k++) {
      const v = VARIANTS[(i + k) % VARIANTS.length];
      runs[v].push((await load(v, 0, { mode })).r);
    }
    log(`time to article, ${mode.key}: run ${i + 1}/${RUNS}`);
  }
  const pick = (v, f) => runs[v].map(f).filter((x) => x != null);
  const summary = {};
  for (const v of VARIANTS) {
    summary[v] = {
      painted: stats(pick(v, (r) => r.painted)),
      inDom: stats(pick(v, (r) => r.inDom)),
      fcp: stats(pick(v, (r) => r.fcp)),
      scriptMs: stats(pick(v, (r) => r.scriptMs)),
      layoutMs: stats(pick(v, (r) => r.layoutMs)),
    };
    if (v !== 'static') {
      summary[v].render = stats(pick(v, (r) => r.render));
      summary[v].jsonStart = stats(pick(v, (r) => r.jsonStart));
      summary[v].jsonEnd = stats(pick(v, (r) => r.jsonEnd));
    }
  }
  for (const v of VARIANTS.filter((x) => x === 'widget' || x === 'before')) {
    summary[v].wasmInstantiate = stats(pick(v, (r) => r.wasmInstantiate));
    summary[v].wasmAfterDownload = stats(pick(v, (r) => r.wasmAfterDownload));
    summary[v].wasmDownloadEnd = stats(pick(v, (r) => r.wasmFetch && r.wasmFetch.end));
    summary[v].wasmDownloadStart = stats(pick(v, (r) => r.wasmFetch && r.wasmFetch.start));
    // What the code costs once its last byte is in: per run, so network jitter cancels.
    summary[v].paintedAfterWasm = stats(pick(v, (r) => (r.wasmFetch && r.painted != null ? r.painted - r.wasmFetch.end : null)));
    summary[v].inDomAfterWasm = stats(pick(v, (r) => (r.wasmFetch && r.inDom != null ? r.inDom - r.wasmFetch.end : null)));
  }
  const med = (v) => summary[v]?.painted?.median;
  summary.ratios = {
    widgetOverBaseline: ratio(med('widget'), med('baseline')),
    widgetOverStatic: ratio(med('widget'), med('static')),
    baselineOverStatic: ratio(med('baseline'), med('static')),
  };
  if (before) {
    summary.ratios.beforeOverBaseline = ratio(med('before'), med('baseline'));
    summary.ratios.beforeOverStatic = ratio(med('before'), med('static'));
    summary.ratios.widgetOverBefore = ratio(med('widget'), med('before'));
  }
  const problems = VARIANTS.flatMap((v) => runs[v].flatMap((r) => r.problems ?? []));
  return { key: mode.key, label: mode.label, network: mode.network, compress: mode.compress, repeat: mode.repeat, runs: RUNS, summary, problems: [...new Set(problems)], raw: runs };
}

// ---------------------------------------------------------------- 3. waterfall + critical path
/** One cold widget load (mobile profile) with every request recorded; the dist/
 *  bytes requested before the article was painted are the critical path. */
async function coldWaterfall(variant, b) {
  const { r } = await load(variant, 0, { mode: ALL_MODES.cold, record: true });
  const rows = r.waterfall;
  for (const row of rows) {
    const f = bundle[row.path];
    if (f) row.brotli = f.sizes.brotli;
  }
  const crit = rows.filter((x) => x.beforePaint && bundle[x.path] && x.path.startsWith(`${b.prefix}/`));
  const lazy = Object.keys(b.files).filter((p) => !crit.some((x) => x.path === p));
  const json = rows.find((x) => /^\/bench\/(wordpress|article)\.json/.test(x.path));
  return {
    variant, painted: r.painted, inDom: r.inDom, rows,
    criticalPath: { files: crit.map((x) => x.path), ...sumSizes(crit.map((x) => bundle[x.path].sizes)), wire: crit.reduce((a, x) => a + (x.wire ?? 0), 0) },
    notOnCriticalPath: lazy, articleJson: json ? { wire: json.wire, body: json.body, start: json.start, end: json.end } : null,
    chain: chainOf(rows, r.painted),
  };
}
/** The serial chain that ends at the paint: from the last request started before it,
 *  step back to the request that had just finished when each one started. */
function chainOf(rows, painted) {
  const before = rows.filter((x) => x.start < painted);
  let cur = before.sort((a, b) => b.end - a.end)[0];
  const chain = [];
  while (cur && chain.length < 12) {
    chain.unshift({ path: cur.path, start: cur.start, end: cur.end });
    const prior = cur.afterEndOf;
    cur = prior ? rows.find((x) => x.path === prior) : null;
  }
  return chain;
}

// ---------------------------------------------------------------- 4. scaling
async function scaling() {
  const variants = before ? ['widget', 'baseline', 'before'] : ['widget', 'baseline'];
  const raw = {};
  for (const n of SIZES_N) for (const v of variants) raw[`${v}:${n}`] = [];
  const maxRuns = Math.max(...Object.values(SCALING_RUNS));
  for (let i = 0; i < maxRuns; i++) {
    if (i >= 2 && elapsed() > SOFT_LIMIT_S * 0.6) {
      shortened.push(`scaling: ${i} runs instead of up to ${maxRuns} (machine busy)`);
      break;
    }
    for (const n of SIZES_N) {
      if (i >= SCALING_RUNS[n]) continue;
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(i + k) % variants.length];
        // Render cost only: stop when the last paragraph is in the DOM, the host hidden
        // once the first screenful is there (the first layout of 10,000 paragraphs takes longer than the render).
        raw[`${v}:${n}`].push((await load(v, n, { until: 'complete', hide: true })).r);
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
        render: stats(rs.map((r) => r.renderAll)), firstScreen: stats(rs.map((r) => r.render)), inDom: stats(rs.map((r) => r.complete)),
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
  if (before) out.beforeRatioPerParagraph = ratio(out.before.perParagraphMs, out.baseline.perParagraphMs);
  return out;
}

// ---------------------------------------------------------------- 5. long bodies
/** 4x CPU, painted: the first screenful of 10,000 paragraphs against the seed, and a
 *  100,000-paragraph body (short paragraphs): first screenful, last paragraph, long tasks. */
async function longBody(seedPainted) {
  const out = {};
  for (const v of before ? ['widget', 'before'] : ['widget']) {
    const ten = [];
    for (let i = 0; i < (QUICK || elapsed() > SOFT_LIMIT_S * 0.8 ? 1 : 2); i++) ten.push((await load(v, 10000, { until: 'complete', settle: 500 })).r);
    // A body that is not rendered in chunks makes this one load take a minute or more (its layout is one task).
    let big = null;
    if (v === 'widget' || elapsed() < SOFT_LIMIT_S * 1.2) big = (await load(v, LONG_N, { until: 'complete', short: true, settle: 1000, timeout: LONG_LIMIT_MS, partial: true })).r;
    else shortened.push(`long body: no ${LONG_N}-paragraph load for ${v} (machine busy)`);
    out[v] = {
      firstScreen10000: stats(ten.map((r) => r.painted)), complete10000: stats(ten.map((r) => r.complete)),
      firstScreenOverSeed: ratio(stats(ten.map((r) => r.painted))?.median, seedPainted?.[v]),
      longestTask10000: Math.max(0, ...ten.map((r) => r.longestTasks[0] ?? 0)),
      big: big && {
        paragraphs: LONG_N, bytes: article(LONG_N, true).length, firstScreen: big.painted, complete: big.complete, timedOut: big.timedOut ?? null,
        longestTasks: big.longestTasks, longTasksOver200: big.longTasksOver200, problems: big.problems,
      },
    };
    log(`long body: ${v}`);
  }
  return out;
}

// ---------------------------------------------------------------- 6. interaction
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
    // The theme control: a <select> (issue 6) or the settings panel's radios (issue 12).
    const want = ['sepia', 'dark', 'light', 'auto'][i % 4];
    const sel = sr.querySelector('select[part~="theme-select"]');
    const radio = sr.querySelector(`input[type="radio"][name$="theme"][value="${want}"]`);
    if (sel) {
      sel.value = want;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (radio) {
      radio.click();
    } else {
      mo.disconnect();
      return null;
    }
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
  const reps = (n) => (n >= 10000 || elapsed() > SOFT_LIMIT_S * 0.75 ? 2 : QUICK ? 3 : 4);
  const out = {};
  for (const v of ['widget', 'baseline']) {
    out[v] = [];
    for (const n of INTERACTION_N) {
      const { page, close } = await load(v, n, { keep: true, until: 'complete' });
      const row = { paragraphs: n };
      for (const kind of ['font', 'theme']) {
        const rs = [];
        for (let i = 0; i < reps(n); i++) {
          const b0 = await metrics(page.cdp);
          const r = await page.evaluate(INTERACT, [kind, i]);
          if (!r) break; // no such control in this build
          const b1 = await metrics(page.cdp);
          r.scriptMs = (b1.ScriptDuration - b0.ScriptDuration) * 1000;
          r.layoutMs = (b1.LayoutDuration + b1.RecalcStyleDuration - b0.LayoutDuration - b0.RecalcStyleDuration) * 1000;
          rs.push(r);
        }
        if (!rs.length) continue;
        row[kind] = {
          scriptMs: stats(rs.map((r) => r.scriptMs)), handlerMs: stats(rs.map((r) => r.sync)),
          toFrameMs: stats(rs.map((r) => r.toFrame)), layoutMs: stats(rs.map((r) => r.layoutMs)),
          mutations: stats(rs.map((r) => r.mutations)),
        };
      }
      out[v].push(row);
      await close();
      log(`interaction: ${v} ${n} paragraphs`);
    }
  }
  for (const v of ['widget', 'baseline']) {
    const m = out[v].flatMap((row) => [row.font?.mutations?.median, row.theme?.mutations?.median]).filter((x) => x != null);
    out[`${v}MutationsConstant`] = out[v].every((row) => row.font?.mutations?.median === out[v][0].font?.mutations?.median && row.theme?.mutations?.median === out[v][0].theme?.mutations?.median) && m.length > 0;
  }
  return out;
}

// ---------------------------------------------------------------- 7. memory
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
  for (const v of before ? ['widget', 'baseline', 'before'] : ['widget', 'baseline']) {
    const a = await load(v, 0, { throttle: 1, keep: true });
    out[`${v}Seed`] = await heap(a.page);
    if (v === 'widget') {
      const ms = await a.page.evaluate(CYCLE, [CYCLES, SEED_SRC.widget]);
      out.widgetAfterCycles = { ...(await heap(a.page)), cycles: CYCLES, cycleMs: Math.round(ms / CYCLES * 10) / 10 };
      out.widgetCycleGrowth = {
        jsHeapUsed: out.widgetAfterCycles.jsHeapUsed - out.widgetSeed.jsHeapUsed,
        wasmMemory: out.widgetAfterCycles.wasmMemory - out.widgetSeed.wasmMemory,
        domNodes: out.widgetAfterCycles.domNodes - out.widgetSeed.domNodes,
      };
      if (a.page.problems.length) out.problems = a.page.problems;
    }
    await a.close();
    const b = await load(v, 10000, { throttle: 1, keep: true, until: 'complete' });
    out[`${v}10000`] = await heap(b.page);
    await b.close();
    log(`memory: ${v}`);
  }
  return out;
}

/** The chart's input: the three modes' summaries, first visit first. */
function chart(r) {
  const order = ['cold', 'repeat', 'cpu'];
  const modes = order.map((k) => r.modes?.[k]).filter(Boolean);
  return chartSvg(modes, { subtitle: `Lighthouse mobile profile (4× CPU, 150 ms RTT, 1.6 Mbps), brotli; commit ${r.environment.commit}, ${r.generated.slice(0, 16)}Z` });
}

// ---------------------------------------------------------------- run
const servers = [];
for (const compress of [...new Set(MODES.map((m) => m.compress).concat([false]))]) {
  const s = await serve({ port: 0, routes: routes(compress), compress });
  servers.push(s);
  bases[compress] = `http://127.0.0.1:${s.address().port}`;
}
browser = await launch(process.env.BENCH_CHROMIUM_ARGS ? process.env.BENCH_CHROMIUM_ARGS.split(' ') : []);
const report = {
  generated: new Date().toISOString(),
  environment: {
    chromium: browser.version(), node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length,
    commit: gitCommit(), cpuThrottling: THROTTLE, network: MOBILE, viewport: VIEWPORT, quick: QUICK, loadAverage: os.loadavg(),
  },
  sizes,
  distSizesJson,
  wasm: { after: wasmNames(opt('--wasm-names', join(root, 'target/wb/article_reader_bg.wasm')), wasmMtime(dist)) },
};
if (before) {
  // bench/build-before.sh leaves a worktree around the dist/: its commit names it, its target/wb has the names.
  const tree = join(compareDir, '..');
  let label = opt('--compare-label');
  if (!label) {
    try {
      label = `commit ${execFileSync('git', ['-C', tree, 'rev-parse', '--short', 'HEAD']).toString().trim()} (${compareDir})`;
    } catch {
      label = compareDir;
    }
  }
  report.sizesBefore = { dir: label, ...bundleSizes(before) };
  report.wasm.before = wasmNames(opt('--compare-wasm', join(tree, 'target/wb/article_reader_bg.wasm')), wasmMtime(compareDir));
}
try {
  if (opt('--trace')) {
    // --trace variant:paragraphs:mode[:short] (short: the long-body section's short paragraphs, timed to the last one)
    const [v, n, m, short] = opt('--trace').split(':');
    const long = short === 'short' ? { short: true, until: 'complete', settle: 1000, timeout: LONG_LIMIT_MS, partial: true } : {};
    await snapshot();
    for (let i = 0; i < Number(opt('--trace-runs', 3)); i++) console.log(JSON.stringify((await load(v, Number(n || 0), { mode: ALL_MODES[m || 'cpu'], ...long })).r, null, 1));
    await cleanup();
    process.exit(0);
  }
  if ([...ONLY].some((x) => x !== 'sizes')) {
    await snapshot();
    log('static page: snapshot of the widget\'s rendered seed article');
    for (const v of VARIANTS) await load(v, 0, { throttle: 1 }); // warm-up (server, OS caches, compression), not recorded
  }
  // A section that fails (a control renamed, a build that breaks) is reported, the others still run.
  const section = async (name, f) => {
    if (!ONLY.has(name)) return;
    try {
      await f();
    } catch (e) {
      (report.errors ??= []).push(`${name}: ${String(e && e.message || e).split('\n')[0].slice(0, 300)}`);
      log(`section ${name} failed: ${e && e.message}`);
    }
  };
  await section('time', async () => {
    report.modes = {};
    for (const mode of MODES) report.modes[mode.key] = await timeToArticle(mode);
  });
  await section('waterfall', async () => {
    report.waterfall = await coldWaterfall('widget', main);
    if (before) report.waterfallBefore = await coldWaterfall('before', before);
    log('waterfall: one cold widget load');
  });
  await section('scaling', async () => { report.scaling = await scaling(); });
  await section('longbody', async () => {
    const cpu = report.modes?.cpu?.summary;
    report.longBody = await longBody(cpu ? { widget: cpu.widget?.painted?.median, before: cpu.before?.painted?.median } : null);
  });
  await section('interaction', async () => { report.interaction = await interaction(); });
  await section('memory', async () => { report.memory = await memory(); });
} finally {
  await cleanup();
}
async function cleanup() {
  await browser.close();
  for (const s of servers) s.close();
  for (const d of profiles.splice(0)) rmSync(d, { recursive: true, force: true });
}
report.durationSeconds = Math.round((Date.now() - started) / 1000);
report.environment.loadAverageEnd = os.loadavg();
if (shortened.length) report.shortened = shortened;
const md = (await import('./report.mjs')).markdown(report);
const rawless = JSON.parse(JSON.stringify(report));
for (const m of Object.values(rawless.modes ?? {})) delete m.raw;
if (opt('--json-out')) {
  writeFileSync(opt('--json-out'), JSON.stringify(rawless, null, 2) + '\n');
  log(`wrote ${opt('--json-out')}`);
} else if (!flag('--no-write')) {
  writeFileSync(join(root, 'bench/report.json'), JSON.stringify(rawless, null, 2) + '\n');
  writeFileSync(join(root, 'bench/report.md'), md);
  if (report.modes) writeFileSync(join(root, 'bench/chart.svg'), chart(report));
  log('wrote bench/report.json, bench/report.md and bench/chart.svg');
} else {
  console.log(md);
}

function wasmMtime(dir) {
  const f = readdirSync(dir).find((x) => /^article-reader\.[0-9a-f]{10}\.wasm$/.test(x)) ?? readdirSync(dir).find((x) => x.endsWith('.wasm'));
  return f ? statSync(join(dir, f)).mtimeMs : null;
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return null;
  }
}
