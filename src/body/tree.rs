//! Re-export: the body tree lives in [`crate::model::body`].

pub use crate::model::body::*;
