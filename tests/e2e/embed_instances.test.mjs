// Issue 4, point 3: many instances, live pages, double script, one wasm download.
import { test, assert, assertEq, newPage } from './lib.mjs';

/** How often the main wasm and the lazy part (the controls' module) were requested. */
const wasmFetches = (urls) => {
  const main = urls.filter((u) => /\/article-reader\.[0-9a-f]{10}\.wasm$/.test(u)).length;
  const lazy = urls.filter((u) => /\/article-reader\.[a-z-]+\.[0-9a-f]{10}\.wasm$/.test(u)).length;
  return `${main} main, ${lazy} lazy`;
};
/** Waits until the controls (built by the lazy part) are in every widget. */
const controlsBuilt = (page, sels) => page.waitForFunction((sels) => sels.every((s) => document.querySelector(s)?.shadowRoot?.querySelector('.ar-tools button')), sels, { timeout: 10_000 });
import { recordRequests, waitState, countRoots, withServer, jsonRoute, otherArticle, SEED_TITLE } from './embed_util.mjs';

const shadowText = (page, sel, inner) => page.evaluate(([s, i]) => {
  const el = document.querySelector(s);
  const x = el && el.shadowRoot && el.shadowRoot.querySelector(i);
  return x ? x.textContent : null;
}, [sel, inner]);

test('three instances, one 404 and one broken JSON: each broken one shows its message and its link, the others render; wasm fetched once; inline JSON needs no request', async ({ browser, base }) => {
  const page = await newPage(browser);
  const urls = recordRequests(page);
  await page.goto(`${base}/tests/pages/many.html`);
  for (const [sel, st] of [['#a', 'article'], ['#b', 'error'], ['#c', 'error'], ['#d', 'article']]) await waitState(page, sel, st);
  assertEq(await shadowText(page, '#a', '.ar-title'), SEED_TITLE, 'A renders');
  assertEq(await shadowText(page, '#d', '.ar-title'), 'Inline article, no request', 'D (inline JSON) renders');
  assertEq(await shadowText(page, '#b', '.ar-error-msg'), 'Không tìm thấy bài viết (lỗi 404).', 'B shows the 404 message');
  assertEq(await shadowText(page, '#c', '.ar-error-msg'), 'Dữ liệu bài viết bị lỗi, không đọc được.', 'C shows the broken-data message');
  assert(await page.locator('#link-b').isVisible(), "B's own link is visible again");
  assert(await page.locator('#link-c').isVisible(), "C's own link is visible again");
  assert(!(await page.locator('#link-a').isVisible()), "A's link is hidden once the article is shown");
  // "Open the original" points to the admin's link.
  const orig = await page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('.ar-original')?.href);
  assertEq(orig, `${base}/b.html`, "B's error offers the admin's link");
  await controlsBuilt(page, ['#a', '#b', '#c', '#d']);
  assertEq(wasmFetches(urls), '1 main, 1 lazy', 'the wasm and its lazy part fetched once for the page');
  assertEq(urls.filter((u) => /article-reader\.[0-9a-f]+\.js$/.test(u)).length, 0, 'no glue request (inlined into embed.js)');
  const json = urls.filter((u) => u.includes('.json'));
  assertEq(json.length, 3, `one request per src, none for inline data (${json.join(', ')})`);
  assertEq(await countRoots(page), 4, 'four widget roots');
  await page.closeAll();
});

