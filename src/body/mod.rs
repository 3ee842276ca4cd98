//! Article body: untrusted HTML -> allowlisted [`tree::Node`]s.
//!
//! The browser parses (`dom`, wasm only: `DOMParser` into an inert document);
//! the pure [`policy`] decides what survives.

#[cfg(target_arch = "wasm32")]
pub mod dom;
pub mod policy;
pub mod tree;
