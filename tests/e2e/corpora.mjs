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
window.__done = (sel) => [...document.querySelectorAll(sel || 'article-reader')].every(
  (h) => h.shadowRoot && h.shadowRoot.querySelector('.ar-article, .ar-error'));
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
