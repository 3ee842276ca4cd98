//! HTML character references: the one decoder of the crate.
//!
//! Follows the HTML tokenizer: numeric references (`&#8217;`, `&#x2019;`, also
//! without `;`; C1 values read as Windows-1252, NUL, surrogates and values past
//! U+10FFFF as U+FFFD) and all 2,231 named references of the WHATWG list,
//! including the longest-prefix rule for the 106 legacy names that may omit
//! the `;` (`&copy2024` is "©2024", `&notit;` is "¬it;"). Unknown references
//! stay as written. In attribute values ([`decode_attribute`]) a legacy name
//! without `;` followed by `=` or a letter or digit stays as written, so URLs
//! such as `?a=1&copy=2` survive.
//!
//! Where the names come from: natively, a full table generated from Python's
//! `html.entities.html5` (`table.rs`, `scripts/gen-entities.py`). In the wasm
//! build that table is not linked; the small [`LEGACY`] and [`COMMON`] tables
//! answer most references and the browser decodes any other `&name;` token
//! (`web.rs`), so both builds give the same text at no bundle cost.

#[cfg(not(target_arch = "wasm32"))]
mod table;
#[cfg(target_arch = "wasm32")]
mod web;

/// Longest name of the WHATWG list without its `;` (`CounterClockwiseContourIntegral`).
pub const MAX_NAME: usize = 31;
/// Longest legacy name (`frac12`, `middot`...).
const MAX_LEGACY: usize = 6;

/// Decodes every character reference in text content.
pub fn decode_entities(s: &str) -> String {
    decode(s, false)
}

/// Decodes every character reference in an attribute value (HTML's attribute rule).
pub fn decode_attribute(s: &str) -> String {
    decode(s, true)
}

fn decode(s: &str, in_attr: bool) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    #[cfg(target_arch = "wasm32")]
    web::reset_budget();
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let used = if after.starts_with('#') { numeric(after, &mut out) } else { named(after, in_attr, &mut out) };
        match used {
            Some(n) => rest = after.get(n..).unwrap_or(""),
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The numeric reference at the start of `s` (just after the `&`), pushed to
/// `out`; how many bytes it used.
fn numeric(s: &str, out: &mut String) -> Option<usize> {
    let b = s.as_bytes();
    let hex = matches!(b.get(1), Some(b'x' | b'X'));
    let (start, radix) = if hex { (2, 16) } else { (1, 10) };
    let mut end = start;
    let mut v: u32 = 0;
    while let Some(d) = b.get(end).and_then(|&c| (c as char).to_digit(radix)) {
        v = v.saturating_mul(radix).saturating_add(d);
        end += 1;
    }
    if end == start {
        return None;
    }
    if b.get(end) == Some(&b';') {
        end += 1;
    }
    out.push(numeric_char(v));
    Some(end)
}

/// The character for a numeric reference, following the HTML rules: NUL,
/// surrogates and out-of-range values become U+FFFD, C1 controls are read as
/// Windows-1252 (`&#146;` is a right quote).
fn numeric_char(v: u32) -> char {
    if (0x80..=0x9F).contains(&v) {
        let mapped = C1.get((v - 0x80) as usize).copied().unwrap_or(0);
        if mapped != 0 {
            return char::from_u32(u32::from(mapped)).unwrap_or('\u{FFFD}');
        }
    }
    if v == 0 {
        return '\u{FFFD}';
    }
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

/// Windows-1252 meanings of 0x80..=0x9F (0 = keep the code point).
const C1: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// The named reference at the start of `s` (just after the `&`), pushed to
/// `out`; how many bytes it used. `None` leaves it as written.
fn named(s: &str, in_attr: bool, out: &mut String) -> Option<usize> {
    let b = s.as_bytes();
    let run = b.iter().take(MAX_NAME + 1).take_while(|c| c.is_ascii_alphanumeric()).count();
    if run == 0 || !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    if run <= MAX_NAME && b.get(run) == Some(&b';') {
        if let Some(v) = full_match(s.get(..run + 1)?) {
            out.push_str(&v);
            return Some(run + 1);
        }
    }
    // The longest legacy name the text starts with (HTML's prefix rule).
    let (n, c) = (1..=run.min(MAX_LEGACY)).rev().find_map(|n| Some((n, legacy(s.get(..n)?)?)))?;
    if in_attr && b.get(n).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'=') {
        return None;
    }
    out.push(c);
    Some(n)
}

/// The value of a complete reference `name;` (with its `;`), if HTML defines it.
#[cfg(not(target_arch = "wasm32"))]
fn full_match(name_semi: &str) -> Option<String> {
    table_get(name_semi).map(str::to_owned)
}

#[cfg(target_arch = "wasm32")]
fn full_match(name_semi: &str) -> Option<String> {
    let name = name_semi.strip_suffix(';')?;
    if let Some(c) = small(name) {
        return Some(c.to_string());
    }
    let decoded = web::decode_token(name_semi)?;
    // The browser read a legacy prefix only ("&notit;" is "¬it;"): not a full match.
    if decoded.starts_with('&') || prefix_reading(name_semi).is_some_and(|p| p == decoded) {
        return None;
    }
    Some(decoded)
}

/// What HTML's prefix rule makes of `name;` when it is not a full name.
#[cfg(target_arch = "wasm32")]
fn prefix_reading(name_semi: &str) -> Option<String> {
    let (n, c) = (1..=MAX_LEGACY).rev().find_map(|n| Some((n, legacy(name_semi.get(..n)?)?)))?;
    let mut s = c.to_string();
    s.push_str(name_semi.get(n..)?);
    Some(s)
}

/// The value of a legacy name (one that may appear without `;`).
#[cfg(not(target_arch = "wasm32"))]
fn legacy(name: &str) -> Option<char> {
    table_get(name).and_then(|v| v.chars().next())
}

#[cfg(target_arch = "wasm32")]
fn legacy(name: &str) -> Option<char> {
    entries(LEGACY).find(|(n, _)| *n == name).map(|(_, c)| c)
}

#[cfg(not(target_arch = "wasm32"))]
fn table_get(key: &str) -> Option<&'static str> {
    let i = table::ENTITIES.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    table::ENTITIES.get(i).map(|&(_, v)| v)
}

