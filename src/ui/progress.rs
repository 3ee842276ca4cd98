//! Coming back: a thin reading-progress bar for the article (not the page),
//! and the reading position remembered per article URL. A reader who returns
//! to an article read part-way gets a "Tiếp tục đọc" (continue reading) offer;
//! the page never jumps by itself.
//!
//! The bar is one element at the top of the widget (`position: sticky`), its
//! length one custom property (`--ar-progress`) written on scroll. Positions are
//! kept in `localStorage` under one key (`article-reader:positions`): the 20 most
//! recent articles, one `permille<TAB>url` line each.

use super::prefs::{load, store};
use super::settings::{word, W};
use super::{Instance, LoadState};
use crate::reading::{remember_position, saved_position};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

const KEY: &str = "article-reader:positions";

/// (bar fraction: read up to the bottom of the screen; position: the top of the screen), 0..=1.
fn measure(root: &Element) -> Option<(f64, f64)> {
    let art = root.query_selector(".ar-article").ok().flatten()?;
    let (top, bottom, vh) = super::speech::rect(&art)?;
    let height = bottom - top;
    if height <= 0.0 {
        return None;
    }
    let clamp = |x: f64| x.clamp(0.0, 1.0);
    Some((clamp((vh - top) / height), clamp(-top / height)))
}

type Held = (Closure<dyn Fn()>, Element);

/// The progress bar and the continue-reading offer (children of the widget root).
pub fn progress_view(inst: Instance) -> impl IntoView {
    let lang = inst.lang;
    let bar = NodeRef::<leptos::html::Div>::new();
    // The offer, in per mille of the article (0: none).
    let offer = RwSignal::new(0u32);
    // The article's address: its own URL, else the page's.
    let key = move || {
        let own = inst.state.with_untracked(|st| match st {
            LoadState::Ready(r) => Some(r.article.url.clone()),
            _ => None,
        })?;
        let here = web_sys::window()?.location().href().ok()?;
        let url = web_sys::Url::new_with_base(own.as_deref().unwrap_or(&here), &here).ok()?;
        url.set_hash("");
        Some(url.href())
    };
    let held: Rc<RefCell<Option<Held>>> = Rc::default();
    let h = held.clone();
    Effect::new(move |_| {
        let ready = inst.state.with(|st| matches!(st, LoadState::Ready(_)));
        let Some(root) = bar.get().and_then(|b| b.closest(".ar").ok().flatten()) else { return };
        if !ready {
            return;
        }
        let Some(url) = key() else { return };
        let at = saved_position(&load(KEY).unwrap_or_default(), &url).unwrap_or(0);
        offer.set(if (30..950).contains(&at) { at } else { 0 });
        if h.borrow().is_some() {
            return;
        }
        let last = Rc::new(Cell::new(0.0f64));
        let r = root.clone();
        let on_scroll = Closure::<dyn Fn()>::new(move || {
            let Some((done, top)) = measure(&r) else { return };
            if let Ok(Some(b)) = r.query_selector(".ar-progress") {
                if let Some(b) = b.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = b.style().set_property("--ar-progress", &((done * 1000.0).round() / 1000.0).to_string());
                }
            }
            // Saved at most once a second while scrolling.
            let now = js_sys::Date::now();
            if now - last.get() > 1000.0 {
                last.set(now);
                store(KEY, &remember_position(&load(KEY).unwrap_or_default(), &url, (top * 1000.0).round() as u32));
            }
        });
        if let Some(w) = web_sys::window() {
            for t in ["scroll", "resize"] {
                let _ = w.add_event_listener_with_callback(t, on_scroll.as_ref().unchecked_ref());
            }
        }
        *h.borrow_mut() = Some((on_scroll, root));
    });
    let guard = SendWrapper::new(held);
    on_cleanup(move || {
        let Some((f, _)) = guard.borrow_mut().take() else { return };
        if let Some(w) = web_sys::window() {
            for t in ["scroll", "resize"] {
                let _ = w.remove_event_listener_with_callback(t, f.as_ref().unchecked_ref());
            }
        }
    });
    let resume = move |_| {
        let at = offer.get_untracked();
        offer.set(0);
        let root = bar.get_untracked().and_then(|b| b.closest(".ar").ok().flatten());
        let Some(art) = root.and_then(|r| r.query_selector(".ar-article").ok().flatten()) else { return };
        let Some((top, bottom, _)) = super::speech::rect(&art) else { return };
        if let Some(w) = web_sys::window() {
            w.scroll_by_with_x_and_y(0.0, top + (bottom - top) * f64::from(at) / 1000.0);
        }
    };
    let label = move || {
        let pct = (offer.get() / 10).to_string();
        [word(lang.get(), W::Continue), " (", pct.as_str(), "%)"].concat()
    };
    view! {
        <div class="ar-progress" part="progress" aria-hidden="true" node_ref=bar></div>
        <div class="ar-resume" part="resume" role="group" aria-label=move || word(lang.get(), W::Continue) hidden=move || offer.get() == 0>
            <button type="button" class="ar-btn" part="button resume" on:click=resume>{label}</button>
            <button type="button" class="ar-btn" part="button resume-dismiss" on:click=move |_| offer.set(0)>{move || word(lang.get(), W::Dismiss)}</button>
        </div>
    }
}
