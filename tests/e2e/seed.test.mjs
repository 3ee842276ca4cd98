// Issue 2: the seed article inside the demo portal page.
import { test, assert, assertEq, newPage, waitForWidgets, shadowText } from './lib.mjs';

test('demo page shows the seed article: title, byline, date, caption, credit, categories', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.goto(`${base}/index.html`);
  await waitForWidgets(page);
  const w = page.locator('article-reader');
  await w.locator('h1.ar-title').waitFor({ state: 'visible' });
  assertEq(await shadowText(page, 'h1'), 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020', 'title');
  assert(await w.locator('.ar-author', { hasText: 'Mai Trâm' }).isVisible(), 'byline "Mai Trâm" visible');
  const time = w.locator('time.ar-date');
  assert(await time.isVisible(), 'date visible');
  assertEq(await time.textContent(), '19/12/2019 16:00', 'Vietnamese date and time');
  assertEq(await time.getAttribute('datetime'), '2019-12-19T16:00:00+07:00', 'machine-readable datetime');
  const caption = w.locator('.ar-figure figcaption').first();
  assert(await caption.isVisible(), 'caption visible');
  assert((await caption.textContent()).includes('Đồng chí Nguyễn Thanh Hà - Trưởng Ban Dân vận Tỉnh ủy kết luận'), 'caption text');
  assertEq(await w.locator('.ar-credit').first().textContent(), 'Ảnh: MT', 'credit');
  const nav = w.locator('nav.ar-sections');
  assert(await nav.isVisible(), 'other sections visible');
  assertEq(await nav.locator('h2').textContent(), 'Chuyên mục khác', 'section heading');
  assert((await nav.locator('a').count()) >= 3, 'category links');
  assert(await nav.locator('a').first().isVisible(), 'first category link visible');
  const img = w.locator('.ar-figure img').first();
  await page.waitForFunction(() => {
    const i = document.querySelector('article-reader').shadowRoot.querySelector('.ar-figure img');
    return i && i.complete;
  });
  assert(await img.evaluate((i) => i.naturalWidth > 0), 'lead photo loaded from the local fixture');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('A+ makes the body text larger, A− smaller, A resets', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.goto(`${base}/index.html`);
  await waitForWidgets(page);
  const w = page.locator('article-reader');
  const size = () => w.locator('.ar-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await size();
  await w.locator('button[part~="font-larger"]').click();
  const larger = await size();
  assert(larger > before, `A+ grows the text (${before} -> ${larger})`);
  await w.locator('button[part~="font-reset"]').click();
  assertEq(await size(), before, 'A resets');
  await w.locator('button[part~="font-smaller"]').click();
  assert((await size()) < before, 'A− shrinks the text');
  await page.closeAll();
});
