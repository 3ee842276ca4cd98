//! Cooperative scheduling for long work in the browser (wasm only): long bodies
//! are sanitized and rendered in slices that give the main thread back.

use wasm_bindgen_futures::JsFuture;

/// Work per slice before yielding, in milliseconds (the browser clamps nested
/// `setTimeout(0)` to 4 ms, so slices are not shorter).
pub const SLICE_MS: f64 = 12.0;

/// `performance.now()`, or 0 without a `Performance` object.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Resolves once `arm` has had the browser call back (`resolve` is the callback).
async fn called_back(arm: impl Fn(&web_sys::Window, &js_sys::Function)) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            arm(&w, &resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after `ms` milliseconds (`setTimeout`).
pub async fn sleep_ms(ms: i32) {
    called_back(|w, resolve| {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, ms);
    })
    .await;
}

/// Resolves after the next frame is painted (`requestAnimationFrame`, then a
/// task), or after 200 ms where no frame comes (a hidden tab).
pub async fn after_paint() {
    called_back(|w, resolve| {
        let _ = w.request_animation_frame(resolve);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 200);
    })
    .await;
    yield_to_browser().await;
}

/// Resolves in a new task (`setTimeout(0)`): timers, input and rendering all get
/// their turn. (`scheduler.yield()` continuations run ahead of other tasks, which
/// starves the page's own timers during a long body, so it is not used.)
pub async fn yield_to_browser() {
    sleep_ms(0).await;
}
