// The DOMPurify XSS corpus in every field of the four formats (the payload
// table FIELDS, the canary and the shadow-tree audit are taken verbatim from
// tests/e2e/corpus_xss.test.mjs): nothing executes, nothing active remains.
import { test, assert, assertEq, borrow, harness } from '../lib.mjs';
import * as corpora from '../../e2e/corpora.mjs';

const { xssVectors } = corpora;
const { FIELDS, CANARY } = await borrow('tests/e2e/corpus_xss.test.mjs', ['IMG', 'FIELDS', 'CANARY']);
// The audit lives in corpora.mjs (exported) or, in older trees, in the test file itself.
const audit = corpora.audit ?? (await borrow('tests/e2e/corpus_xss.test.mjs', ['audit'])).audit;

test('XSS corpus: every DOMPurify vector in every field of the four formats, 0 executions, nothing active in the shadow trees', async ({ s, open, serve, base, problems }) => {
  const vectors = xssVectors();
  const kinds = Object.keys(FIELDS);
  const specs = [];
  for (const v of vectors) {
    for (const [k, make] of kinds.entries()) {
      specs.push({ id: `v${v.id}-${k}`, field: make, vector: v.id, json: JSON.stringify(FIELDS[make](v.payload, `${base}/xss/${v.id}.html`)) });
    }
  }
  // The canary runs before any other script of the page.
  await open(serve(harness({ lang: 'en' }).replace('<head><meta charset="utf-8">', `<head><meta charset="utf-8"><script>${CANARY}</script>`)), { widgets: 0 });
  await s.waitFor(() => window.ArticleReader && typeof window.__xss === 'number', { message: 'embed and canary loaded' });
  const href = await s.url();
  // Controls: the canary counts a payload that does run; the audit reports active content.
  const control = await s.executeAsync(async () => {
    const d = document.createElement('div');
    d.innerHTML = '<img src="/nope.png" onerror="alert(1)"><svg><animate onbegin="alert(2)" attributeName="x" dur="1s"></animate></svg>';
    document.body.append(d);
    for (let i = 0; i < 100 && window.__xss < 2; i++) await new Promise((r) => setTimeout(r, 50));
    d.remove();
    const n = window.__xss;
    window.__xss = 0; window.__xssLog = [];
    return n;
  });
  assert(control >= 1, `canary control: an unsanitized payload is counted (${control})`);
  await s.execute((spec) => window.__mountInline([spec]), { id: 'control', json: JSON.stringify(FIELDS['native body (HTML)']('<p>x</p>', base)) });
  await s.waitFor(() => window.__done(), { message: 'control widget done' });
  // What the audit reports on a benign article is the widget's own UI (the Aa panel's
  // inputs, say), not the payload's doing: subtracted from every widget below, and printed.
  const baseline = await s.execute((src) => (0, eval)(`(${src})`)().map((v) => v.what), audit.toString());
  if (baseline.length) console.log(`      xss: the audit flags the widget's own UI on a benign article (subtracted): ${[...new Set(baseline)].map((w) => `${baseline.filter((x) => x === w).length}× ${w}`).join(', ')}`);
  const caught = await s.execute((src) => {
    const body = document.getElementById('control').shadowRoot.querySelector('.ar-body');
    const a = document.createElement('a'); a.href = 'javascript:void 0'; a.setAttribute('onclick', 'x'); body.append(a);
    body.append(document.createElement('iframe'));
    const found = (0, eval)(`(${src})`)().map((v) => v.what);
    document.getElementById('box').replaceChildren();
    return found;
  }, audit.toString());
  assert(caught.length >= baseline.length + 3, `audit control: injected active content is reported (${caught.join('; ')})`);

  const violations = [];
  const executions = [];
  const BATCH = 200;
  for (let i = 0; i < specs.length; i += BATCH) {
    const batch = specs.slice(i, i + BATCH);
    await s.execute((b) => window.__mountInline(b), batch.map(({ id, json }) => ({ id, json })));
    await s.waitFor(() => window.__done(), { timeout: 60_000, message: `batch ${i / BATCH} done` });
    await new Promise((r) => setTimeout(r, 500)); // image onerror/onload, animations, timers
    const found = await s.execute((src) => (0, eval)(`(${src})`)(), audit.toString());
    const xss = await s.execute(() => { const r = [window.__xss, window.__xssLog.slice()]; window.__xss = 0; window.__xssLog = []; return r; });
    if (xss[0]) executions.push({ batch: batch.map((x) => x.id).join(' '), calls: xss[1] });
    const left = new Map(); // widget id -> what the baseline still excuses
    for (const v of found) {
      if (!left.has(v.id)) left.set(v.id, [...baseline]);
      const excuse = left.get(v.id);
      const k = excuse.indexOf(v.what);
      if (k >= 0) { excuse.splice(k, 1); continue; }
      const sp = specs.find((x) => x.id === v.id);
      violations.push({ vector: sp && sp.vector, field: sp && sp.field, what: v.what });
    }
    await s.execute(() => document.getElementById('box').replaceChildren());
  }
  console.log(`      xss: ${vectors.length} vectors x ${kinds.length} widget kinds = ${specs.length} widgets; ` +
    `${executions.reduce((n, e) => n + e.calls.length, 0)} executions, ${violations.length} violations`);
  assertEq(executions.length, 0, `script executions (${JSON.stringify(executions).slice(0, 500)})`);
  assertEq(violations.length, 0, `violations:\n${violations.slice(0, 30).map((v) => `  vector ${v.vector} in ${v.field}: ${v.what}`).join('\n')}`);
  assertEq(await s.url(), href, 'no payload navigated the page');
  assertEq((await problems()).join('\n'), '', 'no script errors');
  assert(await s.execute(() => document.querySelectorAll('script:not([type="application/json"])').length === 4), 'no script added to the page (canary, harness, probe, embed)');
}, { timeout: 300_000 });
