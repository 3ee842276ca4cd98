//! Pictures: `<img>` (lazy-load attributes and `<noscript>` fallbacks read),
//! `<figure>` and one-picture layout tables with their caption and credit.
//! Every picture is kept, repeats included (`crate::prepare` holds the one
//! duplicate rule); only a `<noscript>` copy right after a usable lazy `<img>`
//! is the same picture twice in the markup and is not read.

use super::noscript::img_tags;
use super::policy;
use super::source::{Kind, SourceNode};
use super::text::{blank, lines, words};
use super::walk::{At, Sanitizer};
use crate::caption::split_credit;
use crate::model::article::Image;
use crate::model::body::Node;
use crate::url;

/// Source nodes a figure or table may hold to be read as one picture.
const SCAN_BUDGET: usize = 500;
/// Longest non-caption text in a picture figure, and longest caption.
const MAX_FIGURE_TEXT: usize = 400;
const MAX_CAPTION: usize = 4000;
/// Source nodes read inside one `<noscript>`.
const NOSCRIPT_BUDGET: usize = 200;

/// A declared image dimension: digits (optionally `px`), 1..=20000.
pub(super) fn dimension(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = t.strip_suffix("px").unwrap_or(t).trim_end();
    let ok = !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| t.parse().ok()).flatten().filter(|v| (1..=20_000).contains(v))
}

/// What a `<figure>`/`<table>` holds, when it may be a picture.
struct FigureScan<N> {
    imgs: Vec<N>,
    noscripts: Vec<N>,
    has_caption: bool,
    caption: String,
    other: String,
    cells: usize,
    count: usize,
}

