//! Small helpers for the parts of the view built once as plain DOM (the article:
//! header, lead, body, embeds, related). Text only as text nodes, attributes only
//! through `setAttribute`; every DOM call's failure is returned, never unwrapped.

use js_sys::JsString;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// A failed DOM call (a host page that broke a DOM method...).
pub type Dom<T> = Result<T, JsValue>;

#[wasm_bindgen]
extern "C" {
    /// A `Document`, seen through a binding that takes the name as a JS string.
    type NamedDoc;
    #[wasm_bindgen(method, catch, js_name = createElement)]
    fn create_element(this: &NamedDoc, tag: &JsString) -> Result<Element, JsValue>;
    /// An `Element`, seen the same way.
    type NamedEl;
    #[wasm_bindgen(method, catch, js_name = setAttribute)]
    fn set_attribute(this: &NamedEl, name: &JsString, value: &str) -> Result<(), JsValue>;
}

thread_local! {
    /// The JS strings of the element and attribute names the view has used, by the
    /// address and length of their `'static` text. Each name crosses into JS once,
    /// not once per element: a long body builds thousands of the same few names, and
    /// a string from wasm memory costs a `TextDecoder` call each time.
    static NAMES: RefCell<Vec<(usize, usize, JsString)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the JS string of `name` (created on its first use). `'static`,
/// so an address can never come back with other text. A call made while `f` runs
/// (the cache is borrowed then) uses a fresh string instead.
fn with_name<R>(name: &'static str, f: impl FnOnce(&JsString) -> R) -> R {
    let key = (name.as_ptr() as usize, name.len());
    NAMES.with(|names| {
        let Ok(mut names) = names.try_borrow_mut() else { return f(&JsString::from(name)) };
        let i = names.iter().position(|(p, l, _)| (*p, *l) == key).unwrap_or_else(|| {
            names.push((key.0, key.1, JsString::from(name)));
            names.len() - 1
        });
        match names.get(i) {
            Some((_, _, js)) => f(js),
            None => f(&JsString::from(name)),
        }
    })
}

/// `document.createElement(tag)`, the name cached as a JS string.
pub fn create(doc: &Document, tag: &'static str) -> Dom<Element> {
    with_name(tag, |t| doc.unchecked_ref::<NamedDoc>().create_element(t))
}

/// `el.setAttribute(name, value)`, the name cached as a JS string.
pub fn set_attr(el: &Element, name: &'static str, value: &str) -> Dom<()> {
    with_name(name, |n| el.unchecked_ref::<NamedEl>().set_attribute(n, value))
}

/// A new element with its attributes (`None` values skipped).
pub fn element(doc: &Document, tag: &'static str, attrs: &[(&'static str, Option<&str>)]) -> Dom<Element> {
    let e = create(doc, tag)?;
    for (k, v) in attrs {
        if let Some(v) = v {
            set_attr(&e, k, v)?;
        }
    }
    Ok(e)
}

/// [`element`] appended to `parent`.
pub fn add(
    doc: &Document,
    parent: &Element,
    tag: &'static str,
    attrs: &[(&'static str, Option<&str>)],
) -> Dom<Element> {
    let e = element(doc, tag, attrs)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// [`add`] with `text` as its only child.
pub fn add_text(
    doc: &Document,
    parent: &Element,
    tag: &'static str,
    attrs: &[(&'static str, Option<&str>)],
    text: &str,
) -> Dom<Element> {
    let e = add(doc, parent, tag, attrs)?;
    e.set_text_content(Some(text));
    Ok(e)
}

/// A text node appended to `parent`.
pub fn text(doc: &Document, parent: &Element, text: &str) -> Dom<()> {
    parent.append_child(&doc.create_text_node(text))?;
    Ok(())
}
