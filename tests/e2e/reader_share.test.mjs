// Issue 12, item 4: sharing. Web Share API when present (stubbed), else a menu
// with copy link (Clipboard API stubbed, announced) and a Facebook link; a
// selected passage shares a text-fragment URL (#:~:text=).
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget } from './reader_util.mjs';

const ARTICLE = {
  version: 1, lang: 'vi', title: 'Bài để chia sẻ', url: 'https://baohaugiang.example.vn/thoi-su/bai-de-chia-se-1.html',
  body: '<p>Đoạn đầu tiên của bài viết.</p><p>Một câu rất dài có nhiều chữ để thử đoạn trích - với gạch ngang, dấu phẩy và dấu và &amp; cuối câu.</p>',
};
function stubShare() {
  window.__shared = [];
  navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
}
function stubClipboard(ok) {
  window.__copied = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t) => { window.__copied.push(t); return ok ? Promise.resolve() : Promise.reject(new Error('denied')); } }, configurable: true });
}
// Selects the text of the nth body paragraph (from word a to word b, or all).
const select = (page, n) => inShadow(page, (r, n) => {
  const p = r.querySelectorAll('.ar-body p')[n];
  const range = document.createRange();
  range.selectNodeContents(p);
  const sel = (r.getSelection ? r.getSelection() : null) || document.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return sel.toString();
}, n);

test('Web Share API: title and the article URL; a selected passage shares a text fragment', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE), init: stubShare });
  const btn = page.locator('article-reader button[part~="share"]');
  assertEq((await btn.textContent()).trim(), 'Chia sẻ', 'labelled');
  await btn.click();
  let shared = await page.evaluate(() => window.__shared);
  assertEq(JSON.stringify(shared), JSON.stringify([{ title: 'Bài để chia sẻ', url: `https://baohaugiang.example.vn/thoi-su/bai-de-chia-se-1.html` }]), 'shares title and absolute article URL');
  await select(page, 0);
  await btn.click();
  shared = await page.evaluate(() => window.__shared);
  assertEq(shared[1].url, `https://baohaugiang.example.vn/thoi-su/bai-de-chia-se-1.html#:~:text=%C4%90o%E1%BA%A1n%20%C4%91%E1%BA%A7u%20ti%C3%AAn%20c%E1%BB%A7a%20b%C3%A0i%20vi%E1%BA%BFt.`, 'short passage: the whole text');
  await select(page, 1);
  await btn.click();
  shared = await page.evaluate(() => window.__shared);
  assert(shared[2].url.endsWith('#:~:text=M%E1%BB%99t%20c%C3%A2u%20r%E1%BA%A5t%20d%C3%A0i%20c%C3%B3,d%E1%BA%A5u%20v%C3%A0%20%26%20cu%E1%BB%91i%20c%C3%A2u.'), `long passage: start,end with & encoded (${shared[2].url})`);
  assertEq(await inShadow(page, (r) => r.querySelector('#ar-share').hidden), true, 'no fallback menu when the share sheet exists');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('no Web Share: a menu with copy link (announced) and Facebook; copy failure announced; Escape closes', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE), init: [stubClipboard, true] });
  assertEq(await page.evaluate(() => typeof navigator.share), 'undefined', 'headless Chromium has no navigator.share');
  const btn = page.locator('article-reader button[part~="share"]');
  await btn.click();
  assertEq(await btn.getAttribute('aria-expanded'), 'true', 'menu open');
  const fb = await page.locator('article-reader a[part~="facebook"]').getAttribute('href');
  assertEq(fb, `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`https://baohaugiang.example.vn/thoi-su/bai-de-chia-se-1.html`)}`, 'Facebook share link');
  await page.locator('article-reader button[part~="copy-link"]').click();
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('[aria-live]').textContent === 'Đã sao chép liên kết');
  assertEq(JSON.stringify(await page.evaluate(() => window.__copied)), JSON.stringify([`https://baohaugiang.example.vn/thoi-su/bai-de-chia-se-1.html`]), 'copied the link');
  const small = await inShadow(page, (r) => [...r.querySelectorAll('#ar-share .ar-btn, [part~="share"]')].map((e) => e.getBoundingClientRect()).filter((b) => b.width < 44 || b.height < 44).length);
  assertEq(small, 0, 'targets ≥ 44 px');
  await page.locator('article-reader button[part~="copy-link"]').focus();
  await page.keyboard.press('Escape');
  assertEq(await btn.getAttribute('aria-expanded'), 'false', 'Escape closes');
  assertEq(await inShadow(page, (r) => r.activeElement?.getAttribute('part')), 'button share', 'focus back on Share');
  await page.closeAll();
  const p2 = await readerPage(browser, base, { body: inlineWidget(ARTICLE), init: [stubClipboard, false] });
  await p2.locator('article-reader button[part~="share"]').click();
  await p2.locator('article-reader button[part~="copy-link"]').click();
  await p2.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('[aria-live]').textContent === 'Không sao chép được liên kết');
  assertEq(p2.problems.join('\n'), '', 'a refused clipboard is announced, not an error');
  await p2.closeAll();
});
