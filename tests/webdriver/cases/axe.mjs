// axe-core (node_modules/axe-core, loaded into the page) on the demo page:
// zero WCAG 2.1 A/AA violations in light, sepia and dark at 390×844 (a
// same-origin frame) and 1280×800 (tests/e2e/reader_a11y.test.mjs, over WebDriver).
import { test, assert, assertEq, probed, html } from '../lib.mjs';

async function axe(s) {
  if (!(await s.execute(() => !!window.axe))) await s.executeAsync(() => new Promise((ok, no) => {
    const sc = document.createElement('script');
    sc.src = '/node_modules/axe-core/axe.min.js';
    sc.onload = ok;
    sc.onerror = () => no(new Error('axe-core did not load'));
    document.head.append(sc);
  }));
  return s.executeAsync(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations', 'incomplete'] });
    const fmt = (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)} ${(n.failureSummary || '').split('\n')[1] || ''}`).join(' | ')}`;
    return { violations: r.violations.map(fmt), incomplete: r.incomplete.map((v) => v.id), passes: r.passes.length };
  });
}

for (const [label, frame] of [['390×844', { width: 390, height: 844 }], ['1280×800', null]]) {
  test(`axe: zero WCAG 2.1 A/AA violations on the demo at ${label} in light, sepia and dark, Aa panel closed and open`, async ({ s, open, routes, inShadow, shadowEl }) => {
    routes['/index.html'] = html(probed('index.html'));
    if (!frame) {
      const vp = await s.setViewport(1280, 800);
      assert(vp.width === 1280, `window viewport ${JSON.stringify(vp)}`);
    }
    for (const theme of ['light', 'sepia', 'dark']) {
      await open('/index.html', { frame, prefs: { theme } });
      assertEq(await inShadow((r) => r.querySelector('.ar').dataset.theme), theme, 'theme applied');
      await s.execute(() => window.scrollTo(0, document.body.scrollHeight));
      await new Promise((r) => setTimeout(r, 200));
      const r = await axe(s);
      assertEq(r.violations.join('\n'), '', `axe violations (${theme})`);
      assert(r.passes > 10, 'axe actually ran');
      if (process.env.AXE_VERBOSE) console.log(`      ${label} ${theme}: ${r.passes} rules passed; needs review: ${r.incomplete.join(', ') || 'none'}`);
      // Again with the "Aa" reading-settings panel open.
      await (await shadowEl('button[part~="settings"]')).click();
      const o = await axe(s);
      assertEq(o.violations.join('\n'), '', `axe violations with the settings panel open (${theme})`);
    }
  }, { timeout: 180_000 });
}
