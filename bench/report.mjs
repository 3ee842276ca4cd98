// Renders bench/report.json (see bench/run.mjs) as Markdown. The hand-written
// analysis in bench/notes.md (size breakdown, what blocks the budget) is appended.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const n0 = (x) => (x == null ? '–' : Math.round(x).toLocaleString('en-US'));
const n1 = (x) => (x == null ? '–' : (Math.round(x * 10) / 10).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const n3 = (x) => (x == null ? '–' : x.toFixed(3));
const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b) => (b == null ? '–' : `${(b / 1024 / 1024).toFixed(2)} MB`);
const x2 = (r) => (r == null ? '–' : `${r.toFixed(2)}×`);
const med = (s) => (s ? n0(s.median) : '–');
const spread = (s) => (s ? `${n0(s.p25)}–${n0(s.p75)}` : '–');
const range = (s) => (s ? `${n0(s.min)}–${n0(s.max)}` : '–');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map((h, i) => (i ? '---:' : '---'))), ...rows.map(row)].join('\n');

export function markdown(r) {
  const out = [];
  const e = r.environment;
  const t = r.timeToArticle?.summary;
  const sc = r.scaling;
  const it = r.interaction;
  const m = r.memory;
  const s = r.sizes;
  out.push('# article-reader benchmark report', '');
  out.push(`Generated ${r.generated} by \`make bench\` (\`node bench/run.mjs\`) at commit \`${e.commit}\` in ${r.durationSeconds} s. ` +
    `Chromium ${e.chromium} (headless, playwright-core), Node ${e.node}, ${e.cores} × ${e.cpu}` +
    `${e.loadAverage ? `, load average (1/5/15 min) ${e.loadAverage.map((x) => x.toFixed(1)).join(' / ')} at the start` : ''}` +
    `${e.loadAverageEnd ? ` and ${e.loadAverageEnd.map((x) => x.toFixed(1)).join(' / ')} at the end` : ''}. ` +
    `CPU throttled ${e.cpuThrottling}× through the DevTools protocol (Lighthouse's mobile setting), no network throttling, ` +
    `viewport ${e.viewport.width}×${e.viewport.height}, everything served from 127.0.0.1.${e.quick ? ' **Quick run (fewer repetitions).**' : ''}` +
    `${r.shortened ? ` Shortened to stay under 10 minutes: ${r.shortened.join('; ')}.` : ''}`, '');
  out.push('Variants, all rendering the same article (`fixtures/seed/native.json`: title, lede, byline, date, a lead figure with caption and credit, 4 paragraphs, tags, 5 sections, 3 related):', '');
  out.push('- **widget** — the product: `dist/embed.js` → JS glue → wasm (Leptos), in a shadow root;');
  out.push('- **baseline** — [`bench/baseline.js`](baseline.js), a hand-written plain-JS renderer of the same JSON into the same DOM and CSS (the floor for client-side rendering);');
  out.push('- **static** — the widget\'s own output for that article as server-rendered HTML (declarative shadow root, same CSS inline, no script at all).', '');

  // ---- headline
  out.push('## Headline', '');
  const hl = [];
  hl.push(`**Transfer:** ${kb(s.total.brotli)} brotli in total (${n0(s.total.brotli)} B) against the ${kb(s.budgetBrotli)} budget` +
    (s.total.brotli > s.budgetBrotli ? ` — **${kb(s.total.brotli - s.budgetBrotli)} over**` : ' — within budget') + '.');
  if (t) {
    hl.push(`**Time to article** (median of ${r.timeToArticle.runs} interleaved runs, 4× CPU): widget ${med(t.widget.painted)} ms, ` +
      `baseline ${med(t.baseline.painted)} ms, static ${med(t.static.painted)} ms → **a/b = ${x2(t.ratios.widgetOverBaseline)}** (goal ≤ 1.30), ` +
      `**a/c = ${x2(t.ratios.widgetOverStatic)}**.`);
  }
  if (sc) {
    hl.push(`**Scaling:** ${n3(sc.widget.perParagraphMs)} ms per paragraph for the widget vs ${n3(sc.baseline.perParagraphMs)} ms for the baseline ` +
      `(1,000 → 10,000 paragraphs, 4× CPU; ${x2(sc.ratioPerParagraph)}); widget ${sc.widget.linear ? 'linear' : '**not linear**'} ` +
      `(log-log slope ${sc.widget.exponent1000to10000}).`);
  }
  if (it) {
    const w = it.widget;
    hl.push(`**Interaction:** font-size change ${w.map((x) => med(x.font.mutations)).join(' / ')} DOM mutations and theme change ` +
      `${w.map((x) => med(x.theme.mutations)).join(' / ')} at ${w.map((x) => n0(x.paragraphs)).join(' / ')} paragraphs ` +
      `(${it.widgetMutationsConstant ? 'constant in article size' : '**not constant**'}); script ${w.map((x) => n1(x.font.scriptMs?.median)).join(' / ')} ms per font click.`);
  }
  if (m) {
    hl.push(`**Memory** (JS heap + wasm memory after GC): seed article ${mb(m.widgetSeed.total)} (baseline ${mb(m.baselineSeed.total)}), ` +
      `10,000 paragraphs ${mb(m.widget10000.total)} (baseline ${mb(m.baseline10000.total)}), after ${m.widgetAfterCycles.cycles} mount/unmount cycles ` +
      `${mb(m.widgetAfterCycles.total)} (JS heap ${signedKb(m.widgetCycleGrowth.jsHeapUsed)}, wasm ${signedKb(m.widgetCycleGrowth.wasmMemory)}).`);
  }
  out.push(...hl.map((h) => `- ${h}`), '');

  // ---- 1. sizes
  out.push('## 1. Transfer size', '');
  out.push('Everything `embed.js` pulls, as served (content-hashed names). The CSS is compiled into the wasm; its minified size is shown separately and is already counted in the wasm.', '');
  const sizeRows = Object.entries(s.files).map(([name, f]) => [`\`${name}\``, n0(f.raw), n0(f.gzip), n0(f.brotli)]);
  sizeRows.push([`CSS (minified, inside the wasm)`, n0(s.cssInsideWasm.raw), n0(s.cssInsideWasm.gzip), n0(s.cssInsideWasm.brotli)]);
  sizeRows.push(['**total**', `**${n0(s.total.raw)}**`, `**${n0(s.total.gzip)}**`, `**${n0(s.total.brotli)}**`]);
  sizeRows.push(['budget', '', '', n0(s.budgetBrotli)]);
  out.push(table(['file', 'raw B', 'gzip -9 B', 'brotli -q 11 B'], sizeRows), '');

  // ---- 2. time to article
  if (t) {
    out.push('## 2. Time to article', '');
    out.push(`Navigation start → title, first paragraph and first figure caption in the shadow root, then a frame rendered ` +
      `(\`performance.mark\` in the task after the next \`requestAnimationFrame\`). ${r.timeToArticle.runs} runs per variant, interleaved ` +
      `(the first variant rotates), a fresh browser context (cold cache) for every run. Milliseconds.`, '');
    const trow = (label, key, vs = ['widget', 'baseline', 'static']) => [label, ...vs.map((v) => (t[v][key] ? `${med(t[v][key])} (${spread(t[v][key])})` : '–'))];
    out.push(table(['median (p25–p75) ms', 'a: widget', 'b: baseline', 'c: static'], [
      trow('**article painted**', 'painted'),
      ['min–max', range(t.widget.painted), range(t.baseline.painted), range(t.static.painted)],
      trow('article in the DOM', 'inDom'),
      trow('first contentful paint', 'fcp'),
      trow('render: article JSON received → in the DOM', 'render'),
      trow('script time (CDP ScriptDuration)', 'scriptMs'),
      trow('style + layout time', 'layoutMs'),
    ]), '');
    out.push(`Ratios of the medians: **a/b = ${x2(t.ratios.widgetOverBaseline)}**, **a/c = ${x2(t.ratios.widgetOverStatic)}**, b/c = ${x2(t.ratios.baselineOverStatic)}.`, '');
    out.push(`Wasm (widget): \`WebAssembly.instantiateStreaming\` call → resolved ${med(t.widget.wasmInstantiate)} ms (${spread(t.widget.wasmInstantiate)}); ` +
      `of that, after the last byte arrived (compile + instantiate) ${med(t.widget.wasmAfterDownload)} ms (${spread(t.widget.wasmAfterDownload)}); ` +
      `the wasm download ends at ${med(t.widget.wasmDownloadEnd)} ms. Time in the first render (article JSON received → article in the DOM: ` +
      `JSON.parse, conversion, normalization, views): widget ${med(t.widget.render)} ms, baseline ${med(t.baseline.render)} ms.`, '');
    if (r.timeToArticle.problems?.length) out.push(`Console errors seen: ${r.timeToArticle.problems.map((p) => `\`${p}\``).join(', ')}`, '');
  }

  // ---- 3. scaling
  if (sc) {
    out.push('## 3. Scaling', '');
    out.push('The seed article with N paragraphs (the seed\'s, cycled) and a captioned figure after every 10th, generated on the fly. ' +
      '"Render" is article JSON received → article in the DOM; "per paragraph" is the marginal cost between this size and the previous one ' +
      '(difference of medians / difference of paragraphs). Medians, 4× CPU, ms.', '');
    const rows = [];
    for (const v of ['widget', 'baseline']) {
      for (const x of sc[v].rows) {
        rows.push([v, n0(x.paragraphs), n0(x.runs), `${med(x.render)} (${spread(x.render)})`, med(x.inDom), med(x.scriptMs), med(x.layoutMs),
          x.perParagraphMs == null ? '–' : n3(x.perParagraphMs), x.perParagraphScriptMs == null ? '–' : n3(x.perParagraphScriptMs), n0(x.nodes)]);
      }
    }
    out.push(table(['variant', 'paragraphs', 'runs', 'render (p25–p75)', 'in DOM', 'script', 'style+layout', 'ms / paragraph', 'script ms / paragraph', 'DOM nodes'], rows), '');
    out.push(`Linearity (1,000 → 10,000 paragraphs): widget log-log slope ${sc.widget.exponent1000to10000} (${sc.widget.linear ? 'linear' : 'not linear'}), ` +
      `baseline ${sc.baseline.exponent1000to10000} (${sc.baseline.linear ? 'linear' : 'not linear'}). "Linear" means the marginal cost per paragraph ` +
      'from 1,000 to 10,000 paragraphs is at most 1.5× the one from 100 to 1,000 (no superlinear growth); a log-log slope below 1 only says that the fixed costs still weigh at 1,000 paragraphs. ' +
      `Per-paragraph cost, widget / baseline: ${x2(sc.ratioPerParagraph)}.`, '');
  }

  // ---- 4. interaction
  if (it) {
    out.push('## 4. Interaction', '');
    out.push('After the article is painted: a click on A+/A− (`button[part~="font-larger"]`, alternating with font-smaller) and a theme change ' +
      '(`select[part~="theme-select"]` `change`), each repeated. "Script" is CDP ScriptDuration over the interaction; "to frame" is click → the task after ' +
      'the next frame (includes style and layout of the whole article, which a font-size change must redo); "mutations" counts ' +
      '`MutationRecord`s on the shadow root (subtree, attributes, text, children). Medians, 4× CPU.', '');
    const rows = [];
    for (const v of ['widget', 'baseline']) {
      for (const x of it[v]) {
        for (const k of ['font', 'theme']) {
          rows.push([v, n0(x.paragraphs), k === 'font' ? 'font size' : 'theme', n1(x[k].scriptMs?.median), n1(x[k].handlerMs?.median), n1(x[k].toFrameMs?.median), n1(x[k].layoutMs?.median), med(x[k].mutations)]);
        }
      }
    }
    out.push(table(['variant', 'paragraphs', 'change', 'script ms', 'handler ms', 'to frame ms', 'style+layout ms', 'mutations'], rows), '');
    out.push(`Mutation counts constant in article size: widget ${it.widgetMutationsConstant ? 'yes' : '**no**'}, baseline ${it.baselineMutationsConstant ? 'yes' : 'no'}.`, '');
  }

  // ---- 5. memory
  if (m) {
    out.push('## 5. Memory', '');
    out.push('After three forced garbage collections (CDP `HeapProfiler.collectGarbage`): JS heap used (`Runtime.getHeapUsage`) and the wasm linear memory ' +
      '(`WebAssembly.Memory` captured by wrapping `WebAssembly.instantiateStreaming`; linear memory never shrinks, so it is the high-water mark). No CPU throttling.', '');
    const mrow = (label, x) => [label, mb(x.jsHeapUsed), mb(x.wasmMemory), mb(x.total), n0(x.domNodes)];
    out.push(table(['state', 'JS heap', 'wasm memory', 'total', 'DOM nodes'], [
      mrow('widget, seed article', m.widgetSeed),
      mrow('widget, 10,000 paragraphs', m.widget10000),
      mrow(`widget, seed + ${m.widgetAfterCycles.cycles} mount/unmount cycles`, m.widgetAfterCycles),
      mrow('baseline, seed article', m.baselineSeed),
      mrow('baseline, 10,000 paragraphs', m.baseline10000),
    ]), '');
    out.push(`Growth over ${m.widgetAfterCycles.cycles} cycles (each: new element, \`ArticleReader.mount(el, {src})\`, wait for the article, \`ArticleReader.unmount(el)\`, remove; ` +
      `${n1(m.widgetAfterCycles.cycleMs)} ms per cycle): JS heap ${signedKb(m.widgetCycleGrowth.jsHeapUsed)}, wasm memory ${signedKb(m.widgetCycleGrowth.wasmMemory)}, ` +
      `DOM nodes ${m.widgetCycleGrowth.domNodes >= 0 ? '+' : ''}${n0(m.widgetCycleGrowth.domNodes)} (counted by the renderer, detached nodes awaiting GC included).`, '');
  }

  // ---- 6. before / after
  const sb = r.sizesBefore;
  if (sb) {
    out.push('## 6. Before and after the size work', '');
    out.push(`"Before" is the same source tree with the size changes of issue 6 reverted (\`${sb.dir}\`, built the same way), ` +
      'measured in this run: its bytes below, its time to article interleaved with the three variants above.', '');
    const rows = [];
    const sz = (f, k) => Object.entries(f).find(([n]) => n.includes(k))?.[1];
    for (const [label, k] of [['loader (embed.js)', 'embed.js'], ['JS glue', ' (JS glue)'], ['wasm', '.wasm']]) {
      const x = sz(sb.files, k), y = sz(s.files, k);
      if (x && y) rows.push([label, `${n0(x.raw)} / ${n0(x.brotli)}`, `${n0(y.raw)} / ${n0(y.brotli)}`, pct(y.brotli, x.brotli)]);
    }
    rows.push(['**total**', `${n0(sb.total.raw)} / **${n0(sb.total.brotli)}**`, `${n0(s.total.raw)} / **${n0(s.total.brotli)}**`, pct(s.total.brotli, sb.total.brotli)]);
    out.push(table(['bytes (raw / brotli)', 'before', 'after', 'brotli change'], rows), '');
    if (t && t.before) {
      const b = t.before;
      out.push(table(['time to article, median (p25–p75) ms', 'before', 'after'], [
        ['widget: article painted', `${med(b.painted)} (${spread(b.painted)})`, `${med(t.widget.painted)} (${spread(t.widget.painted)})`],
        ['widget: render (JSON received → in the DOM)', `${med(b.render)} (${spread(b.render)})`, `${med(t.widget.render)} (${spread(t.widget.render)})`],
        ['widget: script time', med(b.scriptMs), med(t.widget.scriptMs)],
        ['wasm instantiate (streaming)', med(b.wasmInstantiate), med(t.widget.wasmInstantiate)],
        ['ratio to the baseline (a/b)', x2(t.ratios.beforeOverBaseline), x2(t.ratios.widgetOverBaseline)],
        ['ratio to static HTML (a/c)', x2(t.ratios.beforeOverStatic), x2(t.ratios.widgetOverStatic)],
      ]), '');
      const overlap = b.painted && t.widget.painted && b.painted.p25 <= t.widget.painted.p75 && t.widget.painted.p25 <= b.painted.p75;
      out.push(`After / before, article painted: ${x2(t.ratios.widgetOverBefore)}` +
        (overlap ? ' — within this run\'s noise (the p25–p75 ranges overlap): the bytes saved do not show in the time to article on this machine, where the request chain and lazy compilation dominate (see below).' : '.'), '');
    }
  }

  // ---- method + notes
  out.push('## How to run', '');
  out.push('```sh', 'make bench                        # builds dist/ if needed, then node bench/run.mjs (~5–8 min on 2 cores)',
    'node bench/run.mjs --quick         # fewer repetitions (~2 min), for a quick look',
    'node bench/run.mjs --only sizes,time --runs 21', 'node bench/run.mjs --no-write      # print the Markdown instead of writing bench/report.*', '```', '');
  out.push('Ratios are the comparable figures: absolute milliseconds depend on the machine and on what else runs on it; the three variants are ' +
    'measured side by side in the same run, interleaved. The static page is generated in each run from the widget\'s own rendered shadow tree ' +
    '(so it is exactly the same DOM), the baseline is served with the widget\'s minified CSS inlined.', '');
  const notes = join(here, 'notes.md');
  if (existsSync(notes)) out.push(readFileSync(notes, 'utf8').trim(), '');
  return out.join('\n') + '\n';
}

function signedKb(b) {
  return b == null ? '–' : `${b >= 0 ? '+' : '−'}${(Math.abs(b) / 1024).toFixed(1)} KB`;
}
function pct(a, b) {
  return `${a <= b ? '−' : '+'}${Math.abs(Math.round((1 - a / b) * 1000) / 10)} %`;
}
