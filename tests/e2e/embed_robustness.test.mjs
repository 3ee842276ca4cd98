// Issue 4 robustness rules: every error kind reaches the reader as a message and
// the page as an event; bad input never breaks the page or the other instances.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { ROOT, withServer, jsonRoute, waitState, recordEvents, events, SEED } from './embed_util.mjs';

/** The English reader-facing messages, read from src/i18n.rs (so wording changes do not break this test). */
function englishMessages() {
  const src = readFileSync(join(ROOT, 'src/i18n.rs'), 'utf8');
  const en = src.slice(src.indexOf('static EN'));
  const get = (k) => new RegExp(`${k}:\\s*"([^"]*)"`).exec(en)?.[1];
  return Object.fromEntries(['err_http_404', 'err_http_4xx', 'err_http_5xx', 'err_timeout', 'err_network', 'err_not_json', 'err_format', 'err_empty', 'err_config'].map((k) => [k, get(k)]));
}

test('every error kind: message shown, error event {kind,status}, the good instance unaffected, nothing escapes', async ({ browser }) => {
  const msg = englishMessages();
  const routes = {
    '/api/404.json': jsonRoute({}, { status: 404 }),
    '/api/403.json': jsonRoute({}, { status: 403 }),
    '/api/500.json': jsonRoute('x', { status: 500 }),
    '/api/slow.json': jsonRoute(SEED, { delay: 3000 }),
    '/api/broken.json': jsonRoute('{"title": "x", '),
    '/api/array.json': jsonRoute([1, 2, 3]),
    '/api/unknown.json': jsonRoute({ foo: 'bar' }),
    '/api/empty.json': jsonRoute({ version: 1, title: null, body: [] }),
    '/api/html.json': jsonRoute('<html><body>not json</body></html>'),
  };
  const cases = [
    // id, attributes, expected kind, status, message key
    ['ok', 'src="/fixtures/seed/native.json"', null],
    ['e404', 'src="/api/404.json"', 'http', 404, 'err_http_404'],
    ['e403', 'src="/api/403.json"', 'http', 403, 'err_http_4xx'],
    ['e500', 'src="/api/500.json"', 'http', 500, 'err_http_5xx'],
    ['etimeout', 'src="/api/slow.json" timeout="300"', 'timeout', null, 'err_timeout'],
    ['enetwork', 'src="http://127.0.0.1:9/nothing.json"', 'network', null, 'err_network'],
    ['eparse', 'src="/api/broken.json"', 'parse', null, 'err_not_json'],
    ['ehtml', 'src="/api/html.json"', 'parse', null, 'err_not_json'],
    ['earray', 'src="/api/array.json"', 'format', null, 'err_format'],
    ['eunknown', 'src="/api/unknown.json"', 'format', null, 'err_format'],
    ['eempty', 'src="/api/empty.json"', 'empty', null, 'err_empty'],
    ['econfig', '', 'config', null, 'err_config'],
    ['escheme', 'src="javascript:alert(1)"', 'config', null, 'err_config'],
    ['efile', 'src="file:///etc/passwd"', 'config', null, 'err_config'],
  ];
  await withServer(routes, {}, async ({ base }) => {
    const page = await newPage(browser);
    await recordEvents(page);
    await page.goto(`${base}/tests/pages/blank.html`);
    await page.waitForFunction(() => window.ArticleReader);
    await page.evaluate((cases) => {
      const main = document.getElementById('main');
      for (const [id, attrs] of cases) main.insertAdjacentHTML('beforeend', `<article-reader id="${id}" lang="en" ${attrs}><a href="/x.html">x</a></article-reader>`);
      // Bad attribute values and hosts that cannot work: reported, never thrown.
      main.insertAdjacentHTML('beforeend', '<article-reader id="badattrs" lang="xx" theme="neon" font-scale="huge" timeout="soon" format="rss" loading="sometimes" src="/fixtures/seed/native.json"></article-reader>');
      main.insertAdjacentHTML('beforeend', '<a id="badhost" href="/x.html" data-article-reader data-src="/fixtures/seed/native.json">a link host</a>');
      main.insertAdjacentHTML('beforeend', '<img id="badimg" data-article-reader data-src="/fixtures/seed/native.json" alt="">');
    }, cases);
    await waitState(page, '#ok', 'article');
    await waitState(page, '#badattrs', 'article');
    for (const [id, , kind] of cases.slice(1)) if (kind) await waitState(page, `#${id}`, 'error');
    const ev = await events(page);
    const errOf = (id) => ev.filter((e) => e.type === 'article-reader:error' && e.target === id).map((e) => e.detail);
    for (const [id, , kind, status, key] of cases.slice(1)) {
      const d = errOf(id);
      assert(d.length >= 1, `${id}: an error event`);
      if (kind !== '*') {
        assertEq(d[0].kind, kind, `${id}: kind`);
        assertEq(d[0].status, status, `${id}: status`);
        assert(typeof d[0].message === 'string' && d[0].message.length > 0, `${id}: developer message`);
      }
      if (key) {
        const shown = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.ar-error-msg')?.textContent, id);
        assertEq(shown, msg[key], `${id}: reader message`);
      }
    }
    assert(/http\(s\) URL/.test(errOf('escheme')[0].message), `non-http(s) src explained: ${errOf('escheme')[0].message}`);
    const retry = await page.evaluate(() => ['e500', 'etimeout', 'enetwork', 'e404'].map((id) => !!document.getElementById(id).shadowRoot.querySelector('.ar-retry')).join(','));
    assertEq(retry, 'true,true,true,false', 'Retry offered for transient failures only');
    const bad = errOf('badattrs').filter((d) => d.kind === 'config');
    assert(bad.length >= 1, 'bad attribute values reported as config errors');
    for (const id of ['badhost', 'badimg']) {
      const d = errOf(id);
      assert(d.length === 1 && d[0].kind === 'config' && /cannot host/.test(d[0].message), `${id}: ${JSON.stringify(d)}`);
    }
    assert(await page.locator('#badhost').isVisible(), 'the <a> keeps its content');
    const title = await page.evaluate(() => document.getElementById('ok').shadowRoot.querySelector('.ar-title').textContent);
    assertEq(title, SEED.title, 'the good instance rendered');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no exception escaped to the page');
    await page.closeAll();
  });
});
