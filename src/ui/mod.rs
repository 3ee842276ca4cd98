//! Leptos views, one concern per module. They only read [`Instance`] state;
//! loading lives in `crate::embed`.

pub mod blocks;
pub mod body;
pub mod cleanup;
pub mod controls;
pub mod dom;
pub mod embeds;
pub mod figure;
pub mod header;
pub mod intl;
pub mod js;
pub mod lazy;
pub mod lightbox;
pub mod listen;
pub mod live;
pub mod page;
pub mod prefs;
pub mod progress;
pub mod related;
pub mod settings;
pub mod share;
pub mod speech;
pub mod status;

use crate::config::{Config, Theme, DEFAULT_STEP};
use crate::i18n::Lang;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What went wrong (kind, status, detail, fallback link).
pub use crate::failure::{Failure, FailureKind};
/// An article ready to render: the output of the pure `prepare` step.
pub use crate::prepare::Prepared as Ready;

/// Load state of one instance.
#[derive(Debug, Clone, Default)]
pub enum LoadState {
    /// Waiting (lazy, not yet near the viewport).
    #[default]
    Idle,
    Loading,
    Ready(Arc<Ready>),
    Failed(Arc<Failure>),
}

/// Reactive state of one mounted instance.
#[derive(Clone, Copy)]
pub struct Instance {
    pub config: RwSignal<Config>,
    pub state: RwSignal<LoadState>,
    /// Bumped by Retry; the loader reloads when it changes.
    pub reload: RwSignal<u32>,
    /// UI language resolved from config and page.
    pub lang: Memo<Lang>,
    /// Effective font step: reader's choice, else admin default, else 100 %.
    pub font_step: Memo<usize>,
    /// Effective theme: reader's choice, else admin default, else auto.
    pub theme: Memo<Theme>,
    /// The blocks of a long native body still to convert, taken by the view
    /// that renders the article (see [`blocks`]).
    pub rest: StoredValue<Option<send_wrapper::SendWrapper<blocks::Rest>>>,
}

impl Instance {
    /// Creates the signals of one instance under the current owner.
    pub fn new(config: Config, page_lang: Option<Lang>) -> Instance {
        let config = RwSignal::new(config);
        let p = prefs::prefs();
        let (step_pref, theme_pref) = (p.font_step.clone(), p.theme.clone());
        Instance {
            config,
            state: RwSignal::new(LoadState::Idle),
            reload: RwSignal::new(0),
            lang: Memo::new(move |_| config.with(|c| c.lang).or(page_lang).unwrap_or_default()),
            font_step: Memo::new(move |_| {
                step_pref.get().or_else(|| config.with(|c| c.font_step)).unwrap_or(DEFAULT_STEP)
            }),
            theme: Memo::new(move |_| theme_pref.get().or_else(|| config.with(|c| c.theme)).unwrap_or_default()),
            rest: StoredValue::new(None),
        }
    }
}

/// The whole widget view of one instance. Leptos renders the root element and owns
/// the state; what is inside is plain DOM: the root's theme, language and scale,
/// the controls row, and one content element (loading, article or error) replaced
/// when the load state changes, each kept current by one small effect (`live`).
pub fn reader_view(inst: Instance) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    root.on_load(move |el| {
        let _ = build_root(inst, el.into());
    });
    view! { <div class="ar" part="root" node_ref=root></div> }
}

