//! The allowlist, as data: which source elements survive and as what
//! ([`element_rule`]), which attributes each kept element may carry and how
//! their values are checked ([`ATTRIBUTES`], [`check`]), and the element groups
//! the walk needs (dropped with their content, block wrappers, word breaks).
//! Adding an allowed tag: a [`Tag`] variant in `crate::model::body`, one line
//! in [`element_rule`], its attributes in [`ATTRIBUTES`].

use crate::model::body::{Attr, Tag};
use crate::model::embed::Network;

/// Where an element sits: table parts are kept only in their place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Flow,
    Table,
    TableSection,
    Row,
}

/// What the sanitizer does with one source element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Kept as this tag (renames included), attributes from [`ATTRIBUTES`].
    Keep(Tag),
    /// `<a>`: kept when its `href` is usable, else unwrapped.
    Link,
    /// `span`-like: kept only to carry `lang`/`dir`, else unwrapped.
    Carrier,
    /// `br`, `hr`.
    Void(Tag),
    /// `<img>`: a figure.
    Image,
    /// `<noscript>`: only its pictures (lazy-load fallbacks) are read.
    Noscript,
    /// `<figure>`: pictures with a caption, or a block wrapper.
    Figure,
    /// `<table>`: a one-picture layout table becomes a figure, else a data table.
    Table,
    /// `<math>`: its text (display math as its own block).
    Math,
    /// MathML scripts, fractions and roots, as text with `sub`/`sup`.
    MathLayout,
    /// Unwrapped; its content forms separate blocks.
    Block,
    /// Unwrapped; its content stays inline.
    Unwrap,
    /// `<video>`, `<audio>`: http(s) sources with controls.
    Media,
    /// `<iframe>`: a video facade or a labelled link.
    Frame,
    /// Dropped with everything inside.
    Drop,
}

/// Containers recognized by a class (CMS furniture), before [`element_rule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// A WordPress embed block (`figure.wp-block-embed`).
    EmbedBlock,
    /// A gallery: every picture with its caption, in a grid.
    Gallery,
    /// A social post: a quote card.
    Post(Network),
}

/// Element name, class token, what it is.
pub const FURNITURE: [(&str, &str, Furniture); 14] = [
    ("figure", "wp-block-embed", Furniture::EmbedBlock),
    ("figure", "wp-block-gallery", Furniture::Gallery),
    ("ul", "wp-block-gallery", Furniture::Gallery),
    ("ul", "blocks-gallery-grid", Furniture::Gallery),
    ("div", "gallery", Furniture::Gallery),
    ("div", "tiled-gallery", Furniture::Gallery),
    ("div", "wp-block-jetpack-tiled-gallery", Furniture::Gallery),
    ("blockquote", "twitter-tweet", Furniture::Post(Network::X)),
    ("blockquote", "twitter-video", Furniture::Post(Network::X)),
    ("blockquote", "instagram-media", Furniture::Post(Network::Instagram)),
    ("blockquote", "tiktok-embed", Furniture::Post(Network::TikTok)),
    ("div", "fb-post", Furniture::Post(Network::Facebook)),
    ("div", "fb-video", Furniture::Post(Network::Facebook)),
    ("div", "fb-embed", Furniture::Post(Network::Facebook)),
];

/// The furniture an element is, from its name and `class` (read only for the
/// few element names that can be furniture).
pub fn furniture(tag: &str, class: impl FnOnce() -> Option<String>) -> Option<Furniture> {
    if !matches!(tag, "figure" | "ul" | "div" | "blockquote") {
        return None;
    }
    let class = class()?;
    let tokens = || class.split_ascii_whitespace();
    FURNITURE.iter().find(|(t, c, _)| *t == tag && tokens().any(|k| k == *c)).map(|(_, _, f)| *f)
}

