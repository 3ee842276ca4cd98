//! Checks shared by the fuzz targets.
#![allow(dead_code)]

/// A URL the view may put in an attribute: http(s), mailto (links only) or
/// relative (no scheme as the URL standard reads one: an ASCII letter, then
/// letters, digits, `+-.`, then `:`), not empty, no tab, LF or CR (`url.rs`
/// removes them; other controls inside are kept and the browser percent-encodes them).
pub fn safe_url(u: &str, mailto_ok: bool) -> bool {
    let scheme = u.split_once(':').map(|(s, _)| s).filter(|s| {
        let mut c = s.chars();
        c.next().is_some_and(|f| f.is_ascii_alphabetic()) && c.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let scheme_ok = match scheme.map(str::to_ascii_lowercase).as_deref() {
        None | Some("http") | Some("https") => true,
        Some("mailto") => mailto_ok,
        Some(_) => false,
    };
    scheme_ok && !u.is_empty() && !u.contains(['\t', '\n', '\r'])
}

/// The candidate URLs of a `srcset`, as the HTML parser reads them: leading
/// whitespace and commas skipped, a URL runs to whitespace, its trailing commas
/// are dropped, descriptors run to the next comma.
pub fn srcset_urls(s: &str) -> Vec<&str> {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| ws(c) || c == ',');
        if rest.is_empty() {
            return out;
        }
        let end = rest.find(ws).unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        let trimmed = url.trim_end_matches(',');
        if !trimmed.is_empty() {
            out.push(trimmed);
        }
        rest = if trimmed.len() < url.len() { after } else { after.find(',').map_or("", |i| &after[i + 1..]) };
    }
}
