//! The allowlisted body tree: the only shape of body content the views render.
//!
//! Anything in this tree is safe to render as-is: tags come from a closed enum,
//! attributes from a closed enum with checked values, text is text.

use super::article::Image;
use super::embed::Embed;

/// One node of the sanitized body.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Plain text (rendered as a text node, never parsed).
    Text(String),
    /// An allowlisted element.
    El(Element),
    /// A picture with caption and credit (from `<figure>`, a lone `<img>`, or a native image block).
    Figure(Image),
    /// Embedded content: media, a video facade, a frame link, a social post, a gallery.
    Embed(Embed),
}

/// An allowlisted element with checked attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: Tag,
    pub attrs: Vec<(Attr, String)>,
    pub children: Vec<Node>,
}

/// Allowed element names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    P,
    H2,
    H3,
    H4,
    Blockquote,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Pre,
    Hr,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Th,
    Td,
    A,
    Em,
    Strong,
    I,
    B,
    U,
    S,
    Sub,
    Sup,
    Br,
    Code,
    Small,
    Mark,
    Cite,
    Q,
    Abbr,
    Time,
    Span,
    Details,
    Summary,
}

/// Allowed attribute names (values are checked when the node is built).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Attr {
    /// `a href`: resolved, http/https/mailto only.
    Href,
    /// `a rel`: set to "noopener noreferrer" for external links.
    Rel,
    /// `a target`: set to "_blank" for external links.
    Target,
    /// `abbr title`, `a title`.
    Title,
    /// `time datetime`.
    Datetime,
    /// `th/td colspan`, `rowspan` (small integers).
    Colspan,
    Rowspan,
    /// `th scope`.
    Scope,
    /// `ol start` (integer).
    Start,
    /// `lang` and `dir` on any element (checked values).
    Lang,
    Dir,
    /// `details open` (boolean, value empty).
    Open,
    /// `id` (prefixed `ar-fn-`) on an element a [`NoteLink`](super::embed::NoteLink) leads to.
    Id,
}

impl Tag {
    /// The HTML element name.
    pub fn name(self) -> &'static str {
        use Tag::*;
        match self {
            P => "p",
            H2 => "h2",
            H3 => "h3",
            H4 => "h4",
            Blockquote => "blockquote",
            Ul => "ul",
            Ol => "ol",
            Li => "li",
            Dl => "dl",
            Dt => "dt",
            Dd => "dd",
            Pre => "pre",
            Hr => "hr",
            Table => "table",
            Caption => "caption",
            Thead => "thead",
            Tbody => "tbody",
            Tfoot => "tfoot",
            Tr => "tr",
            Th => "th",
            Td => "td",
            A => "a",
            Em => "em",
            Strong => "strong",
            I => "i",
            B => "b",
            U => "u",
            S => "s",
            Sub => "sub",
            Sup => "sup",
            Br => "br",
            Code => "code",
            Small => "small",
            Mark => "mark",
            Cite => "cite",
            Q => "q",
            Abbr => "abbr",
            Time => "time",
            Span => "span",
            Details => "details",
            Summary => "summary",
        }
    }

    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        matches!(self, Tag::Br | Tag::Hr)
    }
}

impl Attr {
    /// The HTML attribute name.
    pub fn name(self) -> &'static str {
        use Attr::*;
        match self {
            Href => "href",
            Rel => "rel",
            Target => "target",
            Title => "title",
            Datetime => "datetime",
            Colspan => "colspan",
            Rowspan => "rowspan",
            Scope => "scope",
            Start => "start",
            Lang => "lang",
            Dir => "dir",
            Open => "open",
            Id => "id",
        }
    }
}

impl Node {
    /// Convenience constructor for an element without attributes.
    pub fn el(tag: Tag, children: Vec<Node>) -> Node {
        Node::El(Element { tag, attrs: Vec::new(), children })
    }

    /// A paragraph holding one text run.
    pub fn paragraph(text: impl Into<String>) -> Node {
        Node::el(Tag::P, vec![Node::Text(text.into())])
    }

    /// Visible text of this subtree (figure captions and credits included).
    pub fn text_content(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::El(e) => e.children.iter().for_each(|c| c.text_content(out)),
            Node::Figure(img) => image_text(img, out),
            Node::Embed(e) => e.text_content(out),
        }
    }
}

/// Caption and credit of a picture.
fn image_text(img: &Image, out: &mut String) {
    for part in [&img.caption, &img.credit].into_iter().flatten() {
        out.push_str(part);
        out.push(' ');
    }
}

impl Embed {
    /// The article text an embed carries: captions, titles, quoted post text.
    pub fn text_content(&self, out: &mut String) {
        let push = |t: &Option<String>, out: &mut String| {
            if let Some(t) = t {
                out.push_str(t);
                out.push(' ');
            }
        };
        match self {
            Embed::Media(m) => push(&m.caption, out),
            Embed::Video(v) => {
                push(&v.title, out);
                push(&v.caption, out);
            }
            Embed::Frame(f) => push(&f.title, out),
            Embed::Post(p) => p.body.iter().for_each(|n| n.text_content(out)),
            Embed::Gallery(g) => {
                g.images.iter().for_each(|i| image_text(i, out));
                push(&g.caption, out);
            }
            Embed::NoteLink(l) => l.label.iter().for_each(|n| n.text_content(out)),
        }
    }
}
