// Issue 5, point 4: "Listen" with the Web Speech API. Headless Chromium has no
// voices, so the control is hidden there; a stubbed speechSynthesis (init
// script) drives the rest: appears on voiceschanged, reads title + lede + body
// with the Vietnamese voice, pause / resume / stop, ends by itself. Sentence
// chaining, highlight and Media Session: reader_listen.test.mjs (issue 12).
import { test, assert, assertEq } from './lib.mjs';
import { readerPage, inShadow, inlineWidget, STRESS_ARTICLE } from './reader_util.mjs';

function stubSpeech(initialVoices) {
  const voices = initialVoices.slice();
  const listeners = {};
  const s = { log: [], queue: [] };
  window.__speech = s;
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.onend = null; this.onerror = null; }
  };
  const synth = {
    getVoices: () => voices.slice(),
    speak(u) { s.log.push(['speak', u.text, u.lang, u.voice && u.voice.name]); s.queue.push(u); },
    pause() { s.log.push(['pause']); },
    resume() { s.log.push(['resume']); },
    cancel() {
      s.log.push(['cancel']);
      s.queue.splice(0).forEach((u) => u.onerror && u.onerror({ error: 'interrupted' }));
    },
    addEventListener(type, f) { (listeners[type] ||= []).push(f); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  s.addVoice = (v) => { voices.push(v); (listeners.voiceschanged || []).forEach((f) => f(new Event('voiceschanged'))); };
  // Ends utterances one by one; each end queues the next sentence.
  s.finishAll = () => { for (let u; (u = s.queue.shift());) u.onend && u.onend({ type: 'end' }); };
}

// null while the control is hidden (no voice); else its state, label and whether Stop shows.
const listenState = (page, i = 0) => inShadow(page, (r) => {
  const b = r.querySelector('[part~="listen"]');
  const shown = (e) => !!e && e.getBoundingClientRect().width > 0 && !e.closest('[hidden]');
  return shown(b) ? { state: b.dataset.state, label: b.textContent.trim(), stop: shown(r.querySelector('[part~="listen-stop"]')) } : null;
}, null, i);

test('Listen is hidden when the browser has no voice (headless Chromium has none)', async ({ browser, base }) => {
  const page = await readerPage(browser, base);
  const voices = await page.evaluate(() => (window.speechSynthesis ? speechSynthesis.getVoices().length : -1));
  assertEq(voices, 0, 'headless Chromium: speechSynthesis exists with no voices');
  assertEq(await listenState(page), null, 'no Listen control');
  await page.closeAll();
  // No API at all, or a broken one: still hidden, no error.
  const broken = () => Object.defineProperty(window, 'speechSynthesis', { get() { throw new Error('nope'); } });
  const p2 = await readerPage(browser, base, { init: broken });
  assertEq(await listenState(p2), null, 'no Listen control with a throwing speechSynthesis');
  assertEq(p2.problems.join('\n'), '', 'no errors');
  await p2.closeAll();
});

test('Listen appears when a Vietnamese voice arrives (voiceschanged), reads title+lede+body, pause/resume/stop', async ({ browser, base }) => {
  const init = [stubSpeech, [{ name: 'Test English', lang: 'en-US', localService: true }]];
  const page = await readerPage(browser, base, { init });
  assertEq(await listenState(page), null, 'English voice only: hidden for a Vietnamese article');
  await page.evaluate(() => window.__speech.addVoice({ name: 'Test Tiếng Việt', lang: 'vi-VN', localService: true }));
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-listen').hidden);
  assertEq(JSON.stringify(await listenState(page)), JSON.stringify({ state: 'idle', label: 'Nghe bài viết', stop: false }), 'shown, idle');
  const btn = page.locator('article-reader button[part~="listen"]');
  const box = await btn.boundingBox();
  assert(box.width >= 44 && box.height >= 44, `Listen is a 44px target (${box.width}x${box.height})`);
  await btn.click();
  const first = (await page.evaluate(() => window.__speech.log)).filter((e) => e[0] === 'speak');
  assertEq(first.length, 1, 'one sentence at a time');
  assertEq(first[0][1], 'Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020', 'title first');
  assertEq(JSON.stringify(await listenState(page)), JSON.stringify({ state: 'speaking', label: 'Tạm dừng', stop: true }), 'speaking: Pause and Stop');
  const focused = () => page.evaluate(() => document.querySelector('article-reader').shadowRoot.activeElement?.getAttribute('part'));
  assertEq(await focused(), 'button listen', 'focus stays on the same button');
  await btn.click();
  assertEq(JSON.stringify(await listenState(page)), JSON.stringify({ state: 'paused', label: 'Nghe tiếp', stop: true }), 'paused: Resume');
  await page.keyboard.press('Enter');
  assertEq((await listenState(page)).state, 'speaking', 'resumed from the keyboard');
  const calls = (await page.evaluate(() => window.__speech.log)).map((e) => e[0]);
  assertEq(calls.join(','), 'cancel,speak,cancel,speak', 'API calls: cancel (clean queue), speak, pause = cancel, resume = speak the sentence again');
  await page.locator('article-reader button[part~="listen-stop"]').click();
  assertEq(JSON.stringify(await listenState(page)), JSON.stringify({ state: 'idle', label: 'Nghe bài viết', stop: false }), 'stopped');
  assertEq((await page.evaluate(() => window.__speech.log)).at(-1)[0], 'cancel', 'Stop cancels');
  // Reading to the end: every sentence, then idle by itself.
  await page.evaluate(() => { window.__speech.log.length = 0; });
  await btn.click();
  await page.evaluate(() => window.__speech.finishAll());
  const spoken = (await page.evaluate(() => window.__speech.log)).filter((e) => e[0] === 'speak');
  assert(spoken.length >= 5, `several utterances (${spoken.length})`);
  assert(spoken.every((e) => e[2] === 'vi-VN' && e[3] === 'Test Tiếng Việt'), 'every utterance uses the Vietnamese voice');
  assert(spoken.every((e) => e[1].length <= 260), `utterances are sentences of at most ~220 characters (${spoken.map((e) => e[1].length)})`);
  assert(spoken[1][1].startsWith('Chiều 19/12, Ban Dân vận Tỉnh ủy'), 'then the lede');
  const all = spoken.map((e) => e[1]).join(' ');
  assert(all.includes('Tham dự Hội nghị, tại điểm cầu tỉnh') && all.endsWith('Đại hội XVI Đảng bộ tỉnh…'), 'then the whole body');
  assert(!all.includes('Đồng chí Nguyễn Thanh Hà'), 'captions are not read');
  assertEq((await listenState(page)).state, 'idle', 'idle after the last utterance ends');
  assertEq(page.problems.join('\n'), '', 'no console errors');
  await page.closeAll();
});

test('Listen follows the article language: an English article with only an English voice; two instances share one queue', async ({ browser, base }) => {
  const init = [stubSpeech, [{ name: 'Test English', lang: 'en_GB', localService: false }]];
  const en = { ...STRESS_ARTICLE, lang: 'en', title: 'An English article', lede: 'Short lede.', body: '<p>One paragraph of English text.</p>' };
  const body = inlineWidget(en) + inlineWidget({ ...en, title: 'Second article' }) + inlineWidget(STRESS_ARTICLE);
  const page = await readerPage(browser, base, { init, body, widgets: 3 });
  assert(await listenState(page, 0), 'shown for the English article');
  assertEq(await listenState(page, 2), null, 'hidden for the Vietnamese article on the same page');
  await page.locator('article-reader').nth(0).locator('button[part~="listen"]').click();
  await page.locator('article-reader').nth(1).locator('button[part~="listen"]').click();
  assertEq((await listenState(page, 0)).state, 'idle', 'starting instance 2 stops instance 1');
  assertEq((await listenState(page, 1)).state, 'speaking', 'instance 2 speaks');
  const last = (await page.evaluate(() => window.__speech.log)).filter((e) => e[0] === 'speak').at(-1);
  assertEq(JSON.stringify(last), JSON.stringify(['speak', 'Second article', 'en-GB', 'Test English']), 'English voice for the English article');
  await page.closeAll();
});
