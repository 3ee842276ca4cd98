// Issue 12, item 2: listening that does not break. A stubbed speechSynthesis
// records utterances and fires `boundary` and `end` events on demand; the
// tests check sentence-by-sentence chaining, pause = cancel / resume from the
// current sentence, previous/next paragraph, speed, voice per language,
// the Custom Highlight registry, Media Session, and stop on unmount.
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget } from './reader_util.mjs';

function stubSpeech(initialVoices) {
  const voices = initialVoices.slice();
  const s = { log: [], current: null, handlers: {} };
  window.__speech = s;
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; this.onend = null; this.onerror = null; }
  };
  const synth = {
    getVoices: () => voices.slice(),
    speak(u) { s.log.push(['speak', u.text, u.voice && u.voice.name, u.rate]); s.current = u; },
    pause() { s.log.push(['pause']); },
    resume() { s.log.push(['resume']); },
    cancel() {
      s.log.push(['cancel']);
      const u = s.current; s.current = null;
      if (u && u.onerror) u.onerror({ type: 'error', error: 'interrupted' });
    },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  // Word boundaries, then the end of the current utterance.
  s.finish = () => {
    const u = s.current; if (!u) return false;
    for (const m of u.text.matchAll(/\S+/g)) u.onboundary && u.onboundary({ type: 'boundary', name: 'word', charIndex: m.index, charLength: m[0].length });
    s.current = null;
    u.onend && u.onend({ type: 'end' });
    return true;
  };
  // Media Session stub (headless Chromium has one, but record what is set).
  window.MediaMetadata = class { constructor(init) { Object.assign(this, init); } };
  const ms = { metadata: null, playbackState: 'none', setActionHandler(a, f) { s.handlers[a] = f; } };
  Object.defineProperty(navigator, 'mediaSession', { value: ms, configurable: true });
}

const VOICES = [
  { name: 'Linh', lang: 'vi-VN', localService: true },
  { name: 'Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', lang: 'vi-VN', localService: false },
  { name: 'Test English', lang: 'en-US', localService: true },
];
const ARTICLE = {
  version: 1, lang: 'vi', title: 'Tiêu đề bài.', lede: 'Dòng mở đầu. Câu thứ hai của sapo!',
  authors: [{ name: 'Mai Trâm' }], image: { src: '/fixtures/images/hoi-nghi-dan-van.jpg', alt: 'Ảnh', width: 1200, height: 800, caption: 'Chú thích không đọc.' },
  body: '<p>Đoạn một câu một. Đoạn một câu hai với <b>chữ đậm</b> ở giữa.</p><figure><img src="/fixtures/images/related-1.jpg" alt="x"><figcaption>Không đọc.</figcaption></figure><p>Đoạn hai TP. Hồ Chí Minh.</p><p>Đoạn ba.</p>',
};
const spoken = (page) => page.evaluate(() => window.__speech.log.filter((e) => e[0] === 'speak').map((e) => e[1]));
const hl = (page) => page.evaluate(() => {
  const h = window.CSS && CSS.highlights && CSS.highlights.get('article-reader-speech');
  return h ? [...h].map((r) => r.toString()) : null;
});
const state = (page) => inShadow(page, (r) => r.querySelector('[part~="listen"]').dataset.state);

