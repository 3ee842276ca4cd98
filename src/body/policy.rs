//! The allowlist sanitizer: a parsed source tree (any [`SourceNode`]) ->
//! [`Node`]s. Pure Rust, never panics, bounded in depth, nodes and text.
//!
//! Rules, in short:
//! - Kept: `p`, `h2`-`h4` (`h1`->`h2`, `h5`/`h6`->`h4`), `em strong i b u s sub
//!   sup br code small mark cite q abbr time a`, lists, `dl`, `blockquote`,
//!   `pre`, `hr`, tables. Renamed: `del strike`->`s`, `ins`->`u`, `var dfn`->`i`,
//!   `kbd samp tt`->`code`, `acronym`->`abbr`, `menu dir`->`ul`,
//!   `listing xmp plaintext`->`pre`.
//! - Dropped with their contents: scripts, styles, embedded and form content,
//!   media (`audio`/`video` fallback text is usually "your browser does not
//!   support…" and is dropped too), document metadata ([`dropped`]).
//! - MathML is reader text: `<math>` keeps its text (display math as its own
//!   block), scripts become `sub`/`sup`, fractions `(a)/(b)`, roots `√`;
//!   TeX annotations and `mphantom` are dropped.
//! - Anything else is unwrapped (its children kept). Block wrappers (`div`,
//!   `section`…) keep their text runs apart; bare text at block level becomes `p`.
//! - Attributes: only `href` (resolved, http/https/mailto), `title` (`a`, `abbr`),
//!   `datetime`, `start`, `colspan`/`rowspan` (1..=100), `scope`, and valid
//!   `lang`/`dir` on kept elements. `span`/`font`/`bdo`/`bdi` survive only to carry
//!   `lang`/`dir`. Links to another host get `rel="noopener noreferrer"` and
//!   `target="_blank"`; a rejected or fragment-only (`#fn1`) `href` unwraps
//!   the link; nested links unwrap.
//! - Pictures: `<img>`, `<figure>` (figcaption, or else the figure's short text,
//!   split into caption and credit) and layout tables holding one picture and a
//!   short caption become [`Node::Figure`], hoisted to block level (splitting the
//!   paragraph or link around them). Lazy-load attributes and `<noscript>`
//!   fallbacks are read; placeholders, unusable sources, 1x1 pixels and repeats
//!   (same picture) without a caption of their own are dropped. A short paragraph ending in a credit right
//!   after a captionless figure becomes its caption. A one-cell table is unwrapped.
//! - Text misplaced in a table is moved before it. Empty paragraphs/headings/items are dropped, block edges trimmed, two or
//!   more `<br>` in a paragraph split it.

use super::tree::{Attr, Element, Node, Tag};
use crate::article::model::Image;
use crate::caption::split_credit;
use crate::url;
use std::collections::HashMap;
use std::mem::take;

/// What a source node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Element,
    Text,
    /// Comments, processing instructions, doctypes...: ignored.
    Other,
}

/// A node of the parsed source document: the browser DOM (`body::dom`) or a
/// test tree.
pub trait SourceNode: Sized {
    fn kind(&self) -> Kind;
    /// Lowercase local name (elements only).
    fn tag(&self) -> String;
    /// An attribute value (elements only).
    fn attr(&self, name: &str) -> Option<String>;
    /// False when the element certainly has no attributes (saves lookups).
    fn has_attrs(&self) -> bool {
        true
    }
    /// The text of a text node.
    fn text(&self) -> String;
    fn children(&self) -> Vec<Self>;
}

/// Bounds on the work done for one body.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Elements nested deeper are flattened to their text.
    pub max_depth: usize,
    /// Source nodes visited; the rest is dropped (`truncated`).
    pub max_nodes: usize,
    /// Bytes of text kept; the rest is dropped (`truncated`).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_depth: 64, max_nodes: 200_000, max_text_bytes: 8 << 20 }
    }
}

/// The sanitized body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sanitized {
    pub nodes: Vec<Node>,
    /// True when a limit cut the body short.
    pub truncated: bool,
}

/// Sanitizes the children of `root` (the `<body>`) with the default [`Limits`].
/// `base` (absolute http(s) article URL) resolves relative links and sources.
pub fn sanitize<N: SourceNode>(root: &N, base: Option<&str>) -> Sanitized {
    sanitize_with(root, base, &Limits::default())
}

/// [`sanitize`] with explicit limits.
pub fn sanitize_with<N: SourceNode>(root: &N, base: Option<&str>, limits: &Limits) -> Sanitized {
    let mut s = San {
        base,
        lim: limits,
        nodes: 0,
        text: 0,
        stop: false,
        truncated: false,
        seen: Shown::default(),
        in_link: false,
    };
    let mut flow = Vec::new();
    s.children(root, 0, Ctx::Flow, &mut flow);
    Sanitized { nodes: blocks(flow), truncated: s.truncated }
}

/// Pictures shown so far: identity ([`key`]) -> the captions shown with it
/// (folded: lowercase, whitespace collapsed).
#[derive(Default)]
struct Shown(HashMap<String, Vec<String>>);

impl Shown {
    /// Records `img` and returns true when it is to be shown: a new picture, or
    /// a repeat with a caption of its own (an author re-using a chart further
    /// down). A repeat without a new caption (lazy-load copies, the lead image
    /// again, the same figure twice) is not shown.
    fn show(&mut self, img: &Image) -> bool {
        let cap = img.caption.as_deref().map(|c| crate::article::text::lowercase(&c.split_whitespace().collect::<Vec<_>>().join(" ")));
        match self.0.get_mut(&key(&img.src)) {
            None => {
                self.0.insert(key(&img.src), cap.into_iter().collect());
                true
            }
            Some(caps) => match cap {
                Some(c) if !caps.contains(&c) => {
                    caps.push(c);
                    true
                }
                _ => false,
            },
        }
    }
}

