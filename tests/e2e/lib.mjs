// Shared helpers for the end-to-end tests: one Chromium per run, one server,
// a tiny test registry and assertions. No test framework dependency.
import { serve } from '../../scripts/serve.mjs';

/** The system Chromium and its launch arguments: one copy for tests, bench and scripts. */
export { CHROMIUM_ARGS, CHROMIUM_PATH, launch } from '../../scripts/lib/chromium.mjs';

const registry = [];
/** Registers a test: fn receives { browser, base, server, page(opts) }. */
export function test(name, fn, { timeout = 60_000 } = {}) {
  registry.push({ name, fn, timeout, file: currentFile });
}
let currentFile = '';
export function setFile(f) { currentFile = f; }
export function tests() { return registry; }

export class AssertionError extends Error {}
export function assert(cond, msg) {
  if (!cond) throw new AssertionError(msg ?? 'assertion failed');
}
export function assertEq(actual, expected, msg) {
  if (actual !== expected) throw new AssertionError(`${msg ?? 'not equal'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Starts the static server on a free port with extra routes. */
export async function startServer(routes = {}, opts = {}) {
  const server = await serve({ port: 0, routes, ...opts });
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Opens a new page, recording console errors and page errors in `page.problems`. */
export async function newPage(browser, { viewport = { width: 1280, height: 800 }, ...ctxOpts } = {}) {
  const context = await browser.newContext({ viewport, ...ctxOpts });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.closeAll = () => context.close();
  return page;
}

/** Waits until `count` widgets on the page have finished (article or error shown). */
export async function waitForWidgets(page, count = 1, timeout = 15_000) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('article-reader, [data-article-reader]')];
    // Shown, and its controls built (they come from the lazy part of the wasm, after the article paints).
    const done = hosts.filter((h) => h.shadowRoot && h.shadowRoot.querySelector('.ar-article, .ar-error') && h.shadowRoot.querySelector('.ar-tools button'));
    return done.length >= n;
  }, count, { timeout });
}

/** Text content of the first match of `selector` inside the nth widget's shadow root. */
export function shadowText(page, selector, index = 0) {
  return page.evaluate(([sel, i]) => {
    const host = document.querySelectorAll('article-reader, [data-article-reader]')[i];
    const el = host && host.shadowRoot && host.shadowRoot.querySelector(sel);
    return el ? el.textContent : null;
  }, [selector, index]);
}
