//! schema.org `NewsArticle` / `Article` / `BlogPosting` / `ReportageNewsArticle`
//! JSON-LD, bare, in an `@graph`, in a top-level array, or as a page's `mainEntity`.
//!
//! Within one document, a node that is only a reference (`{"@id": "…#author"}`,
//! possibly with an `@type`) reads as the node of the document that has that
//! `@id` (Yoast SEO's `@graph` shape: author, publisher, image, `isPartOf`,
//! `mainEntityOfPage`). Text fields may be arrays (`"name": ["A", "B"]`: two
//! authors; elsewhere the first text counts) or `{"@value": …}` objects.

use super::datetime;
use super::fields::{plain, string};
use super::json::Json;
use super::model::{Article, BodySource, Image, Link};
use super::text;
use crate::model::body::Node;

/// Most `@id` nodes indexed in one document.
const MAX_NODES: usize = 2000;
/// Deepest nesting searched for `@id` nodes.
const MAX_DEPTH: u8 = 8;

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

/// The nodes of one document by `@id`, for resolving references.
pub struct Graph<'a> {
    nodes: Vec<(&'a str, &'a Json)>,
}

impl<'a> Graph<'a> {
    /// Indexes every object with an `@id` and at least one other member
    /// (first one wins), down to [`MAX_DEPTH`], at most [`MAX_NODES`].
    pub fn new(doc: &'a Json) -> Graph<'a> {
        let mut g = Graph { nodes: Vec::new() };
        g.collect(doc, 0);
        g
    }

    fn collect(&mut self, v: &'a Json, depth: u8) {
        if depth > MAX_DEPTH || self.nodes.len() >= MAX_NODES {
            return;
        }
        match v {
            Json::Arr(items) => items.iter().for_each(|i| self.collect(i, depth + 1)),
            Json::Obj(fields) => {
                if let Some(id) = v.get("@id").str() {
                    if !is_reference(v) && !self.nodes.iter().any(|(k, _)| *k == id) {
                        self.nodes.push((id, v));
                    }
                }
                fields.iter().for_each(|(_, f)| self.collect(f, depth + 1));
            }
            _ => {}
        }
    }

    /// `v`, or the node it refers to when it is only a reference to a node of
    /// this document.
    pub fn node(&self, v: &'a Json) -> &'a Json {
        if !is_reference(v) {
            return v;
        }
        let id = v.get("@id").str();
        self.nodes.iter().find(|(k, _)| Some(*k) == id).map_or(v, |(_, n)| n)
    }

    /// Member `key` of `v`, resolved.
    fn get(&self, v: &'a Json, key: &str) -> &'a Json {
        self.node(self.node(v).get(key))
    }

    /// The items of member `key` of `v` (resolve each with [`Graph::node`]).
    fn items(&self, v: &'a Json, key: &str) -> &'a [Json] {
        self.node(v).get(key).items()
    }
}

/// An object with an `@id` and nothing else but `@type`/`@context`.
fn is_reference(v: &Json) -> bool {
    !v.get("@id").is_null() && v.fields().iter().all(|(k, _)| matches!(k.as_str(), "@id" | "@type" | "@context"))
}

/// One text of a text field: a string or `{"@value"}`.
fn item_text(i: &Json) -> Option<String> {
    match i {
        Json::Obj(_) => plain(i.get("@value")),
        _ => plain(i),
    }
}

/// The first text of a text field (a string, `{"@value"}`, or an array of them).
fn first_text(v: &Json) -> Option<String> {
    for i in v.items() {
        if let Some(t) = item_text(i) {
            return Some(t);
        }
    }
    None
}

/// The first string of a URL field (a string or an array of strings), its
/// character references decoded as in an HTML attribute (publishers escape
/// `&` as `&amp;` or `&#038;`; a raw `?a=1&copy=2` stays as written).
fn first_url(v: &Json) -> Option<String> {
    for i in v.items() {
        if let Some(u) = i.str() {
            return Some(text::decode_attribute(u));
        }
    }
    None
}

/// Reads an article node (see [`find`]; an object without one is read as is).
pub fn parse(doc: &Json) -> Article {
    let g = Graph::new(doc);
    let v = find(doc).unwrap_or(doc);
    let page = g.get(v, "isPartOf");
    let mut sections = v.get("articleSection").items().iter().filter_map(plain);
    let section = sections.next().map(|name| Link { name, url: None });
    let categories = sections.map(|name| Link { name, url: None }).collect();
    Article {
        id: id(v.get("identifier")),
        url: first_url(v.get("url")).or_else(|| page_url(&g, v.get("mainEntityOfPage"))).or_else(|| page_url(&g, page)),
        lang: lang(&g, v.get("inLanguage")).or_else(|| lang(&g, page.get("inLanguage"))),
        dir: None,
        site_name: site_name(&g, v, page),
        section,
        title: first_text(v.get("headline"))
            .or_else(|| first_text(v.get("name")))
            .or_else(|| first_text(v.get("alternativeHeadline"))),
        lede: first_text(v.get("description")),
        authors: authors(&g, v),
        published: first_date(v, &["datePublished", "dateCreated"]),
        updated: first_date(v, &["dateModified"]),
        image: lead_image(&g, v, page),
        body: body(v.get_any(&["articleBody", "text"])),
        categories,
        related: Vec::new(),
        tags: keywords(v.get("keywords")),
    }
}

/// The first valid date among `keys` (each a string or an array), read
/// leniently ([`datetime::parse_lenient`]).
fn first_date(v: &Json, keys: &[&str]) -> Option<super::model::DateTime> {
    for k in keys {
        for d in v.get(k).items() {
            if let Some(dt) = d.str().and_then(datetime::parse_lenient) {
                return Some(dt);
            }
        }
    }
    None
}

/// `identifier`: text, a number or a `PropertyValue {value}`.
fn id(v: &Json) -> Option<String> {
    v.items().iter().find_map(|i| i.text().or_else(|| i.get("value").text()))
}

/// `mainEntityOfPage` / a `WebPage`: a URL, or the page's `url` (else its `@id`).
fn page_url<'a>(g: &Graph<'a>, v: &'a Json) -> Option<String> {
    let v = g.node(v);
    first_url(v).or_else(|| first_url(v.get("url"))).or_else(|| first_url(v.get("@id")))
}

/// `inLanguage`: a tag or a `Language {alternateName}`.
fn lang<'a>(g: &Graph<'a>, v: &'a Json) -> Option<String> {
    for l in v.items() {
        let l = g.node(l);
        if let Some(tag) = string(l).or_else(|| string(l.get("alternateName"))) {
            return Some(tag);
        }
    }
    None
}

/// `publisher.name`, else the name of the `WebSite` the article (or its page) is part of.
fn site_name<'a>(g: &Graph<'a>, v: &'a Json, page: &'a Json) -> Option<String> {
    for p in g.items(v, "publisher") {
        if let Some(name) = first_text(g.node(p).get("name")) {
            return Some(name);
        }
    }
    for n in [page, g.get(page, "isPartOf")] {
        if n.get("@type").items().iter().any(|t| t.str() == Some("WebSite")) {
            return first_text(n.get("name"));
        }
    }
    None
}

/// `author` (else `creator`): `Person`/`Organization` nodes (a `name` array
/// gives one author per name, without the node's `url`), references, or strings.
fn authors<'a>(g: &Graph<'a>, v: &'a Json) -> Vec<Link> {
    let key = if v.get("author").is_null() { "creator" } else { "author" };
    let mut out = Vec::new();
    for a in g.items(v, key) {
        let a = g.node(a);
        if let Json::Str(_) = a {
            out.extend(plain(a).map(|name| Link { name, url: None }));
            continue;
        }
        let first = out.len();
        for n in a.get("name").items() {
            out.extend(item_text(n).map(|name| Link { name, url: None }));
        }
        // One URL for several names belongs to none of them (and would merge them).
        if out.len() == first + 1 {
            if let Some(only) = out.last_mut() {
                only.url = first_url(a.get("url"));
            }
        }
    }
    out
}

