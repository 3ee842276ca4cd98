// Privacy: rendering an article makes no request other than the article JSON,
// the widget's own files (dist/) and the article's images, and every image the
// widget shows carries the documented `referrerpolicy`. Each test records every
// request of the page (Chromium, all resource types), lets lazy images load
// (scrolled to the end), uses the reader's controls, and prints the list.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEq, newPage, waitForWidgets } from './lib.mjs';
import { ROOT, DIST, withServer } from './embed_util.mjs';

const IMAGE = /\.(jpe?g|png|webp|gif|avif|svg)([?#]|$)/i;

/** The referrerpolicy the docs give for article images: the first `referrerpolicy="…"`
 *  of the README (admin guide), else of docs/package.md (its privacy section). */
function documentedReferrerPolicy() {
  for (const d of [join(ROOT, 'README.md'), join(ROOT, 'docs/package.md')]) {
    const m = /referrerpolicy="([a-z-]+)"/.exec(readFileSync(d, 'utf8'));
    if (m) return m[1];
  }
  return null;
}

/** Every image URL an article JSON names (any `src`, `srcset`, `image`, or image-like string, at any depth), resolved. */
function articleImages(json, jsonUrl) {
  const base = new URL(typeof json.url === 'string' ? json.url : jsonUrl, jsonUrl);
  const out = new Set();
  const add = (u) => { try { out.add(new URL(u.trim(), base).href); } catch { /* not a URL */ } };
  (function walk(v, key) {
    if (typeof v === 'string') {
      if (key === 'srcset') v.split(',').forEach((c) => add(c.trim().split(/\s+/)[0]));
      else if (key === 'src' || key === 'image' || key === 'source_url' || IMAGE.test(v)) add(v);
      for (const m of v.matchAll(/\b(?:src|data-src)\s*=\s*"([^"]+)"/g)) add(m[1]); // HTML bodies
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  })(json);
  return out;
}

/** Records every request the page makes: [{ url, type }]. */
function record(page) {
  const list = [];
  page.on('request', (r) => list.push({ url: r.url(), type: r.resourceType() }));
  return list;
}

/** Loads `path`, waits for `count` widgets, scrolls to the end (lazy images), uses A+ and waits for the network to settle. */
async function render(page, base, path, count) {
  await page.goto(`${base}${path}`);
  await waitForWidgets(page, count);
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 30)); }
  });
  const larger = page.locator('button[part~="font-larger"]').first();
  if (await larger.count()) await larger.click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

/** The shadow-DOM images of every widget (video facade posters aside): [{ src, referrerpolicy }]. */
const shadowImages = (page) => page.evaluate(() => [...document.querySelectorAll('article-reader, [data-article-reader]')]
  .flatMap((h) => (h.shadowRoot ? [...h.shadowRoot.querySelectorAll('img:not(.ar-poster)')] : []))
  .map((i) => ({ src: i.currentSrc || i.src, referrerpolicy: i.getAttribute('referrerpolicy') })));

function checkRequests(label, requests, { base, host = [], articles }) {
  const own = new Set(readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile()).map((f) => `${base}/dist/${f}`));
  const json = new Set(articles.map((a) => a.url));
  const images = new Set(articles.flatMap((a) => [...articleImages(a.json, a.url)]));
  const hostSet = new Set(host);
  const classify = (u) => (own.has(u) ? 'widget file' : json.has(u) ? 'article JSON' : images.has(u) ? 'article image' : hostSet.has(u) ? 'host page' : null);
  const lines = requests.map((r) => `${classify(r.url) ?? 'NOT ALLOWED'}: ${r.type} ${r.url.replace(base, '')}`);
  console.log(`      ${label}: ${requests.length} requests\n        ${[...new Set(lines)].join('\n        ')}`);
  const bad = requests.filter((r) => !classify(r.url));
  assertEq(bad.map((r) => `${r.type} ${r.url}`).join('\n'), '', `${label}: requests other than the article JSON, the widget's files and the article's images`);
  for (const a of articles) assert(requests.some((r) => r.url === a.url), `${label}: the article JSON ${a.url} was requested`);
}

/** No cookie; storage keys only the widget's own preferences (`article-reader:*`). */
async function checkStorage(label, page) {
  const { cookie, keys } = await page.evaluate(() => ({ cookie: document.cookie, keys: Object.keys(localStorage) }));
  assertEq(cookie, '', `${label}: no cookie`);
  assertEq(keys.filter((k) => !k.startsWith('article-reader:')).join(), '', `${label}: localStorage keys are the reader's preferences only`);
}

