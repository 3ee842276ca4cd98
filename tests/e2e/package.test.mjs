// The npm package (scripts/package.mjs, docs/package.md): `npm pack` of it gives
// a tarball whose example page (examples/esm.html, an ES-module page) renders the
// seed article when the unpacked tarball is served; the same files work as a CDN
// serving npm packages would serve them (another origin, CORS); its manifest and
// types match what the widget really does in the browser.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, assert, assertEq, newPage, waitForWidgets } from './lib.mjs';
import { ROOT, DIST, SEED, withServer } from './embed_util.mjs';

const { build, check, extract, PACKAGE_NAME } = await import(pathToFileURL(join(ROOT, 'scripts/package.mjs')).href);
const api = await import(pathToFileURL(join(ROOT, 'types/api.mjs')).href);

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p)];
  }).sort();
}

/** Builds the package in a temp dir, packs it, unpacks the tarball: { dir, pkg, tarball, files }. */
function packAndUnpack() {
  const dir = mkdtempSync(join(tmpdir(), 'ar-pkg-'));
  return build({ out: join(dir, 'src'), checked: false }).then(() => {
    const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: join(dir, 'src'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    const tarball = join(dir, info.filename);
    mkdirSync(join(dir, 'x'));
    execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'x')]);
    return { dir, pkg: join(dir, 'x/package'), tarball, info, files: listFiles(join(dir, 'x/package')) };
  });
}

/** Runs `fn(packed)` with a freshly packed and unpacked package, then removes it. */
async function withPackage(fn) {
  const packed = await packAndUnpack();
  try {
    return await fn(packed);
  } finally {
    rmSync(packed.dir, { recursive: true, force: true });
  }
}

/** The seed's images (absolute paths /fixtures/images/...) served beside the package. */
function imageRoutes() {
  const routes = {};
  for (const f of readdirSync(join(ROOT, 'fixtures/images'))) {
    const body = readFileSync(join(ROOT, 'fixtures/images', f));
    routes[`/fixtures/images/${f}`] = (req, res) => res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Access-Control-Allow-Origin': '*' }).end(body);
  }
  return routes;
}

function recordAll(page) {
  const seen = [];
  page.on('requestfinished', async (r) => { const resp = await r.response(); seen.push({ url: r.url(), status: resp ? resp.status() : 0 }); });
  page.on('requestfailed', (r) => seen.push({ url: r.url(), status: 0, failure: r.failure()?.errorText }));
  return seen;
}

test('types/api.mjs matches the code; a change on either side is reported by name', async () => {
  assertEq(check(api).join('\n'), '', 'no difference between types/api.mjs and the code');
  const code = extract();
  const drift = check(api, { ...code, parts: [...code.parts, 'new-part'], options: code.options.filter((a) => a !== 'theme'), events: [...code.events, 'article-reader:share'] });
  assert(drift.some((p) => p.includes('CSS parts in the code but not in types/api.mjs: new-part')), `new part reported: ${drift}`);
  assert(drift.some((p) => p.includes('options in types/api.mjs but not in the code: theme')), `dropped attribute reported: ${drift}`);
  assert(drift.some((p) => p.includes('article-reader:share')), `new event reported: ${drift}`);
  const kinds = check(api, { ...code, errorKinds: [...code.errorKinds, 'offline'] });
  assert(kinds.some((p) => p.includes('error kinds in the code but not in types/api.mjs: offline')), `new error kind reported: ${kinds}`);
  const undocumented = check(api, { ...code, readme: code.readme.replaceAll('--ar-radius', '--ar-rad') });
  assert(undocumented.some((p) => p.includes('--ar-radius is not documented')), `README drift reported: ${undocumented}`);
});

