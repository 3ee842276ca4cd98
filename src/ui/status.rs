//! Loading skeleton and error message, as plain DOM. Both keep the host's own
//! fallback content (a plain link to the article) visible through a `<slot>`.

use super::dom::{add, add_text, element, Dom};
use super::{live, Failure, Instance};
use leptos::prelude::*;
use web_sys::{Document, Element};

/// The loading skeleton; its screen-reader label follows the UI language.
pub fn loading_dom(inst: Instance, doc: &Document) -> Dom<Element> {
    let el = element(
        doc,
        "div",
        &[
            ("class", Some("ar-loading")),
            ("part", Some("loading")),
            ("role", Some("status")),
            ("aria-busy", Some("true")),
        ],
    )?;
    let label = add(doc, &el, "span", &[("class", Some("ar-sr"))])?;
    live::text(&label, Box::new(move || inst.lang.get().t().loading.to_owned()));
    fallback(doc, &el)?;
    let skel = add(doc, &el, "div", &[("class", Some("ar-skel")), ("aria-hidden", Some("true"))])?;
    for class in [
        "ar-skel-kicker",
        "ar-skel-title",
        "ar-skel-title ar-skel-short",
        "ar-skel-meta",
        "ar-skel-img",
        "ar-skel-line",
        "ar-skel-line",
        "ar-skel-line ar-skel-short",
    ] {
        add(doc, &skel, "i", &[("class", Some(class))])?;
    }
    Ok(el)
}

/// The localized message, Retry (when trying again can help) and the original link.
pub fn error_dom(inst: Instance, doc: &Document, failure: &Failure) -> Dom<Element> {
    let lang = inst.lang.get_untracked();
    let t = lang.t();
    let el = element(doc, "div", &[("class", Some("ar-error")), ("part", Some("error")), ("role", Some("alert"))])?;
    add_text(doc, &el, "p", &[("class", Some("ar-error-msg"))], failure.message(lang))?;
    let actions = add(doc, &el, "p", &[("class", Some("ar-error-actions"))])?;
    if failure.retryable() {
        let attrs = [("type", Some("button")), ("class", Some("ar-btn ar-retry")), ("part", Some("button retry"))];
        let retry = add_text(doc, &actions, "button", &attrs, t.retry)?;
        live::on(&retry, "click", Box::new(move |_| inst.reload.update(|n| *n = n.wrapping_add(1))));
    }
    if let Some(url) = failure.article_url.as_deref() {
        let attrs = [("class", Some("ar-original")), ("part", Some("original-link")), ("href", Some(url))];
        add_text(doc, &actions, "a", &attrs, t.open_original)?;
    }
    fallback(doc, &el)?;
    Ok(el)
}

/// `<div class="ar-fallback"><slot></slot></div>`: the host's own content shows through.
fn fallback(doc: &Document, parent: &Element) -> Dom<()> {
    let f = add(doc, parent, "div", &[("class", Some("ar-fallback"))])?;
    add(doc, &f, "slot", &[])?;
    Ok(())
}