async function checkImages(label, page) {
  const policy = documentedReferrerPolicy();
  assert(policy, 'the docs give the images\' referrerpolicy as referrerpolicy="…" (README, privacy)');
  const imgs = await shadowImages(page);
  assert(imgs.length > 0, `${label}: the article has images`);
  const wrong = imgs.filter((i) => i.referrerpolicy !== policy);
  assertEq(wrong.map((i) => `${i.src} referrerpolicy=${i.referrerpolicy}`).join('\n'), '', `${label}: every image has referrerpolicy="${policy}"`);
}

/** All the checks of one rendered page, then closes it. */
async function checkRender(label, page, requests, opts) {
  checkRequests(label, requests, opts);
  await checkImages(label, page);
  await checkStorage(label, page);
  assertEq(page.problems.join('\n'), '', `${label}: no console errors`);
  await page.closeAll();
}

const seed = (f) => JSON.parse(readFileSync(join(ROOT, 'fixtures/seed', f), 'utf8'));

test('privacy: the demo page (index.html) requests only the article JSON, the widget files and the article images; images carry the documented referrerpolicy', async ({ browser, base }) => {
  // What the host page requests by itself: the same page with embed.js blocked.
  const bare = await newPage(browser);
  await bare.route('**/dist/embed.js', (r) => r.abort());
  const hostRequests = record(bare);
  await bare.goto(`${base}/index.html`);
  await bare.waitForLoadState('networkidle');
  await bare.closeAll();

  const page = await newPage(browser);
  const requests = record(page);
  await render(page, base, '/index.html', 1);
  await checkRender('index.html', page, requests, {
    base,
    host: hostRequests.map((r) => r.url),
    articles: [{ url: `${base}/fixtures/seed/native.json`, json: seed('native.json') }],
  });
}, { timeout: 90_000 });

test('privacy: a page with only the widgets (seed article as native and WordPress JSON) requests nothing else', async ({ browser }) => {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/dist/embed.js" async></script></head><body>
<article-reader src="/fixtures/seed/native.json"><a href="/a.html">Bài viết</a></article-reader>
<div data-article-reader data-src="/fixtures/seed/wordpress.json"><a href="/b.html">Bài viết</a></div>
</body></html>`;
  const routes = { '/privacy.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html) };
  await withServer(routes, { root: ROOT }, async ({ base }) => {
    const page = await newPage(browser);
    const requests = record(page);
    // The WordPress seed names its images on the portal's own host: answer them
    // here (the request is still recorded) instead of failing on DNS.
    const photo = readFileSync(join(ROOT, 'fixtures/images/related-1.jpg'));
    await page.route('https://baotinh.example.vn/**', (r) => r.fulfill({ status: 200, contentType: 'image/jpeg', body: photo }));
    await render(page, base, '/privacy.html', 2);
    await checkRender('seed page', page, requests, {
      base,
      host: [`${base}/privacy.html`],
      articles: ['native.json', 'wordpress.json'].map((f) => ({ url: `${base}/fixtures/seed/${f}`, json: seed(f) })),
    });
  });
}, { timeout: 90_000 });

test('privacy: an article body full of embeds, media and tracking markup requests only its <img> images (no poster, player, frame, font or prefetch)', async ({ browser }) => {
  const hits = [];
  const track = (name) => `/track/${name}`;
  const names = ['img.jpg', 'frame', 'poster.jpg', 'video.mp4', 'source.mp4', 'audio.mp3', 'object', 'embed', 'prefetch', 'style-bg.png',
    'css-import', 'input.png', 'svg-image.png', 'link.css', 'font.woff2', 'meta', 'form', 'ping', 'background.png', 'track.vtt', 'picture.webp'];
  const routes = {};
  for (const n of names) {
    routes[track(n)] = (req, res) => { hits.push(n); res.writeHead(n.endsWith('.jpg') ? 200 : 204, n.endsWith('.jpg') ? { 'Content-Type': 'image/jpeg' } : {}).end(n.endsWith('.jpg') ? readFileSync(join(ROOT, 'fixtures/images/related-1.jpg')) : undefined); };
  }
  const body = `<p>Đoạn mở đầu.</p>
<figure><img src="${track('img.jpg')}" alt="Ảnh" width="300" height="200"><figcaption>Chú thích. Ảnh: MT</figcaption></figure>
<iframe src="${track('frame')}" width="560" height="315"></iframe>
<video poster="${track('poster.jpg')}" src="${track('video.mp4')}" controls><source src="${track('source.mp4')}"><track src="${track('track.vtt')}">Trình duyệt không hỗ trợ video.</video>
<audio src="${track('audio.mp3')}" controls>Âm thanh.</audio>
<object data="${track('object')}"></object><embed src="${track('embed')}">
<link rel="prefetch" href="${track('prefetch')}"><link rel="stylesheet" href="${track('link.css')}">
<p style="background:url(${track('style-bg.png')})">Nền.</p>
<style>@import "${track('css-import')}"; @font-face { font-family: x; src: url(${track('font.woff2')}); }</style>
<form action="${track('form')}"><input type="image" src="${track('input.png')}"></form>
<svg><image href="${track('svg-image.png')}"></image></svg>
<meta http-equiv="refresh" content="0;url=${track('meta')}">
<a href="/x" ping="${track('ping')}">Liên kết</a>
<table background="${track('background.png')}"><tr><td>Ô</td></tr></table>
<picture><source srcset="${track('picture.webp')}" type="image/webp"><img src="${track('img.jpg')}" alt=""></picture>
<p>Đoạn kết.</p>`;
  const article = { version: 1, id: 'privacy-1', title: 'Bài viết có nhúng', body };
  routes['/embeds.json'] = (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(article));
  routes['/embeds.html'] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/dist/embed.js" async></script></head><body><article-reader src="/embeds.json"><a href="/a.html">Bài viết</a></article-reader></body></html>`);
  await withServer(routes, { root: ROOT }, async ({ base }) => {
    const page = await newPage(browser);
    const requests = record(page);
    await render(page, base, '/embeds.html', 1);
    const title = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelector('h1')?.textContent);
    assertEq(title, article.title, 'the article rendered');
    console.log(`      embeds page: ${requests.length} requests: ${requests.map((r) => r.url.replace(base, '')).join(', ')}`);
    assertEq([...new Set(hits)].sort().join(), 'img.jpg', 'the only tracked URL requested is the body <img>');
    const other = requests.filter((r) => !r.url.startsWith(`${base}/dist/`) && ![`${base}/embeds.html`, `${base}/embeds.json`, `${base}${track('img.jpg')}`].includes(r.url));
    assertEq(other.map((r) => r.url).join('\n'), '', 'no other request');
    await checkImages('embeds page', page);
    await page.closeAll();
  });
}, { timeout: 90_000 });

