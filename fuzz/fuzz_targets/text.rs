//! The text helpers every adapter runs on untrusted strings (src/article:
//! entities, text, datetime, lang) and the attribute parser (src/config.rs).
//! Checks: collapsed whitespace is trimmed and single; a parsed date prints as
//! ISO text that parses back to the same date; no option value panics.
#![no_main]

use article_reader::article::json::Json;
use article_reader::article::{datetime, lang, text};
use article_reader::config::{Config, OPTION_NAMES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let Ok(s) = std::str::from_utf8(rest) else { return };
    let _ = text::decode_entities(s);
    let _ = text::decode_attribute(s);
    let _ = text::strip_tags(s);
    let _ = text::paragraphs(s);
    let _ = text::looks_like_html(s);
    let _ = text::clean(s);
    let c = text::collapse_ws(s);
    assert_eq!(c.trim(), c, "collapse_ws left edge whitespace");
    assert!(!c.contains("  "), "collapse_ws left a double space: {c:?}");
    if let Some(d) = datetime::parse(s) {
        let iso = datetime::to_iso(&d);
        assert_eq!(datetime::parse(&iso), Some(d), "{s:?} -> {iso:?} does not parse back");
    }
    let _ = lang::lang_tag(s);
    let _ = lang::primary_subtag(s);
    let key = OPTION_NAMES[usize::from(sel) % OPTION_NAMES.len()];
    let mut cfg = Config::default();
    let _ = cfg.set(key, &Json::Str(s.to_owned()));
});
