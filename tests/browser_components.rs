//! Component tests in headless Chromium (wasm-bindgen-test): the real widget
//! mounted into a real document, fed inline JSON.
#![cfg(target_arch = "wasm32")]

use article_reader::embed::{mount, Handle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A host element holding the seed article as inline JSON.
fn host_with(json: &str) -> HtmlElement {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(json));
    host.append_child(&script).unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

async fn settle() {
    // Let effects and the load task run (a few macrotasks).
    for _ in 0..5 {
        let p = js_sys::Promise::new(&mut |ok, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 20).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

fn shadow_query(host: &HtmlElement, sel: &str) -> Option<web_sys::Element> {
    host.shadow_root()?.query_selector(sel).ok().flatten()
}

const SEED: &str = include_str!("../fixtures/seed/native.json");

#[wasm_bindgen_test]
async fn renders_seed_article_in_shadow_root() {
    let host = host_with(SEED);
    let mut handle: Handle = mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts");
    settle().await;
    let title = shadow_query(&host, "h1.ar-title").expect("title rendered");
    assert_eq!(title.text_content().unwrap(), "Ban Dân vận Tỉnh ủy triển khai nhiệm vụ công tác năm 2020");
    let time = shadow_query(&host, "time.ar-date").expect("date rendered");
    assert_eq!(time.text_content().unwrap(), "19/12/2019 16:00");
    assert_eq!(time.get_attribute("datetime").unwrap(), "2019-12-19T16:00:00+07:00");
    let credit = shadow_query(&host, ".ar-credit").expect("credit");
    assert_eq!(credit.text_content().unwrap(), "Ảnh: MT");
    let h2 = shadow_query(&host, "nav.ar-sections h2").expect("sections block");
    assert_eq!(h2.text_content().unwrap(), "Chuyên mục khác");
    // No light-DOM leakage: the host's own children are untouched.
    assert_eq!(host.children().length(), 1);
    handle.unmount();
    assert!(shadow_query(&host, ".ar").is_none(), "unmount removes the view");
    host.remove();
}

#[wasm_bindgen_test]
async fn english_ui_and_date() {
    let host = host_with(SEED);
    host.set_attribute("lang", "en").unwrap();
    let mut handle = mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts");
    settle().await;
    let h2 = shadow_query(&host, "nav.ar-sections h2").expect("sections block");
    assert_eq!(h2.text_content().unwrap(), "Other sections");
    let time = shadow_query(&host, "time.ar-date").unwrap();
    assert_eq!(time.text_content().unwrap(), "19 Dec 2019, 16:00");
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn bad_json_shows_localized_message_not_panic() {
    let host = host_with("{\"title\": \"truncated");
    let mut handle = mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts");
    settle().await;
    let msg = shadow_query(&host, ".ar-error-msg").expect("error message shown");
    assert_eq!(msg.text_content().unwrap(), "Dữ liệu bài viết bị lỗi, không đọc được.");
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
fn invalid_option_is_a_clear_error() {
    let host = host_with(SEED);
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"theme".into(), &"purple".into()).unwrap();
    let err = match mount(host.clone(), opts.into(), JsValue::UNDEFINED) {
        Ok(_) => panic!("an invalid theme must be refused"),
        Err(e) => JsValue::from(e),
    };
    let msg = js_sys::Reflect::get(&err, &"message".into()).unwrap().as_string().unwrap();
    assert!(msg.contains("theme") && msg.contains("purple"), "{msg}");
    host.remove();
}
