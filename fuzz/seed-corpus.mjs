// Builds the seed corpora of the fuzz targets in fuzz/corpus/<target>/ (gitignored)
// from the repo's fixtures and ../shared/corpora (read-only, never copied into git).
// Usage: node fuzz/seed-corpus.mjs   (idempotent: seeds are named by their SHA-1,
// and inputs libFuzzer added to the folders are kept)
//   pipeline  <format byte> + article JSON: the four seed formats, the real
//             WordPress and JSON-LD documents, the Readability pages, the
//             html5lib inputs and the DOMPurify vectors as HTML bodies
//   url       "base\nhref": every href/src/srcset of those pages and documents
//   caption   figure captions of the Readability pages and WordPress posts
//   text      <option byte> + every short string value of the JSON documents
//             (dates, titles, ledes with entities, languages)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const corpora = process.env.ARTICLE_READER_CORPORA ?? join(root, '../shared/corpora');
const MAX_SEED = 64 * 1024; // bigger seeds only slow libFuzzer down (-max_len)

const seeds = { pipeline: new Map(), url: new Map(), caption: new Map(), text: new Map() };
function add(target, data) {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (buf.length === 0 || buf.length > MAX_SEED) return;
  seeds[target].set(createHash('sha1').update(buf).digest('hex'), buf);
}
const article = (sel, obj) => add('pipeline', Buffer.concat([Buffer.from([sel]), Buffer.from(JSON.stringify(obj))]));
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const files = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);

function urlsOf(text) {
  const out = [];
  for (const m of text.matchAll(/\b(?:href|src|srcset|data-src)\s*=\s*"([^"]*)"/g)) out.push(m[1]);
  for (const m of text.matchAll(/"(?:url|src|link|source_url|contentUrl|@id|image)"\s*:\s*"([^"]*)"/g)) out.push(m[1]);
  return out;
}
const BASES = ['https://portal.example.vn/chinh-tri/bai-123.html', 'http://example.com/a/b/c?x=1#f', ''];
function addUrls(text) {
  urlsOf(text).forEach((u, i) => {
    const base = BASES[i % BASES.length];
    add('url', base ? `${base}\n${u.replaceAll('&amp;', '&')}` : u.replaceAll('&amp;', '&'));
  });
}
/** Short string values of a JSON document, for the text target. */
function addStrings(json) {
  let n = 0;
  (function walk(v) {
    if (typeof v === 'string') { if (v.length <= 512) add('text', Buffer.concat([Buffer.from([n++ % 9]), Buffer.from(v)])); }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  })(json);
}
const stripTags = (h) => h.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

// The seed article in its four formats, with each format byte (0 = detect).
for (const [i, f] of ['native', 'wordpress', 'jsonld', 'jsonfeed'].entries()) {
  const text = readFileSync(join(root, `fixtures/seed/${f}.json`), 'utf8');
  add('pipeline', Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
  add('pipeline', Buffer.concat([Buffer.from([i + 1 + 5]), Buffer.from(text)]));
  addUrls(text);
  const seed = JSON.parse(text);
  addStrings(seed);
  for (const c of [seed.image?.caption, ...(Array.isArray(seed.body) ? seed.body.map((b) => b.caption) : [])]) if (c) add('caption', c);
}
for (const p of files(join(corpora, 'wp-real'), '.json').filter((p) => !p.endsWith('index.json'))) {
  const text = readFileSync(p, 'utf8');
  add('pipeline', Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
  addUrls(text);
  const post = JSON.parse(text);
  addStrings(post);
  const media = post?._embedded?.['wp:featuredmedia']?.[0];
  if (media?.caption?.rendered) add('caption', stripTags(media.caption.rendered));
}
for (const p of files(join(corpora, 'jsonld-real'), '.json').filter((p) => !p.endsWith('index.json'))) {
  const text = readFileSync(p, 'utf8');
  add('pipeline', Buffer.concat([Buffer.from([3]), Buffer.from(text)]));
  addUrls(text);
  addStrings(JSON.parse(text));
}
// Readability pages: the cleaned HTML as the body of a native article.
const readability = join(corpora, 'readability');
for (const page of existsSync(readability) ? readdirSync(readability).sort() : []) {
  const html = join(readability, page, 'expected.html');
  if (!existsSync(html)) continue;
  const body = readFileSync(html, 'utf8');
  const meta = existsSync(join(readability, page, 'expected-metadata.json')) ? readJson(join(readability, page, 'expected-metadata.json')) : {};
  article(1, { version: 1, url: `https://example.com/${page}/`, title: meta.title ?? page, lang: meta.lang, dir: meta.dir, body });
  addUrls(body);
  for (const m of body.matchAll(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/g)) add('caption', stripTags(m[1]));
}
// Edge-case HTML and XSS vectors as bodies (native and WordPress shapes).
const html5lib = join(corpora, 'html5lib/inputs.json');
if (existsSync(html5lib)) {
  for (const t of readJson(html5lib).inputs) article(1, { version: 1, title: 'html5lib', body: t.data });
}
const xss = join(corpora, 'xss/dompurify-vectors.json');
if (existsSync(xss)) {
  readJson(xss).forEach((v, i) => {
    article(i % 2 ? 2 : 1, i % 2 ? { id: i, title: { rendered: 'x' }, content: { rendered: v.payload } } : { version: 1, title: 'xss', body: v.payload });
    addUrls(v.payload);
  });
}
// A few captions the unit tests name, so the credit labels are all seen.
for (const c of ['Quang cảnh hội nghị. Ảnh: MT', '(Ảnh: TTXVN)', 'Photo by Jane Doe', 'Nguồn: Internet', 'Caption\nẢnh minh họa', 'Đồ họa: Thanh Hà']) add('caption', c);

for (const [target, map] of Object.entries(seeds)) {
  const dir = join(here, 'corpus', target);
  mkdirSync(dir, { recursive: true });
  for (const [name, buf] of map) writeFileSync(join(dir, name), buf);
  console.log(`fuzz/corpus/${target}: ${map.size} seeds`);
}
