//! The reader's own preferences (font step, theme, font family, line spacing,
//! content width), shared by every instance on the page, persisted in
//! `localStorage` and synced across tabs (`storage` event).
//!
//! Storage may be missing, blocked (privacy modes, sandboxed iframes) or full:
//! every access is fallible and failures leave the in-memory value in place.

use crate::config::{Theme, SCALE_STEPS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const KEY_SCALE: &str = "article-reader:font-step";
const KEY_THEME: &str = "article-reader:theme";

/// A preference with a few named levels, written as one attribute on the widget
/// root (`data-<attr>="<value>"`) and stored under `key` by value name.
pub struct Choice {
    pub key: &'static str,
    pub attr: &'static str,
    pub values: &'static [&'static str],
    /// Index used until the reader chooses.
    pub default: usize,
}

/// Font family, line spacing, content width (see `style/reader.css`).
pub const CHOICES: [Choice; 3] = [
    Choice { key: "article-reader:font", attr: "data-font", values: &["serif", "sans"], default: 0 },
    Choice {
        key: "article-reader:spacing",
        attr: "data-spacing",
        values: &["compact", "normal", "relaxed"],
        default: 1,
    },
    Choice { key: "article-reader:width", attr: "data-width", values: &["narrow", "normal", "wide"], default: 1 },
];

/// Page-wide reader preferences. `None` means "the reader has not chosen".
#[derive(Clone)]
pub struct Prefs {
    pub font_step: ArcRwSignal<Option<usize>>,
    pub theme: ArcRwSignal<Option<Theme>>,
    /// One per [`CHOICES`] entry: the chosen index.
    pub choices: [ArcRwSignal<Option<usize>>; 3],
}

thread_local! {
    static PREFS: Prefs = init();
}

/// The page-wide preferences (created, read from storage and synced on first use).
pub fn prefs() -> Prefs {
    PREFS.with(Prefs::clone)
}

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a stored value (`None` when missing or storage is unavailable).
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a value, ignoring storage failures.
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn read_step(raw: Option<String>) -> Option<usize> {
    raw?.trim().parse::<usize>().ok().filter(|s| *s < SCALE_STEPS.len())
}

fn read_theme(raw: Option<String>) -> Option<Theme> {
    raw?.parse::<Theme>().ok()
}

fn read_choice(i: usize, raw: Option<String>) -> Option<usize> {
    let raw = raw?;
    CHOICES.get(i)?.values.iter().position(|v| *v == raw.trim())
}

fn init() -> Prefs {
    let prefs = Prefs {
        font_step: ArcRwSignal::new(read_step(load(KEY_SCALE))),
        theme: ArcRwSignal::new(read_theme(load(KEY_THEME))),
        choices: [0, 1, 2].map(|i| ArcRwSignal::new(read_choice(i, load(CHOICES[i].key)))),
    };
    // Another tab changed a preference: apply it here too.
    if let Some(win) = web_sys::window() {
        let p = prefs.clone();
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            let key = ev.key();
            let all = key.is_none(); // localStorage.clear()
            let key = key.unwrap_or_default();
            if all || key == KEY_SCALE {
                p.font_step.set(read_step(ev.new_value()));
            }
            if all || key == KEY_THEME {
                p.theme.set(read_theme(ev.new_value()));
            }
            for (i, c) in CHOICES.iter().enumerate() {
                if all || key == c.key {
                    p.choices[i].set(read_choice(i, ev.new_value()));
                }
            }
        });
        let _ = win.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget(); // one listener per page, for the page's lifetime
    }
    prefs
}

/// Stores the reader's font step (ignoring storage failures).
pub fn save_font_step(step: usize) {
    prefs().font_step.set(Some(step));
    store(KEY_SCALE, &step.to_string());
}

/// Stores the reader's theme (ignoring storage failures).
pub fn save_theme(theme: Theme) {
    prefs().theme.set(Some(theme));
    store(KEY_THEME, theme.name());
}

/// Stores choice `i` (an index into [`CHOICES`]) as level `level`.
pub fn save_choice(i: usize, level: usize) {
    let (Some(c), Some(sig)) = (CHOICES.get(i), prefs().choices.get(i).cloned()) else { return };
    let Some(name) = c.values.get(level) else { return };
    sig.set(Some(level));
    store(c.key, name);
}

/// The effective level of choice `i` (the reader's, else the default), tracked.
pub fn choice_level(i: usize) -> usize {
    let c = CHOICES.get(i);
    prefs().choices.get(i).and_then(|s| s.get()).or(c.map(|c| c.default)).unwrap_or(0)
}

/// The attribute value of choice `i`, tracked (for the widget root).
pub fn choice_value(i: usize) -> &'static str {
    CHOICES.get(i).and_then(|c| c.values.get(choice_level(i)).copied()).unwrap_or("")
}
