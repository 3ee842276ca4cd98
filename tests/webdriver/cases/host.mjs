// The hostile host page, the theming surface and the strict CSP page
// (tests/e2e/embed_isolation.test.mjs and embed_csp.test.mjs, same pages from
// tests/pages and index.html, over WebDriver; the probe script is injected first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEq, probed, html, ROOT } from '../lib.mjs';
import { STRICT_CSP } from '../../../scripts/serve.mjs';
import { SEED_TITLE } from '../../e2e/embed_util.mjs';

/** Computed styles inside one widget of the hostile page (what embed_isolation compares). */
function isolation(id) {
  const root = document.getElementById(id).shadowRoot;
  const cs = (sel) => { const el = root.querySelector(sel); return el && getComputedStyle(el); };
  const p = cs('.ar-body p'), title = cs('.ar-title'), img = root.querySelector('.ar-figure img');
  const btn = cs('.ar-btn');
  const tools = cs('.ar-tools');
  return {
    pSize: p.fontSize, pFamily: p.fontFamily, pLine: p.lineHeight, pMargin: p.marginBottom, pColor: p.color,
    pTransform: p.textTransform, pSpacing: p.letterSpacing, pAlign: p.textAlign, pIndent: p.textIndent, pStyle: p.fontStyle,
    pWeight: p.fontWeight, pVariant: p.fontVariantCaps, pShadow: p.textShadow, pWhite: p.whiteSpace, pCursor: p.cursor,
    titleDisplay: title.display, btnBorder: btn.borderTopWidth, btnMinH: btn.minHeight, toolsGap: tools.columnGap,
    imgH: img.getBoundingClientRect().height, imgW: img.getBoundingClientRect().width, imgBorder: getComputedStyle(img).borderTopWidth,
    docStyles: document.styleSheets.length, docAdopted: document.adoptedStyleSheets.length, styleEls: document.querySelectorAll('style').length,
  };
}

