// Turns the release wasm into dist/:
//   wasm-split-cli, when the wasm has split points (Leptos' `wasm_split`, the
//   `split` feature): the main module, the lazy part(s) and `__wasm_split.js`,
//   the JS that loads them (inlined below, with each part's hash and sha384)
//   -> wasm-bindgen (--target web) on the main module
//   -> drop the wasm exports the glue never reads (wasm-streams' classes that
//      Leptos' server functions link in: this widget has no server functions)
//   -> wasm-opt -Oz (npm binaryen, pinned)
//   -> short import/export names in the wasm and the glue (scripts/wasm-names.mjs)
//   -> the HTML-parsing sinks of the glue routed through the loader's Trusted
//      Types policy (DOMParser's inert parse of article bodies, and `<template>.innerHTML`
//      should a Leptos static view template come back; see src/embed/loader.js)
//   -> the glue turned from an ES module into a function and inlined into embed.js
//      (one script: no glue request on the critical path, the page's SRI on
//      embed.js covers it), embed.js minified with terser (pinned)
//   -> the content-hashed wasm beside embed.js, fetched with its sha384 integrity.
//   Writes dist/sizes.json (raw, gzip -9, brotli -q 11, sri per file).
// Flags: --no-opt skips wasm-opt, renaming and minification (debugging).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { keepExports, wasmImports, wasmExports, renameWasm, renameGlue, glueExportRefs, dropClass, shortName } from './wasm-names.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The import module of the split loader in the main wasm and in the glue. */
const SPLIT_JS = './__wasm_split.js';
// DIST_WASM / DIST_OUT / DIST_WB override the input wasm and the output folders
// (bench/before builds and experiments build elsewhere without touching dist/).
const wasmIn = process.env.DIST_WASM ?? join(root, 'target/wasm-nightly/wasm32-unknown-unknown/release/article_reader.wasm');
const wb = process.env.DIST_WB ?? join(root, 'target/wb');
const dist = process.env.DIST_OUT ?? join(root, 'dist');
const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const noOpt = process.argv.includes('--no-opt');

if (!existsSync(wasmIn)) throw new Error(`missing ${wasmIn}: run cargo build --release --target wasm32-unknown-unknown`);
rmSync(wb, { recursive: true, force: true });
// 0. Code splitting. The lazy part's functions reach the main module's through
//    its function table, memory and the globals `__wasm_split.js` names, so those
//    exports are kept (and keep their names) through pruning and renaming.
const split = splitModule(wasmIn, join(wb, '..', 'wasm-split'));
const bindgenArgs = ['--target', 'web', '--no-typescript', ...(split ? ['--keep-lld-exports'] : []), '--out-dir', wb];
execFileSync('wasm-bindgen', [...bindgenArgs, split ? split.main : wasmIn], { stdio: 'inherit' });
const sharedNames = new Set(split ? split.shared : []);

const bgIn = join(wb, 'article_reader_bg.wasm'); // keeps the name section: `twiggy top target/wb/article_reader_bg.wasm`
let glue = readFileSync(join(wb, 'article_reader.js'), 'utf8');
let wasm;
if (noOpt) {
  wasm = readFileSync(bgIn);
} else {
  // 1. Exports nothing reads. wasm-streams' #[wasm_bindgen] classes come with Leptos'
  //    server-function support; no import of the glue creates them, so they are dead.
  for (const cls of ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource']) glue = dropClass(glue, cls);
  const used = glueExportRefs(glue);
  const pruned = join(wb, 'article_reader_bg.pruned.wasm');
  writeFileSync(pruned, keepExports(readFileSync(bgIn), (name) => name === 'memory' || sharedNames.has(name) || used.has(name)));
  // 2. wasm-opt -Oz.
  const bgOpt = join(wb, 'article_reader_bg.opt.wasm');
  execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', pruned, '-o', bgOpt], { stdio: 'inherit' });
  // 3. Short names. `memory` keeps its name (the bench and tools look for it).
  const optimized = readFileSync(bgOpt);
  const imports = wasmImports(optimized).filter((i) => i.desc[0] === 0x00 && i.module !== SPLIT_JS).map((i) => i.name);
  const importMap = new Map(imports.map((n, i) => [n, shortName(i)]));
  const exportMap = new Map(wasmExports(optimized).filter((e) => e.name !== 'memory' && !sharedNames.has(e.name)).map((e, i) => [e.name, shortName(i)]));
  wasm = renameWasm(optimized, importMap, exportMap);
  glue = renameGlue(glue, imports, importMap, exportMap);
  // The renamed module must still link against the glue: same import names, readable exports.
  const provided = new Set(wasmImports(wasm).map((i) => i.name));
  for (const n of importMap.values()) if (!provided.has(n)) throw new Error(`renamed wasm lacks import ${n}`);
}

const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 10);
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
const wasmName = `article-reader.${hash(wasm)}.wasm`;

