// Unit tests of the suite helpers that do not need a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { borrow, probed, readerHtml, harness, ROOT, PROBE_TAG } from './lib.mjs';

const TMP = 'target/webdriver-unit';
const file = (name, text) => { mkdirSync(join(ROOT, TMP), { recursive: true }); writeFileSync(join(ROOT, TMP, name), text); return `${TMP}/${name}`; };

test('borrow: functions, one-line and multi-line consts, template literals, taken verbatim and usable', async () => {
  const f = file('src.mjs', [
    "import { x } from 'nowhere';",
    'const ONE = 41 + 1;',
    'const OBJ = {',
    '  a: (p) => p * 2,',
    '};',
    'const TPL = `',
    'line',
    '`;',
    'function add(a, b) {',
    '  return a + b + ONE;',
    '}',
    "test('not borrowed', () => {});",
  ].join('\n'));
  const m = await borrow(f, ['ONE', 'OBJ', 'TPL', 'add']);
  assert.equal(m.ONE, 42);
  assert.equal(m.OBJ.a(4), 8);
  assert.equal(m.TPL, '\nline\n');
  assert.equal(m.add(1, 2), 45, 'a borrowed function sees the other borrowed declarations');
  await assert.rejects(borrow(f, ['missing']), /missing not found at the top level/);
});

test('borrow: the real checks it takes from the Chromium suite are there', async () => {
  const x = await borrow('tests/e2e/corpus_xss.test.mjs', ['IMG', 'FIELDS', 'CANARY']);
  assert.ok(Object.keys(x.FIELDS).length >= 7, 'every field group');
  assert.match(x.CANARY, /window\.__xss = 0/);
  const m = await borrow('tests/e2e/reader_mobile.test.mjs', ['PHONE', 'overflow']);
  assert.deepEqual(m.PHONE, { width: 360, height: 740 });
  assert.equal(typeof m.overflow, 'function');
});

test('probed, readerHtml, harness: the probe comes first in <head>, before any page script', () => {
  const demo = probed('index.html');
  assert.ok(demo.indexOf(PROBE_TAG) < demo.indexOf('<script src="dist/embed.js"') || !demo.includes('dist/embed.js'), 'probe before the embed');
  assert.ok(demo.indexOf(PROBE_TAG) > demo.indexOf('<head>'));
  const hostile = probed('tests/pages/hostile.html');
  assert.ok(hostile.indexOf(PROBE_TAG) < hostile.indexOf('hostile-globals.js'), 'probe before the host globals');
  const r = readerHtml('<p>x</p>');
  assert.ok(r.indexOf(PROBE_TAG) < r.indexOf('/dist/embed.js'));
  assert.ok(!/<style|style=/.test(r), 'no inline style (strict-CSP safe)');
  const h = harness({ lang: 'vi' });
  assert.match(h, /<html lang="vi">/);
  assert.ok(h.indexOf(PROBE_TAG) < h.indexOf('/dist/embed.js'));
  file('nohead.html', '<p>no head</p>');
  assert.throws(() => probed(`${TMP}/nohead.html`), /has no <head>/);
  rmSync(join(ROOT, TMP), { recursive: true, force: true });
});