test('sentence by sentence: one utterance per sentence, chained on end; the sentence is highlighted (CSS.highlights); boundary events are harmless', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE), init: [stubSpeech, VOICES] });
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-listen').hidden);
  await page.locator('article-reader button[part~="listen"]').click();
  assertEq(JSON.stringify(await spoken(page)), JSON.stringify(['Tiêu đề bài.']), 'only the first sentence is queued');
  assertEq(JSON.stringify(await hl(page)), JSON.stringify(['Tiêu đề bài.']), 'title highlighted');
  const order = [];
  while (await page.evaluate(() => window.__speech.finish())) {
    const h = await hl(page);
    if (h) order.push(h[0]);
  }
  const all = await spoken(page);
  assertEq(JSON.stringify(all), JSON.stringify(['Tiêu đề bài.', 'Dòng mở đầu.', 'Câu thứ hai của sapo!', 'Đoạn một câu một.', 'Đoạn một câu hai với chữ đậm ở giữa.', 'Đoạn hai TP. Hồ Chí Minh.', 'Đoạn ba.']),
    'every sentence once, in order; captions skipped; an abbreviation does not end a sentence; inline markup does not cut one');
  assertEq(order.join('|'), all.slice(1).join('|'), 'the highlight follows each sentence (a range across <b>)');
  assertEq(await hl(page), null, 'highlight removed at the end');
  assertEq(await state(page), 'idle', 'idle at the end');
  const voice = await page.evaluate(() => window.__speech.log.find((e) => e[0] === 'speak')[2]);
  assertEq(voice, 'Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', 'natural/online voice first');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('pause = cancel, resume speaks the current sentence again; previous/next paragraph; speed and voice restart the sentence and are remembered', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE), init: [stubSpeech, VOICES] });
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-listen').hidden);
  const w = page.locator('article-reader');
  const play = w.locator('button[part~="listen"]');
  await play.click();
  await page.evaluate(() => { window.__speech.finish(); window.__speech.finish(); }); // now at "Câu thứ hai của sapo!"
  await play.click(); // pause
  assertEq(await state(page), 'paused', 'paused');
  const calls = await page.evaluate(() => window.__speech.log.map((e) => e[0]));
  assert(calls.at(-1) === 'cancel' && !calls.includes('pause'), `pause cancels, never speechSynthesis.pause() (${calls})`);
  assertEq(JSON.stringify(await hl(page)), JSON.stringify(['Câu thứ hai của sapo!']), 'highlight stays while paused');
  await play.click(); // resume
  assertEq((await spoken(page)).at(-1), 'Câu thứ hai của sapo!', 'resume repeats the current sentence from its start');
  await w.locator('button[part~="listen-next"]').click();
  assertEq((await spoken(page)).at(-1), 'Đoạn một câu một.', 'next paragraph');
  await w.locator('button[part~="listen-next"]').click();
  assertEq((await spoken(page)).at(-1), 'Đoạn hai TP. Hồ Chí Minh.', 'next paragraph skips the figure');
  await w.locator('button[part~="listen-prev"]').click();
  assertEq((await spoken(page)).at(-1), 'Đoạn một câu một.', 'previous paragraph');
  await page.evaluate(() => window.__speech.finish());
  await w.locator('button[part~="listen-prev"]').click();
  assertEq((await spoken(page)).at(-1), 'Đoạn một câu một.', 'previous inside a paragraph: back to its start');
  await w.locator('select[part~="listen-rate"]').selectOption({ label: '1,5×' });
  const last = await page.evaluate(() => window.__speech.log.filter((e) => e[0] === 'speak').at(-1));
  assertEq(JSON.stringify(last.slice(1)), JSON.stringify(['Đoạn một câu một.', 'Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', 1.5]), 'speed 1.5× restarts the sentence');
  await w.locator('select[part~="listen-voice"]').selectOption('Linh');
  assertEq((await page.evaluate(() => window.__speech.log.filter((e) => e[0] === 'speak').at(-1)))[2], 'Linh', 'voice change restarts with Linh');
  const stored = await page.evaluate(() => [localStorage.getItem('article-reader:rate'), localStorage.getItem('article-reader:voice:vi')]);
  assertEq(stored.join(','), '1.5,Linh', 'speed and the Vietnamese voice remembered');
  const voiceNames = await inShadow(page, (r) => [...r.querySelectorAll('[part~="listen-voice"] option')].map((o) => o.value));
  assertEq(voiceNames.join('|'), 'Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)|Linh', 'only Vietnamese voices, natural first');
  // Labelled, 44 px.
  const small = await inShadow(page, (r) => [...r.querySelectorAll('.ar-listen button, .ar-listen select')].map((e) => [e.getAttribute('part'), e.getBoundingClientRect()]).filter(([, b]) => b.width < 44 || b.height < 44).map(([p]) => p));
  assertEq(small.join(','), '', 'listen controls ≥ 44 px');
  await w.locator('button[part~="listen-stop"]').click();
  assertEq(await state(page), 'idle', 'stopped');
  assertEq(await hl(page), null, 'no highlight after stop');
  await page.reload();
  await page.waitForFunction(() => !document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-listen')?.hidden);
  await page.locator('article-reader button[part~="listen"]').click();
  const after = await page.evaluate(() => window.__speech.log.filter((e) => e[0] === 'speak').at(-1));
  assertEq(`${after[2]} ${after[3]}`, 'Linh 1.5', 'after reload: remembered voice and speed');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('Media Session: title, byline, lead image; handlers pause/play/next/stop; listening stops on unmount', async ({ browser, base }) => {
  const page = await readerPage(browser, base, { body: inlineWidget(ARTICLE), init: [stubSpeech, VOICES] });
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-listen').hidden);
  await page.locator('article-reader button[part~="listen"]').click();
  const meta = await page.evaluate(() => { const m = navigator.mediaSession.metadata; return { title: m.title, artist: m.artist, art: m.artwork[0].src, state: navigator.mediaSession.playbackState, handlers: Object.keys(window.__speech.handlers).filter((k) => window.__speech.handlers[k]) }; });
  assertEq(meta.title, 'Tiêu đề bài.', 'title');
  assertEq(meta.artist, 'Mai Trâm', 'byline');
  assert(meta.art.endsWith('/fixtures/images/hoi-nghi-dan-van.jpg'), `lead image (${meta.art})`);
  assertEq(meta.state, 'playing', 'playing');
  assertEq(meta.handlers.sort().join(','), 'nexttrack,pause,play,previoustrack,stop', 'lock-screen actions');
  await page.evaluate(() => window.__speech.handlers.pause());
  assertEq(await state(page), 'paused', 'lock-screen pause');
  await page.evaluate(() => window.__speech.handlers.play());
  assertEq(await state(page), 'speaking', 'lock-screen play');
  await page.evaluate(() => window.__speech.handlers.nexttrack());
  assertEq((await spoken(page)).at(-1), 'Dòng mở đầu.', 'lock-screen next paragraph');
  await page.evaluate(() => document.querySelector('article-reader').remove());
  await page.waitForTimeout(100);
  const end = await page.evaluate(() => ({ last: window.__speech.log.at(-1)[0], meta: navigator.mediaSession.metadata, hl: CSS.highlights.has('article-reader-speech') }));
  assertEq(JSON.stringify(end), JSON.stringify({ last: 'cancel', meta: null, hl: false }), 'unmount cancels speech, clears the lock screen and the highlight');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});
