// Issue 12, item 5: coming back. A thin progress bar for the article (not the
// page); the position is remembered per article URL and a returning reader is
// offered "Tiếp tục đọc" (never an automatic jump).
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, STRESS_ARTICLE } from './reader_util.mjs';

const LONG = { ...STRESS_ARTICLE, url: 'https://baohaugiang.example.vn/bai-dai-1.html',
  body: Array.from({ length: 40 }, (_, i) => `<p>Đoạn số ${i + 1}: nội dung đủ dài để cuộn trang, với nhiều chữ tiếng Việt có dấu, lặp lại để bài viết dài hơn màn hình.</p>`).join('') };
const body = `<div style="height:1200px">Phần đầu trang của cổng thông tin</div>${inlineWidget(LONG)}<div style="height:1500px">Chân trang</div>`;
const progress = (page) => inShadow(page, (r) => parseFloat(r.querySelector('.ar-progress').style.getPropertyValue('--ar-progress') || '0'));

test('progress bar follows the article, not the page; sticky and decorative', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body });
  assertEq(await inShadow(page, (r) => r.querySelector('.ar-progress').getAttribute('aria-hidden')), 'true', 'decorative for screen readers');
  await page.evaluate(() => window.scrollTo(0, 100));
  await page.waitForTimeout(100);
  assertEq(await progress(page), 0, 'article not reached yet: 0');
  const geo = await inShadow(page, (r) => { const a = r.querySelector('.ar-article').getBoundingClientRect(); return { top: a.top + scrollY, height: a.height }; });
  await page.evaluate((y) => window.scrollTo(0, y), geo.top + geo.height / 2 - 800);
  await page.waitForTimeout(100);
  const half = await progress(page);
  assert(half > 0.4 && half < 0.6, `half way through the article: ${half}`);
  const bar = await inShadow(page, (r) => r.querySelector('.ar-progress').getBoundingClientRect().top);
  assert(Math.abs(bar) < 1, `bar stuck to the top of the screen (${bar})`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(100);
  assertEq(await progress(page), 1, 'page end: 1 (the footer does not count)');
  await page.closeAll();
});

test('position remembered per article URL; "Tiếp tục đọc" offered on return, never a jump; dismiss', async ({ browser, base }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const a = await readerPage(browser, base, { body, context });
  assertEq(await inShadow(a, (r) => r.querySelector('.ar-resume').hidden), true, 'no offer on a first visit');
  const geo = await inShadow(a, (r) => { const x = r.querySelector('.ar-article').getBoundingClientRect(); return { top: x.top + scrollY, height: x.height }; });
  await a.evaluate((y) => window.scrollTo(0, y), geo.top + geo.height * 0.4);
  await a.waitForTimeout(1100);
  await a.evaluate(() => window.scrollBy(0, 1));
  await a.waitForTimeout(100);
  const saved = await a.evaluate(() => localStorage.getItem('article-reader:positions'));
  assert(/^(39\d|40\d)\thttps:\/\/baohaugiang\.example\.vn\/bai-dai-1\.html$/.test(saved), `saved per mille and URL (${saved})`);
  await a.close();
  const b = await readerPage(browser, base, { body, context });
  await b.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-resume').hidden, null, { timeout: 3000 }).catch(() => {});
  assertEq(await b.evaluate(() => scrollY), 0, 'no automatic jump');
  const offer = await inShadow(b, (r) => ({ hidden: r.querySelector('.ar-resume').hidden, text: r.querySelector('button[part~="resume"]').textContent }));
  assert(!offer.hidden && /^Tiếp tục đọc \((39|40)%\)$/.test(offer.text), `offer shown (${JSON.stringify(offer)})`);
  await inShadow(b, (r) => r.querySelector('button[part~="resume"]').click());
  await b.waitForTimeout(100);
  const at = await b.evaluate(() => scrollY);
  assert(Math.abs(at - (geo.top + geo.height * 0.4)) < geo.height * 0.03, `continued near the saved place (${at} vs ${geo.top + geo.height * 0.4})`);
  assertEq(await inShadow(b, (r) => r.querySelector('.ar-resume').hidden), true, 'offer gone');
  await b.close();
  const c = await readerPage(browser, base, { body, context });
  await c.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-resume').hidden, null, { timeout: 3000 }).catch(() => {});
  const kept = await c.evaluate(() => localStorage.getItem('article-reader:positions'));
  assertEq(await inShadow(c, (r) => r.querySelector('.ar-resume').hidden), false, `offered again (${kept})`);
  await inShadow(c, (r) => r.querySelector('button[part~="resume-dismiss"]').click()); // no scroll into view
  assertEq(await inShadow(c, (r) => r.querySelector('.ar-resume').hidden), true, 'dismissed');
  assertEq(await c.evaluate(() => scrollY), 0, 'dismiss does not move the page');
  // Another article: no offer.
  const d = await readerPage(browser, base, { body: body.replace('bai-dai-1.html', 'bai-khac-2.html'), context });
  assertEq(await inShadow(d, (r) => r.querySelector('.ar-resume').hidden), true, 'other article: no offer');
  await context.close();
});
