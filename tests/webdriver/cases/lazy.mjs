// loading="lazy" (tests/e2e/embed_lazy.test.mjs, over WebDriver): the
// IntersectionObserver margin holds the article request until the widget is near.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assertEq, probed, html, ROOT } from '../lib.mjs';
import { SEED } from '../../e2e/embed_util.mjs';

// Reported to the lead: src/embed/mod.rs observe_visibility starts observing before the page's stylesheets apply.
const WEBKIT_EARLY_IO = { webkit: 'WebKit runs the embed before the page stylesheet applies (even a cached one, revalidated), and the first IntersectionObserver callback sees the widget in view (reported to the lead)' };

test('loading="lazy" below a tall spacer: no article request until scrolled near, then it renders; the data-loading form too', async ({ s, open, routes, problems }) => {
  const hits = { lazy: 0, lazy2: 0 };
  const route = (name) => (req, res) => { hits[name]++; res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(SEED)); };
  Object.assign(routes, { '/api/lazy.json': route('lazy'), '/api/lazy2.json': route('lazy2'), '/tests/pages/lazy.html': html(probed('tests/pages/lazy.html')) });
  // The page's stylesheet (the tall spacer) in the cache first: the case of a slow one is the next test.
  await open('/tests/pages/lazy.css', { widgets: 0 });
  await open('/tests/pages/lazy.html', { widgets: 0, clear: false });
  const state = (id) => s.execute((i) => {
    const r = document.getElementById(i).shadowRoot;
    return !r ? 'none' : r.querySelector('.ar-article') ? 'article' : r.querySelector('.ar-loading') ? 'loading' : 'other';
  }, id);
  await s.waitFor(() => { const r = document.getElementById('lazy').shadowRoot; return r && r.querySelector('.ar-loading'); }, { message: 'mounted, loading' });
  await new Promise((r) => setTimeout(r, 1000));
  assertEq(hits.lazy, 0, 'no request while far from the viewport');
  assertEq(hits.lazy2, 0, 'no request while far from the viewport (data-loading)');
  // Within ~300 px of the widget: inside the 400 px margin, the fetch starts.
  await s.execute(() => window.scrollTo(0, document.getElementById('lazy').offsetTop - window.innerHeight - 300));
  await s.waitFor(() => !!document.getElementById('lazy').shadowRoot.querySelector('.ar-article'), { message: 'lazy widget rendered' });
  assertEq(hits.lazy, 1, 'one request once near');
  await s.execute(() => document.getElementById('lazy2').scrollIntoView());
  await s.waitFor(() => !!document.getElementById('lazy2').shadowRoot.querySelector('.ar-article'), { message: 'second lazy widget rendered' });
  assertEq(hits.lazy2, 1, 'second lazy widget loads when reached');
  assertEq(await state('lazy'), 'article', 'first still shown');
  assertEq((await problems()).join('\n'), '', 'no script errors');
}, { knownBug: WEBKIT_EARLY_IO });

test('loading="lazy" when the page stylesheet arrives after the widget is ready (slow CSS): still no request until near', async ({ s, open, routes }) => {
  const hits = { lazy: 0 };
  const css = readFileSync(join(ROOT, 'tests/pages/lazy.css'));
  Object.assign(routes, {
    '/api/lazy.json': (req, res) => { hits.lazy++; res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(SEED)); },
    '/api/lazy2.json': (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SEED)),
    '/wd-lazy/slow.css': (req, res) => setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/css', 'Cache-Control': 'no-store' }).end(css), 700),
    '/wd-lazy/page.html': html(probed('tests/pages/lazy.html').replace('/tests/pages/lazy.css', '/wd-lazy/slow.css')),
  });
  // The embed and the wasm are cached (a reader's second page), the stylesheet is slow.
  await open('/tests/webdriver/empty.html', { widgets: 0 });
  await open('/wd-lazy/page.html', { widgets: 0, clear: false });
  await s.waitFor(() => document.styleSheets.length > 0 && document.querySelector('.spacer').offsetHeight > 1000, { message: 'stylesheet applied' });
  await new Promise((r) => setTimeout(r, 800));
  assertEq(hits.lazy, 0, 'no request for the widget 4,000 px below the fold');
}, { knownBug: WEBKIT_EARLY_IO });
