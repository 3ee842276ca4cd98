// Issue 11, tests: the 47 real WordPress posts of ../shared/corpora/wp-real
// (galleries, embeds, the theme-unit-test block posts) as WordPress input.
// Per post: the title, every author, every <img> of content.rendered (repeats
// counted, identity = URL without scheme and fragment) and the featured
// image's caption are shown, and >= 99 % of the content's visible text
// (multiset of characters, as in corpus_readability) is in the lede + body.
// Figures go to tests/e2e/wp-real-report.json.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, newPage } from './lib.mjs';
import { openHarness, wpRealPosts, scriptProblems, TEXT_METRIC } from './corpora.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const MIN_RATIO = 0.99;
/**
 * Posts allowed under the text bar, with the reason. `dropped` names source
 * elements dropped by design: the test checks that every missing character
 * is in their text (no other text is missing).
 */
const ALLOWED = {
  // The theme-unit-test "Test multiple blocks" post shows its Categories block
  // twice: as a list (kept, 29 categories with their counts) and as a dropdown
  // <select> (a form control, dropped like every form).
  'frontity-1950.json': { dropped: 'select', reason: 'the Categories block as a dropdown <select> (form control; the same categories are shown as a list)' },
};

function measure({ id, html, link, want, allowedDrop }) {
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const row = { file: want.file, state: window.__state(host) };
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const s of doc.querySelectorAll('script, style, noscript, template')) s.remove();
  const droppedText = allowedDrop ? [...doc.querySelectorAll(allowedDrop)].map((e) => e.textContent).join('') : '';
  const abs = (u) => { try { return new URL(u, link).href; } catch { return null; } };
  const pic = (u) => u.replace(/^https?:/, '').replace(/#.*$/, '');
  const tally = (list) => { const m = new Map(); for (const u of list) m.set(u, (m.get(u) || 0) + 1); return m; };
  const imgs = [...doc.querySelectorAll('img')].map((i) => abs((i.getAttribute('src') || '').trim())).filter((u) => u && /^https?:/.test(u)).map(pic);
  const shownList = [...root.querySelectorAll('.ar-article img:not(.ar-poster)')].map((i) => pic(abs(i.getAttribute('src'))));
  const shown = tally(shownList);
  row.imgs = imgs.length;
  row.imgsIndex = want.images;
  row.imgsShown = shownList.length;
  row.imgsMissing = [...tally(imgs)].filter(([u, n]) => (shown.get(u) || 0) < n).map(([u, n]) => `${u} x${n - (shown.get(u) || 0)}`);
  const got = (root.querySelector('.ar-lede')?.textContent ?? '') + (root.querySelector('.ar-body')?.textContent ?? '');
  const t = window.__textKept(doc.body.textContent, got);
  Object.assign(row, { ratio: t.ratio, chars: t.chars, missing: t.missing.map(([c, n]) => `${JSON.stringify(c)}x${n}`).join(' ') });
  // With an allowed drop, the whole missing multiset must come from the dropped elements' text.
  const droppedCount = new Map(); for (const c of droppedText.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')) droppedCount.set(c, (droppedCount.get(c) || 0) + 1);
  row.explained = !!allowedDrop && t.allMissing.every(([c, n]) => n <= (droppedCount.get(c) || 0));
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  row.titleOk = norm(root.querySelector('h1.ar-title')?.textContent) === norm(want.title);
  const authors = [...root.querySelectorAll('.ar-author')].map((a) => norm(a.textContent)).join(' | ');
  row.authorsOk = want.authors.every((a) => authors.includes(norm(a)));
  const captions = [...root.querySelectorAll('.ar-article figcaption')].map((f) => norm(f.textContent)).join(' | ');
  row.captionOk = !want.featuredCaption || captions.includes(norm(want.featuredCaption));
  return row;
}

test('wp-real corpus: 47 real WordPress posts keep every image (repeats counted), the featured caption and >= 99% of the text', async ({ browser, base }) => {
  const posts = wpRealPosts();
  const page = await newPage(browser);
  await page.route((u) => !u.href.startsWith(base), (r) => r.abort()); // offline: images are on the real sites
  await page.addInitScript(TEXT_METRIC);
  await openHarness(page, base);
  const rows = [];
  const BATCH = 8;
  for (let i = 0; i < posts.length; i += BATCH) {
    const batch = posts.slice(i, i + BATCH);
    await page.evaluate((s) => window.__mountInline(s), batch.map((p, k) => ({ id: `wp${i + k}`, json: JSON.stringify(p.post), attrs: { format: 'wordpress' } })));
    await page.waitForFunction(() => window.__done(), null, { timeout: 60_000 });
    for (const [k, p] of batch.entries()) {
      rows.push(await page.evaluate(measure, { id: `wp${i + k}`, html: p.post.content?.rendered ?? '', link: p.post.link, want: p.want, allowedDrop: ALLOWED[p.file]?.dropped ?? null }));
    }
    await page.evaluate(() => document.getElementById('box').replaceChildren());
  }
  const bad = rows.filter((r) => r.state !== 'article' || r.imgsMissing.length || (r.ratio < MIN_RATIO && !r.explained) ||
    !r.titleOk || !r.authorsOk || !r.captionOk || r.imgs !== r.imgsIndex);
  const summary = {
    posts: rows.length, minRatio: MIN_RATIO, worst: Math.min(...rows.map((r) => r.ratio)).toFixed(5),
    imgs: rows.reduce((a, r) => a + r.imgs, 0), imgsShown: rows.reduce((a, r) => a + r.imgsShown, 0), failing: bad.map((r) => r.file),
  };
  writeFileSync(join(here, 'wp-real-report.json'), JSON.stringify({ summary, rows: rows.map((r) => ({ ...r, ratio: +r.ratio.toFixed(5) })) }, null, 1) + '\n');
  console.log(`      wp-real: ${rows.length} posts, worst text ${(summary.worst * 100).toFixed(2)}%, images ${summary.imgs} in the posts, ${summary.imgsShown} shown`);
  assert(bad.length === 0, `posts failing:\n${bad.map((r) => `  ${r.file}: ${r.state} ${(r.ratio * 100).toFixed(2)}% imgs ${r.imgs}/${r.imgsIndex} missing ${JSON.stringify(r.imgsMissing.slice(0, 5))} ` +
    `title ${r.titleOk} authors ${r.authorsOk} caption ${r.captionOk} chars ${r.missing}`).join('\n')}`);
  assert(scriptProblems(page).length === 0, `no page errors: ${scriptProblems(page).join('\n')}`);
  await page.closeAll();
}, { timeout: 180_000 });
