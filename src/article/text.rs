//! Plain-text helpers: tag stripping, whitespace collapsing, visible text.
//! Entity decoding lives in [`super::entities`] (re-exported here).
//!
//! All functions are total and only ever slice strings at ASCII bytes, which are
//! always UTF-8 character boundaries, or at boundaries `char_indices` gave.

pub use super::entities::{decode_attribute, decode_entities};

/// `s.to_lowercase()`. In the browser the non-ASCII case goes to
/// `String.prototype.toLowerCase` (the same Unicode default case conversion,
/// final sigma included), so the wasm carries no Unicode case tables (about
/// 24 KB of code and data).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(s).to_lower_case());
    #[cfg(not(target_arch = "wasm32"))]
    s.to_lowercase()
}

/// Collapses every run of whitespace to one space and trims the ends. A lone
/// no-break space between words is kept; control characters are dropped.
pub fn collapse_ws(s: &str) -> String {
    // Runs of kept characters are copied as slices (one push per word, not per char).
    let mut out = String::with_capacity(s.len());
    let mut run = 0usize; // whitespace characters since the last kept one
    let mut lone = ' ';
    let mut kept = None::<usize>; // start of the run of kept characters being read
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() && !c.is_control() {
            if kept.is_none() {
                if run > 0 && !out.is_empty() {
                    out.push(if run == 1 && lone == '\u{A0}' { lone } else { ' ' });
                }
                run = 0;
                kept = Some(i);
            }
            continue;
        }
        if let Some(start) = kept.take() {
            out.push_str(s.get(start..i).unwrap_or_default());
        }
        if c.is_whitespace() {
            run += 1;
            lone = c;
        }
    }
    if let Some(start) = kept {
        out.push_str(s.get(start..).unwrap_or_default());
    }
    out
}

/// [`collapse_ws`], `None` when nothing is left.
pub fn clean(s: &str) -> Option<String> {
    Some(collapse_ws(s)).filter(|s| !s.is_empty())
}

/// Plain text of an HTML fragment (WordPress `title.rendered`, `excerpt.rendered`,
/// a caption): tags and comments removed (`script`/`style` with their content),
/// block boundaries read as spaces, entities decoded, whitespace collapsed.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let b = after.as_bytes();
        match b.first() {
            Some(b'!') if after.starts_with("!--") => {
                rest = after.find("-->").and_then(|e| after.get(e + 3..)).unwrap_or("");
            }
            Some(c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?') => {
                let closing = *c == b'/';
                let name_start = usize::from(closing);
                let name_len = b.iter().skip(name_start).take_while(|c| c.is_ascii_alphanumeric()).count();
                let name = after.get(name_start..name_start + name_len).unwrap_or("");
                let end = tag_end(b);
                rest = end.and_then(|e| after.get(e + 1..)).unwrap_or("");
                if !INLINE.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                    out.push(' ');
                }
                if !closing && RAW.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                    rest = skip_raw(rest, name);
                }
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    collapse_ws(&decode_entities(&out))
}

/// Tags whose boundaries do not separate words.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// Elements whose content is not text to show.
const RAW: &[&str] = &["script", "style", "template", "noscript", "textarea", "title"];

/// Index of the `>` closing a tag that starts at `b` (quotes respected).
fn tag_end(b: &[u8]) -> Option<usize> {
    let mut quote = 0u8;
    for (i, &c) in b.iter().enumerate() {
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return Some(i);
        }
    }
    None
}

/// Skips raw text up to and including `</name ...>`.
fn skip_raw<'a>(s: &'a str, name: &str) -> &'a str {
    let b = s.as_bytes();
    let n = name.as_bytes();
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|t| t.iter().position(|&c| c == b'<')) {
        let at = i + p;
        let hit =
            b.get(at + 1) == Some(&b'/') && b.get(at + 2..at + 2 + n.len()).is_some_and(|t| t.eq_ignore_ascii_case(n));
        if hit {
            let tail = b.get(at..).unwrap_or(&[]);
            return tag_end(tail).and_then(|e| s.get(at + e + 1..)).unwrap_or("");
        }
        i = at + 1;
    }
    ""
}

/// True when `s` contains something that looks like a tag (`<p>`, `</div>`, `<br/>`).
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    let last_gt = match b.iter().rposition(|&c| c == b'>') {
        Some(i) => i,
        None => return false,
    };
    b.iter()
        .take(last_gt)
        .enumerate()
        .any(|(i, &c)| c == b'<' && b.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!'))
}

/// Splits plain text into paragraphs: on blank lines when there are any (lines
/// inside a paragraph are joined), else on every line break.
pub fn paragraphs(s: &str) -> Vec<String> {
    let has_blank = s.trim().lines().any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(line);
        if !has_blank {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    if let Some(p) = clean(cur) {
        out.push(p);
    }
    cur.clear();
}

/// Appends `s` to `out` with `& < > " '` escaped.
pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// True when a lede and a body paragraph's visible text say the same thing:
/// equal once every whitespace character (no-break and zero-width spaces
/// included) is removed, so `a<br>b` read as "ab" or "a b" still matches. The
/// lede of every format is normalized like body text ([`strip_tags`] or
/// [`collapse_ws`]: tags stripped, entities decoded, whitespace collapsed);
/// `crate::prepare` drops a first paragraph that repeats the lede.
pub fn repeats(lede: &str, paragraph: &str) -> bool {
    let mut a = solid(lede).peekable();
    a.peek().is_some() && a.eq(solid(paragraph))
}

/// The characters of `s` that are not whitespace.
fn solid(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
}
