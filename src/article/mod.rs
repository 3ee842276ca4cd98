//! Article input: one adapter per format, detection and normalization. Pure Rust.

pub mod datetime;
pub mod detect;
pub mod entities;
mod fields;
pub mod json;
pub mod jsonfeed;
pub mod jsonld;
pub mod lang;
pub mod model;
pub mod native;
pub mod normalize;
pub mod number;
pub mod text;
pub mod wordpress;

use json::Json;
use model::Article;

/// The input formats the widget reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// This project's own format, version 1 (`schema/article.v1.schema.json`).
    Native,
    /// WordPress REST API v2 post (plain or `_embed`).
    WordPress,
    /// schema.org `NewsArticle` / `Article` JSON-LD.
    JsonLd,
    /// JSON Feed 1.1 (one item, or a feed).
    JsonFeed,
}

/// A `format` value that names no [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownFormat;

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    /// Reads the `format` attribute value (`native`, `wordpress`, `jsonld`,
    /// `jsonfeed`; also `wp`, `json-ld`, `schema.org`, `json-feed`,
    /// `article-reader`), case-insensitive, trimmed.
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "native" | "article-reader" => Ok(Format::Native),
            "wordpress" | "wp" => Ok(Format::WordPress),
            "jsonld" | "json-ld" | "schema.org" => Ok(Format::JsonLd),
            "jsonfeed" | "json-feed" => Ok(Format::JsonFeed),
            _ => Err(UnknownFormat),
        }
    }
}

/// How to read one input.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions<'a> {
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// The URL the JSON was fetched from: base for relative URLs when the article
    /// has no canonical URL, and its `#fragment` selects a JSON Feed item.
    pub source_url: Option<&'a str>,
}

/// Why an input could not become an article at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The JSON is not an object (an array, a string, `null`...).
    NotAnObject,
    /// The object matches no supported format (or not the forced one).
    UnknownFormat,
    /// The input names an article but has nothing to show (no title, lede or body).
    Empty,
}

/// Reads any supported input into a normalized [`Article`]: detects the format
/// (unless `opts.format` forces one), runs its adapter, then [`normalize`].
pub fn parse_article(value: &Json, opts: &ParseOptions) -> Result<Article, InputError> {
    let format = match opts.format {
        Some(f) => f,
        None => detect::detect(value)?,
    };
    let is_ld_list = format == Format::JsonLd && jsonld::find(value).is_some();
    if !value.is_object() && !is_ld_list {
        return Err(InputError::NotAnObject);
    }
    let article = match format {
        Format::Native => native::parse(value),
        Format::WordPress => wordpress::parse(value),
        Format::JsonLd => jsonld::parse(value),
        Format::JsonFeed => jsonfeed::parse(value, opts.source_url),
    };
    normalize::normalize(article, opts.source_url)
}
