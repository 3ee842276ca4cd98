//! Cooperative scheduling for long work in the browser (wasm only): long bodies
//! are sanitized and rendered in slices that give the main thread back.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Work per slice before yielding, in milliseconds.
pub const SLICE_MS: f64 = 8.0;

/// `performance.now()`, or 0 without a `Performance` object.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis.scheduler` (Chromium's Prioritized Task Scheduling), if present.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = scheduler)]
    static SCHEDULER: JsValue;
}

/// Resolves in a new task: `scheduler.yield()` where the browser has it, else `setTimeout(0)`.
pub async fn yield_to_browser() {
    let sched = SCHEDULER.with(JsValue::clone);
    let via_yield = js_sys::Reflect::get(&sched, &"yield".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&sched).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let promise = via_yield.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        })
    });
    let _ = JsFuture::from(promise).await;
}
