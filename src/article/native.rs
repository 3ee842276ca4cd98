//! The native format, version 1 (`schema/article.v1.schema.json`).
//!
//! The body is an HTML string or an array of blocks. A block array maps to
//! [`BodySource::Nodes`]; when it contains an `html` block the whole body becomes
//! [`BodySource::Html`] instead (the other blocks serialized with escaped text),
//! so the raw HTML goes through the body sanitizer like any other HTML body.

use super::fields::{self, date, image, link, links, string};
use super::json::Json;
use super::model::{Article, BodySource, Image, RelatedArticle, TextDir};
use super::text::escape_html;
use crate::model::body::{Node, Tag};

/// Reads a native v1 object. Unknown fields are ignored.
pub fn parse(v: &Json) -> Article {
    Article {
        id: v.get("id").text(),
        url: string(v.get("url")),
        lang: string(v.get("lang")),
        dir: dir(v.get("dir")),
        site_name: string(v.get("site_name")),
        section: link(v.get("section")),
        title: v.get("title").text(),
        lede: string(v.get("lede")),
        authors: links(v.get("authors")),
        published: date(v.get("published")),
        updated: date(v.get("updated")),
        image: image(v.get("image")),
        body: body(v.get("body"), v.get("lang").str()),
        categories: links(v.get("categories")),
        related: related(v.get("related")),
        tags: fields::tags(v.get("tags")),
    }
}

/// `"rtl"` / `"ltr"`.
pub fn dir(v: &Json) -> Option<TextDir> {
    match v.str()?.to_ascii_lowercase().as_str() {
        "rtl" => Some(TextDir::Rtl),
        "ltr" => Some(TextDir::Ltr),
        _ => None,
    }
}

/// Related-article teasers: `{"title", "url", "image", "published"}`.
pub fn related(v: &Json) -> Vec<RelatedArticle> {
    v.items()
        .iter()
        .filter_map(|r| {
            Some(RelatedArticle {
                title: r.get_any(&["title", "name"]).text()?,
                url: string(r.get("url")),
                image: image(r.get("image")),
                published: date(r.get("published")),
            })
        })
        .collect()
}

/// The `body` field: HTML string, block array, or nothing. `lang` picks the
/// credit label of figures serialized to HTML ("Ảnh:" for Vietnamese, the
/// default, "Photo:" otherwise) so the body pipeline can split it off again.
pub fn body(v: &Json, lang: Option<&str>) -> BodySource {
    match v {
        Json::Str(s) => BodySource::Html(s.clone()),
        Json::Arr(blocks) => {
            if blocks.iter().any(|b| is_html_kind(&kind(b))) {
                let vi = lang.is_none_or(|l| super::lang::primary_subtag(l) == "vi");
                let label = if vi { "Ảnh: " } else { "Photo: " };
                let mut html = String::new();
                blocks.iter().for_each(|b| block_html(b, label, &mut html));
                BodySource::Html(html)
            } else {
                BodySource::Nodes(blocks.iter().filter_map(block_node).collect())
            }
        }
        _ => BodySource::Nodes(Vec::new()),
    }
}

/// One block of a native `body` array as the view gets it (URLs resolved
/// against `base`, as `normalize` does for the whole body); `None` when it has
/// nothing to show. Long bodies are converted block by block with this, so a
/// 10,000-block article never exists as one tree in memory.
pub fn block(b: &Json, base: Option<&str>) -> Option<Node> {
    let mut one = vec![block_node(b)?];
    super::normalize::clean_nodes(&mut one, base);
    one.pop()
}

/// True when a native `body` array's block is raw HTML (the whole body then
/// goes through the sanitizer instead, see [`body`]).
pub fn is_html_kind(kind: &str) -> bool {
    kind.eq_ignore_ascii_case("html")
}

/// A block's `type`, lowercased; a bare string is a paragraph.
fn kind(b: &Json) -> String {
    match b {
        Json::Str(_) => "paragraph".to_owned(),
        _ => b.get("type").str().unwrap_or("").to_ascii_lowercase(),
    }
}

/// A block's text: the string itself or its `text` member.
fn block_text(b: &Json) -> Option<&str> {
    b.str().or_else(|| b.get("text").str())
}

