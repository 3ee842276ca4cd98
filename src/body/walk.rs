//! The walk over the source tree: one [`Sanitizer`] per body, bounded by
//! [`Limits`], dispatching each element to one method per [`Rule`].

use super::flow::{blocks, finish, phrasing, sentinel, wrap_block};
use super::policy::{self, element_rule, Context, Furniture, Rule};
use super::source::{Kind, Limits, Sanitized, SourceNode};
use super::text::blank;
use crate::model::body::{Attr, Node, Tag};
use crate::url;
use std::mem::take;

/// Attributes of a node being built.
pub(super) type Attrs = Vec<(Attr, String)>;

/// Where a source node is being read: nesting depth and table context.
#[derive(Debug, Clone, Copy)]
pub(super) struct At {
    pub depth: usize,
    pub ctx: Context,
}

impl At {
    fn child(self) -> At {
        At { depth: self.depth + 1, ..self }
    }
    pub(super) fn flow(self) -> At {
        At { ctx: Context::Flow, ..self }
    }
    fn with(self, ctx: Context) -> At {
        At { ctx, ..self }
    }
}

/// State of one sanitizing run.
pub(super) struct Sanitizer<'a> {
    pub base: Option<&'a str>,
    limits: &'a Limits,
    nodes_seen: usize,
    text_bytes: usize,
    stopped: bool,
    truncated: bool,
    pub in_link: bool,
}

/// Sanitizes the children of `root` (the `<body>`) with the default [`Limits`].
/// `base` (absolute http(s) article URL) resolves relative links and sources.
pub fn sanitize<N: SourceNode>(root: &N, base: Option<&str>) -> Sanitized {
    sanitize_with(root, base, &Limits::default())
}

/// [`sanitize`] with explicit limits.
pub fn sanitize_with<N: SourceNode>(root: &N, base: Option<&str>, limits: &Limits) -> Sanitized {
    let mut run = Incremental::new(base, limits);
    for child in root.children() {
        if !run.push(&child) {
            break;
        }
    }
    run.finish()
}

/// A sanitizing run fed one top-level child of the `<body>` at a time, so a
/// caller can give the browser its main thread back between children (long
/// bodies); the result is the same as [`sanitize_with`] over the same children.
pub struct Incremental<'a> {
    sanitizer: Sanitizer<'a>,
    flow: Vec<Node>,
    after_img: bool,
}

impl<'a> Incremental<'a> {
    pub fn new(base: Option<&'a str>, limits: &'a Limits) -> Self {
        let sanitizer =
            Sanitizer { base, limits, nodes_seen: 0, text_bytes: 0, stopped: false, truncated: false, in_link: false };
        Incremental { sanitizer, flow: Vec::new(), after_img: false }
    }

    /// Sanitizes the next top-level child; false once a limit stopped the run.
    pub fn push<N: SourceNode>(&mut self, child: &N) -> bool {
        if self.sanitizer.stopped {
            return false;
        }
        let at = At { depth: 1, ctx: Context::Flow };
        self.sanitizer.node(child, at, &mut self.flow, &mut self.after_img);
        !self.sanitizer.stopped
    }

    /// The sanitized body.
    pub fn finish(self) -> Sanitized {
        let mut nodes = blocks(self.flow);
        super::notes::resolve_notes(&mut nodes);
        Sanitized { nodes, truncated: self.sanitizer.truncated }
    }
}

