// The seed article: the demo page, and the same article in the four formats
// (tests/e2e/seed.test.mjs and input_formats.test.mjs, over WebDriver).
import { test, assert, assertEq, harness, probed } from '../lib.mjs';
import { seedFixture } from '../../e2e/corpora.mjs';

const FORMATS = ['native', 'wordpress', 'jsonld', 'jsonfeed'];
const TITLE = 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020';

/** What a reader sees of one widget, as plain data (as input_formats.test.mjs reads it). */
function readWidget(id) {
  const root = document.getElementById(id).shadowRoot;
  const text = (sel) => { const el = root.querySelector(sel); return el ? el.textContent.trim() : null; };
  const all = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.trim());
  const lead = root.querySelector('.ar-article > .ar-figure');
  const q = (el, sel) => (el && el.querySelector(sel) ? el.querySelector(sel).textContent.trim() : null);
  const time = root.querySelector('time.ar-date');
  return {
    state: window.__state(document.getElementById(id)),
    title: text('h1.ar-title'),
    lede: text('.ar-lede'),
    byline: text('.ar-author'),
    date: text('time.ar-date'),
    datetime: time ? time.getAttribute('datetime') : null,
    caption: q(lead, '.ar-caption'),
    credit: q(lead, '.ar-credit'),
    leadImage: lead && lead.querySelector('img') ? new URL(lead.querySelector('img').src).pathname : null,
    paragraphs: all('.ar-body p'),
    lang: root.querySelector('.ar-article') ? root.querySelector('.ar-article').getAttribute('lang') : null,
  };
}