fn heading_tag(b: &Json) -> Tag {
    match b.get("level").num().map(|n| n.round()) {
        Some(n) if n >= 4.0 => Tag::H4,
        Some(n) if n >= 3.0 => Tag::H3,
        _ => Tag::H2,
    }
}

/// Text with line breaks as `<br>` nodes.
fn inline(text: &str) -> Vec<Node> {
    let mut out = Vec::new();
    for line in text.lines().map(super::text::collapse_ws).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push(Node::el(Tag::Br, Vec::new()));
        }
        out.push(Node::Text(line));
    }
    out
}

fn list_items(b: &Json) -> impl Iterator<Item = &str> {
    b.get("items").items().iter().filter_map(block_text)
}

fn block_node(b: &Json) -> Option<Node> {
    let k = kind(b);
    let node = match k.as_str() {
        "heading" => Node::el(heading_tag(b), inline(block_text(b)?)),
        "image" | "figure" => Node::Figure(image(b)?),
        "quote" | "blockquote" => {
            let mut kids = vec![Node::el(Tag::P, inline(block_text(b)?))];
            if let Some(cite) = b.get("cite").str() {
                kids.push(Node::el(Tag::P, vec![Node::el(Tag::Cite, inline(cite))]));
            }
            Node::el(Tag::Blockquote, kids)
        }
        "list" => {
            let tag = if b.get("ordered").bool() == Some(true) { Tag::Ol } else { Tag::Ul };
            let items: Vec<Node> = list_items(b).map(|t| Node::el(Tag::Li, inline(t))).collect();
            if items.is_empty() {
                return None;
            }
            Node::el(tag, items)
        }
        // "paragraph" and unknown types with text.
        _ => Node::el(Tag::P, inline(block_text(b)?)),
    };
    match &node {
        Node::El(e) if e.children.is_empty() => None,
        _ => Some(node),
    }
}

fn wrap(tag: &str, text: &str, out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_html(line, out);
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn attr(name: &str, value: &str, out: &mut String) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_html(value, out);
    out.push('"');
}

/// Serializes one block as HTML (the mixed-body case).
fn block_html(b: &Json, credit_label: &str, out: &mut String) {
    let k = kind(b);
    match k.as_str() {
        "html" => out.push_str(b.get("html").str().unwrap_or("")),
        "heading" => {
            let tag = heading_tag(b).name();
            if let Some(t) = block_text(b) {
                wrap(tag, t, out);
            }
        }
        "image" | "figure" => {
            if let Some(img) = image(b) {
                figure_html(&img, credit_label, out);
            }
        }
        "quote" | "blockquote" => {
            if let Some(t) = block_text(b) {
                out.push_str("<blockquote>");
                wrap("p", t, out);
                if let Some(c) = b.get("cite").str() {
                    out.push_str("<p>");
                    wrap("cite", c, out);
                    out.push_str("</p>");
                }
                out.push_str("</blockquote>");
            }
        }
        "list" => {
            let tag = if b.get("ordered").bool() == Some(true) { "ol" } else { "ul" };
            out.push('<');
            out.push_str(tag);
            out.push('>');
            list_items(b).for_each(|t| wrap("li", t, out));
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
        _ => {
            if let Some(t) = block_text(b) {
                wrap("p", t, out);
            }
        }
    }
}

/// `<figure><img ...><figcaption>caption Ảnh: credit</figcaption></figure>`.
fn figure_html(img: &Image, credit_label: &str, out: &mut String) {
    out.push_str("<figure><img");
    attr("src", &img.src, out);
    if let Some(s) = &img.srcset {
        attr("srcset", s, out);
    }
    attr("alt", &img.alt, out);
    for (name, v) in [("width", img.width), ("height", img.height)] {
        if let Some(v) = v {
            attr(name, &v.to_string(), out);
        }
    }
    out.push('>');
    if img.caption.is_some() || img.credit.is_some() {
        out.push_str("<figcaption>");
        if let Some(c) = &img.caption {
            escape_html(c, out);
        }
        if let Some(c) = &img.credit {
            if img.caption.is_some() {
                out.push(' ');
            }
            out.push_str(credit_label);
            escape_html(c, out);
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>");
}
