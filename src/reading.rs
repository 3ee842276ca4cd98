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
    match lang.map(crate::article::lang::primary_subtag) {
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
        } else if is_alphanumeric(c) {
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

/// `char::is_alphanumeric`, without its table search for the letters of Latin
/// scripts (Vietnamese text is mostly U+00C0–U+024F and U+1E00–U+1EFF, where every
/// character but `×` and `÷` is a letter): a 10,000-paragraph Vietnamese body spent
/// 0.06 ms per paragraph here at 4× CPU. Same answer for every `char` (tested).
fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

fn is_dense_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
}

/// Whole minutes to read `text` (at least 1 when there is any text).
pub fn minutes(text: &str, lang: Option<&str>) -> u32 {
    let mut r = ReadingTime::new(lang);
    r.add(text);
    r.minutes()
}

/// Reading time of text given in parts (a long body one block at a time, never
/// copied into one string). Parts count as if separated by spaces.
#[derive(Debug, Clone, Copy)]
pub struct ReadingTime {
    rate: u32,
    units: f64,
}

impl ReadingTime {
    pub fn new(lang: Option<&str>) -> ReadingTime {
        ReadingTime { rate: rate_for(lang), units: 0.0 }
    }

    pub fn add(&mut self, text: &str) {
        self.units += count_units(text, self.rate);
    }

    /// Adds the text of one body block (and its children).
    pub fn add_node(&mut self, node: &crate::model::body::Node) {
        use crate::model::body::Node;
        // Most blocks are an element with one text child: counted where it is.
        if let Node::El(e) = node {
            if let [Node::Text(t)] = e.children.as_slice() {
                return self.add(t);
            }
        }
        let mut text = String::new();
        node.text_content(&mut text);
        self.add(&text);
    }

    /// Whole minutes, at least 1 when any text was added.
    pub fn minutes(&self) -> u32 {
        self.minutes_scaled(1.0)
    }

    /// The minutes of a text of which `seen` of `total` parts were added, as
    /// if the others read like those (a long body before it is all converted).
    pub fn estimate(&self, seen: usize, total: usize) -> u32 {
        self.minutes_scaled(if seen == 0 || total <= seen { 1.0 } else { total as f64 / seen as f64 })
    }

    fn minutes_scaled(&self, factor: f64) -> u32 {
        if self.units == 0.0 {
            return 0;
        }
        ((self.units * factor / f64::from(self.rate)).round() as u32).max(1)
    }
}

/// Splits `text` into sentences for speech, as byte ranges of `text` with the
/// surrounding whitespace left out. A sentence ends after `.`, `!`, `?` or `…`
/// (and any closing quotes or brackets) followed by whitespace, except after a
/// short abbreviation (`TP.`, `Mr.`, an initial). A sentence longer than `max`
/// characters is cut after a comma or semicolon, else at a space, so no word is
/// ever cut (a single token longer than `max` stays whole).
pub fn sentence_spans(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    let mut word_start = 0;
    let mut last_soft = None::<usize>; // end of the last clause (after , or ;) in this sentence
    let mut last_space = None::<usize>; // end of the last word in this sentence
    let mut chars = 0usize; // characters since `start`
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            if let Some(s) = start {
                chars += 1;
                if i > s {
                    last_space = Some(i);
                }
            }
            word_start = end;
            continue;
        }
        let s = *start.get_or_insert(i);
        if s == i {
            chars = 0;
            last_soft = None;
            last_space = None;
        }
        chars += 1;
        let next_space = iter.peek().is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, ',' | ';') && next_space {
            last_soft = Some(end);
        }
        let closing = matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»');
        let ends =
            matches!(c, '.' | '!' | '?' | '…') || (closing && ends_sentence(text.get(word_start..i).unwrap_or("")));
        if ends && next_space && !(c == '.' && is_abbrev(text.get(word_start..i).unwrap_or(""))) {
            out.push((s, end));
            start = None;
            continue;
        }
        if chars >= max {
            if let Some(cut) = last_soft.or(last_space).filter(|&p| p > s) {
                out.push((s, cut));
                let after = text.get(cut..).unwrap_or("");
                let ns = cut + (after.len() - after.trim_start().len());
                // The next sentence starts at the next word (maybe the current one).
                start = (ns <= i).then_some(ns);
                chars = text.get(ns..end).map_or(0, |t| t.chars().count());
                last_soft = None;
                last_space = None;
            }
        }
    }
    if let Some(s) = start {
        let tail = text.get(s..).unwrap_or("").trim_end();
        if !tail.is_empty() {
            out.push((s, s + tail.len()));
        }
    }
    out
}

