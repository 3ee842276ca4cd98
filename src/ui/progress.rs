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
use super::{live, Instance, LoadState};
use crate::i18n::Lang;
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
    let (top, bottom, vh) = super::js::rect(&art)?;
    let height = bottom - top;
    if height <= 0.0 {
        return None;
    }
    let clamp = |x: f64| x.clamp(0.0, 1.0);
    Some((clamp((vh - top) / height), clamp(-top / height)))
}

type Held = (Closure<dyn Fn()>, Element);

/// The progress bar and the continue-reading offer, put before `tools` (the
/// controls row). The bar is written on scroll; the offer follows one signal.
pub fn progress_dom(inst: Instance, tools: &Element) -> Option<()> {
    let doc = tools.owner_document()?;
    let parent = tools.parent_element()?;
    let attrs = [("class", Some("ar-progress")), ("part", Some("progress")), ("aria-hidden", Some("true"))];
    let bar = super::dom::element(&doc, "div", &attrs).ok()?;
    parent.insert_before(&bar, Some(tools)).ok()?;
    // The offer, in per mille of the article (0: none).
    let offer = RwSignal::new(0u32);
    let attrs = [("class", Some("ar-resume")), ("part", Some("resume")), ("role", Some("group"))];
    let resume = super::dom::element(&doc, "div", &attrs).ok()?;
    parent.insert_before(&resume, Some(tools)).ok()?;
    offer_dom(inst.lang, &resume, offer, &bar)?;
    follow_scroll(inst, bar, offer);
    Some(())
}

/// "Tiếp tục đọc (40%)" and "Bỏ qua" into `resume`, shown while `offer` is set.
fn offer_dom(lang: Memo<Lang>, resume: &Element, offer: RwSignal<u32>, bar: &Element) -> Option<()> {
    let doc = resume.owner_document()?;
    live::attr(resume, "aria-label", Box::new(move || word(lang.get(), W::Continue).to_owned()));
    live::hidden(resume, Box::new(move || offer.get() == 0));
    let go = live::button(&doc, resume, "", "resume")?;
    live::text(
        &go,
        Box::new(move || {
            let pct = (offer.get() / 10).to_string();
            [word(lang.get(), W::Continue), " (", pct.as_str(), "%)"].concat()
        }),
    );
    let dismiss = live::button(&doc, resume, "", "resume-dismiss")?;
    live::text(&dismiss, Box::new(move || word(lang.get(), W::Dismiss).to_owned()));
    live::on(&dismiss, "click", Box::new(move |_| offer.set(0)));
    let b = bar.clone();
    live::on(
        &go,
        "click",
        Box::new(move |_| {
            let at = offer.get_untracked();
            offer.set(0);
            let root = b.closest(".ar").ok().flatten();
            let Some(art) = root.and_then(|r| r.query_selector(".ar-article").ok().flatten()) else { return };
            let Some((top, bottom, _)) = super::js::rect(&art) else { return };
            if let Some(w) = web_sys::window() {
                w.scroll_by_with_x_and_y(0.0, top + (bottom - top) * f64::from(at) / 1000.0);
            }
        }),
    );
    Some(())
}

/// The article's address: its own URL, else the page's (without fragment).
fn article_key(inst: Instance) -> Option<String> {
    let own = inst.state.with_untracked(|st| match st {
        LoadState::Ready(r) => Some(r.article.url.clone()),
        _ => None,
    })?;
    let here = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new_with_base(own.as_deref().unwrap_or(&here), &here).ok()?;
    url.set_hash("");
    Some(url.href())
}

/// Once an article is shown: offers its saved position, then writes the bar and
/// saves the position on scroll (listeners removed on unmount).
fn follow_scroll(inst: Instance, bar: Element, offer: RwSignal<u32>) {
    let held: Rc<RefCell<Option<Held>>> = Rc::default();
    let h = held.clone();
    live::effect(Box::new(move || {
        let ready = inst.state.with(|st| matches!(st, LoadState::Ready(_)));
        let Some(root) = bar.closest(".ar").ok().flatten() else { return };
        let Some(url) = article_key(inst).filter(|_| ready) else { return };
        let at = saved_position(&load(KEY).unwrap_or_default(), &url).unwrap_or(0);
        offer.set(if (30..950).contains(&at) { at } else { 0 });
        if h.borrow().is_none() {
            *h.borrow_mut() = Some((on_scroll(&root, &bar, url), root));
        }
    }));
    let guard = SendWrapper::new(held);
    on_cleanup(move || {
        let Some((f, _)) = guard.borrow_mut().take() else { return };
        if let Some(w) = web_sys::window() {
            for t in ["scroll", "resize"] {
                let _ = w.remove_event_listener_with_callback(t, f.as_ref().unchecked_ref());
            }
        }
    });
}

/// The scroll and resize listener: the bar's length, and the position saved at
/// most once a second.
fn on_scroll(root: &Element, bar: &Element, url: String) -> Closure<dyn Fn()> {
    let last = Rc::new(Cell::new(0.0f64));
    let (r, b) = (root.clone(), bar.clone());
    let f = Closure::<dyn Fn()>::new(move || {
        let Some((done, top)) = measure(&r) else { return };
        if let Some(b) = b.dyn_ref::<web_sys::HtmlElement>() {
            let _ = b.style().set_property("--ar-progress", &crate::reading::css_fraction(done));
        }
        let now = js_sys::Date::now();
        if now - last.get() > 1000.0 {
            last.set(now);
            store(KEY, &remember_position(&load(KEY).unwrap_or_default(), &url, (top * 1000.0).round() as u32));
        }
    });
    if let Some(w) = web_sys::window() {
        for t in ["scroll", "resize"] {
            let _ = w.add_event_listener_with_callback(t, f.as_ref().unchecked_ref());
        }
    }
    f
}
