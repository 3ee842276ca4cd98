// Issue 5, point 3: themes. auto follows prefers-color-scheme live; the reader's
// choice is persisted and wins over the admin's `theme` attribute; every piece
// of text has ≥ 4.5:1 contrast in every theme (measured here, and by axe in
// reader_a11y).
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, contrast, KEY_THEME, STRESS_ARTICLE, pickTheme, checkedTheme } from './reader_util.mjs';

const bg = (page) => inShadow(page, (r) => getComputedStyle(r.querySelector('.ar')).backgroundColor);
const themeOf = (page, i = 0) => inShadow(page, (r) => r.querySelector('.ar').dataset.theme, null, i);

// Every element with its own text, its colour and the nearest opaque background.
function textColours(root) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el) || el.closest('.ar-sr') || el.closest('option')) continue;
    seen.add(el);
    if (el.closest('[aria-disabled="true"]')) continue; // disabled controls are exempt (WCAG 1.4.3)
    const cs = getComputedStyle(el);
    let b = el;
    let bgc = 'rgba(0, 0, 0, 0)';
    while (b) {
      const c = getComputedStyle(b).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') { bgc = c; break; }
      b = b.parentElement;
    }
    out.push({ cls: el.className || el.tagName.toLowerCase(), text: n.textContent.trim().slice(0, 24), fg: cs.color, bg: bgc, size: parseFloat(cs.fontSize), weight: cs.fontWeight });
  }
  return out;
}

test('contrast: all widget text ≥ 4.5:1 in light, sepia, dark and auto (dark system); ratios per theme', async ({ browser, base }) => {
  const report = [];
  for (const [theme, colorScheme] of [['light', 'light'], ['sepia', 'light'], ['dark', 'light'], ['auto', 'dark']]) {
    const init = [([k, t]) => { try { localStorage.setItem(k, t); } catch {} }, [KEY_THEME, theme]];
    for (const body of [undefined, inlineWidget(STRESS_ARTICLE)]) {
      const page = await readerPage(browser, base, { body, colorScheme, init });
      const items = await inShadow(page, (r, src) => new Function('root', `return (${src})(root)`)(r.querySelector('.ar')), textColours.toString());
      assert(items.length > 15, `found the text (${items.length})`);
      let min = Infinity;
      for (const it of items) {
        const ratio = contrast(it.fg, it.bg);
        min = Math.min(min, ratio);
        assert(ratio >= 4.5, `${theme}: "${it.text}" (.${it.cls}) ${it.fg} on ${it.bg} = ${ratio.toFixed(2)}:1`);
      }
      if (!body) {
        const by = (c) => items.find((i) => String(i.cls).includes(c));
        const pick = { text: by('ar-body') ?? items.find((i) => i.cls === 'p'), muted: by('ar-caption'), link: by('ar-author') && items.find((i) => i.cls === 'a'), kicker: by('ar-kicker') };
        report.push(`${theme.padEnd(5)} min ${min.toFixed(2)}:1; ` + Object.entries(pick).filter(([, v]) => v).map(([k, v]) => `${k} ${contrast(v.fg, v.bg).toFixed(2)}`).join(', '));
      }
      await page.closeAll();
    }
  }
  if (process.env.CONTRAST_VERBOSE) console.log(report.map((l) => `      ${l}`).join('\n'));
});

test('auto follows prefers-color-scheme live (no reload); an explicit theme ignores it', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { colorScheme: 'light' });
  assertEq(await themeOf(page), 'auto', 'auto by default');
  const light = await bg(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await bg(page);
  assert(contrast(light, dark) > 10, `switched to dark live (${light} -> ${dark})`);
  assertEq(dark, 'rgb(22, 24, 27)', 'the dark theme background');
  await page.emulateMedia({ colorScheme: 'light' });
  assertEq(await bg(page), light, 'and back to light');
  await pickTheme(page.locator('article-reader'), 'sepia');
  await page.emulateMedia({ colorScheme: 'dark' });
  assertEq(await bg(page), 'rgb(246, 239, 223)', 'sepia stays sepia under a dark system');
  assertEq(await checkedTheme(page.locator('article-reader')), 'sepia', 'the radio shows the choice (announced by the radio itself)');
  await page.closeAll();
});

test('admin theme attribute is the default; the reader’s choice is persisted, wins, and syncs the Aa panel and other tabs', async ({ browser, base }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const body = inlineWidget(STRESS_ARTICLE, 'theme="sepia"') + inlineWidget(STRESS_ARTICLE);
  const a = await readerPage(browser, base, { context, body, widgets: 2 });
  assertEq(await themeOf(a, 0), 'sepia', 'admin default sepia');
  assertEq(await themeOf(a, 1), 'auto', 'the other instance keeps auto');
  assertEq(await checkedTheme(a.locator('article-reader').first()), 'sepia', 'panel shows the admin default');
  const b = await readerPage(browser, base, { context, body, widgets: 2 });
  await pickTheme(a.locator('article-reader').nth(1), 'dark');
  assertEq(await a.evaluate((k) => localStorage.getItem(k), KEY_THEME), 'dark', 'stored');
  assertEq(await themeOf(a, 0), 'dark', 'reader choice overrides the admin default on every instance');
  await b.waitForFunction(() => document.querySelectorAll('article-reader')[0].shadowRoot.querySelector('.ar').dataset.theme === 'dark', null, { timeout: 5000 });
  assertEq(await checkedTheme(b.locator('article-reader').first()), 'dark', 'other tab: panel follows');
  // After the reader used the panel in tab b, a change from tab a still shows in b's panel.
  await pickTheme(b.locator('article-reader').first(), 'light');
  await pickTheme(a.locator('article-reader').first(), 'sepia');
  await b.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('input[name="article-reader:theme"]:checked')?.value === 'sepia', null, { timeout: 5000 });
  await a.reload();
  await a.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
  assertEq(await themeOf(a, 1), 'sepia', 'persisted across reload');
  await context.close();
});
