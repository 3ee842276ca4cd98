//! The sanitized body as plain DOM, built once: no reactive view and no retained
//! Rust string per node (Leptos holds only what changes: controls, theme, scale,
//! load state). Tags and attributes come only from the closed enums of
//! `crate::model::body`, text only as text nodes.
//!
//! Long bodies render in slices: the first screenful at once, the rest in tasks
//! of about [`SLICE_MS`] that yield to the browser, so a 100,000-paragraph body
//! never freezes the page; a slice stops when its container left the page (a new
//! `src`, Retry or unmount).

use super::blocks::Rest;
use super::figure::figure_dom;
use crate::i18n::Lang;
use crate::model::body::{Element, Node, Tag};
use crate::reading::ReadingTime;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// Top-level blocks rendered before the first paint (more than a phone screen holds).
pub const FIRST_BLOCKS: usize = 24;
pub use crate::tasks::SLICE_MS;
/// Rendered slices are put on the page at most this often, in milliseconds: each
/// insertion makes the browser lay out the growing body, so fewer, larger ones
/// finish a long body sooner (the first screenful is already on the page).
pub const APPEND_MS: f64 = 1000.0;
/// Work per rendering slice (converting and building blocks), in milliseconds:
/// short enough for input to stay responsive, long enough that the yields do not
/// dominate.
pub const RENDER_SLICE_MS: f64 = 30.0;
/// Bodies with more top-level blocks than this get `data-long`, and their blocks
/// after the first screenful go into chunks of [`CHUNK_BLOCKS`].
pub const LONG_BODY: usize = 200;
/// Top-level blocks per chunk of a long body: a `div.ar-chunk` that the browser
/// skips (layout, paint, and the images' lazy-load checks) while it is off screen.
/// One skippable element per block made Chromium's visibility observer itself
/// the long task: 110,000 observed blocks cost 200–330 ms per frame.
pub const CHUNK_BLOCKS: usize = 64;

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
    let el = super::dom::create(doc, e.tag.name())?;
    for (attr, value) in &e.attrs {
        super::dom::set_attr(&el, attr.name(), value)?;
    }
    match e.children.as_slice() {
        _ if e.tag.is_void() => {}
        // Most blocks: one call instead of creating and appending a text node.
        [Node::Text(t)] if !t.is_empty() => el.set_text_content(Some(t)),
        children => append_all(doc, &el, children, lang)?,
    }
    if e.tag == Tag::Table {
        // Wide tables scroll inside their own box on narrow screens.
        let attrs = [
            ("class", Some("ar-table")),
            ("tabindex", Some("0")),
            ("role", Some("region")),
            ("aria-label", Some(lang.t().table)),
        ];
        let wrap = super::dom::element(doc, "div", &attrs)?;
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

/// Where the body's blocks come from: the converted ones (`nodes(ready)`),
/// then those of a long native body still to convert ([`Rest`]).
struct Blocks<R> {
    ready: Arc<R>,
    nodes: fn(&R) -> &[Node],
    next: usize,
    /// The blocks still to convert, and the reading time counted so far
    /// (the header's estimate is replaced by it at the end).
    rest: Option<(Rest, ReadingTime)>,
}

impl<R> Blocks<R> {
    fn total(&self) -> usize {
        (self.nodes)(&self.ready).len() + self.rest.as_ref().map_or(0, |(r, _)| r.remaining() as usize)
    }

    /// Every block is built.
    fn done(&self) -> bool {
        self.next >= (self.nodes)(&self.ready).len() && self.rest.as_ref().is_none_or(|(r, _)| r.remaining() == 0)
    }

    /// Builds the next block's DOM: `None` when all are done, `Some(Ok(None))`
    /// for a block with nothing to show.
    fn build_next(&mut self, doc: &Document, lang: Lang) -> Option<DomResult<Option<web_sys::Node>>> {
        if let Some(n) = (self.nodes)(&self.ready).get(self.next) {
            self.next += 1;
            return Some(node_dom(doc, n, lang).map(Some));
        }
        let (rest, time) = self.rest.as_mut()?;
        Some(match rest.next_node()? {
            Some(n) => {
                time.add_node(&n);
                node_dom(doc, &n, lang).map(Some)
            }
            None => Ok(None),
        })
    }

    /// Appends blocks to `parent` until `count` were appended or, with a
    /// deadline (`performance.now()` ms), that time passed. Returns how many
    /// were appended, and false once every block is built.
    fn build_into(
        &mut self,
        doc: &Document,
        parent: &web_sys::Node,
        lang: Lang,
        count: usize,
        deadline: Option<f64>,
    ) -> DomResult<(bool, usize)> {
        let mut appended = 0;
        let mut tried = 0u32;
        while appended < count {
            match self.build_next(doc, lang) {
                None => return Ok((false, appended)),
                Some(built) => {
                    if let Some(n) = built? {
                        parent.append_child(&n)?;
                        appended += 1;
                    }
                }
            }
            tried += 1;
            if deadline.is_some_and(|d| tried.is_multiple_of(16) && crate::tasks::now_ms() >= d) {
                break;
            }
        }
        Ok((true, appended))
    }
}

/// Where the blocks after the first screenful go: a detached fragment put on
/// the page every [`APPEND_MS`] and, in a long body, chunks of [`CHUNK_BLOCKS`] in it.
struct Sink {
    pending: web_sys::DocumentFragment,
    /// The chunk being filled and how many blocks it holds (long bodies only).
    chunk: Option<(web_sys::Element, usize)>,
    chunked: bool,
}

impl Sink {
    /// The node the next blocks go into, and how many more fit there.
    fn target(&mut self, doc: &Document) -> DomResult<(web_sys::Node, usize)> {
        if !self.chunked {
            return Ok((self.pending.clone().into(), usize::MAX));
        }
        match &self.chunk {
            Some((c, n)) if *n < CHUNK_BLOCKS => Ok((c.clone().into(), CHUNK_BLOCKS - n)),
            _ => {
                let c = super::dom::element(doc, "div", &[("class", Some("ar-chunk"))])?;
                self.pending.append_child(&c)?;
                self.chunk = Some((c.clone(), 0));
                Ok((c.into(), CHUNK_BLOCKS))
            }
        }
    }

    fn filled(&mut self, n: usize) {
        if let Some((_, count)) = &mut self.chunk {
            *count += n;
        }
    }

    /// After the last block: an empty last chunk goes, a short one gets its
    /// own size estimate (`--_chunk-blocks`, style/reader.css).
    fn finish(&self) {
        match &self.chunk {
            Some((c, 0)) => c.remove(),
            Some((c, n)) if *n < CHUNK_BLOCKS => {
                if let Some(el) = c.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.style().set_property("--_chunk-blocks", &n.to_string());
                }
            }
            _ => {}
        }
    }
}