/// The rule for a lowercase element name in `ctx`.
pub fn element_rule(tag: &str, ctx: Context) -> Rule {
    use Tag::*;
    let keep = Rule::Keep;
    let in_table = ctx == Context::Table;
    match tag {
        "img" => Rule::Image,
        "noscript" => Rule::Noscript,
        "math" => Rule::Math,
        "msup" | "msub" | "msubsup" | "mover" | "munder" | "munderover" | "mfrac" | "msqrt" | "mroot" => {
            Rule::MathLayout
        }
        "br" => Rule::Void(Br),
        "hr" => Rule::Void(Hr),
        "figure" => Rule::Figure,
        "video" | "audio" => Rule::Media,
        "iframe" => Rule::Frame,
        "details" => keep(Details),
        "summary" => keep(Summary),
        "table" => Rule::Table,
        "a" => Rule::Link,
        "span" | "font" | "bdo" | "bdi" => Rule::Carrier,
        "p" => keep(P),
        "h1" | "h2" => keep(H2),
        "h3" => keep(H3),
        "h4" | "h5" | "h6" => keep(H4),
        "pre" | "listing" | "xmp" | "plaintext" => keep(Pre),
        "blockquote" => keep(Blockquote),
        "ul" | "menu" | "dir" => keep(Ul),
        "ol" => keep(Ol),
        "li" => keep(Li),
        "dl" => keep(Dl),
        "dt" => keep(Dt),
        "dd" => keep(Dd),
        "em" => keep(Em),
        "strong" => keep(Strong),
        "i" | "var" | "dfn" => keep(I),
        "b" => keep(B),
        "u" | "ins" => keep(U),
        "s" | "strike" | "del" => keep(S),
        "sub" => keep(Sub),
        "sup" => keep(Sup),
        "code" | "kbd" | "samp" | "tt" => keep(Code),
        "small" => keep(Small),
        "mark" => keep(Mark),
        "cite" => keep(Cite),
        "q" => keep(Q),
        "abbr" | "acronym" => keep(Abbr),
        "time" => keep(Time),
        "caption" if in_table => keep(Caption),
        "thead" if in_table => keep(Thead),
        "tbody" if in_table => keep(Tbody),
        "tfoot" if in_table => keep(Tfoot),
        "tr" if in_table || ctx == Context::TableSection => keep(Tr),
        "td" if ctx == Context::Row => keep(Td),
        "th" if ctx == Context::Row => keep(Th),
        _ if dropped(tag) => Rule::Drop,
        _ if block_wrapper(tag) => Rule::Block,
        _ => Rule::Unwrap,
    }
}

/// How an attribute value is checked (and normalized) before it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Trimmed, 1..=1000 bytes.
    Title,
    /// Trimmed, 1..=64 bytes of `[A-Za-z0-9:+-. ]`.
    Datetime,
    /// An integer within ±1,000,000.
    Start,
    /// An integer 2..=100 (1 is the default and not written).
    Span,
    /// `row`, `col`, `rowgroup` or `colgroup` (lowercased).
    Scope,
    /// A BCP 47-like tag: a letter, then letters, digits and `-`, at most 35 bytes.
    Lang,
    /// `ltr`, `rtl` or `auto` (lowercased).
    Dir,
    /// A boolean attribute: present or not (kept with an empty value).
    Flag,
    /// An id: 1..=64 bytes of `[A-Za-z0-9_:.-]`, kept as `ar-fn-` + the value (a
    /// prefix of our own, so body ids never meet the widget's).
    Id,
}

/// Attributes every kept element may carry, in output order.
pub const GLOBAL_ATTRIBUTES: [(&str, Attr, Check); 2] =
    [("lang", Attr::Lang, Check::Lang), ("dir", Attr::Dir, Check::Dir)];

/// Per-element attributes (after the global ones), in output order. Links are
/// built by the walk: `href` (resolved, http/https/mailto), `title`, and
/// `rel`/`target` for other hosts.
pub const ATTRIBUTES: [(Tag, &str, Attr, Check); 9] = [
    (Tag::Details, "open", Attr::Open, Check::Flag),
    (Tag::Abbr, "title", Attr::Title, Check::Title),
    (Tag::Time, "datetime", Attr::Datetime, Check::Datetime),
    (Tag::Ol, "start", Attr::Start, Check::Start),
    (Tag::Td, "colspan", Attr::Colspan, Check::Span),
    (Tag::Td, "rowspan", Attr::Rowspan, Check::Span),
    (Tag::Th, "colspan", Attr::Colspan, Check::Span),
    (Tag::Th, "rowspan", Attr::Rowspan, Check::Span),
    (Tag::Th, "scope", Attr::Scope, Check::Scope),
];

