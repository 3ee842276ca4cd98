// Issue 5, point 5: UI language (vi default; en by attribute or the page's
// <html lang>), and the article's own lang/dir on <article> (RTL renders RTL).
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, STRESS_ARTICLE } from './reader_util.mjs';

const ui = (page, i = 0) => inShadow(page, (r) => ({
  lang: r.querySelector('.ar').getAttribute('lang'),
  other: r.querySelector('nav.ar-sections h2')?.textContent,
  smaller: r.querySelector('[part~="font-smaller"]').textContent,
  reading: r.querySelector('.ar-reading')?.textContent,
}), null, i);

test('UI language: Vietnamese by default, English by the lang attribute or by <html lang="en">, attribute wins', async ({ browser, base }) => {
  const body = inlineWidget(STRESS_ARTICLE) + inlineWidget(STRESS_ARTICLE, 'lang="en"');
  const vi = await readerPage(browser, base, { body, widgets: 2, lang: 'fr' });
  const a = await ui(vi, 0);
  assertEq(a.lang, 'vi-VN', 'vi default when the page language is neither vi nor en');
  assertEq(a.other, 'Chuyên mục khác', 'Vietnamese strings');
  assertEq(a.smaller, 'A− Giảm cỡ chữ', 'Vietnamese control names');
  assert(/^\d+ phút đọc$/.test(a.reading), `reading time in Vietnamese (${a.reading})`);
  const b = await ui(vi, 1);
  assertEq(b.lang, 'en-GB', 'lang="en" attribute');
  assertEq(b.other, 'Other sections', 'English strings');
  assert(/^\d+ min read$/.test(b.reading), 'reading time in English');
  await vi.closeAll();
  const en = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE) + inlineWidget(STRESS_ARTICLE, 'lang="vi"'), widgets: 2, lang: 'en-US' });
  assertEq((await ui(en, 0)).other, 'Other sections', '<html lang="en-US"> gives English');
  assertEq((await ui(en, 1)).other, 'Chuyên mục khác', 'the attribute wins over the page');
  assertEq(await inShadow(en, (r) => r.querySelector('article').getAttribute('lang')), 'vi', 'the article keeps its own language');
  await en.closeAll();
});

test('right-to-left article: dir="rtl" and lang on <article>, text starts at the right, controls stay in the UI direction', async ({ browser, base }) => {
  const ar = {
    version: 1, lang: 'ar', title: 'مقالة تجريبية باللغة العربية',
    lede: 'هذه فقرة تمهيدية قصيرة لاختبار اتجاه النص من اليمين إلى اليسار.',
    authors: [{ name: 'محرر الأخبار' }], published: '2020-01-02T08:00:00+07:00',
    body: '<p>النص الأول في المقالة، وهو طويل بما يكفي ليشغل سطرين على الأقل في عمود القراءة على الهاتف المحمول.</p><blockquote><p>اقتباس قصير.</p></blockquote><ul><li>عنصر أول</li><li>عنصر ثان</li></ul><p class="x">نص قصير.</p>',
  };
  const he = { version: 1, lang: 'he', dir: 'rtl', title: 'כתבה בעברית', body: '<p>פסקה ראשונה של הכתבה.</p>' };
  const page = await readerPage(browser, base, { body: inlineWidget(ar) + inlineWidget(he), widgets: 2, viewport: { width: 390, height: 844 } });
  const r = await inShadow(page, (root) => {
    const art = root.querySelector('article');
    const p = root.querySelector('.ar-body p');
    const title = [...root.querySelectorAll('.ar-body p')].at(-1);
    const range = document.createRange();
    range.selectNodeContents(title);
    const t = range.getClientRects()[0];
    const q = getComputedStyle(root.querySelector('.ar-body blockquote'));
    return {
      lang: art.getAttribute('lang'), dir: art.getAttribute('dir'), pDir: getComputedStyle(p).direction,
      titleRight: Math.round(title.getBoundingClientRect().right - t.right), titleLeftGap: Math.round(t.left - title.getBoundingClientRect().left),
      quoteBorderRight: q.borderRightWidth, quoteBorderLeft: q.borderLeftWidth,
      toolsDir: getComputedStyle(root.querySelector('.ar-tools')).direction,
      uiInArticle: ['.ar-reading', '.ar-date'].map((sel) => { const e = root.querySelector(sel); return `${e.getAttribute('lang')} ${getComputedStyle(e).direction}`; }),
      overflow: root.querySelector('.ar').scrollWidth <= root.querySelector('.ar').clientWidth,
    };
  });
  assertEq(r.lang, 'ar', 'lang on <article>');
  assertEq(r.dir, 'rtl', 'Arabic gets dir="rtl" from its language');
  assertEq(r.pDir, 'rtl', 'paragraphs are right-to-left');
  assert(Math.abs(r.titleRight) <= 1 && r.titleLeftGap > 20, `a short paragraph hugs the right edge (${JSON.stringify(r)})`);
  assert(r.quoteBorderRight === '4px' && r.quoteBorderLeft === '0px', 'quote rule on the inline-start (right) side');
  assertEq(r.toolsDir, 'ltr', 'controls follow the (Vietnamese) UI direction');
  assertEq(r.uiInArticle.join(', '), 'vi-VN ltr, vi-VN ltr', 'UI text inside the article (reading time, date) keeps the UI language and direction');
  assert(r.overflow, 'no horizontal overflow');
  assertEq(await inShadow(page, (root) => root.querySelector('article').getAttribute('dir'), null, 1), 'rtl', 'explicit dir from the JSON (Hebrew)');
  await page.screenshot({ path: 'test-results/reader-rtl.png' }).catch(() => {});
  await page.closeAll();
});
