//! Photos open large: a click, tap, Enter or Space on any article photo
//! (`figure img` inside `.ar-article`) opens a modal `<dialog>` with the photo,
//! its caption and credit. Arrow keys, swipes and the ‹ › buttons go to the
//! previous / next photo of the article; Escape, ✕ or the browser's back
//! button close it; focus returns to the photo. Pinch zoom is the browser's.
//!
//! Plain DOM (web-sys), independent of how the body is rendered: photos, captions
//! (`figcaption .ar-caption`) and credits (`.ar-credit`) are read from the DOM
//! when the dialog opens; text is copied as text. One listener per event type on
//! the widget root (removed on unmount); the dialog is created on first use.

use super::js::{self, call};
use super::settings::{word, W};
use crate::i18n::Lang;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

const PHOTOS: &str = ".ar-article figure img";

thread_local! {
    /// Where a swipe started (x), while a pointer is down in the dialog.
    static SWIPE: Cell<Option<f64>> = const { Cell::new(None) };
}

fn photos(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(PHOTOS) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn el(doc: &web_sys::Document, tag: &str, class: &str) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    e.set_class_name(class);
    Some(e)
}

/// The dialog of this widget (created the first time).
fn dialog(root: &Element, lang: Lang) -> Option<Element> {
    if let Ok(Some(d)) = root.query_selector("dialog.ar-lightbox") {
        return Some(d);
    }
    let doc = root.owner_document()?;
    let d = el(&doc, "dialog", "ar-lightbox")?;
    let _ = d.set_attribute("part", "lightbox");
    let _ = d.set_attribute("aria-labelledby", "ar-lb-cap");
    let fig = el(&doc, "figure", "ar-lb-fig")?;
    let img = el(&doc, "img", "ar-lb-img")?;
    fig.append_child(&img).ok()?;
    let cap = el(&doc, "figcaption", "")?;
    cap.set_id("ar-lb-cap");
    for class in ["ar-lb-count", "ar-caption", "ar-credit"] {
        let span = el(&doc, "span", class)?;
        cap.append_child(&span).ok()?;
    }
    fig.append_child(&cap).ok()?;
    d.append_child(&fig).ok()?;
    for (class, w, part) in
        [("ar-lb-prev", W::PrevPhoto, "prev"), ("ar-lb-next", W::NextPhoto, "next"), ("ar-lb-close", W::Close, "close")]
    {
        let b = el(&doc, "button", ["ar-btn ", class].concat().as_str())?;
        let _ = b.set_attribute("type", "button");
        let _ = b.set_attribute("part", ["button lightbox-", part].concat().as_str());
        let _ = b.set_attribute("aria-label", word(lang, w));
        let _ = b.set_attribute("title", word(lang, w));
        d.append_child(&b).ok()?;
    }
    root.append_child(&d).ok()?;
    Some(d)
}

fn text_of(fig: Option<Element>, sel: &str) -> String {
    fig.and_then(|f| f.query_selector(sel).ok().flatten()).and_then(|e| e.text_content()).unwrap_or_default()
}

/// Shows photo `i` of the article in the dialog.
fn show(root: &Element, d: &Element, i: usize) {
    let list = photos(root);
    let Some(src) = list.get(i) else { return };
    let q = |s: &str| d.query_selector(s).ok().flatten();
    if let Some(img) = q(".ar-lb-img") {
        let attr = |n: &str| src.get_attribute(n);
        let current = js::str_prop(src, "currentSrc").filter(|s| !s.is_empty());
        let _ = img.set_attribute("src", &current.or(attr("src")).unwrap_or_default());
        match attr("srcset") {
            Some(s) => {
                let _ = img.set_attribute("srcset", &s);
                let _ = img.set_attribute("sizes", "100vw");
            }
            None => {
                let _ = img.remove_attribute("srcset");
            }
        }
        let _ = img.set_attribute("alt", &attr("alt").unwrap_or_default());
    }
    let fig = src.closest("figure").ok().flatten();
    let count = [(i + 1).to_string(), " / ".into(), list.len().to_string()].concat();
    for (sel, text) in [
        (".ar-lb-count", count),
        (".ar-caption", text_of(fig.clone(), ".ar-caption")),
        (".ar-credit", text_of(fig, ".ar-credit")),
    ] {
        if let Some(e) = q(["figcaption ", sel].concat().as_str()) {
            e.set_text_content(Some(&text));
        }
    }
    let _ = d.set_attribute("data-index", &i.to_string());
    for (sel, hide) in [(".ar-lb-prev", i == 0), (".ar-lb-next", i + 1 >= list.len())] {
        if let Some(b) = q(sel) {
            let _ = b.toggle_attribute_with_force("hidden", hide);
        }
    }
}

