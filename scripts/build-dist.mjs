// Turns the release wasm into dist/: wasm-bindgen (--target web) -> wasm-opt -Oz
// (npm binaryen, pinned) -> content-hashed glue + wasm -> embed.js (the only
// stable file name) with those names substituted. Also writes dist/sizes.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmIn = join(root, 'target/wasm32-unknown-unknown/release/article_reader.wasm');
const wb = join(root, 'target/wb');
const dist = join(root, 'dist');
const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const noOpt = process.argv.includes('--no-opt');

if (!existsSync(wasmIn)) throw new Error(`missing ${wasmIn}: run cargo build --release --target wasm32-unknown-unknown`);
rmSync(wb, { recursive: true, force: true });
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', wb, wasmIn], { stdio: 'inherit' });

const bgIn = join(wb, 'article_reader_bg.wasm');
const bgOpt = join(wb, 'article_reader_bg.opt.wasm');
if (!noOpt) {
  execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', bgIn, '-o', bgOpt], { stdio: 'inherit' });
}
const wasm = readFileSync(noOpt ? bgIn : bgOpt);
const glue = readFileSync(join(wb, 'article_reader.js'), 'utf8');

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

const css = readFileSync(
  readdirSync(join(root, 'target/wasm32-unknown-unknown/release/build'))
    .filter((d) => d.startsWith('article-reader-'))
    .map((d) => join(root, 'target/wasm32-unknown-unknown/release/build', d, 'out/reader.min.css'))
    .filter(existsSync)
    .sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0] ?? join(root, 'style/reader.css'),
);
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
