// Font scale and theme, their persistence across reload, real clicks and keys
// (tests/e2e/reader_fontscale.test.mjs and reader_theme.test.mjs, over WebDriver).
import { test, assert, assertEq, readerHtml } from '../lib.mjs';
import { inlineWidget, contrast, KEY_STEP, KEY_THEME, STRESS_ARTICLE } from '../../e2e/reader_util.mjs';
import { borrow } from '../lib.mjs';

// Every text element's colour and the nearest opaque background: reader_theme's own function.
const { textColours } = await borrow('tests/e2e/reader_theme.test.mjs', ['textColours']);

const STEPS = [75, 85, 100, 110, 125, 140, 160, 180, 200, 225, 250];
const scaleOf = (r) => r.querySelector('.ar').style.getPropertyValue('--ar-scale');
const bodySize = (r) => parseFloat(getComputedStyle(r.querySelector('.ar-body p')).fontSize);
const announced = (r) => r.querySelector('[aria-live]').textContent;
const attr = (r, [sel, name]) => r.querySelector(sel).getAttribute(name);

test('font size: A− to 75 %, A+ through the 11 steps to 250 % (real clicks), ends aria-disabled, announced, stored, kept after reload', async ({ s, open, serve, inShadow, shadowEl, problems }) => {
  const page = serve(readerHtml(inlineWidget(STRESS_ARTICLE)));
  await open(page);
  assertEq(await inShadow(announced), '', 'nothing announced before the reader acts');
  assertEq(await inShadow(scaleOf), '1', 'default 100 %');
  assertEq(await inShadow(bodySize), 18, 'body text 18 px at 100 % (medium × 1.125)');
  const smaller = await shadowEl('button[part~="font-smaller"]');
  const larger = await shadowEl('button[part~="font-larger"]');
  await smaller.click();
  await smaller.click();
  assertEq(await inShadow(scaleOf), '0.75', 'smallest step 75 %');
  assertEq(await inShadow(attr, ['button[part~="font-smaller"]', 'aria-disabled']), 'true', 'A− disabled at 75 %');
  assertEq(await inShadow(announced), 'Cỡ chữ 75%', 'announced in Vietnamese');
  await smaller.click();
  assertEq(await inShadow(scaleOf), '0.75', 'A− at the end does nothing');
  const seen = [];
  for (let i = 0; i < STEPS.length; i++) {
    seen.push(Math.round((await inShadow(bodySize)) / 0.18));
    if (i < STEPS.length - 1) {
      await larger.click();
      assertEq(await inShadow(announced), `Cỡ chữ ${STEPS[i + 1]}%`, `announcement at step ${i + 1}`);
    }
  }
  assertEq(seen.join(','), STEPS.join(','), 'computed body size follows the 11 steps');
  assertEq(await inShadow(attr, ['button[part~="font-larger"]', 'aria-disabled']), 'true', 'A+ disabled at 250 %');
  await larger.click();
  assertEq(await inShadow(scaleOf), '2.5', 'A+ at the end does nothing');
  assertEq(await s.execute((k) => localStorage.getItem(k), KEY_STEP), '10', 'stored as step index 10');
  await (await shadowEl('button[part~="font-reset"]')).click();
  assertEq(await inShadow(scaleOf), '1', 'A resets');
  await larger.click();
  await larger.click();
  assertEq(await s.execute((k) => localStorage.getItem(k), KEY_STEP), '4', 'stored as step index 4');
  await open(page, { clear: false });
  assertEq(await inShadow(scaleOf), '1.25', 'kept after reload');
  assertEq(await inShadow(bodySize), 22.5, 'text at 125 % after reload');
  assertEq(await inShadow(attr, ['button[part~="font-reset"]', 'data-current']), 'false', 'A not marked current at 125 %');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('keyboard: Tab from A− reaches A, A+ and Aa; Enter and Space on A+ (real key events)', async ({ s, open, serve, inShadow }) => {
  await open(serve(readerHtml(inlineWidget(STRESS_ARTICLE))));
  const focused = () => s.execute(() => {
    const a = document.querySelector('article-reader').shadowRoot.activeElement;
    return a ? (a.getAttribute('part') || a.tagName) : null;
  });
  await s.execute(() => document.querySelector('article-reader').shadowRoot.querySelector('button[part~="font-smaller"]').focus());
  assertEq(await focused(), 'button font-smaller', 'A− focused');
  await s.keys('Tab');
  assertEq(await focused(), 'button font-reset', 'Tab → A');
  await s.keys('Tab');
  assertEq(await focused(), 'button font-larger', 'Tab → A+');
  await s.keys('Enter');
  assertEq(await inShadow(scaleOf), '1.1', 'Enter on A+');
  await s.keys('Space');
  assertEq(await inShadow(scaleOf), '1.25', 'Space on A+');
  await s.keys('Shift+Tab', 'Enter');
  assertEq(await inShadow(scaleOf), '1', 'Shift+Tab, Enter on A resets');
  await s.keys('Tab', 'Tab');
  assertEq(await focused(), 'button settings', 'Tab → Aa (reading settings)');
});

test('theme: choosing dark and sepia in the Aa panel (real clicks) applies, stores, wins over the admin default, kept after reload; text contrast ≥ 4.5:1', async ({ s, open, serve, inShadow, pickTheme, checkedTheme, problems }) => {
  const page = serve(readerHtml(inlineWidget(STRESS_ARTICLE, 'theme="sepia"') + inlineWidget(STRESS_ARTICLE)));
  await open(page, { widgets: 2 });
  const themeOf = (i) => inShadow((r) => r.querySelector('.ar').dataset.theme, null, i);
  const bg = (i) => inShadow((r) => getComputedStyle(r.querySelector('.ar')).backgroundColor, null, i);
  assertEq(await themeOf(0), 'sepia', 'admin default sepia');
  assertEq(await themeOf(1), 'auto', 'the other instance keeps auto');
  assertEq(await bg(0), 'rgb(246, 239, 223)', 'sepia background');
  assertEq(await checkedTheme(0), 'sepia', 'the panel shows the admin default');
  await pickTheme('dark', 1);
  await s.waitFor(() => document.querySelectorAll('article-reader')[0].shadowRoot.querySelector('.ar').dataset.theme === 'dark', { message: 'dark on every instance', timeout: 5000 });
  assertEq(await bg(1), 'rgb(22, 24, 27)', 'the dark theme background');
  assertEq(await checkedTheme(1), 'dark', 'the radio shows the choice');
  assertEq(await s.execute((k) => localStorage.getItem(k), KEY_THEME), 'dark', 'stored');
  assertEq(await checkedTheme(0), 'dark', 'the other panel follows');
  // Contrast of every text element in the dark theme (colour against the nearest opaque background).
  const items = await inShadow((r, src) => (0, eval)(`(${src})`)(r.querySelector('.ar')), textColours.toString());
  assert(items.length > 15, `found the text (${items.length})`);
  for (const it of items) {
    const ratio = contrast(it.fg, it.bg);
    assert(ratio >= 4.5, `dark: "${it.text}" ${it.fg} on ${it.bg} = ${ratio.toFixed(2)}:1`);
  }
  await pickTheme('sepia', 0);
  await s.waitFor(() => document.querySelectorAll('article-reader')[1].shadowRoot.querySelector('.ar').dataset.theme === 'sepia', { message: 'sepia everywhere', timeout: 5000 });
  await open(page, { widgets: 2, clear: false });
  assertEq(await themeOf(0), 'sepia', 'persisted across reload (instance 1)');
  assertEq(await themeOf(1), 'sepia', 'persisted across reload (instance 2)');
  assertEq(await checkedTheme(1), 'sepia', 'the panel shows the stored choice');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('storage that throws: the change still applies to every instance, no error', async ({ s, open, serve, inShadow, shadowEl, problems }) => {
  const init = `<script>Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
Storage.prototype.getItem = function () { throw new DOMException('blocked', 'SecurityError'); };</script>`;
  await open(serve(readerHtml(init + inlineWidget(STRESS_ARTICLE) + inlineWidget(STRESS_ARTICLE))), { widgets: 2 });
  await (await shadowEl('button[part~="font-smaller"]', 1)).click();
  assertEq(await inShadow(scaleOf, null, 0), '0.85', 'instance 1 follows');
  assertEq(await inShadow(scaleOf, null, 1), '0.85', 'instance 2 changed');
  assertEq((await problems()).join('\n'), '', 'no errors with throwing storage');
});

test('another tab follows: font size and theme changed in one tab reach the other through the storage event, without reload', async ({ s, open, serve, inShadow, shadowEl, pickTheme, top }) => {
  const page = serve(readerHtml(inlineWidget(STRESS_ARTICLE)));
  await open(page);
  const first = await s.windowHandle();
  const second = await s.newWindow('tab');
  try {
    await s.switchToWindow(second);
    await open(page, { clear: false });
    await s.switchToWindow(first);
    await (await shadowEl('button[part~="font-larger"]')).click();
    await (await shadowEl('button[part~="font-larger"]')).click();
    await pickTheme('dark');
    await s.switchToWindow(second);
    await s.waitFor(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar').style.getPropertyValue('--ar-scale') === '1.25', { timeout: 5000, message: 'the other tab at 125 %' });
    assertEq(await inShadow(bodySize), 22.5, 'other tab: text at 125 % without reload');
    await s.waitFor(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar').dataset.theme === 'dark', { timeout: 5000, message: 'the other tab dark' });
  } finally {
    await top();
    await s.switchToWindow(second).then(() => s.closeWindow()).catch(() => {});
    await s.switchToWindow(first);
  }
});
