// Engine differences, measured rather than assumed: which optional APIs each
// engine has, that the widget degrades the documented way where one is
// missing, and whether DOMParser (what the sanitizer reads) and the widget's
// sanitized output differ between engines. Each engine's results go to
// target/webdriver/engine-<engine>.json; every run compares them with the
// other engines' files already there (run `node tests/webdriver/run.mjs
// chromium features` for the reference engine) and prints the differences.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { test, assert, assertEq, harness, probed, html, ROOT } from '../lib.mjs';
import { corporaDir, xssVectors } from '../../e2e/corpora.mjs';

const OUT = join(ROOT, 'target/webdriver');

/** Feature probes run in the page. */
async function probe() {
  const voices = await new Promise((ok) => {
    if (typeof speechSynthesis !== 'object' || !speechSynthesis) return ok(null);
    const list = () => speechSynthesis.getVoices().map((v) => v.lang).sort();
    if (list().length) return ok(list());
    const t = setTimeout(() => ok(list()), 1500);
    speechSynthesis.addEventListener('voiceschanged', () => { clearTimeout(t); ok(list()); });
  });
  const sup = (p, v) => (typeof CSS === 'object' && CSS.supports ? CSS.supports(p, v) : false);
  const date = new Date('2019-12-19T09:00:00Z');
  return {
    adoptedStyleSheets: 'adoptedStyleSheets' in Document.prototype && 'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype,
    speechSynthesis: typeof speechSynthesis === 'object' && !!speechSynthesis,
    speechVoices: voices,
    customHighlight: typeof Highlight === 'function' && typeof CSS === 'object' && !!CSS.highlights,
    webShare: typeof navigator.share === 'function',
    canShare: typeof navigator.canShare === 'function',
    schedulerYield: typeof scheduler === 'object' && !!scheduler && typeof scheduler.yield === 'function',
    schedulerPostTask: typeof scheduler === 'object' && !!scheduler && typeof scheduler.postTask === 'function',
    trustedTypes: typeof trustedTypes === 'object' && !!trustedTypes && typeof trustedTypes.createPolicy === 'function',
    requestIdleCallback: typeof requestIdleCallback === 'function',
    intersectionObserver: typeof IntersectionObserver === 'function',
    instantiateStreaming: typeof WebAssembly.instantiateStreaming === 'function',
    intlSegmenter: typeof Intl.Segmenter === 'function',
    viDate: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date),
    enDate: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'long', timeStyle: 'short' }).format(date),
    focusVisible: sup('selector(:focus-visible)') || (typeof CSS === 'object' && CSS.supports && CSS.supports('selector(:focus-visible)')),
    overflowWrapAnywhere: sup('overflow-wrap', 'anywhere'),
    textWrapBalance: sup('text-wrap', 'balance'),
    colorMix: sup('color', 'color-mix(in srgb, red, blue)'),
    hasSelector: typeof CSS === 'object' && CSS.supports ? CSS.supports('selector(:has(a))') : false,
    clipboardWrite: !!(navigator.clipboard && navigator.clipboard.writeText),
    textFragments: 'fragmentDirective' in document,
    printMedia: typeof matchMedia('print').matches === 'boolean',
  };
}

