// Issue 4, points 5 and 6: the JS API and the events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { ROOT, recordEvents, events, waitState, withServer, jsonRoute, SEED, SEED_TITLE } from './embed_util.mjs';

const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];

test('JS API: mount(el, options) -> { ready, setConfig, unmount }, clear errors naming the option, version, nothing else on window', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.goto(`${base}/tests/pages/nojs.html`);
  const before = await page.evaluate(() => Object.keys(window));
  await page.evaluate(() => new Promise((ok, no) => {
    const s = document.createElement('script');
    s.src = '/dist/embed.js';
    s.onload = ok; s.onerror = no;
    document.head.appendChild(s);
  }));
  const r = await page.evaluate(async (article) => {
    const out = {};
    const el = document.createElement('div');
    el.id = 'api';
    document.getElementById('main').appendChild(el);
    const h = ArticleReader.mount(el, { data: JSON.stringify(article), theme: 'light', fontScale: 1.25 });
    out.keys = Object.keys(h).sort().join(',');
    out.readyIsPromise = h.ready instanceof Promise;
    out.readyValueIsHandle = (await h.ready) === h;
    const root = el.shadowRoot;
    await new Promise((ok) => { const t = () => root.querySelector('.ar-article') ? ok() : setTimeout(t, 20); t(); });
    out.title = root.querySelector('.ar-title').textContent;
    out.theme = root.querySelector('.ar').dataset.theme;
    out.scale = root.querySelector('.ar').style.getPropertyValue('--ar-scale');
    // setConfig: valid options apply, invalid ones throw an Error naming the option and change nothing.
    h.setConfig({ theme: 'sepia' });
    await new Promise((r) => setTimeout(r, 50));
    out.theme2 = root.querySelector('.ar').dataset.theme;
    const err = (fn) => { try { fn(); return null; } catch (e) { return { isError: e instanceof Error, message: e.message }; } };
    out.badTheme = err(() => h.setConfig({ theme: 'purple' }));
    out.badKey = err(() => h.setConfig({ colour: 'red' }));
    out.badScale = err(() => h.setConfig({ fontScale: 'huge' }));
    out.badTimeout = err(() => h.setConfig({ timeout: -5 }));
    out.notObject = err(() => h.setConfig('dark'));
    out.theme3 = root.querySelector('.ar').dataset.theme;
    // data as an object is accepted too.
    h.setConfig({ data: { version: 1, title: 'Object data', body: [{ type: 'paragraph', text: 'x' }] } });
    await new Promise((ok) => { const t = () => root.querySelector('.ar-title')?.textContent === 'Object data' ? ok() : setTimeout(t, 20); t(); });
    // mount() on a mounted element returns the same handle.
    out.same = ArticleReader.mount(el) === h;
    // An invalid option at mount time: ready rejects with a clear Error; the element's content stays.
    const bad = document.createElement('div');
    bad.innerHTML = '<a href="/x.html">link</a>';
    document.getElementById('main').appendChild(bad);
    const hb = ArticleReader.mount(bad, { src: '/x.json', lang: 'fr' });
    out.badMount = await hb.ready.then(() => null, (e) => ({ isError: e instanceof Error, message: e.message }));
    out.badMountSlot = !!bad.shadowRoot && !bad.shadowRoot.querySelector('.ar') && !!bad.shadowRoot.querySelector('slot');
    // Elements that cannot host a shadow root.
    const img = document.createElement('img');
    document.body.appendChild(img);
    out.imgMount = await ArticleReader.mount(img, { src: '/x.json' }).ready.then(() => null, (e) => e.message);
    out.typeError = err(() => ArticleReader.mount(null));
    // unmount: the shadow content is gone, the stylesheets released.
    h.unmount();
    out.afterUnmount = root.querySelectorAll('.ar, .ar-mount').length;
    out.afterSheets = root.adoptedStyleSheets.length;
    h.unmount(); // twice is harmless
    h.setConfig({ theme: 'dark' }); // after unmount: ignored
    out.version = ArticleReader.version;
    out.apiKeys = Object.keys(ArticleReader).sort().join(',');
    out.frozen = Object.isFrozen(ArticleReader);
    return out;
  }, SEED);
  const after = await page.evaluate(() => Object.keys(window));
  assertEq(r.keys, 'ready,setConfig,unmount', 'handle members');
  assert(r.readyIsPromise && r.readyValueIsHandle, 'ready is a promise resolving to the handle');
  assertEq(r.title, SEED_TITLE, 'inline data rendered');
  assertEq(r.theme, 'light', 'theme option');
  assertEq(r.scale, '1.25', 'fontScale option');
  assertEq(r.theme2, 'sepia', 'setConfig applies');
  for (const [k, name] of [['badTheme', 'theme'], ['badKey', 'colour'], ['badScale', 'font-scale'], ['badTimeout', 'timeout']]) {
    assert(r[k] && r[k].isError, `${k} throws an Error`);
    assert(r[k].message.includes(`\`${name}\``), `${k} names the option: ${r[k].message}`);
  }
  assert(r.badTheme.message.includes('auto, light, sepia or dark'), `theme error lists the values: ${r.badTheme.message}`);
  assert(r.notObject && /must be an object/.test(r.notObject.message), `non-object options: ${JSON.stringify(r.notObject)}`);
  assertEq(r.theme3, 'sepia', 'a rejected setConfig changes nothing');
  assert(r.same, 'mount on a mounted element returns its handle');
  assert(r.badMount && r.badMount.isError && r.badMount.message.includes('`lang`'), `bad mount option: ${JSON.stringify(r.badMount)}`);
  assert(r.badMountSlot, 'after a failed mount the host shows its own content');
  assert(/cannot host the widget/.test(r.imgMount), `img: ${r.imgMount}`);
  assert(r.typeError && /expected an element/.test(r.typeError.message), 'mount(null) is a TypeError');
  assertEq(r.afterUnmount, 0, 'unmount removes the view');
  assertEq(r.afterSheets, 0, 'unmount releases the stylesheets');
  assertEq(r.version, VERSION, 'ArticleReader.version');
  assertEq(r.apiKeys, 'mount,unmount,version', 'ArticleReader members');
  assert(r.frozen, 'ArticleReader is frozen');
  const added = after.filter((k) => !before.includes(k));
  assertEq(added.join(','), 'ArticleReader', 'the only new global');
  const errs = page.problems.filter((p) => p.startsWith('pageerror'));
  assertEq(errs.join('\n'), '', 'no exception escaped to the page');
  await page.closeAll();
});

