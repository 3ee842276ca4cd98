//! Embedding: the wasm exports `embed.js` calls (`mount`, [`Handle`], `version`),
//! Shadow DOM mounting, configuration from attributes, loading and events.
//!
//! `embed.js` (in `embed/`) owns discovery (the `<article-reader>` custom
//! element, `[data-article-reader]` via `MutationObserver`) and the public
//! `window.ArticleReader`; everything behind it is here.

pub mod events;
pub mod load;
pub mod shadow;

use crate::article::json::Json;
use crate::config::{step_factor, Config, OPTION_NAMES};
use crate::i18n::Lang;
use crate::ui::cleanup::release_on_cleanup;
use crate::ui::page::{absolute, fallback_link};
use crate::ui::{reader_view, Failure, FailureKind, Instance, LoadState};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// The crate version, exposed as `ArticleReader.version`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Reads the configuration from the element's attributes (`src` or `data-src`...).
/// Invalid attribute values are reported and ignored (the default applies).
fn config_from_attributes(host: &HtmlElement, errors: &mut Vec<String>) -> Config {
    let mut cfg = Config::default();
    for name in OPTION_NAMES {
        if name == "data" {
            continue;
        }
        let value = host.get_attribute(name).or_else(|| host.get_attribute(&["data-", name].concat()));
        if let Some(v) = value {
            if let Err(e) = cfg.set(name, &Json::Str(v)) {
                errors.push(e);
            }
        }
    }
    // Inline article: <script type="application/json"> child.
    if let Ok(Some(script)) = host.query_selector(":scope > script[type='application/json']") {
        cfg.inline = script.text_content();
    }
    cfg
}

fn page_lang() -> Option<Lang> {
    let doc = web_sys::window()?.document()?;
    doc.document_element()?.get_attribute("lang")?.parse().ok()
}

/// The failure for a `src` that is not an http(s) URL.
fn bad_src(src: &str) -> Failure {
    let shown: String = src.chars().take(80).collect();
    Failure::new(
        FailureKind::Config,
        None,
        ["`src` must be an http(s) URL, relative or absolute (got \"", &shown, "\")"].concat(),
    )
}

struct Mounted {
    _view: UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    inst: Instance,
    host: HtmlElement,
    container: HtmlElement,
    /// Options given through the JS API; they override attributes.
    options: Json,
}

/// One mounted widget, returned to `embed.js`.
#[wasm_bindgen]
pub struct Handle {
    mounted: Option<Mounted>,
}

/// Invalid attribute values: each one warned in the console, the first one as an
/// error event (the widget goes on with the defaults).
fn config_error(host: &HtmlElement, errors: &[String]) {
    for e in errors.iter().skip(1) {
        web_sys::console::warn_1(&JsValue::from_str(&["article-reader: ", e].concat()));
    }
    if let Some(first) = errors.first() {
        report(host, &Failure::new(FailureKind::Config, None, first.clone()));
    }
}

/// Builds the full configuration: attributes, then JS options on top.
fn full_config(host: &HtmlElement, options: &Json) -> Result<(Config, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut cfg = config_from_attributes(host, &mut warnings);
    cfg.apply_object(options)?;
    Ok((cfg, warnings))
}

/// Mounts a widget into `host`'s shadow root. `options` is `undefined`/`null` or an
/// object of the same names as the attributes; an invalid option is an error.
#[wasm_bindgen]
/// `prefetch` is the loader's early article request (`{url, response, body, abort}`), or undefined.
pub fn mount(host: HtmlElement, options: JsValue, prefetch: JsValue) -> Result<Handle, JsError> {
    let prefetch = load::Prefetch::from_js(&prefetch);
    let options: Json = if options.is_undefined() || options.is_null() {
        Json::Null
    } else {
        crate::ui::js::json(&options).map_err(|e| JsError::new(&["ArticleReader: options: ", e.as_str()].concat()))?
    };
    let (cfg, warnings) = full_config(&host, &options).map_err(|e| JsError::new(&["ArticleReader: ", &e].concat()))?;
    config_error(&host, &warnings);
    let root = shadow::shadow_root(&host)
        .ok_or_else(|| JsError::new("ArticleReader: this element cannot host a shadow root; use a <div>"))?;
    let container = shadow::mount_point(&root).ok_or_else(|| JsError::new("ArticleReader: cannot create the view"))?;
    let slot: Rc<Cell<Option<Instance>>> = Rc::new(Cell::new(None));
    let out = slot.clone();
    let h = host.clone();
    let c = container.clone();
    let view = mount_to(container.clone(), move || {
        let inst = Instance::new(cfg, page_lang());
        out.set(Some(inst));
        start(inst, h, c, prefetch);
        reader_view(inst).into_any()
    });
    let inst = slot.take().ok_or_else(|| JsError::new("ArticleReader: mount failed"))?;
    Ok(Handle { mounted: Some(Mounted { _view: view, inst, host, container, options }) })
}