/// A size: number, numeric string or `QuantitativeValue {value}`.
fn size(v: &Json) -> Option<u32> {
    v.dimension().or_else(|| v.get("value").dimension())
}

/// `image` (else the page's `primaryImageOfPage` or `image`, else `thumbnailUrl`).
fn lead_image<'a>(g: &Graph<'a>, v: &'a Json, page: &'a Json) -> Option<Image> {
    for (node, key) in [(v, "image"), (page, "primaryImageOfPage"), (page, "image")] {
        for i in g.items(node, key) {
            if let Some(img) = image(g, g.node(i)) {
                return Some(img);
            }
        }
    }
    first_url(v.get("thumbnailUrl")).map(|src| Image { src, ..Image::default() })
}

/// A URL string or an `ImageObject`.
fn image<'a>(g: &Graph<'a>, v: &'a Json) -> Option<Image> {
    if let Some(src) = first_url(v).filter(|_| matches!(v, Json::Str(_))) {
        return Some(Image { src, ..Image::default() });
    }
    let mut credit = first_text(v.get("creditText"));
    for h in g.items(v, "copyrightHolder") {
        let h = g.node(h);
        credit = credit.or_else(|| first_text(h.get("name")).or_else(|| plain(h)));
    }
    Some(Image {
        src: first_url(v.get_any(&["url", "contentUrl"]))?,
        srcset: None,
        alt: String::new(), // schema.org has no alt text; the view falls back to the caption
        width: size(v.get("width")),
        height: size(v.get("height")),
        caption: first_text(v.get_any(&["caption", "description"])),
        credit,
    })
}

/// `articleBody`: HTML when it looks like HTML, else plain text split into paragraphs.
fn body(v: &Json) -> BodySource {
    match v.items().iter().find_map(Json::str) {
        Some(s) if text::looks_like_html(s) => BodySource::Html(s.to_owned()),
        Some(s) => {
            BodySource::Nodes(text::paragraphs(&text::decode_entities(s)).into_iter().map(Node::paragraph).collect())
        }
        None => BodySource::Nodes(Vec::new()),
    }
}

/// `keywords`: an array (of text or `DefinedTerm {name}`) or a comma-separated string.
fn keywords(v: &Json) -> Vec<String> {
    let mut out = Vec::new();
    for k in v.items() {
        match k {
            Json::Str(s) => out.extend(s.split(',').map(text::decode_entities)),
            _ => out.extend(first_text(k.get("name"))),
        }
    }
    out
}