/// The value to keep for an attribute, `None` when it fails its check.
pub fn check(check: Check, value: &str) -> Option<String> {
    let v = value.trim();
    let ok = match check {
        Check::Title => !v.is_empty() && v.len() <= 1000,
        Check::Datetime => {
            !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b":+-. ".contains(&b))
        }
        Check::Start => return v.parse::<i32>().ok().filter(|s| s.unsigned_abs() <= 1_000_000).map(|s| s.to_string()),
        Check::Span => return v.parse::<u8>().ok().filter(|s| (2..=100).contains(s)).map(|s| s.to_string()),
        Check::Scope => {
            return Some(v.to_ascii_lowercase())
                .filter(|s| matches!(s.as_str(), "row" | "col" | "rowgroup" | "colgroup"))
        }
        Check::Lang => {
            v.len() <= 35
                && v.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        Check::Flag => return Some(String::new()),
        Check::Id => {
            let ok =
                (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"_:.-".contains(&b));
            return ok.then(|| ["ar-fn-", v].concat());
        }
        Check::Dir => return Some(v.to_ascii_lowercase()).filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto")),
    };
    ok.then(|| v.to_owned())
}

/// Elements dropped with everything inside.
pub fn dropped(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "template" | "iframe" | "object" | "embed" | "form" | "input" | "button"
            | "select" | "option" | "optgroup" | "datalist" | "textarea" | "svg" | "canvas"
            | "audio" | "video" | "source" | "track" | "param" | "link" | "meta" | "head" | "title"
            | "base" | "frame" | "frameset" | "noframes" | "noembed" | "applet" | "dialog" | "area"
            | "colgroup" | "col" | "wbr" | "keygen" | "portal" | "fencedframe"
            // MathML: source annotations (TeX) and invisible boxes.
            | "annotation" | "annotation-xml" | "mphantom"
    )
}

/// Elements whose content forms separate blocks when unwrapped.
pub fn block_wrapper(tag: &str) -> bool {
    matches!(
        tag,
        "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav" | "center"
            | "address" | "details" | "summary" | "hgroup" | "fieldset" | "legend" | "figcaption"
            | "body" | "html" | "search" | "caption" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
            // MathML table rows: one line each.
            | "mtr" | "mlabeledtr"
    )
}

/// Source elements that separate words when flattened to text.
pub fn breaks_text(tag: &str) -> bool {
    block_wrapper(tag)
        || matches!(
            tag,
            "p" | "br"
                | "hr"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "li"
                | "dt"
                | "dd"
                | "ul"
                | "ol"
                | "dl"
                | "pre"
                | "blockquote"
                | "table"
                | "figure"
                | "mtr"
                | "mlabeledtr"
        )
}

/// Lazy-load source attributes, in order of preference.
pub const LAZY_SRC: [&str; 4] = ["data-src", "data-lazy-src", "data-original", "data-url"];
/// `srcset` attributes, in order of preference.
pub const SRCSET: [&str; 3] = ["srcset", "data-srcset", "data-lazy-srcset"];

/// Lazy-loading placeholders (data: URIs, blank/spacer gifs…), never shown.
pub fn placeholder(src: &str) -> bool {
    let l = src.trim().to_ascii_lowercase();
    l.is_empty()
        || l.starts_with("data:")
        || [
            "blank.",
            "spacer",
            "placeholder",
            "1x1.",
            "pixel.gif",
            "transparent.",
            "lazy.",
            "loading.",
            "grey.gif",
            "gray.gif",
        ]
        .iter()
        .any(|p| l.contains(p))
}

// The sanitizer's entry points, at the path callers used before the split.
pub use super::source::{Kind, Limits, Sanitized, SourceNode};
pub use super::text::visible_text;
pub use super::walk::{sanitize, sanitize_with};
