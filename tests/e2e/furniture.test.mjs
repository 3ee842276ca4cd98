// Issue 11, tests: content furniture end to end. fixtures/furniture/post.html
// (a WordPress-style post with a YouTube embed block, a 6-photo gallery, a
// tweet, a table, a pull quote, video, audio, Vimeo and Facebook iframes, a map
// iframe, Instagram/TikTok/Facebook posts, details, a definition list, code and
// a footnote) in the four input formats, which all carry HTML bodies
// (native `body`, WordPress `content.rendered`, JSON-LD `articleBody`, JSON
// Feed `content_html`). Offline: no request leaves the test server.
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, scriptProblems } from './corpora.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(repo, 'fixtures/furniture');
const FORMATS = ['native', 'wordpress', 'jsonld', 'jsonfeed'];
const SANDBOX = 'allow-scripts allow-same-origin allow-presentation';
const PLAYER_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com', 'www.facebook.com'];

/** A fixture with its article URL moved to the test server (relative images then load from it). */
function fixture(format, base) {
  const json = JSON.parse(readFileSync(join(dir, `${format}.json`), 'utf8'));
  const url = `${base}/dan-van/hoi-nghi.html`;
  if (format === 'wordpress') json.link = url;
  else if (format === 'jsonfeed') json.items[0].url = url;
  else json.url = url;
  return json;
}

/** What one widget shows of each kind of furniture. */
function inspect(id) {
  const root = document.getElementById(id).shadowRoot;
  const all = (s) => [...root.querySelectorAll(s)];
  const text = (e) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    state: window.__state(document.getElementById(id)),
    iframes: all('iframe').length,
    facades: all('.ar-video .ar-facade').map((b) => ({ provider: b.dataset.provider, label: b.getAttribute('aria-label'), poster: b.querySelector('img')?.getAttribute('src') ?? null })),
    videoLinks: all('.ar-video figcaption a').map((a) => a.href),
    gallery: all('.ar-gallery').map((g) => ({ items: g.querySelectorAll('.ar-gallery-grid > li').length,
      captions: [...g.querySelectorAll('.ar-gallery-grid > li figcaption')].map(text), caption: text(g.querySelector(':scope > figcaption')) })),
    posts: all('.ar-post').map((p) => ({ network: p.dataset.network, link: p.querySelector('footer a')?.href ?? null, text: text(p).slice(0, 60) })),
    table: { caption: text(root.querySelector('.ar-body table caption')), heads: all('.ar-body thead th').length },
    video: all('.ar-media video').map((v) => ({ controls: v.hasAttribute('controls'), autoplay: v.hasAttribute('autoplay'), preload: v.getAttribute('preload'), src: v.querySelector('source')?.src })),
    audio: all('.ar-media audio').map((v) => ({ controls: v.hasAttribute('controls'), src: v.querySelector('source')?.src })),
    frames: all('.ar-frame a').map((a) => ({ href: a.href, text: text(a) })),
    details: text(root.querySelector('.ar-body details summary')),
    dl: all('.ar-body dl dt').length,
    code: text(root.querySelector('.ar-body pre code')),
    pullquote: text(root.querySelector('.ar-body blockquote:not(.ar-post) cite')),
    footnote: text(root.querySelector('.ar-body ol li')),
    noteLinks: all('.ar-note-link').map((a) => a.getAttribute('href')),
  };
}

