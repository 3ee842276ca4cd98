// Helpers for the corpus and bad-input end-to-end tests (issue 3).
//
// - Locates the shared test corpora (never copied into the repo):
//   $ARTICLE_READER_CORPORA, else ../shared/corpora next to the repo, else
//   /work/shared/corpora. Missing corpora are an error, never a silent skip.
// - A blank harness page served at the test server's origin (Playwright route),
//   with the embed script, an event log and helpers to mount many widgets.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the corpora folder; throws (loudly) when it cannot be found. */
export function corporaDir() {
  // An explicit setting is used alone: a wrong path fails instead of silently testing other files.
  const env = process.env.ARTICLE_READER_CORPORA;
  const candidates = env ? [env] : [join(repo, '../shared/corpora'), '/work/shared/corpora'];
  for (const c of candidates) {
    if (existsSync(join(c, 'xss/dompurify-vectors.json')) && existsSync(join(c, 'readability'))) return c;
  }
  throw new Error(
    `test corpora not found (tried: ${candidates.join(', ')}). ` +
      'Set ARTICLE_READER_CORPORA to the folder holding xss/ and readability/.',
  );
}

/** The 223 DOMPurify vectors: [{ id, title, payload }]. */
export function xssVectors() {
  const list = JSON.parse(readFileSync(join(corporaDir(), 'xss/dompurify-vectors.json'), 'utf8'));
  if (!Array.isArray(list) || list.length < 200) throw new Error(`xss corpus looks wrong: ${list.length} vectors`);
  return list;
}

