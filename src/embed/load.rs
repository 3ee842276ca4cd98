//! Getting one article: fetch (or inline JSON) -> `JSON.parse` -> [`Json`] ->
//! normalized article -> sanitized body. Every failure becomes a [`Failure`].
//!
//! The request goes through gloo-net; the response text stays a JS string, so
//! `JSON.parse` reads it where it is and `ui::js::json` copies only the parsed
//! values into Rust (no UTF-8 copy of the whole response into wasm memory and back).
//! Errors are read field by field, never through `Display`, which keeps gloo-net's
//! and serde's error formatting out of the bundle.

use crate::article::json::Json;
use crate::article::model::BodySource;
use crate::article::{parse_article, InputError, ParseOptions};
use crate::body;
use crate::config::Config;
use crate::ui::blocks::Rest;
use crate::ui::{Failure, FailureKind, Ready};
use gloo_net::http::{Request, Response};
use js_sys::JsString;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JS string (js_sys's binding takes `&str`, which would
    /// copy the text out of wasm memory again).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

/// Larger responses are refused before parsing (they would freeze a phone).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

fn fail(kind: FailureKind, status: Option<u16>, detail: impl Into<String>) -> Failure {
    Failure::new(kind, status, detail)
}

/// Aborts the fetch when dropped (unmount, new `src`) or when the timeout fires.
pub struct Abort {
    controller: Option<AbortController>,
    timer: Option<i32>,
    _on_timeout: Option<Closure<dyn FnMut()>>,
    timed_out: Rc<Cell<bool>>,
}

/// The article response `embed.js` requested before the wasm was ready (so the
/// article does not wait for the wasm download). Aborted when dropped unused.
pub struct Prefetch {
    /// The absolute URL requested; used only when the widget resolves the same.
    pub url: String,
    response: js_sys::Promise,
    /// The body as text, read by the loader while the wasm downloaded; resolves to
    /// null when it left the body unread (not 2xx, or over [`MAX_BYTES`]).
    body: Option<js_sys::Promise>,
    controller: Option<AbortController>,
}

impl Prefetch {
    /// Reads `{url, response, body, abort}` handed in by the loader.
    pub fn from_js(value: &JsValue) -> Option<Prefetch> {
        let get = |k: &str| js_sys::Reflect::get(value, &JsValue::from_str(k)).ok();
        let url = get("url")?.as_string()?;
        let response = get("response")?.dyn_into::<js_sys::Promise>().ok()?;
        let body = get("body").and_then(|b| b.dyn_into::<js_sys::Promise>().ok());
        let controller = get("abort").and_then(|a| a.dyn_into::<AbortController>().ok());
        Some(Prefetch { url, response, body, controller })
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        if let Some(c) = self.controller.take() {
            c.abort();
        }
    }
}

impl Abort {
    fn new(timeout_ms: u32, controller: Option<AbortController>) -> Abort {
        let controller = controller.or_else(|| AbortController::new().ok());
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

/// `name: message` of a JS exception, or its string form.
fn js_error_text(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => [String::from(err.name()), ": ".to_owned(), String::from(err.message())].concat(),
        None => e.as_string().unwrap_or_default(),
    }
}

/// gloo-net's error as `name: message`, without its `Display` machinery.
fn gloo_error_text(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => [js.name, ": ".to_owned(), js.message].concat(),
        gloo_net::Error::GlooError(msg) => msg,
        // `SerdeError` exists when another crate enables gloo-net's `json` feature.
        #[allow(unreachable_patterns)]
        _ => "request failed".to_owned(),
    }
}

/// The text of a 2xx response to `url`, at most [`MAX_BYTES`] bytes of UTF-8.
async fn fetch_text(url: &str, timeout_ms: u32, prefetch: Option<Prefetch>) -> Result<JsString, Failure> {
    let timed_out =
        || fail(FailureKind::Timeout, None, ["no response within ", &timeout_ms.to_string(), " ms"].concat());
    let mut early_body = None;
    let resp = match prefetch {
        Some(mut pre) => {
            // The timeout and an unmount abort the loader's request like our own.
            let abort = Abort::new(timeout_ms, pre.controller.take());
            early_body = pre.body.take();
            match JsFuture::from(pre.response.clone()).await {
                Ok(raw) => (Response::from(raw.unchecked_into::<web_sys::Response>()), abort),
                Err(_) if abort.timed_out.get() => return Err(timed_out()),
                Err(e) => {
                    return Err(fail(FailureKind::Network, None, ["request failed: ", &js_error_text(&e)].concat()))
                }
            }
        }
        None => {
            let abort = Abort::new(timeout_ms, None);
            let signal = abort.controller.as_ref().map(AbortController::signal);
            let request = Request::get(url).abort_signal(signal.as_ref()).header("Accept", "application/json");
            match request.send().await {
                Ok(resp) => (resp, abort),
                Err(_) if abort.timed_out.get() => return Err(timed_out()),
                Err(e) => {
                    return Err(fail(FailureKind::Network, None, ["request failed: ", &gloo_error_text(e)].concat()))
                }
            }
        }
    };
    let (resp, abort) = resp;
    let status = resp.status();
    if !(200..300).contains(&status) {
        return Err(fail(FailureKind::Http, Some(status), ["HTTP ", &status.to_string(), " for ", url].concat()));
    }
    if let Some(len) = resp.headers().get("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if len > MAX_BYTES {
            return Err(fail(FailureKind::TooLarge, Some(status), "response larger than 32 MB"));
        }
    }
    // Read the body as a JS string (gloo-net's `text()` would copy it into wasm).
    let net_err = |e: JsValue| {
        if abort.timed_out.get() {
            timed_out()
        } else {
            fail(FailureKind::Network, None, ["request failed: ", &js_error_text(&e)].concat())
        }
    };
    read_text(resp.into(), early_body, status, net_err).await
}

