//! "Listen": reads the article aloud with the Web Speech API, sentence by
//! sentence, and highlights the sentence being spoken.
//!
//! - Shown only when `speechSynthesis.getVoices()` has a voice for the article's
//!   language (re-checked on `voiceschanged`); hidden otherwise.
//! - The text is read from the rendered DOM (title, lede, the body's blocks
//!   without figures, tables and code), split into sentences
//!   (`crate::reading::sentence_spans`); each sentence is one utterance, the next
//!   is queued when the previous one ends, so no utterance runs into Chromium's
//!   ~15 s cut-off and no word is ever cut.
//! - Pause is `cancel()`, resume speaks the current sentence again (Android's
//!   `pause()` cancels anyway). Previous / next paragraph jump between blocks.
//!   Speed (0.75–2×) and voice (the article's language only, natural/online
//!   voices first, remembered per language) restart the current sentence.
//! - The sentence is highlighted with the CSS Custom Highlight API
//!   (`CSS.highlights`, `::highlight(article-reader-speech)`), without touching the
//!   DOM; browsers without it get no highlight. The page scrolls to keep it in
//!   view unless the reader has scrolled the previous sentence out of view.
//! - Media Session: title, byline and lead image on the lock screen; play,
//!   pause, previous/next (paragraph) and stop handlers.
//!
//! Every call into these APIs goes through `Reflect` and `Function::apply`, which
//! return errors instead of throwing through wasm. `speechSynthesis` is one queue
//! per page: starting one instance stops any other; unmounting stops it.

use super::js::{call, construct, get, rect, set, str_prop, win};
use super::prefs::{load, store};
use crate::article::lang::primary_subtag;
use js_sys::{Array, Object};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Longest sentence spoken as one utterance (longer ones are cut after a
/// clause or between words): about 15 s of speech at the normal rate.
const MAX_SENTENCE: usize = 220;
const HIGHLIGHT: &str = "article-reader-speech";
const KEY_RATE: &str = "article-reader:rate";
const KEY_VOICE: &str = "article-reader:voice:";
/// Speeds offered, and their labels (Vietnamese writes a decimal comma).
const RATES: [f64; 6] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0];
const RATE_VI: [&str; 6] = ["0,75×", "1×", "1,25×", "1,5×", "1,75×", "2×"];
const RATE_EN: [&str; 6] = ["0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×"];
/// How a speed is stored (what earlier versions wrote: the number as text).
const RATE_KEYS: [&str; 6] = ["0.75", "1", "1.25", "1.5", "1.75", "2"];

/// One sentence: its block, its text and its UTF-16 range in the block's text.
struct Sentence {
    block: usize,
    text: String,
    from: u32,
    to: u32,
}

/// What is being read.
struct Queue {
    id: usize,
    blocks: Vec<web_sys::Element>,
    sentences: Vec<Sentence>,
    cur: usize,
    voice: JsValue,
    lang: String,
}

thread_local! {
    /// Bumped when the browser's voice list changes (`voiceschanged`).
    static VOICES: ArcRwSignal<Option<usize>> = init();
    /// Who is reading: `id * 2 + paused`, `None` when nobody is.
    static OWNER: ArcRwSignal<Option<usize>> = ArcRwSignal::new(None);
    /// Bumped on every utterance start, pause and stop, so late events of an
    /// older utterance are ignored.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    static NEXT_ID: Cell<usize> = const { Cell::new(0) };
    static QUEUE: RefCell<Option<Queue>> = const { RefCell::new(None) };
    /// Index into [`RATES`].
    static RATE: Cell<usize> = Cell::new(load(KEY_RATE).and_then(|r| RATE_KEYS.iter().position(|x| *x == r)).unwrap_or(1));
}

pub(super) fn owner() -> ArcRwSignal<Option<usize>> {
    OWNER.with(Clone::clone)
}

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

/// `window.speechSynthesis`, when it is an object.
fn synth() -> Option<JsValue> {
    Some(get(&win(), "speechSynthesis")).filter(JsValue::is_object)
}