// The lazy parts: wasm-opt'd, content-hashed, loaded by the inlined split JS
// relative to embed.js with their sha384.
const parts = (split ? split.parts : []).map(({ file, name }) => {
  const out = join(wb, `${name}.opt.wasm`);
  if (noOpt) writeFileSync(out, readFileSync(file));
  else execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', file, '-o', out], { stdio: 'inherit' });
  const buf = readFileSync(out);
  return { file: basename(file), buf, dist: `article-reader.${name}.${hash(buf)}.wasm` };
});
if (split) glue = inlineSplitJs(glue, split.js, parts.map((p) => ({ ...p, sri: sri(p.buf) })));

glue = trustedHtmlSinks(glue);
glue = glueAsFunction(glue);

// The loader with the glue function and the file names substituted, then minified.
const loaderSrc = readFileSync(join(root, 'src/embed/loader.js'), 'utf8');
const banner = /^\/\*![^\n]*\*\//.exec(loaderSrc)?.[0] ?? '';
const filled = loaderSrc
  .replace("'__GLUE__'", () => glue)
  .replaceAll('__WASM_SRI__', sri(wasm))
  .replaceAll('__WASM__', wasmName)
  .replaceAll('__VERSION__', version)
  .replaceAll('__ATTRS__', JSON.stringify(optionNames()));
if (/__(GLUE|WASM|WASM_SRI|VERSION|ATTRS)__/.test(filled.replace(banner, ''))) throw new Error('loader: a placeholder was left unfilled');
// Chrome's explicit compile hint (V8 13.6+, a plain comment elsewhere): compile
// every function of the file while it streams in, not each one on its first call.
// The glue's import functions are first called after the wasm arrived, when the
// main thread is busiest; compiled during the download they are ready
// (-43 ms to the article in the DOM on the bench's cold mobile profile).
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const loader = COMPILE_HINT + (noOpt
  ? filled
  : (await minify(filled, { ecma: 2018, compress: { passes: 2 }, format: { comments: /^!/ } })).code + '\n');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, wasmName), wasm);
for (const p of parts) writeFileSync(join(dist, p.dist), p.buf);
writeFileSync(join(dist, 'embed.js'), loader);

