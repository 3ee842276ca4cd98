// Error paths (tests/e2e/input_network.test.mjs, over WebDriver): 404, 5xx with
// Retry that retries, timeout, bad JSON; localized message, event, original link.
import { test, assert, assertEq, harness } from '../lib.mjs';
import { seedFixture } from '../../e2e/corpora.mjs';

const SEED = JSON.stringify(seedFixture('native'));
const SEED_TITLE = 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020';
const EN = {
  404: 'Article not found (error 404).',
  '5xx': 'The server has a problem; the article could not be loaded.',
  timeout: 'The article took too long to load.',
  parse: 'The article data is damaged and cannot be read.',
  retry: 'Try again',
  original: 'Open the original article',
};

function install(routes, hits) {
  const count = (p) => { hits[p] = (hits[p] || 0) + 1; return hits[p]; };
  const json = (res, body) => res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  const status = (code) => (req, res) => { count(`/wd-err/${code}`); res.writeHead(code, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(`<h1>${code}</h1>`); };
  Object.assign(routes, {
    '/wd-err/404': status(404), '/wd-err/500': status(500), '/wd-err/503': status(503),
    '/wd-err/hang': () => { count('/wd-err/hang'); /* never answers */ },
    '/wd-err/truncated': (req, res) => json(res, SEED.slice(0, Math.floor(SEED.length / 2))),
    '/wd-err/html-as-json': (req, res) => json(res, '<!doctype html><title>Error</title><p>Service unavailable</p>'),
    '/wd-err/flaky': (req, res) => (count('/wd-err/flaky') === 1 ? status(503)(req, res) : json(res, SEED)),
  });
}

function look(id) {
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const q = (s) => root && root.querySelector(s);
  const t = (s) => (q(s) ? q(s).textContent : null);
  return {
    state: window.__state(host),
    message: t('.ar-error-msg'), retry: t('.ar-retry'),
    original: q('.ar-original') ? q('.ar-original').getAttribute('href') : null, originalText: t('.ar-original'),
    title: t('h1.ar-title'),
    errors: window.__events.filter((e) => e.type === 'error' && e.id === id).map((e) => e.detail),
  };
}

test('404, 500, 503, timeout="500", truncated JSON, HTML as JSON: message, Retry only when transient, original link, one error event; Retry retries', async ({ s, open, serve, routes, base, problems }) => {
  const hits = {};
  install(routes, hits);
  const CASES = [
    ['h404', { src: '/wd-err/404' }, { kind: 'http', status: 404, message: EN[404], retry: false }],
    ['h500', { src: '/wd-err/500' }, { kind: 'http', status: 500, message: EN['5xx'], retry: true }],
    ['h503', { src: '/wd-err/503' }, { kind: 'http', status: 503, message: EN['5xx'], retry: true }],
    ['timeout', { src: '/wd-err/hang', timeout: '500' }, { kind: 'timeout', status: null, message: EN.timeout, retry: true }],
    ['truncated', { src: '/wd-err/truncated' }, { kind: 'parse', status: null, message: EN.parse, retry: false }],
    ['htmljson', { src: '/wd-err/html-as-json' }, { kind: 'parse', status: null, message: EN.parse, retry: false }],
  ];
  await open(serve(harness({ lang: 'en' })), { widgets: 0 });
  await s.waitFor(() => window.ArticleReader, { message: 'embed loaded' });
  await s.execute((cases, seed) => window.__mountInline([
    ...cases.map(([id, attrs]) => ({ id, attrs, fallback: `/original/${id}.html` })),
    { id: 'good', json: seed },
    { id: 'flaky', attrs: { src: '/wd-err/flaky' } },
  ]), CASES, SEED);
  await s.waitFor(() => window.__done(), { timeout: 20_000, message: 'every widget done' });
  for (const [id, , want] of CASES) {
    const w = await s.execute(look, id);
    assertEq(w.state, 'error', `${id}: error view`);
    assertEq(w.message, want.message, `${id}: message`);
    assertEq(w.retry, want.retry ? EN.retry : null, `${id}: Retry button`);
    assertEq(w.original, `${base}/original/${id}.html`, `${id}: the placeholder's link as "open the original"`);
    assertEq(w.originalText, EN.original, `${id}: link text`);
    assertEq(w.errors.length, 1, `${id}: one error event`);
    assertEq(w.errors[0].kind, want.kind, `${id}: event kind`);
    assertEq(w.errors[0].status, want.status, `${id}: event status`);
  }
  assertEq((await s.execute(look, 'good')).title, SEED_TITLE, 'the good widget on the same page renders');
  const after = await s.execute(() => window.__events.find((e) => e.id === 'timeout').t - window.__mountedAt);
  assert(after >= 450 && after < 5_000, `timeout="500" fired after ${Math.round(after)} ms`);
  // Retry: the flaky route fails once (503), then answers the article.
  let f = await s.execute(look, 'flaky');
  assertEq(f.state, 'error', 'flaky: first load fails');
  assertEq(f.errors[0].status, 503, 'flaky: 503 reported');
  const retry = await s.execute(() => document.getElementById('flaky').shadowRoot.querySelector('.ar-retry'));
  await retry.click();
  await s.waitFor(() => window.__state(document.getElementById('flaky')) === 'article', { message: 'article after Retry' });
  f = await s.execute(look, 'flaky');
  assertEq(f.title, SEED_TITLE, 'article after Retry');
  assertEq(hits['/wd-err/flaky'], 2, 'Retry made a second request');
  assertEq(f.errors.length, 1, 'no new error event');
  assertEq((await s.execute(look, 'h404')).state, 'error', 'the other widgets are untouched');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('messages are localized: Vietnamese page, lang="en" on the element wins', async ({ s, open, serve, routes, problems }) => {
  install(routes, {});
  await open(serve(harness({ lang: 'vi' })), { widgets: 0 });
  await s.waitFor(() => window.ArticleReader, { message: 'embed loaded' });
  await s.execute(() => window.__mountInline([
    { id: 'h404', attrs: { src: '/wd-err/404' } }, { id: 'h503', attrs: { src: '/wd-err/503' } },
    { id: 'trunc', attrs: { src: '/wd-err/truncated' } }, { id: 'en', attrs: { src: '/wd-err/404', lang: 'en' } },
  ]));
  await s.waitFor(() => window.__done(), { message: 'every widget done' });
  assertEq((await s.execute(look, 'h404')).message, 'Không tìm thấy bài viết (lỗi 404).', '404 in Vietnamese');
  const w = await s.execute(look, 'h503');
  assertEq(w.message, 'Máy chủ đang gặp sự cố, chưa tải được bài viết.', '503 in Vietnamese');
  assertEq(w.retry, 'Thử lại', 'Retry in Vietnamese');
  assertEq((await s.execute(look, 'trunc')).message, 'Dữ liệu bài viết bị lỗi, không đọc được.', 'bad JSON in Vietnamese');
  assertEq((await s.execute(look, 'en')).message, EN[404], 'lang="en" on the element wins over the page');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});
