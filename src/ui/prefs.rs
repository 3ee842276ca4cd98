//! The reader's own preferences (font step, theme), shared by every instance on
//! the page, persisted in `localStorage` and synced across tabs (`storage` event).
//!
//! Storage may be missing, blocked (privacy modes, sandboxed iframes) or full:
//! every access is fallible and failures leave the in-memory value in place.

use crate::config::{Theme, SCALE_STEPS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const KEY_SCALE: &str = "article-reader:font-step";
const KEY_THEME: &str = "article-reader:theme";

/// Page-wide reader preferences. `None` means "the reader has not chosen".
#[derive(Clone)]
pub struct Prefs {
    pub font_step: ArcRwSignal<Option<usize>>,
    pub theme: ArcRwSignal<Option<Theme>>,
}

thread_local! {
    static PREFS: Prefs = init();
}

/// The page-wide preferences (created, read from storage and synced on first use).
pub fn prefs() -> Prefs {
    PREFS.with(Prefs::clone)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_step(raw: Option<String>) -> Option<usize> {
    raw?.trim().parse::<usize>().ok().filter(|s| *s < SCALE_STEPS.len())
}

fn read_theme(raw: Option<String>) -> Option<Theme> {
    raw?.parse::<Theme>().ok()
}

fn init() -> Prefs {
    let store = storage();
    let get = |k: &str| store.as_ref().and_then(|s| s.get_item(k).ok().flatten());
    let prefs = Prefs {
        font_step: ArcRwSignal::new(read_step(get(KEY_SCALE))),
        theme: ArcRwSignal::new(read_theme(get(KEY_THEME))),
    };
    // Another tab changed a preference: apply it here too.
    if let Some(win) = web_sys::window() {
        let p = prefs.clone();
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            match ev.key().as_deref() {
                Some(KEY_SCALE) => p.font_step.set(read_step(ev.new_value())),
                Some(KEY_THEME) => p.theme.set(read_theme(ev.new_value())),
                None => {
                    p.font_step.set(None);
                    p.theme.set(None);
                }
                _ => {}
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
    if let Some(s) = storage() {
        let _ = s.set_item(KEY_SCALE, &step.to_string());
    }
}

/// Stores the reader's theme (ignoring storage failures).
pub fn save_theme(theme: Theme) {
    prefs().theme.set(Some(theme));
    if let Some(s) = storage() {
        let _ = s.set_item(KEY_THEME, theme.name());
    }
}
