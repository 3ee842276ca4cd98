// Issue 3, point 3: bad input from the network. Each case asserts what the
// reader sees (localized message, Retry only for transient failures, the
// placeholder's own link as "open the original"), the `article-reader:error`
// event {kind, status, message}, no page error, and that a good widget on the
// same page still renders.
import { createServer } from 'node:net';
import { test, assert, assertEq, newPage, startServer } from './lib.mjs';
import { openHarness, seedFixture, scriptProblems, HARNESS_ROUTE } from './corpora.mjs';

/** The reader's English strings (src/i18n.rs), as the reader sees them. */
const EN = {
  404: 'Article not found (error 404).',
  '4xx': 'The server refused the request for this article.',
  '5xx': 'The server has a problem; the article could not be loaded.',
  timeout: 'The article took too long to load.',
  network: 'Could not reach the server. Please check your connection.',
  parse: 'The article data is damaged and cannot be read.',
  format: 'The article data is not in a supported format.',
  config: 'The reader widget is not configured (no article address).',
  tooLarge: 'This article is too large to display.',
  retry: 'Try again',
  original: 'Open the original article',
};
const SEED = JSON.stringify(seedFixture('native'));
const SEED_TITLE = 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020';

/** A port nothing listens on (bound, then closed). */
function closedPort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

const json = (res, body, headers = {}) => res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(body);

/** Routes for the failure cases; `hits` counts requests per path. */
function routes(hits) {
  const count = (p) => { hits[p] = (hits[p] || 0) + 1; return hits[p]; };
  const status = (code) => (req, res) => { count(`/status/${code}`); res.writeHead(code, { 'Content-Type': 'text/html' }).end(`<h1>${code}</h1>`); };
  return {
    ...HARNESS_ROUTE,
    '/status/404': status(404), '/status/410': status(410), '/status/403': status(403), '/status/500': status(500), '/status/503': status(503),
    '/hang': () => { count('/hang'); /* never answers */ },
    '/html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'),
    '/html-as-json': (req, res) => json(res, '<!doctype html><title>Error</title><p>Service unavailable</p>'),
    '/truncated': (req, res) => json(res, SEED.slice(0, Math.floor(SEED.length / 2))),
    '/empty-response': (req, res) => json(res, ''),
    '/cors': (req, res) => { count('/cors'); json(res, SEED); }, // no Access-Control-Allow-Origin
    '/cors-ok': (req, res) => { count('/cors-ok'); json(res, SEED, { 'Access-Control-Allow-Origin': '*' }); },
    '/flaky': (req, res) => (count('/flaky') === 1 ? status(503)(req, res) : json(res, SEED)),
    '/ok': (req, res) => json(res, SEED),
  };
}

/** State, message, buttons and link of one widget. */
function look(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot;
    const q = (s) => root && root.querySelector(s);
    return {
      state: window.__state(host),
      message: q('.ar-error-msg')?.textContent ?? null,
      retry: q('.ar-retry')?.textContent ?? null,
      original: q('.ar-original')?.getAttribute('href') ?? null,
      originalText: q('.ar-original')?.textContent ?? null,
      title: q('h1.ar-title')?.textContent ?? null,
      errors: window.__events.filter((e) => e.type === 'error' && e.id === id).map((e) => e.detail),
    };
  }, id);
}

