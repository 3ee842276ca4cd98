// Issue 5, point 8: accessibility. axe-core (WCAG 2.1 A/AA) on the demo page in
// every theme at 390×844 and 1280×800, plus the structure axe does not judge:
// heading order, time/datetime, alt text, landmarks, visible focus.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, KEY_THEME } from './reader_util.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const AXE = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];
// auto is run under both system schemes.
const THEMES = [['light', 'light'], ['sepia', 'light'], ['dark', 'light'], ['auto', 'light'], ['auto', 'dark']];

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations', 'incomplete'] });
    const fmt = (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`;
    return { violations: r.violations.map(fmt), incomplete: r.incomplete.map((v) => v.id), passes: r.passes.length };
  });
}

for (const viewport of VIEWPORTS) {
  test(`axe: zero WCAG 2.1 A/AA violations on the demo at ${viewport.width}×${viewport.height} in light, sepia, dark, auto (light and dark system), Aa panel closed and open`, async ({ browser, base }) => {
    for (const [theme, colorScheme] of THEMES) {
      const init = [([k, t]) => { try { localStorage.setItem(k, t); } catch {} }, [KEY_THEME, theme]];
      const page = await readerPage(browser, base, { viewport, colorScheme, init });
      assertEq(await inShadow(page, (r) => r.querySelector('.ar').dataset.theme), theme, 'theme applied');
      // Load the lazy thumbnails too, so everything axe sees is final.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(200);
      const r = await axe(page);
      assertEq(r.violations.join('\n'), '', `axe violations (${theme}, system ${colorScheme})`);
      assert(r.passes > 10, 'axe actually ran');
      if (process.env.AXE_VERBOSE) console.log(`      ${viewport.width} ${theme}/${colorScheme}: ${r.passes} rules passed; needs review: ${r.incomplete.join(', ') || 'none'}`);
      // Again with the "Aa" reading-settings panel open (issue 12).
      await page.locator('article-reader button[part~="settings"]').click();
      const open = await axe(page);
      assertEq(open.violations.join('\n'), '', `axe violations with the settings panel open (${theme}, system ${colorScheme})`);
      if (process.env.AXE_VERBOSE) console.log(`      ${viewport.width} ${theme}/${colorScheme} panel open: ${open.passes} rules passed; needs review: ${open.incomplete.join(', ') || 'none'}`);
      await page.closeAll();
    }
  }, { timeout: 120_000 });
}

test('structure: one h1 then h2s, time with datetime, alt kept, landmarks named, table region named, lang on root and article', async ({ browser, base }) => {
  const page = await readerPage(browser, base);
  const s = await inShadow(page, (r) => ({
    headings: [...r.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName),
    times: [...r.querySelectorAll('time')].map((t) => t.getAttribute('datetime')),
    imgs: [...r.querySelectorAll('img')].map((i) => [i.getAttribute('alt'), i.className]),
    nav: r.querySelector('nav')?.getAttribute('aria-label'),
    related: r.querySelector('section.ar-related')?.getAttribute('aria-label'),
    group: r.querySelector('.ar-tools')?.getAttribute('aria-label'),
    rootLang: r.querySelector('.ar').getAttribute('lang'),
    articleLang: r.querySelector('article').getAttribute('lang'),
  }));
  assertEq(s.headings[0], 'H1', 'title is the first heading');
  assertEq(s.headings.filter((h) => h === 'H1').length, 1, 'one h1');
  assert(s.headings.slice(1).every((h) => h === 'H2'), `then h2s (${s.headings})`);
  assert(s.times.length >= 2 && s.times.every((d) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(d)), `every time has an ISO datetime (${s.times})`);
  const lead = s.imgs.find(([, c]) => c === '');
  assertEq(lead?.[0], 'Quang cảnh hội nghị tổng kết công tác dân vận năm 2019 tại điểm cầu tỉnh', 'lead image alt kept');
  assert(s.imgs.filter(([, c]) => c === 'ar-thumb').every(([alt]) => alt === ''), 'related thumbnails are decorative (alt="")');
  assertEq(s.nav, 'Chuyên mục khác', 'nav named');
  assertEq(s.related, 'Tin liên quan', 'related region named');
  assertEq(s.group, 'Tùy chọn đọc', 'controls group named');
  assertEq(s.rootLang, 'vi-VN', 'UI language on the root');
  assertEq(s.articleLang, 'vi', 'article language on <article>');
  await page.closeAll();
});

test('visible focus: every control and link shows a ≥2px outline with ≥3:1 contrast when reached by keyboard', async ({ browser, base }) => {
  for (const theme of ['light', 'sepia', 'dark']) {
    const init = [([k, t]) => { try { localStorage.setItem(k, t); } catch {} }, [KEY_THEME, theme]];
    const page = await readerPage(browser, base, { init });
    await page.locator('article-reader button[part~="font-smaller"]').focus();
    const seen = new Set();
    for (let i = 0; i < 40; i++) {
      const f = await page.evaluate(() => {
        const root = document.querySelector('article-reader').shadowRoot;
        const a = root.activeElement;
        if (!a) return null;
        const cs = getComputedStyle(a);
        const bg = getComputedStyle(root.querySelector('.ar')).backgroundColor;
        return { id: a.getAttribute('part') || a.getAttribute('href') || a.className || a.tagName, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg, visible: a.matches(':focus-visible') };
      });
      if (!f) break; // left the widget
      seen.add(f.id);
      assert(f.visible && f.style === 'solid' && f.width >= 2, `${theme}: ${f.id} has a visible focus outline (${JSON.stringify(f)})`);
      const { contrast } = await import('./reader_util.mjs');
      assert(contrast(f.color, f.bg) >= 3, `${theme}: focus outline contrast ≥ 3:1 for ${f.id} (${f.color} on ${f.bg})`);
      await page.keyboard.press('Tab');
    }
    const ids = [...seen].map(String);
    assert(ids.includes('button settings') && ids.some((s) => s.endsWith('/thoi-su')) && ids.some((s) => s.includes('hoi-nghi-ban-chap-hanh')),
      `${theme}: Tab reaches Aa, the section links and the related links (${ids.join(', ')})`);
    await page.closeAll();
  }
});
