// Renders bench/report.json (see bench/run.mjs) as Markdown. The hand-written
// notes in bench/notes.md are appended.
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
const cell = (s) => (s ? `${med(s)} (${spread(s)})` : '–');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map((h, i) => (i ? '---:' : '---'))), ...rows.map(row)].join('\n');
const NAMES = { widget: 'widget', baseline: 'plain JS', static: 'static HTML', before: 'widget before' };
const MODE_ORDER = ['cold', 'repeat', 'cpu'];

export function markdown(r) {
  const out = [];
  const e = r.environment;
  const modes = MODE_ORDER.map((k) => r.modes?.[k]).filter(Boolean);
  const hasBefore = modes.some((m) => m.summary.before);
  const variants = ['widget', 'baseline', 'static', ...(hasBefore ? ['before'] : [])];
  const s = r.sizes;
  const sb = r.sizesBefore;
  const wf = r.waterfall, wfb = r.waterfallBefore;
  const sc = r.scaling, lb = r.longBody, it = r.interaction, m = r.memory;
  out.push('# article-reader benchmark report', '');
  out.push(`Generated ${r.generated} by \`make bench\` (\`node bench/run.mjs\`) at commit \`${e.commit}\` in ${r.durationSeconds} s. ` +
    `Chromium ${e.chromium} (headless, playwright-core), Node ${e.node}, ${e.cores} × ${e.cpu}` +
    `${e.loadAverage ? `, load average (1/5/15 min) ${e.loadAverage.map((x) => x.toFixed(1)).join(' / ')} at the start` : ''}` +
    `${e.loadAverageEnd ? ` and ${e.loadAverageEnd.map((x) => x.toFixed(1)).join(' / ')} at the end` : ''}. ` +
    `Viewport ${e.viewport.width}×${e.viewport.height}, everything served from 127.0.0.1.${e.quick ? ' **Quick run (fewer repetitions).**' : ''}` +
    `${r.shortened ? ` Shortened to stay under 10 minutes: ${r.shortened.join('; ')}.` : ''}`, '');
  if (r.errors?.length) out.push(`**Sections that failed in this run:** ${r.errors.map((x) => `\`${x}\``).join('; ')}.`, '');
  out.push('Modes:', '');
  out.push('- **first visit (cold cache)** — Lighthouse\'s mobile profile: CPU 4× slower (CDP `Emulation.setCPUThrottlingRate`), ' +
    '150 ms round trip, 1.6 Mbps down, 750 Kbps up (CDP `Network.emulateNetworkConditions` latency 150, 204,800 / 96,000 B/s), ' +
    'responses brotli-encoded (quality 11, `Vary: Accept-Encoding`) as a CDN sends them; a new browser profile for every run;');
  out.push('- **repeat visit (cached)** — the same conditions, in a browser profile on disk (HTTP cache and V8 code cache) that loaded the page once before; ' +
    'the content-hashed files are `immutable` and come from the cache, `embed.js` and the plain-JS script have `max-age=300`, the page and the article JSON are revalidated (`no-cache` + ETag → 304);');
  out.push('- **4× CPU only** — no network throttling, uncompressed (the bench of issue 6).', '');
  out.push('Variants, all rendering the same seed article (title, lede, byline, date, a lead figure with caption and credit, 4 paragraphs, tags, sections, related):', '');
  out.push('- **widget** — the product as an admin embeds it: `dist/embed.js` → its wasm (Leptos), in a shadow root, reading the article as a WordPress post (`fixtures/seed/wordpress.json`);');
  out.push('- **plain JS** — [`bench/baseline.js`](baseline.js), a hand-written plain-JS renderer of the native JSON (`fixtures/seed/native.json`) into the same DOM and CSS (the floor for client-side rendering);');
  out.push('- **static HTML** — the widget\'s own output for that article as server-rendered HTML (declarative shadow root, same CSS inline, no script at all)' +
    (hasBefore ? ';' : '.'));
  if (hasBefore) out.push(`- **widget before** — the widget built from \`${sb?.dir ?? 'another dist/'}\`, same page, same article, timed interleaved with the others.`);
  out.push('');
  out.push('**Time to article**: navigation start → title, first paragraph and first figure caption in the shadow root, then a frame rendered ' +
    '(`performance.mark` in the task after the next `requestAnimationFrame`). Medians of interleaved runs (the first variant rotates).', '');

  // ---- headline
  out.push('## Headline', '');
  if (modes.length) {
    const head = ['median ms (p25–p75)', ...variants.map((v) => NAMES[v]), 'widget / plain JS', 'widget / static', ...(hasBefore ? ['before / plain JS', 'before / static'] : [])];
    const rows = modes.map((x) => [`**${x.label}** (${x.runs} runs)`, ...variants.map((v) => cell(x.summary[v]?.painted)),
      `**${x2(x.summary.ratios.widgetOverBaseline)}**`, x2(x.summary.ratios.widgetOverStatic),
      ...(hasBefore ? [x2(x.summary.ratios.beforeOverBaseline), x2(x.summary.ratios.beforeOverStatic)] : [])]);
    out.push(table(head, rows), '');
    out.push('![Time to article per mode and variant](chart.svg)', '');
  }
  const hl = [];
  if (wf) {
    hl.push(`**Critical path** (the \`dist/\` files requested before the article was painted, cold load): ${wf.criticalPath.files.length} files, ` +
      `**${n0(wf.criticalPath.brotli)} B brotli** (${kb(wf.criticalPath.brotli)}; floor ${kb(s.budget.criticalPath)}, goal ${kb(s.budget.goal)})` +
      (wfb ? `; before ${n0(wfb.criticalPath.brotli)} B` : '') +
      (wf.articleJson ? `. Beside it the article JSON, ${n0(wf.articleJson.body)} B brotli, requested at ${n0(wf.articleJson.start)} ms` +
        (wfb?.articleJson ? ` (before: at ${n0(wfb.articleJson.start)} ms)` : '') : '') + '.');
  }
  hl.push(`**All of \`dist/\`** (everything the widget may load): **${n0(s.total.brotli)} B brotli** (${kb(s.total.brotli)}; budget ${kb(s.budget.total)})` +
    (sb ? `; before ${n0(sb.total.brotli)} B` : '') + '.');
  if (wf) hl.push(`**Waterfall** (cold widget load): ${wf.chain.map((c) => `\`${shortPath(c.path)}\``).join(' → ')} → painted at ${n0(wf.painted)} ms (details in section 3).`);
  if (sc) {
    hl.push(`**Per paragraph** (1,000 → 10,000 paragraphs, 4× CPU): widget ${n3(sc.widget.perParagraphMs)} ms, plain JS ${n3(sc.baseline.perParagraphMs)} ms (${x2(sc.ratioPerParagraph)})` +
      (sc.before ? `; before ${n3(sc.before.perParagraphMs)} ms (${x2(sc.beforeRatioPerParagraph)})` : '') + '.');
  }
  if (m) {
    hl.push(`**Memory** (JS heap + wasm memory after GC): seed ${mb(m.widgetSeed.total)} (plain JS ${mb(m.baselineSeed.total)}), ` +
      `10,000 paragraphs ${mb(m.widget10000.total)} (plain JS ${mb(m.baseline10000.total)})` +
      (m.beforeSeed ? `; before ${mb(m.beforeSeed.total)} and ${mb(m.before10000.total)}` : '') + '.');
  }
  if (lb) {
    const w = lb.widget, b = lb.before;
    w.big ??= { paragraphs: 100000, longestTasks: [], longTasksOver200: '–' };
    hl.push(`**Long bodies** (4× CPU): first screenful of 10,000 paragraphs painted at ${med(w.firstScreen10000)} ms (${x2(w.firstScreenOverSeed)} the seed's time to article); ` +
      `${n0(w.big.paragraphs)} paragraphs: longest task ${n0(w.big.longestTasks[0])} ms, ${w.big.longTasksOver200} tasks over 200 ms` +
      (w.big.timedOut ? ` (load cut after ${n0(w.big.timedOut / 1000)} s, ${w.big.complete == null ? 'last paragraph not reached' : 'complete'})` : '') +
      (b ? `; before ${med(b.firstScreen10000)} ms (${x2(b.firstScreenOverSeed)})` + (b.big ? `, longest task ${n0(b.big.longestTasks[0])} ms, ${b.big.longTasksOver200} over 200 ms` : '') : '') + '.');
  }
  out.push(...hl.map((h) => `- ${h}`), '');

  // ---- 1. sizes
  out.push('## 1. Transfer size', '');
  out.push('Every file in `dist/` that a page may load, as served. The CSS is compiled into the wasm; its minified size is shown separately and is already counted in the wasm. ' +
    '"Critical path" marks the files the cold widget load requested before the article was painted.', '');
  const crit = new Set((wf?.criticalPath.files ?? []).map((p) => p.replace(/^\/dist\//, '')));
  const sizeRows = Object.entries(s.files).map(([name, f]) => [`\`${name}\``, crit.has(name) ? 'yes' : (wf ? 'no' : '–'), n0(f.raw), n0(f.gzip), n0(f.brotli)]);
  sizeRows.push(['CSS (minified, inside the wasm)', '', n0(s.cssInsideWasm.raw), n0(s.cssInsideWasm.gzip), n0(s.cssInsideWasm.brotli)]);
  if (wf) sizeRows.push(['**critical path**', '', n0(wf.criticalPath.raw), n0(wf.criticalPath.gzip), `**${n0(wf.criticalPath.brotli)}**`]);
  sizeRows.push(['**total**', '', `**${n0(s.total.raw)}**`, `**${n0(s.total.gzip)}**`, `**${n0(s.total.brotli)}**`]);
  sizeRows.push(['budget: critical path floor / goal, total', '', '', '', `${n0(s.budget.criticalPath)} / ${n0(s.budget.goal)}, ${n0(s.budget.total)}`]);
  out.push(table(['file', 'critical path', 'raw B', 'gzip -9 B', 'brotli -q 11 B'], sizeRows), '');
  if (sb) {
    out.push(`Before (\`${sb.dir}\`): ` + Object.entries(sb.files).map(([n, f]) => `\`${n}\` ${n0(f.raw)} / ${n0(f.brotli)} B`).join(', ') +
      ` (raw / brotli); total **${n0(sb.total.brotli)} B brotli**` + (wfb ? `, critical path ${n0(wfb.criticalPath.brotli)} B` : '') + '.', '');
  }

  // ---- 2. time to article, per mode
  if (modes.length) {
    out.push('## 2. Time to article, per mode', '');
    for (const x of modes) {
      const t = x.summary;
      out.push(`### ${x.label}`, '');
      const tr = (label, key) => [label, ...variants.map((v) => cell(t[v]?.[key]))];
      out.push(table(['median (p25–p75) ms', ...variants.map((v) => NAMES[v])], [
        tr('**article painted**', 'painted'),
        ['min–max', ...variants.map((v) => range(t[v]?.painted))],
        tr('article in the DOM', 'inDom'),
        tr('first contentful paint', 'fcp'),
        tr('article request starts', 'jsonStart'),
        tr('article response ends', 'jsonEnd'),
        tr('wasm response ends', 'wasmDownloadEnd'),
        tr('render: article received → in the DOM', 'render'),
        tr('script time (CDP ScriptDuration)', 'scriptMs'),
        tr('style + layout time', 'layoutMs'),
      ]), '');
      out.push(`Ratios of the medians: **widget / plain JS ${x2(t.ratios.widgetOverBaseline)}**, widget / static ${x2(t.ratios.widgetOverStatic)}, plain JS / static ${x2(t.ratios.baselineOverStatic)}` +
        (t.before ? `; before / plain JS ${x2(t.ratios.beforeOverBaseline)}, widget / before ${x2(t.ratios.widgetOverBefore)}` : '') + '.', '');
      if (x.problems?.length) out.push(`Console errors seen: ${x.problems.map((p) => `\`${p}\``).join(', ')}`, '');
    }
  }

  // ---- 3. waterfall
  for (const [w, label] of [[wf, 'widget'], [wfb, 'widget before']]) {
    if (!w) continue;
    out.push(`## 3${label === 'widget' ? '' : 'b'}. Request waterfall, one cold ${label} load`, '');
    out.push('First-visit conditions (mobile profile, brotli). Times in ms from navigation start (Resource Timing `startTime`, `responseStart`, `responseEnd`; ' +
      'DevTools\' emulation charges most of the 150 ms latency after `responseStart`, so start and end are the figures to read); ' +
      '"wire" is what crossed the network for it (CDP `Network.loadingFinished.encodedDataLength`, headers included); "after" is the request that had ' +
      'finished last when this one started (what it plausibly waited for); "by" is the CDP initiator.', '');
    const rows = w.rows.map((x, i) => [String(i + 1), `\`${shortPath(x.path)}\``, esc(x.initiator ?? ''), n0(x.start), n0(x.ttfb), n0(x.end),
      n0(x.wire), x.encoding ?? '', x.afterEndOf ? `${w.rows.findIndex((o) => o.path === x.afterEndOf) + 1} (+${n0(x.gapAfterPrior)})` : '–', x.beforePaint ? 'yes' : 'no']);
    out.push(table(['#', 'request', 'by', 'start', 'first byte', 'end', 'wire B', 'encoding', 'after # (+gap ms)', 'before paint'], rows), '');
    out.push(`Article painted at ${n0(w.painted)} ms (in the DOM at ${n0(w.inDom)} ms). Serial chain to the paint: ` +
      w.chain.map((c) => `\`${shortPath(c.path)}\` ${n0(c.start)}–${n0(c.end)}`).join(' → ') + '.', '');
  }

  // ---- 4. what holds the bytes
  if (r.wasm?.after) {
    out.push('## 4. What holds the bytes (wasm)', '');
    const wa = r.wasm.after, wb = r.wasm.before;
    out.push(`Function body sizes from the module's name section (\`bench/wasm-size.mjs\`, twiggy-like), ${wa.measured}: ` +
      `\`${wa.file}\` (built ${wa.mtime}), ${n0(wa.total)} B, code ${n0(wa.codeBytes)} B in ${n0(wa.functionCount)} functions, data ${n0(wa.dataBytes)} B. ` +
      '"brotli" compresses each crate\'s bodies together (an estimate of its share on the wire; the column does not add up exactly).' +
      (wa.stale ? ' **Warning: that file is older than the dist/ wasm; the table may describe another build.**' : ''), '');
    const beforeOf = (c) => wb?.crates.find((x) => x.crate === c);
    const crows = wa.crates.slice(0, 20).map((c) => [`\`${c.crate}\``, n0(c.functions), n0(c.size), `${(c.share * 100).toFixed(1)} %`, n0(c.brotli),
      ...(wb ? [beforeOf(c.crate) ? n0(beforeOf(c.crate).size) : '–'] : [])]);
    out.push(table(['crate', 'functions', 'code B', 'share', 'brotli B', ...(wb ? ['before: code B'] : [])], crows), '');
    if (wb) out.push(`Before: ${n0(wb.total)} B, code ${n0(wb.codeBytes)} B in ${n0(wb.functionCount)} functions, data ${n0(wb.dataBytes)} B (${wb.measured}).`, '');
    out.push('Largest functions:', '');
    out.push(table(['function', 'crate', 'code B', 'share'], wa.functions.slice(0, 15).map((f) => [`\`${esc(f.name.slice(0, 110))}\``, f.crate, n0(f.size), `${(f.share * 100).toFixed(1)} %`])), '');
  }

  // ---- 5. scaling
  if (sc) {
    out.push('## 5. Scaling', '');
    out.push('The seed article with N paragraphs (the seed\'s, cycled) and a captioned figure after every 10th, native format, 4× CPU, uncompressed. ' +
      '"Render" is article JSON received → the last paragraph in the DOM (a body rendered in chunks is finished); "first screenful" is received → ' +
      'title, first paragraph and caption in the DOM; "per paragraph" is the marginal render cost between this size and the previous one. The host is hidden once the first screenful is in, so layout is not counted. Medians, ms.', '');
    const rows = [];
    for (const v of ['widget', 'baseline', 'before'].filter((v) => sc[v])) {
      for (const x of sc[v].rows) {
        rows.push([NAMES[v], n0(x.paragraphs), n0(x.runs), cell(x.render), med(x.firstScreen), med(x.scriptMs), med(x.layoutMs),
          x.perParagraphMs == null ? '–' : n3(x.perParagraphMs), x.perParagraphScriptMs == null ? '–' : n3(x.perParagraphScriptMs), n0(x.nodes)]);
      }
    }
    out.push(table(['variant', 'paragraphs', 'runs', 'render (p25–p75)', 'first screenful', 'script', 'style+layout', 'ms / paragraph', 'script ms / paragraph', 'DOM nodes'], rows), '');
    out.push(`Per-paragraph cost, widget / plain JS: **${x2(sc.ratioPerParagraph)}**` + (sc.before ? ` (before ${x2(sc.beforeRatioPerParagraph)})` : '') +
      `. Log-log slope 1,000 → 10,000: widget ${sc.widget.exponent1000to10000} (${sc.widget.linear ? 'linear' : '**not linear**'}), plain JS ${sc.baseline.exponent1000to10000}.`, '');
  }

  // ---- 6. long bodies
  if (lb) {
    out.push('## 6. Long bodies', '');
    out.push('4× CPU, uncompressed, the article painted normally (not hidden). 10,000 paragraphs: first screenful painted, last paragraph in the DOM, ' +
      `and the first screenful against the seed's time to article in the 4× CPU mode. ${n0(lb.widget.big.paragraphs)} paragraphs of about 85 characters ` +
      `(${mb(lb.widget.big.bytes)} of JSON): the longest tasks (Long Tasks API) while it loads and renders, within ${n0((lb.widget.big.timedOut ?? 90000) / 1000)} s at most; one of them includes the response's \`JSON.parse\`.`, '');
    const rows = ['widget', 'before'].filter((v) => lb[v]).map((v) => {
      const x = lb[v];
      const cut = x.big?.timedOut ? `not within ${n0(x.big.timedOut / 1000)} s` : null;
      return [NAMES[v], cell(x.firstScreen10000), med(x.complete10000), x2(x.firstScreenOverSeed), n0(x.longestTask10000), x.big?.firstScreen == null && cut ? cut : n0(x.big?.firstScreen), x.big?.complete == null && cut ? cut : n0(x.big?.complete),
        x.big ? x.big.longestTasks.slice(0, 3).map(n0).join(', ') : '–', x.big ? String(x.big.longTasksOver200) : '–'];
    });
    out.push(table(['variant', '10k: first screenful painted', '10k: last paragraph', '10k first screenful / seed', '10k: longest task', `${n0(lb.widget.big.paragraphs / 1000)}k: first screenful`, `${n0(lb.widget.big.paragraphs / 1000)}k: last paragraph`, 'longest tasks ms', 'tasks > 200 ms'], rows), '');
  }

  // ---- 7. interaction
  if (it) {
    out.push('## 7. Interaction', '');
    out.push('After the whole article is in: a click on A+/A− (`button[part~="font-larger"]`, alternating with font-smaller) and a theme change ' +
      '(`select[part~="theme-select"]` `change`), each repeated. "Script" is CDP ScriptDuration over the interaction; "to frame" is click → the task after ' +
      'the next frame (includes style and layout of the whole article, which a font-size change must redo); "mutations" counts ' +
      '`MutationRecord`s on the shadow root. Medians, 4× CPU.', '');
    const rows = [];
    for (const v of ['widget', 'baseline']) {
      for (const x of it[v]) {
        for (const k of ['font', 'theme']) {
          if (!x[k]?.scriptMs) continue;
          rows.push([NAMES[v], n0(x.paragraphs), k === 'font' ? 'font size' : 'theme', n1(x[k].scriptMs?.median), n1(x[k].handlerMs?.median), n1(x[k].toFrameMs?.median), n1(x[k].layoutMs?.median), med(x[k].mutations)]);
        }
      }
    }
    out.push(table(['variant', 'paragraphs', 'change', 'script ms', 'handler ms', 'to frame ms', 'style+layout ms', 'mutations'], rows), '');
    out.push(`Mutation counts constant in article size: widget ${it.widgetMutationsConstant ? 'yes' : '**no**'}, plain JS ${it.baselineMutationsConstant ? 'yes' : 'no'}.`, '');
  }

  // ---- 8. memory
  if (m) {
    out.push('## 8. Memory', '');
    out.push('After three forced garbage collections (CDP `HeapProfiler.collectGarbage`): JS heap used (`Runtime.getHeapUsage`) and the wasm linear memory ' +
      '(`WebAssembly.Memory` captured by wrapping `WebAssembly.instantiate*`; linear memory never shrinks, so it is the high-water mark). No CPU throttling; 10,000 paragraphs measured once the last one is in the DOM.', '');
    const mrow = (label, x) => (x ? [label, mb(x.jsHeapUsed), mb(x.wasmMemory), mb(x.total), n0(x.domNodes)] : null);
    out.push(table(['state', 'JS heap', 'wasm memory', 'total', 'DOM nodes'], [
      mrow('widget, seed article', m.widgetSeed),
      mrow('widget, 10,000 paragraphs', m.widget10000),
      mrow(`widget, seed + ${m.widgetAfterCycles.cycles} mount/unmount cycles`, m.widgetAfterCycles),
      mrow('plain JS, seed article', m.baselineSeed),
      mrow('plain JS, 10,000 paragraphs', m.baseline10000),
      mrow('widget before, seed article', m.beforeSeed),
      mrow('widget before, 10,000 paragraphs', m.before10000),
    ].filter(Boolean)), '');
    out.push(`Growth over ${m.widgetAfterCycles.cycles} cycles (each: new element, \`ArticleReader.mount(el, {src})\`, wait for the article, \`ArticleReader.unmount(el)\`, remove; ` +
      `${n1(m.widgetAfterCycles.cycleMs)} ms per cycle): JS heap ${signedKb(m.widgetCycleGrowth.jsHeapUsed)}, wasm memory ${signedKb(m.widgetCycleGrowth.wasmMemory)}, ` +
      `DOM nodes ${m.widgetCycleGrowth.domNodes >= 0 ? '+' : ''}${n0(m.widgetCycleGrowth.domNodes)}.`, '');
  }

  // ---- 9. before / after
  if (sb) {
    out.push('## 9. Before and after, same run', '');
    out.push(`"Before" is \`${sb.dir}\`, built the same way as then and measured in this run, interleaved with the others.`, '');
    const rows = [];
    for (const x of modes) {
      const t = x.summary;
      if (!t.before) continue;
      rows.push([`time to article, ${x.label} (ms)`, med(t.before.painted), med(t.widget.painted), pct(t.widget.painted?.median, t.before.painted?.median)]);
      rows.push([`  widget / plain JS, ${x.label}`, x2(t.ratios.beforeOverBaseline), x2(t.ratios.widgetOverBaseline), '']);
      rows.push([`  widget / static, ${x.label}`, x2(t.ratios.beforeOverStatic), x2(t.ratios.widgetOverStatic), '']);
    }
    if (wf && wfb) rows.push(['critical path, brotli B', n0(wfb.criticalPath.brotli), n0(wf.criticalPath.brotli), pct(wf.criticalPath.brotli, wfb.criticalPath.brotli)]);
    rows.push(['all of dist/, brotli B', n0(sb.total.brotli), n0(s.total.brotli), pct(s.total.brotli, sb.total.brotli)]);
    if (r.wasm?.after && r.wasm?.before) rows.push(['wasm code B (name section)', n0(r.wasm.before.codeBytes), n0(r.wasm.after.codeBytes), pct(r.wasm.after.codeBytes, r.wasm.before.codeBytes)]);
    if (sc?.before) {
      rows.push(['ms per paragraph (4× CPU)', n3(sc.before.perParagraphMs), n3(sc.widget.perParagraphMs), pct(sc.widget.perParagraphMs, sc.before.perParagraphMs)]);
      rows.push(['  per paragraph, widget / plain JS', x2(sc.beforeRatioPerParagraph), x2(sc.ratioPerParagraph), '']);
    }
    if (m?.beforeSeed) {
      rows.push(['memory, seed', mb(m.beforeSeed.total), mb(m.widgetSeed.total), pct(m.widgetSeed.total, m.beforeSeed.total)]);
      rows.push(['memory, 10,000 paragraphs', mb(m.before10000.total), mb(m.widget10000.total), pct(m.widget10000.total, m.before10000.total)]);
    }
    if (lb?.before) rows.push(['10k paragraphs: first screenful painted (ms)', med(lb.before.firstScreen10000), med(lb.widget.firstScreen10000), pct(lb.widget.firstScreen10000?.median, lb.before.firstScreen10000?.median)]);
    if (lb?.before?.big && lb.widget.big) {
      rows.push([`${n0(lb.widget.big.paragraphs)} paragraphs: longest task (ms)`, n0(lb.before.big.longestTasks[0]), n0(lb.widget.big.longestTasks[0]), pct(lb.widget.big.longestTasks[0], lb.before.big.longestTasks[0])]);
    }
    out.push(table(['figure', 'before', 'after', 'change'], rows), '');
  }

  // ---- method + notes
  out.push('## How to run', '');
  out.push('```sh', 'make bench                         # builds dist/ if needed, then node bench/run.mjs (about 7–9 min on 2 cores)',
    'make bench BENCH_ARGS=--quick      # fewer repetitions (about 3 min), for a quick look',
    'bench/build-before.sh ce80137      # once: dist/ of another commit in /tmp/ar-before/dist (own worktree and target dir)',
    'make bench BENCH_COMPARE=/tmp/ar-before/dist   # before/after in the same run',
    'node bench/run.mjs --modes cold --only time --runs 15',
    'node bench/run.mjs --render        # bench/report.md and chart.svg again from report.json', '```', '');
  out.push('Ratios are the comparable figures: absolute milliseconds depend on the machine and on what else runs on it; the variants are ' +
    'measured side by side in the same run, interleaved. The static page is generated in each run from the widget\'s own rendered shadow tree ' +
    '(so it is exactly the same DOM), the plain-JS renderer is served with the widget\'s minified CSS inlined.', '');
  const notes = join(here, 'notes.md');
  if (existsSync(notes)) out.push(readFileSync(notes, 'utf8').trim(), '');
  return out.join('\n') + '\n';
}

const shortPath = (p) => p.replace(/^\/bench\/page\.html\?.*/, 'page.html').replace(/\?.*$/, '').replace(/^\/(before\/)?dist\//, '').replace(/^\/bench\//, '');
const esc = (x) => String(x).replace(/\|/g, '\\|');
function signedKb(b) {
  return b == null ? '–' : `${b >= 0 ? '+' : '−'}${(Math.abs(b) / 1024).toFixed(1)} KB`;
}
function pct(a, b) {
  if (a == null || !b) return '–';
  return `${a <= b ? '−' : '+'}${Math.abs(Math.round((1 - a / b) * 1000) / 10)} %`;
}
