// Issue 5, point 1: typography. One font per text element (full Vietnamese
// coverage, no glyph-by-glyph fallback), measure, line height, no clipping of
// stacked diacritics at any step, hierarchy, images with their size reserved
// before they load, captions tied to their images.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, KEY_STEP, STRESS_ARTICLE } from './reader_util.mjs';

const TEXT = ['.ar-kicker', '.ar-title', '.ar-lede', '.ar-author', '.ar-date', '.ar-reading', '.ar-body p', '.ar-caption', '.ar-credit',
  '.ar-tags li', '.ar-sections h2', '.ar-sections a', '.ar-rel-title', '.ar-related time', '[part~="font-smaller"]', '.ar-aa span[aria-hidden]'];

test('fonts: every text element renders in a single installed font (no per-glyph fallback for Vietnamese)', async ({ browser, base }) => {
  const page = await readerPage(browser, base);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const report = [];
  for (const sel of TEXT) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('article-reader').shadowRoot.querySelector(${JSON.stringify(sel)})` });
    assert(result.objectId, `${sel} exists`);
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    report.push(`${sel}: ${fonts.map((f) => `${f.familyName} (${f.glyphCount})`).join(' + ')}`);
    assertEq(new Set(fonts.map((f) => f.familyName)).size, 1, `${sel} uses one font family: ${fonts.map((f) => `${f.familyName}×${f.glyphCount}`).join(', ')}`);
  }
  if (process.env.FONTS_VERBOSE) console.log(report.map((l) => `      ${l}`).join('\n'));
  await page.closeAll();
});

test('measure 60–75 characters, line height 1.6, headings ≥ 1.3, clear size hierarchy, overflow-wrap', async ({ browser, base }) => {
  const page = await readerPage(browser, base);
  const m = await inShadow(page, (r) => {
    const ps = [...r.querySelectorAll('.ar-body p')];
    const p = ps.sort((a, b) => b.textContent.length - a.textContent.length)[0];
    const cs = getComputedStyle(p);
    const lh = parseFloat(cs.lineHeight);
    const lines = Math.round(p.getBoundingClientRect().height / lh);
    const size = (sel) => parseFloat(getComputedStyle(r.querySelector(sel)).fontSize);
    const lhr = (sel) => { const c = getComputedStyle(r.querySelector(sel)); return parseFloat(c.lineHeight) / parseFloat(c.fontSize); };
    return {
      cpl: p.textContent.length / lines, lh: lh / parseFloat(cs.fontSize), lines,
      title: size('.ar-title'), lede: size('.ar-lede'), body: size('.ar-body p'), meta: size('.ar-date'), caption: size('.ar-caption'), h2: size('.ar-sections h2'),
      titleLh: lhr('.ar-title'), h2Lh: lhr('.ar-h2'), ledeLh: lhr('.ar-lede'),
      wrap: getComputedStyle(r.querySelector('.ar')).overflowWrap,
      kicker: getComputedStyle(r.querySelector('.ar-kicker')).color, link: getComputedStyle(r.querySelector('.ar-sections a')).color,
    };
  });
  assert(m.cpl >= 60 && m.cpl <= 75, `characters per line ${m.cpl.toFixed(1)} (${m.lines} lines)`);
  assertEq(Math.round(m.lh * 100) / 100, 1.6, 'body line height');
  assert(m.titleLh >= 1.3 && m.h2Lh >= 1.3 && m.ledeLh >= 1.5, `heading line heights leave room for stacked marks (${m.titleLh}, ${m.h2Lh}, ${m.ledeLh})`);
  assert(m.title > m.lede && m.lede > m.body && m.body > m.meta && m.body > m.caption, `size hierarchy title ${m.title} > lede ${m.lede} > body ${m.body} > meta ${m.meta} / caption ${m.caption}`);
  assert(m.kicker !== m.link, 'kicker has its own colour');
  assertEq(m.wrap, 'break-word', 'long words and URLs wrap');
  await page.closeAll();
});

test('no clipped diacritics at any step: no text element clips (overflow) or overflows its own box, 75 %–250 %', async ({ browser, base }) => {
  const article = { ...STRESS_ARTICLE, title: 'Ỷ Ẩn Ễ Ặ Ỗ Ở Ữ Ự — Nghiệp vụ kiểm định Tổ chức Ủy ban quyết định' };
  for (const step of [0, 2, 5, 10]) {
    const init = [([k, s]) => { try { localStorage.setItem(k, s); } catch {} }, [KEY_STEP, String(step)]];
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const page = await readerPage(browser, base, { body: inlineWidget(article), init, viewport });
      const bad = await inShadow(page, (r) => {
        const out = [];
        for (const el of r.querySelectorAll('.ar *')) {
          if (el.closest('.ar-sr, .ar-table, pre, select, option') || !el.textContent.trim()) continue;
          const cs = getComputedStyle(el);
          if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push(`${el.className || el.tagName}: overflow ${cs.overflow}`);
          if (el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0 && cs.display !== 'inline') out.push(`${el.className || el.tagName}: content taller than its box`);
          if (/^-webkit-box$/.test(cs.display) || cs.webkitLineClamp !== 'none') out.push(`${el.className}: line clamp`);
        }
        return out;
      });
      assertEq(bad.join('; '), '', `step ${step} at ${viewport.width}px`);
      await page.closeAll();
    }
  }
});

test('images: intrinsic size reserved before load, responsive, caption directly under its image; related thumbnails lazy', async ({ browser, base }) => {
  const page = await readerPage(browser, base, {
    viewport: { width: 390, height: 844 },
    routes: [['**/fixtures/images/**', () => {}]], // images never arrive
  });
  const f = await inShadow(page, (r) => {
    const fig = r.querySelector('.ar-figure');
    const img = fig.querySelector('img');
    const cap = fig.querySelector('figcaption');
    const ib = img.getBoundingClientRect();
    const cb = cap.getBoundingClientRect();
    const thumbs = [...r.querySelectorAll('.ar-thumb')];
    return {
      w: ib.width, h: ib.height, loaded: img.complete && img.naturalWidth > 0, attrs: [img.getAttribute('width'), img.getAttribute('height')],
      gap: cb.top - ib.bottom, capInFigure: cap.parentElement === fig && img.nextElementSibling === cap,
      article: r.querySelector('.ar-article').getBoundingClientRect().width,
      thumbs: thumbs.map((t) => [t.getAttribute('loading'), t.getAttribute('width'), t.getAttribute('height')].join(' ')),
    };
  });
  assertEq(f.loaded, false, 'image not loaded (held back)');
  assertEq(f.attrs.join('x'), '1200x800', 'width/height attributes');
  assert(Math.abs(f.w - f.article) < 1, `full column width (${f.w} of ${f.article})`);
  assert(Math.abs(f.h - (f.w * 800) / 1200) < 1, `3:2 box reserved before load (${f.w}×${f.h})`);
  assert(f.capInFigure && f.gap >= 0 && f.gap <= 12, `caption right under the image (gap ${f.gap}px)`);
  assert(f.thumbs.length === 3 && f.thumbs.every((t) => t === 'lazy 96 64'), `thumbnails lazy with their size (${f.thumbs})`);
  await page.closeAll();
});