/** A tree dump independent of serializer details: one line per node, attributes sorted. */
function parseAll(inputs) {
  // Through the prototypes' getters: parsed forms clobber their own properties (<input name="attributes">).
  const get = (proto, name) => { const g = Object.getOwnPropertyDescriptor(proto, name).get; return (n) => g.call(n); };
  const kids = get(Node.prototype, 'childNodes'), type = get(Node.prototype, 'nodeType');
  const attrsOf = get(Element.prototype, 'attributes'), local = get(Element.prototype, 'localName'), nsOf = get(Element.prototype, 'namespaceURI');
  const content = get(HTMLTemplateElement.prototype, 'content'), data = get(CharacterData.prototype, 'data');
  const NS = { 'http://www.w3.org/1999/xhtml': '', 'http://www.w3.org/2000/svg': 'svg ', 'http://www.w3.org/1998/Math/MathML': 'math ' };
  const dump = (node, depth, out) => {
    for (const n of kids(node)) {
      const pad = ' '.repeat(depth);
      const t = type(n);
      if (t === 1) {
        const ns = NS[nsOf(n)] ?? `${nsOf(n)} `;
        const attrs = [...attrsOf(n)].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
        out.push(`${pad}<${ns}${local(n)}${attrs ? ` ${attrs}` : ''}>`);
        dump(n instanceof HTMLTemplateElement ? content(n) : n, depth + 1, out);
      } else if (t === 3) out.push(`${pad}"${data(n)}"`);
      else if (t === 8) out.push(`${pad}<!-- ${data(n)} -->`);
    }
    return out;
  };
  const p = new DOMParser();
  return inputs.map((h) => dump(p.parseFromString(h, 'text/html').documentElement, 0, []).join('\n'));
}

const digest = (s) => createHash('sha1').update(s).digest('hex').slice(0, 12);

/** Lists, per other engine with a saved result, which keys differ from this engine's. */
function compareWithOthers(engine, kind, mine) {
  const lines = [];
  for (const f of readdirSync(OUT).filter((n) => /^engine-[a-z]+\.json$/.test(n))) {
    const other = f.slice(7, -5);
    if (other === engine) continue;
    const theirs = JSON.parse(readFileSync(join(OUT, f), 'utf8'))[kind];
    if (!theirs) continue;
    const keys = Object.keys(mine).filter((k) => k in theirs);
    const diff = keys.filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
    lines.push(`${kind}: ${engine} vs ${other}: ${diff.length} of ${keys.length} differ${diff.length ? ` (${diff.slice(0, 12).join(', ')}${diff.length > 12 ? ', …' : ''})` : ''}`);
  }
  return lines;
}

function save(engine, key, value) {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `engine-${engine}.json`);
  let all = {};
  try { all = JSON.parse(readFileSync(file, 'utf8')); } catch { /* first result */ }
  all[key] = value;
  writeFileSync(file, JSON.stringify(all, null, 1) + '\n');
}

test('optional APIs: detected, and the widget degrades the documented way where one is missing', async ({ s, engine, open, routes, inShadow, shadowEl, problems }) => {
  routes['/index.html'] = html(probed('index.html'));
  await open('/index.html');
  const f = await s.executeAsync(probe);
  f.browserVersion = s.caps.browserVersion;
  const ui = await inShadow((r) => {
    const shown = (e) => !!e && e.getBoundingClientRect().width > 0 && !e.closest('[hidden]');
    return {
      listen: shown(r.querySelector('[part~="listen"]')),
      share: r.querySelector('[part~="share"]') ? shown(r.querySelector('[part~="share"]')) : null,
      date: r.querySelector('time.ar-date').textContent,
    };
  });
  f.listenShown = ui.listen;
  f.shareShown = ui.share;
  save(engine, 'features', f);
  console.log(`      ${engine} ${f.browserVersion}: ${Object.entries(f).filter(([k]) => k !== 'browserVersion').sort().map(([k, v]) => `${k}=${v}`).join(' ')}`);
  for (const l of compareWithOthers(engine, 'features', f)) console.log(`      ${l}`);
  // The widget needs constructable, adoptable stylesheets (the loader checks them).
  assert(f.adoptedStyleSheets, 'adoptedStyleSheets and replaceSync');
  // Listen shows only with a voice for the article's language (vi).
  const viVoice = (f.speechVoices || []).some((l) => /^vi\b/i.test(l));
  assertEq(ui.listen, viVoice, `Listen shown only with a Vietnamese voice (voices: ${JSON.stringify(f.speechVoices)})`);
  // Share: without navigator.share (no engine here has it) the button opens a menu:
  // copy the link (announced either way) and a Facebook link.
  if (ui.share !== null) {
    assertEq(ui.share, true, 'Share shown in every engine');
    if (!f.webShare) {
      await (await shadowEl('button[part~="share"]')).click();
      const menu = await inShadow((r) => {
        const m = r.querySelector('[part~="share-menu"]');
        const fb = r.querySelector('[part~="facebook"]');
        return { open: !!m && !m.hidden, fb: fb && fb.getAttribute('href') };
      });
      assert(menu.open, 'the fallback menu opens');
      assert(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=https?%3A/.test(menu.fb || ''), `Facebook link carries the article URL (${menu.fb})`);
      await (await shadowEl('button[part~="copy-link"]')).click();
      const said = await s.waitFor(() => {
        const t = document.querySelector('article-reader').shadowRoot.querySelector('[aria-live]').textContent;
        return /liên kết/.test(t) && t;
      }, { message: 'copy result announced', timeout: 5000 });
      f.copyLink = said === 'Đã sao chép liên kết' ? 'copied' : said;
      assert(['copied', 'Không sao chép được liên kết'].includes(f.copyLink), `copy link announces its result (${said})`);
      save(engine, 'features', f);
      console.log(`      share: menu fallback; copy link: ${f.copyLink}`);
    }
  }
  assertEq(ui.date, '19/12/2019 16:00', 'date in the widget');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});