test('HTTP 404/410/403/500/503, timeout, connection refused, CORS, HTML and truncated bodies, no src: message, event, Retry, original link', async ({ browser }) => {
  const hits = {};
  const { server, base } = await startServer(routes(hits));
  const port = new URL(base).port;
  const refused = await closedPort();
  const CASES = [
    // id, attributes, expected { kind, status, message, retry }
    ['h404', { src: '/status/404' }, { kind: 'http', status: 404, message: EN[404], retry: false }],
    ['h410', { src: '/status/410' }, { kind: 'http', status: 410, message: EN[404], retry: false }],
    ['h403', { src: '/status/403' }, { kind: 'http', status: 403, message: EN['4xx'], retry: false }],
    ['h500', { src: '/status/500' }, { kind: 'http', status: 500, message: EN['5xx'], retry: true }],
    ['h503', { src: '/status/503' }, { kind: 'http', status: 503, message: EN['5xx'], retry: true }],
    ['timeout', { src: '/hang', timeout: '500' }, { kind: 'timeout', status: null, message: EN.timeout, retry: true }],
    ['refused', { src: `http://127.0.0.1:${refused}/article.json` }, { kind: 'network', status: null, message: EN.network, retry: true }],
    ['cors', { src: `http://localhost:${port}/cors` }, { kind: 'network', status: null, message: EN.network, retry: true }],
    ['html', { src: '/html' }, { kind: 'parse', status: null, message: EN.parse, retry: false }],
    ['htmljson', { src: '/html-as-json' }, { kind: 'parse', status: null, message: EN.parse, retry: false }],
    ['truncated', { src: '/truncated' }, { kind: 'parse', status: null, message: EN.parse, retry: false }],
    ['emptyresp', { src: '/empty-response' }, { kind: 'parse', status: null, message: EN.parse, retry: false }],
    ['nosrc', {}, { kind: 'config', status: null, message: EN.config, retry: false }],
  ];
  const page = await newPage(browser);
  await openHarness(page, base, { served: true });
  await page.evaluate(([cases, seed]) => window.__mountInline([
    ...cases.map(([id, attrs]) => ({ id, attrs, fallback: `/original/${id}.html` })),
    { id: 'good', json: seed },
    { id: 'cors-ok', attrs: { src: location.origin.replace('127.0.0.1', 'localhost') + '/cors-ok' } },
  ]), [CASES, SEED]);
  await page.waitForFunction(() => window.__done(), null, { timeout: 20_000 });
  for (const [id, , want] of CASES) {
    const w = await look(page, id);
    assertEq(w.state, 'error', `${id}: error view`);
    assertEq(w.message, want.message, `${id}: message`);
    assertEq(w.retry, want.retry ? EN.retry : null, `${id}: Retry button`);
    assertEq(w.original, `${base}/original/${id}.html`, `${id}: the placeholder's link as "open the original"`);
    assertEq(w.originalText, EN.original, `${id}: link text`);
    assertEq(w.errors.length, 1, `${id}: one error event`);
    assertEq(w.errors[0].kind, want.kind, `${id}: event kind`);
    assertEq(w.errors[0].status, want.status, `${id}: event status`);
    assert(typeof w.errors[0].message === 'string' && w.errors[0].message.length > 5, `${id}: event message (${w.errors[0].message})`);
  }
  assertEq((await look(page, 'good')).title, SEED_TITLE, 'the good widget on the same page renders');
  { const c = await look(page, 'cors-ok'); assertEq(c.title, SEED_TITLE, `the same cross-origin URL with CORS headers renders (${JSON.stringify(c)}, ${JSON.stringify(hits)})`); }
  assert(hits['/cors'] === 1, 'the CORS case reached the server (it is a CORS failure, not a connection failure)');
  const after = await page.evaluate(() => window.__events.find((e) => e.id === 'timeout').t - window.__mountedAt);
  assert(after >= 450 && after < 5_000, `timeout="500" fired after ${Math.round(after)} ms (not the 10 s default)`);
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
  server.closeAllConnections();
  server.close();
});

test('messages are localized: Vietnamese page', async ({ browser }) => {
  const { server, base } = await startServer(routes({}));
  const page = await newPage(browser);
  await openHarness(page, base, { lang: 'vi', served: true });
  await page.evaluate(() => window.__mountInline([
    { id: 'h404', attrs: { src: '/status/404' } }, { id: 'h503', attrs: { src: '/status/503' } },
    { id: 'trunc', attrs: { src: '/truncated' } }, { id: 'en', attrs: { src: '/status/404', lang: 'en' } },
  ]));
  await page.waitForFunction(() => window.__done());
  assertEq((await look(page, 'h404')).message, 'Không tìm thấy bài viết (lỗi 404).', '404 in Vietnamese');
  const w = await look(page, 'h503');
  assertEq(w.message, 'Máy chủ đang gặp sự cố, chưa tải được bài viết.', '503 in Vietnamese');
  assertEq(w.retry, 'Thử lại', 'Retry in Vietnamese');
  assertEq((await look(page, 'trunc')).message, 'Dữ liệu bài viết bị lỗi, không đọc được.', 'bad JSON in Vietnamese');
  assertEq((await look(page, 'en')).message, EN[404], 'lang="en" on the element wins over the page');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
  server.close();
});

test('Retry retries: a route failing once (503) then succeeding renders the article', async ({ browser }) => {
  const hits = {};
  const { server, base } = await startServer(routes(hits));
  const page = await newPage(browser);
  await openHarness(page, base, { served: true });
  await page.evaluate(() => window.__mountInline([{ id: 'flaky', attrs: { src: '/flaky' } }, { id: 'h404', attrs: { src: '/status/404' } }]));
  await page.waitForFunction(() => window.__done());
  let w = await look(page, 'flaky');
  assertEq(w.state, 'error', 'first load fails');
  assertEq(w.errors[0].status, 503, '503 reported');
  await page.locator('#flaky .ar-retry').click();
  await page.waitForFunction(() => window.__state(document.getElementById('flaky')) === 'article');
  w = await look(page, 'flaky');
  assertEq(w.title, SEED_TITLE, 'article after Retry');
  assertEq(hits['/flaky'], 2, 'Retry made a second request');
  assertEq(w.errors.length, 1, 'no new error event');
  const loads = await page.evaluate(() => window.__events.filter((e) => e.type === 'load' && e.id === 'flaky').length);
  assertEq(loads, 1, 'one load event after Retry');
  assertEq((await look(page, 'h404')).state, 'error', 'the other widget is untouched');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
  server.close();
});
