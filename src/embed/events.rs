//! `CustomEvent`s dispatched on the host element: bubbling and composed, so a
//! listener on the element, an ancestor or `document` receives them.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A `detail` object built from (key, value) pairs.
pub fn detail(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Dispatches `article-reader:<name>`. A host listener that throws cannot reach us:
/// `dispatchEvent` reports listener errors to the page instead of re-throwing.
pub fn emit(host: &HtmlElement, name: &str, detail: JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let ty = ["article-reader:", name].concat();
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(&ty, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// `Some(s)` as a JS string, `None` as `null`.
pub fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}