fn build_root(inst: Instance, root: web_sys::Element) -> Option<()> {
    let doc = root.owner_document()?;
    live::attr(&root, "data-theme", Box::new(move || inst.theme.get().name().to_owned()));
    live::attr(&root, "lang", Box::new(move || inst.lang.get().tag().to_owned()));
    if let Some(style) = root.dyn_ref::<web_sys::HtmlElement>().map(web_sys::HtmlElement::style) {
        live::effect(Box::new(move || {
            let _ = style.set_property("--ar-scale", &crate::config::step_factor_text(inst.font_step.get()));
        }));
    }
    // Without its controls row the article still renders.
    let _ = controls::controls_dom(inst, &doc, &root);
    let shown: std::cell::RefCell<Option<web_sys::Element>> = std::cell::RefCell::new(None);
    live::effect(Box::new(move || {
        let state = inst.state.get();
        // Only the state is tracked: what the content reads changes in its own effects.
        let next = untrack(|| match state {
            LoadState::Idle | LoadState::Loading => status::loading_dom(inst, &doc).map(|e| (e, None)),
            LoadState::Ready(ready) => article_dom(&doc, &ready).map(|e| (e, Some(ready))),
            LoadState::Failed(failure) => status::error_dom(inst, &doc, &failure).map(|e| (e, None)),
        });
        let Ok((next, ready)) = next else { return };
        let mut shown = shown.borrow_mut();
        let placed = match shown.as_ref() {
            Some(old) => old.replace_with_with_node_1(&next),
            None => root.append_child(&next).map(|_| ()),
        };
        if placed.is_err() {
            return;
        }
        *shown = Some(next.clone());
        drop(shown);
        if let Some(ready) = ready {
            // Filled once in the page: the body renders in slices while connected.
            untrack(|| fill_article(inst, next, ready, inst.lang.get_untracked()));
        }
    }));
    Some(())
}

/// The (empty) article element; [`fill_article`] builds what is inside.
fn article_dom(doc: &web_sys::Document, ready: &Ready) -> dom::Dom<web_sys::Element> {
    let a = &ready.article;
    let dir = a.dir.map(|d| match d {
        crate::model::article::TextDir::Rtl => "rtl",
        crate::model::article::TextDir::Ltr => "ltr",
    });
    dom::element(
        doc,
        "article",
        &[("class", Some("ar-article")), ("part", Some("article")), ("lang", a.lang.as_deref()), ("dir", dir)],
    )
}

/// Header, lead figure, body (in yielding slices), note, tags, sections and related
/// articles into `article`. A failed DOM call ends this widget's render with a
/// `runtime` failure (error view and event); other widgets are unaffected.
fn fill_article(inst: Instance, article: web_sys::Element, ready: Arc<Ready>, lang: Lang) {
    let for_error = article.clone();
    let failed = move |e: wasm_bindgen::JsValue| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "a DOM call failed".to_owned());
        let mut f = Failure::new(FailureKind::Runtime, None, ["rendering failed: ", &detail].concat());
        f.article_url = page::host_of(&for_error).and_then(|h| page::fallback_link(&h));
        let _ = inst.state.try_set(LoadState::Failed(Arc::new(f)));
    };
    let Some(doc) = article.owner_document() else { return };
    let tz = inst.config.with_untracked(|c| c.time_zone.clone());
    let rest = inst.rest.try_update_value(Option::take).flatten().map(send_wrapper::SendWrapper::take);
    // The reading time of a long native body is estimated from its first blocks
    // and made exact once the last one is rendered.
    let time = header::reading_time(&ready);
    let (seen, more) = (ready.body.len(), rest.as_ref().map_or(0, |r| r.remaining() as usize));
    match static_parts(&doc, &article, &ready, lang, &tz, time.estimate(seen, seen + more)) {
        Ok(body) => body::render_body(body, ready, |r| r.body.as_slice(), rest.map(|r| (r, time)), lang, failed),
        Err(e) => failed(e),
    }
}

/// Everything but the body's content; returns the (empty) body container.
fn static_parts(
    doc: &web_sys::Document,
    article: &web_sys::Element,
    ready: &Ready,
    lang: Lang,
    tz: &str,
    minutes: u32,
) -> dom::Dom<web_sys::Element> {
    article.append_child(&header::header_dom(doc, ready, lang, tz, minutes)?.into())?;
    if let (Some(img), false) = (&ready.article.image, ready.hide_lead) {
        article.append_child(&figure::figure_dom(doc, img, true, lang)?.into())?;
    }
    let body = dom::add(doc, article, "div", &[("class", Some("ar-body")), ("part", Some("body"))])?;
    if ready.truncated {
        dom::add_text(doc, article, "p", &[("class", Some("ar-note")), ("part", Some("note"))], lang.t().truncated)?;
    }
    related::after_body(doc, article, &ready.article, lang, tz)?;
    Ok(body)
}