test('furniture: every kind of embedded content in the four formats, readable and inert until tapped', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base, { lang: 'vi' });
  await page.evaluate((s) => window.__mountInline(s), FORMATS.map((f) => ({ id: f, json: JSON.stringify(fixture(f, base)) })));
  await page.waitForFunction(() => window.__done(), null, { timeout: 30_000 });
  for (const f of FORMATS) {
    const got = await page.evaluate(inspect, f);
    const where = `${f}:`;
    assertEq(got.state, 'article', `${where} rendered`);
    assertEq(got.iframes, 0, `${where} no iframe before a tap`);
    assertEq(got.facades.map((x) => x.provider).join(), 'YouTube,Vimeo,Facebook', `${where} three video facades`);
    // No provider thumbnail (a request to i.ytimg.com before the tap); a block's own image would be the poster.
    assertEq(got.facades[0].poster ?? null, null, `${where} no third-party poster before the tap`);
    assert(got.facades[0].label.includes('Hội nghị công tác dân vận'), `${where} facade label names the video: ${got.facades[0].label}`);
    assertEq(got.videoLinks.join(), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ,https://vimeo.com/76979871,https://www.facebook.com/baodanvan/videos/1234567890/', `${where} plain links to the video pages`);
    assertEq(got.gallery.length, 1, `${where} one gallery`);
    assertEq(got.gallery[0].items, 6, `${where} six gallery photos`);
    assert(got.gallery[0].captions.every((c) => c.length > 5), `${where} every photo has its caption: ${JSON.stringify(got.gallery[0].captions)}`);
    assertEq(got.gallery[0].caption, 'Một số hình ảnh tại hội nghị', `${where} gallery caption`);
    assertEq(got.posts.map((p) => p.network).join(), 'X,Instagram,TikTok,Facebook', `${where} four quote cards`);
    assertEq(got.posts.map((p) => p.link && new URL(p.link).hostname).join(), 'twitter.com,www.instagram.com,www.tiktok.com,www.facebook.com', `${where} post links`);
    assert(got.posts[0].text.startsWith('Hội nghị tổng kết công tác dân vận'), `${where} tweet text: ${got.posts[0].text}`);
    assertEq(got.table.caption, 'Kết quả thực hiện', `${where} table caption`);
    assertEq(got.table.heads, 3, `${where} table head`);
    assertEq(JSON.stringify(got.video), JSON.stringify([{ controls: true, autoplay: false, preload: 'none', src: `${base}/fixtures/furniture/clip.mp4` }]), `${where} video with controls`);
    assertEq(JSON.stringify(got.audio), JSON.stringify([{ controls: true, src: `${base}/fixtures/furniture/ban-tin.mp3` }]), `${where} audio with controls`);
    assertEq(got.frames.length, 1, `${where} one frame link`);
    assert(got.frames[0].href.startsWith('https://www.google.com/maps/embed') && got.frames[0].text.includes('www.google.com'), `${where} map iframe as a labelled link: ${JSON.stringify(got.frames)}`);
    assertEq(got.details, 'Danh sách tập thể được khen thưởng', `${where} details summary`);
    assertEq(got.dl, 1, `${where} definition list`);
    assert(got.code.startsWith('Thời gian: 8h00'), `${where} code block`);
    assertEq(got.pullquote, 'Chủ tịch Hồ Chí Minh', `${where} pull quote citation`);
    assert(got.footnote.startsWith('Theo quyết định khen thưởng'), `${where} footnote text`);
    assertEq(got.noteLinks.join(), '#ar-fn-fn1,#ar-fn-ref1', `${where} footnote reference and back link`);
  }
  assert(scriptProblems(page).length === 0, `no page errors: ${scriptProblems(page).join('\n')}`);
  await page.closeAll();
});

