//! Estimated reading time. Pure Rust.
//!
//! Rates (silent reading, adults):
//! - Vietnamese is written one syllable per space-separated token. IReST
//!   (Trauzettel-Klosinski & Dietz 2012, 17 languages) measured 370 ± 80
//!   syllables/min reading *aloud*; Brysbaert (2019) puts English silent reading
//!   at 238 words/min, i.e. about 350-380 syllables/min. We use the conservative
//!   **350 syllables (tokens)/min** for Vietnamese.
//! - Other space-separated languages: **238 words/min** (Brysbaert 2019, non-fiction).
//! - Text without spaces (Chinese, Japanese, Thai): **500 characters/min**.

/// Tokens per minute for a language tag (`vi`, `en`...).
pub fn rate_for(lang: Option<&str>) -> u32 {
    match lang.map(|l| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()) {
        Some(l) if l == "vi" => 350,
        _ => 238,
    }
}

/// Counts reading units: space-separated tokens, plus each CJK/Thai character
/// (weighted so that 500 of them take a minute at the word rate).
pub fn count_units(text: &str, rate: u32) -> f64 {
    let mut words = 0u32;
    let mut dense = 0u32;
    let mut in_word = false;
    for c in text.chars() {
        if is_dense_script(c) {
            dense += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if c.is_whitespace() || c.is_ascii_punctuation() {
            in_word = false;
        }
    }
    f64::from(words) + f64::from(dense) * f64::from(rate) / 500.0
}

fn is_dense_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
}

/// Whole minutes to read `text` (at least 1 when there is any text).
pub fn minutes(text: &str, lang: Option<&str>) -> u32 {
    let rate = rate_for(lang);
    let units = count_units(text, rate);
    if units == 0.0 {
        return 0;
    }
    ((units / f64::from(rate)).round() as u32).max(1)
}
