// Helpers for the WebDriver suite (tests/webdriver/cases/*.mjs): a test
// registry, pages served by the suite's own server (with the probe script that
// records errors, CSP violations and widget events), phone-sized frames, and
// `borrow`, which takes a check straight out of a Chromium e2e test file so the
// engines are held to the very same function, not to a copy.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { harnessHtml } from '../e2e/corpora.mjs';

export { assert, assertEq, AssertionError } from '../e2e/lib.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROBE_TAG = '<script src="/tests/webdriver/probe.js"></script>';

const registry = [];
let currentFile = '';
export function setFile(f) { currentFile = f; }
export function tests() { return registry; }
/**
 * Registers a test: `fn(ctx)` with ctx = { s, engine, base, routes, open, ... }
 * (see makeContext). `engines` limits it to some engines; `timeout` in ms.
 * `knownBug` (a sentence naming the bug and where it was reported): a failure
 * is printed as KNOWN and does not fail the run; a pass says to remove the mark.
 * `knownBug` may also be { engine: sentence } for a bug some engines have.
 * `skip()` returning a reason skips the test with that reason printed.
 */
export function test(name, fn, { timeout = 60_000, engines, knownBug, skip } = {}) {
  registry.push({ name, fn, timeout, engines, knownBug, skip, file: currentFile });
}

/**
 * Top-level declarations (`function name(`, `const name =`) copied verbatim
 * out of a test file, evaluated as a module of their own, and returned by
 * name. The source file is not modified; a declaration that cannot be found
 * is an error (so a renamed check fails loudly instead of silently testing less).
 */
export async function borrow(file, names, prelude = '') {
  const src = readFileSync(join(ROOT, file), 'utf8');
  const parts = [];
  for (const name of names) {
    const start = src.search(new RegExp(`^(?:export )?(?:async )?(?:function ${name}\\b|const ${name}\\s*=)`, 'm'));
    if (start < 0) throw new Error(`borrow: ${name} not found at the top level of ${file}`);
    const rest = src.slice(start);
    // The declaration ends at the first line at column 0 that closes it.
    const end = rest.search(/^(?:\}|\};|`;)$/m);
    const oneLine = rest.indexOf('\n');
    const stop = end < 0 || (oneLine >= 0 && /;\s*$/.test(rest.slice(0, oneLine)) && !/[{`(]\s*$/.test(rest.slice(0, oneLine))) ? oneLine : end + rest.slice(end).indexOf('\n');
    if (stop < 0) throw new Error(`borrow: cannot find the end of ${name} in ${file}`);
    parts.push(rest.slice(0, stop).replace(/^export /, ''));
  }
  const code = `${prelude}\n${parts.join('\n')}\nexport { ${names.join(', ')} };\n`;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** A static repo file as HTML with the probe script injected first in <head> (and optional extra head markup). */
export function probed(path, extraHead = '') {
  const html = readFileSync(join(ROOT, path), 'utf8');
  if (!/<head>/i.test(html)) throw new Error(`${path} has no <head>`);
  return html.replace(/<head>/i, (h) => `${h}\n${PROBE_TAG}${extraHead}`);
}

/** Harness page (tests/e2e/corpora.mjs) with the probe and optional extra head markup. */
export function harness({ lang = 'en', head = '' } = {}) {
  return harnessHtml({ lang, head: `${PROBE_TAG}${head}` });
}

