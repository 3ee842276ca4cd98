// Issue 4, point 1: isolation on a hostile host page.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { recordRequests, waitState, distFiles, SEED_TITLE } from './embed_util.mjs';

test('hostile host page: host CSS does not reach inside, widget CSS does not leak out, <base href> and globals are harmless', async ({ browser, base }) => {
  const page = await newPage(browser);
  const urls = recordRequests(page);
  await page.goto(`${base}/tests/pages/hostile.html`);
  await waitState(page, '#w1', 'article');
  await waitState(page, '#w2', 'article');

  // embed.js found its hashed files next to itself, not under <base href>.
  const { wasm } = distFiles();
  assert(urls.some((u) => u.endsWith(`/dist/${wasm}`)), 'wasm fetched from /dist/');
  assert(!urls.some((u) => u.includes('/somewhere/else/') && /article-reader\./.test(u)), 'nothing fetched relative to <base href>');

  for (const id of ['w1', 'w2']) {
    const s = await page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const cs = (sel) => { const el = root.querySelector(sel); return el && getComputedStyle(el); };
      const p = cs('.ar-body p'), title = cs('.ar-title'), img = root.querySelector('.ar-figure img');
      const btn = cs('.ar-btn');
      const tools = cs('.ar-tools');
      return {
        pSize: p.fontSize, pFamily: p.fontFamily, pLine: p.lineHeight, pMargin: p.marginBottom, pColor: p.color,
        pTransform: p.textTransform, pSpacing: p.letterSpacing, pAlign: p.textAlign, pIndent: p.textIndent, pStyle: p.fontStyle,
        pWeight: p.fontWeight, pVariant: p.fontVariantCaps, pShadow: p.textShadow, pWhite: p.whiteSpace, pCursor: p.cursor,
        titleDisplay: title.display, titleColor: title.color,
        btnBorder: btn.borderTopWidth, btnMinH: btn.minHeight, toolsGap: tools.columnGap,
        imgH: img.getBoundingClientRect().height, imgW: img.getBoundingClientRect().width, imgBorder: getComputedStyle(img).borderTopWidth,
        docStyles: document.styleSheets.length, docAdopted: document.adoptedStyleSheets.length,
        styleEls: document.querySelectorAll('style').length,
      };
    }, id);
    // Body text: medium (16px) x 1.125, whatever the host's root rem or div font-size.
    assertEq(s.pSize, '18px', `${id}: body text size`);
    assert(!/comic/i.test(s.pFamily), `${id}: host font-family does not reach inside (${s.pFamily})`);
    assertEq(s.pLine, '28.8px', `${id}: widget line-height 1.6`);
    assertEq(s.pMargin, '18px', `${id}: widget paragraph margin`);
    assertEq(s.pColor, 'rgb(27, 27, 27)', `${id}: widget text colour`);
    assertEq(s.pTransform, 'none', `${id}: no inherited text-transform`);
    assertEq(s.pSpacing, 'normal', `${id}: no inherited letter-spacing`);
    assertEq(s.pAlign, 'start', `${id}: no inherited text-align`);
    assertEq(s.pIndent, '0px', `${id}: no inherited text-indent`);
    assertEq(s.pStyle, 'normal', `${id}: no inherited font-style`);
    assertEq(s.pWeight, '400', `${id}: no inherited font-weight`);
    assertEq(s.pVariant, 'normal', `${id}: no inherited font-variant`);
    assertEq(s.pShadow, 'none', `${id}: no inherited text-shadow`);
    assertEq(s.pWhite, 'normal', `${id}: no inherited white-space`);
    assertEq(s.pCursor, 'auto', `${id}: no inherited cursor`);
    assertEq(s.titleDisplay, 'block', `${id}: host h1{display:none} does not reach the title`);
    assertEq(s.btnBorder, '1px', `${id}: host button{all:unset} does not reach the controls`);
    assertEq(s.btnMinH, '44px', `${id}: controls keep their touch size`);
    assertEq(s.toolsGap, '8px', `${id}: toolbar spacing does not follow the host's root font size`);
    assertEq(s.imgBorder, '0px', `${id}: host img border does not reach inside`);
    assert(s.imgW > 100, `${id}: host img max-width does not reach inside (${s.imgW})`);
    assert(Math.abs(s.imgH - (s.imgW * 800) / 1200) < 2, `${id}: image keeps its aspect ratio (${s.imgW}x${s.imgH})`);
    assertEq(s.styleEls, 0, 'no <style> element added to the page');
    assertEq(s.docAdopted, 0, 'nothing adopted by the document');
    assertEq(s.docStyles, 1, 'the page has only its own stylesheet');
  }
  const title = await page.evaluate(() => document.getElementById('w1').shadowRoot.querySelector('.ar-title').textContent);
  assertEq(title, SEED_TITLE, 'title');

  // Widget CSS does not leak out: a host <p class="ar-body"> looks like any host <p>.
  const leak = await page.evaluate(() => {
    const pick = (el) => { const c = getComputedStyle(el); return [c.fontSize, c.marginBottom, c.color, c.fontFamily, c.lineHeight, c.display].join('|'); };
    const d = getComputedStyle(document.getElementById('outside-div'));
    return { p: pick(document.getElementById('outside-p')), control: pick(document.getElementById('control-p')), divPad: d.paddingTop, divBg: d.backgroundColor };
  });
  assertEq(leak.p, leak.control, 'host <p class="ar-body"> unaffected by the widget');
  assertEq(leak.divPad, '3px', 'host <div class="ar"> keeps the host padding');
  assertEq(leak.divBg, 'rgba(0, 0, 0, 0)', 'host <div class="ar"> gets no widget background');

  // The host's globals are untouched and only ArticleReader was added.
  const g = await page.evaluate(() => ({ wb: typeof wasm_bindgen, mount: typeof mount, wasm, Handle, ar: typeof ArticleReader }));
  assertEq(JSON.stringify(g), JSON.stringify({ wb: 'function', mount: 'function', wasm: 'host wasm', Handle: 'host Handle', ar: 'object' }), 'host globals intact');
  assertEq(page.problems.join('\n'), '', 'no page errors or console errors');
  await page.closeAll();
});

