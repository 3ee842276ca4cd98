//! Types every part of the pipeline shares: the normalized article and the
//! allowlisted body tree. This module imports nothing else from the crate, so
//! adapters (`article`), the sanitizer (`body`), `prepare` and the views can all
//! depend on it without cycles.

pub mod article;
pub mod body;
pub mod embed;
