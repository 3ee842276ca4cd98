//! The lazy part of the wasm: what the first paint does not need (the controls
//! row with the settings panel, listening and sharing, the progress bar and
//! continue-reading offer, the photo viewer; about 30 KB brotli). `make dist`
//! builds with the `split` feature and `wasm-split-cli` cuts [`features`] and
//! everything only it reaches into a second module, which the split JS inlined
//! in `embed.js` fetches (with its sha384) next to the main one.
//!
//! One download for the page, started after the first widget has painted its
//! article (or its error). Widgets shown meanwhile wait in a list; once the part
//! is in, each builds its controls at once. A failed download is tried again
//! 1, 4 and 16 s later, then given up (the article stays readable, the row
//! empty); the next widget mounted after that tries again.

use super::Instance;
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;
use leptos::wasm_split::SplitLoaderError;
use std::cell::RefCell;

/// A widget waiting for the lazy part.
struct Waiting {
    owner: Option<WeakOwner>,
    inst: Instance,
    tools: web_sys::Element,
}

enum State {
    Idle,
    Loading(Vec<Waiting>),
    Loaded,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::Idle) };
}

/// Builds the lazy controls into `tools` (the row of a widget that shows its
/// article or error), loading the lazy part first if needed.
pub fn request(owner: Option<WeakOwner>, inst: Instance, tools: web_sys::Element) {
    let w = Waiting { owner, inst, tools };
    let start = STATE.with(|s| {
        let mut s = s.borrow_mut();
        match &mut *s {
            State::Loaded => {
                build(w);
                false
            }
            State::Loading(list) => {
                list.retain(|w| w.tools.is_connected());
                list.push(w);
                false
            }
            State::Idle => {
                *s = State::Loading(vec![w]);
                true
            }
        }
    });
    if start {
        leptos::task::spawn_local(load());
    }
}

/// One widget's controls from the loaded part (`build_features` skips a widget
/// unmounted meanwhile).
fn build(w: Waiting) {
    let owner = match &w.owner {
        Some(weak) => match weak.upgrade() {
            Some(o) => Some(o),
            None => return,
        },
        None => None,
    };
    leptos::task::spawn_local(async move {
        let _ = features(owner, w.inst, w.tools).await;
    });
}

/// The page's one download, after the next paint, with retries.
async fn load() {
    crate::tasks::after_paint().await;
    for retry_in in [1000, 4000, 16000, 0] {
        if preload().await.is_ok() {
            let waiting = STATE.with(|s| std::mem::replace(&mut *s.borrow_mut(), State::Loaded));
            if let State::Loading(list) = waiting {
                list.into_iter().for_each(build);
            }
            return;
        }
        if retry_in == 0 {
            break;
        }
        crate::tasks::sleep_ms(retry_in).await;
    }
    STATE.with(|s| *s.borrow_mut() = State::Idle);
    web_sys::console::warn_1(&"article-reader: the reader controls could not be loaded".into());
}

/// The lazy part's entry point (`wasm-split-cli` cuts here).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(features, wasm_split_path = leptos::wasm_split, fallible, preload(preload))]
fn features(owner: Option<Owner>, inst: Instance, tools: web_sys::Element) -> Result<(), SplitLoaderError> {
    super::controls::build_features(owner, inst, &tools);
    Ok(())
}

/// Without the `split` feature (the wasm tests), the same code in the one module.
#[cfg(not(feature = "split"))]
async fn features(owner: Option<Owner>, inst: Instance, tools: web_sys::Element) -> Result<(), SplitLoaderError> {
    super::controls::build_features(owner, inst, &tools);
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn preload() -> Result<(), SplitLoaderError> {
    Ok(())
}