test('DOMParser: the 223 XSS vectors and 1,796 html5lib inputs parse to the same trees as in the other engines (report)', async ({ s, engine, open }) => {
  await open('/tests/webdriver/empty.html', { widgets: 0 });
  const xss = xssVectors();
  const h5 = JSON.parse(readFileSync(join(corporaDir(), 'html5lib/inputs.json'), 'utf8')).inputs;
  assert(Array.isArray(h5) && h5.length > 1000, `html5lib inputs (${h5 && h5.length})`);
  const inputs = [...xss.map((v) => [`xss-${v.id}`, v.payload]), ...h5.map((x) => [`h5-${x.n}`, x.data])];
  const out = {};
  for (let i = 0; i < inputs.length; i += 300) {
    const batch = inputs.slice(i, i + 300);
    const trees = await s.execute(parseAll, batch.map(([, h]) => h));
    batch.forEach(([id], k) => { out[id] = digest(trees[k]); });
  }
  save(engine, 'domparser', out);
  for (const l of compareWithOthers(engine, 'domparser', out)) console.log(`      ${l}`);
}, { timeout: 180_000 });

// The 1,796 html5lib inputs as widgets take ~2 minutes in WebKit on 2 busy cores: only with WD_CORPUS=full.
const FULL = process.env.WD_CORPUS === 'full';

test(`sanitized output: the widget renders the 223 XSS vectors${FULL ? ' and 1,796 html5lib inputs' : ''} (native HTML body) to the same body trees as in the other engines (report; WD_CORPUS=full adds html5lib)`, async ({ s, engine, open, serve }) => {
  await open(serve(harness({ lang: 'en' })), { widgets: 0 });
  await s.waitFor(() => window.ArticleReader, { message: 'embed loaded' });
  const h5 = FULL ? JSON.parse(readFileSync(join(corporaDir(), 'html5lib/inputs.json'), 'utf8')).inputs : [];
  const inputs = [...xssVectors().map((v) => [`xss-${v.id}`, v.payload]), ...h5.map((x) => [`h5-${x.n}`, x.data])];
  const out = {};
  for (let i = 0; i < inputs.length; i += 250) {
    const batch = inputs.slice(i, i + 250);
    await s.execute((b) => window.__mountInline(b.map(([id, body]) => ({ id, json: JSON.stringify({ version: 1, url: 'http://127.0.0.1/x', title: 'T', body }) }))), batch);
    await s.waitFor(() => window.__done(), { timeout: 60_000, message: 'batch done' });
    const bodies = await s.execute((ids) => ids.map((id) => {
      const b = document.getElementById(id).shadowRoot.querySelector('.ar-body');
      if (!b) return 'no body';
      const lines = [];
      const walk = (n, d) => { for (const c of n.childNodes) { if (c.nodeType === 1) { lines.push(`${' '.repeat(d)}<${c.localName} ${[...c.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ')}>`); walk(c, d + 1); } else if (c.nodeType === 3 && c.data.trim()) lines.push(`${' '.repeat(d)}"${c.data}"`); } };
      walk(b, 0);
      return lines.join('\n');
    }), batch.map(([id]) => id));
    batch.forEach(([id], k) => { out[id] = bodies[k]; });
    await s.execute(() => document.getElementById('box').replaceChildren());
  }
  save(engine, 'sanitized', out);
  for (const l of compareWithOthers(engine, 'sanitized', out)) console.log(`      ${l}`);
}, { timeout: 240_000 });

