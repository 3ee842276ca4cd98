// Issue 5, point 6: phones. At 360 px no horizontal overflow anywhere in the
// widget (long URL, long word, wide table, code, at every font step), 44×44 px
// tap targets, reduced motion respected, nothing that needs hover.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, KEY_STEP, STRESS_ARTICLE } from './reader_util.mjs';

const PHONE = { width: 360, height: 740 };

// Elements wider than the widget root, and the root's own overflow.
function overflow(root) {
  const ar = root.querySelector('.ar');
  const box = ar.getBoundingClientRect();
  const bad = [];
  for (const el of ar.querySelectorAll('*')) {
    if (el.closest('.ar-table, pre')) continue; // they scroll inside their own box
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) bad.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const scrollers = [...ar.querySelectorAll('.ar-table, pre')].map((e) => {
    const r = e.getBoundingClientRect();
    return { inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5, scrolls: getComputedStyle(e).overflowX };
  });
  return { root: [ar.scrollWidth, ar.clientWidth], doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth], bad: bad.slice(0, 6), scrollers };
}

test('360 px: no horizontal overflow with a long URL, a long word, a wide table and code, at 75 %, 100 % and 250 %', async ({ browser, base }) => {
  for (const step of [0, 2, 10]) {
    const init = [([k, s]) => { try { localStorage.setItem(k, s); } catch {} }, [KEY_STEP, String(step)]];
    const page = await readerPage(browser, base, { body: inlineWidget(STRESS_ARTICLE), viewport: PHONE, init });
    const o = await inShadow(page, (r, src) => new Function('root', `return (${src})(root)`)(r), overflow.toString());
    assert(o.root[0] <= o.root[1], `step ${step}: widget root scrollWidth ${o.root[0]} ≤ clientWidth ${o.root[1]}`);
    assert(o.doc[0] <= o.doc[1], `step ${step}: page does not scroll sideways (${o.doc})`);
    assertEq(o.bad.join('; '), '', `step ${step}: every element inside the root`);
    assert(o.scrollers.length === 2 && o.scrollers.every((s) => s.inside && s.scrolls === 'auto'), `step ${step}: table and code scroll inside their own box (${JSON.stringify(o.scrollers)})`);
    await page.closeAll();
  }
  // The demo page as well.
  const demo = await readerPage(browser, base, { viewport: PHONE });
  const o = await inShadow(demo, (r, src) => new Function('root', `return (${src})(root)`)(r), overflow.toString());
  assert(o.root[0] <= o.root[1] && o.doc[0] <= o.doc[1] && !o.bad.length, `demo at 360 px: ${JSON.stringify(o)}`);
  await demo.closeAll();
});

test('tap targets: every control, category chip, section link and related link is at least 44×44 px', async ({ browser, base }) => {
  for (const step of [0, 2]) {
    const init = [([k, s]) => { try { localStorage.setItem(k, s); } catch {} }, [KEY_STEP, String(step)]];
    const page = await readerPage(browser, base, { viewport: PHONE, init });
    const small = await inShadow(page, (r) => [...r.querySelectorAll('button, select, .ar-sections a, a.ar-kicker, a.ar-rel-link, .ar-original')]
      .filter((e) => !e.closest('[hidden]')) // Listen, hidden without a voice (reader_speech checks its size)
      .map((e) => { const b = e.getBoundingClientRect(); return [e.getAttribute('part') || e.className || e.textContent.trim(), Math.round(b.width), Math.round(b.height)]; }));
    assert(small.length >= 12, `found the targets (${small.length})`);
    const bad = small.filter(([, w, h]) => w < 44 || h < 44);
    assertEq(JSON.stringify(bad), '[]', `step ${step}: targets under 44×44`);
    await page.closeAll();
  }
});

test('reduced motion: the loading skeleton does not pulse; nothing depends on hover (restyle only, same on keyboard focus)', async ({ browser, base }) => {
  const running = async (reducedMotion) => {
    const page = await readerPage(browser, base, {
      reducedMotion, widgets: 0, viewport: PHONE, body: '<article-reader src="/__reader/never.json"></article-reader>',
      routes: [['**/__reader/never.json', () => {}]], // never answers: the skeleton stays
    });
    await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-skel'));
    const anim = await inShadow(page, (r) => [...r.querySelectorAll('*')].filter((e) => {
      const cs = getComputedStyle(e);
      return cs.animationName !== 'none' || parseFloat(cs.transitionDuration) > 0;
    }).length);
    await page.closeAll();
    return anim;
  };
  assert((await running('no-preference')) > 0, 'the skeleton pulses normally');
  assertEq(await running('reduce'), 0, 'no animation or transition under prefers-reduced-motion: reduce');
  // Hover: no rule of the widget shows or hides anything on hover only.
  const p2 = await readerPage(browser, base);
  const hoverRules = await p2.evaluate(() => {
    const sheets = document.querySelector('article-reader').shadowRoot.adoptedStyleSheets;
    const out = [];
    const walk = (rules) => { for (const r of rules) { if (r.cssRules) walk(r.cssRules); if (r.selectorText && r.selectorText.includes(':hover')) out.push(r.cssText); } };
    sheets.forEach((s) => walk(s.cssRules));
    return out;
  });
  assert(hoverRules.length > 0, 'found the hover rules');
  // Hover only restyles (underline, a colour), never shows or hides anything, and
  // the same rule applies on keyboard focus.
  assert(hoverRules.every((r) => !/display|visibility|opacity|content/.test(r.split('{')[1]) && r.includes(':focus-visible')),
    `hover only restyles, and the same shows on keyboard focus (${hoverRules.join(' | ')})`);
  await p2.closeAll();
});