test('events: load {id,title,url}, error {kind,status,message}, fontscale {scale}, theme {theme}; bubbling and composed, heard on document', async ({ browser }) => {
  await withServer({ '/api/gone.json': jsonRoute({ error: 'gone' }, { status: 404 }), '/api/down.json': jsonRoute('oops', { status: 503 }) }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await recordEvents(page);
    await page.goto(`${base}/tests/pages/blank.html`);
    await page.waitForFunction(() => window.ArticleReader);
    await page.evaluate(() => {
      document.getElementById('main').insertAdjacentHTML('beforeend',
        '<article-reader id="ok" src="/fixtures/seed/native.json"></article-reader>' +
        '<article-reader id="gone" src="/api/gone.json"></article-reader>' +
        '<div id="down" data-article-reader data-src="/api/down.json"></div>' +
        '<div id="bad" data-article-reader data-src="/fixtures/seed/native.json" data-theme="neon"></div>');
    });
    await waitState(page, '#ok', 'article');
    await waitState(page, '#gone', 'error');
    await waitState(page, '#down', 'error');
    await waitState(page, '#bad', 'article');
    await page.locator('#ok button[part~="font-larger"]').click();
    await page.locator('#ok button[part~="settings"]').click(); // the theme is chosen in the "Aa" panel
    await page.locator('#ok input[name="article-reader:theme"][value="dark"]').check();
    await page.waitForTimeout(100);
    const ev = await events(page);
    const of = (type, target) => ev.filter((e) => e.type === `article-reader:${type}` && (!target || e.target === target));
    for (const e of ev) assert(e.bubbles && e.composed, `${e.type} bubbles and is composed`);

    const load = of('load', 'ok');
    assertEq(load.length, 1, 'one load event');
    assertEq(JSON.stringify(load[0].detail), JSON.stringify({ id: '123', title: SEED_TITLE, url: `${base}${SEED.url}` }), 'load detail');

    const gone = of('error', 'gone');
    assertEq(gone.length, 1, 'one error event for 404');
    assertEq(gone[0].detail.kind, 'http', '404 kind');
    assertEq(gone[0].detail.status, 404, '404 status');
    assert(gone[0].detail.message.includes('HTTP 404'), `404 message: ${gone[0].detail.message}`);
    const down = of('error', 'down');
    assertEq(`${down[0]?.detail.kind} ${down[0]?.detail.status}`, 'http 503', '503 error');
    const bad = of('error', 'bad');
    assertEq(bad[0]?.detail.kind, 'config', 'invalid attribute: config error event');
    assert(bad[0].detail.message.includes('`theme`'), `config message names the attribute: ${bad[0].detail.message}`);

    // The reader's preferences are page-wide: every instance reports them.
    const fs = of('fontscale', 'ok');
    assertEq(JSON.stringify(fs.map((e) => e.detail)), JSON.stringify([{ scale: 1.1 }]), 'fontscale detail');
    const th = of('theme', 'ok');
    assertEq(JSON.stringify(th.map((e) => e.detail)), JSON.stringify([{ theme: 'dark' }]), 'theme detail');
    assertEq(page.problems.filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
    await page.closeAll();
  });
});
