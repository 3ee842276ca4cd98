//! schema.org `NewsArticle` / `Article` / `BlogPosting` / `ReportageNewsArticle`
//! JSON-LD, bare, in an `@graph`, in a top-level array, or as a page's `mainEntity`.

use super::fields::{date, plain, string};
use super::json::Json;
use super::model::{Article, BodySource, Image, Link};
use super::text;
use crate::body::tree::Node;

/// True when `@type` (a string or an array) names an article type
/// (`Article`, `NewsArticle`, `BlogPosting`, `ReportageNewsArticle`, `Report`...).
pub fn is_article(v: &Json) -> bool {
    v.get("@type").items().iter().filter_map(Json::str).any(|t| {
        let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
    })
}

/// The article node of a JSON-LD document: the value itself, the first article
/// of an `@graph` or top-level array, or a page's `mainEntity`.
pub fn find(v: &Json) -> Option<&Json> {
    find_in(v, 0)
}

fn find_in(v: &Json, depth: u8) -> Option<&Json> {
    if depth > 4 {
        return None;
    }
    match v {
        Json::Arr(items) => items.iter().find_map(|i| find_in(i, depth + 1)),
        Json::Obj(_) if is_article(v) => Some(v),
        Json::Obj(_) => find_in(v.get("@graph"), depth + 1).or_else(|| find_in(v.get("mainEntity"), depth + 1)),
        _ => None,
    }
}

/// Reads an article node (see [`find`]; an object without one is read as is).
pub fn parse(doc: &Json) -> Article {
    let v = find(doc).unwrap_or(doc);
    let mut sections = v.get("articleSection").items().iter().filter_map(plain);
    let section = sections.next().map(|name| Link { name, url: None });
    let categories = sections.map(|name| Link { name, url: None }).collect();
    Article {
        id: id(v.get("identifier")),
        url: string(v.get("url")).or_else(|| page_url(v.get("mainEntityOfPage"))),
        lang: lang(v.get("inLanguage")),
        dir: None,
        site_name: v.get("publisher").items().iter().find_map(|p| plain(p.get("name"))),
        section,
        title: plain(v.get_any(&["headline", "name", "alternativeHeadline"])),
        lede: plain(v.get("description")),
        authors: v.get_any(&["author", "creator"]).items().iter().filter_map(person).collect(),
        published: date(v.get_any(&["datePublished", "dateCreated"])),
        updated: date(v.get("dateModified")),
        image: v.get("image").items().iter().find_map(image).or_else(|| image(v.get("thumbnailUrl"))),
        body: body(v.get_any(&["articleBody", "text"])),
        categories,
        related: Vec::new(),
        tags: keywords(v.get("keywords")),
    }
}

/// `identifier`: text, a number or a `PropertyValue {value}`.
fn id(v: &Json) -> Option<String> {
    v.items().iter().find_map(|i| i.text().or_else(|| i.get("value").text()))
}

/// `mainEntityOfPage`: a URL or a `WebPage {@id|url}`.
fn page_url(v: &Json) -> Option<String> {
    string(v).or_else(|| string(v.get_any(&["url", "@id"])))
}

/// `inLanguage`: a tag or a `Language {alternateName}`.
fn lang(v: &Json) -> Option<String> {
    string(v).or_else(|| string(v.get("alternateName")))
}

/// A `Person` / `Organization` (or a bare name).
fn person(v: &Json) -> Option<Link> {
    match v {
        Json::Str(_) => Some(Link { name: plain(v)?, url: None }),
        _ => Some(Link { name: plain(v.get("name"))?, url: string(v.get("url")) }),
    }
}

/// A size: number, numeric string or `QuantitativeValue {value}`.
fn size(v: &Json) -> Option<u32> {
    v.dimension().or_else(|| v.get("value").dimension())
}

/// A URL string or an `ImageObject`.
fn image(v: &Json) -> Option<Image> {
    if let Some(src) = string(v) {
        return Some(Image { src, ..Image::default() });
    }
    let credit = plain(v.get("creditText"))
        .or_else(|| v.get("copyrightHolder").items().iter().find_map(|h| plain(h.get("name")).or_else(|| plain(h))));
    Some(Image {
        src: v.get_any(&["url", "contentUrl"]).items().iter().find_map(string)?,
        srcset: None,
        alt: String::new(), // schema.org has no alt text; the view falls back to the caption
        width: size(v.get("width")),
        height: size(v.get("height")),
        caption: plain(v.get_any(&["caption", "description"])),
        credit,
    })
}

/// `articleBody`: HTML when it looks like HTML, else plain text split into paragraphs.
fn body(v: &Json) -> BodySource {
    match v.str() {
        Some(s) if text::looks_like_html(s) => BodySource::Html(s.to_owned()),
        Some(s) => BodySource::Nodes(
            text::paragraphs(&text::decode_entities(s)).into_iter().map(Node::paragraph).collect(),
        ),
        None => BodySource::Nodes(Vec::new()),
    }
}

/// `keywords`: an array (of text or `DefinedTerm {name}`) or a comma-separated string.
fn keywords(v: &Json) -> Vec<String> {
    let mut out = Vec::new();
    for k in v.items() {
        match k {
            Json::Str(s) => out.extend(s.split(',').map(text::decode_entities)),
            _ => out.extend(plain(k.get("name"))),
        }
    }
    out
}
