//! What the sanitizer reads and returns: a parsed source tree behind
//! [`SourceNode`] (the browser DOM in `body::dom`, a test tree natively), the
//! [`Limits`] on the work done for one body, and the [`Sanitized`] result.

use crate::model::body::Node;

/// What a source node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Element,
    Text,
    /// Comments, processing instructions, doctypes...: ignored.
    Other,
}

/// A node of the parsed source document: the browser DOM (`body::dom`) or a
/// test tree.
pub trait SourceNode: Sized {
    fn kind(&self) -> Kind;
    /// Lowercase local name (elements only).
    fn tag(&self) -> String;
    /// An attribute value (elements only).
    fn attr(&self, name: &str) -> Option<String>;
    /// False when the element certainly has no attributes (saves lookups).
    fn has_attrs(&self) -> bool {
        true
    }
    /// The text of a text node.
    fn text(&self) -> String;
    fn children(&self) -> Vec<Self>;
}

/// Bounds on the work done for one body.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Elements nested deeper are flattened to their text.
    pub max_depth: usize,
    /// Source nodes visited; the rest is dropped (`truncated`).
    pub max_nodes: usize,
    /// Bytes of text kept; the rest is dropped (`truncated`).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_depth: 64, max_nodes: 200_000, max_text_bytes: 8 << 20 }
    }
}

/// The sanitized body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sanitized {
    pub nodes: Vec<Node>,
    /// True when a limit cut the body short.
    pub truncated: bool,
}
