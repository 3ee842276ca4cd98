//! A lenient JSON value that any serde deserializer can produce.
//!
//! The wasm build fills it from `JSON.parse` through serde-wasm-bindgen, native
//! tests from serde_json. Adapters walk it with total accessors (`get`, `str`,
//! `items`...) that never fail: a field of the wrong type reads as absent, so a
//! bad field degrades one part of the view instead of the whole article.
//! Nesting deeper than [`MAX_DEPTH`] is rejected while deserializing, so hostile
//! input cannot exhaust the wasm stack.

pub use super::number::{num_text, parse_finite};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Deepest array/object nesting accepted. Real article JSON stays under 15.
pub const MAX_DEPTH: u32 = 128;

/// A JSON value. Objects keep their key order; a repeated key keeps its first value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl Json {
    /// Member `key` of an object; `Null` for anything else.
    pub fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map_or(&NULL, |(_, v)| v),
            _ => &NULL,
        }
    }

    /// The first present (non-null) member among `keys`.
    pub fn get_any(&self, keys: &[&str]) -> &Json {
        keys.iter().map(|k| self.get(k)).find(|v| !v.is_null()).unwrap_or(&NULL)
    }

    /// Element `i` of an array; `Null` when out of range or not an array.
    pub fn at(&self, i: usize) -> &Json {
        match self {
            Json::Arr(items) => items.get(i).unwrap_or(&NULL),
            _ => &NULL,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Obj(_))
    }

    /// A string with surrounding whitespace trimmed; `None` when absent, empty or not a string.
    pub fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    /// Like [`Json::str`], but numbers are accepted too (ids are often numeric).
    pub fn text(&self) -> Option<String> {
        match self {
            Json::Num(n) if n.is_finite() => {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    Some((*n as i64).to_string())
                } else {
                    Some(num_text(*n))
                }
            }
            other => other.str().map(str::to_owned),
        }
    }

    /// A number, also from a numeric string ("640").
    pub fn num(&self) -> Option<f64> {
        match self {
            Json::Num(n) if n.is_finite() => Some(*n),
            Json::Str(s) => parse_finite(s.trim()),
            _ => None,
        }
    }

    /// A positive integer that fits in `u32` (image sizes).
    pub fn dimension(&self) -> Option<u32> {
        self.num().filter(|n| *n >= 1.0 && *n <= 100_000.0).map(|n| n.round() as u32)
    }

    pub fn bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items of an array; a single non-null value reads as a one-item list,
    /// `null` as an empty one (so `"author": {...}` and `"author": [...]` read alike).
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            Json::Null => &[],
            single => std::slice::from_ref(single),
        }
    }

    /// The members of an object (empty for anything else).
    pub fn fields(&self) -> &[(String, Json)] {
        match self {
            Json::Obj(f) => f,
            _ => &[],
        }
    }
}

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Counts one level of nesting for as long as it lives.
struct DepthGuard;

impl DepthGuard {
    fn enter<E: de::Error>() -> Result<DepthGuard, E> {
        let depth = DEPTH.with(|d| {
            let next = d.get() + 1;
            d.set(next);
            next
        });
        let guard = DepthGuard;
        if depth > MAX_DEPTH {
            return Err(E::custom("JSON nested too deeply"));
        }
        Ok(guard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let _guard = DepthGuard::enter::<A::Error>()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Json>()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let _guard = DepthGuard::enter::<A::Error>()?;
        let mut fields: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Json>()?;
            if !fields.iter().any(|(k, _)| *k == key) {
                fields.push((key, value));
            }
        }
        Ok(Json::Obj(fields))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}
