//! Splitting a photo credit off the end of a caption ("... Ảnh: MT").

/// Credit labels in folded form (see [`fold`]): lowercase, Vietnamese marks
/// of these words dropped, so "ẢNH", "Ảnh" (composed or not) and "Anh" match.
/// Labels ending in " by" need no colon ("Photo by Jane Doe").
const LABELS: &[&str] = &[
    "anh minh hoa",
    "nguon anh",
    "anh",
    "nguon",
    "đo hoa",
    "photo credit",
    "photos by",
    "photo by",
    "photographs",
    "photograph",
    "photos",
    "photo",
    "image credit",
    "image",
    "credits",
    "credit",
    "fotos",
    "foto",
    "source",
];

/// Longest credit kept, in chars, and most words.
const MAX_CREDIT_CHARS: usize = 80;
const MAX_CREDIT_WORDS: usize = 10;

/// Returns (caption, credit): a credit label at the end of `text` ("… kết luận.
/// Ảnh: MT", "(Ảnh: TTXVN)", "Photo by Jane Doe", "Nguồn: Internet", or on its
/// own last line) is split off and returned without its label. The label must
/// start the text or its last line, follow sentence punctuation, a bracket or a
/// dash, or be capitalized and followed by a colon; the credit must be short
/// (at most 80 chars, 10 words). Both parts are trimmed, the caption keeps its
/// own final punctuation; empty parts are `None`.
pub fn split_credit(text: &str) -> (Option<String>, Option<String>) {
    let t = text.trim();
    let line = t.rfind('\n').map_or(0, |i| i + 1);
    let mut prev: Option<char> = None;
    let mut after_space = false;
    for (i, c) in t.get(line..).unwrap_or("").char_indices() {
        let pos = line + i;
        if !c.is_whitespace() {
            let boundary = prev.is_none_or(opens_credit);
            if boundary || (after_space && c.is_uppercase()) {
                if let Some(r) = try_at(t, pos, prev, !boundary) {
                    return r;
                }
            }
            prev = Some(c);
        }
        after_space = c.is_whitespace();
    }
    (some(t), None)
}

/// Characters after which a credit label may start.
fn opens_credit(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | ';'
            | ')'
            | ']'
            | '('
            | '['
            | '"'
            | '\''
            | '”'
            | '’'
            | '»'
            | '-'
            | '–'
            | '—'
            | '|'
            | '/'
    )
}

/// Tries every label at byte `pos` of `t`.
fn try_at(t: &str, pos: usize, prev: Option<char>, relaxed: bool) -> Option<(Option<String>, Option<String>)> {
    let s = t.get(pos..)?;
    let close = match prev {
        Some('(') => Some(')'),
        Some('[') => Some(']'),
        _ => None,
    };
    let cred = LABELS.iter().find_map(|l| {
        let rest = s.get(match_label(s, l)?..)?;
        let c = separator(rest, l.ends_with(" by") && !relaxed)?;
        credit(c, close)
    })?;
    let mut cap = t.get(..pos)?.trim_end();
    if close.is_some() {
        cap = cap.strip_suffix(['(', '[']).unwrap_or(cap);
    }
    let cap = cap.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '/'));
    Some((some(cap), Some(cred)))
}

/// The text after the label's separator: a colon, or whitespace after "by".
fn separator(rest: &str, by: bool) -> Option<&str> {
    let t = rest.trim_start();
    if let Some(x) = t.strip_prefix([':', '：']) {
        return Some(x);
    }
    (by && t.len() < rest.len()).then_some(t)
}

/// The cleaned credit, when it looks like one.
fn credit(raw: &str, close: Option<char>) -> Option<String> {
    let dots = |s: &str| s.trim().trim_end_matches('.').trim_end().to_owned();
    let mut c = dots(raw);
    if let Some(x) = close.and_then(|cl| c.strip_suffix(cl)) {
        c = dots(x);
    }
    // "Ảnh minh họa: Nguồn: Internet" -> "Internet".
    if let Some(inner) = LABELS.iter().find_map(|l| separator(c.get(match_label(&c, l)?..)?, false)) {
        c = dots(inner);
    }
    let ok = !c.is_empty()
        && !c.contains('\n')
        && c.chars().count() <= MAX_CREDIT_CHARS
        && c.split_whitespace().count() <= MAX_CREDIT_WORDS;
    ok.then_some(c)
}

/// Length in bytes of the prefix of `s` matching the folded `label`, if any.
/// A space in the label matches any run of whitespace.
fn match_label(s: &str, label: &str) -> Option<usize> {
    let mut it = s.char_indices().peekable();
    for l in label.chars() {
        if l == ' ' {
            let mut n = 0;
            while it.next_if(|&(_, c)| c.is_whitespace()).is_some() {
                n += 1;
            }
            if n == 0 {
                return None;
            }
            continue;
        }
        loop {
            let (_, c) = it.next()?;
            if is_mark(c) {
                continue;
            }
            if fold(c) != l {
                return None;
            }
            break;
        }
    }
    Some(it.peek().map_or(s.len(), |&(i, _)| i))
}

/// Combining marks used by the labels in decomposed (NFD) Vietnamese.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{302}' | '\u{309}' | '\u{323}')
}

/// Lowercase, with the composed letters of the labels reduced to their base.
/// Only letters whose lowercase is a letter of [`LABELS`] are lowercased (that
/// is all a label match can see): ASCII, the Vietnamese capitals of the labels,
/// and the two non-ASCII capitals whose lowercase starts with an ASCII letter.
/// Without `char::to_lowercase` the wasm needs no Unicode case table; a test
/// checks every `char` against the full lowercase.
fn fold(c: char) -> char {
    let l = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'Ả' => 'ả',
        'Ạ' => 'ạ',
        'Ọ' => 'ọ',
        'Ồ' => 'ồ',
        'Ô' => 'ô',
        'Đ' => 'đ',
        '\u{130}' => 'i',  // İ -> i̇
        '\u{212A}' => 'k', // Kelvin sign
        _ => c,
    };
    match l {
        'ả' | 'ạ' => 'a',
        'ọ' | 'ồ' | 'ô' => 'o',
        l => l,
    }
}

fn some(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{fold, LABELS};

    /// The fold of the full Unicode lowercase, as it was.
    fn full_fold(c: char) -> char {
        match c.to_lowercase().next().unwrap_or(c) {
            'ả' | 'ạ' => 'a',
            'ọ' | 'ồ' | 'ô' => 'o',
            l => l,
        }
    }

    #[test]
    fn fold_agrees_with_the_full_lowercase_on_every_label_letter() {
        let mut letters: Vec<char> = LABELS.iter().flat_map(|l| l.chars()).filter(|c| *c != ' ').collect();
        letters.sort_unstable();
        letters.dedup();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let (small, full) = (fold(c), full_fold(c));
            for &l in &letters {
                assert_eq!(small == l, full == l, "{c:?} (U+{:04X}) vs label letter {l:?}", c as u32);
            }
        }
    }
}
