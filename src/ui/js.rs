//! Calls into browser APIs that web-sys does not bind here, or that may be
//! missing or replaced on a host page: every one goes through `Reflect` and
//! `Function::apply`, which return errors instead of throwing through wasm.

use js_sys::{Array, Function, Reflect};
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
