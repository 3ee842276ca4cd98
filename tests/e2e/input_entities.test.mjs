// Input details real publishers use, in the real widget: HTML named character
// references the small built-in table does not know are decoded by the browser
// (the same text the native decoder gives, checked in tests/native_datetime_text.rs),
// JSON-LD `@id` references and name arrays become bylines, and "updated" shows
// only when it is more than a minute after "published".
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, scriptProblems } from './corpora.mjs';

/** Rare names (browser path), legacy forms without `;`, unknown names (kept). */
const RAW = '400&percnt; &Ouml;sterreich &oslash; &NotEqualTilde; &fjlig; &CounterClockwiseContourIntegral; ' +
  '&notit; &copy2024 &amp; &Amp; &bigstar; &zzunknown;';
/** What HTML makes of RAW (Python's html.unescape and the native decoder agree). */
const DECODED = '400% Österreich ø \u2242\u0338 fj ∳ ¬it; ©2024 & &Amp; ★ &zzunknown;';

const graph = {
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'NewsArticle', '@id': 'https://x.example/a#article', headline: RAW, description: `Lede ${RAW}`,
      author: [{ '@id': 'https://x.example/#person-1' }, { '@type': 'Person', name: ['Darian Woods', 'Sarah Gonzalez'] }],
      publisher: { '@id': 'https://x.example/#org' }, isPartOf: { '@id': 'https://x.example/a' },
      datePublished: '2020-12-23T22:36:27-05:00', dateModified: '2020-12-23T22:36:59-05:00', articleBody: 'Body text.' },
    { '@type': 'WebPage', '@id': 'https://x.example/a', url: 'https://x.example/a', inLanguage: 'en-US' },
    { '@type': 'Organization', '@id': 'https://x.example/#org', name: 'X News' },
    { '@type': 'Person', '@id': 'https://x.example/#person-1', name: 'Lauren &Ouml;berg' },
  ],
};
const later = { ...graph, '@graph': [{ ...graph['@graph'][0], dateModified: '2020-12-24T09:00:00-05:00' }, ...graph['@graph'].slice(1)] };
const wordpress = { title: { rendered: RAW }, excerpt: { rendered: `<p>${RAW}</p>` }, content: { rendered: '<p>Body text.</p>' },
  date: '2020-12-23T22:36:27', date_gmt: '2020-12-24T03:36:27', modified: '2020-12-23T22:37:00', modified_gmt: '2020-12-24T03:37:00' };

test('rare entities decoded by the browser, @id bylines, updated only when later', async ({ browser, base }) => {
  const page = await newPage(browser);
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  await openHarness(page, base, { lang: 'en' });
  const specs = [['ld', graph], ['later', later], ['wp', wordpress]].map(([id, a]) => ({ id, json: JSON.stringify(a) }));
  await page.evaluate((s) => window.__mountInline(s), specs);
  await page.waitForFunction(() => window.__done());
  const seen = await page.evaluate((raw) => {
    const read = (id) => {
      const root = document.getElementById(id).shadowRoot;
      const text = (sel) => root.querySelector(sel)?.textContent.trim() ?? null;
      return { title: text('h1.ar-title'), lede: text('.ar-lede'), byline: text('.ar-author'), updated: text('.ar-updated') };
    };
    // The browser's own reading of the raw text, for comparison.
    const own = new DOMParser().parseFromString(`<p>${raw}</p>`, 'text/html').body.textContent;
    return { ld: read('ld'), later: read('later'), wp: read('wp'), own };
  }, RAW);
  assertEq(seen.own, DECODED, 'the browser reads RAW as DECODED');
  assertEq(seen.ld.title, DECODED, 'JSON-LD headline');
  assertEq(seen.ld.lede, `Lede ${DECODED}`, 'JSON-LD description');
  assertEq(seen.wp.title, DECODED, 'WordPress title');
  assertEq(seen.wp.lede, DECODED, 'WordPress excerpt');
  assertEq(seen.ld.byline, 'Lauren Öberg, Darian Woods, Sarah Gonzalez', 'byline from an @id reference and a name array');
  assertEq(seen.ld.updated, null, 'modified 32 s after published: no "updated"');
  assertEq(seen.wp.updated, null, 'modified 33 s after published (WordPress): no "updated"');
  assert(seen.later.updated && seen.later.updated.startsWith('Updated'), `later update shown: ${seen.later.updated}`);
  const problems = scriptProblems(page);
  assert(problems.length === 0, `no script errors: ${problems.join('; ')}`);
  await page.close();
});