/// The voices for `lang`, best first: natural/online voices, then the exact
/// region, then by name.
pub(super) fn voices_for(lang: &str) -> Vec<(String, JsValue)> {
    let Some(api) = synth() else { return Vec::new() };
    let Some(list) = call(&api, "getVoices", &[]).and_then(|l| l.dyn_into::<Array>().ok()) else { return Vec::new() };
    let want = primary_subtag(lang);
    let full = lang.replace('_', "-").to_ascii_lowercase();
    let mut out: Vec<(bool, bool, String, JsValue)> = list
        .iter()
        .filter_map(|v| {
            let l = str_prop(&v, "lang")?.replace('_', "-").to_ascii_lowercase();
            if primary_subtag(&l) != want {
                return None;
            }
            let name = str_prop(&v, "name").unwrap_or_default();
            let natural =
                name.contains("Natural") || name.contains("Online") || get(&v, "localService").as_bool() == Some(false);
            Some((!natural, l != full, name, v))
        })
        .collect();
    out.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    out.into_iter().map(|(_, _, n, v)| (n, v)).collect()
}

fn init() -> ArcRwSignal<Option<usize>> {
    let version = ArcRwSignal::new(Some(0));
    if let Some(api) = synth() {
        let v = version.clone();
        let on_change = Closure::<dyn Fn(JsValue)>::new(move |_: JsValue| v.update(|n| *n = n.map(|n| n + 1)));
        let _ = call(&api, "addEventListener", &[&js("voiceschanged"), on_change.as_ref()]);
        on_change.forget(); // one listener per page, for the page's lifetime
    }
    version
}

/// The voice to use for `lang`: the one the reader chose for that language, else the best.
fn pick_voice(lang: &str) -> Option<JsValue> {
    let list = voices_for(lang);
    let chosen = load(&[KEY_VOICE, &primary_subtag(lang)].concat());
    let i = chosen.and_then(|c| list.iter().position(|(n, _)| *n == c)).unwrap_or(0);
    list.into_iter().nth(i).map(|(_, v)| v)
}

fn bump() -> u32 {
    GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    })
}

/// Stops whatever this page is reading and clears the highlight and the lock screen.
pub(super) fn stop() {
    bump();
    owner().set(None);
    QUEUE.with(|q| q.borrow_mut().take());
    if let Some(synth) = synth() {
        let _ = call(&synth, "cancel", &[]);
    }
    highlight(None);
    media_session(None);
}

/// `CSS.highlights`, when the Custom Highlight API exists.
fn registry() -> Option<JsValue> {
    let reg = get(&get(&win(), "CSS"), "highlights");
    reg.is_object().then_some(reg)
}

/// Shows `range` as the spoken sentence (or nothing).
fn highlight(range: Option<&JsValue>) {
    let Some(reg) = registry() else { return };
    match range.and_then(|r| construct("Highlight", r)) {
        Some(h) => call(&reg, "set", &[&js(HIGHLIGHT), &h]),
        None => call(&reg, "delete", &[&js(HIGHLIGHT)]),
    };
}

/// A DOM range over UTF-16 offsets `from..to` of `block`'s text.
fn range_in(block: &web_sys::Element, from: u32, to: u32) -> Option<JsValue> {
    let doc = block.owner_document()?;
    let range = call(&doc, "createRange", &[])?;
    let (mut at, mut start_set) = (0u32, false);
    let mut stack: Vec<web_sys::Node> = Vec::new();
    let mut node = block.first_child();
    while let Some(n) = node {
        if n.node_type() == 3 {
            let len = get(&n, "length").as_f64().unwrap_or(0.0) as u32;
            if !start_set && from < at + len {
                call(&range, "setStart", &[&n, &JsValue::from(from - at)])?;
                start_set = true;
            }
            if start_set && to <= at + len {
                call(&range, "setEnd", &[&n, &JsValue::from(to - at)])?;
                return Some(range);
            }
            at += len;
        }
        // Depth-first, document order.
        node = match n.first_child() {
            Some(c) => {
                stack.push(n);
                Some(c)
            }
            None => {
                let mut next = n.next_sibling();
                while next.is_none() {
                    match stack.pop() {
                        Some(p) => next = p.next_sibling(),
                        None => break,
                    }
                }
                next
            }
        };
    }
    None
}

