// Helpers shared by the embed_*.test.mjs end-to-end tests (issue 4).
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');

/** The content-hashed file names in dist/. */
export function distFiles() {
  const names = readdirSync(DIST);
  return {
    wasm: names.find((n) => /^article-reader\.[0-9a-f]{10}\.wasm$/.test(n)),
    /** The lazy part (controls, listening, sharing, photos): `article-reader.<name>.<hash>.wasm`. */
    lazy: names.filter((n) => /^article-reader\.[a-z-]+\.[0-9a-f]{10}\.wasm$/.test(n)),
  };
}

/**
 * Captures every wasm memory the page instantiates (the widget's, shared with its
 * lazy part) into `window.__wasmMemories`; install with `page.addInitScript`.
 * (DevTools' `Runtime.queryObjects` over `WebAssembly.Memory` crashes the
 * renderer once a module exports its function table, as the split build does.)
 */
export const CAPTURE_WASM_MEMORY = `(() => {
  const seen = window.__wasmMemories = [];
  const keep = (r) => { const e = (r && (r.instance || r).exports) || {}; if (e.memory && !seen.includes(e.memory)) seen.push(e.memory); return r; };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const orig = WebAssembly[name];
    if (orig) WebAssembly[name] = function (...args) { return orig.apply(this, args).then(keep); };
  }
})();`;

/** Bytes of the wasm memories captured by {@link CAPTURE_WASM_MEMORY}. */
export async function wasmMemoryBytes(page) {
  return page.evaluate(() => (window.__wasmMemories || []).reduce((s, m) => s + m.buffer.byteLength, 0));
}

export const SEED = JSON.parse(readFileSync(join(ROOT, 'fixtures/seed/native.json'), 'utf8'));
export const SEED_TITLE = SEED.title;

/** A second, different article (same shape as the seed). */
export function otherArticle(title = 'Một bài viết khác để kiểm tra đổi nguồn') {
  return { version: 1, id: 'other-1', url: '/other-1.html', lang: 'vi', title, body: [{ type: 'paragraph', text: 'Đoạn văn của bài viết khác.' }] };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export { sleep };

/** JSON route answering after `delay` ms. */
export function jsonRoute(body, { delay = 0, status = 200 } = {}) {
  return async (req, res) => {
    if (delay) await sleep(delay);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

/** Runs `fn({ base, server })` with a dedicated server (own routes/options), then closes it. */
export async function withServer(routes, opts, fn) {
  const { server, base } = await startServer(routes, opts);
  try {
    return await fn({ base, server });
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
}

/** Records every request URL the page makes (including workers' and the wasm). */
export function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Number of widget roots (`.ar`) across all shadow roots on the page. */
export function countRoots(page) {
  return page.evaluate(() => [...document.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? el.shadowRoot.querySelectorAll('.ar').length : 0), 0));
}

/** State of the widget hosted by the element matching `sel`: 'article' | 'error' | 'loading' | 'empty' | 'none'. */
export function widgetState(page, sel) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return 'none';
    const r = el.shadowRoot;
    if (!r) return 'none';
    if (r.querySelector('.ar-article')) return 'article';
    if (r.querySelector('.ar-error')) return 'error';
    if (r.querySelector('.ar-loading')) return 'loading';
    return r.querySelector('.ar') ? 'other' : 'empty';
  }, sel);
}

/** Waits until the widget on `sel` reaches `state`. */
export async function waitState(page, sel, state, timeout = 15_000) {
  await page.waitForFunction(([s, want]) => {
    const el = document.querySelector(s);
    const r = el && el.shadowRoot;
    if (want === 'empty') return !!el && (!r || !r.querySelector('.ar'));
    if (!r) return false;
    // Its controls too: they come from the lazy part of the wasm, after the article paints.
    if (want === 'article') return !!r.querySelector('.ar-article') && !r.querySelector('.ar-body[aria-busy]') && !!r.querySelector('.ar-tools button');
    if (want === 'error') return !!r.querySelector('.ar-error');
    if (want === 'loading') return !!r.querySelector('.ar-loading');
    return false;
  }, [sel, state], { timeout });
}

/** Starts recording the widget events on `document` (call before the widgets load). */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    const log = [];
    Object.defineProperty(window, '__arEvents', { value: log, enumerable: false });
    for (const t of ['load', 'error', 'fontscale', 'theme']) {
      document.addEventListener(`article-reader:${t}`, (e) => {
        const host = e.target;
        log.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail)), bubbles: e.bubbles, composed: e.composed, target: host && (host.id || host.localName) });
      });
    }
  });
}
export const events = (page) => page.evaluate(() => window.__arEvents.slice());
