//! "Chia sẻ" / Share. With the Web Share API (phones: the system share sheet,
//! which reaches Zalo, Facebook, Messages...) one tap shares the title and link.
//! Elsewhere the button opens a small menu: copy the link (Clipboard API, the
//! result announced in the controls' live region) and a Facebook share link.
//! When the reader has selected a passage of the article, the link points to it
//! with a text fragment (`#:~:text=start,end`), which browsers that support it
//! scroll to and highlight.

use super::js::{call, get, win};
use super::settings::{word, W};
use super::{live, Instance, LoadState};
use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Percent-encodes a text-fragment term (`-`, `,` and `&` are syntax there).
fn term(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s)).replace('-', "%2D")
}

/// The text-fragment directive for a selected passage: the whole text when it is
/// short, else its first and last words (`start,end`).
pub fn fragment(selected: &str) -> Option<String> {
    let words: Vec<&str> = selected.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let spec = if words.len() <= 10 {
        term(&words.join(" "))
    } else {
        let n = words.len();
        [term(&words[..5].join(" ")), ",".into(), term(&words[n - 5..].join(" "))].concat()
    };
    Some([":~:text=", &spec].concat())
}

/// The passage selected inside this widget's article, if any.
fn selection(root: &web_sys::Element) -> Option<String> {
    let shadow = root.get_root_node();
    let sel = call(&shadow, "getSelection", &[])
        .filter(JsValue::is_object)
        .or_else(|| call(&web_sys::window()?.into(), "getSelection", &[]))?;
    let anchor = get(&sel, "anchorNode").dyn_into::<web_sys::Node>().ok()?;
    let article = root.query_selector(".ar-article").ok().flatten()?;
    let host = get(&shadow, "host");
    if !(article.contains(Some(&anchor)) || JsValue::from(anchor) == host) {
        return None;
    }
    let text = call(&sel, "toString", &[])?.as_string()?;
    (!text.trim().is_empty()).then_some(text)
}

/// The article's address (absolute), with a text fragment for `selected`.
fn share_url(inst: Instance, selected: Option<String>) -> String {
    let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let own = inst.state.with_untracked(|st| match st {
        LoadState::Ready(r) => r.article.url.clone(),
        _ => None,
    });
    let base = own.and_then(|u| web_sys::Url::new_with_base(&u, &here).ok()).or_else(|| web_sys::Url::new(&here).ok());
    let Some(url) = base else { return here };
    url.set_hash("");
    let mut out = url.href();
    if let Some(f) = selected.as_deref().and_then(fragment) {
        out.push('#');
        out.push_str(&f);
    }
    out
}

/// Runs `done(true)` when `promise` resolves, `done(false)` when it rejects.
fn settle(promise: JsValue, done: impl Fn(bool) + 'static) {
    let Ok(p) = promise.dyn_into::<js_sys::Promise>() else { return done(false) };
    let done = std::rc::Rc::new(done);
    let d = done.clone();
    let ok = Closure::once(move |_: JsValue| d(true));
    let no = Closure::once(move |_: JsValue| done(false));
    let _ = p.then2(&ok, &no);
    ok.forget(); // freed by JS once the promise settles (one-shot closures)
    no.forget();
}

/// The share button and its fallback menu, appended to `parent`. `announce`
/// is the live region's text.
pub fn share_dom(inst: Instance, parent: &web_sys::Element, announce: RwSignal<String>) -> Option<()> {
    let doc = parent.owner_document()?;
    let lang = inst.lang;
    let open = RwSignal::new(false);
    let url = RwSignal::new(String::new());
    let set = super::dom::add(&doc, parent, "div", &[("class", Some("ar-set"))]).ok()?;
    let btn = live::button(&doc, &set, "ar-share", "share")?;
    let _ = btn.set_attribute("aria-controls", "ar-share");
    live::text(&btn, Box::new(move || word(lang.get(), W::Share).to_owned()));
    live::attr(&btn, "aria-expanded", Box::new(move || live::flag(open.get())));
    menu_dom(lang, &set, open, url, announce)?;
    // The selection is read when the pointer goes down (before a tap can clear it).
    let picked = StoredValue::new(None::<String>);
    let b = btn.clone();
    let root = move || b.closest(".ar").ok().flatten();
    let r = root.clone();
    live::on(&btn, "pointerdown", Box::new(move |_| picked.set_value(r().and_then(|r| selection(&r)))));
    live::on(
        &btn,
        "click",
        Box::new(move |_| {
            let selected =
                picked.try_update_value(Option::take).flatten().or_else(|| root().and_then(|r| selection(&r)));
            let link = share_url(inst, selected);
            if open.get_untracked() || !system_share(inst, &link) {
                url.set(link);
                open.update(|o| *o = !*o);
            }
        }),
    );
    let b = btn.clone();
    live::on(
        &set,
        "keydown",
        Box::new(move |ev| {
            let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
            if key.as_deref() == Some("Escape") && open.get_untracked() {
                open.set(false);
                super::settings::focus(&b);
            }
        }),
    );
    Some(())
}

