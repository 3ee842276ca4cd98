// Issue 4, point 4 (loading="lazy"): no article request until the widget is near the viewport.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { withServer, waitState, SEED } from './embed_util.mjs';

test('loading="lazy" below a tall spacer: no article request until scrolled near, then it renders', async ({ browser }) => {
  const hits = { lazy: 0, lazy2: 0 };
  const route = (name) => (req, res) => { hits[name]++; res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SEED)); };
  await withServer({ '/api/lazy.json': route('lazy'), '/api/lazy2.json': route('lazy2') }, {}, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/tests/pages/lazy.html`);
    await waitState(page, '#lazy', 'loading'); // mounted: the wasm is there, the article is not
    await page.waitForTimeout(1000);
    assertEq(hits.lazy, 0, 'no request while far from the viewport');
    assertEq(hits.lazy2, 0, 'no request while far from the viewport (data-loading)');
    // Scroll to within ~300 px of the widget: inside the 400 px margin, the fetch starts.
    await page.evaluate(() => window.scrollTo(0, document.getElementById('lazy').offsetTop - window.innerHeight - 300));
    await waitState(page, '#lazy', 'article');
    assertEq(hits.lazy, 1, 'one request once near');
    const title = await page.evaluate(() => document.getElementById('lazy').shadowRoot.querySelector('.ar-title').textContent);
    assertEq(title, SEED.title, 'rendered');
    await page.evaluate(() => document.getElementById('lazy2').scrollIntoView());
    await waitState(page, '#lazy2', 'article');
    assertEq(hits.lazy2, 1, 'second lazy widget loads when reached');
    assertEq(page.problems.join('\n'), '', 'no errors');
    await page.closeAll();
  });
});