/// `word` (the token before a closing quote) ends with a sentence mark.
fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']).ends_with(['.', '!', '?', '…'])
}

/// A token before a full stop that is an abbreviation, not a sentence end:
/// one or two letters starting with a capital (`TP`, `Mr`, `A`).
fn is_abbrev(word: &str) -> bool {
    let w = word.trim_start_matches(['"', '\'', '“', '‘', '(', '[', '«']);
    let mut cs = w.chars();
    let first = cs.next();
    let n = w.chars().count();
    first.is_some_and(char::is_uppercase) && (1..=2).contains(&n) && w.chars().all(char::is_alphabetic)
}

/// Converts byte offsets of `text` to UTF-16 offsets (what DOM ranges count),
/// for offsets given in ascending order.
pub fn utf16_offsets(text: &str, bytes: &[usize]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut at, mut units) = (0usize, 0u32);
    for &b in bytes {
        let b = b.min(text.len());
        if b > at {
            units += text.get(at..b).map_or(0, |s| s.encode_utf16().count() as u32);
            at = b;
        }
        out.push(units);
    }
    out
}

/// How many articles' reading positions are kept.
pub const KEEP_POSITIONS: usize = 20;

/// Reading positions (`src/ui/progress.rs`): lines `permille<TAB>url`, most
/// recent first. The saved position (per mille of the article) for `url`.
pub fn saved_position(list: &str, url: &str) -> Option<u32> {
    list.lines().find_map(|l| {
        let (p, u) = l.split_once('\t')?;
        (u == url).then(|| p.parse().ok()).flatten()
    })
}

/// `list` with `url` at `permille` first, older entries after, at most [`KEEP_POSITIONS`].
pub fn remember_position(list: &str, url: &str, permille: u32) -> String {
    let mut out = [permille.to_string().as_str(), "\t", url].concat();
    for l in list.lines().filter(|l| l.split_once('\t').is_some_and(|(_, u)| u != url)).take(KEEP_POSITIONS - 1) {
        out.push('\n');
        out.push_str(l);
    }
    out
}