/** Readability pages: [{ name, html, meta }], sorted by name. */
export function readabilityPages() {
  const dir = join(corporaDir(), 'readability');
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'expected.html')))
    .map((d) => ({
      name: d.name,
      html: readFileSync(join(dir, d.name, 'expected.html'), 'utf8'),
      meta: JSON.parse(readFileSync(join(dir, d.name, 'expected-metadata.json'), 'utf8')),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (pages.length < 100) throw new Error(`readability corpus looks wrong: ${pages.length} pages`);
  return pages;
}

/** Seed article fixture in one of the four formats (parsed JSON). */
export function seedFixture(format) {
  return JSON.parse(readFileSync(join(repo, 'fixtures/seed', `${format}.json`), 'utf8'));
}

/**
 * Script run before anything else on harness pages: an event log and mounting
 * helpers. `window.__events` records every `article-reader:*` event with the
 * host's id; `__mountInline(specs)` adds one `<article-reader>` per spec
 * ({ id, json, attrs }) with the article as an inline JSON child.
 */
export const HARNESS_SCRIPT = `
window.__events = [];
for (const t of ['article-reader:error', 'article-reader:load']) {
  document.addEventListener(t, (e) => {
    const host = e.composedPath()[0];
    window.__events.push({ type: t.slice(15), id: host && host.id || null, t: performance.now(), detail: JSON.parse(JSON.stringify(e.detail || null)) });
  });
}
window.__mountInline = (specs, parent) => {
  const box = parent || document.getElementById('box') || document.body;
  window.__mountedAt = performance.now();
  for (const s of specs) {
    const el = document.createElement('article-reader');
    if (s.id) el.id = s.id;
    for (const [k, v] of Object.entries(s.attrs || {})) el.setAttribute(k, v);
    if (s.fallback) { const a = document.createElement('a'); a.href = s.fallback; a.textContent = 'Read the article'; el.append(a); }
    if (s.json !== undefined) {
      const sc = document.createElement('script');
      sc.type = 'application/json';
      sc.textContent = s.json;
      el.append(sc);
    }
    box.append(el);
  }
};
// Done: an error, or an article whose body has finished rendering (long bodies render in slices).
window.__done = (sel) => [...document.querySelectorAll(sel || 'article-reader')].every(
  (h) => h.shadowRoot && h.shadowRoot.querySelector('.ar-article:not(:has(.ar-body[aria-busy])), .ar-error'));
window.__state = (h) => !h.shadowRoot ? 'none'
  : h.shadowRoot.querySelector('.ar-article') ? 'article'
  : h.shadowRoot.querySelector('.ar-error') ? 'error'
  : h.shadowRoot.querySelector('.ar-loading') ? 'loading' : 'blank';
`;

/** HTML of a harness page (`lang` is the page language: the widget's UI language). */
export function harnessHtml({ lang = 'en', body = '<div id="box"></div>', head = '' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>harness</title>
<script>${HARNESS_SCRIPT}</script>${head}<script src="/dist/embed.js"></script></head><body>${body}</body></html>`;
}

/** Server route for the harness page (`?lang=`), for tests that start their own server. */
export const HARNESS_ROUTE = {
  '/__harness.html': (req, res, url) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    .end(harnessHtml({ lang: url.searchParams.get('lang') || 'en' })),
};

/**
 * Opens `${base}/__harness.html` (same origin as `base`, so relative `src` and
 * `/dist/embed.js` work) and waits for the embed. With `served: true` the
 * server has HARNESS_ROUTE; otherwise a Playwright route fulfils the page. A
 * fulfilled page has no address space of its own, so Chromium's Local Network
 * Access rules refuse its cross-origin requests to loopback: tests of
 * cross-origin requests must use a served page.
 */
export async function openHarness(page, base, opts = {}) {
  const url = `${base}/__harness.html`;
  if (opts.served) {
    await page.goto(`${url}?lang=${encodeURIComponent(opts.lang || 'en')}`);
  } else {
    await page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: harnessHtml(opts) }));
    await page.goto(url);
  }
  await page.waitForFunction(() => window.ArticleReader);
  return url;
}

/**
 * Page errors and console errors, minus the browser's own network messages
 * (failed image loads in offline tests, HTTP error statuses and CORS refusals
 * that the tests cause on purpose). Every `pageerror` is kept.
 */
export function scriptProblems(page) {
  return page.problems.filter((p) => p.startsWith('pageerror') ||
    !/^console: (Failed to load resource|Access to fetch at .* has been blocked by CORS policy)|net::ERR_/.test(p));
}

/** The 47 real WordPress posts: [{ file, post, want }] (`want` is the index.json entry), sorted by file. */
export function wpRealPosts() {
  const dir = join(corporaDir(), 'wp-real');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  if (!Array.isArray(index) || index.length < 40) throw new Error(`wp-real corpus looks wrong: ${index.length} posts`);
  return index.map((want) => ({ file: want.file, want, post: JSON.parse(readFileSync(join(dir, want.file), 'utf8')) }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The 1,796 html5lib tree-construction inputs: [{ n, file, test, data }]. */
export function html5libInputs() {
  const list = JSON.parse(readFileSync(join(corporaDir(), 'html5lib/inputs.json'), 'utf8')).inputs;
  if (!Array.isArray(list) || list.length < 1700) throw new Error(`html5lib corpus looks wrong: ${list?.length} inputs`);
  return list;
}

/**
 * In-page multiset text metric shared by the corpus tests: the share of the
 * reference's characters (whitespace and zero-width characters aside) that the
 * rendered text holds, and the characters missing ([char, count], most first).
 */
export const TEXT_METRIC = `
window.__textKept = (ref, got) => {
  const strip = (s) => s.replace(/[\\s\\u200b-\\u200d\\u2060\\ufeff]+/g, '');
  const count = (s) => { const m = new Map(); for (const c of s) m.set(c, (m.get(c) || 0) + 1); return m; };
  const r = count(strip(ref)), g = count(strip(got));
  let total = 0, kept = 0; const missing = [];
  for (const [c, n] of r) { total += n; const k = Math.min(n, g.get(c) || 0); kept += k; if (k < n) missing.push([c, n - k]); }
  missing.sort((a, b) => b[1] - a[1]);
  return { ratio: total ? kept / total : 1, chars: total, missing: missing.slice(0, 12), allMissing: missing };
};
`;

/**
 * In-page audit of every widget (run with page.evaluate): returns violations
 * [{ id, what }]: elements, attributes and URLs a sanitized article may not hold.
 */
export function audit() {
  // Media is allowed only as the reader builds it: controls, no autoplay, http(s) sources.
  const BAD_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'frame', 'frameset', 'applet', 'base', 'link',
    'meta', 'form', 'input', 'textarea', 'math', 'svg', 'template', 'noscript', 'track',
    'portal', 'dialog', 'marquee', 'image', 'animate', 'set', 'use', 'foreignobject', 'param', 'isindex', 'xmp']);
  // Elements a sanitized body may hold (the body tree enum + figure/table wrappers).
  const BODY_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre', 'hr', 'table',
    'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'em', 'strong', 'i', 'b', 'u', 's', 'sub', 'sup', 'br',
    'code', 'small', 'mark', 'cite', 'q', 'abbr', 'time', 'span', 'figure', 'figcaption', 'img', 'div',
    // Furniture (src/ui/embeds.rs): media, facades, quote cards, galleries, details.
    'video', 'audio', 'source', 'button', 'footer', 'details', 'summary']);
  const BODY_ATTRS = new Set(['href', 'rel', 'target', 'title', 'datetime', 'colspan', 'rowspan', 'scope', 'start', 'lang', 'dir',
    'class', 'part', 'src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'referrerpolicy', 'tabindex', 'role',
    'controls', 'preload', 'playsinline', 'type', 'aria-label', 'data-provider', 'data-network', 'cite', 'open', 'id']);
  const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite',
    'ping', 'lowsrc', 'dynsrc', 'longdesc', 'codebase', 'manifest', 'icon'];
  const badUrl = (v) => {
    const s = v.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
    return /(^|,)(javascript|data|vbscript|livescript|mocha):/.test(s) || /^(javascript|data|vbscript):/.test(s);
  };
  const out = [];
  for (const host of document.querySelectorAll('article-reader')) {
    const root = host.shadowRoot;
    if (!root) { out.push({ id: host.id, what: 'no shadow root' }); continue; }
    if (!root.querySelector('.ar-article')) out.push({ id: host.id, what: `not rendered (${window.__state(host)})` });
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      // The reader's own controls (settings panel, photo viewer) are not article content.
      const ownUi = !el.closest('.ar-body') && ((tag === 'input' && ['radio', 'range'].includes(el.type) && el.closest('.ar-panel, .ar-tools')) ||
        (tag === 'dialog' && /(^| )ar-/.test(el.className)));
      if (BAD_TAGS.has(tag) && !ownUi) out.push({ id: host.id, what: `<${tag}> element` });
      if ((tag === 'video' || tag === 'audio') && (!el.hasAttribute('controls') || el.hasAttribute('autoplay'))) out.push({ id: host.id, what: `<${tag}> without controls or with autoplay` });
      if ((tag === 'source' || tag === 'video' || tag === 'audio') && el.hasAttribute('src') && !/^https?:/.test(el.src)) out.push({ id: host.id, what: `<${tag}> source ${el.getAttribute('src')}` });
      if (tag === 'button' && el.closest('.ar-body') && !el.classList.contains('ar-facade')) out.push({ id: host.id, what: 'unexpected <button>' });
      if (el.shadowRoot) out.push({ id: host.id, what: `nested shadow root on <${tag}>` });
      const inBody = el.closest('.ar-body');
      if (inBody && el !== inBody && !BODY_TAGS.has(tag)) out.push({ id: host.id, what: `<${tag}> in the body` });
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        if (n.startsWith('on')) out.push({ id: host.id, what: `${n} attribute on <${tag}>` });
        if (n === 'style' && !el.classList.contains('ar')) out.push({ id: host.id, what: `style attribute on <${tag}>` });
        if (n === 'srcdoc' || n === 'is' || n === 'formaction' || n === 'action') out.push({ id: host.id, what: `${n} attribute on <${tag}>` });
        if (inBody && !BODY_ATTRS.has(n)) out.push({ id: host.id, what: `${n} attribute on body <${tag}>` });
        if (URL_ATTRS.includes(n) && badUrl(a.value)) out.push({ id: host.id, what: `${n}="${a.value.slice(0, 60)}" on <${tag}>` });
      }
    }
  }
  return out;
}

