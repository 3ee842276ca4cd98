// Sizes of a file or buffer as served: raw, gzip -9 and brotli quality 11 (what a
// CDN sends), both through node:zlib so no CLI is needed (brotli here gives the
// same byte count as `brotli -q 11` on the dist/ files).
//   import { sizes, sizesOfFile, sumSizes, brotli, gzip } from '../scripts/lib/sizes.mjs';
//   sizes(buf)            -> { raw, gzip, brotli }   (bytes)
//   sizesOfFile(path)     -> the same for a file
//   sumSizes([a, b, ...]) -> field-wise sum
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';

/** Brotli, quality 11, with the input length as size hint (as the brotli CLI does). */
export function brotli(buf) {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  return brotliCompressSync(b, { params: { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_SIZE_HINT]: b.length } });
}

/** Gzip, level 9. */
export function gzip(buf) {
  return gzipSync(Buffer.isBuffer(buf) ? buf : Buffer.from(buf), { level: 9 });
}

/** { raw, gzip, brotli } byte counts of a Buffer or string (strings as UTF-8). */
export function sizes(buf) {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  return { raw: b.length, gzip: gzip(b).length, brotli: brotli(b).length };
}

/** sizes() of a file. */
export function sizesOfFile(path) {
  return sizes(readFileSync(path));
}

/** Field-wise sum of sizes() results. */
export function sumSizes(list) {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}
