//! Browser side of the body pipeline (wasm only): untrusted HTML is parsed by
//! `DOMParser` into an inert document (scripting disabled: no script runs, no
//! image loads, `<noscript>` content is parsed as elements) and its `<body>`
//! goes through the sanitizer one top-level child at a time ([`super::Incremental`]).

use super::{Kind, Limits, Sanitized, SourceNode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DomParser, Element, SupportedType};

/// Parses `html` into an inert document. `None` if the parser fails.
pub fn parse_html(html: &str) -> Option<Document> {
    DomParser::new().ok()?.parse_from_string(html, SupportedType::TextHtml).ok()
}

/// Parses and sanitizes an HTML body (`base` resolves relative URLs), in slices of
/// about [`crate::tasks::SLICE_MS`] that yield to the browser between top-level children, so a 100,000-paragraph body never
/// blocks the page. Stops early (returning what it has) once `alive()` is false.
pub async fn sanitize_html_sliced(html: &str, base: Option<&str>, alive: &dyn Fn() -> bool) -> Sanitized {
    let Some(body) = parse_html(html).and_then(|d| real_body(&d)) else { return Sanitized::default() };
    let limits = Limits::default();
    let mut run = super::Incremental::new(base, &limits);
    let list = body.child_nodes();
    let mut slice_start = crate::tasks::now_ms();
    for i in 0..list.length() {
        let Some(child) = list.item(i) else { break };
        if !run.push(&DomNode::new(child)) {
            break;
        }
        if i % 32 == 31 && crate::tasks::now_ms() - slice_start >= crate::tasks::SLICE_MS {
            crate::tasks::yield_to_browser().await;
            if !alive() {
                break;
            }
            slice_start = crate::tasks::now_ms();
        }
    }
    run.finish()
}

/// The parsed document's real `<body>`. Firefox and WebKit let parsed content
/// shadow `document.body` (`<img name="body">`, `<form name="body">`: named
/// properties of a document), so the getter is taken from `Document.prototype`,
/// which nothing inside the article can replace.
fn real_body(doc: &Document) -> Option<web_sys::HtmlElement> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let proto = get(&get(&js_sys::global().into(), "Document")?, "prototype")?;
    let desc = js_sys::Reflect::get_own_property_descriptor(
        proto.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str("body"),
    )
    .ok()?;
    let getter = get(&desc, "get")?.dyn_into::<js_sys::Function>().ok()?;
    getter.call0(doc).ok()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// A DOM node with its node type read once (one JS call per node instead of
/// one per question).
#[derive(Clone)]
pub struct DomNode {
    node: web_sys::Node,
    ty: u16,
}

const ELEMENT: u16 = 1;
const TEXT: u16 = 3;

impl DomNode {
    pub fn new(node: web_sys::Node) -> Self {
        // A <form>'s named controls shadow its own properties (`<input name="localName">`
        // makes `form.localName` an element, not a string). Forms are dropped with
        // their content, so a form is never read: it counts as an ignored node.
        let ty = if node.is_instance_of::<web_sys::HtmlFormElement>() { 0 } else { node.node_type() };
        DomNode { node, ty }
    }

    fn element(&self) -> Option<&Element> {
        // Node type 1 is always an Element: no `instanceof` call needed.
        (self.ty == ELEMENT).then(|| self.node.unchecked_ref::<Element>())
    }
}

impl SourceNode for DomNode {
    fn kind(&self) -> Kind {
        match self.ty {
            ELEMENT => Kind::Element,
            TEXT => Kind::Text,
            _ => Kind::Other,
        }
    }

    fn tag(&self) -> String {
        let t = self.element().map(Element::local_name).unwrap_or_default();
        if t.bytes().any(|b| b.is_ascii_uppercase()) {
            t.to_ascii_lowercase()
        } else {
            t
        }
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.element()?.get_attribute(name)
    }

    fn has_attrs(&self) -> bool {
        self.element().is_some_and(Element::has_attributes)
    }

    fn text(&self) -> String {
        self.node.node_value().unwrap_or_default()
    }

    fn children(&self) -> Vec<Self> {
        let list = self.node.child_nodes();
        // More children than the node limit are never visited anyway.
        let cap = u32::try_from(Limits::default().max_nodes).unwrap_or(u32::MAX).saturating_add(1);
        let n = list.length().min(cap);
        (0..n).filter_map(|i| list.item(i)).map(DomNode::new).collect()
    }
}