/// Renders the body into `container`: [`FIRST_BLOCKS`] now, the rest in
/// yielding slices (then the blocks of `rest`, converted as they are rendered,
/// with the reading time of the blocks before them: the header shows the
/// total once the last is in). `on_error` gets the first failed DOM call
/// (rendering stops).
pub fn render_body<R: 'static>(
    container: web_sys::Element,
    ready: Arc<R>,
    nodes: fn(&R) -> &[Node],
    rest: Option<(Rest, ReadingTime)>,
    lang: Lang,
    on_error: impl FnOnce(JsValue) + 'static,
) {
    let Some(doc) = container.owner_document() else { return };
    let mut blocks = Blocks { ready, nodes, next: 0, rest };
    let total = blocks.total();
    // One insertion for the first screenful: built off the page, in a fragment.
    let frag = doc.create_document_fragment();
    let more = blocks.build_into(&doc, &frag, lang, FIRST_BLOCKS, None).and_then(|(more, _)| {
        container.append_child(&frag)?;
        Ok(more)
    });
    match more {
        Err(e) => return on_error(e),
        Ok(false) => return,
        Ok(true) if blocks.done() => return,
        Ok(true) => {}
    }
    // Assistive technology (and tests) know the body is still growing.
    let _ = container.set_attribute("aria-busy", "true");
    let chunked = total > LONG_BODY;
    if chunked {
        // Off-screen chunks skip layout and paint (style/reader.css): a growing
        // 10,000-block body no longer re-lays-out everything after each slice.
        let _ = container.set_attribute("data-long", "");
    }
    let sink = Sink { pending: doc.create_document_fragment(), chunk: None, chunked };
    wasm_bindgen_futures::spawn_local(render_rest(blocks, sink, container, doc, lang, on_error));
}

/// One slice of about [`RENDER_SLICE_MS`] into `sink`; false once every block is built.
fn slice<R>(blocks: &mut Blocks<R>, sink: &mut Sink, doc: &Document, lang: Lang) -> DomResult<bool> {
    let deadline = crate::tasks::now_ms() + RENDER_SLICE_MS;
    loop {
        let (target, room) = sink.target(doc)?;
        let (more, appended) = blocks.build_into(doc, &target, lang, room, Some(deadline))?;
        sink.filled(appended);
        if !more || crate::tasks::now_ms() >= deadline {
            return Ok(more);
        }
    }
}

/// The blocks after the first screenful, in yielding slices; then the exact
/// reading time of a long native body.
async fn render_rest<R>(
    mut blocks: Blocks<R>,
    mut sink: Sink,
    container: web_sys::Element,
    doc: Document,
    lang: Lang,
    on_error: impl FnOnce(JsValue),
) {
    // Slices are built into a detached fragment and put on the page every
    // [`APPEND_MS`], so the page lays out the growing body a few times, not per slice.
    let mut last_append = crate::tasks::now_ms();
    loop {
        crate::tasks::yield_to_browser().await;
        if !container.is_connected() {
            return; // replaced (new src, Retry) or unmounted
        }
        let more = match slice(&mut blocks, &mut sink, &doc, lang) {
            Ok(more) => more,
            Err(e) => return on_error(e),
        };
        if !more {
            sink.finish();
        }
        if !more || crate::tasks::now_ms() - last_append >= APPEND_MS {
            // A chunk already on the page keeps filling there (its blocks are off screen).
            if let Err(e) = container.append_child(&sink.pending) {
                return on_error(e);
            }
            sink.pending = doc.create_document_fragment();
            last_append = crate::tasks::now_ms();
        }
        if !more {
            break;
        }
    }
    let _ = container.remove_attribute("aria-busy");
    if let Some((_, time)) = &blocks.rest {
        let meta = container.parent_element().and_then(|a| a.query_selector(".ar-meta").ok().flatten());
        if let Some(meta) = meta {
            let _ = super::header::set_reading_minutes(&meta, lang, time.minutes());
        }
    }
}
