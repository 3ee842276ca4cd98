// Issue 5, point 2: font scaling: steps, ends, keyboard, announcements,
// persistence (also with throwing storage), every instance, other tabs, and
// one custom-property write per instance with no view rebuild.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, KEY_STEP, STRESS_ARTICLE, pickTheme } from './reader_util.mjs';

const STEPS = [75, 85, 100, 110, 125, 140, 160, 180, 200, 225, 250];

const scaleOf = (page, i = 0) => inShadow(page, (r) => r.querySelector('.ar').style.getPropertyValue('--ar-scale'), null, i);
const bodySize = (page, i = 0) => inShadow(page, (r) => parseFloat(getComputedStyle(r.querySelector('.ar-body p')).fontSize), null, i);
const announced = (page, i = 0) => inShadow(page, (r) => r.querySelector('[aria-live]').textContent, null, i);

test('11 steps 75 %–250 %: A+ and A− walk them, end buttons are aria-disabled, each change is announced', async ({ browser, base }) => {
  const page = await readerPage(browser, base);
  const w = page.locator('article-reader');
  const smaller = w.locator('button[part~="font-smaller"]');
  const larger = w.locator('button[part~="font-larger"]');
  assertEq(await announced(page), '', 'nothing announced before the reader acts');
  assertEq(await scaleOf(page), '1', 'default 100 %');
  const base18 = await bodySize(page);
  assertEq(base18, 18, 'body text 18 px at 100 % (medium × 1.125)');
  // Down to the smallest step.
  for (let i = 0; i < 2; i++) await smaller.click();
  assertEq(await scaleOf(page), '0.75', 'smallest step 75 %');
  assertEq(await smaller.getAttribute('aria-disabled'), 'true', 'A− disabled at 75 %');
  assertEq(await larger.getAttribute('aria-disabled'), 'false', 'A+ enabled at 75 %');
  assertEq(await announced(page), 'Cỡ chữ 75%', 'announced in Vietnamese');
  await smaller.click({ force: true }); // Playwright treats aria-disabled as not clickable
  assertEq(await scaleOf(page), '0.75', 'A− at the end does nothing');
  // Up through every step, checking the computed size each time.
  const seen = [];
  for (let i = 0; i < STEPS.length; i++) {
    seen.push(Math.round((await bodySize(page)) / 0.18));
    if (i < STEPS.length - 1) {
      await larger.click();
      assertEq(await announced(page), `Cỡ chữ ${STEPS[i + 1]}%`, `announcement at step ${i + 1}`);
    }
  }
  assertEq(seen.join(','), STEPS.join(','), 'computed body size follows the 11 steps');
  assertEq(await larger.getAttribute('aria-disabled'), 'true', 'A+ disabled at 250 %');
  assertEq(await smaller.getAttribute('aria-disabled'), 'false', 'A− enabled at 250 %');
  await larger.click({ force: true });
  assertEq(await scaleOf(page), '2.5', 'A+ at the end does nothing');
  const live = await inShadow(page, (r) => { const l = r.querySelector('[aria-live]'); return [l.getAttribute('aria-live'), l.getAttribute('role')]; });
  assertEq(live.join(' '), 'polite status', 'polite status region');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('keyboard: Tab reaches A−, A, A+ and Aa; Enter and Space change the size; focus stays on A+ at the end', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE) });
  await page.locator('article-reader button[part~="font-smaller"]').focus();
  const focused = () => page.evaluate(() => {
    const a = document.querySelector('article-reader').shadowRoot.activeElement;
    return a ? (a.getAttribute('part') || a.tagName) : null;
  });
  assertEq(await focused(), 'button font-smaller', 'A− focused');
  await page.keyboard.press('Tab');
  assertEq(await focused(), 'button font-reset', 'Tab → A');
  await page.keyboard.press('Tab');
  assertEq(await focused(), 'button font-larger', 'Tab → A+');
  await page.keyboard.press('Enter');
  assertEq(await scaleOf(page), '1.1', 'Enter on A+');
  await page.keyboard.press('Space');
  assertEq(await scaleOf(page), '1.25', 'Space on A+');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Enter');
  assertEq(await scaleOf(page), '2.5', 'pressed to the end');
  assertEq(await focused(), 'button font-larger', 'focus still on A+ at the last step');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assertEq(await scaleOf(page), '1', 'A resets from the keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assertEq(await focused(), 'button settings', 'Tab → Aa (reading settings)');
  // The browser's own zoom shortcuts are not intercepted.
  const prevented = await page.evaluate(() => new Promise((ok) => {
    const host = document.querySelector('article-reader');
    const ev = new KeyboardEvent('keydown', { key: '+', code: 'Equal', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    host.shadowRoot.querySelector('.ar-btn').dispatchEvent(ev);
    ok(ev.defaultPrevented);
  }));
  assertEq(prevented, false, 'Ctrl+ is left to the browser');
  assertEq(await scaleOf(page), '1', 'Ctrl+ does not change the widget step');
  await page.closeAll();
});

test('one change = one --ar-scale write per instance: no childList mutation in the article, the same <p> nodes', async ({ browser, base }) => {
  const body = inlineWidget(STRESS_ARTICLE) + inlineWidget({ ...STRESS_ARTICLE, title: 'Bài thứ hai' });
  const page = await readerPage(browser, base, { body, widgets: 2 });
  await page.evaluate(() => {
    window.__muts = [];
    document.querySelectorAll('article-reader').forEach((host, i) => {
      const root = host.shadowRoot;
      root.querySelector('.ar-body p').__mark = `p${i}`;
      new MutationObserver((list) => list.forEach((m) => window.__muts.push({
        i, type: m.type, attr: m.attributeName, inArticle: !!(m.target.closest && m.target.closest('article')) || m.target.nodeName === 'ARTICLE',
        target: m.target.className || m.target.nodeName,
      }))).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  await page.locator('article-reader').first().locator('button[part~="font-larger"]').click();
  await page.waitForTimeout(100);
  const muts = await page.evaluate(() => window.__muts);
  const inArticle = muts.filter((m) => m.inArticle);
  assertEq(JSON.stringify(inArticle), '[]', 'nothing inside either <article> changed');
  const styleWrites = muts.filter((m) => m.type === 'attributes' && m.attr === 'style');
  assertEq(styleWrites.length, 2, `one style write per instance (${JSON.stringify(styleWrites)})`);
  assert(styleWrites.every((m) => m.target === 'ar'), 'on the .ar root');
  assertEq(await scaleOf(page, 0), '1.1', 'instance 1 scaled');
  assertEq(await scaleOf(page, 1), '1.1', 'instance 2 scaled live');
  const marks = await page.evaluate(() => [...document.querySelectorAll('article-reader')].map((h) => h.shadowRoot.querySelector('.ar-body p').__mark));
  assertEq(marks.join(','), 'p0,p1', 'the same paragraph nodes (no rebuild)');
  assertEq(await bodySize(page, 1), 19.8, 'instance 2 text at 110 %');
  await page.closeAll();
});

test('persisted across reload; another tab follows through the storage event', async ({ browser, base }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await readerPage(browser, base, { context });
  const b = await readerPage(browser, base, { context });
  await a.locator('article-reader button[part~="font-larger"]').click();
  await a.locator('article-reader button[part~="font-larger"]').click();
  assertEq(await a.evaluate((k) => localStorage.getItem(k), KEY_STEP), '4', 'stored as step index 4');
  await b.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar').style.getPropertyValue('--ar-scale') === '1.25', null, { timeout: 5000 });
  assertEq(await bodySize(b), 22.5, 'other tab at 125 % without reload');
  await a.reload();
  await a.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
  assertEq(await scaleOf(a), '1.25', 'kept after reload');
  assertEq(await a.locator('article-reader button[part~="font-reset"]').getAttribute('data-current'), 'false', 'A not marked current at 125 %');
  await context.close();
});

test('storage that throws (blocked or full): no error, the change still applies to every instance on the page', async ({ browser, base }) => {
  const init = () => {
    const boom = () => { throw new DOMException('blocked', 'SecurityError'); };
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    Storage.prototype.getItem = boom;
  };
  const body = inlineWidget(STRESS_ARTICLE) + inlineWidget(STRESS_ARTICLE);
  const page = await readerPage(browser, base, { body, init, widgets: 2 });
  await page.locator('article-reader').nth(1).locator('button[part~="font-smaller"]').click();
  assertEq(await scaleOf(page, 0), '0.85', 'instance 1 follows');
  assertEq(await scaleOf(page, 1), '0.85', 'instance 2 changed');
  assertEq(await announced(page, 1), 'Cỡ chữ 85%', 'announced');
  await pickTheme(page.locator('article-reader').first(), 'dark');
  assertEq(await inShadow(page, (r) => r.querySelector('.ar').dataset.theme, null, 1), 'dark', 'theme also applies');
  assertEq(page.problems.join('\n'), '', 'no errors with throwing storage');
  await page.closeAll();
  // localStorage itself inaccessible (the getter throws, as in sandboxed iframes).
  const init2 = () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  const p2 = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE), init: init2 });
  await p2.locator('article-reader button[part~="font-larger"]').click();
  assertEq(await scaleOf(p2), '1.1', 'works without localStorage');
  assertEq(p2.problems.join('\n'), '', 'no errors without localStorage');
  await p2.closeAll();
});

test('admin font-scale attribute is the default; the reader’s saved choice wins over it', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE, 'font-scale="1.4"') });
  assertEq(await scaleOf(page), '1.4', 'admin default 140 %');
  await page.locator('article-reader button[part~="font-smaller"]').click();
  assertEq(await scaleOf(page), '1.25', 'reader steps from the admin default');
  await page.reload();
  await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
  assertEq(await scaleOf(page), '1.25', 'reader choice kept over the admin default');
  await page.closeAll();
});
