//! BCP 47 language tags: the checked form, the primary subtag, the direction.

/// The primary language subtag of a tag, lowercased: `vi` for `VI-vn`, `en`
/// for `en_GB`; empty for an empty tag. The one copy for the whole crate.
pub fn primary_subtag(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase()
}

/// A checked BCP 47 tag: `vi`, `vi-VN`, `zh-Hant-TW` (`_` read as `-`); the
/// primary subtag lowercased. `None` when malformed.
pub fn lang_tag(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 35 {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split(['-', '_']).enumerate() {
        let ok = if i == 0 {
            (2..=3).contains(&part.len()) && part.bytes().all(|c| c.is_ascii_alphabetic())
        } else {
            (1..=8).contains(&part.len()) && part.bytes().all(|c| c.is_ascii_alphanumeric())
        };
        if !ok {
            return None;
        }
        if i == 0 {
            out.push_str(&part.to_ascii_lowercase());
        } else {
            out.push('-');
            out.push_str(part);
        }
    }
    Some(out)
}

/// True for right-to-left languages (Arabic, Hebrew, Persian, Urdu and a few more).
pub fn is_rtl(tag: &str) -> bool {
    let primary = primary_subtag(tag);
    ["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr"].contains(&primary.as_str())
}