fn index(d: &Element) -> usize {
    d.get_attribute("data-index").and_then(|s| s.parse().ok()).unwrap_or(0)
}

fn is_open(d: &Element) -> bool {
    d.has_attribute("open")
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

fn marked_state() -> bool {
    history().and_then(|h| h.state().ok()).is_some_and(|s| js::get(&s, "arLightbox").is_truthy())
}

fn open(root: &Element, lang: Lang, img: &Element) {
    let list = photos(root);
    let Some(i) = list.iter().position(|p| p == img) else { return };
    let Some(d) = dialog(root, lang) else { return };
    show(root, &d, i);
    if !is_open(&d) && call(&d, "showModal", &[]).is_some() {
        // A history entry, so the phone's back button closes the photo.
        if let Some(h) = history() {
            let state = js_sys::Object::new();
            js::set(&state, "arLightbox", &JsValue::TRUE);
            let _ = h.push_state(&state, "");
        }
        if let Ok(Some(c)) = d.query_selector(".ar-lb-close") {
            super::settings::focus(&c);
        }
    }
}

/// Closes the dialog and returns focus at once: the `close` event comes a task
/// later, after the browser has put focus back where it was before the dialog
/// opened (`on_closed` then removes the history entry).
fn close(root: &Element, d: &Element, from_history: bool) {
    if is_open(d) {
        if from_history {
            let _ = d.set_attribute("data-popped", "");
        }
        let _ = call(d, "close", &[]);
        return_focus(root, d);
    }
}

/// Focus goes back to the photo shown last.
fn return_focus(root: &Element, d: &Element) {
    if let Some(img) = photos(root).get(index(d)) {
        super::settings::focus(img);
    }
}

/// After any close (✕, Escape, backdrop, back button): focus goes back to the
/// photo shown last, and the history entry added on open is removed.
fn on_closed(root: &Element, d: &Element) {
    let popped = d.has_attribute("data-popped");
    let _ = d.remove_attribute("data-popped");
    if !popped && marked_state() {
        if let Some(h) = history() {
            let _ = h.back();
        }
    }
    return_focus(root, d);
}

fn step(root: &Element, d: &Element, delta: isize) {
    let i = index(d) as isize + delta;
    if i >= 0 && (i as usize) < photos(root).len() {
        show(root, d, i as usize);
    }
}

/// Handles one event on the widget root.
fn on_event(root: &Element, lang: Lang, ev: &Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let kind = ev.type_();
    if kind == "close" {
        if let Some(d) = target.matches("dialog").unwrap_or(false).then_some(&target) {
            on_closed(root, d);
        }
        return;
    }
    let d = root.query_selector("dialog.ar-lightbox").ok().flatten().filter(is_open);
    let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()).unwrap_or_default();
    let x = ev.dyn_ref::<web_sys::MouseEvent>().map(|m| f64::from(m.client_x()));
    match (kind.as_str(), d) {
        ("click", Some(d)) => {
            let cls = target.class_name();
            if cls.contains("ar-lb-close") || target == d {
                close(root, &d, false); // ✕, or a click on the backdrop
            } else if cls.contains("ar-lb-prev") {
                step(root, &d, -1);
            } else if cls.contains("ar-lb-next") {
                step(root, &d, 1);
            }
        }
        ("keydown", Some(d)) => match key.as_str() {
            "ArrowLeft" => step(root, &d, -1),
            "ArrowRight" => step(root, &d, 1),
            "Escape" => {
                ev.prevent_default();
                close(root, &d, false);
            }
            _ => {}
        },
        ("pointerdown", Some(_)) => SWIPE.with(|s| s.set(x)),
        ("pointerup", Some(d)) => {
            let (Some(from), Some(to)) = (SWIPE.with(|s| s.take()), x) else { return };
            // Not while the reader is pinch-zoomed in.
            let zoom = js::get(&js::get(&js::win(), "visualViewport"), "scale").as_f64().unwrap_or(1.0);
            if (to - from).abs() > 50.0 && zoom <= 1.01 {
                step(root, &d, if to < from { 1 } else { -1 });
            }
        }
        ("click", None) if target.matches(PHOTOS).unwrap_or(false) => open(root, lang, &target),
        ("keydown", None) if (key == "Enter" || key == " ") && target.matches(PHOTOS).unwrap_or(false) => {
            ev.prevent_default();
            open(root, lang, &target);
        }
        _ => {}
    }
}

