//! A lenient JSON value that any serde deserializer can produce.
//!
//! The wasm build fills it from `JSON.parse` through serde-wasm-bindgen, native
//! tests from serde_json. Adapters walk it with total accessors (`get`, `str`,
//! `items`...) that never fail: a field of the wrong type reads as absent, so a
//! bad field degrades one part of the view instead of the whole article.
//! Nesting deeper than [`MAX_DEPTH`] is rejected while deserializing, so hostile
//! input cannot exhaust the wasm stack.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Deepest array/object nesting accepted. Real article JSON stays under 15.
pub const MAX_DEPTH: u32 = 128;

/// A JSON value. Objects keep their key order; a repeated key keeps its first value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl Json {
    /// Member `key` of an object; `Null` for anything else.
    pub fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map_or(&NULL, |(_, v)| v),
            _ => &NULL,
        }
    }

    /// The first present (non-null) member among `keys`.
    pub fn get_any(&self, keys: &[&str]) -> &Json {
        keys.iter().map(|k| self.get(k)).find(|v| !v.is_null()).unwrap_or(&NULL)
    }

    /// Element `i` of an array; `Null` when out of range or not an array.
    pub fn at(&self, i: usize) -> &Json {
        match self {
            Json::Arr(items) => items.get(i).unwrap_or(&NULL),
            _ => &NULL,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Obj(_))
    }

    /// A string with surrounding whitespace trimmed; `None` when absent, empty or not a string.
    pub fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    /// Like [`Json::str`], but numbers are accepted too (ids are often numeric).
    pub fn text(&self) -> Option<String> {
        match self {
            Json::Num(n) if n.is_finite() => {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    Some((*n as i64).to_string())
                } else {
                    Some(num_text(*n))
                }
            }
            other => other.str().map(str::to_owned),
        }
    }

    /// A number, also from a numeric string ("640").
    pub fn num(&self) -> Option<f64> {
        match self {
            Json::Num(n) if n.is_finite() => Some(*n),
            Json::Str(s) => parse_finite(s.trim()),
            _ => None,
        }
    }

    /// A positive integer that fits in `u32` (image sizes).
    pub fn dimension(&self) -> Option<u32> {
        self.num().filter(|n| *n >= 1.0 && *n <= 100_000.0).map(|n| n.round() as u32)
    }

    pub fn bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items of an array; a single non-null value reads as a one-item list,
    /// `null` as an empty one (so `"author": {...}` and `"author": [...]` read alike).
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            Json::Null => &[],
            single => std::slice::from_ref(single),
        }
    }

    /// The members of an object (empty for anything else).
    pub fn fields(&self) -> &[(String, Json)] {
        match self {
            Json::Obj(f) => f,
            _ => &[],
        }
    }
}

/// `n.to_string()`: the shortest decimal that reads back as `n`, never in
/// exponent form (`0.00000015`, `1000000000000000000000`), `NaN`, `inf`, `-0`.
/// The shortest digits come from `Number.prototype.toString` in the browser
/// (the same shortest round-trip digits, nearest on ties) and from `{:e}`
/// natively, so the wasm links no float formatting code.
pub fn num_text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if n == 0.0 {
        return if n.is_sign_negative() { "-0" } else { "0" }.to_owned();
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        // Below 2^53 every integer is exact and is its own shortest form.
        return (n as i64).to_string();
    }
    plain_decimal(&shortest_digits(n))
}

#[cfg(not(target_arch = "wasm32"))]
fn shortest_digits(n: f64) -> String {
    format!("{n:e}")
}

