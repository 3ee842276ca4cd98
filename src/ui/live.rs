//! Plain DOM that follows signals: the controls are built once with web-sys, and
//! each value that changes (a label in the UI language, `aria-expanded`,
//! `hidden`) is one small effect that writes one attribute or text. The helpers
//! take boxed closures, so the reactive code is compiled once per helper rather
//! than once per control (the Leptos `view!` trees they replace cost about
//! three times the bytes).
//!
//! Listeners are removed and their closures freed when the owner (the widget
//! instance) is cleaned up.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// A value read from signals: re-read, and written to the DOM, when they change.
pub type Value = Box<dyn Fn() -> String>;

/// Runs `f` now-ish and again whenever a signal it read changes: `Effect::new`
/// behind one boxed type, so the effect machinery is compiled once for every
/// effect of the widget (each distinct closure type would otherwise get its own
/// copy, about 0.8 KB of wasm each).
pub fn effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// Keeps text content of `el` equal to `value()`.
pub fn text(el: &Element, value: Value) {
    let el = el.clone();
    effect(Box::new(move || {
        let v = value();
        if el.text_content().as_deref() != Some(v.as_str()) {
            el.set_text_content(Some(&v));
        }
    }));
}

/// Keeps attribute `name` of `el` equal to `value()`.
pub fn attr(el: &Element, name: &'static str, value: Value) {
    let el = el.clone();
    effect(Box::new(move || {
        let v = value();
        if el.get_attribute(name).as_deref() != Some(v.as_str()) {
            let _ = el.set_attribute(name, &v);
        }
    }));
}

/// Sets `hidden` on `el` while `hide()` is true.
pub fn hidden(el: &Element, hide: Box<dyn Fn() -> bool>) {
    let el = el.clone();
    effect(Box::new(move || {
        let h = hide();
        if el.has_attribute("hidden") != h {
            let _ = if h { el.set_attribute("hidden", "") } else { el.remove_attribute("hidden") };
        }
    }));
}

/// Listens for `event` on `el` until the owner is cleaned up.
pub fn on(el: &Element, event: &'static str, f: Box<dyn Fn(Event)>) {
    let f = Closure::<dyn Fn(Event)>::new(f);
    if el.add_event_listener_with_callback(event, f.as_ref().unchecked_ref()).is_err() {
        return;
    }
    let held = SendWrapper::new((el.clone(), f));
    on_cleanup(move || {
        let (el, f) = &*held;
        let _ = el.remove_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    });
}

/// A button appended to `parent`: type `button`, classes `ar-btn` and `class`,
/// parts `button` and `part`.
pub fn button(doc: &web_sys::Document, parent: &Element, class: &str, part: &str) -> Option<Element> {
    let class = if class.is_empty() { "ar-btn".to_owned() } else { ["ar-btn ", class].concat() };
    let part = ["button ", part].concat();
    super::dom::add(doc, parent, "button", &[("type", Some("button")), ("class", Some(&class)), ("part", Some(&part))])
        .ok()
}

/// `"true"` or `"false"`, for ARIA states.
pub fn flag(b: bool) -> String {
    if b { "true" } else { "false" }.to_owned()
}
