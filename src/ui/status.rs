//! Loading skeleton and error message. Both keep the host's own fallback
//! content (a plain link to the article) visible through a `<slot>`.

use super::{Failure, Instance};
use leptos::prelude::*;
use std::sync::Arc;

pub fn loading_view(inst: Instance) -> impl IntoView {
    let label = move || inst.lang.get().t().loading;
    view! {
        <div class="ar-loading" part="loading" role="status" aria-busy="true">
            <span class="ar-sr">{label}</span>
            <div class="ar-fallback"><slot></slot></div>
            <div class="ar-skel" aria-hidden="true">
                <i class="ar-skel-kicker"></i>
                <i class="ar-skel-title"></i>
                <i class="ar-skel-title ar-skel-short"></i>
                <i class="ar-skel-meta"></i>
                <i class="ar-skel-img"></i>
                <i class="ar-skel-line"></i>
                <i class="ar-skel-line"></i>
                <i class="ar-skel-line ar-skel-short"></i>
            </div>
        </div>
    }
}

pub fn error_view(inst: Instance, failure: Arc<Failure>) -> impl IntoView {
    let lang = inst.lang.get_untracked();
    let t = lang.t();
    let retry = failure.retryable().then(|| {
        view! {
            <button type="button" class="ar-btn ar-retry" part="button retry"
                on:click=move |_| inst.reload.update(|n| *n = n.wrapping_add(1))>{t.retry}</button>
        }
    });
    let original = failure.article_url.clone().map(|url| {
        view! { <a class="ar-original" part="original-link" href=url>{t.open_original}</a> }
    });
    view! {
        <div class="ar-error" part="error" role="alert">
            <p class="ar-error-msg">{failure.message(lang)}</p>
            <p class="ar-error-actions">{retry}{original}</p>
            <div class="ar-fallback"><slot></slot></div>
        </div>
    }
}
