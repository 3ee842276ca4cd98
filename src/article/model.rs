//! Re-export: the article model lives in [`crate::model::article`].

pub use crate::model::article::*;
