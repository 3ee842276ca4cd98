// Turns the release wasm into dist/:
//   wasm-bindgen (--target web)
//   -> drop the wasm exports the glue never reads (wasm-streams' classes that
//      Leptos' server functions link in: this widget has no server functions)
//   -> wasm-opt -Oz (npm binaryen, pinned)
//   -> short import/export names in the wasm and the glue (scripts/wasm-names.mjs)
//   -> glue minified with terser (pinned)
//   -> content-hashed glue + wasm -> embed.js (the only stable file name) with those
//      names substituted. Also writes dist/sizes.json (raw, gzip -9, brotli -q 11).
// Flags: --no-opt skips wasm-opt, renaming and minification (debugging).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { keepExports, wasmImports, wasmExports, renameWasm, renameGlue, glueExportRefs, dropClass, shortName } from './wasm-names.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// DIST_WASM / DIST_OUT / DIST_WB override the input wasm and the output folders
// (bench/before builds and experiments build elsewhere without touching dist/).
const wasmIn = process.env.DIST_WASM ?? join(root, 'target/wasm32-unknown-unknown/release/article_reader.wasm');
const wb = process.env.DIST_WB ?? join(root, 'target/wb');
const dist = process.env.DIST_OUT ?? join(root, 'dist');
const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const noOpt = process.argv.includes('--no-opt');

if (!existsSync(wasmIn)) throw new Error(`missing ${wasmIn}: run cargo build --release --target wasm32-unknown-unknown`);
rmSync(wb, { recursive: true, force: true });
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', wb, wasmIn], { stdio: 'inherit' });

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
  writeFileSync(pruned, keepExports(readFileSync(bgIn), (name) => name === 'memory' || used.has(name)));
  // 2. wasm-opt -Oz.
  const bgOpt = join(wb, 'article_reader_bg.opt.wasm');
  execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', pruned, '-o', bgOpt], { stdio: 'inherit' });
  // 3. Short names. `memory` keeps its name (the bench and tools look for it).
  const optimized = readFileSync(bgOpt);
  const imports = wasmImports(optimized).filter((i) => i.desc[0] === 0x00).map((i) => i.name);
  const importMap = new Map(imports.map((n, i) => [n, shortName(i)]));
  const exportMap = new Map(wasmExports(optimized).filter((e) => e.name !== 'memory').map((e, i) => [e.name, shortName(i)]));
  wasm = renameWasm(optimized, importMap, exportMap);
  glue = renameGlue(glue, imports, importMap, exportMap);
  // 4. Minify the glue (module scope: exported names stay, property names are untouched).
  const min = await minify(glue, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  glue = min.code + '\n';
  // The renamed module must still link against the glue: same import names, readable exports.
  const provided = new Set(wasmImports(wasm).map((i) => i.name));
  for (const n of importMap.values()) if (!provided.has(n)) throw new Error(`renamed wasm lacks import ${n}`);
}

const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 10);
const wasmName = `article-reader.${hash(wasm)}.wasm`;
const glueName = `article-reader.${hash(glue)}.js`;

// Light minification of the hand-written loader: drop comments (keep the /*! banner) and indentation.
const loaderSrc = readFileSync(join(root, 'src/embed/loader.js'), 'utf8');
const loader = loaderSrc
  .split('\n')
  .filter((l) => !/^\s*\/\/(?!\!)/.test(l))
  .map((l) => l.replace(/\s+\/\/ .*$/, '').trim())
  .filter(Boolean)
  .join('\n')
  .replaceAll('__GLUE__', glueName)
  .replaceAll('__WASM__', wasmName)
  .replaceAll('__VERSION__', version) + '\n';

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, wasmName), wasm);
writeFileSync(join(dist, glueName), glue);
writeFileSync(join(dist, 'embed.js'), loader);

// The CSS the wasm embeds: the newest build-script output (older ones may linger in target/).
const buildDir = join(root, 'target/wasm32-unknown-unknown/release/build');
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
const files = { 'embed.js': sizes(Buffer.from(loader)), [glueName]: sizes(Buffer.from(glue)), [wasmName]: sizes(wasm) };
const total = Object.values(files).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const report = { version, files, total, cssInsideWasm: sizes(css) };
writeFileSync(join(dist, 'sizes.json'), JSON.stringify(report, null, 2) + '\n');
for (const [n, s] of Object.entries(files)) console.log(`${n.padEnd(36)} ${String(s.raw).padStart(8)} raw ${String(s.gzip).padStart(7)} gz ${String(s.brotli).padStart(7)} br`);
console.log(`${'total'.padEnd(36)} ${String(total.raw).padStart(8)} raw ${String(total.gzip).padStart(7)} gz ${String(total.brotli).padStart(7)} br`);