/// The Web Share API's `ShareData` dictionary, made a JS object by serde-wasm-bindgen
/// (this part of the wasm is loaded after the first paint, so its serializer costs the
/// first download nothing).
struct ShareData<'a> {
    title: &'a str,
    url: &'a str,
}

impl serde::Serialize for ShareData<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ShareData", 2)?;
        st.serialize_field("title", self.title)?;
        st.serialize_field("url", self.url)?;
        st.end()
    }
}

/// Opens the system share sheet (Web Share API) with the title and `link`;
/// false when the browser has none.
fn system_share(inst: Instance, link: &str) -> bool {
    let nav = get(&win(), "navigator");
    if !get(&nav, "share").is_function() {
        return false;
    }
    let title = inst.state.with_untracked(|st| match st {
        LoadState::Ready(r) => r.article.title.clone(),
        _ => None,
    });
    let Ok(data) = serde_wasm_bindgen::to_value(&ShareData { title: title.as_deref().unwrap_or(""), url: link }) else {
        return false;
    };
    match call(&nav, "share", &[&data]) {
        Some(p) => {
            settle(p, |_| ()); // the reader may cancel the sheet: not an error
            true
        }
        None => false,
    }
}

/// The fallback menu (copy link, Facebook) into `set`, shown while `open`.
fn menu_dom(
    lang: Memo<Lang>,
    set: &web_sys::Element,
    open: RwSignal<bool>,
    url: RwSignal<String>,
    announce: RwSignal<String>,
) -> Option<()> {
    let doc = set.owner_document()?;
    let attrs = [
        ("id", Some("ar-share")),
        ("class", Some("ar-panel ar-share-menu")),
        ("part", Some("share-menu")),
        ("role", Some("group")),
    ];
    let menu = super::dom::add(&doc, set, "div", &attrs).ok()?;
    live::attr(&menu, "aria-label", Box::new(move || word(lang.get(), W::Share).to_owned()));
    live::hidden(&menu, Box::new(move || !open.get()));
    let copy = live::button(&doc, &menu, "", "copy-link")?;
    live::text(&copy, Box::new(move || word(lang.get(), W::CopyLink).to_owned()));
    let attrs = [
        ("class", Some("ar-btn ar-fb")),
        ("part", Some("facebook")),
        ("target", Some("_blank")),
        ("rel", Some("noopener noreferrer")),
    ];
    let fb = super::dom::add(&doc, &menu, "a", &attrs).ok()?;
    live::text(&fb, Box::new(move || word(lang.get(), W::Facebook).to_owned()));
    live::attr(
        &fb,
        "href",
        Box::new(move || {
            let u = String::from(js_sys::encode_uri_component(&url.get()));
            ["https://www.facebook.com/sharer/sharer.php?u=", &u].concat()
        }),
    );
    live::on(
        &copy,
        "click",
        Box::new(move |_| {
            let nav = get(&win(), "navigator");
            let clip = get(&nav, "clipboard");
            let text: JsValue = url.get_untracked().as_str().into();
            let result = call(&clip, "writeText", &[&text]).unwrap_or(JsValue::UNDEFINED);
            settle(result, move |ok| {
                let l = lang.get_untracked();
                announce.set(word(l, if ok { W::Copied } else { W::CopyFailed }).to_owned());
            });
        }),
    );
    Some(())
}
