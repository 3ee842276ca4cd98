//! Format detection from the shape of the JSON.

use super::json::Json;
use super::{jsonfeed, jsonld, Format, InputError};

/// Detects the input format. Checked in this order:
/// native `version: 1`; a JSON Feed (`version` `https://jsonfeed.org/version/...`);
/// JSON-LD (`@context` naming schema.org, `@type` or `@graph`; a top-level array
/// holding an article node); WordPress (`title.rendered` or `content.rendered`);
/// a JSON Feed item (`content_html`, `content_text`, `summary`, `date_published`...);
/// the native shape (a string `title` plus `body`, `lede`, `authors`, `image` or `published`).
pub fn detect(v: &Json) -> Result<Format, InputError> {
    match v {
        Json::Arr(_) if jsonld::find(v).is_some() => return Ok(Format::JsonLd),
        Json::Obj(_) => {}
        _ => return Err(InputError::NotAnObject),
    }
    let version = v.get("version");
    if version.num() == Some(1.0) {
        return Ok(Format::Native);
    }
    if jsonfeed::is_feed(v) && version.str().is_some_and(|s| s.contains("jsonfeed.org")) {
        return Ok(Format::JsonFeed);
    }
    if mentions_schema_org(v.get("@context")) || !v.get("@type").is_null() || !v.get("@graph").is_null() {
        return Ok(Format::JsonLd);
    }
    if !v.get("title").get("rendered").is_null() || !v.get("content").get("rendered").is_null() {
        return Ok(Format::WordPress);
    }
    let has = |keys: &[&str]| keys.iter().any(|k| !v.get(k).is_null());
    if has(&["content_html", "content_text", "summary", "date_published", "external_url", "banner_image"]) {
        return Ok(Format::JsonFeed);
    }
    if jsonfeed::is_feed(v) {
        return Ok(Format::JsonFeed);
    }
    if v.get("title").str().is_some() && has(&["body", "lede", "authors", "image", "published"]) {
        return Ok(Format::Native);
    }
    Err(InputError::UnknownFormat)
}

/// `@context` as a string, an array or an object (`@vocab`) naming schema.org.
fn mentions_schema_org(ctx: &Json) -> bool {
    ctx.items().iter().any(|c| match c {
        Json::Str(s) => s.contains("schema.org"),
        Json::Obj(_) => c.get("@vocab").str().is_some_and(|s| s.contains("schema.org")),
        _ => false,
    })
}
