// Phones (tests/e2e/reader_mobile.test.mjs, over WebDriver): at 360 px no
// horizontal overflow anywhere in the widget, 44×44 px tap targets. The page
// runs in a 360×740 same-origin iframe (MiniBrowser's window cannot be made
// narrower than ~447 px); the overflow check is the e2e file's own function.
import { test, assert, assertEq, borrow, readerHtml, probed, html } from '../lib.mjs';
import { inlineWidget, STRESS_ARTICLE } from '../../e2e/reader_util.mjs';

const { PHONE, overflow } = await borrow('tests/e2e/reader_mobile.test.mjs', ['PHONE', 'overflow']);

test('360 px: no horizontal overflow (long URL, long word, wide table, code) at 75 %, 100 %, 250 %, and the demo page', async ({ s, open, serve, routes, inShadow }) => {
  const page = serve(readerHtml(inlineWidget(STRESS_ARTICLE)));
  for (const step of [0, 2, 10]) {
    await open(page, { frame: PHONE, prefs: { step } });
    assertEq(await s.execute(() => window.innerWidth), PHONE.width, 'the frame is 360 px wide');
    const o = await inShadow(overflow);
    assert(o.root[0] <= o.root[1], `step ${step}: widget root scrollWidth ${o.root[0]} ≤ clientWidth ${o.root[1]}`);
    assert(o.doc[0] <= o.doc[1], `step ${step}: page does not scroll sideways (${o.doc})`);
    assertEq(o.bad.join('; '), '', `step ${step}: every element inside the root`);
    assert(o.scrollers.length === 2 && o.scrollers.every((x) => x.inside && x.scrolls === 'auto'), `step ${step}: table and code scroll inside their own box (${JSON.stringify(o.scrollers)})`);
  }
  routes['/index.html'] = html(probed('index.html'));
  await open('/index.html', { frame: PHONE });
  const o = await inShadow(overflow);
  assert(o.root[0] <= o.root[1] && o.doc[0] <= o.doc[1] && !o.bad.length, `demo at 360 px: ${JSON.stringify(o)}`);
});

test('tap targets at 360 px: every control, chip, section link and related link is at least 44×44 px (75 % and 100 %)', async ({ open, routes, inShadow }) => {
  routes['/index.html'] = html(probed('index.html'));
  for (const step of [0, 2]) {
    await open('/index.html', { frame: PHONE, prefs: { step } });
    const all = await inShadow((r) => [...r.querySelectorAll('button, select, .ar-sections a, a.ar-kicker, a.ar-rel-link, .ar-original')]
      .filter((e) => !e.closest('[hidden]'))
      .map((e) => { const b = e.getBoundingClientRect(); return [e.getAttribute('part') || e.className || e.textContent.trim(), Math.round(b.width), Math.round(b.height)]; }));
    assert(all.length >= 12, `found the targets (${all.length})`);
    const bad = all.filter(([, w, h]) => w < 44 || h < 44);
    assertEq(JSON.stringify(bad), '[]', `step ${step}: targets under 44×44`);
  }
});