test('npm pack: tarball holds dist/, the ES-module entry, manifest, types and the example; the example renders the seed from it', async ({ browser }) => withPackage(async ({ pkg, tarball, info, files }) => {
    const distNames = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile());
    for (const f of distNames) assert(files.includes(f), `tarball has dist/${f}`);
    const extra = ['package.json', 'README.md', 'embed.mjs', 'custom-elements.json', 'article-reader.d.ts', 'integrity.json', 'examples/esm.html', 'examples/article.json'];
    for (const f of extra) assert(files.includes(f), `tarball has ${f}`);
    assertEq(files.length, distNames.length + extra.length, `nothing else in the tarball: ${files.join(', ')}`);
    const sri = JSON.parse(readFileSync(join(pkg, 'integrity.json'), 'utf8'));
    assert(sri['embed.js'] && sri['embed.mjs'], 'integrity.json has embed.js and embed.mjs');
    for (const [f, h] of Object.entries(sri)) {
      assertEq(h, `sha384-${createHash('sha384').update(readFileSync(join(pkg, f))).digest('base64')}`, `integrity.json: ${f}`);
    }
    const pj = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    assertEq(pj.name, PACKAGE_NAME, 'package name');
    assertEq(pj.version, /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1], 'version from Cargo.toml');
    const targets = Object.values(pj.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
    for (const t of [...targets, pj.types, pj.module, pj.browser, pj.unpkg, pj.jsdelivr, pj.customElements]) {
      assert(files.includes(t.replace(/^\.\//, '')), `package.json points at an existing file: ${t}`);
    }
    const cem = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8'));
    const el = cem.modules[0].declarations.find((d) => d.tagName === 'article-reader');
    assert(el && el.attributes.length === api.attributes.length * 2 && el.events.length === api.events.length, 'manifest: element, attributes (+ data-), events');
    assert(el.cssParts.length === Object.keys(api.cssParts).length && el.cssProperties.length === Object.keys(api.cssProperties).length, 'manifest: parts, custom properties');
    console.log(`      tarball ${info.filename}: ${statSync(tarball).size} B packed, ${info.unpackedSize} B unpacked, ${info.entryCount} files`);

    await withServer(imageRoutes(), { root: pkg }, async ({ base }) => {
      const page = await newPage(browser);
      const requests = recordAll(page);
      await page.goto(`${base}/examples/esm.html`);
      await waitForWidgets(page);
      await page.waitForFunction(() => document.getElementById('app').dataset.ready);
      const title = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelector('h1').textContent);
      assertEq(title, SEED.title, 'the seed article rendered from the unpacked tarball');
      assertEq(await page.evaluate(() => document.getElementById('app').dataset.loaded), SEED.id, 'article-reader:load reached the module code');
      assertEq(await page.evaluate(() => document.getElementById('app').dataset.ready), pj.version, 'ArticleReader.version is the package version');
      await page.waitForLoadState('networkidle');
      const bad = requests.filter((r) => !r.url.startsWith(base) || r.status !== 200);
      assertEq(JSON.stringify(bad), '[]', 'every request went to the package, with 200');
      assert(requests.some((r) => r.url === `${base}/embed.mjs`), 'loaded through the ES-module entry');
      assertEq(page.problems.join('\n'), '', 'no console errors');
      await page.closeAll();
    });
}), { timeout: 120_000 });

test('package on a CDN origin: <script src=".../embed.js" integrity>, import(".../embed.mjs") and a module script with integrity render the seed', async ({ browser }) => withPackage(async ({ pkg }) => {
    await withServer(imageRoutes(), { root: pkg, cors: true }, async ({ base: cdn }) => {
      const article = (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SEED));
      const html = (head) => (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}</head><body><article-reader src="/a.json"><a href="/a.html">Bài viết</a></article-reader></body></html>`);
      const sri = JSON.parse(readFileSync(join(pkg, 'integrity.json'), 'utf8'));
      const routes = {
        '/a.json': article,
        '/classic.html': html(`<script src="${cdn}/embed.js" async integrity="${sri['embed.js']}" crossorigin="anonymous"></script>`),
        '/module.html': html(`<script type="module">import '${cdn}/embed.mjs';</script>`),
        '/module-sri.html': html(`<script type="module" src="${cdn}/embed.mjs" integrity="${sri['embed.mjs']}" crossorigin="anonymous"></script>`),
      };
      await withServer(routes, {}, async ({ base }) => {
        for (const p of ['classic', 'module', 'module-sri']) {
          const page = await newPage(browser);
          const requests = recordAll(page);
          await page.goto(`${base}/${p}.html`);
          await waitForWidgets(page);
          const title = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelector('h1')?.textContent);
          assertEq(title, SEED.title, `${p}: seed rendered with the package on another origin`);
          const own = requests.filter((r) => /\.(wasm|m?js)$/.test(r.url));
          assert(own.some((r) => r.url.startsWith(cdn) && r.url.endsWith('.wasm')), `${p}: the wasm came from the CDN origin: ${requests.map((r) => r.url)}`);
          assert(own.every((r) => r.url.startsWith(cdn) && r.status === 200), `${p}: every script and wasm from the CDN origin, with 200: ${own.map((r) => `${r.url} ${r.status}`)}`);
          assertEq(page.problems.join('\n'), '', `${p}: no console errors`);
          await page.closeAll();
        }
      });
    });
}), { timeout: 120_000 });

test('manifest and types match the running widget: global API, handle, observed attributes, event details, rendered parts', async ({ browser }) => withPackage(async ({ pkg }) => {
    await withServer({ ...imageRoutes(), '/missing.json': (req, res) => res.writeHead(404).end('no') }, { root: pkg }, async ({ base }) => {
      const page = await newPage(browser);
      await page.goto(`${base}/examples/esm.html`);
      await waitForWidgets(page);
      await page.waitForFunction(() => document.getElementById('app').dataset.ready);
      const seen = await page.evaluate(async () => {
        const details = {};
        for (const n of ['load', 'error']) document.addEventListener(`article-reader:${n}`, (e) => { details[n] = Object.keys(e.detail).sort(); details[`${n}Kind`] = e.detail.kind; });
        const second = document.createElement('article-reader');
        second.setAttribute('src', '/missing.json');
        document.body.append(second);
        const third = document.createElement('div');
        document.body.append(third);
        const h = window.ArticleReader.mount(third, { data: JSON.stringify({ version: 1, title: 'x', body: [{ type: 'paragraph', text: 'y' }] }) });
        await h.ready;
        await new Promise((r) => { const t = setInterval(() => { if (details.load && details.error) { clearInterval(t); r(); } }, 50); });
        const parts = new Set();
        for (const host of document.querySelectorAll('article-reader, div')) {
          for (const e of host.shadowRoot ? host.shadowRoot.querySelectorAll('[part]') : []) for (const p of e.getAttribute('part').split(/\s+/)) parts.add(p);
        }
        return {
          global: Object.keys(window.ArticleReader).sort(),
          frozen: Object.isFrozen(window.ArticleReader) && Object.isFrozen(h),
          handle: Object.keys(h).sort(),
          observed: [...customElements.get('article-reader').observedAttributes].sort(),
          details,
          parts: [...parts],
        };
      });
      assertEq(seen.global.join(), api.globalApi.map((m) => m.name).sort().join(), 'window.ArticleReader members = types/api.mjs globalApi');
      assertEq(seen.handle.join(), api.handleApi.map((m) => m.name).sort().join(), 'handle members = types/api.mjs handleApi');
      assert(seen.frozen, 'global and handle frozen');
      assertEq(seen.observed.join(), api.attributes.flatMap((a) => [a.name, `data-${a.name}`]).sort().join(), 'observedAttributes = attributes + data-');
      const detailKeys = (name) => Object.keys(api.events.find((e) => e.name === `article-reader:${name}`).detail).sort().join();
      assertEq(seen.details.load.join(), detailKeys('load'), 'load detail keys');
      assertEq(seen.details.error.join(), detailKeys('error'), 'error detail keys');
      assert(api.errorKinds.includes(seen.details.errorKind), `error kind ${seen.details.errorKind} is in ArticleReaderErrorKind`);
      const unknown = seen.parts.filter((p) => !(p in api.cssParts));
      assertEq(unknown.join(), '', 'every rendered part is in the manifest');
      assert(seen.parts.length >= 15, `parts rendered: ${seen.parts.length}`);
      await page.closeAll();
    });
}), { timeout: 120_000 });
