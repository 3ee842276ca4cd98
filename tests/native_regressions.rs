//! Inputs the coverage-guided fuzzers (fuzz/, `make fuzz-deep`) found, one test
//! each, named by the behaviour they pin down. Reproduce a new finding with
//! `cd fuzz && cargo +nightly fuzz run -s none <target> artifacts/<target>/<file>`
//! and add it here with the function that failed.

use article_reader::url::{resolve, resolve_srcset};

/// The candidate URLs of a `srcset` as the HTML parser reads it (split at
/// ASCII whitespace, commas between candidates).
fn browser_candidates(srcset: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut expect_url = true;
    for word in srcset.split([' ', '\t', '\n', '\r', '\x0c']).filter(|w| !w.is_empty()) {
        if expect_url {
            let url = word.trim_start_matches(',').trim_end_matches(',');
            if !url.is_empty() {
                out.push(url.to_owned());
            }
            expect_url = word.ends_with(',');
        } else if word.ends_with(',') {
            expect_url = true;
        }
    }
    out
}

fn safe_image_url(u: &str) -> bool {
    match u.split_once(':') {
        Some((scheme, _)) if scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) => {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
        _ => true,
    }
}

/// fuzz target `url`, crash-c9b88f26: `resolve` keeps a space of the base's path
/// (`http://a.example/p 1x, javascript:alert(1)/` + `i.jpg`), so the one
/// candidate `resolve_srcset` returns reads as two in the browser, the second
/// with a `javascript:` URL. Harmless in an `<img>` (not fetched, not run), but
/// it broke "every srcset candidate is a checked http(s) URL". Fixed in
/// `src/url.rs` (1ed4f9f): resolved URLs percent-encode spaces and controls.
#[test]
fn srcset_candidate_with_space_in_base_stays_one_candidate() {
    let base = "http://a.example/p 1x, javascript:alert(1)/";
    let out = resolve_srcset(Some(base), "i.jpg 2x").expect("one candidate kept");
    let candidates = browser_candidates(&out);
    assert_eq!(candidates.len(), 1, "{out:?} reads as {candidates:?}");
    assert!(candidates.iter().all(|u| safe_image_url(u)), "{out:?} reads as {candidates:?}");
}

/// Same finding, through `resolve`: a resolved URL has no ASCII whitespace.
#[test]
fn resolved_url_has_no_space() {
    let out = resolve(Some("http://a.example/x y/"), "i.jpg").expect("kept");
    assert!(!out.contains(' '), "{out:?}");
}

/// fuzz target `url`, crash-d2d85884: a candidate made only of C0 controls and a
/// comma resolves to the relative URL `,`, which the browser's srcset parser
/// skips: the output never holds a candidate with another scheme.
#[test]
fn srcset_of_control_characters_yields_no_unsafe_candidate() {
    let input = "$h, \0\0\0\0\0\0\0,\0\0\0\0\0\0, \0\0\0e/19age-thumbLarge.jp/s: \0\0\0e/x.jp/s://d/";
    if let Some(out) = resolve_srcset(None, input) {
        for u in browser_candidates(&out) {
            assert!(safe_image_url(&u), "{out:?}: {u:?}");
        }
    }
}
