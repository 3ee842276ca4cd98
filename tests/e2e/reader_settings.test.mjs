// Issue 12, item 1: the "Aa" reading-settings panel. Disclosure (aria-expanded,
// Escape closes and returns focus), text size, font, line spacing, width and
// theme: each one attribute (or --ar-scale) write on the root, no rebuild,
// remembered, live in every instance and in other tabs; 44 px targets; no
// horizontal scroll at 360 px at the widest settings.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, KEY_STEP, STRESS_ARTICLE } from './reader_util.mjs';

const rootAttrs = (page, i = 0) => inShadow(page, (r) => {
  const a = r.querySelector('.ar');
  return { font: a.dataset.font, spacing: a.dataset.spacing, width: a.dataset.width, theme: a.dataset.theme, scale: a.style.getPropertyValue('--ar-scale') };
}, null, i);
const focused = (page) => page.evaluate(() => {
  const a = document.querySelector('article-reader').shadowRoot.activeElement;
  return a ? (a.getAttribute('part') || a.getAttribute('name') || a.id || a.tagName) : null;
});

test('Aa opens a labelled panel; Escape closes it and returns focus; keyboard reaches every option', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE) });
  const aa = page.locator('article-reader button[part~="settings"]');
  assertEq(await aa.getAttribute('aria-expanded'), 'false', 'closed at first');
  assertEq(await inShadow(page, (r) => r.querySelector('#ar-settings').hidden), true, 'panel hidden');
  assert((await inShadow(page, (r) => r.querySelector('[part~="settings"]').textContent)).startsWith('Aa'), 'visible text Aa is in the name');
  assertEq(JSON.stringify(await rootAttrs(page)), JSON.stringify({ font: 'serif', spacing: 'normal', width: 'normal', theme: 'auto', scale: '1' }), 'defaults on the root');
  await aa.focus();
  await page.keyboard.press('Enter');
  assertEq(await aa.getAttribute('aria-expanded'), 'true', 'Enter opens');
  assertEq(await inShadow(page, (r) => r.querySelector('#ar-settings').hidden), false, 'panel shown');
  assertEq(await aa.getAttribute('aria-controls'), 'ar-settings', 'controls the panel');
  const groups = await inShadow(page, (r) => [...r.querySelectorAll('#ar-settings fieldset legend, #ar-settings label[for]')].map((l) => l.textContent));
  assertEq(groups.join('|'), 'Cỡ chữ|Kiểu chữ|Giãn dòng|Độ rộng cột chữ|Giao diện', 'the five settings, labelled');
  // Tab into the panel: the size slider, then one stop per radio group; arrows change the choice.
  await page.keyboard.press('Tab');
  assertEq(await focused(page), 'ar-size', 'Tab → text size');
  await page.keyboard.press('ArrowRight');
  assertEq((await rootAttrs(page)).scale, '1.1', 'ArrowRight on the slider: 110 %');
  assertEq(await inShadow(page, (r) => r.querySelector('#ar-size').getAttribute('aria-valuetext')), '110%', 'slider value text');
  await page.keyboard.press('Tab');
  assertEq(await focused(page), 'article-reader:font', 'Tab → font group');
  await page.keyboard.press('ArrowRight');
  assertEq((await rootAttrs(page)).font, 'sans', 'arrow picks sans-serif');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assertEq((await rootAttrs(page)).spacing, 'relaxed', 'spacing relaxed');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assertEq((await rootAttrs(page)).width, 'wide', 'width wide');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assertEq((await rootAttrs(page)).theme, 'light', 'theme light (after auto)');
  await page.keyboard.press('Escape');
  assertEq(await aa.getAttribute('aria-expanded'), 'false', 'Escape closes');
  assertEq(await focused(page), 'button settings', 'focus back on Aa');
  // Computed effects.
  const cs = await inShadow(page, (r) => {
    const p = r.querySelector('.ar-body p');
    const s = getComputedStyle(p);
    return { family: s.fontFamily, lh: parseFloat(s.lineHeight) / parseFloat(s.fontSize), width: parseFloat(getComputedStyle(r.querySelector('.ar-article')).maxWidth) / parseFloat(getComputedStyle(r.querySelector('.ar-article')).fontSize) };
  });
  assert(!/serif"?\s*$/.test(cs.family) || cs.family.includes('sans-serif'), `sans-serif body (${cs.family})`);
  assert(Math.abs(cs.lh - 1.9) < 0.01, `line height 1.9 (${cs.lh})`);
  assert(Math.abs(cs.width - 45) < 0.1, `wide measure 45em (${cs.width})`);
  const stored = await page.evaluate(() => ['font', 'spacing', 'width', 'theme', 'font-step'].map((k) => localStorage.getItem(`article-reader:${k}`)));
  assertEq(stored.join(','), 'sans,relaxed,wide,light,3', 'each choice stored by name');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('a choice is one attribute write per instance (no rebuild), applies to every instance, other tabs follow', async ({ browser, base }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const body = inlineWidget(STRESS_ARTICLE) + inlineWidget({ ...STRESS_ARTICLE, title: 'Bài thứ hai' });
  const a = await readerPage(browser, base, { body, widgets: 2, context });
  const b = await readerPage(browser, base, { context });
  await a.evaluate(() => {
    window.__muts = [];
    document.querySelectorAll('article-reader').forEach((host, i) => {
      host.shadowRoot.querySelector('.ar-body p').__mark = `p${i}`;
      new MutationObserver((list) => list.forEach((m) => window.__muts.push({ i, type: m.type, attr: m.attributeName, target: m.target.className || m.target.nodeName })))
        .observe(host.shadowRoot.querySelector('.ar'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  const w0 = a.locator('article-reader').first();
  await w0.locator('button[part~="settings"]').click();
  await a.waitForTimeout(50);
  await a.evaluate(() => { window.__muts = []; });
  for (const [name, idx] of [['article-reader:font', 1], ['article-reader:spacing', 0], ['article-reader:width', 0]]) {
    await w0.locator(`input[name="${name}"]`).nth(idx).check();
  }
  await a.waitForTimeout(100);
  const muts = await a.evaluate(() => window.__muts);
  const rootWrites = muts.filter((m) => m.type === 'attributes' && m.target === 'ar').map((m) => `${m.i}:${m.attr}`).sort();
  assertEq(rootWrites.join(' '), '0:data-font 0:data-spacing 0:data-width 1:data-font 1:data-spacing 1:data-width', 'one root attribute write per choice per instance');
  assertEq(JSON.stringify(muts.filter((m) => m.type === 'childList')), '[]', 'no nodes added or removed');
  const marks = await a.evaluate(() => [...document.querySelectorAll('article-reader')].map((h) => h.shadowRoot.querySelector('.ar-body p').__mark));
  assertEq(marks.join(','), 'p0,p1', 'same paragraph nodes');
  assertEq(JSON.stringify(await rootAttrs(a, 1)), JSON.stringify({ font: 'sans', spacing: 'compact', width: 'narrow', theme: 'auto', scale: '1' }), 'second instance follows live');
  await b.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar').dataset.width === 'narrow', null, { timeout: 5000 });
  const other = await rootAttrs(b);
  assertEq([other.font, other.spacing, other.width].join(','), 'sans,compact,narrow', 'other tab follows (storage event)');
  await a.reload();
  await a.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
  assertEq((await rootAttrs(a)).spacing, 'compact', 'kept after reload');
  await context.close();
});

test('360 px at the widest settings (250 %, wide, loose, sans, panel open): no horizontal scroll; every panel target ≥ 44 px', async ({ browser, base }) => {
  const init = [([k]) => {
    localStorage.setItem(k, '10');
    localStorage.setItem('article-reader:width', 'wide');
    localStorage.setItem('article-reader:spacing', 'relaxed');
    localStorage.setItem('article-reader:font', 'sans');
  }, [KEY_STEP]];
  const page = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE), viewport: { width: 360, height: 740 }, init });
  await page.locator('article-reader button[part~="settings"]').click();
  const o = await inShadow(page, (r) => {
    const ar = r.querySelector('.ar');
    const box = ar.getBoundingClientRect();
    const bad = [...ar.querySelectorAll('*')].filter((e) => !e.closest('.ar-table, pre') && e.getBoundingClientRect().width && (e.getBoundingClientRect().right > box.right + 0.5 || e.getBoundingClientRect().left < box.left - 0.5)).map((e) => e.tagName + '.' + e.className);
    const small = [...r.querySelectorAll('#ar-settings .ar-opt span, #ar-settings input[type=range], [part~="settings"]')].map((e) => e.getBoundingClientRect()).filter((b) => b.width < 44 || b.height < 44).length;
    return { doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth], root: [ar.scrollWidth, ar.clientWidth], bad, small };
  });
  assert(o.doc[0] <= o.doc[1] && o.root[0] <= o.root[1], `no horizontal scroll (${JSON.stringify(o)})`);
  assertEq(o.bad.join(', '), '', 'every element inside the root');
  assertEq(o.small, 0, 'panel targets at least 44×44');
  await page.closeAll();
});
