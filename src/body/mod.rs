//! Article body: untrusted HTML -> allowlisted [`tree::Node`]s.
//!
//! The browser parses (`dom`, wasm only: `DOMParser` into an inert document);
//! the pure [`policy`] decides what survives.

pub mod tree;