test('dynamic insert (both forms) mounts, removal unmounts, src / data-src change loads the new article', async ({ browser, base }) => {
  await withServer({ '/api/other.json': jsonRoute(otherArticle()), '/api/third.json': jsonRoute(otherArticle('Bài thứ ba')) }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/tests/pages/blank.html`);
    await page.waitForFunction(() => window.ArticleReader);
    await page.evaluate(() => {
      const main = document.getElementById('main');
      const ce = document.createElement('article-reader');
      ce.id = 'ce';
      ce.setAttribute('src', '/fixtures/seed/native.json');
      main.appendChild(ce);
      // The data-attribute form, added inside a wrapper (the observer scans subtrees).
      const wrap = document.createElement('section');
      wrap.innerHTML = '<div id="dv" data-article-reader data-src="/fixtures/seed/native.json"><a href="/x.html">x</a></div>';
      main.appendChild(wrap);
    });
    await waitState(page, '#ce', 'article');
    await waitState(page, '#dv', 'article');
    assertEq(await countRoots(page), 2, 'two roots');

    // Attribute changes load the new article.
    await page.evaluate(() => document.getElementById('ce').setAttribute('src', '/api/other.json'));
    await page.waitForFunction(() => document.getElementById('ce').shadowRoot.querySelector('.ar-title')?.textContent === 'Một bài viết khác để kiểm tra đổi nguồn');
    await page.evaluate(() => document.getElementById('dv').setAttribute('data-src', '/api/third.json'));
    await page.waitForFunction(() => document.getElementById('dv').shadowRoot.querySelector('.ar-title')?.textContent === 'Bài thứ ba');

    // Moving an element (remove + insert in one task) keeps it mounted, same view.
    const marker = await page.evaluate(() => {
      const ce = document.getElementById('ce');
      ce.shadowRoot.querySelector('.ar').dataset.marker = 'kept';
      document.body.appendChild(ce);
      return new Promise((r) => setTimeout(() => r(ce.shadowRoot.querySelector('.ar')?.dataset.marker), 50));
    });
    assertEq(marker, 'kept', 'a moved element keeps its widget');

    // Removal unmounts: the shadow content is gone.
    const after = await page.evaluate(async () => {
      const ce = document.getElementById('ce'), dv = document.getElementById('dv');
      ce.remove();
      dv.parentNode.remove();
      await new Promise((r) => setTimeout(r, 50));
      const left = (el) => el.shadowRoot ? el.shadowRoot.querySelectorAll('.ar, .ar-mount').length : 0;
      return { ce: left(ce), dv: left(dv), sheets: ce.shadowRoot ? ce.shadowRoot.adoptedStyleSheets.length : -1 };
    });
    assertEq(after.ce, 0, 'removed <article-reader> unmounted');
    assertEq(after.dv, 0, 'removed [data-article-reader] unmounted');
    assertEq(after.sheets, 0, 'stylesheet released');

    // Removing the data-article-reader attribute also unmounts; adding it back mounts again.
    await page.evaluate(() => {
      document.getElementById('main').insertAdjacentHTML('beforeend', '<div id="dz" data-article-reader data-src="/fixtures/seed/native.json"><a id="lz" href="/z.html">z</a></div>');
    });
    await waitState(page, '#dz', 'article');
    await page.evaluate(() => document.getElementById('dz').removeAttribute('data-article-reader'));
    await waitState(page, '#dz', 'empty');
    assert(await page.locator('#lz').isVisible(), 'the host content is visible again after unmount');
    await page.evaluate(() => document.getElementById('dz').setAttribute('data-article-reader', ''));
    await waitState(page, '#dz', 'article');
    assertEq(page.problems.join('\n'), '', 'no errors');
    await page.closeAll();
  });
});

test('loading embed.js twice (head, defer, async, injected) mounts nothing twice; from <head> inline JSON children are read whole', async ({ browser, base }) => {
  const page = await newPage(browser);
  const urls = recordRequests(page);
  await page.goto(`${base}/tests/pages/double.html`);
  await waitState(page, '#a', 'article');
  await waitState(page, '#b', 'article');
  await waitState(page, '#i1', 'article');
  await waitState(page, '#i2', 'article');
  const inline = await page.evaluate(() => ['i1', 'i2'].map((id) => document.getElementById(id).shadowRoot.querySelector('.ar-title').textContent).join('|'));
  assertEq(inline, 'Inline after a head script|Inline div after a head script', 'inline JSON read whole when embed.js is in <head>');
  // A third copy injected later, then a new instance: still one of each.
  await page.evaluate(() => new Promise((r) => {
    const s = document.createElement('script');
    s.src = '/dist/embed.js?third';
    s.onload = r;
    document.head.appendChild(s);
  }));
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<article-reader id="c" src="/fixtures/seed/native.json"></article-reader>'));
  await waitState(page, '#c', 'article');
  await page.waitForTimeout(200);
  assertEq(await countRoots(page), 5, 'one .ar root per element');
  const perHost = await page.evaluate(() => ['a', 'b', 'c'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('.ar').length));
  assertEq(perHost.join(','), '1,1,1', 'one root in each host');
  await controlsBuilt(page, ['#a', '#b', '#c']);
  assertEq(wasmFetches(urls), '1 main, 1 lazy', 'the wasm and its lazy part fetched once for the page');
  assertEq(urls.filter((u) => u.endsWith('/fixtures/seed/native.json')).length, 3, 'one article request per instance');
  assertEq(page.problems.join('\n'), '', 'no errors');
  await page.closeAll();
});