/// Makes the article's photos focusable and names what they do.
fn mark_photos(root: &Element, lang: Lang) {
    for p in photos(root) {
        if !p.has_attribute("tabindex") {
            let _ = p.set_attribute("tabindex", "0");
            let _ = p.set_attribute("title", word(lang, W::OpenPhoto));
        }
    }
}

type Held = (Element, Closure<dyn Fn(Event)>, Closure<dyn Fn(Event)>, JsValue);

/// Installs the lightbox on the widget root that contains `inside` and removes
/// its listeners on unmount.
pub fn install(inside: Element, lang: Memo<Lang>) {
    let held: Rc<RefCell<Option<Held>>> = Rc::default();
    let h = held.clone();
    super::live::effect(Box::new(move || {
        let Some(root) = inside.closest(".ar").ok().flatten() else { return };
        if h.borrow().is_some() {
            return;
        }
        mark_photos(&root, lang.get_untracked());
        let r = root.clone();
        let f = Closure::<dyn Fn(Event)>::new(move |ev: Event| on_event(&r, lang.get_untracked(), &ev));
        for t in EVENTS {
            let _ = root.add_event_listener_with_callback(t, f.as_ref().unchecked_ref());
        }
        // `close` does not bubble: heard in the capture phase.
        let _ = root.add_event_listener_with_callback_and_bool("close", f.as_ref().unchecked_ref(), true);
        // The back button closes the photo (without going back again).
        let r = root.clone();
        let pop = Closure::<dyn Fn(Event)>::new(move |_: Event| {
            if let Ok(Some(d)) = r.query_selector("dialog.ar-lightbox") {
                close(&r, &d, true);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("popstate", pop.as_ref().unchecked_ref());
        }
        // Photos rendered later (the article, long bodies in chunks) become focusable.
        let r = root.clone();
        let cb = Closure::<dyn Fn()>::new(move || mark_photos(&r, lang.get_untracked())).into_js_value();
        let observer = js::construct("MutationObserver", &cb).unwrap_or(JsValue::UNDEFINED);
        let opts = js_sys::Object::new();
        js::set(&opts, "childList", &JsValue::TRUE);
        js::set(&opts, "subtree", &JsValue::TRUE);
        let _ = call(&observer, "observe", &[&root, &opts]);
        *h.borrow_mut() = Some((root, f, pop, observer));
    }));
    let guard = SendWrapper::new(held);
    on_cleanup(move || {
        let Some((root, f, pop, observer)) = guard.borrow_mut().take() else { return };
        for t in EVENTS {
            let _ = root.remove_event_listener_with_callback(t, f.as_ref().unchecked_ref());
        }
        let _ = root.remove_event_listener_with_callback_and_bool("close", f.as_ref().unchecked_ref(), true);
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback("popstate", pop.as_ref().unchecked_ref());
        }
        let _ = call(&observer, "disconnect", &[]);
    });
}

const EVENTS: [&str; 4] = ["click", "keydown", "pointerdown", "pointerup"];
