//! Releasing per-instance reactive subscriptions on unmount.

use leptos::prelude::*;

/// Unsubscribes `memo` from its sources when the current owner is cleaned up.
///
/// Use it for every per-instance memo that reads a page-wide signal (the reader's
/// preferences, speech state): reactive_graph 0.2 leaves a disposed memo listed in
/// its sources' subscriber sets, and that entry keeps the memo's allocation, so
/// without this each unmounted instance leaked a few hundred bytes of wasm memory
/// into signals that live as long as the page.
pub fn release_on_cleanup<T: Send + Sync + 'static>(memo: Memo<T>) {
    use leptos::reactive::graph::{Subscriber, ToAnySubscriber};
    let memo = ArcMemo::from(memo); // alive now (no panic); cleanups run before disposal
    on_cleanup(move || {
        let sub = memo.to_any_subscriber();
        memo.clear_sources(&sub);
    });
}
