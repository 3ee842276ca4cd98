// Photos open large (tests/e2e/reader_photos.test.mjs, over WebDriver): the
// modal <dialog> inside the shadow root, arrows and ‹ ›, Escape, the browser's
// back button, focus back on the photo. The article is that file's own ARTICLE.
import { test, assertEq, borrow, readerHtml } from '../lib.mjs';
import { inlineWidget } from '../../e2e/reader_util.mjs';

const { ARTICLE } = await borrow('tests/e2e/reader_photos.test.mjs', ['ARTICLE']);

function box(r) {
  const d = r.querySelector('dialog.ar-lightbox');
  if (!d) return null;
  const q = (s) => d.querySelector(s);
  // An array: WebDriver does not keep the key order of returned objects.
  return [
    ['open', d.open], ['modal', d.matches(':modal')], ['img', new URL(q('img').getAttribute('src'), location.href).pathname], ['alt', q('img').alt],
    ['caption', q('.ar-caption').textContent], ['credit', q('.ar-credit').textContent], ['count', q('.ar-lb-count').textContent],
    ['prev', !q('.ar-lb-prev').hidden], ['next', !q('.ar-lb-next').hidden],
  ];
}
const lightbox = async (inShadow) => Object.fromEntries(await inShadow(box));
// In Chromium and Firefox, Escape's close request closes the modal dialog before the widget's keydown
// listener runs; the widget handles the dialog's `close` event too, so focus still goes to the photo shown last.
const focused = (r) => { const a = r.activeElement; return a ? (a.alt || a.getAttribute('part')) : null; };

test('a photo opens in a modal dialog with caption and credit; arrows and ‹ › move; Escape closes it; focus returns to the photo shown last', async ({ s, open, serve, inShadow, shadowEl, problems }) => {
  const page = serve(readerHtml(inlineWidget(ARTICLE)));
  await open(page);
  const url = await s.url();
  const photos = await s.execute(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-article figure img')]);
  assertEq(photos.length, 3, 'three article photos');
  await photos[1].click();
  await s.waitFor(() => { const d = document.querySelector('article-reader').shadowRoot.querySelector('dialog.ar-lightbox'); return d && d.open; }, { message: 'dialog open' });
  assertEq(JSON.stringify(await lightbox(inShadow)), JSON.stringify({ open: true, modal: true, img: '/fixtures/images/related-1.jpg', alt: 'Ảnh hai', caption: 'Chú thích hai.', credit: 'Ảnh: TTXVN', count: '2 / 3', prev: true, next: true }), 'second photo open, modal');
  assertEq(await inShadow(focused), 'button lightbox-close', 'focus on ✕');
  await s.keys('ArrowRight');
  let b = await lightbox(inShadow);
  assertEq(`${b.count} ${b.alt} ${b.next}`, '3 / 3 Ảnh ba false', 'ArrowRight: third photo, no next');
  await (await shadowEl('[part~="lightbox-prev"]')).click();
  await (await shadowEl('[part~="lightbox-prev"]')).click();
  b = await lightbox(inShadow);
  assertEq(`${b.count} ${b.caption} ${b.credit} ${b.prev}`, '1 / 3 Chú thích ảnh đầu. Ảnh: MT false', 'the lead photo with its caption and credit');
  await s.keys('Escape');
  assertEq((await lightbox(inShadow)).open, false, 'Escape closes');
  assertEq(await inShadow(focused), 'Ảnh đầu', 'focus returns to the photo shown last');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('the browser\'s back button closes an open photo and stays on the page; ✕ closes and focus goes back to the photo', async ({ s, open, serve, inShadow, shadowEl, problems }) => {
  await open(serve(readerHtml(inlineWidget(ARTICLE))));
  const url = await s.url();
  const photos = await s.execute(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-article figure img')]);
  const isOpen = () => document.querySelector('article-reader').shadowRoot.querySelector('dialog.ar-lightbox').open;
  await photos[2].click();
  await s.waitFor(isOpen, { message: 'open' });
  await s.cmd('POST', '/back', {});
  await s.waitFor(() => !document.querySelector('article-reader').shadowRoot.querySelector('dialog.ar-lightbox').open, { message: 'back closes it', timeout: 5000 });
  assertEq(await s.url(), url, 'same page after back');
  await photos[0].click();
  await s.waitFor(isOpen, { message: 'open again' });
  await (await shadowEl('[part~="lightbox-close"]')).click();
  assertEq((await lightbox(inShadow)).open, false, '✕ closes');
  assertEq(await inShadow(focused), 'Ảnh đầu', 'focus back on the photo');
  assertEq(await s.url(), url, 'same page');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});
