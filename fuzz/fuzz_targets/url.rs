//! URL resolution (src/url.rs): input is `base \n href` (no newline: no base).
//! Checks the safety property the sanitizer relies on: a kept URL is http(s),
//! mailto (links only) or relative, never another scheme.
#![no_main]

use article_reader::url;
use libfuzzer_sys::fuzz_target;

mod common;
use common::{safe_url, srcset_urls};

fn check(u: &str, mailto_ok: bool) {
    assert!(safe_url(u, mailto_ok), "unsafe URL kept: {u:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (base, href) = match text.split_once('\n') {
        Some((b, h)) => (Some(b), h),
        None => (None, text),
    };
    if let Some(u) = url::resolve(base, href) {
        check(&u, true);
        assert!(!u.contains([' ', '\x0c']), "whitespace kept: {u:?}");
    }
    if let Some(u) = url::resolve_src(base, href) {
        check(&u, false);
    }
    if let Some(s) = url::resolve_srcset(base, href) {
        // As the browser reads the attribute: candidates split at ASCII
        // whitespace (tests/native_regressions.rs
        // `srcset_candidate_with_space_in_base_stays_one_candidate`).
        for u in srcset_urls(&s) {
            check(u, false);
        }
    }
    if let Some(h) = url::host(href) {
        assert!(href.contains(h), "host {h:?} not in {href:?}");
    }
    let _ = url::is_external(href, base);
});