impl Sanitizer<'_> {
    /// Counts `n` source nodes; false once over the limit.
    pub fn tick(&mut self, n: usize) -> bool {
        self.nodes_seen = self.nodes_seen.saturating_add(n);
        if self.nodes_seen > self.limits.max_nodes {
            self.stopped = true;
            self.truncated = true;
        }
        !self.stopped
    }

    /// Appends `t` to `dst` within the text budget.
    pub fn append(&mut self, dst: &mut String, t: &str) {
        if self.stopped {
            return;
        }
        let room = self.limits.max_text_bytes.saturating_sub(self.text_bytes);
        let mut cut = t.len().min(room);
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        dst.push_str(t.get(..cut).unwrap_or(""));
        self.text_bytes += cut;
        if cut < t.len() {
            self.stopped = true;
            self.truncated = true;
        }
    }

    /// Adds text to `out`, merged with a text node before it.
    pub fn push_text(&mut self, out: &mut Vec<Node>, t: &str) {
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

    /// Text within the budget, `None` when nothing is left.
    pub fn budget_text(&mut self, t: Option<String>) -> Option<String> {
        let mut s = String::new();
        self.append(&mut s, &t?);
        Some(s).filter(|s| !s.is_empty())
    }

    pub fn children<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let mut after_img = false;
        for k in n.children() {
            if self.stopped {
                break;
            }
            self.node(&k, at.child(), out, &mut after_img);
        }
    }

    /// Children between block boundaries (a block wrapper's content).
    pub fn block_children<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        out.push(sentinel());
        self.children(n, at, out);
        out.push(sentinel());
    }

    /// One source node. `after_img`: the previous significant sibling was a
    /// usable `<img>` (a `<noscript>` right after it is its duplicate).
    pub fn node<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>, after_img: &mut bool) {
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
                if at.depth > self.limits.max_depth {
                    self.flatten(n, &tag, out);
                } else {
                    *after_img = self.element(n, &tag, at, out, was_img);
                }
            }
        }
    }

    /// One element, by its [`Rule`]. Returns true for a usable `<img>`.
    fn element<N: SourceNode>(&mut self, n: &N, tag: &str, at: At, out: &mut Vec<Node>, was_img: bool) -> bool {
        if let Some(f) = policy::furniture(tag, || if n.has_attrs() { n.attr("class") } else { None }) {
            match f {
                Furniture::EmbedBlock => self.embed_block(n, at, out),
                Furniture::Gallery => self.gallery(n, at, out),
                Furniture::Post(network) => self.social_post(n, network, at, out),
            }
            return false;
        }
        match element_rule(tag, at.ctx) {
            Rule::Image => return self.image_element(n, out),
            Rule::Noscript if !was_img => self.noscript(n, out),
            Rule::Noscript | Rule::Drop => {}
            Rule::Math => self.math(n, at, out),
            Rule::MathLayout => self.math_layout(n, tag, at, out),
            Rule::Void(t) => out.push(Node::el(t, Vec::new())),
            Rule::Figure => self.figure(n, at, out, false),
            Rule::Media => self.media(n, tag, out),
            Rule::Frame => self.iframe(n, out),
            Rule::Table => self.figure(n, at, out, true),
            Rule::Link => self.link(n, at, out),
            Rule::Carrier => self.carrier(n, at, out),
            Rule::Keep(t) => self.kept(n, t, at, out),
            Rule::Block => self.block_children(n, at, out),
            Rule::Unwrap => self.children(n, at, out),
        }
        false
    }

    /// An element kept as `tag`, with its checked attributes.
    fn kept<N: SourceNode>(&mut self, n: &N, tag: Tag, at: At, out: &mut Vec<Node>) {
        let mut attrs = global_attrs(n);
        attrs.extend(id_attr(n));
        if n.has_attrs() {
            for (t, name, attr, check) in policy::ATTRIBUTES {
                if t == tag {
                    if let Some(v) = n.attr(name).and_then(|v| policy::check(check, &v)) {
                        attrs.push((attr, v));
                    }
                }
            }
        }
        let child_ctx = match tag {
            Tag::Table => Context::Table,
            Tag::Thead | Tag::Tbody | Tag::Tfoot => Context::TableSection,
            Tag::Tr => Context::Row,
            _ => Context::Flow,
        };
        let mut flow = Vec::new();
        self.children(n, at.with(child_ctx), &mut flow);
        finish(tag, attrs, flow, out);
    }

    /// `span`, `font`, `bdo`, `bdi`: kept only to carry `lang`/`dir`.
    fn carrier<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let attrs = global_attrs(n);
        if attrs.is_empty() {
            return self.children(n, at, out);
        }
        let mut flow = Vec::new();
        self.children(n, at.flow(), &mut flow);
        finish(Tag::Span, attrs, flow, out);
    }

    /// `<a>` with a usable `href`; otherwise (and inside another link) unwrapped.
    fn link<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let get = |a: &str| if n.has_attrs() { n.attr(a) } else { None };
        let raw = get("href");
        let fragment = raw.as_deref().and_then(|h| h.trim_start_matches(|c: char| c <= ' ').strip_prefix('#'));
        if let Some(f) = fragment {
            // In-page anchors (`#fn1`): kept when the body has the target (`notes`).
            return self.note_link(n, f.trim().to_owned(), at, out);
        }
        let href = raw.and_then(|h| url::resolve(self.base, &h));
        let Some(href) = href.filter(|_| !self.in_link) else {
            return self.children(n, at.flow(), out);
        };
        let external = url::is_external(&href, self.base);
        let mut attrs = global_attrs(n);
        attrs.push((Attr::Href, href));
        if let Some(t) = get("title").and_then(|t| policy::check(policy::Check::Title, &t)) {
            attrs.push((Attr::Title, t));
        }
        if external {
            attrs.push((Attr::Rel, "noopener noreferrer".to_owned()));
            attrs.push((Attr::Target, "_blank".to_owned()));
        }
        self.in_link = true;
        let mut flow = Vec::new();
        self.children(n, at.flow(), &mut flow);
        self.in_link = false;
        phrasing(Tag::A, attrs, flow, out);
    }

    /// `<math>`: its text, display math as a block of its own.
    fn math<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let block = n.attr("display").is_some_and(|d| d.trim().eq_ignore_ascii_case("block"));
        if block {
            self.block_children(n, at, out);
        } else {
            self.children(n, at, out);
        }
    }

    /// Text of an over-deep subtree, iteratively, without dropped elements.
    fn flatten<N: SourceNode>(&mut self, n: &N, tag: &str, out: &mut Vec<Node>) {
        if policy::dropped(tag) || tag == "noscript" {
            return;
        }
        let mut s = String::new();
        // `None` marks the end of a block element.
        let mut stack: Vec<Option<N>> = n.children().into_iter().rev().map(Some).collect();
        while let Some(k) = stack.pop() {
            let Some(k) = k else {
                word_break(&mut s);
                continue;
            };
            if self.stopped || !self.tick(1) {
                break;
            }
            match k.kind() {
                Kind::Text => self.append(&mut s, &k.text()),
                Kind::Other => {}
                Kind::Element => {
                    let t = k.tag();
                    if policy::dropped(&t) || t == "noscript" {
                        continue;
                    }
                    if policy::breaks_text(&t) {
                        word_break(&mut s);
                        stack.push(None);
                    }
                    stack.extend(k.children().into_iter().rev().map(Some));
                }
            }
        }
        let mut text = Vec::new();
        self.push_text(&mut text, &s);
        wrap_block(policy::breaks_text(tag), text, out);
    }
}

/// A space unless `s` is empty or already ends in whitespace.
fn word_break(s: &mut String) {
    if !s.is_empty() && !s.ends_with(char::is_whitespace) {
        s.push(' ');
    }
}

/// `id`, checked and prefixed (dropped later unless a note link leads to it).
pub(super) fn id_attr<N: SourceNode>(n: &N) -> Option<(Attr, String)> {
    let v = if n.has_attrs() { n.attr("id")? } else { return None };
    Some((Attr::Id, policy::check(policy::Check::Id, &v)?))
}

/// `lang` and `dir` when valid.
pub(super) fn global_attrs<N: SourceNode>(n: &N) -> Attrs {
    let mut attrs = Vec::new();
    if n.has_attrs() {
        for (name, attr, check) in policy::GLOBAL_ATTRIBUTES {
            if let Some(v) = n.attr(name).and_then(|v| policy::check(check, &v)) {
                attrs.push((attr, v));
            }
        }
    }
    attrs
}