#[wasm_bindgen]
impl Handle {
    /// Re-reads the attributes and merges `options` (if given) over the earlier ones.
    /// Throws a clear error for an invalid option; the widget keeps its config then.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        let Some(m) = self.mounted.as_mut() else { return Ok(()) };
        let mut merged = m.options.clone();
        if !(options.is_undefined() || options.is_null()) {
            let new = crate::ui::js::json(&options)
                .map_err(|e| JsError::new(&["ArticleReader: options: ", e.as_str()].concat()))?;
            let Json::Obj(fields) = new else {
                return Err(JsError::new("ArticleReader: options must be an object"));
            };
            let mut base = match merged {
                Json::Obj(f) => f,
                _ => Vec::new(),
            };
            for (k, v) in fields {
                base.retain(|(bk, _)| *bk != k);
                base.push((k, v));
            }
            merged = Json::Obj(base);
        }
        let (cfg, warnings) =
            full_config(&m.host, &merged).map_err(|e| JsError::new(&["ArticleReader: ", &e].concat()))?;
        config_error(&m.host, &warnings);
        m.options = merged;
        let _ = m.inst.config.try_set(cfg);
        Ok(())
    }

    /// Removes the view and frees its memory. Safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(m) = self.mounted.take() {
            let container = m.container.clone();
            drop(m);
            container.remove();
        }
    }
}

/// Wires one instance: reserved space, lazy start, loading on config/retry
/// changes, failure reports and preference events.
fn start(inst: Instance, host: HtmlElement, container: HtmlElement, prefetch: Option<load::Prefetch>) {
    // The two memos reading the page-wide reader preferences.
    release_on_cleanup(inst.font_step);
    release_on_cleanup(inst.theme);
    reserve_while_waiting(inst, container);
    // Lazy: stay idle until the element is near the viewport.
    let visible = RwSignal::new(!inst.config.with_untracked(|c| c.lazy));
    if !visible.get_untracked() {
        observe_visibility(&host, visible);
    }
    load_on_change(inst, &host, visible, prefetch);
    report_failures(inst, &host);
    preference_events(inst, &host);
}

/// Reserved space while nothing is shown yet; released on the article or an error
/// (in the same microtask as the render, so no frame shows the intermediate state).
fn reserve_while_waiting(inst: Instance, container: HtmlElement) {
    let container = send_wrapper::SendWrapper::new(container);
    crate::ui::live::effect(Box::new(move || {
        let waiting = inst.state.with(|s| matches!(s, LoadState::Idle | LoadState::Loading));
        shadow::reserve(&container, waiting);
    }));
}

/// (Re)loads when the source options change or Retry is pressed, once visible.
/// The loader's early request (`prefetch`) serves the first load only.
fn load_on_change(inst: Instance, host: &HtmlElement, visible: RwSignal<bool>, prefetch: Option<load::Prefetch>) {
    let prefetch = Rc::new(std::cell::RefCell::new(prefetch));
    let source = Memo::new(move |_| {
        inst.config.with(|c| (c.src.clone(), c.inline.clone(), c.format, c.timeout_ms, c.time_zone.clone()))
    });
    let generation = Rc::new(Cell::new(0u32));
    // An unmount supersedes the load in flight (a long body stops being sanitized).
    let on_unmount = send_wrapper::SendWrapper::new(generation.clone());
    on_cleanup(move || on_unmount.set(on_unmount.get().wrapping_add(1)));
    let host = send_wrapper::SendWrapper::new(host.clone());
    crate::ui::live::effect(Box::new(move || {
        // `with`, not `track`: a memo only subscribes to `config` once it has been
        // computed, and `track` alone never computes it (src changes were lost).
        source.with(|_| ());
        inst.reload.track();
        if !visible.get() {
            return;
        }
        let gen = generation.get().wrapping_add(1);
        generation.set(gen);
        let current = generation.clone();
        let early = prefetch.borrow_mut().take();
        let (cfg, host) = (inst.config.get_untracked(), (*host).clone());
        let _ = inst.state.try_set(LoadState::Loading);
        leptos::task::spawn_local(async move {
            let alive = || current.get() == gen;
            let (state, rest) = load_state(&cfg, &host, early, &alive).await;
            if alive() {
                // else superseded by a newer src or unmounted
                let _ = inst.rest.try_set_value(rest.map(send_wrapper::SendWrapper::new));
                let _ = inst.state.try_set(state);
            }
        });
    }));
}