/// Speaks the current sentence of the queue; the next one follows on `end`.
pub(super) fn speak_current() {
    let gen = bump();
    let Some(api) = synth() else { return stop() };
    let next = QUEUE.with(|q| {
        let q = q.borrow();
        let q = q.as_ref()?;
        let s = q.sentences.get(q.cur)?;
        let block = q.blocks.get(s.block)?;
        Some((s.text.clone(), q.voice.clone(), q.lang.clone(), range_in(block, s.from, s.to), q.id))
    });
    let Some((text, voice, lang, range, id)) = next else { return stop() };
    let Some(u) = construct("SpeechSynthesisUtterance", &js(&text)) else { return stop() };
    set(&u, "lang", &js(&lang));
    set(&u, "voice", &voice);
    set(&u, "rate", &JsValue::from(RATES.get(RATE.with(Cell::get)).copied().unwrap_or(1.0)));
    let on_end = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
        if GENERATION.with(Cell::get) != gen {
            return; // cancelled by pause, a jump or stop
        }
        if get(&ev, "type").as_string().as_deref() == Some("error") {
            return stop();
        }
        let more = QUEUE.with(|q| {
            q.borrow_mut().as_mut().is_some_and(|q| {
                q.cur += 1;
                q.cur < q.sentences.len()
            })
        });
        if more {
            speak_current();
        } else {
            stop();
        }
    })
    .into_js_value();
    set(&u, "onend", &on_end);
    set(&u, "onerror", &on_end);
    // Keep the sentence in view, unless the reader scrolled the previous one away.
    if let Some(r) = &range {
        let follow = registry()
            .map(|reg| call(&reg, "get", &[&js(HIGHLIGHT)]).unwrap_or(JsValue::UNDEFINED))
            .filter(JsValue::is_object)
            .and_then(|h| call(&h, "values", &[]))
            .and_then(|it| call(&it, "next", &[]))
            .map(|n| get(&n, "value"))
            .filter(JsValue::is_object)
            .and_then(|prev| rect(&prev))
            .is_none_or(|(top, bottom, h)| bottom > 0.0 && top < h);
        highlight(Some(r));
        if let Some((top, bottom, h)) = rect(r).filter(|_| follow) {
            if top < 0.0 || bottom > h {
                let _ = call(&win(), "scrollBy", &[&JsValue::from(0), &JsValue::from(top - h / 3.0)]);
            }
        }
    }
    owner().set(Some(id * 2));
    set_playback("playing");
    if call(&api, "speak", &[&u]).is_none() {
        stop();
    }
}

/// Pause (cancel; the current sentence is spoken again on resume).
pub(super) fn pause(id: usize) {
    bump();
    if let Some(api) = synth() {
        let _ = call(&api, "cancel", &[]);
    }
    owner().set(Some(id * 2 + 1));
    set_playback("paused");
}

/// Moves to the first sentence of the paragraph `delta` blocks away (the start
/// of the current one for −1 when already inside it) and speaks it unless paused.
pub(super) fn jump(delta: isize) {
    let moved = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let q = q.as_mut()?;
        let block = q.sentences.get(q.cur)?.block;
        let first = q.sentences.iter().position(|s| s.block == block)?;
        let target = if delta < 0 && q.cur > first {
            first
        } else if delta < 0 {
            let prev = q.sentences.get(first.checked_sub(1)?)?.block;
            q.sentences.iter().position(|s| s.block == prev)?
        } else {
            q.sentences.iter().position(|s| s.block > block)?
        };
        q.cur = target;
        Some(q.id)
    });
    let Some(id) = moved else { return };
    if owner().get_untracked() == Some(id * 2) {
        speak_current();
    } else if let Some(r) = QUEUE.with(|q| {
        let q = q.borrow();
        let q = q.as_ref()?;
        let s = q.sentences.get(q.cur)?;
        range_in(q.blocks.get(s.block)?, s.from, s.to)
    }) {
        highlight(Some(&r));
    }
}