test('theming surface: custom properties and ::part() from the host stylesheet reach the documented places (under strict CSP)', async ({ browser }) => {
  const { withServer } = await import('./embed_util.mjs');
  await withServer({}, { csp: true }, async ({ base }) => {
    const page = await newPage(browser);
    await page.goto(`${base}/tests/pages/theming.html`);
    await waitState(page, '#w', 'article');
    const s = await page.evaluate(() => {
      const r = document.getElementById('w').shadowRoot;
      const cs = (sel) => getComputedStyle(r.querySelector(sel));
      return {
        link: cs('.ar-body a, .ar-sections a').color,
        body: cs('.ar-body p').fontFamily,
        head: cs('.ar-title').fontFamily,
        width: cs('.ar-article').maxWidth,
        bg: cs('.ar').backgroundColor,
        fg: cs('.ar-body p').color,
        radius: cs('.ar-figure img').borderTopLeftRadius,
        title: cs('.ar-title').color,
        titleSpacing: cs('.ar-title').letterSpacing,
        root: cs('.ar').borderTopColor + ' ' + cs('.ar').borderTopWidth,
        button: cs('.ar-btn').borderTopColor,
      };
    });
    assertEq(s.link, 'rgb(200, 0, 100)', '--ar-accent');
    assert(s.body.startsWith('Tinos'), `--ar-font-family: ${s.body}`);
    assert(s.head.startsWith('Arimo'), `--ar-heading-font: ${s.head}`);
    assertEq(s.width, '540px', '--ar-max-width (30em of the 18px article text)');
    assertEq(s.bg, 'rgb(250, 250, 240)', '--ar-bg');
    assertEq(s.fg, 'rgb(20, 30, 40)', '--ar-fg');
    assertEq(s.radius, '0px', '--ar-radius');
    assertEq(s.title, 'rgb(0, 90, 0)', '::part(title)');
    assertEq(s.titleSpacing, '1px', '::part(title) letter-spacing');
    assertEq(s.root, 'rgb(1, 2, 3) 3px', '::part(root)');
    assertEq(s.button, 'rgb(9, 9, 9)', '::part(button)');
    assertEq(page.problems.join('\n'), '', 'no errors, no CSP violation');
    await page.closeAll();
  });
});
