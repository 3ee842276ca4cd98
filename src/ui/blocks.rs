//! Long native bodies, converted as they are rendered.
//!
//! A native article's `body` is an array of blocks. When it has more than
//! [`HEAD`] blocks, the loader cuts the parsed array (still a JS value, fresh
//! from `JSON.parse`) after the first [`HEAD`]: the article and those blocks go
//! through serde and the adapters as usual, and the rest stays in JS. The view
//! then converts the rest one block at a time (serde of one block, the native
//! adapter's [`block`], DOM, drop), so a 10,000-paragraph article never exists
//! as one Rust tree: the wasm memory holds one block's text at a time, and the
//! first screenful does not wait for the last block.

use super::js::get;
use crate::article::json::Json;
use crate::article::native::{block, is_html_kind};
use crate::model::body::Node;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Blocks converted with the article, before the first paint (more than a phone
/// screen holds, and enough for the duplicate rule's first blocks).
pub const HEAD: u32 = 48;

/// The blocks of a native body after the first [`HEAD`].
#[derive(Debug)]
pub struct Rest {
    items: Array,
    next: u32,
    /// Base URL for the blocks' links and images (the article's own URL, else `src`).
    pub base: Option<String>,
}

/// The `type`s of the native format that are not raw HTML, as JS strings.
const NOT_HTML: [&str; 7] = ["paragraph", "image", "heading", "quote", "list", "figure", "blockquote"];

/// Whether a block is raw HTML (`type` "html" in any ASCII case, trimmed).
/// The usual types are recognized in JS (an identity check per block); only
/// other strings are copied into Rust: a 100,000-block body would otherwise
/// copy 100,000 strings before its first paint.
struct HtmlKind {
    key: JsValue,
    plain: Vec<JsValue>,
}

impl HtmlKind {
    fn new() -> Self {
        HtmlKind { key: JsValue::from_str("type"), plain: NOT_HTML.iter().map(|k| JsValue::from_str(k)).collect() }
    }

    fn is_html(&self, block: &JsValue) -> bool {
        let Ok(kind) = Reflect::get(block, &self.key) else { return false };
        // `is_string` asks JS; `dyn_into::<JsString>` would copy the text to check.
        if !kind.is_string() || self.plain.contains(&kind) {
            return false;
        }
        kind.as_string().is_some_and(|k| is_html_kind(k.trim()))
    }
}

impl Rest {
    /// Cuts `parsed.body` after [`HEAD`] blocks when `parsed` is a native article
    /// (`version: 1`, or the `native` format forced) whose body is a long array of
    /// blocks without raw HTML (an HTML block sends the whole body through the
    /// sanitizer, which needs it whole). `None`, and `parsed` unchanged, otherwise.
    pub fn split(parsed: &JsValue, native: bool) -> Option<Rest> {
        if !parsed.is_object() || !(native || get(parsed, "version").as_f64() == Some(1.0)) {
            return None;
        }
        let body = get(parsed, "body").dyn_into::<Array>().ok()?;
        if body.length() <= HEAD {
            return None;
        }
        let kinds = HtmlKind::new();
        if body.iter().any(|b| kinds.is_html(&b)) {
            return None;
        }
        let head = body.slice(0, HEAD);
        Reflect::set(parsed, &JsValue::from_str("body"), &head).ok()?;
        Some(Rest { items: body.slice(HEAD, body.length()), next: 0, base: None })
    }

    /// Blocks not converted yet.
    pub fn remaining(&self) -> u32 {
        self.items.length().saturating_sub(self.next)
    }

    /// The next block as a view node: `Some(None)` for a block with nothing to
    /// show (or one that is not JSON data), `None` when all are done.
    pub fn next_node(&mut self) -> Option<Option<Node>> {
        if self.next >= self.items.length() {
            return None;
        }
        let item = self.items.get(self.next);
        // Release the JS block as it is converted (the array keeps its length).
        self.items.set(self.next, JsValue::UNDEFINED);
        self.next += 1;
        let json: Option<Json> = super::js::json(&item).ok();
        Some(json.and_then(|b| block(&b, self.base.as_deref())))
    }
}
