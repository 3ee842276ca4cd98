//! JSON Feed 1.1 (and 1.0): a single item, or a feed from which one item is shown.
//!
//! Extension `_article_reader` on the item carries what JSON Feed has no field
//! for, in the native format's shapes: `image` (alt, size, caption and credit of
//! the item's `image`; its `src` only when the item has none), `section`,
//! `categories` and `related`. On the feed it may give `section` and `categories`.

use super::fields::{self, date, link, links, string};
use super::json::Json;
use super::model::{Article, BodySource, Image, Link};
use super::native;
use super::text;
use crate::model::body::Node;

/// True for a feed (`version` `https://jsonfeed.org/version/...` or an `items` array).
pub fn is_feed(v: &Json) -> bool {
    v.get("version").str().is_some_and(|s| s.contains("jsonfeed.org/version/"))
        || matches!(v.get("items"), Json::Arr(_))
}

/// Reads a feed or an item. For a feed, the item whose `id` equals the fragment
/// of `source_url` (after `#`) is shown, else the first one; the feed's `title`
/// becomes the site name and its `language`/`authors` are defaults.
pub fn parse(v: &Json, source_url: Option<&str>) -> Article {
    if !is_feed(v) {
        return item(v);
    }
    let items = v.get("items").items();
    let wanted = source_url.and_then(|u| u.split_once('#')).map(|(_, f)| f).filter(|f| !f.is_empty());
    let chosen = wanted
        .and_then(|f| {
            let decoded = percent_decode(f);
            items.iter().find(|i| i.get("id").text().is_some_and(|id| id == f || id == decoded))
        })
        .or_else(|| items.first())
        .unwrap_or(&Json::Null);
    let mut a = item(chosen);
    a.site_name = string(v.get("title"));
    if a.lang.is_none() {
        a.lang = string(v.get("language"));
    }
    if a.authors.is_empty() {
        a.authors = authors(v);
    }
    let ext = v.get("_article_reader");
    if a.section.is_none() {
        a.section = link(ext.get("section"));
    }
    if a.categories.is_empty() {
        a.categories = links(ext.get("categories"));
    }
    a
}

/// `%XX` escapes decoded (ids are often URLs, escaped inside a fragment).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = |j: usize| b.get(j).and_then(|h| (*h as char).to_digit(16));
        match (c, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `authors` (1.1) or `author` (1.0).
fn authors(v: &Json) -> Vec<Link> {
    let list = links(v.get("authors"));
    if list.is_empty() {
        links(v.get("author"))
    } else {
        list
    }
}

/// Reads one item.
pub fn item(v: &Json) -> Article {
    let ext = v.get("_article_reader");
    let body = if let Some(html) = v.get("content_html").str() {
        BodySource::Html(html.to_owned())
    } else {
        let t = v.get("content_text").str().unwrap_or("");
        BodySource::Nodes(text::paragraphs(t).into_iter().map(Node::paragraph).collect())
    };
    Article {
        id: v.get("id").text(),
        url: string(v.get_any(&["url", "external_url"])),
        lang: string(v.get("language")),
        dir: None,
        site_name: None,
        section: link(ext.get("section")),
        title: string(v.get("title")),
        lede: string(v.get("summary")),
        authors: authors(v),
        published: date(v.get("date_published")),
        updated: date(v.get("date_modified")),
        image: lead_image(v, ext.get("image")),
        body,
        categories: links(ext.get("categories")),
        related: native::related(ext.get("related")),
        tags: fields::tags(v.get("tags")),
    }
}

/// `image` (else `banner_image`), completed by the extension's image object.
fn lead_image(v: &Json, ext: &Json) -> Option<Image> {
    let src = string(v.get_any(&["image", "banner_image"]))
        .or_else(|| string(ext))
        .or_else(|| string(ext.get_any(&["src", "url"])))?;
    Some(fields::image_with(ext, src))
}
