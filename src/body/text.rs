//! Text helpers of the sanitizer.

use crate::model::body::Node;

/// Only whitespace (including no-break and zero-width spaces).
pub fn blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
}

/// Whitespace runs collapsed to one space, ends trimmed.
pub use crate::article::text::collapse_ws as words;

/// Whitespace collapsed per line, empty lines dropped.
pub fn lines(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in s.lines() {
        let w = words(line);
        if !w.is_empty() {
            out.push(w);
        }
    }
    out.join("\n")
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
