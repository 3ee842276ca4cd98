// Long native bodies are converted block by block as they render (src/ui/blocks.rs):
// the article a reader gets must be exactly the one converted in one piece.
// The same JSON with `version: 1` takes the block-by-block path (more than 48
// blocks); without `version` (still detected as native) it is converted whole.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, scriptProblems } from './corpora.mjs';

/** A native article of `n` blocks of every kind, relative image URLs among them. */
function longArticle(n, versioned) {
  const body = [];
  for (let i = 0; i < n; i++) {
    switch (i % 9) {
      case 0: body.push({ type: 'heading', level: 2 + (i % 2), text: `Mục ${i}` }); break;
      case 1: body.push({ type: 'image', src: `images/p${i}.jpg`, width: 600, height: 400, alt: `Ảnh ${i}`, caption: `Chú thích ${i}.`, credit: 'MT' }); break;
      case 2: body.push({ type: 'list', ordered: i % 2 === 0, items: [`mục ${i}a`, `mục ${i}b`] }); break;
      case 3: body.push({ type: 'quote', text: `Trích dẫn ${i}.`, cite: 'Nguồn' }); break;
      case 4: body.push(`Đoạn văn bản trần số ${i}, nói về công tác dân vận.`); break;
      case 5: body.push({ type: 'paragraph', text: '   ' }); break; // nothing to show
      case 6: body.push({ type: 'mystery', text: `Khối lạ ${i} vẫn là một đoạn.` }); break;
      default: body.push({ type: 'paragraph', text: `Đoạn ${i}: Chiều 19/12, Ban Dân vận Tỉnh ủy tổ chức Hội nghị trực tuyến tổng kết công tác dân vận.` });
    }
  }
  const a = { title: `Bài dài ${n} khối`, lang: 'vi', url: 'https://baotinh.example.vn/tin/bai-dai.html', authors: [{ name: 'Mai Trâm' }], body };
  return JSON.stringify(versioned ? { version: 1, ...a } : a);
}

const article = (page, id) => page.evaluate((id) => {
  const r = document.getElementById(id).shadowRoot;
  const art = r.querySelector('.ar-article');
  return art ? { html: art.innerHTML, busy: !!r.querySelector('.ar-body[aria-busy]'), reading: r.querySelector('.ar-reading')?.textContent } : null;
}, id);

test('long native body: converted block by block, the same article as converted whole (every block, URLs, reading time)', async ({ browser, base }) => {
  const page = await newPage(browser);
  await openHarness(page, base);
  for (const n of [49, 3000]) {
    await page.evaluate((specs) => window.__mountInline(specs), [
      { id: `lazy-${n}`, json: longArticle(n, true) },
      { id: `whole-${n}`, json: longArticle(n, false) },
    ]);
    await page.waitForFunction((n) => window.__done(`#lazy-${n}, #whole-${n}`), n, { timeout: 60_000, polling: 100 });
    // The photo viewer (lazy part) marks the photos focusable: compare once it is in both.
    await page.waitForFunction((n) => [`lazy-${n}`, `whole-${n}`].every((id) => document.getElementById(id).shadowRoot.querySelector('.ar-tools button')), n, { timeout: 10_000 });
    const [lazy, whole] = [await article(page, `lazy-${n}`), await article(page, `whole-${n}`)];
    assert(lazy && whole, `${n} blocks: both render`);
    assertEq(lazy.busy, false, `${n} blocks: done (no aria-busy)`);
    assertEq(lazy.reading, whole.reading, `${n} blocks: the exact reading time once the last block is in`);
    assert(lazy.html === whole.html, `${n} blocks: identical article DOM (${lazy.html.length} vs ${whole.html.length} characters)`);
    const counts = await page.evaluate((id) => {
      const b = document.getElementById(id).shadowRoot.querySelector('.ar-body');
      return { h: b.querySelectorAll('h2, h3').length, fig: b.querySelectorAll('figure').length, li: b.querySelectorAll('li').length, q: b.querySelectorAll('blockquote').length, p: b.querySelectorAll(':scope > p, :scope > .ar-chunk > p').length, img: b.querySelector('figure img')?.getAttribute('src'),
        direct: [...b.children].filter((c) => !c.classList.contains('ar-chunk')).length, chunks: [...b.querySelectorAll(':scope > .ar-chunk')].map((c) => c.children.length),
        nested: b.querySelectorAll('.ar-chunk .ar-chunk').length, skip: getComputedStyle(b.querySelector('.ar-chunk') ?? b).contentVisibility };
    }, `lazy-${n}`);
    const per = (k) => Math.floor(n / 9) + (n % 9 > k ? 1 : 0);
    assertEq(JSON.stringify([counts.h, counts.fig, counts.li, counts.q]), JSON.stringify([per(0), per(1), per(2) * 2, per(3)]), `${n} blocks: every heading, figure, list item and quote`);
    assertEq(counts.p, per(4) + per(6) + per(7) + per(8), `${n} blocks: every paragraph, the empty one left out`);
    assertEq(counts.img, 'https://baotinh.example.vn/tin/images/p1.jpg', `${n} blocks: image URLs resolved against the article`);
    // A long body (over 200 blocks, src/ui/body.rs): the first screenful as blocks, the rest in
    // chunks of 64 that the browser skips while off screen (one skippable element per block made
    // Chromium's own visibility bookkeeping the long task); a short body has no chunks.
    if (n > 200) {
      assertEq(counts.direct, 24, `${n} blocks: the first screenful is not chunked`);
      assert(counts.chunks.length > 1 && counts.chunks.slice(0, -1).every((c) => c === 64), `${n} blocks: chunks of 64 blocks (${counts.chunks.join(',')})`);
      assert(counts.chunks.at(-1) >= 1 && counts.chunks.at(-1) <= 64, `${n} blocks: the last chunk is not empty`);
      assertEq(counts.nested, 0, `${n} blocks: chunks are not nested`);
      assertEq(counts.skip, 'auto', `${n} blocks: chunks have content-visibility: auto`);
    } else {
      assertEq(counts.chunks.length, 0, `${n} blocks: a short body has no chunks`);
    }
  }
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
}, { timeout: 120_000 });

test('long native body: an unmount or a new article while blocks are still converting stops cleanly', async ({ browser, base }) => {
  const page = await newPage(browser);
  await openHarness(page, base);
  const big = longArticle(20000, true);
  await page.evaluate((json) => window.__mountInline([{ id: 'gone', json }, { id: 'swap', json }]), big);
  await page.waitForFunction(() => ['gone', 'swap'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.ar-body[aria-busy]')), null, { timeout: 30_000, polling: 20 });
  await page.evaluate(() => {
    window.ArticleReader.unmount(document.getElementById('gone'));
    document.getElementById('gone').remove();
    window.ArticleReader.mount(document.getElementById('swap')).setConfig({ data: JSON.stringify({ version: 1, title: 'Bài khác', body: ['Một đoạn.'] }) });
  });
  await page.waitForFunction(() => document.getElementById('swap').shadowRoot.querySelector('h1.ar-title')?.textContent === 'Bài khác', null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const after = await page.evaluate(() => [...document.getElementById('swap').shadowRoot.querySelectorAll('.ar-body > *')].map((e) => e.textContent));
  assertEq(JSON.stringify(after), JSON.stringify(['Một đoạn.']), 'the new article only: no block of the old one is added after it');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
}, { timeout: 60_000 });
