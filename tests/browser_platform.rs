//! The browser-only paths of the size work (issue 6), in headless Chromium: in
//! the wasm build, number text, number parsing and lowercasing use the
//! browser's own `Number.prototype.toString`, `parseFloat` and `toLowerCase`
//! instead of the standard library's tables. They must give exactly what the
//! standard library gives natively (the expected values below are Rust's own
//! outputs; native tests compare the pure parts against std on generated inputs).
#![cfg(target_arch = "wasm32")]

use article_reader::article::json::{num_text, parse_finite, Json};
use article_reader::article::text::lowercase;
use article_reader::embed::load::parse_json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn num_text_matches_rust_display() {
    let cases: &[(f64, &str)] = &[
        (0.1, "0.1"),
        (0.3, "0.3"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1.5, "1.5"),
        (-987.654, "-987.654"),
        (1.5e-7, "0.00000015"),
        (1e-7, "0.0000001"),
        (1e21, "1000000000000000000000"),
        (1.5e21, "1500000000000000000000"),
        (1e300, &format!("1{}", "0".repeat(300))),
        (-2.0362830660721725e17, "-203628306607217250"),
        (9007199254740993.0, "9007199254740992"),
        (5e-324, &format!("0.{}5", "0".repeat(323))),
        (f64::MAX, &format!("17976931348623157{}", "0".repeat(292))),
        (2.2250738585072014e-308, &format!("0.{}22250738585072014", "0".repeat(307))),
        (123456.789e3, "123456789"),
        (-0.0, "-0"),
        (f64::NAN, "NaN"),
        (f64::NEG_INFINITY, "-inf"),
    ];
    for (v, want) in cases {
        assert_eq!(num_text(*v), *want, "{v:e}");
    }
}

#[wasm_bindgen_test]
fn parse_finite_slow_path_is_correctly_rounded() {
    // More than 19 significant digits or a large exponent: parseFloat in the browser.
    let cases: &[(&str, f64)] = &[
        ("9007199254740993", 9007199254740992.0),
        ("18446744073709551616", 18446744073709551616.0),
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("1e23", 1e23),
        ("1.7976931348623157e308", f64::MAX),
        ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("4.9e-324", 5e-324),
        ("0.30000000000000004", 0.30000000000000004),
        ("-1.00000000000000000000000000001", -1.0),
        ("12345678901234567890e-10", 1234567890.1234567),
        ("1.", 1.0),
        (".5e-3", 0.0005),
    ];
    for (s, want) in cases {
        assert_eq!(parse_finite(s).map(f64::to_bits), Some(want.to_bits()), "{s}");
    }
    for s in ["1e309", "-1e400", "inf", "NaN", "1e", ".", "0x10", " 1"] {
        assert_eq!(parse_finite(s), None, "{s}");
    }
}

#[wasm_bindgen_test]
fn lowercase_matches_std() {
    for (s, want) in [
        ("Mai Trâm", "mai trâm"),
        ("ĐẠI HỘI ĐẢNG BỘ TỈNH", "đại hội đảng bộ tỉnh"),
        ("Văn Hóa - Xã Hội", "văn hóa - xã hội"),
        ("ΟΔΟΣ", "οδος"),
        ("İstanbul", "i\u{307}stanbul"),
        ("ASCII Only", "ascii only"),
    ] {
        assert_eq!(lowercase(s), want, "{s}");
    }
}