// The CSS the wasm embeds: the newest build-script output of this wasm's target dir.
const buildDir = join(dirname(wasmIn), 'build');
const cssCandidates = existsSync(buildDir)
  ? readdirSync(buildDir)
    .filter((d) => d.startsWith('article-reader-'))
    .map((d) => join(buildDir, d, 'out/reader.min.css'))
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  : [];
const css = readFileSync(cssCandidates[0] ?? join(root, 'style/reader.css'));
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [z.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const withSri = (buf) => ({ ...sizes(buf), sri: sri(buf) });
const files = { 'embed.js': withSri(Buffer.from(loader)), [wasmName]: withSri(wasm) };
for (const p of parts) files[p.dist] = withSri(p.buf);
const total = Object.values(files).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
// Everything the first article paint waits for: embed.js (loader + glue) and the main
// wasm; the article JSON comes beside them. The lazy parts load after the paint.
const critical = ['embed.js', wasmName];
const criticalPath = { files: critical, brotli: critical.reduce((a, n) => a + files[n].brotli, 0) };
const report = { version, files, total, criticalPath, cssInsideWasm: sizes(css) };
writeFileSync(join(dist, 'sizes.json'), JSON.stringify(report, null, 2) + '\n');
for (const [n, s] of Object.entries(files)) console.log(`${n.padEnd(36)} ${String(s.raw).padStart(8)} raw ${String(s.gzip).padStart(7)} gz ${String(s.brotli).padStart(7)} br`);
console.log(`${'total'.padEnd(36)} ${String(total.raw).padStart(8)} raw ${String(total.gzip).padStart(7)} gz ${String(total.brotli).padStart(7)} br`);

// Routes the glue's HTML-parsing sinks through `__arHtml` (defined in the loader):
// DOMParser's inert parse of the article body and, should a Leptos static template
// come back, `<template>.innerHTML` of strings compiled into the wasm. No other
// innerHTML-like sink may exist in the glue.
function trustedHtmlSinks(code) {
  let n = 0;
  code = code.replace(/(\w+)\.innerHTML = (getStringFromWasm0\([^()]*\));/g, (all, el, str) => { n++; return `${el}.innerHTML = __arHtml(${str}, ${el});`; });
  code = code.replace(/(\w+)\.parseFromString\((getStringFromWasm0\([^()]*\)),/g, (all, p, str) => { n++; return `${p}.parseFromString(__arHtml(${str}),`; });
  for (const sink of ['outerHTML', 'insertAdjacentHTML', 'srcdoc', 'createContextualFragment', 'document.write', 'setHTMLUnsafe', 'parseHTMLUnsafe']) {
    if (code.includes(sink)) throw new Error(`glue: unexpected HTML sink ${sink}`);
  }
  const left = code.match(/\.innerHTML = (?!__arHtml)/g);
  if (left) throw new Error('glue: an innerHTML assignment was not routed through the Trusted Types policy');
  if (n === 0 && !noOpt) console.warn('build-dist: no HTML sink found in the glue');
  return code;
}

// `export function f` / `export class C` / `export { a, b as c }` of the ES-module
// glue -> a function expression returning those names (it runs inside the loader).
/**
 * Runs wasm-split-cli when `input` has split points (imports of the placeholder
 * module `wasm_split` links against); null otherwise. Returns the main module,
 * the lazy parts ({ file, name }), the split JS and the main-module exports it reads.
 */
function splitModule(input, dir) {
  if (!wasmImports(readFileSync(input)).some((i) => i.module === '__wasm_split_placeholder__')) return null;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('wasm-split-cli', [input, dir, '--out-name', 'article_reader'], { stdio: 'inherit' });
  const js = readFileSync(join(dir, '__wasm_split.js'), 'utf8');
  const destructured = /const \{([^}]*)\} = initSync\(undefined, undefined\);/.exec(js);
  if (!destructured) throw new Error('__wasm_split.js: the shared exports (const { ... } = initSync(...)) were not found');
  const shared = destructured[1].split(',').map((x) => x.trim()).filter(Boolean);
  const parts = readdirSync(dir).filter((f) => f.endsWith('.wasm') && f !== 'article_reader.wasm')
    .map((f) => ({ file: join(dir, f), name: f.replace(/^split_/, '').replace(/\.wasm$/, '').replace(/[^a-z0-9-]/gi, '-') }));
  if (!parts.length) throw new Error('wasm-split-cli wrote no lazy part');
  return { main: join(dir, 'article_reader.wasm'), parts, js, shared };
}

/**
 * Puts the split JS into the glue (which imports it as a module): its import of
 * `initSync` is the glue's own, its exports become the `import1` object the glue
 * hands to the wasm, and each part is fetched relative to embed.js (`base`, the
 * loader's) with its sha384. `instantiate` of the bytes, not streaming: a CDN that
 * sends another MIME type for .wasm must not break the lazy part.
 */
function inlineSplitJs(glue, js, parts) {
  const line = /^import \* as (import\d+) from "\.\/__wasm_split\.js";?\n/m.exec(glue);
  if (!line) throw new Error('glue: no import of ./__wasm_split.js');
  let code = js.replace(/^import \{ initSync \} from "[^"]+";\n/m, '');
  const exported = [];
  code = code.replace(/^export const ([A-Za-z0-9_$]+) =/gm, (all, n) => { exported.push(n); return `const ${n} =`; });
  for (const p of parts) {
    const at = `fetch(new URL("./${p.file}", import.meta.url))`;
    if (!code.includes(at)) throw new Error(`__wasm_split.js: the fetch of ${p.file} was not found`);
    code = code.replace(at, `fetch(new URL(${JSON.stringify(p.dist)}, base), { integrity: ${JSON.stringify(p.sri)}, credentials: 'same-origin' })`);
  }
  const streaming = /\(WebAssembly\.instantiateStreaming\(src, imports\)\)/g;
  if (!streaming.test(code)) throw new Error('__wasm_split.js: the part instantiation was not found');
  code = code.replace(streaming, '(src.then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.arrayBuffer(); }).then((b) => WebAssembly.instantiate(b, imports)))');
  if (/\bimport\b|\bexport\b/.test(code.replace(/import\.meta/g, ''))) throw new Error('__wasm_split.js: an import/export is left');
  const body = `const ${line[1]} = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();\n`;
  return glue.replace(line[0], '') + '\n' + body;
}

function glueAsFunction(code) {
  const names = [];
  code = code.replace(/^export (function|class) ([A-Za-z0-9_$]+)/gm, (all, kind, name) => { names.push([name, name]); return `${kind} ${name}`; });
  code = code.replace(/^export \{([^}]*)\};?$/gm, (all, list) => {
    for (const part of list.split(',')) {
      const [local, as] = part.trim().split(/\s+as\s+/);
      if (local) names.push([as ?? local, local]);
    }
    return '';
  });
  if (/^\s*(export|import)\b/m.test(code)) throw new Error('glue: an import/export statement is left');
  code = code.replaceAll('import.meta.url', 'location.href'); // only the unused default path
  const ret = names.map(([as, local]) => `${JSON.stringify(as)}: ${local}`).join(', ');
  return `(function () {\n${code}\nreturn { ${ret} };\n})`;
}

// The option names of src/config.rs (OPTION_NAMES), the attributes the loader observes.
function optionNames() {
  const src = readFileSync(join(root, 'src/config.rs'), 'utf8');
  const m = /OPTION_NAMES[^=]*=\s*&?\[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('src/config.rs: OPTION_NAMES not found');
  return [...m[1].matchAll(/"([a-z-]+)"/g)].map((x) => x[1]).filter((n) => n !== 'data');
}