/// The blocks to read inside the widget root, in order.
fn blocks(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = root
        .query_selector_all(".ar-title, .ar-lede, :is(.ar-body, .ar-chunk) > :not(.ar-chunk, figure, .ar-table, pre, hr, aside, [aria-hidden])")
    else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Starts reading the article shown in `root` for instance `id`.
pub(super) fn start(id: usize, root: &web_sys::Element, lang: &str, meta: Meta) -> bool {
    let Some(voice) = pick_voice(lang) else { return false };
    let blocks = blocks(root);
    let mut sentences = Vec::new();
    for (b, el) in blocks.iter().enumerate() {
        let text = el.text_content().unwrap_or_default();
        let spans = crate::reading::sentence_spans(&text, MAX_SENTENCE);
        let offsets =
            crate::reading::utf16_offsets(&text, &spans.iter().flat_map(|&(a, z)| [a, z]).collect::<Vec<_>>());
        for (k, &(a, z)) in spans.iter().enumerate() {
            let (Some(from), Some(to), Some(t)) = (offsets.get(2 * k), offsets.get(2 * k + 1), text.get(a..z)) else {
                continue;
            };
            sentences.push(Sentence { block: b, text: t.to_owned(), from: *from, to: *to });
        }
    }
    if sentences.is_empty() {
        return false;
    }
    stop();
    let voice_lang = str_prop(&voice, "lang").unwrap_or_else(|| lang.to_owned()).replace('_', "-");
    QUEUE.with(|q| *q.borrow_mut() = Some(Queue { id, blocks, sentences, cur: 0, voice, lang: voice_lang }));
    media_session(Some(meta));
    speak_current();
    true
}

/// Lock-screen metadata: title, byline, lead image.
pub(super) struct Meta {
    pub title: String,
    pub artist: String,
    pub image: Option<String>,
}

fn media_session(meta: Option<Meta>) {
    let session = get(&get(&win(), "navigator"), "mediaSession");
    if !session.is_object() {
        return;
    }
    let actions = ["play", "pause", "previoustrack", "nexttrack", "stop"];
    let Some(meta) = meta else {
        set(&session, "metadata", &JsValue::NULL);
        set(&session, "playbackState", &js("none"));
        for a in actions {
            let _ = call(&session, "setActionHandler", &[&js(a), &JsValue::NULL]);
        }
        return;
    };
    let init = Object::new();
    set(&init, "title", &js(&meta.title));
    set(&init, "artist", &js(&meta.artist));
    if let Some(src) = &meta.image {
        let art = Object::new();
        set(&art, "src", &js(src));
        set(&init, "artwork", &Array::of1(&art));
    }
    if let Some(m) = construct("MediaMetadata", &init) {
        set(&session, "metadata", &m);
    }
    for (i, a) in actions.iter().enumerate() {
        let f = Closure::<dyn Fn()>::new(move || {
            let Some(o) = owner().get_untracked() else { return };
            match i {
                0 => speak_current(),
                1 => pause(o / 2),
                2 => jump(-1),
                3 => jump(1),
                _ => stop(),
            }
        })
        .into_js_value();
        let _ = call(&session, "setActionHandler", &[&js(a), &f]);
    }
}

fn set_playback(state: &str) {
    let session = get(&get(&win(), "navigator"), "mediaSession");
    if session.is_object() {
        set(&session, "playbackState", &js(state));
    }
}

/// Restarts the current sentence after a speed or voice change, if speaking.
fn restart(id: usize) {
    if owner().get_untracked() == Some(id * 2) {
        speak_current();
    }
}

/// Playback state of one instance: idle, speaking, or (`SPEAKING + 1`) paused.
pub(super) const IDLE: usize = 0;
pub(super) const SPEAKING: usize = 1;

/// A new instance number (who is reading is `id * 2 + paused`).
pub(super) fn next_id() -> usize {
    NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

/// Bumped when the browser's voice list changes.
pub(super) fn voices_changed() -> ArcRwSignal<Option<usize>> {
    VOICES.with(Clone::clone)
}

/// A speed picked (index into [`RATES`]): remembered; the sentence restarts.
pub(super) fn set_rate(id: usize, i: usize) {
    RATE.with(|r| r.set(i.min(RATES.len() - 1)));
    store(KEY_RATE, RATE_KEYS.get(i).copied().unwrap_or("1"));
    restart(id);
}

/// A voice picked by name for `lang`: remembered per language; the sentence restarts.
pub(super) fn set_voice(id: usize, lang: &str, name: &str) {
    store(&[KEY_VOICE, &primary_subtag(lang)].concat(), name);
    let voice = voices_for(lang).into_iter().find(|(n, _)| n == name);
    QUEUE.with(|q| {
        if let (Some(q), Some((_, v))) = (q.borrow_mut().as_mut(), voice) {
            q.lang = str_prop(&v, "lang").unwrap_or_else(|| lang.to_owned()).replace('_', "-");
            q.voice = v;
        }
    });
    restart(id);
}

/// The speed options (value, label, selected) in the UI language, and the
/// voice options for `lang` with the remembered one selected.
pub(super) fn options(en: bool, lang: &str) -> [Vec<(String, String, bool)>; 2] {
    let chosen = load(&[KEY_VOICE, &primary_subtag(lang)].concat());
    let now = RATE.with(Cell::get);
    let labels: &[&str; 6] = if en { &RATE_EN } else { &RATE_VI };
    let rates = labels.iter().enumerate().map(|(i, l)| (i.to_string(), (*l).to_owned(), i == now)).collect();
    let names = voices_for(lang)
        .into_iter()
        .map(|(n, _)| {
            let sel = chosen.as_deref() == Some(n.as_str());
            (n.clone(), n, sel)
        })
        .collect();
    [rates, names]
}
