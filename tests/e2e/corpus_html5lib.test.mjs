// Issue 11, tests: the 1,796 malformed bodies of html5lib-tests' tree
// construction suite (../shared/corpora/html5lib) as article bodies: every
// widget renders (the reader's own message for a body with nothing left is an
// article with its title), no page error, nothing unsafe in any shadow tree
// (the XSS corpus's audit), and no script of a payload runs.
import { test, assert, assertEq, newPage } from './lib.mjs';
import { openHarness, html5libInputs, scriptProblems, audit } from './corpora.mjs';

test('html5lib corpus: 1,796 malformed bodies render with no page error and nothing unsafe', async ({ browser, base }) => {
  const inputs = html5libInputs();
  const page = await newPage(browser);
  await page.addInitScript('window.__ran = 0; window.alert = () => window.__ran++;');
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort());
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  await openHarness(page, base);
  const violations = [];
  let articles = 0;
  const BATCH = 150;
  const t0 = Date.now();
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = inputs.slice(i, i + BATCH);
    await page.evaluate((s) => window.__mountInline(s), batch.map((c) => ({
      id: `h${c.n}`, json: JSON.stringify({ version: 1, url: `${base}/html5lib/${c.n}.html`, title: `html5lib ${c.file} #${c.test}`, body: c.data }),
    })));
    await page.waitForFunction(() => window.__done(), null, { timeout: 60_000 });
    articles += await page.evaluate(() => document.querySelectorAll('article-reader').length -
      [...document.querySelectorAll('article-reader')].filter((h) => window.__state(h) !== 'article').length);
    for (const v of await page.evaluate(audit)) {
      const c = inputs.find((x) => `h${x.n}` === v.id);
      violations.push(`${c?.file} #${c?.test} ${JSON.stringify(c?.data.slice(0, 60))}: ${v.what}`);
    }
    await page.evaluate(() => document.getElementById('box').replaceChildren());
  }
  console.log(`      html5lib: ${inputs.length} bodies in ${Date.now() - t0} ms; ${articles} rendered, ${violations.length} violations`);
  assertEq(violations.length, 0, `violations:\n${violations.slice(0, 30).join('\n')}`);
  assertEq(articles, inputs.length, 'every body renders as an article');
  assertEq(await page.evaluate(() => window.__ran), 0, 'no payload ran');
  assert(scriptProblems(page).length === 0, `no page errors: ${scriptProblems(page).slice(0, 10).join('\n')}`);
  await page.closeAll();
}, { timeout: 300_000 });
