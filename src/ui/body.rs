//! The sanitized body as plain DOM, built once: no reactive view and no retained
//! Rust string per node (Leptos holds only what changes: controls, theme, scale,
//! load state). Tags and attributes come only from the closed enums of
//! `crate::model::body`, text only as text nodes.
//!
//! Long bodies render in slices: the first screenful at once, the rest in tasks
//! of about [`SLICE_MS`] that yield to the browser, so a 100,000-paragraph body
//! never freezes the page; a slice stops when its container left the page (a new
//! `src`, Retry or unmount).

use super::figure::figure_dom;
use crate::i18n::Lang;
use crate::model::body::{Element, Node, Tag};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// Top-level blocks rendered before the first paint (more than a phone screen holds).
pub const FIRST_BLOCKS: usize = 24;
pub use crate::tasks::SLICE_MS;
/// Rendered slices are put on the page at most this often, in milliseconds.
pub const APPEND_MS: f64 = 250.0;
/// Bodies with more top-level blocks than this get `data-long` (off-screen blocks skip layout).
pub const LONG_BODY: usize = 200;

/// A failed DOM call (a host page that broke a DOM method, Trusted Types...).
pub type DomResult<T> = Result<T, JsValue>;

/// Builds one node (and its subtree) as DOM.
pub fn node_dom(doc: &Document, node: &Node, lang: Lang) -> DomResult<web_sys::Node> {
    match node {
        Node::Text(t) => Ok(doc.create_text_node(t).into()),
        Node::Figure(img) => Ok(figure_dom(doc, img, false, lang)?.into()),
        Node::El(e) => element_dom(doc, e, lang),
        Node::Embed(e) => Ok(super::embeds::embed_dom(doc, e, lang, &|p, n| append_all(doc, p, n, lang))?.into()),
    }
}

fn element_dom(doc: &Document, e: &Element, lang: Lang) -> DomResult<web_sys::Node> {
    let el = doc.create_element(e.tag.name())?;
    for (attr, value) in &e.attrs {
        el.set_attribute(attr.name(), value)?;
    }
    if !e.tag.is_void() {
        append_all(doc, &el, &e.children, lang)?;
    }
    if e.tag == Tag::Table {
        // Wide tables scroll inside their own box on narrow screens.
        let wrap = doc.create_element("div")?;
        wrap.set_class_name("ar-table");
        wrap.set_attribute("tabindex", "0")?;
        wrap.set_attribute("role", "region")?;
        wrap.set_attribute("aria-label", lang.t().table)?;
        wrap.append_child(&el)?;
        return Ok(wrap.into());
    }
    Ok(el.into())
}

/// Appends every node of `nodes` to `parent`.
pub fn append_all(doc: &Document, parent: &web_sys::Element, nodes: &[Node], lang: Lang) -> DomResult<()> {
    for n in nodes {
        parent.append_child(&node_dom(doc, n, lang)?)?;
    }
    Ok(())
}

/// Renders `ready.body` into `container`: [`FIRST_BLOCKS`] now, the rest in
/// yielding slices. `on_error` gets the first failed DOM call (rendering stops).
pub fn render_body<R: 'static>(
    container: web_sys::Element,
    ready: Arc<R>,
    nodes: fn(&R) -> &[Node],
    lang: Lang,
    on_error: impl FnOnce(JsValue) + 'static,
) {
    let Some(doc) = container.owner_document() else { return };
    let all = nodes(&ready);
    let first = all.len().min(FIRST_BLOCKS);
    if let Err(e) = append_slice(&doc, &container, all.get(..first).unwrap_or_default(), lang) {
        on_error(e);
        return;
    }
    if first == all.len() {
        return;
    }
    // Assistive technology (and tests) know the body is still growing.
    let _ = container.set_attribute("aria-busy", "true");
    if all.len() > LONG_BODY {
        // Off-screen blocks skip layout and paint (style/reader.css): a growing
        // 10,000-block body no longer re-lays-out everything after each slice.
        let _ = container.set_attribute("data-long", "");
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut next = first;
        let total = nodes(&ready).len();
        // Slices are built into a detached fragment and put on the page every
        // [`APPEND_MS`], so the page lays out the growing body a few times, not per slice.
        let mut pending = doc.create_document_fragment();
        let mut last_append = crate::tasks::now_ms();
        while next < total {
            crate::tasks::yield_to_browser().await;
            if !container.is_connected() {
                return; // replaced (new src, Retry) or unmounted
            }
            match render_for(&doc, &pending, nodes(&ready), next, lang) {
                Ok(end) => next = end,
                Err(e) => return on_error(e),
            }
            if next >= total || crate::tasks::now_ms() - last_append >= APPEND_MS {
                if let Err(e) = container.append_child(&pending) {
                    return on_error(e);
                }
                pending = doc.create_document_fragment();
                last_append = crate::tasks::now_ms();
            }
        }
        let _ = container.remove_attribute("aria-busy");
    });
}

fn append_slice(doc: &Document, parent: &web_sys::Element, nodes: &[Node], lang: Lang) -> DomResult<()> {
    // One insertion per slice: the nodes are built off the page, in a fragment.
    let frag = doc.create_document_fragment();
    for n in nodes {
        frag.append_child(&node_dom(doc, n, lang)?)?;
    }
    parent.append_child(&frag)?;
    Ok(())
}

/// Renders into `frag` from `start` until [`SLICE_MS`] have passed; returns where it stopped.
fn render_for(
    doc: &Document,
    frag: &web_sys::DocumentFragment,
    nodes: &[Node],
    start: usize,
    lang: Lang,
) -> DomResult<usize> {
    let t0 = crate::tasks::now_ms();
    let mut i = start;
    while let Some(n) = nodes.get(i) {
        frag.append_child(&node_dom(doc, n, lang)?)?;
        i += 1;
        if i.is_multiple_of(16) && crate::tasks::now_ms() - t0 >= SLICE_MS {
            break;
        }
    }
    Ok(i)
}
