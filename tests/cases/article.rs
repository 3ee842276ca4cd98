//! Helpers shared by the article test files: JSON from text, `parse_article`
//! with and without options, and accessors of the result.

use article_reader::article::json::Json;
use article_reader::article::model::{Article, BodySource, Link};
use article_reader::article::{parse_article, Format, InputError, ParseOptions};
use article_reader::model::body::Node;

pub fn json(s: &str) -> Json {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("bad test JSON: {e}\n{s}"))
}

pub fn parse(s: &str) -> Result<Article, InputError> {
    parse_article(&json(s), &ParseOptions::default())
}

pub fn ok(s: &str) -> Article {
    parse(s).unwrap_or_else(|e| panic!("{e:?} for {s}"))
}

pub fn with(s: &str, format: Option<Format>, source_url: Option<&str>) -> Result<Article, InputError> {
    parse_article(&json(s), &ParseOptions { format, source_url })
}

pub fn fixture(name: &str) -> Json {
    let path = format!("{}/fixtures/seed/{name}", env!("CARGO_MANIFEST_DIR"));
    json(&std::fs::read_to_string(path).expect("fixture"))
}

pub fn link(name: &str, url: Option<&str>) -> Link {
    Link { name: name.into(), url: url.map(Into::into) }
}

pub fn nodes(a: &Article) -> &[Node] {
    match &a.body {
        BodySource::Nodes(n) => n,
        BodySource::Html(h) => panic!("expected nodes, got HTML {h}"),
    }
}

pub fn html(a: &Article) -> &str {
    match &a.body {
        BodySource::Html(h) => h,
        BodySource::Nodes(n) => panic!("expected HTML, got nodes {n:?}"),
    }
}

/// Every field name the four adapters read, top-level and nested (native
/// blocks, WordPress, JSON-LD, JSON Feed): the keys of generated and hostile inputs.
pub const FIELD_NAMES: &[&str] = &[
    "version",
    "id",
    "url",
    "lang",
    "dir",
    "site_name",
    "section",
    "title",
    "lede",
    "authors",
    "published",
    "updated",
    "image",
    "body",
    "categories",
    "related",
    "tags",
    "type",
    "text",
    "level",
    "src",
    "alt",
    "width",
    "height",
    "caption",
    "credit",
    "srcset",
    "cite",
    "ordered",
    "items",
    "html",
    "name",
    "rendered",
    "link",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "excerpt",
    "content",
    "_embedded",
    "author",
    "wp:featuredmedia",
    "wp:term",
    "taxonomy",
    "source_url",
    "alt_text",
    "media_details",
    "@context",
    "@type",
    "@graph",
    "@id",
    "headline",
    "description",
    "articleBody",
    "datePublished",
    "dateModified",
    "articleSection",
    "keywords",
    "inLanguage",
    "mainEntityOfPage",
    "mainEntity",
    "publisher",
    "identifier",
    "contentUrl",
    "creditText",
    "value",
    "content_html",
    "content_text",
    "summary",
    "external_url",
    "banner_image",
    "date_published",
    "date_modified",
    "language",
    "_article_reader",
    "jetpack-related-posts",
    "img",
];
