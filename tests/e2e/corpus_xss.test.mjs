// Issue 3, tests: every DOMPurify vector in every text and HTML field of every
// format renders with no script executed, no event-handler attribute, no
// script-capable URL and no active element anywhere in the shadow trees.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, xssVectors, scriptProblems, audit } from './corpora.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const IMG = '/fixtures/images/hoi-nghi-dan-van.jpg';

/**
 * Every place a payload goes, grouped into widgets: widget name -> article
 * JSON holding the payload `p` in all the fields the name lists (text fields of
 * one format share a widget; HTML bodies get their own, they take most work).
 */
const FIELDS = {
  'native body (HTML)': (p, url) => ({ version: 1, url, title: 'XSS', body: p }),
  'native body (html block)': (p, url) => ({ version: 1, url, title: 'XSS', body: [{ type: 'paragraph', text: 'Before.' }, { type: 'html', html: p }] }),
  'native title, lede, caption, alt, author, author url, section, category, tag, related': (p, url) => ({
    version: 1, url, title: p, lede: p, image: { src: IMG, alt: p, caption: p, credit: p }, authors: [{ name: p }, { name: 'Second', url: p }],
    section: { name: p, url: p }, categories: [{ name: p, url: '/c' }, { name: 'C2', url: p }], tags: [p],
    related: [{ title: p, url: '/r', image: p }], body: '<p>Body.</p>',
  }),
  'WordPress content.rendered': (p, url) => ({ link: url, title: { rendered: 'XSS' }, content: { rendered: p } }),
  'WordPress title, excerpt, caption, alt, author, author link, terms': (p, url) => ({
    link: url, title: { rendered: p }, excerpt: { rendered: p }, content: { rendered: '<p>Body.</p>' },
    _embedded: {
      'wp:featuredmedia': [{ source_url: IMG, alt_text: p, caption: { rendered: p } }], author: [{ name: p, link: p }],
      'wp:term': [[{ taxonomy: 'category', name: p, link: p }], [{ taxonomy: 'post_tag', name: p }]],
    },
  }),
  'JSON-LD articleBody, headline, author, image caption': (p, url) => ({
    '@context': 'https://schema.org', '@type': 'NewsArticle', url, headline: p, description: 'Description.', articleBody: p,
    author: { '@type': 'Person', name: p, url: p }, image: { '@type': 'ImageObject', url: IMG, caption: p, creditText: p },
  }),
  'JSON Feed content_html, title, author': (p, url) => ({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url, title: p, summary: 'Summary.', content_html: p, authors: [{ name: p, url: p }] }] }),
};

// Installed before any page script: every way these payloads try to show
// they ran increments window.__xss (and records which vector it was).
const CANARY = `
window.__xss = 0; window.__xssLog = [];
const hit = (what) => function () { window.__xss++; window.__xssLog.push(what); };
for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) window[f] = hit(f);
history.pushState = hit('pushState');
document.write = hit('document.write');
document.writeln = hit('document.writeln');
window.Worker = hit('Worker');
`;

test('XSS corpus: 223 DOMPurify vectors in every field of the four formats, 0 executions, nothing active in the shadow trees', async ({ browser, base }) => {
  const vectors = xssVectors();
  const specs = [];
  for (const v of vectors) {
    for (const [field, make] of Object.entries(FIELDS)) {
      const url = `${base}/xss/${v.id}.html`;
      specs.push({ id: `v${v.id}-${Object.keys(FIELDS).indexOf(field)}`, field, vector: v.id, json: JSON.stringify(make(v.payload, url)) });
    }
  }
  const page = await newPage(browser);
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  await page.addInitScript(CANARY);
  // Offline: only the test server answers (payload URLs elsewhere are refused).
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base);
  const navBefore = navigations;

  // Controls: the canary sees a payload that does run (unsanitized, in the
  // light DOM), and the audit sees active content when there is some.
  const control = await page.evaluate(async () => {
    const d = document.createElement('div');
    d.innerHTML = '<img src="/nope.png" onerror="alert(1)"><svg><animate onbegin="alert(2)" attributeName="x" dur="1s"></animate></svg>';
    document.body.append(d);
    for (let i = 0; i < 100 && window.__xss < 2; i++) await new Promise((r) => setTimeout(r, 50));
    d.remove();
    const n = window.__xss;
    window.__xss = 0; window.__xssLog = [];
    return n;
  });
  assert(control >= 2, `canary control: unsanitized payloads counted (${control})`);
  await page.evaluate((s) => window.__mountInline([s]), { id: 'control', json: JSON.stringify(FIELDS['native body (HTML)']('<p>x</p>', base)) });
  await page.waitForFunction(() => window.__done());
  const caught = await page.evaluate((audit) => {
    const body = document.getElementById('control').shadowRoot.querySelector('.ar-body');
    const a = document.createElement('a'); a.href = 'javascript:void 0'; a.setAttribute('onclick', 'x'); body.append(a);
    body.append(document.createElement('iframe'));
    const found = (0, eval)(`(${audit})`)().map((v) => v.what);
    document.getElementById('box').replaceChildren();
    return found;
  }, audit.toString());
  assert(caught.length >= 3, `audit control: injected active content is reported (${caught.join('; ')})`);
  const violations = [];
  const executions = [];
  const BATCH = 200;
  const t0 = Date.now();
  for (let i = 0; i < specs.length; i += BATCH) {
    const batch = specs.slice(i, i + BATCH);
    await page.evaluate((b) => window.__mountInline(b), batch.map(({ id, json }) => ({ id, json })));
    await page.waitForFunction(() => window.__done(), null, { timeout: 30_000 });
    await page.waitForTimeout(500); // image onerror/onload, animations, timers
    const found = await page.evaluate(audit);
    const xss = await page.evaluate(() => { const r = [window.__xss, window.__xssLog.slice()]; window.__xss = 0; window.__xssLog = []; return r; });
    if (xss[0]) executions.push({ batch: batch.map((s) => s.id).join(' '), calls: xss[1] });
    for (const v of found) {
      const s = specs.find((x) => x.id === v.id);
      violations.push({ vector: s?.vector, field: s?.field, what: v.what });
    }
    await page.evaluate(() => document.getElementById('box').replaceChildren());
  }
  const ms = Date.now() - t0;
  const report = {
    vectors: vectors.length, fields: Object.keys(FIELDS), widgets: specs.length,
    executions: executions.reduce((n, e) => n + e.calls.length, 0), executionBatches: executions, violations,
  };
  writeFileSync(join(here, 'xss-report.json'), JSON.stringify(report, null, 1) + '\n');
  console.log(`      xss: ${vectors.length} vectors x ${Object.keys(FIELDS).length} widget kinds = ${specs.length} widgets in ${ms} ms; ` +
    `${report.executions} executions, ${violations.length} violations`);
  assertEq(report.executions, 0, `script executions (${JSON.stringify(executions).slice(0, 500)})`);
  assertEq(violations.length, 0, `violations:\n${violations.slice(0, 30).map((v) => `  vector ${v.vector} in ${v.field}: ${v.what}`).join('\n')}`);
  assertEq(navigations, navBefore, 'no payload navigated the page');
  assertEq(scriptProblems(page).join('\n'), '', 'no page errors');
  assert(await page.evaluate(() => document.querySelectorAll('script:not([type="application/json"])').length === 2), 'no script added to the page');
  await page.closeAll();
}, { timeout: 240_000 });