test('hostile host page: host CSS does not reach inside, widget CSS does not leak out, <base href> and globals are harmless', async ({ s, open, routes, problems }) => {
  routes['/tests/pages/hostile.html'] = html(probed('tests/pages/hostile.html'));
  await open('/tests/pages/hostile.html', { widgets: 2 });
  const states = await s.execute(() => ['w1', 'w2'].map((id) => !!document.getElementById(id).shadowRoot.querySelector('.ar-article')));
  assertEq(states.join(','), 'true,true', 'both widgets show the article');
  // embed.js found its files next to itself, not under <base href>.
  const res = await s.execute(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert(res.some((u) => /^\/dist\/.*\.wasm$/.test(u)), `wasm fetched from /dist/ (${res.join(' ')})`);
  assert(!res.some((u) => u.startsWith('/somewhere/else/') && /article-reader|embed|\.wasm/.test(u)), `nothing of the widget fetched relative to <base href> (${res.join(' ')})`);
  for (const id of ['w1', 'w2']) {
    const st = await s.execute(isolation, id);
    // What the host's CSS must not change inside (the same values embed_isolation expects).
    const want = {
      pSize: ['18px', 'body text size'], pMargin: ['18px', 'widget paragraph margin'], pColor: ['rgb(27, 27, 27)', 'widget text colour'],
      pTransform: ['none', 'no inherited text-transform'], pSpacing: ['normal', 'no inherited letter-spacing'],
      pAlign: ['start', 'no inherited text-align'], pIndent: ['0px', 'no inherited text-indent'], pStyle: ['normal', 'no inherited font-style'],
      pWeight: ['400', 'no inherited font-weight'], pVariant: ['normal', 'no inherited font-variant'], pShadow: ['none', 'no inherited text-shadow'],
      pWhite: ['normal', 'no inherited white-space'], pCursor: ['auto', 'no inherited cursor'],
      titleDisplay: ['block', 'host h1{display:none} does not reach the title'], btnBorder: ['1px', 'host button{all:unset} does not reach the controls'],
      btnMinH: ['44px', 'controls keep their touch size'], toolsGap: ['8px', "toolbar spacing does not follow the host's root font size"],
      imgBorder: ['0px', 'host img border does not reach inside'],
      styleEls: [0, 'no <style> element added to the page'], docAdopted: [0, 'nothing adopted by the document'], docStyles: [1, 'the page has only its own stylesheet'],
    };
    for (const [k, [v, what]] of Object.entries(want)) assertEq(st[k], v, `${id}: ${what}`);
    assert(!/comic/i.test(st.pFamily), `${id}: host font-family does not reach inside (${st.pFamily})`);
    // WebKit serializes 18 px × 1.6 as "28.799999px": compare the number.
    assert(Math.abs(parseFloat(st.pLine) - 28.8) < 0.01, `${id}: widget line-height 1.6 (${st.pLine})`);
    assert(st.imgW > 100, `${id}: host img max-width does not reach inside (${st.imgW})`);
    assert(Math.abs(st.imgH - (st.imgW * 800) / 1200) < 2, `${id}: image keeps its aspect ratio (${st.imgW}x${st.imgH})`);
  }
  assertEq(await s.execute(() => document.getElementById('w1').shadowRoot.querySelector('.ar-title').textContent), SEED_TITLE, 'title');
  const leak = await s.execute(() => {
    const pick = (el) => { const c = getComputedStyle(el); return [c.fontSize, c.marginBottom, c.color, c.fontFamily, c.lineHeight, c.display].join('|'); };
    const d = getComputedStyle(document.getElementById('outside-div'));
    return { p: pick(document.getElementById('outside-p')), control: pick(document.getElementById('control-p')), divPad: d.paddingTop, divBg: d.backgroundColor };
  });
  assertEq(leak.p, leak.control, 'host <p class="ar-body"> unaffected by the widget');
  assertEq(leak.divPad, '3px', 'host <div class="ar"> keeps the host padding');
  assertEq(leak.divBg, 'rgba(0, 0, 0, 0)', 'host <div class="ar"> gets no widget background');
  /* global wasm_bindgen, mount, wasm, Handle, ArticleReader */
  const g = await s.execute(() => [typeof wasm_bindgen, typeof mount, wasm, Handle, typeof ArticleReader]);
  assertEq(JSON.stringify(g), JSON.stringify(['function', 'function', 'host wasm', 'host Handle', 'object']), 'host globals intact');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('theming surface under the strict CSP: custom properties and ::part() reach the documented places, no violation', async ({ s, open, routes, problems }) => {
  routes['/wd-theming.html'] = html(probed('tests/pages/theming.html'), { 'Content-Security-Policy': STRICT_CSP });
  await open('/wd-theming.html');
  const st = await s.execute(() => {
    const r = document.getElementById('w').shadowRoot;
    const cs = (sel) => getComputedStyle(r.querySelector(sel));
    return {
      link: cs('.ar-body a, .ar-sections a').color, body: cs('.ar-body p').fontFamily, head: cs('.ar-title').fontFamily,
      width: cs('.ar-article').maxWidth, bg: cs('.ar').backgroundColor, fg: cs('.ar-body p').color,
      radius: cs('.ar-figure img').borderTopLeftRadius, title: cs('.ar-title').color, titleSpacing: cs('.ar-title').letterSpacing,
      root: cs('.ar').borderTopColor + ' ' + cs('.ar').borderTopWidth, button: cs('.ar-btn').borderTopColor,
    };
  });
  assertEq(st.link, 'rgb(200, 0, 100)', '--ar-accent');
  assert(/^"?Tinos/.test(st.body), `--ar-font-family: ${st.body}`);
  assert(/^"?Arimo/.test(st.head), `--ar-heading-font: ${st.head}`);
  assertEq(st.width, '540px', '--ar-max-width (30em of the 18px article text)');
  assertEq(st.bg, 'rgb(250, 250, 240)', '--ar-bg');
  assertEq(st.fg, 'rgb(20, 30, 40)', '--ar-fg');
  assertEq(st.radius, '0px', '--ar-radius');
  assertEq(st.title, 'rgb(0, 90, 0)', '::part(title)');
  assertEq(st.titleSpacing, '1px', '::part(title) letter-spacing');
  assertEq(st.root, 'rgb(1, 2, 3) 3px', '::part(root)');
  assertEq(st.button, 'rgb(9, 9, 9)', '::part(button)');
  assertEq((await s.execute(() => window.__violations.slice())).join('\n'), '', 'no CSP violation');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('strict CSP (no unsafe-inline, no unsafe-eval): the demo renders, A+ and the theme work, lazy images load, zero violations', async ({ s, open, routes, inShadow, shadowEl, pickTheme, problems }) => {
  routes['/index-csp.html'] = html(probed('index.html'), { 'Content-Security-Policy': STRICT_CSP });
  await open('/index-csp.html');
  await s.waitFor(() => { const i = document.querySelector('article-reader').shadowRoot.querySelector('.ar-figure img'); return i && i.complete; }, { message: 'lead image complete' });
  await (await shadowEl('button[part~="font-larger"]')).click();
  await pickTheme('sepia');
  for (let y = 0; y < 6000; y += 600) await s.execute((v) => window.scrollTo(0, v), y);
  await new Promise((r) => setTimeout(r, 500));
  assertEq(await inShadow((r) => r.querySelector('.ar-title').textContent), SEED_TITLE, 'article rendered');
  const size = await inShadow((r) => getComputedStyle(r.querySelector('.ar-body p')).fontSize);
  assert(Math.abs(parseFloat(size) - 19.8) < 0.01, `font scale applied under CSP (18px x 1.1): ${size}`);
  assertEq(await inShadow((r) => r.querySelector('.ar').dataset.theme), 'sepia', 'theme applied under CSP');
  const imgs = await inShadow((r) => [...r.querySelectorAll('img')].map((i) => [i.complete && i.naturalWidth > 0, new URL(i.src).pathname]));
  const broken = imgs.filter(([ok, p]) => !ok && p.startsWith('/fixtures/'));
  assertEq(JSON.stringify(broken), '[]', 'every local image loaded (img-src)');
  assertEq((await s.execute(() => window.__violations.slice())).join('\n'), '', 'no CSP violation');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('a CSP without wasm-unsafe-eval: error kind "wasm", the host keeps its link, no script error', async ({ s, open, routes, problems }) => {
  const noWasm = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
  routes['/index-nowasm.html'] = html(probed('index.html'), { 'Content-Security-Policy': noWasm });
  await open('/index-nowasm.html', { widgets: 0 });
  await s.waitFor(() => window.__arEvents.some((e) => e.type === 'error'), { message: 'an error event', timeout: 20_000 });
  const ev = await s.execute(() => window.__arEvents.filter((e) => e.type === 'error'));
  assertEq(ev[0].detail.kind, 'wasm', 'error kind');
  assert(/WebAssembly|wasm/i.test(ev[0].detail.message), `message says why: ${ev[0].detail.message}`);
  assert(await s.execute(() => { const a = document.querySelector('article-reader > a'); return !!a && a.getClientRects().length > 0; }), 'the plain link is visible');
  assertEq((await problems()).filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
});

// Trusted Types (all three engines have them): the strict CSP plus
// `require-trusted-types-for 'script'`, with and without the widget's policy allowed.
const hasTrustedTypes = () => readFileSync(join(ROOT, 'dist/embed.js'), 'utf8').includes('trustedTypes');
const TT_SKIP = () => !hasTrustedTypes() && 'this dist/ has no Trusted Types support (make dist)';

test('Trusted Types enforced (policy `article-reader` allowed): the demo renders, A+ works, zero violations', async ({ s, open, routes, inShadow, shadowEl, problems }) => {
  const csp = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types article-reader`;
  routes['/index-tt.html'] = html(probed('index.html'), { 'Content-Security-Policy': csp });
  await open('/index-tt.html');
  assertEq(await inShadow((r) => r.querySelector('.ar-title').textContent), SEED_TITLE, 'article rendered');
  await (await shadowEl('button[part~="font-larger"]')).click();
  assertEq(await inShadow((r) => r.querySelector('.ar').style.getPropertyValue('--ar-scale')), '1.1', 'A+ works');
  assert(await inShadow((r) => r.querySelectorAll('.ar-body p').length >= 4), 'body paragraphs rendered');
  assertEq((await s.execute(() => window.__violations.slice())).join('\n'), '', 'no CSP or Trusted Types violation');
  assertEq((await problems()).join('\n'), '', 'no script errors');
}, { skip: TT_SKIP });

test('Trusted Types enforced without the widget policy: error kind "trusted-types", the host keeps its link', async ({ s, open, routes, problems }) => {
  const csp = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types other-policy`;
  routes['/index-tt-no.html'] = html(probed('index.html'), { 'Content-Security-Policy': csp });
  await open('/index-tt-no.html', { widgets: 0 });
  await s.waitFor(() => window.__arEvents.some((e) => e.type === 'error'), { message: 'an error event', timeout: 20_000 });
  const ev = await s.execute(() => window.__arEvents.filter((e) => e.type === 'error'));
  assertEq(ev[0].detail.kind, 'trusted-types', 'error kind');
  assert(await s.execute(() => { const a = document.querySelector('article-reader > a'); return !!a && a.getClientRects().length > 0; }), 'the plain link is visible');
  assertEq((await problems()).filter((p) => p.startsWith('pageerror')).join('\n'), '', 'no page errors');
}, { skip: TT_SKIP });