/// Removes repeated figures (same picture, see [`key`]) at any depth: a repeat
/// stays only when it brings a caption not yet shown with that picture.
/// Returns true when a figure shows `lead_src` (see [`same_picture`]): the
/// caller then hides the lead image.
pub fn dedupe_figures(nodes: &mut Vec<Node>, lead_src: Option<&str>) -> bool {
    let mut seen = Shown::default();
    let mut found = false;
    dedupe_in(nodes, &mut seen, lead_src, &mut found, 0);
    found
}

/// The body shows the lead picture (see [`dedupe_figures`]) and the lead is
/// hidden: the first body figure showing it takes the lead's caption, credit
/// and alt text where it has none, so hiding the lead loses nothing.
pub fn adopt_lead(nodes: &mut [Node], lead: &Image) -> bool {
    adopt_in(nodes, lead, 0)
}

fn adopt_in(nodes: &mut [Node], lead: &Image, depth: u32) -> bool {
    if depth > 256 {
        return false;
    }
    for n in nodes {
        match n {
            Node::Figure(i) if same_picture(&lead.src, &i.src) => {
                if i.caption.is_none() && i.credit.is_none() {
                    i.caption.clone_from(&lead.caption);
                    i.credit.clone_from(&lead.credit);
                }
                if i.alt.is_empty() {
                    i.alt.clone_from(&lead.alt);
                }
                return true;
            }
            Node::El(e) => {
                if adopt_in(&mut e.children, lead, depth + 1) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn dedupe_in(nodes: &mut Vec<Node>, seen: &mut Shown, lead: Option<&str>, found: &mut bool, depth: u32) {
    if depth > 256 {
        return;
    }
    nodes.retain_mut(|n| match n {
        Node::Figure(i) => {
            *found |= lead.is_some_and(|l| same_picture(l, &i.src));
            seen.show(i)
        }
        Node::El(e) => {
            dedupe_in(&mut e.children, seen, lead, found, depth + 1);
            true
        }
        Node::Text(_) => true,
    });
}

/// Identity of a picture: its URL without scheme and fragment, and without
/// the query when the path names an image file (`a.jpg?w=300` and
/// `a.jpg?w=1200` are one picture in two sizes), as in [`same_picture`].
fn key(src: &str) -> String {
    let s = src.split('#').next().unwrap_or(src);
    let s = s.strip_prefix("https:").or_else(|| s.strip_prefix("http:")).unwrap_or(s);
    match s.split_once('?') {
        Some((path, _)) if image_file(path) => path.to_owned(),
        _ => s.to_owned(),
    }
}

/// The path ends in an image file extension (any case).
fn image_file(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"].iter().any(|e| p.ends_with(e))
}

/// Two sources show the same picture: same URL (scheme and fragment aside), or
/// same image file (`.jpg`, `.png`…) with a different query (resizing parameters).
pub fn same_picture(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    if a == b {
        return true;
    }
    let path = |s: &str| s.split('?').next().unwrap_or("").to_ascii_lowercase();
    let (pa, pb) = (path(&a), path(&b));
    pa == pb && image_file(&pa)
}

/// Visible text of `nodes`, one line per top-level node (captions and credits included).
pub fn visible_text(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        n.text_content(&mut s);
        s.push('\n');
    }
    s
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
fn block_wrapper(tag: &str) -> bool {
    matches!(
        tag,
        "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav" | "center"
            | "address" | "details" | "summary" | "hgroup" | "fieldset" | "legend" | "figcaption"
            | "body" | "html" | "search" | "caption" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
    )
}

/// Source elements that separate words when flattened to text.
fn breaks_text(tag: &str) -> bool {
    block_wrapper(tag)
        || matches!(
            tag,
            "p" | "br" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd" | "ul" | "ol"
                | "dl" | "pre" | "blockquote" | "table" | "figure" | "mtr" | "mlabeledtr"
        )
}

/// Lazy-load source attributes, in order of preference.
const LAZY_SRC: [&str; 4] = ["data-src", "data-lazy-src", "data-original", "data-url"];
const SRCSET: [&str; 3] = ["srcset", "data-srcset", "data-lazy-srcset"];
/// Source nodes a figure or table may hold to be read as one picture.
const SCAN_BUDGET: usize = 500;
/// Longest non-caption text in a picture figure, and longest caption.
const MAX_FIGURE_TEXT: usize = 400;
const MAX_CAPTION: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Flow,
    Table,
    Section,
    Row,
}

struct San<'a> {
    base: Option<&'a str>,
    lim: &'a Limits,
    nodes: usize,
    text: usize,
    stop: bool,
    truncated: bool,
    seen: Shown,
    in_link: bool,
}

type Attrs = Vec<(Attr, String)>;

impl San<'_> {
    /// Counts one source node; false once over the limit.
    fn tick(&mut self, n: usize) -> bool {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > self.lim.max_nodes {
            self.stop = true;
            self.truncated = true;
        }
        !self.stop
    }

    /// Appends `t` to `dst` within the text budget.
    fn append(&mut self, dst: &mut String, t: &str) {
        if self.stop {
            return;
        }
        let room = self.lim.max_text_bytes.saturating_sub(self.text);
        let mut cut = t.len().min(room);
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        dst.push_str(t.get(..cut).unwrap_or(""));
        self.text += cut;
        if cut < t.len() {
            self.stop = true;
            self.truncated = true;
        }
    }

    fn push_text(&mut self, out: &mut Vec<Node>, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some(Node::Text(last)) = out.last_mut() {
            self.append(last, t);
        } else {
            let mut s = String::new();
            self.append(&mut s, t);
            if !s.is_empty() {
                out.push(Node::Text(s));
            }
        }
    }

    fn children<N: SourceNode>(&mut self, n: &N, depth: usize, ctx: Ctx, out: &mut Vec<Node>) {
        let mut after_img = false;
        for k in n.children() {
            if self.stop {
                break;
            }
            self.node(&k, depth + 1, ctx, out, &mut after_img);
        }
    }

    /// One source node. `after_img`: the previous significant sibling was a
    /// usable `<img>` (a `<noscript>` right after it is its duplicate).
    fn node<N: SourceNode>(&mut self, n: &N, depth: usize, ctx: Ctx, out: &mut Vec<Node>, after_img: &mut bool) {
        if !self.tick(1) {
            return;
        }
        match n.kind() {
            Kind::Text => {
                let t = n.text();
                if !blank(&t) {
                    *after_img = false;
                }
                self.push_text(out, &t);
            }
            Kind::Other => {}
            Kind::Element => {
                let tag = n.tag();
                let was_img = take(after_img);
                if depth > self.lim.max_depth {
                    self.flatten(n, &tag, out);
                } else {
                    self.element(n, &tag, depth, ctx, out, was_img, after_img);
                }
            }
        }
    }

    /// Text of an over-deep subtree, iteratively, without dropped elements.
    fn flatten<N: SourceNode>(&mut self, n: &N, tag: &str, out: &mut Vec<Node>) {
        if dropped(tag) || tag == "noscript" {
            return;
        }
        let mut s = String::new();
        let sep = |s: &mut String| {
            if !s.is_empty() && !s.ends_with(char::is_whitespace) {
                s.push(' ');
            }
        };
        // `None` marks the end of a block element.
        let mut stack: Vec<Option<N>> = n.children().into_iter().rev().map(Some).collect();
        while let Some(k) = stack.pop() {
            let Some(k) = k else {
                sep(&mut s);
                continue;
            };
            if self.stop || !self.tick(1) {
                break;
            }
            match k.kind() {
                Kind::Text => self.append(&mut s, &k.text()),
                Kind::Other => {}
                Kind::Element => {
                    let t = k.tag();
                    if dropped(&t) || t == "noscript" {
                        continue;
                    }
                    if breaks_text(&t) {
                        sep(&mut s);
                        stack.push(None);
                    }
                    stack.extend(k.children().into_iter().rev().map(Some));
                }
            }
        }
        let block = breaks_text(tag);
        if block {
            out.push(sentinel());
        }
        self.push_text(out, &s);
        if block {
            out.push(sentinel());
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn element<N: SourceNode>(
        &mut self,
        n: &N,
        tag: &str,
        depth: usize,
        ctx: Ctx,
        out: &mut Vec<Node>,
        was_img: bool,
        img_ok: &mut bool,
    ) {
        use Tag::*;
        let t = match tag {
            "img" => {
                if let Some(i) = self.image(&|a| n.attr(a)) {
                    *img_ok = true;
                    self.push_figure(out, i);
                }
                return;
            }
            "noscript" => {
                if !was_img {
                    for i in self.noscript_images(n) {
                        self.push_figure(out, i);
                    }
                }
                return;
            }
            "math" => {
                // MathML carries reader text: kept as text, scripts as sub/sup.
                let block = n.attr("display").is_some_and(|d| d.trim().eq_ignore_ascii_case("block"));
                if block {
                    out.push(sentinel());
                }
                self.children(n, depth, ctx, out);
                if block {
                    out.push(sentinel());
                }
                return;
            }
            "msup" | "msub" | "msubsup" | "mover" | "munder" | "munderover" | "mfrac" | "msqrt" | "mroot" => {
                return self.math_layout(n, tag, depth, out);
            }
            "mtr" | "mlabeledtr" => {
                out.push(sentinel());
                self.children(n, depth, ctx, out);
                out.push(sentinel());
                return;
            }
            "br" => return out.push(Node::el(Br, Vec::new())),
            "hr" => return out.push(Node::el(Hr, Vec::new())),
            "figure" => return self.figure(n, depth, out, false),
            "table" => return self.figure(n, depth, out, true),
            "p" => P,
            "h1" | "h2" => H2,
            "h3" => H3,
            "h4" | "h5" | "h6" => H4,
            "pre" | "listing" | "xmp" | "plaintext" => Pre,
            "blockquote" => Blockquote,
            "ul" | "menu" | "dir" => Ul,
            "ol" => Ol,
            "li" => Li,
            "dl" => Dl,
            "dt" => Dt,
            "dd" => Dd,
            "a" => A,
            "em" => Em,
            "strong" => Strong,
            "i" | "var" | "dfn" => I,
            "b" => B,
            "u" | "ins" => U,
            "s" | "strike" | "del" => S,
            "sub" => Sub,
            "sup" => Sup,
            "code" | "kbd" | "samp" | "tt" => Code,
            "small" => Small,
            "mark" => Mark,
            "cite" => Cite,
            "q" => Q,
            "abbr" | "acronym" => Abbr,
            "time" => Time,
            "span" | "font" | "bdo" | "bdi" => Span,
            "caption" if ctx == Ctx::Table => Caption,
            "thead" if ctx == Ctx::Table => Thead,
            "tbody" if ctx == Ctx::Table => Tbody,
            "tfoot" if ctx == Ctx::Table => Tfoot,
            "tr" if matches!(ctx, Ctx::Table | Ctx::Section) => Tr,
            "td" if ctx == Ctx::Row => Td,
            "th" if ctx == Ctx::Row => Th,
            _ if dropped(tag) => return,
            _ if block_wrapper(tag) => {
                out.push(sentinel());
                self.children(n, depth, ctx, out);
                out.push(sentinel());
                return;
            }
            _ => return self.children(n, depth, ctx, out),
        };
        let has = n.has_attrs();
        let mut attrs = Vec::new();
        if has {
            lang_dir(n, &mut attrs);
        }
        let get = |a: &str| if has { n.attr(a) } else { None };
        match t {
            A => {
                // In-page anchors (`#fn1`, `#`) lead nowhere once ids are gone.
                let href = get("href")
                    .filter(|h| !h.trim_start_matches(|c: char| c <= ' ').starts_with('#'))
                    .and_then(|h| url::resolve(self.base, &h));
                let Some(href) = href.filter(|_| !self.in_link) else {
                    return self.children(n, depth, Ctx::Flow, out);
                };
                let ext = url::is_external(&href, self.base);
                attrs.push((Attr::Href, href));
                title(get("title"), &mut attrs);
                if ext {
                    attrs.push((Attr::Rel, "noopener noreferrer".to_owned()));
                    attrs.push((Attr::Target, "_blank".to_owned()));
                }
                self.in_link = true;
                let mut flow = Vec::new();
                self.children(n, depth, Ctx::Flow, &mut flow);
                self.in_link = false;
                return phrasing(A, attrs, flow, out);
            }
            Span if attrs.is_empty() => return self.children(n, depth, ctx, out),
            Abbr => title(get("title"), &mut attrs),
            Time => {
                if let Some(d) = get("datetime").map(|d| d.trim().to_owned()).filter(|d| valid_datetime(d)) {
                    attrs.push((Attr::Datetime, d));
                }
            }
            Ol => {
                let start = get("start").and_then(|s| s.trim().parse::<i32>().ok());
                if let Some(s) = start.filter(|s| s.unsigned_abs() <= 1_000_000) {
                    attrs.push((Attr::Start, s.to_string()));
                }
            }
            Td | Th => {
                for (name, a) in [("colspan", Attr::Colspan), ("rowspan", Attr::Rowspan)] {
                    let v = get(name).and_then(|v| v.trim().parse::<u8>().ok());
                    if let Some(v) = v.filter(|v| (2..=100).contains(v)) {
                        attrs.push((a, v.to_string()));
                    }
                }
                let scope = get("scope").map(|s| s.trim().to_ascii_lowercase());
                if let Some(s) = scope.filter(|s| t == Th && matches!(s.as_str(), "row" | "col" | "rowgroup" | "colgroup")) {
                    attrs.push((Attr::Scope, s));
                }
            }
            _ => {}
        }
        let child_ctx = match t {
            Thead | Tbody | Tfoot => Ctx::Section,
            Tr => Ctx::Row,
            _ => Ctx::Flow,
        };
        let mut flow = Vec::new();
        self.children(n, depth, child_ctx, &mut flow);
        finish(t, attrs, flow, out);
    }

    /// An `<img>`-like element read through `get`: source (lazy attributes when
    /// `src` is a placeholder or unusable), srcset, alt, size. `None` when no
    /// usable source or a declared 1x1 size.
    fn image(&self, get: &dyn Fn(&str) -> Option<String>) -> Option<Image> {
        let usable = |v: Option<String>| v.filter(|s| !placeholder(s)).and_then(|s| url::resolve_src(self.base, &s));
        let mut src = usable(get("src"));
        for a in LAZY_SRC {
            if src.is_some() {
                break;
            }
            src = usable(get(a));
        }
        let srcset = SRCSET.iter().find_map(|a| get(a).and_then(|s| url::resolve_srcset(self.base, &s)));
        let src = src.or_else(|| {
            let first = srcset.as_deref()?.split(|c: char| c.is_ascii_whitespace()).next()?;
            Some(first.strip_suffix(',').unwrap_or(first).to_owned())
        })?;
        let width = get("width").and_then(|s| dim(&s));
        let height = get("height").and_then(|s| dim(&s));
        if width.is_some_and(|w| w <= 1) && height.is_some_and(|h| h <= 1) {
            return None;
        }
        let alt = get("alt").map(|a| a.trim().to_owned()).unwrap_or_default();
        Some(Image { src, srcset, alt, width, height, caption: None, credit: None })
    }

    /// Adds a picture unless the same one is already in the body.
    fn push_figure(&mut self, out: &mut Vec<Node>, img: Image) {
        if self.seen.show(&img) {
            out.push(Node::Figure(img));
        }
    }

    /// Pictures inside a `<noscript>`: `<img>` elements (scripting disabled, as
    /// in a `DOMParser` document) or `<img ...>` markup in its text.
    fn noscript_images<N: SourceNode>(&mut self, n: &N) -> Vec<Image> {
        let mut out = Vec::new();
        let mut stack = n.children();
        stack.reverse();
        let mut budget = 200;
        while let Some(k) = stack.pop() {
            budget -= 1;
            if budget == 0 || !self.tick(1) {
                break;
            }
            match k.kind() {
                Kind::Element if k.tag() == "img" => out.extend(self.image(&|a| k.attr(a))),
                Kind::Element => stack.extend(k.children().into_iter().rev()),
                Kind::Text => {
                    for attrs in img_tags(&k.text()) {
                        let get = |a: &str| attrs.iter().find(|(n, _)| n == a).map(|(_, v)| v.clone());
                        out.extend(self.image(&get));
                    }
                }
                Kind::Other => {}
            }
        }
        out
    }

    /// A MathML layout element as text: scripts as `sub`/`sup`, a fraction
    /// as `(a)/(b)`, roots with `√`. Parentheses only around multi-part operands.
    fn math_layout<N: SourceNode>(&mut self, n: &N, tag: &str, depth: usize, out: &mut Vec<Node>) {
        let kids: Vec<N> = n.children().into_iter().filter(|k| k.kind() == Kind::Element).collect();
        let grouped = |k: &N| k.tag() == "mrow" && k.children().iter().filter(|c| c.kind() == Kind::Element).count() > 1;
        let part = |s: &mut Self, k: &N, out: &mut Vec<Node>, wrap: Option<Tag>, parens: bool| {
            let mut flow = Vec::new();
            if parens {
                s.push_text(&mut flow, "(");
            }
            s.node(k, depth + 1, Ctx::Flow, &mut flow, &mut false);
            if parens {
                s.push_text(&mut flow, ")");
            }
            match wrap {
                Some(t) => phrasing(t, Vec::new(), flow, out),
                None => flow.into_iter().for_each(|f| push(out, f)),
            }
        };
        match tag {
            "msqrt" => {
                let parens = kids.len() > 1 || kids.first().is_some_and(grouped);
                self.push_text(out, "√");
                if parens {
                    self.push_text(out, "(");
                }
                for k in &kids {
                    part(self, k, out, None, false);
                }
                if parens {
                    self.push_text(out, ")");
                }
            }
            "mroot" => {
                if let Some(index) = kids.get(1) {
                    part(self, index, out, Some(Tag::Sup), false);
                }
                self.push_text(out, "√");
                if let Some(base) = kids.first() {
                    part(self, base, out, None, grouped(base));
                }
            }
            "mfrac" => {
                for (i, k) in kids.iter().enumerate() {
                    if i == 1 {
                        self.push_text(out, "/");
                    }
                    part(self, k, out, None, grouped(k));
                }
            }
            _ => {
                for (i, k) in kids.iter().enumerate() {
                    let wrap = match (tag, i) {
                        (_, 0) => None,
                        ("msup" | "mover", 1) | ("msubsup" | "munderover", 2) => Some(Tag::Sup),
                        ("msub" | "munder" | "msubsup" | "munderover", 1) => Some(Tag::Sub),
                        _ => None,
                    };
                    part(self, k, out, wrap, false);
                }
            }
        }
    }

    /// `<figure>`, or a `<table>` when `table`: one [`Node::Figure`] per picture
    /// (caption on the last) when it reads as a picture, else converted normally.
    fn figure<N: SourceNode>(&mut self, n: &N, depth: usize, out: &mut Vec<Node>, table: bool) {
        if let Some(sc) = scan(n, table) {
            let mut imgs: Vec<Image> = sc.imgs.iter().filter_map(|k| self.image(&|a| k.attr(a))).collect();
            if imgs.is_empty() {
                for k in &sc.noscripts {
                    let found = self.noscript_images(k);
                    imgs.extend(found);
                }
            }
            let picture = if table { imgs.len() == 1 && sc.cells <= 4 } else { !imgs.is_empty() };
            if picture {
                self.tick(sc.count);
                let text = if sc.has_caption { &sc.caption } else { &sc.other };
                let (cap, mut credit) = split_credit(&lines(text));
                if sc.has_caption && credit.is_none() {
                    // A credit beside the figcaption (`<span class="credit">Ảnh: MT</span>`).
                    if let (None, c) = split_credit(&lines(&sc.other)) {
                        credit = c;
                    }
                }
                let mut cap = cap.map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "));
                for part in [&mut cap, &mut credit].into_iter() {
                    if let Some(p) = part.take() {
                        let mut s = String::new();
                        self.append(&mut s, &p);
                        *part = Some(s).filter(|s| !s.is_empty());
                    }
                }
                if let Some(last) = imgs.last_mut() {
                    last.caption = cap;
                    last.credit = credit;
                }
                imgs.retain(|i| self.seen.show(i));
                out.extend(imgs.into_iter().map(Node::Figure));
                return;
            }
        }
        if table {
            self.table(n, depth, out);
        } else {
            out.push(sentinel());
            self.children(n, depth, Ctx::Flow, out);
            out.push(sentinel());
        }
    }

    /// A data table. One-cell (layout) tables are unwrapped.
    fn table<N: SourceNode>(&mut self, n: &N, depth: usize, out: &mut Vec<Node>) {
        let mut flow = Vec::new();
        self.children(n, depth, Ctx::Table, &mut flow);
        let mut caption: Option<Element> = None;
        let mut parts = Vec::new();
        let mut stray = Vec::new();
        let mut cells = 0usize;
        for k in flow {
            match k {
                Node::El(e) if e.tag == Tag::Caption && caption.is_none() => caption = Some(e),
                Node::El(e) if matches!(e.tag, Tag::Thead | Tag::Tbody | Tag::Tfoot | Tag::Tr) => {
                    cells += count_cells(&e);
                    parts.push(Node::El(e));
                }
                k => stray.push(k),
            }
        }
        hoist(stray, out);
        if cells > 1 {
            let mut ch: Vec<Node> = caption.map(Node::El).into_iter().collect();
            ch.extend(parts);
            let mut attrs = Vec::new();
            if n.has_attrs() {
                lang_dir(n, &mut attrs);
            }
            out.push(Node::El(Element { tag: Tag::Table, attrs, children: ch }));
            return;
        }
        out.push(sentinel());
        for c in caption.into_iter().flat_map(|c| c.children).chain(cell_children(parts)) {
            push(out, c);
        }
        out.push(sentinel());
    }
}

/// Builds element `t` from its converted children and adds the result to `out`.
fn finish(t: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>) {
    use Tag::*;
    match t {
        P | H2 | H3 | H4 | Pre => inline_block(t, attrs, flow, out),
        Blockquote | Li | Dt | Dd | Td | Th | Caption => {
            let ch = mixed(flow);
            if matches!(t, Td | Th) || !ch.iter().all(is_blank) {
                out.push(el(t, attrs, ch));
            }
        }
        Ul | Ol => list(t, attrs, flow, out, Li),
        Dl => list(t, attrs, flow, out, Dd),
        Thead | Tbody | Tfoot | Tr => {
            let want = |n: &Node| match n {
                Node::El(e) if t == Tr => matches!(e.tag, Td | Th),
                Node::El(e) => e.tag == Tr,
                _ => false,
            };
            let (ch, stray): (Vec<Node>, Vec<Node>) = flow.into_iter().partition(want);
            hoist(stray, out);
            if !ch.is_empty() {
                out.push(el(t, attrs, ch));
            }
        }
        _ => phrasing(t, attrs, flow, out),
    }
}

/// Content misplaced in a table goes before it (as browsers do), kept apart.
fn hoist(stray: Vec<Node>, out: &mut Vec<Node>) {
    if stray.iter().all(is_blank) {
        return;
    }
    out.push(sentinel());
    for n in stray.into_iter().filter(|n| is_sentinel(n) || !is_blank(n)) {
        push(out, n);
    }
    out.push(sentinel());
}

fn el(tag: Tag, attrs: Attrs, children: Vec<Node>) -> Node {
    Node::El(Element { tag, attrs, children })
}

/// An empty `p`: a boundary between text runs, dropped when normalizing.
fn sentinel() -> Node {
    Node::el(Tag::P, Vec::new())
}

fn is_sentinel(n: &Node) -> bool {
    matches!(n, Node::El(e) if e.tag == Tag::P && e.children.is_empty() && e.attrs.is_empty())
}

fn is_list(n: &Node) -> bool {
    matches!(n, Node::El(e) if matches!(e.tag, Tag::Ul | Tag::Ol | Tag::Dl))
}

fn is_block(n: &Node) -> bool {
    use Tag::*;
    match n {
        Node::Text(_) => false,
        Node::Figure(_) => true,
        Node::El(e) => !matches!(
            e.tag,
            A | Em | Strong | I | B | U | S | Sub | Sup | Br | Code | Small | Mark | Cite | Q | Abbr | Time | Span
        ),
    }
}

/// Only whitespace (including no-break and zero-width spaces).
fn blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
}

/// Shows nothing: whitespace, `<br>`s, empty elements.
fn is_blank(n: &Node) -> bool {
    match n {
        Node::Text(t) => blank(t),
        Node::Figure(_) => false,
        Node::El(e) => e.tag != Tag::Hr && e.children.iter().all(is_blank),
    }
}

/// Appends, merging adjacent text.
fn push(out: &mut Vec<Node>, n: Node) {
    match (out.last_mut(), n) {
        (Some(Node::Text(last)), Node::Text(t)) => last.push_str(&t),
        (_, n) => out.push(n),
    }
}

/// Adds a block to a block list: blank text blocks dropped, stray items
/// grouped into a list.
fn push_block(out: &mut Vec<Node>, n: Node) {
    use Tag::*;
    let Node::El(e) = n else { return out.push(n) };
    if matches!(e.tag, P | H2 | H3 | H4 | Pre | Blockquote | Li | Dt | Dd | Caption) && e.children.iter().all(is_blank) {
        return;
    }
    let (list, ok): (Tag, fn(Tag) -> bool) = match e.tag {
        Li => (Ul, |t| matches!(t, Ul | Ol)),
        Dt | Dd => (Dl, |t| t == Dl),
        _ => return out.push(Node::El(e)),
    };
    if let Some(Node::El(l)) = out.last_mut() {
        if ok(l.tag) {
            return l.children.push(Node::El(e));
        }
    }
    out.push(Node::el(list, vec![Node::El(e)]));
}

/// Block-level content: inline runs become paragraphs.
fn blocks(flow: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for n in flow {
        if is_block(&n) {
            paragraphs(take(&mut run), Tag::P, &[], &mut out);
            push_caption_or_block(&mut out, n);
        } else {
            run.push(n);
        }
    }
    paragraphs(run, Tag::P, &[], &mut out);
    out
}

/// [`push_block`], except that a short paragraph ending in a photo credit
/// right after a figure without caption becomes that figure's caption
/// (`<img><p><em>Caption. Ảnh: MT</em></p>`).
fn push_caption_or_block(out: &mut Vec<Node>, n: Node) {
    if let (Some(Node::Figure(img)), Node::El(e)) = (out.last_mut(), &n) {
        if img.caption.is_none() && img.credit.is_none() && e.tag == Tag::P && !has_link(e, 0) {
            let mut t = String::new();
            n.text_content(&mut t);
            if t.len() <= 600 {
                if let (cap, Some(credit)) = split_credit(&lines(&t)) {
                    img.caption = cap.map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "));
                    img.credit = Some(credit);
                    return;
                }
            }
        }
    }
    push_block(out, n);
}

fn has_link(e: &Element, depth: u32) -> bool {
    e.tag == Tag::A
        || depth > 64
        || e.children.iter().any(|c| matches!(c, Node::El(c) if has_link(c, depth + 1)))
}

/// Content of an item, cell or quote: inline when it is one run of text (and
/// nested lists), paragraphs otherwise.
fn mixed(flow: Vec<Node>) -> Vec<Node> {
    let (mut runs, mut in_run) = (0, false);
    for n in &flow {
        if is_sentinel(n) || is_list(n) {
            in_run = false;
        } else if is_block(n) {
            return blocks(flow);
        } else if !in_run && !is_blank(n) {
            runs += 1;
            in_run = true;
        }
    }
    if runs > 1 {
        return blocks(flow);
    }
    let mut v = Vec::new();
    for n in flow.into_iter().filter(|n| !is_sentinel(n)) {
        push(&mut v, n);
    }
    trim_edges(&mut v);
    v
}

/// Wraps `run` in `tag` (split at double `<br>` for `p`), trimmed; nothing when blank.
fn paragraphs(run: Vec<Node>, tag: Tag, attrs: &[(Attr, String)], out: &mut Vec<Node>) {
    let emit = |mut kids: Vec<Node>, out: &mut Vec<Node>| {
        if tag != Tag::Pre {
            trim_edges(&mut kids);
        }
        if !kids.iter().all(is_blank) {
            out.push(el(tag, attrs.to_vec(), kids));
        }
    };
    let mut cur = Vec::new();
    let mut brs = 0;
    for n in run {
        if matches!(&n, Node::El(e) if e.tag == Tag::Br) {
            brs += 1;
        } else if !is_blank(&n) {
            if brs >= 2 && tag == Tag::P {
                emit(take(&mut cur), out);
            }
            brs = 0;
        }
        cur.push(n);
    }
    emit(cur, out);
}

/// Removes leading/trailing `<br>` and whitespace.
fn trim_edges(k: &mut Vec<Node>) {
    let mut i = 0;
    while let Some(n) = k.get_mut(i) {
        match n {
            Node::El(e) if e.tag == Tag::Br => i += 1,
            Node::Text(t) => {
                let off = t.len() - t.trim_start().len();
                if off == t.len() {
                    i += 1;
                } else {
                    t.drain(..off);
                    break;
                }
            }
            _ => break,
        }
    }
    k.drain(..i);
    while let Some(n) = k.last_mut() {
        match n {
            Node::El(e) if e.tag == Tag::Br => {}
            Node::Text(t) => {
                let len = t.trim_end().len();
                if len > 0 {
                    t.truncate(len);
                    break;
                }
            }
            _ => break,
        }
        k.pop();
    }
}

/// `p`, headings, `pre`: inline content; blocks inside split it.
fn inline_block(tag: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>) {
    let mut run = Vec::new();
    let (mut content, mut pending_br) = (false, false);
    for n in flow {
        if is_sentinel(&n) {
            pending_br |= content;
        } else if is_block(&n) {
            paragraphs(take(&mut run), tag, &attrs, out);
            (content, pending_br) = (false, false);
            match n {
                Node::El(mut e) if e.tag == Tag::P && matches!(tag, Tag::H2 | Tag::H3 | Tag::H4) => {
                    e.tag = tag;
                    push_block(out, Node::El(e));
                }
                n => push_block(out, n),
            }
        } else {
            if !is_blank(&n) {
                if pending_br {
                    run.push(Node::el(Tag::Br, Vec::new()));
                    pending_br = false;
                }
                content = true;
            }
            push(&mut run, n);
        }
    }
    paragraphs(run, tag, &attrs, out);
}

/// Phrasing elements (`a`, `em`…): blocks inside are hoisted out, the element
/// is repeated around them and inside paragraphs/headings.
fn phrasing(tag: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>) {
    let wrap = |run: Vec<Node>, out: &mut Vec<Node>| {
        if run.iter().all(is_blank) {
            run.into_iter().for_each(|n| push(out, n));
        } else {
            out.push(el(tag, attrs.clone(), run));
        }
    };
    let mut run = Vec::new();
    for n in flow {
        if !is_block(&n) {
            run.push(n);
            continue;
        }
        wrap(take(&mut run), out);
        out.push(match n {
            Node::El(mut e) if matches!(e.tag, Tag::P | Tag::H2 | Tag::H3 | Tag::H4) && !e.children.is_empty() => {
                let kids = take(&mut e.children);
                e.children = vec![el(tag, attrs.clone(), kids)];
                Node::El(e)
            }
            n => n,
        });
    }
    wrap(run, out);
}

/// `ul`/`ol` (items `li`) or `dl` (`dt`/`dd`; other content goes in `item`).
fn list(tag: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>, item: Tag) {
    let is_item = |n: &Node| match n {
        Node::El(e) if item == Tag::Li => e.tag == Tag::Li,
        Node::El(e) => matches!(e.tag, Tag::Dt | Tag::Dd),
        _ => false,
    };
    let mut items: Vec<Node> = Vec::new();
    let mut run = Vec::new();
    let flush = |run: Vec<Node>, items: &mut Vec<Node>| {
        if run.iter().all(is_blank) {
            return;
        }
        // A list nested directly in a list belongs to the previous item.
        let nested = run.iter().all(|n| is_blank(n) || matches!(n, Node::El(e) if matches!(e.tag, Tag::Ul | Tag::Ol)));
        if let (true, Some(Node::El(prev))) = (nested && item == Tag::Li, items.last_mut()) {
            prev.children.extend(run.into_iter().filter(|n| !is_blank(n)));
            return;
        }
        items.push(el(item, Vec::new(), mixed(run)));
    };
    for n in flow {
        if is_item(&n) {
            flush(take(&mut run), &mut items);
            if !is_blank(&n) {
                items.push(n);
            }
        } else {
            run.push(n);
        }
    }
    flush(run, &mut items);
    if !items.is_empty() {
        out.push(el(tag, attrs, items));
    }
}

fn count_cells(e: &Element) -> usize {
    match e.tag {
        Tag::Td | Tag::Th => 1,
        _ => e.children.iter().map(|c| if let Node::El(c) = c { count_cells(c) } else { 0 }).sum(),
    }
}

/// Children of the cells of a table with at most one cell.
fn cell_children(parts: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    for p in parts {
        if let Node::El(e) = p {
            match e.tag {
                Tag::Td | Tag::Th => out.extend(e.children),
                _ => out.extend(cell_children(e.children)),
            }
        }
    }
    out
}

/// `lang` and `dir` when valid.
fn lang_dir<N: SourceNode>(n: &N, attrs: &mut Attrs) {
    if let Some(l) = n.attr("lang").map(|l| l.trim().to_owned()) {
        let ok = l.len() <= 35
            && l.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if ok {
            attrs.push((Attr::Lang, l));
        }
    }
    if let Some(d) = n.attr("dir").map(|d| d.trim().to_ascii_lowercase()) {
        if matches!(d.as_str(), "ltr" | "rtl" | "auto") {
            attrs.push((Attr::Dir, d));
        }
    }
}

fn title(t: Option<String>, attrs: &mut Attrs) {
    if let Some(t) = t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty() && t.len() <= 1000) {
        attrs.push((Attr::Title, t));
    }
}

fn valid_datetime(d: &str) -> bool {
    !d.is_empty() && d.len() <= 64 && d.bytes().all(|b| b.is_ascii_alphanumeric() || b":+-. ".contains(&b))
}

/// A declared image dimension: digits (optionally `px`), 1..=20000.
fn dim(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = t.strip_suffix("px").unwrap_or(t).trim_end();
    let ok = !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| t.parse().ok()).flatten().filter(|v| (1..=20_000).contains(v))
}

