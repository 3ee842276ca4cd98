//! Estimated reading time, and text chunks for speech. Pure Rust.
//!
//! Rates (silent reading, adults, non-fiction):
//! - English and other space-separated languages: **238 words/min**, the
//!   meta-analysis of 190 studies in Brysbaert (2019), "How many words do we read
//!   per minute?", Journal of Memory and Language 109, 104047. Firefox's Reader
//!   View uses per-language rates from the IReST study, which has no Vietnamese.
//! - Vietnamese: **330 tokens/min**. Vietnamese is written one syllable per
//!   space-separated token, so it needs more tokens than English needs words for
//!   the same message. Brysbaert (2019, abstract) finds that reading rates in other
//!   languages are predicted well by "the number of words these languages require
//!   to convey the same message as in English". Article 1 of the Universal
//!   Declaration of Human Rights has 43 Vietnamese tokens for 30 English words
//!   (ratio 1.43, checked in the tests below); 238 × 1.4 ≈ 333, rounded to 330.
//!   An estimate from that rule, not a measurement of Vietnamese readers; it only
//!   feeds a rounded "N phút đọc".
//! - Text without spaces (Chinese, Japanese, Korean, Thai): each character counts
//!   as `rate / 500` units, i.e. about **500 characters/min**.

/// Tokens per minute for a language tag (`vi`, `en`...).
pub fn rate_for(lang: Option<&str>) -> u32 {
    match lang.map(|l| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()) {
        Some(l) if l == "vi" => 330,
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

/// Splits `text` into pieces of at most `max` characters for speech synthesis,
/// with whitespace collapsed. Breaks after a sentence end if there is one in the
/// second half of the window, else after a comma or semicolon, else at a space,
/// else (one very long token) at exactly `max` characters.
pub fn speech_chunks(text: &str, max: usize) -> Vec<String> {
    let max = max.max(8);
    let clean = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut rest = clean.as_str();
    while !rest.is_empty() {
        // Byte index just past `max` characters (or the end).
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        if limit == rest.len() {
            out.push(rest.to_owned());
            break;
        }
        let window = &rest[..limit];
        let after = |set: &[char]| {
            window
                .char_indices()
                .filter(|&(i, c)| set.contains(&c) && window[i + c.len_utf8()..].starts_with(' '))
                .map(|(i, c)| i + c.len_utf8())
                .last()
                .filter(|&i| i * 2 >= window.len())
        };
        let cut = after(&['.', '!', '?', '…', ':'])
            .or_else(|| after(&[',', ';']))
            .or_else(|| window.rfind(' ').filter(|&i| i > 0))
            .unwrap_or(limit);
        let (head, tail) = rest.split_at(cut);
        let head = head.trim();
        if !head.is_empty() {
            out.push(head.to_owned());
        }
        rest = tail.trim_start();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_rate_and_minutes() {
        assert_eq!(rate_for(Some("vi-VN")), 330);
        assert_eq!(rate_for(Some("en")), 238);
        assert_eq!(rate_for(None), 238);
        let text = "một ".repeat(660);
        assert_eq!(minutes(&text, Some("vi")), 2);
        assert_eq!(minutes("", Some("vi")), 0);
        assert_eq!(minutes("xin chào", Some("vi")), 1);
    }

    #[test]
    fn udhr_article_1_token_ratio() {
        let en = "All human beings are born free and equal in dignity and rights. They are endowed with \
                  reason and conscience and should act towards one another in a spirit of brotherhood.";
        let vi = "Tất cả mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền. Mọi con người \
                  đều được tạo hóa ban cho lý trí và lương tâm và cần phải đối xử với nhau trong tình bằng hữu.";
        assert_eq!(count_units(en, 238), 30.0);
        assert_eq!(count_units(vi, 330), 43.0);
    }

    #[test]
    fn chunks_break_at_sentences_and_keep_every_word() {
        let text = "Câu thứ nhất khá ngắn. Câu thứ hai dài hơn một chút, có dấu phẩy ở giữa. Câu ba!";
        let chunks = speech_chunks(text, 40);
        assert!(chunks.iter().all(|c| c.chars().count() <= 40), "{chunks:?}");
        assert_eq!(chunks[0], "Câu thứ nhất khá ngắn.");
        assert_eq!(chunks.join(" "), text);
    }

    #[test]
    fn chunks_never_panic_and_keep_the_text() {
        let samples = ["", " ", "a", "Ặ ặ. Ể, ỗ! ữ? x… y: z; w", "ééééé ééé. é", "日本語の文章。句点", "a. b. c. d. e. f.", "،؟ مرحبا. بالعالم"];
        for text in samples {
            for max in 0..24 {
                let chunks = speech_chunks(text, max);
                let limit = max.max(8);
                assert!(chunks.iter().all(|c| !c.is_empty() && c.chars().count() <= limit), "{text:?} {max}: {chunks:?}");
                let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                assert_eq!(squash(&chunks.concat()), squash(text), "{text:?} {max}");
            }
        }
    }

    #[test]
    fn chunks_handle_long_tokens_and_whitespace() {
        let long = "x".repeat(50);
        let chunks = speech_chunks(&format!("  a\n\n{long}  b "), 20);
        assert!(chunks.iter().all(|c| !c.is_empty() && c.chars().count() <= 20), "{chunks:?}");
        assert_eq!(chunks.concat().replace(' ', ""), format!("a{long}b"));
        assert!(speech_chunks("   ", 20).is_empty());
        assert_eq!(speech_chunks("ặ".repeat(30).as_str(), 10).len(), 3);
    }
}
