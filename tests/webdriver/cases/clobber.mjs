// DOM clobbering in article HTML: named elements shadow properties of the
// parsed document (`<img name="body">`, `<form name="body">`: Gecko and WebKit
// expose a DOMParser document's named elements, Chromium does not) and of
// forms (`<input name="localName">` shadows form.localName in every engine).
// The sanitizer must read the real body and never hand a shadowed property to
// the wasm as a string. Every case must render its paragraphs, in every engine.
import { test, assertEq, harness } from '../lib.mjs';

export const CLOBBER_CASES = {
  'img name=body': ['<img name="body"><p>Visible paragraph one.</p><p>Two.</p>', ['Visible paragraph one.', 'Two.']],
  'form name=body': ['<form name="body"></form><p>Visible paragraph one.</p>', ['Visible paragraph one.']],
  'img name=documentElement': ['<img name="documentElement"><p>Visible paragraph one.</p>', ['Visible paragraph one.']],
  'form > input name=childNodes': ['<p>before</p><form><input name="childNodes"><p>Inside form.</p></form><p>after</p>', ['before', 'after']],
  'form > input name=getAttribute': ['<p>before</p><form><input name="getAttribute"><a href="/x">link</a></form><p>after</p>', ['before', 'after']],
  'form > input name=nodeType': ['<p>before</p><form><input name="nodeType"><p>in</p></form><p>after</p>', ['before', 'after']],
  'form > input name=attributes': ['<p>before</p><form><input name="attributes"><p>in</p></form><p>after</p>', ['before', 'after']],
  'form > input name=localName': ['<p>before</p><form><input name="localName"><p>in</p></form><p>after</p>', ['before', 'after']],
};

test('DOM clobbering in the body HTML: the real body is read, forms with shadowing controls are dropped like any form, no wasm error', async ({ s, open, serve, problems }) => {
  await open(serve(harness({ lang: 'en' })), { widgets: 0 });
  await s.waitFor(() => window.ArticleReader, { message: 'embed loaded' });
  const names = Object.keys(CLOBBER_CASES);
  await s.execute((cases) => window.__mountInline(cases.map(([html], i) => ({ id: `c${i}`, json: JSON.stringify({ version: 1, title: 'Clobbering', body: html }) }))), Object.values(CLOBBER_CASES));
  await s.waitFor(() => window.__done(), { timeout: 8_000, message: 'every widget done' }).catch(() => {});
  const seen = await s.execute((n) => [...Array(n).keys()].map((i) => {
    const host = document.getElementById(`c${i}`);
    const r = host.shadowRoot;
    return [window.__state(host), r ? [...r.querySelectorAll('.ar-body p')].map((p) => p.textContent.trim()) : []];
  }), names.length);
  const wrong = names.map((name, i) => [name, seen[i]]).filter(([name, [state, ps]]) => state !== 'article' || JSON.stringify(ps) !== JSON.stringify(CLOBBER_CASES[name][1]));
  assertEq(wrong.map(([name, [state, ps]]) => `${name}: ${state} ${JSON.stringify(ps)}`).join('; '), '', 'cases rendered wrongly');
  assertEq((await problems()).join('\n'), '', 'no script errors');
});