/// A name of the small built-in tables (used with its `;`).
pub fn small(name: &str) -> Option<char> {
    entries(LEGACY).chain(entries(COMMON)).find(|(n, _)| *n == name).map(|(_, c)| c)
}

/// The `(name, character)` entries of [`LEGACY`] or [`COMMON`].
pub fn entries(table: &'static str) -> impl Iterator<Item = (&'static str, char)> {
    table.lines().filter_map(|l| {
        let (name, value) = l.split_once(' ')?;
        Some((name, value.chars().next()?))
    })
}

/// Every complete reference of the WHATWG list with its value (native builds:
/// the generated table; for tests that compare the small tables with it).
#[cfg(not(target_arch = "wasm32"))]
pub fn all_names() -> &'static [(&'static str, &'static str)] {
    &table::ENTITIES
}

/// The 106 legacy names, which HTML also reads without `;`: one `name value`
/// a line (a table of string slices would cost the wasm twice as much).
pub const LEGACY: &str = "\
    AElig Æ\nAMP &\nAacute Á\nAcirc Â\nAgrave À\nAring Å\nAtilde Ã\nAuml Ä\nCOPY ©\nCcedil Ç\n\
    ETH Ð\nEacute É\nEcirc Ê\nEgrave È\nEuml Ë\nGT >\nIacute Í\nIcirc Î\nIgrave Ì\nIuml Ï\nLT <\n\
    Ntilde Ñ\nOacute Ó\nOcirc Ô\nOgrave Ò\nOslash Ø\nOtilde Õ\nOuml Ö\nQUOT \"\nREG ®\nTHORN Þ\n\
    Uacute Ú\nUcirc Û\nUgrave Ù\nUuml Ü\nYacute Ý\naacute á\nacirc â\nacute ´\naelig æ\nagrave à\n\
    amp &\naring å\natilde ã\nauml ä\nbrvbar ¦\nccedil ç\ncedil ¸\ncent ¢\ncopy ©\ncurren ¤\ndeg °\n\
    divide ÷\neacute é\necirc ê\negrave è\neth ð\neuml ë\nfrac12 ½\nfrac14 ¼\nfrac34 ¾\ngt >\n\
    iacute í\nicirc î\niexcl ¡\nigrave ì\niquest ¿\niuml ï\nlaquo «\nlt <\nmacr ¯\nmicro µ\n\
    middot ·\nnbsp \u{a0}\nnot ¬\nntilde ñ\noacute ó\nocirc ô\nograve ò\nordf ª\nordm º\noslash ø\n\
    otilde õ\nouml ö\npara ¶\nplusmn ±\npound £\nquot \"\nraquo »\nreg ®\nsect §\nshy \u{ad}\n\
    sup1 ¹\nsup2 ²\nsup3 ³\nszlig ß\nthorn þ\ntimes ×\nuacute ú\nucirc û\nugrave ù\numl ¨\nuuml ü\n\
    yacute ý\nyen ¥\nyuml ÿ\n";

/// Frequent names in news text beyond the legacy ones (punctuation, spaces,
/// Vietnamese letters), answered in the wasm build without asking the browser.
pub const COMMON: &str = "\
    apos '\nhellip …\nndash –\nmdash —\nlsquo ‘\nrsquo ’\nldquo “\nrdquo ”\nsbquo ‚\nbdquo „\n\
    lsaquo ‹\nrsaquo ›\nprime ′\nPrime ″\ntrade ™\nbull •\nminus −\neuro €\nthinsp \u{2009}\n\
    ensp \u{2002}\nemsp \u{2003}\nzwj \u{200d}\nzwnj \u{200c}\nlrm \u{200e}\nrlm \u{200f}\nlarr ←\n\
    rarr →\nuarr ↑\ndarr ↓\ndagger †\nDagger ‡\npermil ‰\nabreve ă\nAbreve Ă\ndstrok đ\nDstrok Đ\n\
    itilde ĩ\nItilde Ĩ\nutilde ũ\nUtilde Ũ\npercnt %\nnum #\ncommat @\nsol /\n";