/// One load, as the state the view shows (and the `load` event on success).
async fn load_state(
    cfg: &Config,
    host: &HtmlElement,
    early: Option<load::Prefetch>,
    alive: &dyn Fn() -> bool,
) -> (LoadState, Option<crate::ui::blocks::Rest>) {
    let source_url = cfg.src.as_deref().and_then(absolute);
    let result = match (&cfg.src, &source_url, &cfg.inline) {
        (Some(src), None, None) => Err(bad_src(src)),
        _ => load::load(cfg, source_url.clone(), early, alive).await,
    };
    match result {
        Ok((ready, rest)) if alive() => {
            let a = &ready.article;
            let detail = events::detail(&[
                ("id", events::opt_str(a.id.as_deref())),
                ("title", events::opt_str(a.title.as_deref())),
                ("url", events::opt_str(a.url.as_deref().or(source_url.as_deref()))),
            ]);
            events::emit(host, "load", detail);
            (LoadState::Ready(Arc::new(ready)), rest)
        }
        Ok(_) => (LoadState::Idle, None),
        Err(mut failure) => {
            failure.article_url = fallback_link(host);
            (LoadState::Failed(Arc::new(failure)), None)
        }
    }
}

/// Every failure is reported once (event + console), whether loading or rendering failed.
fn report_failures(inst: Instance, host: &HtmlElement) {
    let host = send_wrapper::SendWrapper::new(host.clone());
    let last = Cell::new(0usize);
    crate::ui::live::effect(Box::new(move || {
        let LoadState::Failed(f) = inst.state.get() else { return last.set(0) };
        let id = Arc::as_ptr(&f) as usize;
        if last.replace(id) != id {
            report(&host, &f);
        }
    }));
}

/// Events for reader preference changes (not on the first run).
fn preference_events(inst: Instance, host: &HtmlElement) {
    let h = send_wrapper::SendWrapper::new(host.clone());
    let prev = Cell::new(None::<usize>);
    crate::ui::live::effect(Box::new(move || {
        let step = inst.font_step.get();
        if prev.replace(Some(step)).is_some_and(|p| p != step) {
            events::emit(&h, "fontscale", events::detail(&[("scale", JsValue::from_f64(step_factor(step)))]));
        }
    }));
    let h = send_wrapper::SendWrapper::new(host.clone());
    let prev = Cell::new(None::<crate::config::Theme>);
    crate::ui::live::effect(Box::new(move || {
        let theme = inst.theme.get();
        if prev.replace(Some(theme)).is_some_and(|p| p != theme) {
            events::emit(&h, "theme", events::detail(&[("theme", JsValue::from_str(theme.name()))]));
        }
    }));
}

fn report(host: &HtmlElement, f: &Failure) {
    web_sys::console::warn_1(&JsValue::from_str(&["article-reader: ", f.kind.as_str(), ": ", &f.detail].concat()));
    events::emit(
        host,
        "error",
        events::detail(&[
            ("kind", JsValue::from_str(f.kind.as_str())),
            ("status", f.status.map_or(JsValue::NULL, |s| JsValue::from_f64(f64::from(s)))),
            ("message", JsValue::from_str(&f.detail)),
        ]),
    );
}

/// Sets `visible` once the host comes within 400 px of the viewport.
fn observe_visibility(host: &HtmlElement, visible: RwSignal<bool>) {
    let cb = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, obs: IntersectionObserver| {
            let hit = entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
            if hit {
                obs.disconnect();
                let _ = visible.try_set(true);
            }
        },
    );
    let init = IntersectionObserverInit::new();
    init.set_root_margin("400px 0px");
    match IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init) {
        Ok(obs) => {
            obs.observe(host);
            let keep = send_wrapper::SendWrapper::new((obs, cb));
            on_cleanup(move || keep.0.disconnect());
        }
        Err(_) => {
            let _ = visible.try_set(true);
        }
    }
}
