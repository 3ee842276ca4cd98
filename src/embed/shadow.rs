//! Shadow DOM and the constructable stylesheets every instance adopts
//! (no `<style>` element, so `style-src` without `'unsafe-inline'` works).
//!
//! Two sheets, shared by all instances: [`ISOLATION`] (owned here) and the widget
//! CSS from `style/`. The isolation sheet cuts inheritance from the host element
//! (`all: initial` on the mount point: fonts, colours, line-height, text-transform...
//! set on the host by the page cannot reach inside; custom properties, the theming
//! surface, still do) and reserves space while an article loads.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget CSS, minified at build time from `style/`.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/reader.min.css"));

/// Adopted before [`CSS`], so the widget rules win at equal specificity.
/// `.ar-reserve` is on the mount point while nothing is shown yet (idle, loading):
/// the same reservation as the loader's placeholder (`.ar-pre` in `loader.js`),
/// so the switch from placeholder to skeleton moves nothing on the host page.
pub const ISOLATION: &str = concat!(
    ":host{display:block}",
    ":host([hidden]){display:none}",
    ".ar-mount{all:initial;display:block;visibility:inherit}",
    ".ar-reserve{min-height:var(--ar-min-height,100vh)}",
    // Exactly the reserved height: a skeleton taller than the reservation is clipped
    // rather than pushing the page down (never below 12em: controls and the host's
    // link stay visible even with a tiny reservation).
    ".ar-reserve>.ar{min-height:inherit;max-height:max(var(--ar-min-height,100vh),12em);overflow:hidden}",
);

/// Class of the mount point while space is reserved.
pub const RESERVE: &str = "ar-reserve";

thread_local! {
    static SHEETS: Vec<CssStyleSheet> = [ISOLATION, CSS]
        .iter()
        .filter_map(|css| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(css).ok()?;
            Some(sheet)
        })
        .collect();
}

/// The element's open shadow root (the loader's placeholder root is reused and
/// emptied) with the shared stylesheets adopted. `None` for elements that cannot
/// host a shadow root (`<img>`, `<a>`, `<p>`...).
pub fn shadow_root(host: &HtmlElement) -> Option<ShadowRoot> {
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?,
    };
    while let Some(child) = root.first_child() {
        if root.remove_child(&child).is_err() {
            break;
        }
    }
    SHEETS.with(|sheets| {
        let list: js_sys::Array = sheets.iter().collect();
        let _ = js_sys::Reflect::set(&root, &JsValue::from_str("adoptedStyleSheets"), &list);
    });
    Some(root)
}

/// A fresh mount point inside the shadow root, reserving space until the first render.
pub fn mount_point(root: &ShadowRoot) -> Option<HtmlElement> {
    let doc = root.owner_document()?;
    let div = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    div.set_class_name(&["ar-mount ", RESERVE].concat());
    root.append_child(&div).ok()?;
    Some(div)
}

/// Reserves (while nothing is shown) or releases the space of a mount point.
pub fn reserve(container: &HtmlElement, on: bool) {
    let _ = container.class_list().toggle_with_force(RESERVE, on);
}
