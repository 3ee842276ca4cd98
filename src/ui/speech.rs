//! "Listen": reads the article (title, lede, body) aloud with the Web Speech API.
//!
//! Shown only when `speechSynthesis.getVoices()` has a voice for the article's
//! language (re-checked on `voiceschanged`, since Chromium fills the list late);
//! hidden otherwise, and in browsers without the API. One primary button cycles
//! Listen → Pause → Resume (it stays the same element, so keyboard focus stays on
//! it), and Stop appears while reading.
//!
//! Every call into the API goes through `Reflect` and `Function::apply`, which
//! return errors instead of throwing through wasm: a missing, partial or
//! misbehaving `speechSynthesis` only hides the control. `speechSynthesis` is one
//! queue per page, so starting one instance stops any other.

use super::{Instance, LoadState, Ready};
use crate::body::tree::Node;
use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Longest text handed to one utterance: Chromium's network voices stop after
/// ~15 s of a single utterance, and short ones make pause/resume precise.
const MAX_CHUNK: usize = 220;

thread_local! {
    /// Bumped when the browser's voice list changes (`voiceschanged`).
    static VOICES: ArcRwSignal<Option<usize>> = init();
    /// Who is reading: `id * 2 + paused`, `None` when nobody is.
    static OWNER: ArcRwSignal<Option<usize>> = ArcRwSignal::new(None);
    /// Bumped on every start/stop so late events of an older queue are ignored.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    static NEXT_ID: Cell<usize> = const { Cell::new(0) };
}

fn owner() -> ArcRwSignal<Option<usize>> {
    OWNER.with(Clone::clone)
}

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

/// `window.speechSynthesis`, when it is an object.
fn synth() -> Option<JsValue> {
    let win = web_sys::window()?;
    Reflect::get(&win, &js("speechSynthesis")).ok().filter(JsValue::is_object)
}

/// Calls `obj[name](...args)`; `None` if it is not a function or it throws.
fn call(obj: &JsValue, name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f = Reflect::get(obj, &js(name)).ok()?.dyn_into::<Function>().ok()?;
    let list = Array::new();
    for a in args {
        list.push(a);
    }
    f.apply(obj, &list).ok()
}

fn str_prop(obj: &JsValue, name: &str) -> Option<String> {
    Reflect::get(obj, &js(name)).ok()?.as_string()
}

/// The voices as (lower-cased lang, voice) pairs.
fn voices(synth: &JsValue) -> Vec<(String, JsValue)> {
    let Some(list) = call(synth, "getVoices", &[]) else { return Vec::new() };
    let Ok(list) = list.dyn_into::<Array>() else { return Vec::new() };
    list.iter()
        .filter_map(|v| Some((str_prop(&v, "lang")?.replace('_', "-").to_ascii_lowercase(), v)))
        .collect()
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

/// Whether the browser has a voice for `lang`.
fn has_voice(lang: &str) -> bool {
    let want = primary(lang);
    synth().is_some_and(|api| voices(&api).iter().any(|(l, _)| primary(l) == want))
}

/// Primary subtag, lower-cased: `vi-VN` → `vi`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase()
}

/// The best voice for `lang`: same language, the exact region first, then a
/// local (offline) one.
fn pick_voice(synth: &JsValue, lang: &str) -> Option<JsValue> {
    let want = primary(lang);
    let full = lang.replace('_', "-").to_ascii_lowercase();
    voices(synth)
        .into_iter()
        .filter(|(l, _)| primary(l) == want)
        .max_by_key(|(l, v)| {
            let local = Reflect::get(v, &js("localService")).ok().and_then(|b| b.as_bool()).unwrap_or(false);
            (*l == full, local)
        })
        .map(|(_, v)| v)
}

/// The texts to read, in order: title, lede, then each top-level body block,
/// cut into utterance-sized chunks. Figures (captions) are skipped.
fn texts(ready: &Ready) -> Vec<String> {
    let a = &ready.article;
    let mut parts: Vec<String> = Vec::new();
    parts.extend(a.title.clone());
    parts.extend(a.lede.clone());
    for n in &ready.body {
        if matches!(n, Node::Figure(_)) {
            continue;
        }
        let mut t = String::new();
        n.text_content(&mut t);
        parts.push(t);
    }
    parts.iter().flat_map(|p| crate::reading::sentence_spans(p, MAX_CHUNK).into_iter().filter_map(|(a, b)| p.get(a..b).map(str::to_owned)).collect::<Vec<_>>()).collect()
}

/// Stops whatever this page is reading.
fn stop() {
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
    owner().set(None);
    if let Some(synth) = synth() {
        let _ = call(&synth, "cancel", &[]);
    }
}

