// Issue 3, point 3: bad article JSON. Each case either ends in a clear
// localized message with `article-reader:error` {kind} or renders what is
// usable (graceful fallback, `article-reader:load`, no error event); never a
// page error, never a blank box, and a good widget on the same page renders.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, seedFixture, scriptProblems } from './corpora.mjs';

const FORMAT = 'The article data is not in a supported format.';
const EMPTY = 'This article has nothing to show.';
const SEED_TITLE = 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020';
const A = '/fixtures/images/hoi-nghi-dan-van.jpg';
const B = '/fixtures/images/diem-cau.jpg';

/** Cases that end in an error: id -> [raw JSON text, kind, message]. */
const ERRORS = {
  array: ['[]', 'format', FORMAT],
  string: ['"an article"', 'format', FORMAT],
  number: ['42', 'format', FORMAT],
  boolean: ['true', 'format', FORMAT],
  null: ['null', 'format', FORMAT],
  emptyObject: ['{}', 'format', FORMAT],
  unknownObject: ['{"foo": 1, "bar": [2]}', 'format', FORMAT],
  arrayOfNumbers: ['[1, 2, 3]', 'format', FORMAT],
  nullsNative: [JSON.stringify({ version: 1, id: null, url: null, lang: null, dir: null, site_name: null, section: null, title: null, lede: null,
    authors: null, published: null, updated: null, image: null, body: null, categories: null, related: null, tags: null }), 'empty', EMPTY],
  nullsWordPress: [JSON.stringify({ id: null, date: null, date_gmt: null, link: null, title: { rendered: null }, excerpt: { rendered: null },
    content: { rendered: null }, _embedded: null }), 'format', FORMAT],
  nullsJsonLd: [JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: null, description: null, articleBody: null,
    author: null, datePublished: null, image: null }), 'empty', EMPTY],
  nullsJsonFeed: [JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: null, items: [{ id: null, title: null, content_html: null }] }), 'empty', EMPTY],
  emptyStrings: [JSON.stringify({ version: 1, title: '', lede: '   ', body: '' }), 'empty', EMPTY],
  // (An <iframe> is not in this list: it becomes a labelled link to its host, see docs/formats.md.)
  bodyOnlyScripts: [JSON.stringify({ version: 1, body: '<script>alert(1)</script><style>p{}</style><object data="x"></object>' }), 'empty', EMPTY],
  // 10,000 nested arrays in an unknown field: refused while reading (the wasm
  // stack is bounded), with a clear message instead of a crash.
  nestedJson: [`{"version":1,"title":"T","body":"<p>x</p>","extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'format', FORMAT],
};

/** Cases that render: id -> article object. Checked one by one below. */
const GRACEFUL = {
  missingTitle: { version: 1, lede: 'Lede only.', authors: ['Ann'], body: '<p>Body text.</p>' },
  nullsButBody: { version: 1, id: null, url: null, lang: null, dir: null, site_name: null, section: null, title: null, lede: null,
    authors: null, published: null, updated: null, image: null, body: '<p>Body text.</p>', categories: null, related: null, tags: null },
  nullsInside: { version: 1, title: 'Nulls inside', authors: [null, { name: null }, 'Ann'], image: { src: null, caption: null },
    categories: [null, { name: null, url: null }], tags: [null, 'tag'], body: [null, { type: 'paragraph', text: null }, 'Body text.', { type: null }] },
  wrongTypes: { version: 1, title: 'Wrong types', lede: ['not', 'text'], authors: 'Ann', published: true, image: 5, body: '<p>Body text.</p>',
    categories: 'Cat', tags: { a: 1 }, related: 'x' },
  wordpressNoTitle: { title: { rendered: '' }, content: { rendered: '<p>Body text.</p>' }, date: '0000-00-00T00:00:00', date_gmt: '0000-00-00T00:00:00' },
  emptyBody: { version: 1, title: 'Only a title', lede: 'And a lede.', body: '' },
  emptyBlocks: { version: 1, title: 'Only a title', body: [] },
  invalidDates: { version: 1, title: 'Invalid dates', published: 'not a date', updated: '2019-13-45T25:61:00Z', body: '<p>Body text.</p>' },
  invalidDates2: { version: 1, title: 'Invalid dates', published: '2019-02-30T10:00:00+07:00', updated: 12345, body: '<p>Body text.</p>' },
  invalidDatesWp: { title: { rendered: 'Invalid dates' }, content: { rendered: '<p>Body text.</p>' }, date: '0000-00-00T00:00:00', date_gmt: 'soon', modified: '' },
  invalidDatesLd: { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Invalid dates', articleBody: 'Body text.', datePublished: '31/12/2019', dateModified: 'yesterday' },
  invalidUrls: {
    version: 1, title: 'Invalid URLs', url: 'javascript:alert(1)', image: { src: 'javascript:alert(1)', caption: 'Bad lead' },
    authors: [{ name: 'Ann', url: 'vbscript:msgbox(1)' }, { name: 'Bob', url: 'http://' }], section: { name: 'Sec', url: 'http://[::1' },
    categories: [{ name: 'Cat', url: 'ftp://example.com/x' }, { name: 'Cat2', url: 'https://exa mple.com/' }],
    related: [{ title: 'Rel', url: 'javascript:x' }, { title: 'Rel2', url: 'data:text/html,x' }],
    body: '<p><a href="javascript:alert(1)">js link</a> <a href="http://exa mple.com/">bad host</a> <a href="data:text/html,x">data link</a> ' +
      '<a href="https://ok.example/">good link</a></p><img src="data:image/png;base64,iVBORw0KGgo="><img src="javascript:alert(1)">' +
      '<img src="http://[bad/x.jpg"><img src="mailto:a@b.c"><p>end</p>',
  },
  duplicatedImages: {
    version: 1, url: 'https://news.example/a.html', title: 'Duplicated images', image: { src: A, caption: 'Lead caption. Ảnh: MT' },
    body: `<p>one</p><img src="${A}"><img src="${A}#x"><img src="${A}?w=300"><p>two</p><img src="/placeholder.gif" data-src="${B}">` +
      `<noscript><img src="${B}"></noscript><figure><img src="${B}"></figure><p>three</p><img src="http:${'//news.example'}${B}"><img src="https://news.example${B}">`,
  },
  duplicatedBlocks: { version: 1, title: 'Duplicated blocks', image: { src: A }, body: [{ type: 'image', src: A }, { type: 'paragraph', text: 'p' },
    { type: 'image', src: B }, { type: 'image', src: B }] },
};

function look(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot;
    const q = (s) => root.querySelector(s);
    const art = q('.ar-article');
    return {
      state: window.__state(host),
      message: q('.ar-error-msg')?.textContent ?? null,
      retry: !!q('.ar-retry'),
      title: q('h1.ar-title')?.textContent ?? null,
      lede: q('.ar-lede')?.textContent ?? null,
      authors: q('.ar-author')?.textContent ?? null,
      authorLinks: [...root.querySelectorAll('.ar-author a')].map((a) => a.getAttribute('href')),
      times: root.querySelectorAll('time').length,
      body: q('.ar-body')?.textContent ?? null,
      paragraphs: [...root.querySelectorAll('.ar-body p')].map((p) => p.textContent),
      hrefs: [...root.querySelectorAll('.ar-article a[href]')].map((a) => a.getAttribute('href')),
      imgs: [...root.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      captions: [...root.querySelectorAll('figcaption')].map((f) => f.textContent),
      kicker: q('.ar-kicker')?.outerHTML ?? null,
      text: art ? art.textContent : '',
      errors: window.__events.filter((e) => e.type === 'error' && e.id === id).map((e) => e.detail),
      loads: window.__events.filter((e) => e.type === 'load' && e.id === id).length,
    };
  }, id);
}

test('bad article JSON: wrong shapes and types, nulls, empty, 10,000-deep JSON -> clear message + error event', async ({ browser, base }) => {
  const page = await newPage(browser);
  await openHarness(page, base);
  await page.evaluate(([errs, seed]) => window.__mountInline([
    ...Object.entries(errs).map(([id, [json]]) => ({ id, json })),
    { id: 'good', json: seed },
  ]), [ERRORS, JSON.stringify(seedFixture('native'))]);
  await page.waitForFunction(() => window.__done());
  for (const [id, [, kind, message]] of Object.entries(ERRORS)) {
    const w = await look(page, id);
    assertEq(w.state, 'error', `${id}: error view`);
    assertEq(w.message, message, `${id}: message`);
    assertEq(w.retry, false, `${id}: no Retry (not transient)`);
    assertEq(w.errors.length, 1, `${id}: one error event`);
    assertEq(w.errors[0].kind, kind, `${id}: kind`);
    assertEq(w.errors[0].status, null, `${id}: status`);
  }
  assertEq((await look(page, 'good')).title, SEED_TITLE, 'the good widget renders');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
});

test('usable input renders: missing title, nulls, wrong types, empty body, invalid dates and URLs, duplicated images', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base);
  await page.evaluate(([cases, seed]) => window.__mountInline([
    ...Object.entries(cases).map(([id, a]) => ({ id, json: JSON.stringify(a) })),
    { id: 'good', json: seed },
  ]), [GRACEFUL, JSON.stringify(seedFixture('native'))]);
  await page.waitForFunction(() => window.__done());
  const w = {};
  for (const id of [...Object.keys(GRACEFUL), 'good']) {
    w[id] = await look(page, id);
    assertEq(w[id].state, 'article', `${id}: renders`);
    assertEq(w[id].errors.length, 0, `${id}: no error event`);
    assertEq(w[id].loads, 1, `${id}: one load event`);
    assert(w[id].text.trim().length > 0, `${id}: not blank`);
  }
  // Missing title: localized fallback title, the rest renders.
  assertEq(w.missingTitle.title, 'Untitled article', 'missing title: fallback title');
  assertEq(w.missingTitle.lede, 'Lede only.', 'missing title: lede');
  assertEq(w.missingTitle.authors, 'Ann', 'missing title: byline');
  assertEq(w.missingTitle.body, 'Body text.', 'missing title: body');
  assertEq(w.nullsButBody.title, 'Untitled article', 'nulls: fallback title');
  assertEq(w.nullsButBody.body, 'Body text.', 'nulls: body');
  assertEq(w.nullsInside.authors, 'Ann', 'null authors skipped');
  assertEq(JSON.stringify(w.nullsInside.paragraphs), '["Body text."]', 'null blocks skipped');
  assertEq(w.nullsInside.imgs.length, 0, 'image without src dropped');
  assertEq(w.wrongTypes.title, 'Wrong types', 'wrong types: title');
  assertEq(w.wrongTypes.lede, null, 'a lede that is not text reads as absent');
  assertEq(w.wrongTypes.times, 0, 'a date that is not text reads as absent');
  assertEq(w.wrongTypes.body, 'Body text.', 'wrong types: body');
  assertEq(w.wordpressNoTitle.title, 'Untitled article', 'WordPress without title');
  assertEq(w.wordpressNoTitle.times, 0, 'WordPress zero date omitted');
  // Empty body: title (and lede) still shown, no error.
  assertEq(w.emptyBody.title, 'Only a title', 'empty body: title');
  assertEq(w.emptyBody.lede, 'And a lede.', 'empty body: lede');
  assertEq(w.emptyBody.body, '', 'empty body: empty');
  assertEq(w.emptyBlocks.title, 'Only a title', 'empty block list: title');
  // Invalid dates: omitted, rest renders.
  for (const id of ['invalidDates', 'invalidDates2', 'invalidDatesWp', 'invalidDatesLd']) {
    assertEq(w[id].times, 0, `${id}: no date shown`);
    assertEq(w[id].title, 'Invalid dates', `${id}: title`);
    assert(w[id].body.includes('Body text.'), `${id}: body`);
  }
  // Invalid URLs: dropped; the text they were on stays.
  const u = w.invalidUrls;
  assertEq(JSON.stringify(u.hrefs.filter((h) => !h.startsWith('/') && !h.startsWith('https://ok.example'))), '[]', `only valid links (${u.hrefs})`);
  assert(u.hrefs.includes('https://ok.example/'), 'the good link stays');
  for (const t of ['js link', 'bad host', 'data link', 'good link', 'end']) assert(u.body.includes(t), `link text "${t}" kept`);
  assertEq(u.imgs.length, 0, `no image with an invalid source (${u.imgs})`);
  assertEq(u.captions.length, 0, 'no lead with an invalid source');
  assertEq(u.authors, 'Ann, Bob', 'authors kept without their invalid links');
  assertEq(u.authorLinks.length, 0, 'no author link');
  assert(u.kicker.startsWith('<span'), 'section without its invalid link');
  assert(!u.text.includes('Rel'), 'related articles with invalid URLs dropped');
  // Repeated images stay where the author put them (the one duplicate dropped is the
  // lead's own copy: the lead is not shown again, its caption goes to the body copy);
  // a lazy image's <noscript> fallback is the same image, not a repeat.
  const d = w.duplicatedImages;
  const paths = d.imgs.map((s) => new URL(s).pathname);
  assertEq(paths.filter((p) => p === A).length, 3, `the lead's picture, as the body has it three times (${d.imgs})`);
  assertEq(paths.filter((p) => p === B).length, 4, `the body picture, four times as written, its noscript fallback not again (${d.imgs})`);
  assertEq(d.captions.join(' | '), 'Lead caption.Photo: MT', 'the lead caption moves with the picture');
  const db = w.duplicatedBlocks;
  assertEq(db.imgs.join(' '), `${A} ${B} ${B}`, 'native blocks: the lead not repeated above its copy; repeats kept');
  assertEq(w.good.title, SEED_TITLE, 'the good widget renders');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  await page.closeAll();
});
