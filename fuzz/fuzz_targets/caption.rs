//! Caption / credit splitting (src/caption.rs) on any text: never panics, both
//! parts trimmed and non-empty, the credit short, and no text invented.
#![no_main]

use article_reader::caption::split_credit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (caption, credit) = split_credit(text);
    for part in [&caption, &credit].into_iter().flatten() {
        assert!(!part.is_empty() && part.trim() == part, "untrimmed or empty part {part:?}");
    }
    if let Some(c) = &credit {
        assert!(c.chars().count() <= 80, "credit over 80 chars: {c:?}");
        assert!(c.split_whitespace().count() <= 10, "credit over 10 words: {c:?}");
    }
    if let Some(c) = &caption {
        assert!(text.contains(c.as_str()) || credit.is_some(), "caption {c:?} not taken from {text:?}");
    }
    if caption.is_none() && credit.is_none() {
        assert!(text.trim().is_empty(), "non-empty text {text:?} gave nothing");
    }
});