/// `x` (clamped to 0..=1) as CSS number text with at most three decimals
/// ("0.25", "0.003", "1"), without float formatting (which would put
/// `core::fmt`'s float code into the wasm): the progress bar's length.
pub fn css_fraction(x: f64) -> String {
    let permille = (x.clamp(0.0, 1.0) * 1000.0).round() as u32;
    if permille >= 1000 {
        return "1".to_owned();
    }
    let digits = [b'0' + (permille / 100) as u8, b'0' + (permille / 10 % 10) as u8, b'0' + (permille % 10) as u8];
    let s = String::from_utf8_lossy(&digits);
    ["0.", s.trim_end_matches('0')].concat().trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_fraction_is_short_decimal_text() {
        let cases = [
            (0.0, "0"),
            (1.0, "1"),
            (2.5, "1"),
            (-3.0, "0"),
            (0.25, "0.25"),
            (0.1234, "0.123"),
            (0.0005, "0.001"),
            (0.9996, "1"),
            (0.5, "0.5"),
            (0.003, "0.003"),
            (f64::NAN, "0"),
        ];
        for (x, want) in cases {
            assert_eq!(css_fraction(x), want, "{x}");
        }
    }

    #[test]
    fn fast_alphanumeric_agrees_with_std_for_every_char() {
        let mut latin = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
            latin += usize::from(matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF));
        }
        assert_eq!(latin, 0x24F - 0xC0 + 1 + 0x100, "the ranges of the fast path");
        assert!(is_alphanumeric('ệ') && is_alphanumeric('Đ') && !is_alphanumeric('×') && !is_alphanumeric(' '));
    }

    #[test]
    fn vietnamese_rate_and_minutes() {
        assert_eq!(rate_for(Some("vi-VN")), 330);
        assert_eq!(rate_for(Some("en")), 238);
        assert_eq!(rate_for(None), 238);
        let text = "một ".repeat(660);
        assert_eq!(minutes(&text, Some("vi")), 2);
        assert_eq!(minutes("", Some("vi")), 0);
        assert_eq!(minutes("xin chào", Some("vi")), 1);
        let mut parts = ReadingTime::new(Some("vi"));
        (0..660).for_each(|_| parts.add("một"));
        assert_eq!(parts.minutes(), 2);
        assert_eq!(ReadingTime::new(None).minutes(), 0);
        assert_eq!(parts.estimate(660, 660), 2);
        assert_eq!(parts.estimate(660, 6600), 20);
        assert_eq!(parts.estimate(0, 10), 2);
        assert_eq!(ReadingTime::new(None).estimate(1, 100), 0);
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

    fn spans(text: &str, max: usize) -> Vec<&str> {
        sentence_spans(text, max).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn sentences_split_at_ends_not_abbreviations() {
        let text = "Câu thứ nhất khá ngắn. Ông Nguyễn Văn A. đến TP. Hồ Chí Minh hôm qua!  Câu ba? “Trích dẫn.” Hết…";
        assert_eq!(
            spans(text, 200),
            [
                "Câu thứ nhất khá ngắn.",
                "Ông Nguyễn Văn A. đến TP. Hồ Chí Minh hôm qua!",
                "Câu ba?",
                "“Trích dẫn.”",
                "Hết…"
            ]
        );
        assert_eq!(spans("Số 3.5 triệu. Xong", 200), ["Số 3.5 triệu.", "Xong"]);
        assert!(spans("   ", 10).is_empty());
        assert!(spans("", 10).is_empty());
    }

    #[test]
    fn long_sentences_cut_at_clauses_then_spaces_never_in_a_word() {
        let text = "Một hai ba bốn năm, sáu bảy tám chín mười mười một mười hai mười ba.";
        let parts = spans(text, 30);
        assert_eq!(parts[0], "Một hai ba bốn năm,");
        assert!(parts.iter().all(|p| p.chars().count() <= 30 + 5), "{parts:?}");
        let many = "Một câu rất dài ".repeat(40);
        let cut = spans(&many, 60);
        assert!(cut.len() > 5 && cut.iter().all(|p| p.chars().count() <= 60 + 4), "{cut:?}");
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(words(&parts.join(" ")), words(text));
        let long = "x".repeat(50);
        assert_eq!(spans(&long, 10), [long.as_str()]);
    }

    #[test]
    fn sentences_never_panic_and_keep_every_word() {
        let samples = [
            "",
            " ",
            "a",
            "Ặ ặ. Ể, ỗ! ữ? x… y: z; w",
            "ééééé ééé. é",
            "日本語の文章。句点",
            "a. b. c. d. e. f.",
            "،؟ مرحبا. بالعالم",
            "A. B. C.",
            "\"x.\" y",
            "(a.) b",
        ];
        for text in samples {
            for max in 1..24 {
                let sp = sentence_spans(text, max);
                let mut prev = 0;
                for &(a, b) in &sp {
                    assert!(a >= prev && a < b && b <= text.len(), "{text:?} {max}: {sp:?}");
                    assert_eq!(text[a..b].trim(), &text[a..b]);
                    prev = b;
                }
                let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                let joined: String = sp.iter().map(|&(a, b)| &text[a..b]).collect();
                assert_eq!(squash(&joined), squash(text), "{text:?} {max}");
            }
        }
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "ặ😀a";
        assert_eq!(utf16_offsets(text, &[0, 3, 7, 8]), [0, 1, 3, 4]);
        assert_eq!(utf16_offsets(text, &[99]), [4]);
    }

    #[test]
    fn positions_list_keeps_the_latest_first_and_at_most_twenty() {
        let mut list = String::new();
        for i in 0..25 {
            list = remember_position(&list, &["https://x.vn/", &i.to_string()].concat(), i * 10);
        }
        assert_eq!(list.lines().count(), KEEP_POSITIONS);
        assert_eq!(saved_position(&list, "https://x.vn/24"), Some(240));
        assert_eq!(saved_position(&list, "https://x.vn/3"), None);
        list = remember_position(&list, "https://x.vn/10", 999);
        assert_eq!(list.lines().next(), Some("999\thttps://x.vn/10"));
        assert_eq!(list.lines().count(), KEEP_POSITIONS);
        assert_eq!(saved_position("garbage\nno tab\n12x\thttps://a", "https://a"), None);
        assert_eq!(saved_position("", "https://a"), None);
    }
}
