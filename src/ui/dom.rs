//! Small helpers for the parts of the view built once as plain DOM (the article:
//! header, lead, body, embeds, related). Text only as text nodes, attributes only
//! through `setAttribute`; every DOM call's failure is returned, never unwrapped.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// A failed DOM call (a host page that broke a DOM method...).
pub type Dom<T> = Result<T, JsValue>;

/// A new element with its attributes (`None` values skipped).
pub fn element(doc: &Document, tag: &str, attrs: &[(&str, Option<&str>)]) -> Dom<Element> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        if let Some(v) = v {
            e.set_attribute(k, v)?;
        }
    }
    Ok(e)
}

/// [`element`] appended to `parent`.
pub fn add(doc: &Document, parent: &Element, tag: &str, attrs: &[(&str, Option<&str>)]) -> Dom<Element> {
    let e = element(doc, tag, attrs)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// [`add`] with `text` as its only child.
pub fn add_text(
    doc: &Document,
    parent: &Element,
    tag: &str,
    attrs: &[(&str, Option<&str>)],
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