test('Listen with the engine\'s real voices: an English article shows it exactly when the engine has an English voice; Listen and Stop work without errors', async ({ s, open, serve, inShadow, shadowEl, problems }) => {
  const article = { version: 1, lang: 'en', title: 'A short English article', lede: 'Lede sentence.', body: [{ type: 'paragraph', text: 'One paragraph to read aloud.' }] };
  const json = JSON.stringify(article);
  await open(serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/tests/webdriver/probe.js"></script><title>listen</title><link rel="icon" href="data:,"></head>
<body><article-reader><script type="application/json">${json}</script></article-reader><script src="/dist/embed.js" defer></script></body></html>`));
  const voices = await s.executeAsync(() => new Promise((ok) => {
    if (!window.speechSynthesis) return ok([]);
    const list = () => speechSynthesis.getVoices().map((v) => v.lang);
    if (list().length) return ok(list());
    setTimeout(() => ok(list()), 1500);
  }));
  const en = voices.some((l) => /^en\b/i.test(l));
  const state = () => inShadow((r) => {
    const b = r.querySelector('[part~="listen"]');
    const shown = (e) => !!e && e.getBoundingClientRect().width > 0 && !e.closest('[hidden]');
    return shown(b) ? { state: b.dataset.state, stop: shown(r.querySelector('[part~="listen-stop"]')) } : null;
  });
  await new Promise((r) => setTimeout(r, 300)); // voiceschanged
  const st = await state();
  assertEq(st !== null, en, `Listen shown exactly when there is an English voice (${JSON.stringify(voices)})`);
  if (en) {
    assertEq(st.state, 'idle', 'idle at first');
    await (await shadowEl('[part~="listen"]')).click();
    const speaking = await state();
    assert(['speaking', 'idle'].includes(speaking.state), `after Listen: ${JSON.stringify(speaking)}`);
    console.log(`      listen: ${voices.length} voices (${[...new Set(voices)].join(', ')}); after a click: ${speaking.state}`);
    if (speaking.state === 'speaking') {
      assert(speaking.stop, 'Stop shown while speaking');
      // The sentence being read is highlighted through the CSS Custom Highlight API (when this dist does it).
      const wasm = readdirSync(join(ROOT, 'dist')).filter((n) => n.endsWith('.wasm')).map((n) => readFileSync(join(ROOT, 'dist', n)));
      if (wasm.some((b) => b.includes('article-reader-speech'))) {
        const hl = await s.waitFor(() => {
          const h = window.CSS && CSS.highlights && CSS.highlights.get('article-reader-speech');
          return h && h.size > 0 && [...h][0].toString();
        }, { timeout: 5000, message: 'a highlighted sentence' });
        console.log(`      listen: highlighted "${hl.slice(0, 40)}"`);
      }
      await (await shadowEl('[part~="listen-stop"]')).click();
      assertEq((await state()).state, 'idle', 'Stop returns to idle');
    }
  }
  assertEq((await problems()).join('\n'), '', 'no script errors');
});
