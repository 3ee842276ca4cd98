//! article-reader: an embeddable news-article reader widget.
//!
//! Data flows one way: input JSON -> [`article`] (adapters, normalization) ->
//! [`body`] (untrusted HTML -> allowlisted tree) -> `ui` (Leptos views) mounted by
//! `embed` (Shadow DOM, custom element, JS API). `article`, `body::policy`, `url`,
//! `caption` and `i18n` are pure Rust and tested natively; `ui` and `embed` exist
//! only in the wasm build.

pub mod article;
pub mod body;
pub mod caption;
pub mod config;
pub mod failure;
pub mod i18n;
pub mod model;
pub mod prepare;
pub mod reading;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod tasks;
#[cfg(target_arch = "wasm32")]
pub mod ui;
