//! Shadow DOM and the one constructable stylesheet every instance adopts
//! (no `<style>` element, so `style-src` without `'unsafe-inline'` works).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget CSS, minified at build time from `style/`.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/reader.min.css"));

thread_local! {
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok();
        if let Some(s) = &sheet {
            let _ = s.replace_sync(CSS);
        }
        sheet
    };
}

/// The element's open shadow root (reused when it already has one) with the
/// shared stylesheet adopted. `None` for elements that cannot host a shadow root.
pub fn shadow_root(host: &HtmlElement) -> Option<ShadowRoot> {
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?,
    };
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            let list = js_sys::Array::of1(sheet);
            let _ = js_sys::Reflect::set(&root, &JsValue::from_str("adoptedStyleSheets"), &list);
        }
    });
    Some(root)
}

/// A fresh mount point inside the shadow root.
pub fn mount_point(root: &ShadowRoot) -> Option<HtmlElement> {
    let doc = root.owner_document()?;
    let div = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    div.set_class_name("ar-mount");
    root.append_child(&div).ok()?;
    Some(div)
}