impl Sanitizer<'_> {
    /// An `<img>`-like element read through `get`: source (lazy attributes when
    /// `src` is a placeholder or unusable), srcset, alt, size. `None` when no
    /// usable source or a declared 1x1 size.
    pub fn read_image(&self, get: &dyn Fn(&str) -> Option<String>) -> Option<Image> {
        let usable =
            |v: Option<String>| v.filter(|s| !policy::placeholder(s)).and_then(|s| url::resolve_src(self.base, &s));
        let mut src = usable(get("src"));
        for a in policy::LAZY_SRC {
            if src.is_some() {
                break;
            }
            src = usable(get(a));
        }
        let srcset = policy::SRCSET.iter().find_map(|a| get(a).and_then(|s| url::resolve_srcset(self.base, &s)));
        let src = src.or_else(|| {
            let first = srcset.as_deref()?.split(|c: char| c.is_ascii_whitespace()).next()?;
            Some(first.strip_suffix(',').unwrap_or(first).to_owned())
        })?;
        let width = get("width").and_then(|s| dimension(&s));
        let height = get("height").and_then(|s| dimension(&s));
        if width.is_some_and(|w| w <= 1) && height.is_some_and(|h| h <= 1) {
            return None;
        }
        let alt = get("alt").map(|a| a.trim().to_owned()).unwrap_or_default();
        Some(Image { src, srcset, alt, width, height, caption: None, credit: None })
    }

    /// `<img>`: a figure. True when it had a usable source.
    pub fn image_element<N: SourceNode>(&mut self, n: &N, out: &mut Vec<Node>) -> bool {
        let Some(img) = self.read_image(&|a| n.attr(a)) else { return false };
        out.push(Node::Figure(img));
        true
    }

    /// `<noscript>` not right after a usable `<img>`: its pictures.
    pub fn noscript<N: SourceNode>(&mut self, n: &N, out: &mut Vec<Node>) {
        for img in self.noscript_images(n) {
            out.push(Node::Figure(img));
        }
    }

    /// Pictures inside a `<noscript>`: `<img>` elements (scripting disabled, as
    /// in a `DOMParser` document) or `<img ...>` markup in its text.
    fn noscript_images<N: SourceNode>(&mut self, n: &N) -> Vec<Image> {
        let mut out = Vec::new();
        let mut stack = n.children();
        stack.reverse();
        let mut budget = NOSCRIPT_BUDGET;
        while let Some(k) = stack.pop() {
            budget -= 1;
            if budget == 0 || !self.tick(1) {
                break;
            }
            match k.kind() {
                Kind::Element if k.tag() == "img" => out.extend(self.read_image(&|a| k.attr(a))),
                Kind::Element => stack.extend(k.children().into_iter().rev()),
                Kind::Text => {
                    for attrs in img_tags(&k.text()) {
                        let get = |a: &str| attrs.iter().find(|(n, _)| n == a).map(|(_, v)| v.clone());
                        out.extend(self.read_image(&get));
                    }
                }
                Kind::Other => {}
            }
        }
        out
    }

    /// `<figure>`, or a `<table>` when `table`: one [`Node::Figure`] per picture
    /// (caption on the last) when it reads as a picture, else converted normally.
    pub fn figure<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>, table: bool) {
        if let Some(scan) = scan_figure(n, table) {
            let mut imgs: Vec<Image> = scan.imgs.iter().filter_map(|k| self.read_image(&|a| k.attr(a))).collect();
            if imgs.is_empty() {
                for k in &scan.noscripts {
                    let found = self.noscript_images(k);
                    imgs.extend(found);
                }
            }
            let picture = if table { imgs.len() == 1 && scan.cells <= 4 } else { !imgs.is_empty() };
            if picture {
                self.tick(scan.count);
                let (caption, credit) = self.figure_caption(&scan);
                if !table && imgs.len() > 1 {
                    return super::gallery::figure_gallery(imgs, caption, credit, out);
                }
                if let Some(last) = imgs.last_mut() {
                    (last.caption, last.credit) = (caption, credit);
                }
                out.extend(imgs.into_iter().map(Node::Figure));
                return;
            }
        }
        if table {
            self.table(n, at, out);
        } else {
            self.figure_block(n, at, out);
        }
    }

    /// The figure's caption and credit.
    fn figure_caption<N>(&mut self, scan: &FigureScan<N>) -> (Option<String>, Option<String>) {
        let text = if scan.has_caption { &scan.caption } else { &scan.other };
        let (caption, mut credit) = split_credit(&lines(text));
        if scan.has_caption && credit.is_none() {
            // A credit beside the figcaption (`<span class="credit">Ảnh: MT</span>`).
            if let (None, c) = split_credit(&lines(&scan.other)) {
                credit = c;
            }
        }
        let caption = self.budget_text(caption.map(|c| words(&c)));
        (caption, self.budget_text(credit))
    }
}

/// Walks a figure (or table) iteratively. `None` when it is too big, holds
/// too much text, or holds another figure or table.
fn scan_figure<N: SourceNode>(root: &N, table: bool) -> Option<FigureScan<N>> {
    let mut scan = FigureScan {
        imgs: Vec::new(),
        noscripts: Vec::new(),
        has_caption: false,
        caption: String::new(),
        other: String::new(),
        cells: 0,
        count: 0,
    };
    let mut stack: Vec<(N, bool)> = root.children().into_iter().rev().map(|k| (k, false)).collect();
    while let Some((k, in_caption)) = stack.pop() {
        scan.count += 1;
        if scan.count > SCAN_BUDGET {
            return None;
        }
        let dst = if in_caption { &mut scan.caption } else { &mut scan.other };
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
                    "img" => scan.imgs.push(k),
                    "noscript" => scan.noscripts.push(k),
                    "figure" | "table" => return None,
                    t if policy::dropped(t) => {}
                    t => {
                        if policy::breaks_text(t) {
                            dst.push('\n');
                        }
                        scan.cells += usize::from(matches!(t, "td" | "th"));
                        let caption = in_caption || (!table && t == "figcaption");
                        scan.has_caption |= caption;
                        stack.extend(k.children().into_iter().rev().map(|c| (c, caption)));
                    }
                }
            }
        }
        if scan.other.trim().len() > MAX_FIGURE_TEXT || scan.caption.len() > MAX_CAPTION {
            return None;
        }
    }
    Some(scan)
}