test('furniture: a tap on a facade inserts exactly one sandboxed player iframe of an allowed provider', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base);
  await page.evaluate((s) => window.__mountInline(s), [{ id: 'wp', json: JSON.stringify(fixture('wordpress', base)) }]);
  await page.waitForFunction(() => window.__done(), null, { timeout: 30_000 });
  const frames = () => page.evaluate(() => [...document.getElementById('wp').shadowRoot.querySelectorAll('iframe')].map((f) => ({
    src: f.getAttribute('src'), sandbox: f.getAttribute('sandbox'), allow: f.getAttribute('allow'), referrerpolicy: f.getAttribute('referrerpolicy'), title: f.title,
  })));
  assertEq((await frames()).length, 0, 'no iframe before the tap');
  await page.click('#wp >> .ar-facade[data-provider="YouTube"]');
  await page.waitForFunction(() => document.getElementById('wp').shadowRoot.querySelector('iframe'));
  const got = await frames();
  assertEq(got.length, 1, 'exactly one iframe after one tap');
  const [f] = got;
  assert(PLAYER_HOSTS.includes(new URL(f.src).hostname), `allowed provider host: ${f.src}`);
  assertEq(new URL(f.src).hostname, 'www.youtube-nocookie.com', 'YouTube plays from its privacy-enhanced host');
  assertEq(f.sandbox, SANDBOX, 'sandbox limited to playback');
  assertEq(f.allow, 'autoplay; encrypted-media; picture-in-picture; fullscreen', 'allow limited to playback');
  assertEq(f.referrerpolicy, 'strict-origin-when-cross-origin', 'referrerpolicy');
  assert(f.title.includes('Hội nghị'), `iframe title: ${f.title}`);
  assertEq(await page.evaluate(() => document.getElementById('wp').shadowRoot.querySelectorAll('.ar-facade').length), 2, 'the tapped facade is replaced, the others stay');
  // A footnote reference moves to its note inside the widget; the page URL does not change.
  const before = page.url();
  await page.click('#wp >> .ar-note-link[href="#ar-fn-fn1"]');
  assertEq(await page.evaluate(() => document.getElementById('wp').shadowRoot.activeElement?.id), 'ar-fn-fn1', 'the note has the focus');
  await page.click('#wp >> .ar-note-link[href="#ar-fn-ref1"]');
  assertEq(await page.evaluate(() => document.getElementById('wp').shadowRoot.activeElement?.id), 'ar-fn-ref1', 'the back link returns to the reference');
  assertEq(page.url(), before, 'the host page URL is unchanged');
  await page.closeAll();
});

test('furniture: screenshot of a WordPress post with a YouTube embed, a 6-photo gallery, a tweet and a table at 390 px', async ({ browser, base }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const thumb = readFileSync(join(repo, 'fixtures/images/hoi-nghi-dan-van.jpg'));
  await page.route('https://i.ytimg.com/**', (r) => r.fulfill({ status: 200, contentType: 'image/jpeg', body: thumb }));
  await page.route((u) => !u.href.startsWith(base) && !u.href.startsWith('https://i.ytimg.com/'), (r) => r.abort());
  await openHarness(page, base, { lang: 'vi' });
  const post = fixture('wordpress', base);
  const html = post.content.rendered;
  post.content.rendered = html.slice(0, html.indexOf('<figure class="wp-block-pullquote">'));
  await page.evaluate((s) => window.__mountInline(s), [{ id: 'shot', json: JSON.stringify(post) }]);
  await page.waitForFunction(() => window.__done(), null, { timeout: 30_000 });
  await page.evaluate(async () => {
    for (const img of document.getElementById('shot').shadowRoot.querySelectorAll('img')) { img.loading = 'eager'; await img.decode().catch(() => {}); }
  });
  const wide = await page.evaluate(() => {
    const root = document.getElementById('shot').shadowRoot;
    return [...root.querySelectorAll('.ar-body *')].filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.ar-table')).map((e) => e.localName + '.' + e.className).slice(0, 5);
  });
  assertEq(wide.join(), '', 'nothing wider than the 390 px screen (tables scroll in their own box)');
  const cols = await page.evaluate(() => getComputedStyle(document.getElementById('shot').shadowRoot.querySelector('.ar-gallery-grid')).gridTemplateColumns.split(' ').length);
  assertEq(cols, 2, 'the gallery shows two photos per row on a phone');
  mkdirSync(join(repo, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ path: join(repo, 'docs/screenshots/furniture-390.png'), fullPage: true });
  await page.closeAll();
});
