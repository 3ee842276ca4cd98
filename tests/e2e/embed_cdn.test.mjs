// Issue 4, point 8 (CDN-ready build): embed.js is the only stable name and loads the
// content-hashed files relative to its own URL, from another path or another origin.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { DIST, distFiles, withServer, waitState, recordRequests, recordEvents, events, SEED } from './embed_util.mjs';

/** dist/ copied to <tmp>/cdn/v1/ (as a deploy to a CDN path would). */
function cdnCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'ar-cdn-'));
  cpSync(DIST, join(dir, 'cdn/v1'), { recursive: true });
  cpSync(join(DIST, '../fixtures/seed/native.json'), join(dir, 'api/native.json'));
  cpSync(join(DIST, '../fixtures/images'), join(dir, 'fixtures/images'), { recursive: true }); // its images resolve there
  return dir;
}

const page = (embedUrl, src) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="${embedUrl}" async></script></head><body>
<article-reader id="w" src="${src}"><a id="link" href="/bai-viet.html">Đọc bài viết</a></article-reader></body></html>`;
const html = (body) => (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);

test('CDN: dist/ copied under /cdn/v1/ on another origin (with CORS): embed.js loads its hashed files from there; cache headers', async ({ browser }) => {
  const dir = cdnCopy();
  try {
    await withServer({}, { root: dir, cors: true }, async ({ base: cdn }) => {
      const routes = {
        '/article.html': html(page(`${cdn}/cdn/v1/embed.js`, '/fixtures/seed/native.json')),
        '/article-cors.html': html(page(`${cdn}/cdn/v1/embed.js`, `${cdn}/api/native.json`)),
      };
      await withServer(routes, {}, async ({ base }) => {
        const p = await newPage(browser);
        const urls = recordRequests(p);
        const responses = new Map();
        p.on('response', (r) => responses.set(r.url(), r));
        await p.goto(`${base}/article.html`);
        await waitState(p, '#w', 'article');
        const { wasm } = distFiles();
        assert(!urls.some((u) => /article-reader\.[0-9a-f]+\.js$/.test(u)), 'no separate glue request (it is inside embed.js)');
        assert(urls.includes(`${cdn}/cdn/v1/${wasm}`), 'wasm from the CDN path');
        assert(!urls.some((u) => u.startsWith(base) && /article-reader\.[0-9a-f]+\.(js|wasm)$/.test(u)), 'nothing from the page origin');
        // Cache-Control: embed.js revalidated (short), hashed files immutable.
        const cc = (name) => responses.get(`${cdn}/cdn/v1/${name}`)?.headers()['cache-control'];
        assert(!/immutable/.test(cc('embed.js')) && /no-cache|max-age=([0-9]{1,3})\b/.test(cc('embed.js')), `embed.js: ${cc('embed.js')}`);
        assertEq(cc(wasm), 'public, max-age=31536000, immutable', 'wasm cached forever');
        assertEq(responses.get(`${cdn}/cdn/v1/${wasm}`).headers()['content-type'], 'application/wasm', 'wasm MIME type (streaming)');
        // Cross-origin article JSON with CORS works as well.
        await p.goto(`${base}/article-cors.html`);
        await waitState(p, '#w', 'article');
        const t = await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.ar-title').textContent);
        assertEq(t, SEED.title, 'cross-origin article rendered');
        assertEq(p.problems.join('\n'), '', 'no errors');
        await p.closeAll();
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CDN: another path on the same origin (/static/reader/v2/) works too', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ar-cdn-'));
  try {
    cpSync(DIST, join(dir, 'static/reader/v2'), { recursive: true });
    cpSync(join(DIST, '../fixtures'), join(dir, 'fixtures'), { recursive: true });
    await withServer({ '/p.html': html(page('/static/reader/v2/embed.js', '/fixtures/seed/native.json')) }, { root: dir }, async ({ base }) => {
      const p = await newPage(browser);
      const urls = recordRequests(p);
      await p.goto(`${base}/p.html`);
      await waitState(p, '#w', 'article');
      assert(urls.some((u) => u.endsWith(`/static/reader/v2/${distFiles().wasm}`)), 'wasm from the new path');
      assertEq(p.problems.join('\n'), '', 'no errors');
      await p.closeAll();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CDN without CORS headers: the link stays, error kind "wasm", nothing escapes to the page', async ({ browser }) => {
  const dir = cdnCopy();
  try {
    await withServer({}, { root: dir, cors: false }, async ({ base: cdn }) => {
      await withServer({ '/article.html': html(page(`${cdn}/cdn/v1/embed.js`, '/fixtures/seed/native.json')) }, {}, async ({ base }) => {
        const p = await newPage(browser);
        await recordEvents(p);
        await p.goto(`${base}/article.html`);
        await p.waitForFunction(() => window.__arEvents.some((e) => e.type === 'article-reader:error'));
        const ev = (await events(p)).filter((e) => e.type === 'article-reader:error');
        assertEq(ev[0].detail.kind, 'wasm', 'error kind');
        assert(await p.locator('#link').isVisible(), 'the plain link is visible');
        assertEq(p.problems.filter((x) => x.startsWith('pageerror')).join('\n'), '', 'no page errors');
        await p.closeAll();
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
