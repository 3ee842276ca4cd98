//! Getting one article: fetch (or inline JSON) -> `JSON.parse` -> [`Json`] ->
//! normalized article -> sanitized body. Every failure becomes a [`Failure`].

use crate::article::json::Json;
use crate::article::model::BodySource;
use crate::article::{parse_article, InputError, ParseOptions};
use crate::body;
use crate::config::Config;
use crate::ui::{Failure, Ready};
use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

/// Larger responses are refused before parsing (they would freeze a phone).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

fn fail(kind: &'static str, status: Option<u16>, detail: impl Into<String>) -> Failure {
    Failure { kind, status, detail: detail.into(), article_url: None }
}

/// Aborts the fetch when dropped (unmount, new `src`) or when the timeout fires.
pub struct Abort {
    controller: Option<AbortController>,
    timer: Option<i32>,
    _on_timeout: Option<Closure<dyn FnMut()>>,
    timed_out: Rc<Cell<bool>>,
}

impl Abort {
    fn new(timeout_ms: u32) -> Abort {
        let controller = AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let (flag, ctl) = (timed_out.clone(), controller.clone());
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            if let Some(c) = &ctl {
                c.abort();
            }
        });
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                i32::try_from(timeout_ms).unwrap_or(i32::MAX),
            )
            .ok()
        });
        Abort { controller, timer, _on_timeout: Some(on_timeout), timed_out }
    }
}

impl Drop for Abort {
    fn drop(&mut self) {
        if let (Some(w), Some(t)) = (web_sys::window(), self.timer) {
            w.clear_timeout_with_handle(t);
        }
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, Failure> {
    let abort = Abort::new(timeout_ms);
    let signal = abort.controller.as_ref().map(AbortController::signal);
    let net_err = |e: gloo_net::Error, abort: &Abort| {
        if abort.timed_out.get() {
            fail("timeout", None, ["no response within ", &timeout_ms.to_string(), " ms"].concat())
        } else {
            fail("network", None, ["request failed: ", &e.to_string()].concat())
        }
    };
    let req = Request::get(url).abort_signal(signal.as_ref()).header("Accept", "application/json");
    let resp = req.send().await.map_err(|e| net_err(e, &abort))?;
    let status = resp.status();
    if !(200..300).contains(&status) {
        return Err(fail("http", Some(status), ["HTTP ", &status.to_string(), " for ", url].concat()));
    }
    if let Some(len) = resp.headers().get("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if len > MAX_BYTES {
            return Err(fail("too-large", Some(status), "response larger than 32 MB"));
        }
    }
    resp.text().await.map_err(|e| net_err(e, &abort))
}

/// Converts JSON text into the lenient [`Json`] value.
pub fn parse_json(text: &str) -> Result<Json, Failure> {
    if text.len() > MAX_BYTES {
        return Err(fail("too-large", None, "article JSON larger than 32 MB"));
    }
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let msg = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        fail("parse", None, ["not valid JSON: ", &msg].concat())
    })?;
    serde_wasm_bindgen::from_value::<Json>(value)
        .map_err(|e| fail("format", None, ["unreadable JSON: ", &e.to_string()].concat()))
}

/// Loads, normalizes and sanitizes the article `cfg` points to.
/// `source_url` is `src` resolved against the page (base for relative links).
pub async fn load(cfg: &Config, source_url: Option<String>) -> Result<Ready, Failure> {
    let text = match (&cfg.inline, &source_url) {
        (Some(inline), _) => inline.clone(),
        (None, Some(url)) => fetch_text(url, cfg.timeout_ms).await?,
        (None, None) => return Err(fail("config", None, "no `src` attribute and no inline JSON")),
    };
    let json = parse_json(&text)?;
    drop(text);
    let opts = ParseOptions { format: cfg.format, source_url: source_url.as_deref() };
    let mut article = parse_article(&json, &opts).map_err(|e| match e {
        InputError::Empty => fail("empty", None, "the article has no title, lede or body"),
        InputError::NotAnObject => fail("format", None, "the JSON is not an object"),
        InputError::UnknownFormat => {
            fail("format", None, "the JSON matches none of: native v1, WordPress, JSON-LD, JSON Feed")
        }
    })?;
    drop(json);
    let base = article.url.clone().or(source_url);
    let (mut nodes, truncated) = match std::mem::take(&mut article.body) {
        BodySource::Nodes(n) => (n, false),
        BodySource::Html(html) => {
            let s = body::dom::sanitize_html(&html, base.as_deref());
            (s.nodes, s.truncated)
        }
    };
    let lead_src = article.image.as_ref().map(|i| i.src.clone());
    let hide_lead = body::policy::dedupe_figures(&mut nodes, lead_src.as_deref());
    if let (true, Some(lead)) = (hide_lead, &article.image) {
        body::policy::adopt_lead(&mut nodes, lead);
    }
    if nodes.is_empty() && article.title.is_none() && article.lede.is_none() {
        return Err(fail("empty", None, "the article body is empty after sanitizing"));
    }
    Ok(Ready { article, body: nodes, truncated, hide_lead })
}
