//! "Chia sẻ" / Share. With the Web Share API (phones: the system share sheet,
//! which reaches Zalo, Facebook, Messages...) one tap shares the title and link.
//! Elsewhere the button opens a small menu: copy the link (Clipboard API, the
//! result announced in the controls' live region) and a Facebook share link.
//! When the reader has selected a passage of the article, the link points to it
//! with a text fragment (`#:~:text=start,end`), which browsers that support it
//! scroll to and highlight.

use super::settings::{word, W};
use super::speech::call;
use super::{Instance, LoadState};
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn get(obj: &JsValue, name: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

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

/// The share button and its fallback menu. `announce` is the live region's text.
pub fn share_view(inst: Instance, announce: RwSignal<String>) -> impl IntoView {
    let lang = inst.lang;
    let open = RwSignal::new(false);
    let url = RwSignal::new(String::new());
    let btn = NodeRef::<leptos::html::Button>::new();
    // The selection is read when the pointer goes down (before a tap can clear it).
    let picked = StoredValue::new(None::<String>);
    let root = move || btn.get_untracked().and_then(|b| b.closest(".ar").ok().flatten());
    let remember = move |_| picked.set_value(root().and_then(|r| selection(&r)));
    let on_share = move |_| {
        let selected = picked.try_update_value(Option::take).flatten().or_else(|| root().and_then(|r| selection(&r)));
        let link = share_url(inst, selected);
        let nav = get(&web_sys::window().map(JsValue::from).unwrap_or(JsValue::UNDEFINED), "navigator");
        if get(&nav, "share").is_function() && !open.get_untracked() {
            let data = js_sys::Object::new();
            let title = inst.state.with_untracked(|st| match st {
                LoadState::Ready(r) => r.article.title.clone(),
                _ => None,
            });
            let _ = Reflect::set(&data, &"title".into(), &title.unwrap_or_default().into());
            let _ = Reflect::set(&data, &"url".into(), &link.as_str().into());
            if let Some(p) = call(&nav, "share", &[&data]) {
                settle(p, |_| ()); // the reader may cancel the sheet: not an error
                return;
            }
        }
        url.set(link);
        open.update(|o| *o = !*o);
    };
    let copy = move |_| {
        let nav = get(&web_sys::window().map(JsValue::from).unwrap_or(JsValue::UNDEFINED), "navigator");
        let clip = get(&nav, "clipboard");
        let result = call(&clip, "writeText", &[&url.get_untracked().as_str().into()]).unwrap_or(JsValue::UNDEFINED);
        settle(result, move |ok| {
            let l = lang.get_untracked();
            announce.set(word(l, if ok { W::Copied } else { W::CopyFailed }).to_owned());
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = btn.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let fb = move || {
        ["https://www.facebook.com/sharer/sharer.php?u=", &String::from(js_sys::encode_uri_component(&url.get()))]
            .concat()
    };
    let w = move |x: W| move || word(lang.get(), x);
    view! {
        <div class="ar-set" on:keydown=on_key>
            <button type="button" class="ar-btn ar-share" part="button share" node_ref=btn
                aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls="ar-share"
                on:pointerdown=remember on:click=on_share>
                {w(W::Share)}
            </button>
            <div id="ar-share" class="ar-panel ar-share-menu" part="share-menu" role="group"
                aria-label=w(W::Share) hidden=move || !open.get()>
                <button type="button" class="ar-btn" part="button copy-link" on:click=copy>{w(W::CopyLink)}</button>
                <a class="ar-btn ar-fb" part="facebook" href=fb target="_blank" rel="noopener noreferrer">{w(W::Facebook)}</a>
            </div>
        </div>
    }
}