/// A 2xx response's body as text: the loader's early read when it made one, else
/// read here. Larger than [`MAX_BYTES`] is refused either way.
async fn read_text(
    raw: web_sys::Response,
    early_body: Option<js_sys::Promise>,
    status: u16,
    net_err: impl Fn(JsValue) -> Failure,
) -> Result<JsString, Failure> {
    let too_large = || fail(FailureKind::TooLarge, Some(status), "response larger than 32 MB");
    if let Some(body) = early_body {
        // The loader read the body (same status check): its text, or its size in
        // bytes once that passed the limit; null when it left the body unread.
        let read = JsFuture::from(body).await.map_err(&net_err)?;
        if read.as_f64().is_some() {
            return Err(too_large());
        }
        if let Ok(text) = read.dyn_into::<JsString>() {
            return Ok(text);
        }
    }
    // As a Blob first: its size is the exact byte count, and the text never
    // has to be copied into wasm memory to be measured.
    let blob: web_sys::Blob = JsFuture::from(raw.blob().map_err(&net_err)?).await.map_err(&net_err)?.unchecked_into();
    if blob.size() > MAX_BYTES as f64 {
        return Err(too_large());
    }
    Ok(JsFuture::from(blob.text()).await.map_err(&net_err)?.unchecked_into())
}

/// Converts JSON text into the lenient [`Json`] value.
pub fn parse_json(text: &str) -> Result<Json, Failure> {
    from_parsed(&parsed(text)?)
}

/// `JSON.parse` of `text` (a JS value, not yet in Rust).
fn parsed(text: &str) -> Result<JsValue, Failure> {
    if text.len() > MAX_BYTES {
        return Err(fail(FailureKind::TooLarge, None, "article JSON larger than 32 MB"));
    }
    js_sys::JSON::parse(text).map_err(|e| parse_error(&e))
}

/// `JSON.parse` of a response's text ([`fetch_text`] checked its size in bytes).
fn parsed_js(text: &JsString) -> Result<JsValue, Failure> {
    json_parse(text).map_err(|e| parse_error(&e))
}

fn parse_error(e: &JsValue) -> Failure {
    let msg = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    fail(FailureKind::Parse, None, ["not valid JSON: ", &msg].concat())
}

fn from_parsed(value: &JsValue) -> Result<Json, Failure> {
    crate::ui::js::json(value).map_err(|e| fail(FailureKind::Format, None, ["unreadable JSON: ", e.as_str()].concat()))
}

/// Loads, normalizes and sanitizes the article `cfg` points to; a long native
/// body comes with the blocks after the first [`crate::ui::blocks::HEAD`] still to convert.
/// `source_url` is `src` resolved against the page (base for relative links).
/// `prefetch` is the loader's early request, used when it asked for `source_url`.
/// `alive()` turns false once the result is no longer wanted (new `src`, unmount).
pub async fn load(
    cfg: &Config,
    source_url: Option<String>,
    prefetch: Option<Prefetch>,
    alive: &dyn Fn() -> bool,
) -> Result<(Ready, Option<Rest>), Failure> {
    let value = match (&cfg.inline, &source_url) {
        (Some(inline), _) => parsed(inline)?,
        (None, Some(url)) => {
            let early = prefetch.filter(|p| p.url == *url);
            parsed_js(&fetch_text(url, cfg.timeout_ms, early).await?)?
        }
        (None, None) => return Err(fail(FailureKind::Config, None, "no `src` attribute and no inline JSON")),
    };
    let mut rest = Rest::split(&value, cfg.format == Some(crate::article::Format::Native));
    let json = from_parsed(&value)?;
    drop(value);
    let opts = ParseOptions { format: cfg.format, source_url: source_url.as_deref() };
    let mut article = parse_article(&json, &opts).map_err(|e| match e {
        InputError::Empty => fail(FailureKind::Empty, None, "the article has no title, lede or body"),
        InputError::NotAnObject => fail(FailureKind::Format, None, "the JSON is not an object"),
        InputError::UnknownFormat => {
            fail(FailureKind::Format, None, "the JSON matches none of: native v1, WordPress, JSON-LD, JSON Feed")
        }
    })?;
    drop(json);
    let base = article.url.clone().or(source_url);
    if let Some(r) = rest.as_mut() {
        r.base.clone_from(&base);
    }
    let (nodes, truncated) = match std::mem::take(&mut article.body) {
        BodySource::Nodes(n) => (n, false),
        BodySource::Html(html) => {
            let s = body::dom::sanitize_html_sliced(&html, base.as_deref(), alive).await;
            (s.nodes, s.truncated)
        }
    };
    let ready = crate::prepare::prepare(article, nodes, truncated)
        .map_err(|_| fail(FailureKind::Empty, None, "the article body is empty after sanitizing"))?;
    Ok((ready, rest))
}
