// The byte budget. Reads dist/sizes.json (written by scripts/build-dist.mjs) and fails
// when what the first article paint waits for (the critical path: embed.js with the
// glue inside, and the main wasm), or everything dist/ can load (the lazy part too),
// grows past its ceiling.
// Bytes are deterministic, so this needs no browser.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEq } from './lib.mjs';

/** Targets (issue 9): critical path at most 100 KB brotli (goal 64 KB), all of dist/ at most 130 KB. */
export const TARGET_CRITICAL = 100 * 1024;
export const TARGET_TOTAL = 130 * 1024;

/**
 * The regression ceilings CI enforces today: the measured sizes rounded up by ~2 %.
 * The bundle is still above the targets (bench/report.md, "What holds the bytes"):
 * growth beyond these fails CI while the size work goes on. Lower them whenever the
 * sizes drop; once under a target, set the ceiling to the target.
 * Measured when last set: critical path 127,407 B brotli (embed.js 6,874 + main wasm
 * 120,533), total 159,014 B (+ the lazy part, 31.6 KB, loaded after the article paints).
 * Before: 137,215 B at ea0d81a; 144,249 B at 53e5f55; 173,706 B at 2da225b (everything on the critical
 * path); 166,152 B at ce80137.
 */
export const CEILING_CRITICAL = 129_500;
export const CEILING_TOTAL = 162_000;

const sizesPath = join(dirname(fileURLToPath(import.meta.url)), '../../dist/sizes.json');
const sizes = () => JSON.parse(readFileSync(sizesPath, 'utf8'));

test('bundle size: what the first article paint waits for stays within its brotli ceiling', async () => {
  const s = sizes();
  const files = Object.entries(s.files);
  assert(files.some(([n]) => n === 'embed.js'), 'sizes.json lists embed.js');
  assert(files.some(([n]) => n.endsWith('.wasm')), 'sizes.json lists the wasm');
  const critical = s.criticalPath.files.reduce((sum, n) => sum + s.files[n].brotli, 0);
  assertEq(critical, s.criticalPath.brotli, 'criticalPath.brotli is the sum of its files');
  const detail = s.criticalPath.files.map((n) => `${n} ${s.files[n].brotli} B`).join(', ');
  assert(critical <= CEILING_CRITICAL, `critical path ${critical} B brotli exceeds the ceiling ${CEILING_CRITICAL} B (target ${TARGET_CRITICAL} B): ${detail}`);
  if (critical > TARGET_CRITICAL) console.log(`      note: critical path ${critical} B is within the ceiling but above the ${TARGET_CRITICAL} B target`);
});

test('bundle size: everything dist/ may load stays within its brotli ceiling', async () => {
  const s = sizes();
  const total = Object.values(s.files).reduce((sum, f) => sum + f.brotli, 0);
  assertEq(total, s.total.brotli, 'total is the sum of the files');
  assert(total <= CEILING_TOTAL, `total ${total} B brotli exceeds the ceiling ${CEILING_TOTAL} B (target ${TARGET_TOTAL} B)`);
  if (total > TARGET_TOTAL) console.log(`      note: total ${total} B is within the ceiling but above the ${TARGET_TOTAL} B target`);
});
