//! Leptos views, one concern per module. They only read [`Instance`] state;
//! loading lives in `crate::embed`.

pub mod body;
pub mod cleanup;
pub mod controls;
pub mod figure;
pub mod header;
pub mod intl;
pub mod prefs;
pub mod related;
pub mod settings;
pub mod speech;
pub mod status;

use crate::article::model::Article;
use crate::body::tree::Node;
use crate::config::{Config, Theme, DEFAULT_STEP};
use crate::i18n::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// An article ready to render: normalized, body sanitized.
#[derive(Debug)]
pub struct Ready {
    pub article: Article,
    pub body: Vec<Node>,
    /// The body was cut at the size limits.
    pub truncated: bool,
    /// The body already shows the lead image.
    pub hide_lead: bool,
}

/// What went wrong, for the message, the Retry button and the error event.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// Machine-readable kind: `http`, `timeout`, `network`, `parse`, `format`, `empty`, `config`.
    pub kind: &'static str,
    pub status: Option<u16>,
    /// Developer-facing English detail (event and console); readers see a localized text.
    pub detail: String,
    /// Where the reader can still read the article, when known.
    pub article_url: Option<String>,
}

impl Failure {
    /// Transient failures get a Retry button.
    pub fn retryable(&self) -> bool {
        matches!(self.kind, "timeout" | "network") || (self.kind == "http" && self.status.is_none_or(|s| s >= 500 || s == 408 || s == 429))
    }

    /// The localized message a reader sees.
    pub fn message(&self, lang: Lang) -> &'static str {
        let t = lang.t();
        match (self.kind, self.status) {
            ("http", Some(404 | 410)) => t.err_http_404,
            ("http", Some(s)) if s < 500 => t.err_http_4xx,
            ("http", _) => t.err_http_5xx,
            ("timeout", _) => t.err_timeout,
            ("network", _) => t.err_network,
            ("parse", _) => t.err_not_json,
            ("empty", _) => t.err_empty,
            ("config", _) => t.err_config,
            ("too-large", _) => t.err_too_large,
            _ => t.err_format,
        }
    }
}

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
            font_step: Memo::new(move |_| step_pref.get().or_else(|| config.with(|c| c.font_step)).unwrap_or(DEFAULT_STEP)),
            theme: Memo::new(move |_| theme_pref.get().or_else(|| config.with(|c| c.theme)).unwrap_or_default()),
        }
    }
}

/// The whole widget view of one instance.
pub fn reader_view(inst: Instance) -> impl IntoView {
    let scale = move || crate::config::step_factor_text(inst.font_step.get());
    let content = move || match inst.state.get() {
        LoadState::Idle | LoadState::Loading => status::loading_view(inst).into_any(),
        LoadState::Ready(ready) => article_view(inst, ready).into_any(),
        LoadState::Failed(failure) => status::error_view(inst, failure).into_any(),
    };
    view! {
        <div
            class="ar"
            part="root"
            data-theme=move || inst.theme.get().name()
            lang=move || inst.lang.get().tag()
            style=("--ar-scale", scale)
        >
            {controls::controls_view(inst)}
            {content}
        </div>
    }
}

fn article_view(inst: Instance, ready: Arc<Ready>) -> impl IntoView {
    let lang = inst.lang.get_untracked();
    let tz = inst.config.with_untracked(|c| c.time_zone.clone());
    let a = &ready.article;
    let dir = a.dir.map(|d| match d {
        crate::article::model::TextDir::Rtl => "rtl",
        crate::article::model::TextDir::Ltr => "ltr",
    });
    let lead = a.image.clone().filter(|_| !ready.hide_lead).map(|img| figure::figure_view(&img, true, lang));
    let truncated = ready.truncated.then(|| {
        let t = lang.t().truncated;
        view! { <p class="ar-note" part="note">{t}</p> }
    });
    view! {
        <article class="ar-article" part="article" lang=a.lang.clone() dir=dir>
            {header::header_view(&ready, lang, &tz)}
            {lead}
            <div class="ar-body" part="body">{body::nodes_view(&ready.body, lang)}</div>
            {truncated}
            {related::tags_view(&a.tags, lang)}
            {related::sections_view(&a.categories, lang)}
            {related::related_view(&a.related, lang, &tz)}
        </article>
    }
}
