//! Test tree for the body policy: a flat arena implementing `SourceNode`, a
//! tiny strict HTML-ish reader to build it (no implicit closing, no error
//! recovery: what you write is the tree you get, like a DOM would hand it over),
//! and a compact serializer of the sanitized output.
#![allow(dead_code)]

use article_reader::body::{Kind, SourceNode};
use article_reader::model::article::Image;
use article_reader::model::body::Node;
use article_reader::model::embed::Embed;

pub enum D {
    El(String, Vec<(String, String)>, Vec<usize>),
    Text(String),
    Comment,
}

/// Arena tree; node 0 is `<body>`. Flat, so dropping a 10,000-deep tree is not recursive.
pub struct Tree {
    pub d: Vec<D>,
}

#[derive(Clone, Copy)]
pub struct H<'a> {
    pub t: &'a Tree,
    pub i: usize,
}

impl SourceNode for H<'_> {
    fn kind(&self) -> Kind {
        match &self.t.d[self.i] {
            D::El(..) => Kind::Element,
            D::Text(_) => Kind::Text,
            D::Comment => Kind::Other,
        }
    }
    fn tag(&self) -> String {
        match &self.t.d[self.i] {
            D::El(t, ..) => t.clone(),
            _ => String::new(),
        }
    }
    fn attr(&self, name: &str) -> Option<String> {
        match &self.t.d[self.i] {
            D::El(_, a, _) => a.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
            _ => None,
        }
    }
    fn has_attrs(&self) -> bool {
        matches!(&self.t.d[self.i], D::El(_, a, _) if !a.is_empty())
    }
    fn text(&self) -> String {
        match &self.t.d[self.i] {
            D::Text(t) => t.clone(),
            _ => String::new(),
        }
    }
    fn children(&self) -> Vec<Self> {
        match &self.t.d[self.i] {
            D::El(_, _, k) => k.iter().map(|&i| H { t: self.t, i }).collect(),
            _ => Vec::new(),
        }
    }
}

impl Tree {
    pub fn new() -> Tree {
        Tree { d: vec![D::El("body".into(), Vec::new(), Vec::new())] }
    }
    pub fn root(&self) -> H<'_> {
        H { t: self, i: 0 }
    }
    /// Adds a node under `parent`, returns its index.
    pub fn add(&mut self, parent: usize, node: D) -> usize {
        let i = self.d.len();
        self.d.push(node);
        if let D::El(_, _, k) = &mut self.d[parent] {
            k.push(i);
        }
        i
    }
    pub fn el(&mut self, parent: usize, tag: &str, attrs: &[(&str, &str)]) -> usize {
        let a = attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        self.add(parent, D::El(tag.into(), a, Vec::new()))
    }
    pub fn text(&mut self, parent: usize, t: &str) -> usize {
        self.add(parent, D::Text(t.into()))
    }
}

const VOID: &[&str] =
    &["img", "br", "hr", "meta", "link", "input", "source", "col", "wbr", "area", "base", "embed", "param", "track"];
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// Reads strict HTML-ish markup into a tree under `<body>`.
pub fn parse(html: &str) -> Tree {
    let mut t = Tree::new();
    let mut stack = vec![0usize];
    let s = html;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let top = *stack.last().unwrap();
        if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").map_or(s.len(), |e| i + 4 + e + 3);
            t.add(top, D::Comment);
            i = end;
        } else if let Some(r) = rest.strip_prefix("</") {
            let e = r.find('>').unwrap_or(r.len());
            let name = r[..e].trim().to_ascii_lowercase();
            if let Some(pos) = stack.iter().rposition(|&n| matches!(&t.d[n], D::El(tn, ..) if *tn == name)) {
                if pos > 0 {
                    stack.truncate(pos);
                }
            }
            i += 2 + e + 1;
        } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (name, attrs, self_close, len) = tag(rest);
            let n = t.add(top, D::El(name.clone(), attrs, Vec::new()));
            i += len;
            if RAW.contains(&name.as_str()) {
                let close = ["</", &name].concat();
                let e = s[i..].to_ascii_lowercase().find(&close).map_or(s.len(), |e| i + e);
                if e > i {
                    t.add(n, D::Text(s[i..e].to_string()));
                }
                i = e;
            } else if !self_close && !VOID.contains(&name.as_str()) {
                stack.push(n);
            }
        } else {
            let e = rest.char_indices().skip(1).find(|&(_, c)| c == '<').map_or(rest.len(), |(e, _)| e);
            t.add(top, D::Text(decode(&rest[..e])));
            i += e;
        }
    }
    t
}