/** The reader page tests/e2e/reader_util.mjs builds, with `body` in <main> and the probe first. */
export function readerHtml(body, { lang = 'vi' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${PROBE_TAG}
<meta name="viewport" content="width=device-width, initial-scale=1"><title>reader test</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/tests/webdriver/reader-page.css"></head>
<body><main>${body}</main><script src="/dist/embed.js" defer></script></body></html>`;
}

export const html = (body, headers = {}) => (req, res) =>
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(body);

/**
 * Per-test helpers bound to one session and server.
 *  open(path, { prefs, frame, widgets, clear }) navigates (after setting
 *    localStorage prefs { step, theme } on the origin), optionally inside a
 *    same-origin iframe of frame = { width, height } (phones: MiniBrowser's
 *    window cannot be made narrower than ~447 px), then waits for `widgets`
 *    widgets to finish. Later executes run inside the frame.
 *  problems() returns the probe's script errors and console.error calls.
 */
export function makeContext({ s, engine, base, routes }) {
  let pages = 0;
  let inFrame = false;
  const ctx = {
    s, engine, base, routes,
    /** Registers `body` (a handler or HTML text) under a fresh path; returns the path. */
    serve(body) {
      const path = `/__wd/${++pages}.html`;
      routes[path] = typeof body === 'function' ? body : html(body);
      return path;
    },
    async top() {
      if (inFrame) { await s.switchToFrame(null); inFrame = false; }
    },
    async open(path, { prefs, frame, widgets = 1, clear = true } = {}) {
      await ctx.top();
      if (clear || prefs) {
        await s.navigate(`${base}/tests/webdriver/empty.html`);
        await s.execute((p, c) => {
          try {
            if (c) { localStorage.clear(); sessionStorage.clear(); }
            if (p && p.step !== undefined) localStorage.setItem('article-reader:font-step', String(p.step));
            if (p && p.theme !== undefined) localStorage.setItem('article-reader:theme', p.theme);
          } catch { /* storage blocked: the test will see it */ }
        }, prefs ?? null, clear);
      }
      if (frame) {
        const wrap = ctx.serve(`<!doctype html><html><head><meta charset="utf-8"><title>frame</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/tests/webdriver/frame-page.css"></head>
<body><iframe id="f" title="page" width="${frame.width}" height="${frame.height}" src="${path}"></iframe></body></html>`);
        await s.navigate(base + wrap);
        const f = await s.find('#f');
        await s.waitFor(() => { const d = document.getElementById('f').contentDocument; return d && d.readyState === 'complete' && d.location.href !== 'about:blank'; }, { message: 'frame loaded' });
        await s.switchToFrame(f);
        inFrame = true;
      } else {
        await s.navigate(base + path);
      }
      if (widgets) await ctx.waitWidgets(widgets);
    },
    waitWidgets(n = 1, timeout = 20_000) {
      return s.waitFor((k) => {
        const hosts = [...document.querySelectorAll('article-reader, [data-article-reader]')];
        // Shown, and its controls built (they come from the lazy part of the wasm, after the article paints).
        return hosts.filter((h) => h.shadowRoot && h.shadowRoot.querySelector('.ar-article, .ar-error') && h.shadowRoot.querySelector('.ar-tools button')).length >= k;
      }, { args: [n], timeout, message: `${n} widget(s) finished` });
    },
    /**
     * Runs fn(shadowRoot, arg) for the nth widget (as tests/e2e/reader_util.mjs
     * inShadow does). The function's source goes into the script itself, not
     * through eval/new Function: WebKit applies the page's CSP to those.
     */
    inShadow(fn, arg = null, index = 0) {
      return s.execute(`const host = document.querySelectorAll('article-reader, [data-article-reader]')[arguments[1]];
return (${fn.toString()})(host.shadowRoot, arguments[0]);`, arg, index);
    },
    /** The element matching `sel` in the nth widget's shadow root (for real clicks and keys). */
    async shadowEl(sel, index = 0) {
      const el = await s.execute((q, i) => {
        const host = document.querySelectorAll('article-reader, [data-article-reader]')[i];
        return (host && host.shadowRoot && host.shadowRoot.querySelector(q)) || null;
      }, sel, index);
      if (!el) throw new Error(`no ${sel} in widget ${index}`);
      return el;
    },
    /** Picks a theme in the nth widget's "Aa" panel with real clicks, opening the panel if needed. */
    async pickTheme(theme, index = 0) {
      const aa = await ctx.shadowEl('button[part~="settings"]', index);
      if ((await aa.attribute('aria-expanded')) !== 'true') await aa.click();
      await (await ctx.shadowEl(`input[name="article-reader:theme"][value="${theme}"]`, index)).click();
    },
    /** The theme checked in the nth widget's "Aa" panel (opened first: it is built when opened). */
    async checkedTheme(index = 0) {
      const aa = await ctx.shadowEl('button[part~="settings"]', index);
      if ((await aa.attribute('aria-expanded')) !== 'true') await aa.click();
      return ctx.inShadow((r) => {
        const c = r.querySelector('input[name="article-reader:theme"]:checked');
        return c ? c.value : null;
      }, null, index);
    },
    problems: () => s.execute(() => (window.__wdProblems || ['probe script missing']).slice()),
  };
  return ctx;
}
