//! Getting one article: fetch (or inline JSON) -> `JSON.parse` -> [`Json`] ->
//! normalized article -> sanitized body. Every failure becomes a [`Failure`].
//!
//! The fetched text stays a JS string: `JSON.parse` reads it where it is, and
//! [`json_from_js`] copies only the parsed values into Rust (no UTF-8 copy of the
//! whole response into wasm memory and back). Plain `fetch` through `web_sys`
//! and a direct value walk keep gloo-net's and serde's error formatting (and
//! serde_json's, which gloo-net's `Error` drags in) out of the bundle.

use crate::article::json::Json;
use crate::article::model::BodySource;
use crate::article::{parse_article, InputError, ParseOptions};
use crate::body;
use crate::config::Config;
use crate::ui::{Failure, Ready};
use js_sys::{Array, JsString, Object};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JS string (js_sys's binding takes `&str`, which would
    /// copy the text out of wasm memory again).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

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

/// `name: message` of a JS exception (as gloo-net printed it), or its string form.
fn js_error_text(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => [String::from(err.name()), ": ".to_owned(), String::from(err.message())].concat(),
        None => e.as_string().unwrap_or_default(),
    }
}

async fn fetch_text(url: &str, timeout_ms: u32) -> Result<JsString, Failure> {
    let abort = Abort::new(timeout_ms);
    let net_err = |e: JsValue| {
        if abort.timed_out.get() {
            fail("timeout", None, ["no response within ", &timeout_ms.to_string(), " ms"].concat())
        } else {
            fail("network", None, ["request failed: ", &js_error_text(&e)].concat())
        }
    };
    let init = RequestInit::new();
    init.set_method("GET");
    if let Some(c) = &abort.controller {
        init.set_signal(Some(&c.signal()));
    }
    if let Ok(headers) = Headers::new() {
        let _ = headers.append("Accept", "application/json");
        init.set_headers(&headers);
    }
    let window = web_sys::window().ok_or_else(|| fail("network", None, "request failed: no window"))?;
    let resp: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(net_err)?.unchecked_into();
    let status = resp.status();
    if !(200..300).contains(&status) {
        return Err(fail("http", Some(status), ["HTTP ", &status.to_string(), " for ", url].concat()));
    }
    if let Some(len) = resp.headers().get("content-length").ok().flatten().and_then(|l| l.parse::<usize>().ok()) {
        if len > MAX_BYTES {
            return Err(fail("too-large", Some(status), "response larger than 32 MB"));
        }
    }
    let text = resp.text().map_err(net_err)?;
    Ok(JsFuture::from(text).await.map_err(net_err)?.unchecked_into())
}

/// Converts JSON text into the lenient [`Json`] value.
pub fn parse_json(text: &str) -> Result<Json, Failure> {
    if text.len() > MAX_BYTES {
        return Err(fail("too-large", None, "article JSON larger than 32 MB"));
    }
    let value = js_sys::JSON::parse(text).map_err(|e| parse_error(&e))?;
    from_parsed(&value)
}

/// [`parse_json`] of a JS string, without copying the text into wasm memory.
pub fn parse_json_js(text: &JsString) -> Result<Json, Failure> {
    // The limit is in UTF-8 bytes, as for `parse_json`. A JS string's length counts
    // UTF-16 units: at most one per UTF-8 byte, and at least one per three.
    let units = text.length() as usize;
    if units > MAX_BYTES || (units.saturating_mul(3) > MAX_BYTES && String::from(text).len() > MAX_BYTES) {
        return Err(fail("too-large", None, "article JSON larger than 32 MB"));
    }
    let value = json_parse(text).map_err(|e| parse_error(&e))?;
    from_parsed(&value)
}

fn parse_error(e: &JsValue) -> Failure {
    let msg = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    fail("parse", None, ["not valid JSON: ", &msg].concat())
}

fn from_parsed(value: &JsValue) -> Result<Json, Failure> {
    json_from_js(value).map_err(|e| fail("format", None, ["unreadable JSON: Error: ", e].concat()))
}

/// Copies a JS value made of JSON types (what `JSON.parse` returns) into a [`Json`].
/// Object members keep `Object.entries` order; `undefined` reads as null. Nesting
/// deeper than [`crate::article::json::MAX_DEPTH`] and non-JSON values (functions,
/// symbols, bigints) are errors.
pub fn json_from_js(value: &JsValue) -> Result<Json, &'static str> {
    to_json(value, 0)
}

fn to_json(v: &JsValue, depth: u32) -> Result<Json, &'static str> {
    if let Some(s) = v.as_string() {
        return Ok(Json::Str(s));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Num(n));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if !v.is_object() {
        return Err("not a JSON value");
    }
    let depth = depth + 1;
    if depth > crate::article::json::MAX_DEPTH {
        return Err("JSON nested too deeply");
    }
    if Array::is_array(v) {
        let arr: &Array = v.unchecked_ref();
        let mut items = Vec::with_capacity((arr.length() as usize).min(1024));
        for item in arr.iter() {
            items.push(to_json(&item, depth)?);
        }
        return Ok(Json::Arr(items));
    }
    let entries = Object::entries(v.unchecked_ref());
    let mut fields = Vec::with_capacity(entries.length() as usize);
    for pair in entries.iter() {
        let pair: Array = pair.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        fields.push((key, to_json(&pair.get(1), depth)?));
    }
    Ok(Json::Obj(fields))
}

/// Loads, normalizes and sanitizes the article `cfg` points to.
/// `source_url` is `src` resolved against the page (base for relative links).
pub async fn load(cfg: &Config, source_url: Option<String>) -> Result<Ready, Failure> {
    let json = match (&cfg.inline, &source_url) {
        (Some(inline), _) => parse_json(inline)?,
        (None, Some(url)) => parse_json_js(&fetch_text(url, cfg.timeout_ms).await?)?,
        (None, None) => return Err(fail("config", None, "no `src` attribute and no inline JSON")),
    };
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
