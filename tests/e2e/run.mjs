// End-to-end test runner: node tests/e2e/run.mjs [filter]
// Loads every tests/e2e/*.test.mjs, runs the tests one after another against the
// built dist/ in the system Chromium, prints a line per test, exits 1 on failure.
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, setFile, tests, startServer } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
if (!existsSync(join(here, '../../dist/embed.js'))) {
  console.error('dist/embed.js is missing: run `make dist` first');
  process.exit(1);
}
for (const f of readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()) {
  setFile(f);
  await import(pathToFileURL(join(here, f)).href);
}
const selected = tests().filter((t) => `${t.file} ${t.name}`.includes(filter));
const browser = await launch();
const { server, base } = await startServer();
let failed = 0;
const started = Date.now();
for (const t of selected) {
  const t0 = Date.now();
  let timer;
  try {
    await Promise.race([
      t.fn({ browser, base }),
      new Promise((_, no) => { timer = setTimeout(() => no(new Error(`timed out after ${t.timeout} ms`)), t.timeout); }),
    ]);
    console.log(`ok    ${t.file} › ${t.name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${t.file} › ${t.name}\n      ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n      ')}`);
  } finally {
    clearTimeout(timer);
  }
}
await browser.close();
server.close();
console.log(`\n${selected.length - failed} passed, ${failed} failed (${selected.length} end-to-end tests, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