test('privacy: video facades (YouTube, Vimeo) request no poster and no player before the reader taps; the tap loads the player', async ({ browser }) => {
  const article = {
    version: 1, id: 'privacy-video', title: 'Bài viết có video',
    body: `<p>Đoạn mở đầu.</p>
<figure><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video hội nghị" width="560" height="315"></iframe><figcaption>Video: Hội nghị</figcaption></figure>
<iframe src="https://player.vimeo.com/video/76979871" width="640" height="360"></iframe>
<p>Đoạn kết.</p>`,
  };
  const routes = {
    '/video.json': (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(article)),
    '/video.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/dist/embed.js" async></script></head><body><article-reader src="/video.json"><a href="/a.html">Bài viết</a></article-reader></body></html>`),
  };
  await withServer(routes, { root: ROOT }, async ({ base }) => {
    const page = await newPage(browser);
    const requests = record(page);
    // Third-party hosts answered locally (still recorded): nothing leaves the machine.
    await page.route(/^https:\/\/(i\.ytimg\.com|www\.youtube-nocookie\.com|www\.youtube\.com|player\.vimeo\.com|i\.vimeocdn\.com)\//, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' }));
    await render(page, base, '/video.html', 1);
    const facades = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelectorAll('button.ar-facade').length);
    assert(facades >= 1, `the videos render as facades (${facades})`);
    const thirdParty = () => requests.filter((r) => !r.url.startsWith(base)).map((r) => `${r.type} ${r.url}`);
    assertEq(thirdParty().join('\n'), '', 'no poster, player or other third-party request before a tap');
    await page.locator('button.ar-facade').first().click();
    await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('iframe.ar-player'));
    await page.waitForLoadState('networkidle');
    const after = thirdParty();
    assert(after.some((r) => r.includes('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')), `the tap loads the player from youtube-nocookie.com: ${after}`);
    assert(after.every((r) => /youtube-nocookie\.com|ytimg\.com|youtube\.com/.test(r)), `only the tapped video's provider after the tap: ${after}`);
    console.log(`      video page: before the tap ${requests.length - after.length} requests, all to the page's origin; after: ${after.join(', ')}`);
    await page.closeAll();
  });
}, { timeout: 90_000 });
