//! `<img ...>` markup inside a `<noscript>` read as text (some parsers hand
//! noscript content over as one text node): a small tag scanner.

use crate::article::text::decode_attribute;

/// Most `<img>` tags read from one text, and attributes kept per tag.
const MAX_TAGS: usize = 16;
const MAX_ATTRS: usize = 32;

/// Attributes of every `<img ...>` tag in `html`, names lowercased, values
/// decoded as HTML attribute values.
pub(super) fn img_tags(html: &str) -> Vec<Vec<(String, String)>> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    // All split points are ASCII bytes, hence char boundaries.
    while let Some(p) = lower.get(from..).and_then(|s| s.find("<img")) {
        let start = from + p + 4;
        from = start;
        if !lower.as_bytes().get(start).is_some_and(|&c| separator(c) || c == b'>') {
            continue;
        }
        let mut scan = TagScan { html, lower: &lower, i: start };
        let mut attrs = Vec::new();
        while let Some(attr) = scan.next_attr() {
            if attrs.len() < MAX_ATTRS {
                attrs.push(attr);
            }
        }
        from = scan.i.max(from);
        out.push(attrs);
        if out.len() >= MAX_TAGS {
            break;
        }
    }
    out
}

/// Whitespace or `/` between attributes.
fn separator(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'/'
}

/// A position inside one start tag.
struct TagScan<'a> {
    html: &'a str,
    lower: &'a str,
    i: usize,
}

impl TagScan<'_> {
    fn at(&self) -> Option<u8> {
        self.lower.as_bytes().get(self.i).copied()
    }

    fn skip_while(&mut self, f: impl Fn(u8) -> bool) {
        while self.at().is_some_and(&f) {
            self.i += 1;
        }
    }

    /// The next `name[=value]`, `None` at the end of the tag.
    fn next_attr(&mut self) -> Option<(String, String)> {
        loop {
            self.skip_while(separator);
            match self.at() {
                None => return None,
                Some(b'>') => {
                    self.i += 1;
                    return None;
                }
                _ => {}
            }
            let name_start = self.i;
            self.skip_while(|c| !separator(c) && c != b'=' && c != b'>');
            if self.i == name_start {
                self.i += 1; // a stray `=`
                continue;
            }
            let name = self.lower.get(name_start..self.i).unwrap_or("").to_owned();
            self.skip_while(|c| c.is_ascii_whitespace());
            let value = if self.at() == Some(b'=') { self.value() } else { "" };
            return Some((name, decode_attribute(value)));
        }
    }

    /// The value after `=`: quoted, or up to whitespace or `>`.
    fn value(&mut self) -> &str {
        self.i += 1;
        self.skip_while(|c| c.is_ascii_whitespace());
        let (start, end);
        match self.at() {
            Some(q @ (b'"' | b'\'')) => {
                start = self.i + 1;
                self.i = start;
                self.skip_while(|c| c != q);
                end = self.i;
                self.i += 1;
            }
            _ => {
                start = self.i;
                self.skip_while(|c| !c.is_ascii_whitespace() && c != b'>');
                end = self.i;
            }
        }
        self.html.get(start..end.min(self.html.len())).unwrap_or("")
    }
}
