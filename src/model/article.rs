//! The normalized article: what every input adapter produces and every view reads.
//!
//! Pure data, no browser types. Every string here is plain text (entities decoded,
//! tags stripped) except [`BodySource::Html`], which is untrusted HTML that only
//! the body pipeline (`crate::body`) may look at.

use super::body::Node;

/// One article, normalized from any supported input format.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// Stable identifier from the source, if it has one.
    pub id: Option<String>,
    /// Canonical absolute URL (http/https only). Base for resolving relative links.
    pub url: Option<String>,
    /// BCP 47 language tag of the article text (`vi`, `en`, `ar`...).
    pub lang: Option<String>,
    /// Writing direction of the article text.
    pub dir: Option<TextDir>,
    /// Name of the publication, when the source gives one.
    pub site_name: Option<String>,
    /// The section (kicker) the article belongs to.
    pub section: Option<Link>,
    /// Headline. `None` when the source has none: the view shows a localized fallback.
    pub title: Option<String>,
    /// Standfirst / summary shown under the title.
    pub lede: Option<String>,
    /// Authors, in source order, de-duplicated.
    pub authors: Vec<Link>,
    pub published: Option<DateTime>,
    pub updated: Option<DateTime>,
    /// Lead image, shown after the lede (dropped when the body shows the same picture).
    pub image: Option<Image>,
    /// The article body, either already structured or as untrusted HTML.
    pub body: BodySource,
    /// Related categories ("Chuyên mục khác").
    pub categories: Vec<Link>,
    /// Related articles.
    pub related: Vec<RelatedArticle>,
    pub tags: Vec<String>,
}

/// Text direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextDir {
    Ltr,
    Rtl,
}

/// A named link; `url` is absent when the source gives only a name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    pub name: String,
    pub url: Option<String>,
}

/// A picture with its reserved intrinsic size, caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    /// Source URL (already resolved and scheme-checked by normalization).
    pub src: String,
    /// Optional `srcset` (each candidate checked like `src`).
    pub srcset: Option<String>,
    /// Alternative text; empty means decorative.
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Caption without the credit.
    pub caption: Option<String>,
    /// Photo credit, for example "MT" from "Ảnh: MT".
    pub credit: Option<String>,
}

/// A related article teaser.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RelatedArticle {
    pub title: String,
    pub url: Option<String>,
    pub image: Option<Image>,
    pub published: Option<DateTime>,
}

/// The body before rendering.
#[derive(Debug, Clone, PartialEq)]
pub enum BodySource {
    /// Already-allowlisted nodes (from the native format's block list).
    Nodes(Vec<Node>),
    /// Untrusted HTML: parsed by the browser into an inert document and rebuilt
    /// from the allowlist in `crate::body`.
    Html(String),
}

impl Default for BodySource {
    fn default() -> Self {
        BodySource::Nodes(Vec::new())
    }
}

impl BodySource {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        match self {
            BodySource::Nodes(n) => n.is_empty(),
            BodySource::Html(h) => h.trim().is_empty(),
        }
    }
}

/// A calendar date and wall-clock time, with the UTC offset when the source gave one.
///
/// A value without an offset is read in the portal's time zone at display time
/// (default `Asia/Ho_Chi_Minh`), which needs the browser's time-zone data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    /// 1..=12
    pub month: u8,
    /// 1..=31, valid for the month
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC; `None` when the source had no offset.
    pub offset_minutes: Option<i16>,
    /// False for a date-only value ("2019-12-19"): the view shows no time.
    pub has_time: bool,
}