/// Lazy-loading placeholders (data: URIs, blank/spacer gifs…).
fn placeholder(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.is_empty()
        || l.starts_with("data:")
        || ["blank.", "spacer", "placeholder", "1x1.", "pixel.gif", "transparent.", "lazy.", "loading.", "grey.gif", "gray.gif"]
            .iter()
            .any(|p| l.contains(p))
}

/// Whitespace collapsed per line, empty lines dropped.
fn lines(s: &str) -> String {
    let mut out = String::new();
    for l in s.lines() {
        let mut words = l.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// What a `<figure>`/`<table>` holds, when it may be a picture.
struct Scan<N> {
    imgs: Vec<N>,
    noscripts: Vec<N>,
    has_caption: bool,
    caption: String,
    other: String,
    cells: usize,
    count: usize,
}

/// Walks a figure (or table) iteratively. `None` when it is too big, holds
/// too much text, or holds another figure or table.
fn scan<N: SourceNode>(root: &N, table: bool) -> Option<Scan<N>> {
    let mut sc = Scan {
        imgs: Vec::new(),
        noscripts: Vec::new(),
        has_caption: false,
        caption: String::new(),
        other: String::new(),
        cells: 0,
        count: 0,
    };
    let mut stack: Vec<(N, bool)> = root.children().into_iter().rev().map(|k| (k, false)).collect();
    while let Some((k, in_cap)) = stack.pop() {
        sc.count += 1;
        if sc.count > SCAN_BUDGET {
            return None;
        }
        let dst = if in_cap { &mut sc.caption } else { &mut sc.other };
        match k.kind() {
            Kind::Text => {
                let t = k.text();
                if !blank(&t) {
                    dst.push_str(&t);
                }
            }
            Kind::Other => {}
            Kind::Element => {
                let t = k.tag();
                match t.as_str() {
                    "img" => sc.imgs.push(k),
                    "noscript" => sc.noscripts.push(k),
                    "figure" | "table" => return None,
                    t if dropped(t) => {}
                    t => {
                        if breaks_text(t) {
                            dst.push('\n');
                        }
                        sc.cells += usize::from(matches!(t, "td" | "th"));
                        let cap = in_cap || (!table && t == "figcaption");
                        sc.has_caption |= cap;
                        stack.extend(k.children().into_iter().rev().map(|c| (c, cap)));
                    }
                }
            }
        }
        if sc.other.trim().len() > MAX_FIGURE_TEXT || sc.caption.len() > MAX_CAPTION {
            return None;
        }
    }
    Some(sc)
}

/// Attributes of every `<img ...>` tag in `html` (noscript content read as
/// text), names lowercased, basic entities decoded.
fn img_tags(html: &str) -> Vec<Vec<(String, String)>> {
    let lower = html.to_ascii_lowercase();
    let b = lower.as_bytes();
    let ws = |c: u8| c.is_ascii_whitespace() || c == b'/';
    let mut out = Vec::new();
    let mut from = 0;
    // All split points are ASCII bytes, hence char boundaries.
    while let Some(p) = lower.get(from..).and_then(|s| s.find("<img")) {
        let mut i = from + p + 4;
        from = i;
        if !b.get(i).is_some_and(|&c| ws(c) || c == b'>') {
            continue;
        }
        let mut attrs = Vec::new();
        loop {
            while b.get(i).is_some_and(|&c| ws(c)) {
                i += 1;
            }
            match b.get(i) {
                None => break,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                _ => {}
            }
            let ns = i;
            while b.get(i).is_some_and(|&c| !ws(c) && c != b'=' && c != b'>') {
                i += 1;
            }
            if i == ns {
                i += 1; // a stray `=`
                continue;
            }
            let name = lower.get(ns..i).unwrap_or("").to_owned();
            while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                    i += 1;
                }
                let (vs, ve);
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        vs = i + 1;
                        i = vs;
                        while b.get(i).is_some_and(|&c| c != q) {
                            i += 1;
                        }
                        ve = i;
                        i += 1;
                    }
                    _ => {
                        vs = i;
                        while b.get(i).is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>') {
                            i += 1;
                        }
                        ve = i;
                    }
                }
                value = html.get(vs..ve.min(html.len())).unwrap_or("");
            }
            if attrs.len() < 32 {
                attrs.push((name, decode_entities(value)));
            }
        }
        from = i.max(from);
        out.push(attrs);
        if out.len() >= 16 {
            break;
        }
    }
    out
}

/// Decodes `&amp; &quot; &apos; &#39; &#x27; &lt; &gt;`.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(rest.get(..p).unwrap_or(""));
        let r = rest.get(p..).unwrap_or("");
        let (c, n) = [("&amp;", '&'), ("&quot;", '"'), ("&apos;", '\''), ("&#39;", '\''), ("&#x27;", '\''), ("&lt;", '<'), ("&gt;", '>')]
            .iter()
            .find(|(e, _)| r.starts_with(e))
            .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(c);
        rest = r.get(n..).unwrap_or("");
    }
    out.push_str(rest);
    out
}
