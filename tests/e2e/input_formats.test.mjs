// Issue 3, point 1: the seed article written in each of the four formats
// renders the same title, lede, byline, date, figure caption and credit, and
// paragraphs in the real widget.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, seedFixture, scriptProblems } from './corpora.mjs';

const FORMATS = ['native', 'wordpress', 'jsonld', 'jsonfeed'];

/** What a reader sees of one widget, as plain data. */
function readWidget(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const text = (sel) => { const el = root.querySelector(sel); return el ? el.textContent.trim() : null; };
    const all = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.trim());
    const lead = root.querySelector('.ar-article > .ar-figure');
    return {
      state: window.__state(document.getElementById(id)),
      title: text('h1.ar-title'),
      lede: text('.ar-lede'),
      byline: text('.ar-author'),
      date: text('time.ar-date'),
      datetime: root.querySelector('time.ar-date')?.getAttribute('datetime') ?? null,
      caption: lead && lead.querySelector('.ar-caption')?.textContent.trim(),
      credit: lead && lead.querySelector('.ar-credit')?.textContent.trim(),
      leadImage: lead && new URL(lead.querySelector('img').src).pathname,
      paragraphs: all('.ar-body p'),
      lang: root.querySelector('.ar-article')?.getAttribute('lang'),
    };
  }, id);
}

test('seed article in native, WordPress, JSON-LD and JSON Feed renders the same', async ({ browser, base }) => {
  const page = await newPage(browser);
  // The fixtures point at https://baotinh.example.vn: keep the run offline.
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base, { lang: 'vi' });
  await page.evaluate((specs) => window.__mountInline(specs), FORMATS.map((f) => ({ id: f, json: JSON.stringify(seedFixture(f)) })));
  await page.waitForFunction(() => window.__done());
  const seen = {};
  for (const f of FORMATS) seen[f] = await readWidget(page, f);
  const ref = seen.native;
  assertEq(ref.state, 'article', 'native renders');
  assertEq(ref.title, 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020', 'title');
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
    for (const k of ['title', 'lede', 'byline', 'date', 'datetime', 'caption', 'credit', 'leadImage', 'lang']) {
      assertEq(w[k], ref[k], `${f}: ${k} as in native`);
    }
    assertEq(JSON.stringify(w.paragraphs), JSON.stringify(ref.paragraphs), `${f}: paragraphs as in native`);
  }
  const loads = await page.evaluate(() => window.__events.filter((e) => e.type === 'load').map((e) => e.id).sort());
  assertEq(loads.join(','), [...FORMATS].sort().join(','), 'one article-reader:load per widget');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
});

test('format detection is automatic from src too, and a JSON Feed #fragment picks the item', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base, { lang: 'vi' });
  await page.evaluate(() => window.__mountInline([
    ...['native', 'wordpress', 'jsonld', 'jsonfeed'].map((f) => ({ id: `src-${f}`, attrs: { src: `/fixtures/seed/${f}.json` } })),
    { id: 'item-124', attrs: { src: '/fixtures/seed/jsonfeed.json#124' } },
    { id: 'forced', attrs: { src: '/fixtures/seed/wordpress.json', format: 'wordpress' } },
  ]));
  await page.waitForFunction(() => window.__done());
  for (const f of ['native', 'wordpress', 'jsonld', 'jsonfeed', 'forced']) {
    const w = await readWidget(page, f === 'forced' ? f : `src-${f}`);
    assertEq(w.title, 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020', `${f} from src: title`);
    assertEq(w.credit, 'Ảnh: MT', `${f} from src: credit`);
  }
  const item = await readWidget(page, 'item-124');
  assertEq(item.title, 'Tỉnh đoàn ra quân Chiến dịch Xuân tình nguyện năm 2020', 'feed item named by the fragment');
  assertEq(item.byline, 'Hoàng Anh', 'its author');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
});