/// Parses one start tag at the start of `s`: (name, attrs, self-closing, bytes).
fn tag(s: &str) -> (String, Vec<(String, String)>, bool, usize) {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = s[1..i].to_ascii_lowercase();
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut self_close = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_close = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        self_close = false;
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
            i += 1;
        }
        let an = s[ns..i].to_ascii_lowercase();
        let mut v = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                i = vs;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                v = decode(&s[vs..i]);
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                v = decode(&s[vs..i]);
            }
        }
        if !attrs.iter().any(|(k, _)| *k == an) {
            attrs.push((an, v));
        }
    }
    (name, attrs, self_close, i.min(s.len()))
}

/// Decodes the entities the tests use, as the browser parser would.
pub fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let r = &rest[p..];
        let end = r.find(';').filter(|&e| e < 12);
        let ent = end.map(|e| &r[1..e]);
        let c = match ent {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("apos") => Some('\''),
            Some("nbsp") => Some('\u{a0}'),
            Some("colon") => Some(':'),
            Some("Tab") => Some('\t'),
            Some("NewLine") => Some('\n'),
            Some(e) if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &r[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &r[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Compact serialization of sanitized nodes; figures as `[img …]`.
pub fn ser(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        ser_node(n, &mut s);
    }
    s
}

fn ser_node(n: &Node, s: &mut String) {
    match n {
        Node::Text(t) => s.push_str(t),
        Node::El(e) => {
            s.push('<');
            s.push_str(e.tag.name());
            for (a, v) in &e.attrs {
                s.push_str(&format!(" {}=\"{}\"", a.name(), v));
            }
            s.push('>');
            for c in &e.children {
                ser_node(c, s);
            }
            if !e.tag.is_void() {
                s.push_str(&format!("</{}>", e.tag.name()));
            }
        }
        Node::Figure(i) => ser_image(i, s),
        Node::Embed(e) => ser_embed(e, s),
    }
}

fn opt(s: &mut String, name: &str, v: &Option<String>) {
    if let Some(v) = v {
        s.push_str(&format!(" {name}={v:?}"));
    }
}

fn ser_embed(e: &Embed, s: &mut String) {
    match e {
        Embed::Media(m) => {
            s.push_str(if m.audio { "[audio" } else { "[video" });
            for src in &m.sources {
                s.push_str(&format!(" {}", src.src));
                if let Some(t) = &src.mime {
                    s.push_str(&format!(" ({t})"));
                }
            }
            opt(s, "cap", &m.caption);
            s.push(']');
        }
        Embed::Video(v) => {
            s.push_str(&format!("[facade {} {} page={}", v.provider.name(), v.player, v.page));
            opt(s, "poster", &v.poster);
            opt(s, "title", &v.title);
            opt(s, "cap", &v.caption);
            s.push(']');
        }
        Embed::Frame(f) => {
            s.push_str(&format!("[frame {} host={}", f.url, f.host));
            opt(s, "title", &f.title);
            s.push(']');
        }
        Embed::Post(p) => {
            s.push_str(&format!("[post {}", p.network.name()));
            opt(s, "url", &p.url);
            s.push(']');
            for n in &p.body {
                ser_node(n, s);
            }
            s.push_str("[/post]");
        }
        Embed::NoteLink(l) => {
            s.push_str(&format!("[note #{}", l.target));
            opt(s, "id", &l.id);
            s.push(']');
            for n in &l.label {
                ser_node(n, s);
            }
            s.push_str("[/note]");
        }
        Embed::Gallery(g) => {
            s.push_str("[gallery");
            opt(s, "cap", &g.caption);
            s.push(']');
            for i in &g.images {
                ser_image(i, s);
            }
            s.push_str("[/gallery]");
        }
    }
}

fn ser_image(i: &Image, s: &mut String) {
    s.push_str("[img ");
    s.push_str(&i.src);
    if let Some(v) = &i.srcset {
        s.push_str(&format!(" srcset={v:?}"));
    }
    if !i.alt.is_empty() {
        s.push_str(&format!(" alt={:?}", i.alt));
    }
    if let Some(v) = i.width {
        s.push_str(&format!(" w={v}"));
    }
    if let Some(v) = i.height {
        s.push_str(&format!(" h={v}"));
    }
    opt(s, "cap", &i.caption);
    opt(s, "credit", &i.credit);
    s.push(']');
}
