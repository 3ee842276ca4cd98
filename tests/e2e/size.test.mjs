// Issue 6: the byte budget. Reads dist/sizes.json (written by scripts/build-dist.mjs)
// and fails when the brotli total of everything embed.js pulls grows past the ceiling.
// Bytes are deterministic, so this needs no browser.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert } from './lib.mjs';

/** The product target (issue 6): 64 KB brotli -q 11 for loader + glue + wasm (CSS is inside the wasm). */
export const TARGET_BROTLI = 64 * 1024;

/**
 * The regression ceiling CI enforces today. The bundle is still above the
 * 64 KB target (bench/notes.md, "What holds the size above 64 KB": the wasm
 * alone is about 2.5x the budget; Leptos' runtime and view code are a third of
 * it): this is the measured total rounded up by ~3 %, so growth beyond that
 * fails CI while the size work goes on. Lower it whenever the total drops; once
 * the total is under TARGET_BROTLI, set CEILING_BROTLI = TARGET_BROTLI.
 * Measured total when last set: 167,303 B at commit c6d05ad (196,464 B for the
 * same tree before the issue-6 size work).
 */
export const CEILING_BROTLI = 172_000;

const sizesPath = join(dirname(fileURLToPath(import.meta.url)), '../../dist/sizes.json');

test('bundle size: loader + glue + wasm within the brotli ceiling', async () => {
  const sizes = JSON.parse(readFileSync(sizesPath, 'utf8'));
  const files = Object.entries(sizes.files);
  assert(files.some(([n]) => n === 'embed.js'), 'sizes.json lists embed.js');
  assert(files.some(([n]) => n.endsWith('.wasm')), 'sizes.json lists the wasm');
  const total = files.reduce((s, [, f]) => s + f.brotli, 0);
  assert(total === sizes.total.brotli, `sizes.json total (${sizes.total.brotli}) is the sum of its files (${total})`);
  const detail = files.map(([n, f]) => `${n} ${f.brotli} B`).join(', ');
  assert(
    total <= CEILING_BROTLI,
    `brotli total ${total} B exceeds the regression ceiling ${CEILING_BROTLI} B (target ${TARGET_BROTLI} B): ${detail}`,
  );
  if (total > TARGET_BROTLI) {
    console.log(`      note: brotli total ${total} B is within the ceiling ${CEILING_BROTLI} B but above the ${TARGET_BROTLI} B target`);
  }
});
