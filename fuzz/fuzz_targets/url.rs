//! URL resolution (src/url.rs): input is `base \n href` (no newline: no base).
//! Checks the safety property the sanitizer relies on: a kept URL is http(s),
//! mailto (links only) or relative, never another scheme.
#![no_main]

use article_reader::url;
use libfuzzer_sys::fuzz_target;

/// The scheme of `u` as the URL standard reads it, lowercased.
fn scheme(u: &str) -> Option<String> {
    let (s, _) = u.split_once(':')?;
    let mut chars = s.chars();
    let ok = chars.next()?.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    ok.then(|| s.to_ascii_lowercase())
}

fn check(u: &str, mailto_ok: bool) {
    assert!(!u.is_empty(), "empty URL kept");
    assert!(!u.contains(['\t', '\n', '\r']), "tab/newline kept: {u:?}");
    match scheme(u).as_deref() {
        None | Some("http") | Some("https") => {}
        Some("mailto") if mailto_ok => {}
        Some(other) => panic!("scheme {other:?} kept: {u:?}"),
    }
}

/// The candidate URLs of a `srcset`, as the HTML parser reads them: leading
/// whitespace and commas skipped, a URL runs to whitespace, its trailing commas
/// are dropped, descriptors run to the next comma.
fn srcset_urls(s: &str) -> Vec<&str> {
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
        rest = if trimmed.len() < url.len() {
            after
        } else {
            after.find(',').map_or("", |i| &after[i + 1..])
        };
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (base, href) = match text.split_once('\n') {
        Some((b, h)) => (Some(b), h),
        None => (None, text),
    };
    if let Some(u) = url::resolve(base, href) {
        check(&u, true);
    }
    if let Some(u) = url::resolve_src(base, href) {
        check(&u, false);
    }
    if let Some(s) = url::resolve_srcset(base, href) {
        // As the browser reads the attribute: candidates split at ASCII
        // whitespace. A base with whitespace in its path is skipped: `resolve`
        // keeps it, so a candidate can split in two (known, see
        // tests/native_regressions.rs `srcset_candidate_with_space_in_base`).
        if !base.is_some_and(|b| b.contains([' ', '\x0c'])) {
            for u in srcset_urls(&s) {
                check(u, false);
            }
        }
    }
    if let Some(h) = url::host(href) {
        assert!(href.contains(h), "host {h:?} not in {href:?}");
    }
    let _ = url::is_external(href, base);
});
