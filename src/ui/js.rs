//! Calls into browser APIs that web-sys does not bind here, or that may be
//! missing or replaced on a host page: every one goes through `Reflect` and
//! `Function::apply`, which return errors instead of throwing through wasm.
//! [`json`] reads plain JS data (a parsed response, an options object) into [`Json`].

use crate::article::json::{Json, MAX_DEPTH};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `obj[name]`; `undefined` when it cannot be read.
pub fn get(obj: &JsValue, name: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[name] = value`, ignoring a refusal.
pub fn set(obj: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(name), value);
}

/// `obj[name]` when it is a string.
pub fn str_prop(obj: &JsValue, name: &str) -> Option<String> {
    get(obj, name).as_string()
}

/// `window`, or `undefined` without one.
pub fn win() -> JsValue {
    web_sys::window().map(JsValue::from).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `obj[name](...args)`; `None` if it is not a function or it throws.
pub fn call(obj: &JsValue, name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f = get(obj, name).dyn_into::<Function>().ok()?;
    let list = Array::new();
    for a in args {
        list.push(a);
    }
    f.apply(obj, &list).ok()
}

/// `new window[name](arg)`, when that constructor exists and does not throw.
pub fn construct(name: &str, arg: &JsValue) -> Option<JsValue> {
    let ctor = get(&win(), name).dyn_into::<Function>().ok()?;
    Reflect::construct(&ctor, &Array::of1(arg)).ok()
}

/// Top and bottom of a range or element in the viewport, and the viewport height.
pub fn rect(obj: &JsValue) -> Option<(f64, f64, f64)> {
    let r = call(obj, "getBoundingClientRect", &[])?;
    let h = get(&win(), "innerHeight").as_f64()?;
    Some((get(&r, "top").as_f64()?, get(&r, "bottom").as_f64()?, h))
}

/// Why a JS value is not JSON data ([`json`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotJson {
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A function, symbol or bigint where a JSON value was expected.
    Kind,
}

impl NotJson {
    /// The English detail for error messages and events.
    pub fn as_str(self) -> &'static str {
        match self {
            NotJson::TooDeep => "JSON nested too deeply",
            NotJson::Kind => "not a JSON value (a function, symbol or bigint)",
        }
    }
}

/// A `JSON.parse` result or an options object read into [`Json`]: strings,
/// numbers, booleans, `null`/`undefined` (null), arrays and plain objects (own
/// enumerable string keys, in order). One reader instead of serde-wasm-bindgen's
/// deserializer on the critical path: its error messages format floats, which
/// links about 4 KB of `core::fmt` into the first download.
pub fn json(value: &JsValue) -> Result<Json, NotJson> {
    read(value, 0)
}

fn read(v: &JsValue, depth: u32) -> Result<Json, NotJson> {
    if let Some(s) = v.as_string() {
        return Ok(Json::Str(s));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Num(n));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if !v.is_object() {
        return Err(NotJson::Kind);
    }
    if depth >= MAX_DEPTH {
        return Err(NotJson::TooDeep);
    }
    if Array::is_array(v) {
        let items: &Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(items.length().min(1024) as usize);
        for item in items.iter() {
            out.push(read(&item, depth + 1)?);
        }
        return Ok(Json::Arr(out));
    }
    let entries = Object::entries(v.unchecked_ref());
    let mut fields = Vec::with_capacity(entries.length().min(1024) as usize);
    for pair in entries.iter() {
        let pair: &Array = pair.unchecked_ref();
        let key = pair.get(0).as_string().unwrap_or_default();
        fields.push((key, read(&pair.get(1), depth + 1)?));
    }
    Ok(Json::Obj(fields))
}
