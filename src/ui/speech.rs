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
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Longest text handed to one utterance: Chromium's network voices stop after
/// ~15 s of a single utterance, and short ones make pause/resume precise.
const MAX_CHUNK: usize = 220;

/// Page-wide speech state shared by every instance.
#[derive(Clone)]
struct Speech {
    /// Lower-cased language tags of the available voices (`vi-vn`, `en-us`...).
    voice_langs: ArcRwSignal<Vec<String>>,
    /// The instance now reading, and whether it is paused.
    owner: ArcRwSignal<Option<(u32, bool)>>,
    /// Bumped on every start/stop so late events of an older queue are ignored.
    generation: ArcRwSignal<u32>,
    next_id: ArcRwSignal<u32>,
}

thread_local! {
    static SPEECH: Speech = init();
}

fn speech() -> Speech {
    SPEECH.with(Speech::clone)
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

fn init() -> Speech {
    let s = Speech {
        voice_langs: ArcRwSignal::new(Vec::new()),
        owner: ArcRwSignal::new(None),
        generation: ArcRwSignal::new(0),
        next_id: ArcRwSignal::new(0),
    };
    if let Some(api) = synth() {
        s.voice_langs.set(voices(&api).into_iter().map(|(l, _)| l).collect());
        let langs = s.voice_langs.clone();
        let on_change = Closure::<dyn Fn()>::new(move || {
            if let Some(api) = synth() {
                langs.set(voices(&api).into_iter().map(|(l, _)| l).collect());
            }
        });
        let _ = call(&api, "addEventListener", &[&js("voiceschanged"), on_change.as_ref()]);
        on_change.forget(); // one listener per page, for the page's lifetime
    }
    s
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
    parts.iter().flat_map(|p| crate::reading::speech_chunks(p, MAX_CHUNK)).collect()
}

/// Stops whatever this page is reading.
fn stop() {
    let s = speech();
    s.generation.update(|g| *g = g.wrapping_add(1));
    s.owner.set(None);
    if let Some(synth) = synth() {
        let _ = call(&synth, "cancel", &[]);
    }
}

/// Starts reading `ready` for instance `id`. Returns false when it cannot.
fn start(id: u32, ready: &Ready, lang: &str) -> bool {
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
    let s = speech();
    let gen = s.generation.get_untracked();
    // Clears the owner once the queue ends or fails, unless a newer start/stop happened.
    let finish = {
        let s = s.clone();
        Closure::<dyn Fn(JsValue)>::new(move |_ev: JsValue| {
            if s.generation.get_untracked() == gen {
                s.owner.set(None);
            }
        })
        .into_js_value()
    };
    let voice_lang = str_prop(&voice, "lang").unwrap_or_else(|| lang.to_owned()).replace('_', "-");
    s.owner.set(Some((id, false)));
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

fn set_paused(id: u32, paused: bool) {
    let Some(synth) = synth() else { return };
    if call(&synth, if paused { "pause" } else { "resume" }, &[]).is_some() {
        speech().owner.set(Some((id, paused)));
    }
}

/// What one instance's control shows.
#[derive(Clone, Copy, PartialEq)]
enum Playback {
    Idle,
    Speaking,
    Paused,
}

/// The Listen / Pause / Resume button and the Stop button; nothing when there is
/// no voice for the article's language.
pub fn listen_view(inst: Instance) -> impl IntoView {
    let s = speech();
    let id = {
        let mut id = 0;
        s.next_id.update(|n| {
            *n = n.wrapping_add(1);
            id = *n;
        });
        id
    };
    // The article's language (else the UI's) once an article is shown.
    let article_lang = Memo::new(move |_| {
        let lang = inst.state.with(|st| match st {
            LoadState::Ready(r) => Some(r.article.lang.clone()),
            _ => None,
        })?;
        Some(lang.unwrap_or_else(|| inst.lang.get().tag().to_owned()))
    });
    let langs = s.voice_langs.clone();
    let available = Memo::new(move |_| {
        article_lang.get().is_some_and(|l| {
            let want = primary(&l);
            langs.with(|v| v.iter().any(|v| primary(v) == want))
        })
    });
    let owner = s.owner.clone();
    let playback = Memo::new(move |_| match owner.get() {
        Some((o, false)) if o == id => Playback::Speaking,
        Some((o, true)) if o == id => Playback::Paused,
        _ => Playback::Idle,
    });
    // Both memos read page-wide signals: unsubscribe them on unmount (no leak).
    crate::embed::release_on_cleanup(available);
    crate::embed::release_on_cleanup(playback);
    // A new article (or none) stops this instance's reading; so does unmounting.
    Effect::new(move |prev: Option<Option<String>>| {
        let lang = article_lang.get();
        if prev.is_some() && playback.get_untracked() != Playback::Idle {
            stop();
        }
        lang
    });
    let owner = s.owner.clone();
    on_cleanup(move || {
        if owner.get_untracked().is_some_and(|(o, _)| o == id) {
            stop();
        }
    });

    let t = move || inst.lang.get().t();
    let primary_click = move |_| match playback.get_untracked() {
        Playback::Idle => {
            let lang = article_lang.get_untracked().unwrap_or_default();
            inst.state.with_untracked(|st| {
                if let LoadState::Ready(r) = st {
                    start(id, r, &lang);
                }
            });
        }
        Playback::Speaking => set_paused(id, true),
        Playback::Paused => set_paused(id, false),
    };
    move || {
        available.get().then(|| {
            let label = move || match playback.get() {
                Playback::Idle => t().listen,
                Playback::Speaking => t().pause,
                Playback::Paused => t().resume,
            };
            let icon = move || match playback.get() {
                Playback::Speaking => "\u{275A}\u{275A}",
                _ => "\u{25B6}\u{FE0E}",
            };
            let state = move || match playback.get() {
                Playback::Idle => "idle",
                Playback::Speaking => "speaking",
                Playback::Paused => "paused",
            };
            let stop_button = move || {
                (playback.get() != Playback::Idle).then(|| {
                    view! {
                        <button type="button" class="ar-btn" part="button listen-stop" on:click=move |_| stop()>
                            <span class="ar-ico" aria-hidden="true">"\u{25A0}\u{FE0E}"</span>{move || t().stop}
                        </button>
                    }
                })
            };
            view! {
                <div class="ar-listen" role="group" aria-label=move || t().listen>
                    <button type="button" class="ar-btn" part="button listen" data-state=state on:click=primary_click>
                        <span class="ar-ico" aria-hidden="true">{icon}</span>{label}
                    </button>
                    {stop_button}
                </div>
            }
        })
    }
}