/// Starts reading `ready` for instance `id`. Returns false when it cannot.
fn start(id: usize, ready: &Ready, lang: &str) -> bool {
    let Some(synth) = synth() else { return false };
    let Some(voice) = pick_voice(&synth, lang) else { return false };
    let Some(ctor) = web_sys::window()
        .and_then(|w| Reflect::get(&w, &js("SpeechSynthesisUtterance")).ok())
        .and_then(|c| c.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let chunks = texts(ready);
    if chunks.is_empty() {
        return false;
    }
    stop();
    let gen = GENERATION.with(Cell::get);
    // Clears the owner once the queue ends or fails, unless a newer start/stop happened.
    let finish = Closure::<dyn Fn(JsValue)>::new(move |_: JsValue| {
        if GENERATION.with(Cell::get) == gen {
            owner().set(None);
        }
    })
    .into_js_value();
    let voice_lang = str_prop(&voice, "lang").unwrap_or_else(|| lang.to_owned()).replace('_', "-");
    owner().set(Some(id * 2));
    let last = chunks.len() - 1;
    for (i, text) in chunks.into_iter().enumerate() {
        let Ok(u) = Reflect::construct(&ctor, &Array::of1(&js(&text))) else {
            stop();
            return false;
        };
        let _ = Reflect::set(&u, &js("lang"), &js(&voice_lang));
        let _ = Reflect::set(&u, &js("voice"), &voice);
        let _ = Reflect::set(&u, &js("onerror"), &finish);
        if i == last {
            let _ = Reflect::set(&u, &js("onend"), &finish);
        }
        if call(&synth, "speak", &[&u]).is_none() {
            stop();
            return false;
        }
    }
    true
}

fn set_paused(id: usize, paused: bool) {
    let Some(synth) = synth() else { return };
    if call(&synth, if paused { "pause" } else { "resume" }, &[]).is_some() {
        owner().set(Some(id * 2 + usize::from(paused)));
    }
}

/// Playback state of one instance, as a `Memo<usize>` (a type the crate already
/// uses): idle, speaking, or (`SPEAKING + 1`) paused.
const IDLE: usize = 0;
const SPEAKING: usize = 1;

/// The Listen / Pause / Resume button and the Stop button. Always in the DOM
/// and `hidden` when there is no voice for the article's language, so a state
/// change only rewrites a label and an attribute (no view is rebuilt, and the
/// focused button stays the same element).
pub fn listen_view(inst: Instance) -> impl IntoView {
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let voices = VOICES.with(Clone::clone);
    // The article's language (else the UI's), when an article is shown.
    let article_lang = move || {
        let lang = inst.state.with(|st| match st {
            LoadState::Ready(r) => Some(r.article.lang.clone()),
            _ => None,
        })?;
        Some(lang.unwrap_or_else(|| inst.lang.get().tag().to_owned()))
    };
    // 1 when the browser has a voice for it (re-checked on `voiceschanged`); a
    // `Memo<usize>` rather than `Memo<bool>` to reuse code the crate already has.
    let available = Memo::new(move |_| {
        voices.track();
        usize::from(article_lang().is_some_and(|l| has_voice(&l)))
    });
    let who = owner();
    let playback = Memo::new(move |_| match who.get() {
        Some(o) if o / 2 == id => SPEAKING + o % 2,
        _ => IDLE,
    });
    // Both memos read page-wide signals: unsubscribe them on unmount (no leak).
    crate::ui::cleanup::release_on_cleanup(available);
    crate::ui::cleanup::release_on_cleanup(playback);
    // The control goes away (another article is loading, no voice any more) or
    // the view is unmounted: stop this instance's reading.
    let stop_mine = move || {
        if owner().get_untracked().is_some_and(|o| o / 2 == id) {
            stop();
        }
    };
    Effect::new(move |_| {
        if available.get() == 0 {
            stop_mine();
        }
    });
    on_cleanup(stop_mine);

    let t = move || inst.lang.get().t();
    let primary_click = move |_| match playback.get_untracked() {
        IDLE => {
            let lang = untrack(article_lang).unwrap_or_default();
            inst.state.with_untracked(|st| {
                if let LoadState::Ready(r) = st {
                    start(id, r, &lang);
                }
            });
        }
        p => set_paused(id, p == SPEAKING),
    };
    view! {
        <div class="ar-listen" role="group" aria-label=move || t().listen hidden=move || available.get() == 0>
            <button type="button" class="ar-btn ar-play" part="button listen"
                data-state=move || ["idle", "speaking", "paused"].get(playback.get()).copied()
                on:click=primary_click>
                {move || [t().listen, t().pause, t().resume].get(playback.get()).copied()}
            </button>
            // Shown by the stylesheet while reading (data-state of the button before it).
            <button type="button" class="ar-btn ar-stop" part="button listen-stop" on:click=move |_| stop()>
                {move || t().stop}
            </button>
        </div>
    }
}
