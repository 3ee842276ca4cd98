// The core end-to-end suite in Firefox and WebKit over W3C WebDriver.
// Usage: node tests/webdriver/run.mjs [firefox] [webkit] [chromium] [filter]
// (default: firefox webkit). For each engine: Xvfb when the browser needs a
// display (MiniBrowser), the driver on a free port, one browser session, the
// repo served on a free port (scripts/serve.mjs); every tests/webdriver/cases/*.mjs
// test runs in that session, then everything started here is stopped.
// Prints one line per test and the time per engine; exits 1 on any failure.
// A failing test leaves a screenshot in target/webdriver/.
import { readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { ENGINES, Session, capabilities, startDriver, startXvfb } from './client.mjs';
import { setFile, tests, makeContext } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const args = process.argv.slice(2);
const engines = args.filter((a) => Object.hasOwn(ENGINES, a));
const filter = args.filter((a) => !Object.hasOwn(ENGINES, a)).join(' ');
if (!engines.length) engines.push('firefox', 'webkit');
if (!existsSync(join(root, 'dist/embed.js'))) {
  console.error('dist/embed.js is missing: run `make dist` first');
  process.exit(1);
}

const casesDir = join(here, 'cases');
for (const f of readdirSync(casesDir).filter((f) => f.endsWith('.mjs')).sort()) {
  setFile(f.replace(/\.mjs$/, ''));
  await import(pathToFileURL(join(casesDir, f)).href);
}

// Requests to any other host fail at once (a proxy on a closed port), so the
// run is offline and deterministic like the Chromium suite's page.route aborts;
// browsers never proxy loopback.
const OFFLINE_PROXY = { proxyType: 'manual', httpProxy: '127.0.0.1:9', sslProxy: '127.0.0.1:9', noProxy: ['127.0.0.1', 'localhost'] };
const FIREFOX_PREFS = {
  // No first-run pages, telemetry or update pings in the measured runs.
  'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.disabledForTesting': true, 'toolkit.telemetry.reportingpolicy.firstRun': false,
};

async function newSession(engine, driver) {
  const caps = capabilities(engine, { proxy: OFFLINE_PROXY, prefs: engine === 'firefox' ? FIREFOX_PREFS : {} });
  // One retry: a cold MiniBrowser on a loaded machine can miss the first session's deadline.
  const s = await Session.create(driver.url, caps, { timeout: 90_000 })
    .catch((e) => { console.log(`      ${engine}: new session failed (${e.message}); retrying once`); return Session.create(driver.url, caps, { timeout: 120_000 }); });
  await s.setTimeouts({ script: 60_000, pageLoad: 30_000, implicit: 0 });
  const r = await s.windowRect();
  if (r.width !== 1280 || r.height !== 800) await s.setViewport(1280, 800).catch(() => {});
  return s;
}

/**
 * scripts/serve.mjs throws (and kills the run) on a request path that is not
 * valid percent-encoding, which some XSS payloads make WebKit and Firefox
 * request; such requests get a 400 here before they reach it.
 */
function guardMalformedPaths(server) {
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    try {
      decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('malformed path');
      return;
    }
    for (const h of handlers) h.call(server, req, res);
  });
}

const summary = [];
let failedTotal = 0;
for (const engine of engines) {
  const selected = tests().filter((t) => (!t.engines || t.engines.includes(engine)) && `${t.file} ${t.name}`.includes(filter));
  const started = Date.now();
  let xvfb = null;
  let driver = null;
  let s = null;
  const routes = {};
  const server = await serve({ port: 0, routes });
  guardMalformedPaths(server);
  const base = `http://127.0.0.1:${server.address().port}`;
  let failed = 0;
  let known = 0;
  let skipped = 0;
  let setupMs = 0;
  try {
    if (ENGINES[engine].needsDisplay && !process.env.WD_DISPLAY) xvfb = await startXvfb();
    driver = await startDriver(engine, { display: process.env.WD_DISPLAY ?? xvfb?.display });
    s = await newSession(engine, driver);
    setupMs = Date.now() - started;
    console.log(`${engine} ${s.caps.browserVersion} (${s.caps.browserName}), driver and browser up in ${(setupMs / 1000).toFixed(1)} s`);
    for (const t of selected) {
      const why = t.skip && t.skip();
      if (why) { skipped++; console.log(`skip  ${engine} ${t.file} › ${t.name}: ${why}`); continue; }
      const t0 = Date.now();
      // knownBug: a sentence, or { engine: sentence } for a bug of some engines only.
      const knownBug = typeof t.knownBug === 'object' && t.knownBug ? t.knownBug[engine] : t.knownBug;
      let timer;
      const ctx = makeContext({ s, engine, base, routes, server });
      try {
        // Every test starts in the top-level page of a 1280×800 window.
        await s.switchToFrame(null);
        await s.setViewport(1280, 800);
        await Promise.race([
          t.fn(ctx),
          new Promise((_, no) => { timer = setTimeout(() => no(new Error(`timed out after ${t.timeout} ms`)), t.timeout); }),
        ]);
        console.log(`ok    ${engine} ${t.file} › ${t.name} (${Date.now() - t0} ms)${knownBug ? ' (known bug did not show this time; remove its knownBug mark once fixed)' : ''}`);
      } catch (e) {
        if (knownBug) {
          known++;
          console.log(`KNOWN ${engine} ${t.file} › ${t.name}: ${knownBug}\n      ${String((e && e.message) || e).split('\n').slice(0, 3).join('\n      ')}`);
          continue;
        }
        failed++;
        console.log(`FAIL  ${engine} ${t.file} › ${t.name}\n      ${String((e && e.stack) || e).split('\n').slice(0, 8).join('\n      ')}`);
        try {
          await ctx.top();
          const dir = join(root, 'target/webdriver');
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `${engine}-${t.file}-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`), await s.screenshot());
        } catch { /* the session may be gone */ }
        // A dead session (browser crash, hung driver) gets replaced for the next tests.
        if (/invalid session id|transport|no such window/.test(String(e && e.message))) {
          await s.delete().catch(() => {});
          s = await newSession(engine, driver);
        }
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (e) {
    failed++;
    console.log(`FAIL  ${engine}: could not run the suite: ${(e && e.stack) || e}`);
  } finally {
    if (s) await s.delete().catch(() => {});
    if (driver) await driver.stop();
    if (xvfb) await xvfb.stop();
    server.closeAllConnections();
    server.close();
  }
  const secs = (Date.now() - started) / 1000;
  failedTotal += failed;
  summary.push(`${engine}: ${selected.length - failed - known - skipped} passed, ${failed} failed${known ? `, ${known} known bug${known > 1 ? 's' : ''}` : ''}${skipped ? `, ${skipped} skipped` : ''}, ${secs.toFixed(1)} s (start-up ${(setupMs / 1000).toFixed(1)} s)`);
  console.log(`${summary.at(-1)}\n`);
}
console.log(summary.join('\n'));
process.exit(failedTotal ? 1 : 0);