test('demo page: title, byline, date, caption, credit, categories, lead photo loaded, no errors', async ({ s, open, routes, problems }) => {
  routes['/index.html'] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(probed('index.html'));
  await open('/index.html');
  await s.waitFor(() => {
    const i = document.querySelector('article-reader').shadowRoot.querySelector('.ar-figure img');
    return i && i.complete;
  }, { message: 'lead image complete' });
  const w = await s.execute(() => {
    const r = document.querySelector('article-reader').shadowRoot;
    const vis = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const nav = r.querySelector('nav.ar-sections');
    const img = r.querySelector('.ar-figure img');
    return {
      title: r.querySelector('h1').textContent, titleVisible: vis(r.querySelector('h1.ar-title')),
      author: [...r.querySelectorAll('.ar-author')].some((a) => a.textContent.includes('Mai Trâm') && vis(a)),
      date: r.querySelector('time.ar-date').textContent, datetime: r.querySelector('time.ar-date').getAttribute('datetime'),
      caption: r.querySelector('.ar-figure figcaption').textContent, captionVisible: vis(r.querySelector('.ar-figure figcaption')),
      credit: r.querySelector('.ar-credit').textContent,
      navHeading: nav && nav.querySelector('h2').textContent, navLinks: nav ? nav.querySelectorAll('a').length : 0,
      navVisible: vis(nav) && vis(nav.querySelector('a')),
      imgLoaded: img.naturalWidth > 0,
    };
  });
  assertEq(w.title, TITLE, 'title');
  assert(w.titleVisible, 'title visible');
  assert(w.author, 'byline "Mai Trâm" visible');
  assertEq(w.date, '19/12/2019 16:00', 'Vietnamese date and time');
  assertEq(w.datetime, '2019-12-19T16:00:00+07:00', 'machine-readable datetime');
  assert(w.captionVisible && w.caption.includes('Đồng chí Nguyễn Thanh Hà - Trưởng Ban Dân vận Tỉnh ủy kết luận'), `caption: ${w.caption}`);
  assertEq(w.credit, 'Ảnh: MT', 'credit');
  assertEq(w.navHeading, 'Chuyên mục khác', 'section heading');
  assert(w.navLinks >= 3 && w.navVisible, `category links (${w.navLinks})`);
  assert(w.imgLoaded, 'lead photo loaded from the local fixture');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('seed article in native, WordPress, JSON-LD and JSON Feed renders the same (inline and from src, feed #fragment)', async ({ s, open, serve, problems }) => {
  await open(serve(harness({ lang: 'vi' })), { widgets: 0 });
  await s.waitFor(() => window.ArticleReader, { message: 'embed loaded' });
  await s.execute((specs) => window.__mountInline(specs), [
    ...FORMATS.map((f) => ({ id: f, json: JSON.stringify(seedFixture(f)) })),
    ...FORMATS.map((f) => ({ id: `src-${f}`, attrs: { src: `/fixtures/seed/${f}.json` } })),
    { id: 'item-124', attrs: { src: '/fixtures/seed/jsonfeed.json#124' } },
    { id: 'forced', attrs: { src: '/fixtures/seed/wordpress.json', format: 'wordpress' } },
  ]);
  await s.waitFor(() => window.__done(), { message: 'all widgets done', timeout: 20_000 });
  const seen = {};
  for (const id of [...FORMATS, ...FORMATS.map((f) => `src-${f}`), 'item-124', 'forced']) seen[id] = await s.execute(readWidget, id);
  const ref = seen.native;
  assertEq(ref.state, 'article', 'native renders');
  assertEq(ref.title, TITLE, 'title');
  assert(ref.lede.startsWith('Chiều 19/12, Ban Dân vận Tỉnh ủy tổ chức Hội nghị trực tuyến'), `lede: ${ref.lede}`);
  assertEq(ref.byline, 'Mai Trâm', 'byline');
  assertEq(ref.date, '19/12/2019 16:00', 'date text');
  assertEq(ref.datetime, '2019-12-19T16:00:00+07:00', 'datetime attribute');
  assert(ref.caption.startsWith('Đồng chí Nguyễn Thanh Hà - Trưởng Ban Dân vận Tỉnh ủy kết luận'), `caption: ${ref.caption}`);
  assertEq(ref.credit, 'Ảnh: MT', 'credit');
  assertEq(ref.leadImage, '/fixtures/images/hoi-nghi-dan-van.jpg', 'lead image');
  assert(ref.paragraphs.length >= 4, `paragraphs: ${ref.paragraphs.length}`);
  for (const f of FORMATS.slice(1)) {
    const w = seen[f];
    assertEq(w.state, 'article', `${f} renders`);
    for (const k of ['title', 'lede', 'byline', 'date', 'datetime', 'caption', 'credit', 'leadImage', 'lang']) assertEq(w[k], ref[k], `${f}: ${k} as in native`);
    assertEq(JSON.stringify(w.paragraphs), JSON.stringify(ref.paragraphs), `${f}: paragraphs as in native`);
  }
  for (const id of [...FORMATS.map((f) => `src-${f}`), 'forced']) {
    assertEq(seen[id].title, TITLE, `${id}: title`);
    assertEq(seen[id].credit, 'Ảnh: MT', `${id}: credit`);
  }
  assertEq(seen['item-124'].title, 'Tỉnh đoàn ra quân Chiến dịch Xuân tình nguyện năm 2020', 'feed item named by the fragment');
  assertEq(seen['item-124'].byline, 'Hoàng Anh', 'its author');
  const loads = await s.execute(() => window.__events.filter((e) => e.type === 'load').length);
  assertEq(loads, 10, 'one article-reader:load per widget');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('a long body (3,000 paragraphs) renders completely and in order (the yielding path: scheduler.yield, or setTimeout in WebKit)', async ({ s, open, serve, problems }) => {
  const body = Array.from({ length: 3000 }, (_, i) => ({ type: 'paragraph', text: `Đoạn ${i + 1}: nội dung thử nghiệm cho một bài viết rất dài.` }));
  const json = JSON.stringify({ version: 1, lang: 'vi', title: 'Bài rất dài', body }).replaceAll('<', '\\u003c');
  await open(serve(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><script src="/tests/webdriver/probe.js"></script><title>long</title><link rel="icon" href="data:,"></head>
<body><article-reader><script type="application/json">${json}</script></article-reader><script src="/dist/embed.js" defer></script></body></html>`), { widgets: 0 });
  await s.waitFor(() => { const r = document.querySelector('article-reader').shadowRoot; return r && r.querySelectorAll('.ar-body p').length === 3000; }, { timeout: 30_000, message: 'all 3,000 paragraphs' });
  const last = await s.execute(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-body p')].pop().textContent);
  assertEq(last, 'Đoạn 3000: nội dung thử nghiệm cho một bài viết rất dài.', 'the last paragraph, in order');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});
