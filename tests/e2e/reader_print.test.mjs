// Issue 5, point 7: print stylesheet (emulated print media): controls hidden,
// text and figures kept, link addresses written out, black on white in any theme.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, KEY_THEME, STRESS_ARTICLE } from './reader_util.mjs';

test('print: controls and navigation hidden, text and figures kept, link URLs shown, dark theme prints black on white', async ({ browser, base }) => {
  const init = [([k, t]) => { try { localStorage.setItem(k, t); } catch {} }, [KEY_THEME, 'dark']];
  const page = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE), init });
  const state = () => inShadow(page, (r) => {
    const shown = (sel) => { const e = r.querySelector(sel); return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0; };
    const link = r.querySelector('.ar-body a[href]');
    const ar = getComputedStyle(r.querySelector('.ar'));
    return {
      tools: shown('.ar-tools'), sections: shown('.ar-sections'), title: shown('.ar-title'), lede: shown('.ar-lede'), body: shown('.ar-body p'),
      figure: shown('.ar-figure img'), caption: shown('.ar-figure figcaption'), table: shown('.ar-body table'), related: shown('.ar-related'),
      after: getComputedStyle(link, '::after').content, href: link.href,
      relAfter: getComputedStyle(r.querySelector('.ar-related a[href]'), '::after').content,
      bg: ar.backgroundColor, fg: getComputedStyle(r.querySelector('.ar-body p')).color,
    };
  });
  const screen = await state();
  assert(screen.tools && screen.sections, 'on screen: controls and sections shown');
  assertEq(screen.after, 'none', 'on screen: no URL after links');
  assertEq(screen.bg, 'rgb(22, 24, 27)', 'on screen: dark');
  await page.emulateMedia({ media: 'print' });
  const print = await state();
  assertEq(print.tools, false, 'print: controls hidden');
  assertEq(print.sections, false, 'print: "Chuyên mục khác" navigation hidden');
  for (const k of ['title', 'lede', 'body', 'figure', 'caption', 'table', 'related']) assert(print[k], `print: ${k} kept`);
  assertEq(print.after, `" (${print.href})"`, 'print: body link URL written out');
  assert(print.relAfter.includes('/a-1.html'), `print: related link URL written out (${print.relAfter})`);
  assertEq(print.bg, 'rgb(255, 255, 255)', 'print: white background in the dark theme');
  assertEq(print.fg, 'rgb(0, 0, 0)', 'print: black text');
  const pdf = await page.pdf({ format: 'A4' }).catch(() => null); // headless only; smoke check that it lays out
  assert(!pdf || pdf.length > 10_000, 'prints to a PDF');
  await page.closeAll();
});
