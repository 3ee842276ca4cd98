// Issue 12, item 3: photos open large. A click or Enter on an article photo
// opens a modal <dialog> with the photo, caption and credit; arrows, the ‹ ›
// buttons and swipes move between the article's photos; Escape, ✕ and the
// browser's back button close it; focus returns to the photo.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget } from './reader_util.mjs';

const ARTICLE = {
  version: 1, lang: 'vi', title: 'Bài có ba ảnh',
  image: { src: '/fixtures/images/hoi-nghi-dan-van.jpg', alt: 'Ảnh đầu', width: 1200, height: 800, caption: 'Chú thích ảnh đầu.', credit: 'MT' },
  body: '<p>Đoạn một.</p><figure><img src="/fixtures/images/related-1.jpg" alt="Ảnh hai" width="600" height="400"><figcaption>Chú thích hai. Ảnh: TTXVN</figcaption></figure>'
    + '<p>Đoạn hai.</p><figure><img src="/fixtures/images/related-2.jpg" alt="Ảnh ba" width="600" height="400"></figure>',
  related: [{ title: 'Tin khác', url: '/a.html', image: '/fixtures/images/related-1.jpg' }],
};
const box = (page) => inShadow(page, (r) => {
  const d = r.querySelector('dialog.ar-lightbox');
  if (!d) return null;
  return { open: d.open, modal: d.matches(':modal'), img: new URL(d.querySelector('img').getAttribute('src'), location.href).pathname, alt: d.querySelector('img').alt,
    caption: d.querySelector('.ar-caption').textContent, credit: d.querySelector('.ar-credit').textContent, count: d.querySelector('.ar-lb-count').textContent,
    prev: !d.querySelector('.ar-lb-prev').hidden, next: !d.querySelector('.ar-lb-next').hidden };
});
const focusedAlt = (page) => inShadow(page, (r) => { const a = r.activeElement; return a ? (a.alt ?? a.getAttribute('part')) : null; });
// Focus after a close settles within a task or two (the dialog's `close` event
// is queued): poll briefly for the expected element, then report what has it.
async function focusSettles(page, want) {
  for (let i = 0; i < 20 && (await focusedAlt(page)) !== want; i++) await page.waitForTimeout(25);
  return focusedAlt(page);
}

test('click opens the photo with caption and credit; arrows and buttons move; Escape closes and focus returns', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE) });
  const imgs = await inShadow(page, (r) => [...r.querySelectorAll('.ar-article figure img')].map((i) => [i.alt, i.tabIndex]));
  assertEq(JSON.stringify(imgs), JSON.stringify([['Ảnh đầu', 0], ['Ảnh hai', 0], ['Ảnh ba', 0]]), 'the three article photos are focusable');
  assertEq(await inShadow(page, (r) => r.querySelector('.ar-thumb')?.hasAttribute('tabindex')), false, 'related thumbnails are not photos');
  await page.locator('article-reader .ar-article figure img').nth(1).click();
  let b = await box(page);
  assertEq(JSON.stringify(b), JSON.stringify({ open: true, modal: true, img: '/fixtures/images/related-1.jpg', alt: 'Ảnh hai', caption: 'Chú thích hai.', credit: 'Ảnh: TTXVN', count: '2 / 3', prev: true, next: true }), 'second photo open, modal');
  assertEq(await focusedAlt(page), 'button lightbox-close', 'focus on ✕');
  await page.keyboard.press('ArrowRight');
  b = await box(page);
  assertEq(`${b.count} ${b.alt} ${b.next}`, '3 / 3 Ảnh ba false', 'ArrowRight: third photo, no next');
  await page.keyboard.press('ArrowRight');
  assertEq((await box(page)).count, '3 / 3', 'stays on the last');
  await page.locator('article-reader [part~="lightbox-prev"]').click();
  await page.locator('article-reader [part~="lightbox-prev"]').click();
  b = await box(page);
  assertEq(`${b.count} ${b.caption} ${b.credit} ${b.prev}`, '1 / 3 Chú thích ảnh đầu. Ảnh: MT false', 'the lead photo with its caption and credit');
  await page.keyboard.press('Escape');
  assertEq((await box(page)).open, false, 'Escape closes');
  assertEq(await focusSettles(page, 'Ảnh đầu'), 'Ảnh đầu', 'focus returns to the photo shown last');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('keyboard opens it (Enter on a photo); ✕ closes; the back button closes it without leaving the page; swipe moves', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE), viewport: { width: 390, height: 844 } });
  const url = page.url();
  await page.locator('article-reader .ar-article figure img').first().focus();
  await page.keyboard.press('Enter');
  assertEq((await box(page)).count, '1 / 3', 'Enter opens the lead photo');
  await page.locator('article-reader [part~="lightbox-close"]').click();
  assertEq((await box(page)).open, false, '✕ closes');
  assertEq(await focusSettles(page, 'Ảnh đầu'), 'Ảnh đầu', 'focus back on the photo');
  assertEq(page.url(), url, 'same page');
  // Back button.
  await page.locator('article-reader .ar-article figure img').nth(2).click();
  assertEq((await box(page)).open, true, 'open again');
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('dialog').open);
  assertEq(page.url(), url, 'back closed the photo and stayed on the page');
  assertEq(await inShadow(page, (r) => !!r.querySelector('.ar-article')), true, 'article still there');
  // Swipe (pointer events) to the previous photo.
  await page.locator('article-reader .ar-article figure img').nth(2).click();
  await inShadow(page, (r) => {
    const img = r.querySelector('dialog img');
    img.dispatchEvent(new PointerEvent('pointerdown', { clientX: 100, clientY: 300, bubbles: true, composed: true }));
    img.dispatchEvent(new PointerEvent('pointerup', { clientX: 300, clientY: 300, bubbles: true, composed: true }));
  });
  assertEq((await box(page)).count, '2 / 3', 'swipe right: previous photo');
  const tap = await inShadow(page, (r) => [...r.querySelectorAll('dialog .ar-btn')].filter((e) => !e.hidden).map((e) => e.getBoundingClientRect()).every((b) => b.width >= 44 && b.height >= 44));
  assert(tap, 'lightbox buttons ≥ 44 px');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  assert(overflow, 'no horizontal scroll with the lightbox open');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});
