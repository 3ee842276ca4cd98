//! Facts about the host page the widget reads: its base URL and the plain link the
//! admin left inside the placeholder (shown as "open the original" on failures).

use web_sys::Element;

/// Absolute http(s) URL of `src` against the page's base URL (like a link's
/// `href`); `None` for other schemes (`javascript:`, `data:`, `file:`...).
pub fn absolute(src: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let base = doc.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(src, &base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// The host's own link (`a[href]` among its children), resolved and scheme-checked.
pub fn fallback_link(host: &Element) -> Option<String> {
    let a = host.query_selector("a[href]").ok().flatten()?;
    let href = a.get_attribute("href")?;
    crate::url::resolve(None, &absolute(&href)?)
}

/// The element hosting the shadow root `node` lives in.
pub fn host_of(node: &web_sys::Node) -> Option<Element> {
    use wasm_bindgen::JsCast;
    node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|r| r.host())
}