#[cfg(target_arch = "wasm32")]
fn shortest_digits(n: f64) -> String {
    js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

/// `-1.25e-7`, `1.5e+21` or `0.001` (JS or Rust exponent form, or plain) as a plain decimal.
pub(crate) fn plain_decimal(t: &str) -> String {
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (t, 0),
    };
    let int_len = mant.find('.').unwrap_or(mant.len());
    let all: String = mant.chars().filter(char::is_ascii_digit).collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    let point = int_len as i64 - lead as i64 + i64::from(exp);
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// `s.parse::<f64>().ok().filter(|n| n.is_finite())`, without linking the
/// standard decimal-to-float conversion into the wasm (its code and its
/// 10 KB power-of-five table). Same syntax as `f64::from_str` (`1`, `-1.5`,
/// `.5`, `5.`, `1e-3`, `+2E+2`; no spaces), same correctly rounded value: exact
/// inputs of at most 19 significant digits with a small exponent take the exact
/// fast path (one IEEE operation on exact operands); anything else goes to the
/// platform's correctly rounded parser (`parseFloat` in the browser).
pub fn parse_finite(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let (mut mant, mut kept, mut exp10, mut exact, mut any) = (0u64, 0u32, 0i64, true, false);
    let mut digit = |d: u8, fraction: bool| {
        if mant == 0 && d == 0 {
            // A leading zero: nothing to keep.
            if fraction {
                exp10 -= 1;
            }
        } else if kept < 19 {
            mant = mant * 10 + u64::from(d);
            kept += 1;
            if fraction {
                exp10 -= 1;
            }
        } else {
            exact &= d == 0;
            if !fraction {
                exp10 += 1;
            }
        }
    };
    while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
        digit(d - b'0', false);
        any = true;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
            digit(d - b'0', true);
            any = true;
            i += 1;
        }
    }
    if !any {
        return None; // also "inf", "NaN": never finite
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e = 0i64;
        while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + i64::from(d - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += if eneg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ];
    let value = if mant == 0 {
        Some(0.0)
    } else if exact && mant <= 1 << 53 && (-22..=22).contains(&exp10) {
        let m = mant as f64;
        let p = POW10[exp10.unsigned_abs() as usize];
        Some(if exp10 < 0 { m / p } else { m * p })
    } else {
        return parse_slow(s).filter(|v| v.is_finite());
    };
    value.map(|v| if neg { -v } else { v })
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_slow(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

/// `parseFloat` is correctly rounded and accepts every string that reaches it
/// here (they have Rust's float syntax, checked above).
#[cfg(target_arch = "wasm32")]
fn parse_slow(s: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(s)).filter(|v| !v.is_nan())
}

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Counts one level of nesting for as long as it lives.
struct DepthGuard;

impl DepthGuard {
    fn enter<E: de::Error>() -> Result<DepthGuard, E> {
        let depth = DEPTH.with(|d| {
            let next = d.get() + 1;
            d.set(next);
            next
        });
        let guard = DepthGuard;
        if depth > MAX_DEPTH {
            return Err(E::custom("JSON nested too deeply"));
        }
        Ok(guard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let _guard = DepthGuard::enter::<A::Error>()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Json>()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let _guard = DepthGuard::enter::<A::Error>()?;
        let mut fields: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Json>()?;
            if !fields.iter().any(|(k, _)| *k == key) {
                fields.push((key, value));
            }
        }
        Ok(Json::Obj(fields))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::{num_text, parse_finite, plain_decimal};

    #[test]
    fn num_text_is_display() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut values = vec![
            0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.5, 1.25, 1e-7, 1.5e-7, 1e-6, 1e20, 1e21, 1.5e21, 1e22, 123.456,
            -987.654, 9.0e15, 9.0e18, 9.3e18, 1e300, 5e-324, f64::MAX, f64::MIN_POSITIVE, f64::EPSILON, f64::NAN,
            f64::INFINITY, f64::NEG_INFINITY, 0.30000000000000004, 2.2250738585072014e-308, 4503599627370497.5,
        ];
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push((x % 1_000_000) as f64 / 1000.0);
        }
        for v in values {
            assert_eq!(num_text(v), v.to_string(), "{v:e}");
        }
    }

    #[test]
    fn plain_decimal_reads_js_exponent_forms() {
        for (js, plain) in [
            ("1e+21", "1000000000000000000000"), ("1.5e+21", "1500000000000000000000"), ("1e-7", "0.0000001"),
            ("-1.25e-7", "-0.000000125"), ("0.001", "0.001"), ("123.456", "123.456"), ("-5e-324", &format!("-{}", 5e-324)),
        ] {
            assert_eq!(plain_decimal(js), plain, "{js}");
        }
    }

    fn std_parse(s: &str) -> Option<f64> {
        s.parse::<f64>().ok().filter(|n| n.is_finite())
    }

    fn same(s: &str) {
        let (a, b) = (parse_finite(s), std_parse(s));
        assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{s:?}: {a:?} vs std {b:?}");
    }

    #[test]
    fn parse_finite_matches_std_on_edge_cases() {
        for s in [
            "0", "-0", "+0", "0.0", "-0.0", "00", "007", "1", "-1", "+1", "1.", ".5", "-.5", "+.5", ".", "-", "+", "",
            "1e5", "1E5", "1e+5", "1e-5", "1e", "1e+", "e5", ".e5", "1.e5", ".5e-3", "1.5", "1.25", "125", "640",
            "0.1", "0.2", "0.3", "3.14159", "2.5e-324", "5e-324", "4.9e-324", "1e-400", "1e308", "1.7976931348623157e308",
            "1.7976931348623159e308", "1e309", "9007199254740992", "9007199254740993", "9007199254740991",
            "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "1e22", "1e23",
            "9999999999999999e22", "0.000000000000000000000000000001", "1_000", "1,5", " 1", "1 ", "0x10", "inf",
            "-inf", "infinity", "NaN", "nan", "1.0.0", "1e5.5", "--1", "+-1", "1e-0", "00000000000000000000001.5",
            "1.00000000000000000000000000001", "0.30000000000000004", "2.2250738585072014e-308", "1e-22", "1e-23",
            "4503599627370497.5", "12345678901234567890e-10", "٣",
        ] {
            same(s);
        }
    }

    #[test]
    fn parse_finite_matches_std_on_generated_numbers() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            let mut s = String::new();
            match r % 3 {
                0 => s.push('-'),
                1 if r % 7 == 0 => s.push('+'),
                _ => {}
            }
            let int_digits = (next() % 22) as usize;
            let frac_digits = (next() % 22) as usize;
            for _ in 0..int_digits {
                s.push(char::from(b'0' + (next() % 10) as u8));
            }
            if next() % 2 == 0 {
                s.push('.');
                for _ in 0..frac_digits {
                    s.push(char::from(b'0' + (next() % 10) as u8));
                }
            }
            if next() % 3 == 0 {
                s.push(if next() % 2 == 0 { 'e' } else { 'E' });
                match next() % 3 {
                    0 => s.push('-'),
                    1 => s.push('+'),
                    _ => {}
                }
                s.push_str(&(next() % 400).to_string());
            }
            same(&s);
        }
    }
}
