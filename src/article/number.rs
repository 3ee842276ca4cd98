//! Number text without the standard float formatting and parsing code in the
//! wasm: [`num_text`] (like `f64::to_string`) and [`parse_finite`] (like
//! `str::parse::<f64>`), exact natively and through `Number` in the browser.

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
    let d = Decimal::scan(s.as_bytes())?;
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let value = if d.mant == 0 {
        0.0
    } else if d.exact && d.mant <= 1 << 53 && (-22..=22).contains(&d.exp10) {
        let m = d.mant as f64;
        let p = POW10.get(d.exp10.unsigned_abs() as usize).copied()?;
        if d.exp10 < 0 {
            m / p
        } else {
            m * p
        }
    } else {
        return parse_slow(s).filter(|v| v.is_finite());
    };
    Some(if d.neg { -value } else { value })
}

/// A decimal number as written: sign, up to 19 significant digits, the power
/// of ten that scales them, and whether dropped digits were all zeros.
struct Decimal {
    neg: bool,
    mant: u64,
    kept: u32,
    exp10: i64,
    exact: bool,
}

impl Decimal {
    /// Reads Rust's float syntax (no `inf`/`NaN`); `None` on anything else.
    fn scan(b: &[u8]) -> Option<Decimal> {
        let (neg, mut i) = match b.first() {
            Some(b'-') => (true, 1),
            Some(b'+') => (false, 1),
            _ => (false, 0),
        };
        let mut d = Decimal { neg, mant: 0, kept: 0, exp10: 0, exact: true };
        let int_start = i;
        while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            d.digit(c - b'0', false);
            i += 1;
        }
        let mut any = i > int_start;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let frac_start = i;
            while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
                d.digit(c - b'0', true);
                i += 1;
            }
            any |= i > frac_start;
        }
        if !any {
            return None; // also "inf", "NaN": never finite
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let (e, next) = exponent(b, i + 1)?;
            d.exp10 += e;
            i = next;
        }
        (i == b.len()).then_some(d)
    }

    fn digit(&mut self, d: u8, fraction: bool) {
        if self.mant == 0 && d == 0 {
            // A leading zero: nothing to keep.
            self.exp10 -= i64::from(fraction);
        } else if self.kept < 19 {
            self.mant = self.mant * 10 + u64::from(d);
            self.kept += 1;
            self.exp10 -= i64::from(fraction);
        } else {
            self.exact &= d == 0;
            self.exp10 += i64::from(!fraction);
        }
    }
}

/// The exponent digits starting at `b[i]` (after the `e`): its value (capped)
/// and where it ends. `None` without digits.
fn exponent(b: &[u8], mut i: usize) -> Option<(i64, usize)> {
    let neg = match b.get(i) {
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
    while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        e = (e * 10 + i64::from(c - b'0')).min(1_000_000);
        i += 1;
    }
    (i > start).then_some((if neg { -e } else { e }, i))
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

#[cfg(test)]
mod tests {
    use super::{num_text, parse_finite, plain_decimal};

    #[test]
    fn num_text_is_display() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.2,
            0.3,
            1.5,
            1.25,
            1e-7,
            1.5e-7,
            1e-6,
            1e20,
            1e21,
            1.5e21,
            1e22,
            123.456,
            -987.654,
            9.0e15,
            9.0e18,
            9.3e18,
            1e300,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.30000000000000004,
            2.2250738585072014e-308,
            4503599627370497.5,
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
            ("1e+21", "1000000000000000000000"),
            ("1.5e+21", "1500000000000000000000"),
            ("1e-7", "0.0000001"),
            ("-1.25e-7", "-0.000000125"),
            ("0.001", "0.001"),
            ("123.456", "123.456"),
            ("-5e-324", &format!("-{}", 5e-324)),
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
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0",
            "00",
            "007",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "+.5",
            ".",
            "-",
            "+",
            "",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "1e",
            "1e+",
            "e5",
            ".e5",
            "1.e5",
            ".5e-3",
            "1.5",
            "1.25",
            "125",
            "640",
            "0.1",
            "0.2",
            "0.3",
            "3.14159",
            "2.5e-324",
            "5e-324",
            "4.9e-324",
            "1e-400",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e309",
            "9007199254740992",
            "9007199254740993",
            "9007199254740991",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "1e22",
            "1e23",
            "9999999999999999e22",
            "0.000000000000000000000000000001",
            "1_000",
            "1,5",
            " 1",
            "1 ",
            "0x10",
            "inf",
            "-inf",
            "infinity",
            "NaN",
            "nan",
            "1.0.0",
            "1e5.5",
            "--1",
            "+-1",
            "1e-0",
            "00000000000000000000001.5",
            "1.00000000000000000000000000001",
            "0.30000000000000004",
            "2.2250738585072014e-308",
            "1e-22",
            "1e-23",
            "4503599627370497.5",
            "12345678901234567890e-10",
            "٣",
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