#[wasm_bindgen_test]
fn parse_json_reads_through_json_parse_and_the_js_reader() {
    let j = parse_json(r#"{"b":1,"a":[true,null,"x",2.5],"c":{"d":"é"}}"#).unwrap_or_else(|f| panic!("{}", f.detail));
    assert_eq!(
        j,
        Json::Obj(vec![
            ("b".into(), Json::Num(1.0)),
            ("a".into(), Json::Arr(vec![Json::Bool(true), Json::Null, Json::Str("x".into()), Json::Num(2.5)])),
            ("c".into(), Json::Obj(vec![("d".into(), Json::Str("é".into()))])),
        ])
    );
    let deep = format!("{}1{}", "[".repeat(129), "]".repeat(129));
    assert_eq!(parse_json(&deep).map_err(|f| f.kind.as_str()), Err("format"), "deeper than MAX_DEPTH is refused");
    let ok = format!("{}1{}", "[".repeat(128), "]".repeat(128));
    assert!(parse_json(&ok).is_ok());
    assert_eq!(parse_json("{\"title\": \"cut").map_err(|f| f.kind.as_str()), Err("parse"));
}

/// `ui::js::json` reads what `mount()` and `update()` receive from a page: any JS
/// value, not only `JSON.parse` output. What JSON cannot hold is refused by kind;
/// `undefined` reads as null, like a missing option.
#[wasm_bindgen_test]
fn the_js_reader_takes_plain_data_and_refuses_the_rest() {
    use article_reader::ui::js::{json, NotJson};
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::JsValue;
    let o = Object::new();
    Reflect::set(&o, &"z".into(), &JsValue::from_f64(-0.5)).unwrap();
    Reflect::set(&o, &"u".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&o, &"s".into(), &Array::of2(&"a".into(), &JsValue::TRUE)).unwrap();
    assert_eq!(
        json(&o),
        Ok(Json::Obj(vec![
            ("z".into(), Json::Num(-0.5)),
            ("u".into(), Json::Null),
            ("s".into(), Json::Arr(vec![Json::Str("a".into()), Json::Bool(true)])),
        ]))
    );
    let f = Function::new_no_args("return 1");
    assert_eq!(json(&f), Err(NotJson::Kind));
    Reflect::set(&o, &"f".into(), &f).unwrap();
    assert_eq!(json(&o), Err(NotJson::Kind), "a function inside an object");
    assert_eq!(json(&js_sys::BigInt::from(5u32).into()), Err(NotJson::Kind));
    assert_eq!(json(&js_sys::Symbol::for_("x").into()), Err(NotJson::Kind));
    // Deep nesting built without JSON.parse (an options object a page made).
    let mut v: JsValue = JsValue::from_f64(1.0);
    for _ in 0..200 {
        v = Array::of1(&v).into();
    }
    assert_eq!(json(&v), Err(NotJson::TooDeep));
    // A sparse array's holes are null; non-index properties of an array are not data.
    let a = Array::new_with_length(2);
    a.set(1, "x".into());
    Reflect::set(&a, &"extra".into(), &"y".into()).unwrap();
    assert_eq!(json(&a), Ok(Json::Arr(vec![Json::Null, Json::Str("x".into())])));
}

/// A native body of `n` paragraph blocks (one `html` block at `html_at`), parsed by `JSON.parse`.
fn native_body(n: usize, html_at: Option<usize>, versioned: bool) -> wasm_bindgen::JsValue {
    let blocks: Vec<String> = (0..n)
        .map(|i| match html_at {
            Some(h) if h == i => r#"{"type":"HTML","html":"<p>x</p>"}"#.to_owned(),
            _ => format!(r#"{{"type":"paragraph","text":"Đoạn {i}"}}"#),
        })
        .collect();
    let version = if versioned { r#""version":1,"# } else { "" };
    js_sys::JSON::parse(&format!(r#"{{{version}"title":"T","body":[{}]}}"#, blocks.join(","))).unwrap()
}

fn body_len(v: &wasm_bindgen::JsValue) -> u32 {
    let body = js_sys::Reflect::get(v, &"body".into()).unwrap();
    body.unchecked_into::<js_sys::Array>().length()
}

#[wasm_bindgen_test]
fn long_native_body_is_cut_after_the_head_and_converted_block_by_block() {
    use article_reader::ui::blocks::{Rest, HEAD};
    let n = HEAD as usize + 5;
    let v = native_body(n, None, true);
    let mut rest = Rest::split(&v, false).expect("a long versioned native body is cut");
    assert_eq!(body_len(&v), HEAD, "the article keeps the first HEAD blocks");
    assert_eq!(rest.remaining(), 5);
    let mut texts = Vec::new();
    while let Some(node) = rest.next_node() {
        let mut t = String::new();
        node.expect("a paragraph").text_content(&mut t);
        texts.push(t);
    }
    let want: Vec<String> = (HEAD as usize..n).map(|i| format!("Đoạn {i}")).collect();
    assert_eq!(texts, want, "the rest, in order");
    assert_eq!(rest.remaining(), 0);
    // Not cut: short, an HTML block, no version (unless the format is forced), not an object.
    let short = native_body(HEAD as usize, None, true);
    assert!(Rest::split(&short, false).is_none());
    let html = native_body(n, Some(n - 1), true);
    assert!(Rest::split(&html, false).is_none(), "an html block anywhere keeps the body whole");
    assert_eq!(body_len(&html), n as u32);
    let plain = native_body(n, None, false);
    assert!(Rest::split(&plain, false).is_none());
    assert!(Rest::split(&plain, true).is_some(), "format=native forced");
    assert!(Rest::split(&wasm_bindgen::JsValue::from_str("x"), true).is_none());
}

/// The date text is built in Rust (`Lang::date_label`) so a page makes one
/// `Intl.DateTimeFormat` per zone, not one per shape: it must read exactly as the
/// browser's own formatting of the languages' tags, for every month and a spread of
/// days, hours and years.
#[wasm_bindgen_test]
fn date_labels_match_intl() {
    use article_reader::article::datetime::from_epoch_millis;
    use article_reader::i18n::Lang;
    use js_sys::{Date, Object, Reflect};
    let opts = |pairs: &[(&str, &str)]| {
        let o = Object::new();
        for (k, v) in pairs.iter().chain(&[("timeZone", "UTC")]) {
            Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
        }
        o
    };
    let time = opts(&[("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h23")]);
    let shapes = [
        (Lang::Vi, opts(&[("day", "2-digit"), ("month", "2-digit"), ("year", "numeric")]), " "),
        (Lang::En, opts(&[("day", "numeric"), ("month", "short"), ("year", "numeric")]), ", "),
    ];
    let mut checked = 0;
    for i in 0..400i64 {
        // About every 37 days and 7 hours from 1999 to 2040.
        let ms = 915_148_800_000 + i * (37 * 86_400_000 + 7 * 3_600_000 + 11 * 60_000);
        let date = Date::new(&(ms as f64).into());
        for (lang, date_opts, sep) in &shapes {
            let mut dt = from_epoch_millis(ms, 0);
            let want_date = String::from(date.to_locale_date_string(lang.tag(), date_opts));
            let want_time = String::from(date.to_locale_time_string_with_options(lang.tag(), &time));
            assert_eq!(lang.date_label(&dt), format!("{want_date}{sep}{want_time}"), "{lang:?} {ms}");
            dt.has_time = false;
            assert_eq!(lang.date_label(&dt), want_date, "{lang:?} {ms}");
            checked += 1;
        }
    }
    assert_eq!(checked, 800);
}

/// `FIXED_ZONES` spares the first `Intl.DateTimeFormat` (tens of milliseconds on a
/// phone): each entry must agree with the browser's own zone data at every instant
/// it claims, here every 9 days and 5 hours from its start to 2100.
#[wasm_bindgen_test]
fn fixed_zones_agree_with_the_browser() {
    use article_reader::article::datetime::{days_from_civil, fixed_offset, FIXED_ZONES};
    use js_sys::{Array, Date, Object, Reflect};
    const END: i64 = 4_102_444_800_000; // 2100-01-01T00:00Z
    let mut checked = 0;
    for (zone, since, offset) in FIXED_ZONES {
        let o = Object::new();
        for (k, v) in [
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("hourCycle", "h23"),
            ("timeZone", zone),
        ] {
            Reflect::set(&o, &k.into(), &v.into()).unwrap();
        }
        let dtf = js_sys::Intl::DateTimeFormat::new(&Array::of1(&"en-US".into()), &o);
        let mut ms = since.max(-2_208_988_800_000); // from 1900 for the zones that never change
        while ms < END {
            let parts = dtf.format_to_parts(&Date::new(&(ms as f64).into()));
            let mut f = [0i64; 5];
            for p in parts.iter() {
                let kind = Reflect::get(&p, &"type".into()).unwrap().as_string().unwrap();
                let value = Reflect::get(&p, &"value".into()).unwrap().as_string().unwrap();
                let slot = ["year", "month", "day", "hour", "minute"].iter().position(|k| *k == kind);
                if let Some(i) = slot {
                    f[i] = value.parse().unwrap();
                }
            }
            let local_min = days_from_civil(f[0] as i32, f[1] as u8, f[2] as u8) * 1440 + f[3] * 60 + f[4];
            let browser = local_min - ms.div_euclid(60_000);
            assert_eq!(fixed_offset(zone, ms as f64), Some(offset), "{zone} {ms}");
            assert_eq!(browser, i64::from(offset), "{zone} at {ms}: the browser says {browser}");
            ms += 9 * 86_400_000 + 5 * 3_600_000;
            checked += 1;
        }
    }
    assert!(checked > 20_000, "{checked}");
}
