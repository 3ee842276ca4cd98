//! Property test: `parse_article` and the text/date helpers never panic, on
//! arbitrary JSON trees that use the known field names of all four formats.

use article_reader::article::json::Json;
use article_reader::article::{datetime, normalize, parse_article, text, Format, ParseOptions};
use proptest::prelude::*;

mod cases;
use cases::article::FIELD_NAMES;

/// Strings that exercise the parsers: dates, URLs, HTML, entities, odd Unicode.
fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1".to_owned()),
        Just("https://jsonfeed.org/version/1.1".to_owned()),
        Just("https://schema.org".to_owned()),
        Just("NewsArticle".to_owned()),
        Just("category".to_owned()),
        Just("post_tag".to_owned()),
        Just("html".to_owned()),
        Just("image".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("2019-12-19T16:00:00+07:00".to_owned()),
        Just("2019-02-30".to_owned()),
        Just("<p>Ảnh: MT</p><script>x".to_owned()),
        Just("&#x110000;&#8217;&nbsp;&".to_owned()),
        "[0-9:T+Z.-]{0,30}",
        "[<>/&#;a-zp \n]{0,30}",
        "(https?:|//|/|\\.\\./)?[a-z.:/?#%@\\\\]{0,20}",
        any::<String>(),
        "\\PC{0,40}",
    ]
}

fn json_tree() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>().prop_map(Json::Num),
        (-5i32..2000).prop_map(|n| Json::Num(f64::from(n))),
        text_value().prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Arr),
            prop::collection::vec(
                (prop_oneof![4 => prop::sample::select(FIELD_NAMES).prop_map(str::to_owned), 1 => "\\PC{0,8}"], inner),
                0..10
            )
            .prop_map(Json::Obj),
        ]
    })
}

const FORMATS: [Option<Format>; 5] =
    [None, Some(Format::Native), Some(Format::WordPress), Some(Format::JsonLd), Some(Format::JsonFeed)];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parse_article_never_panics(v in json_tree(), src in prop::option::of(text_value()), f in 0usize..5) {
        let opts = ParseOptions { format: FORMATS[f], source_url: src.as_deref() };
        if let Ok(a) = parse_article(&v, &opts) {
            prop_assert!(a.title.is_some() || a.lede.is_some() || !a.body.is_empty());
            if let Some(u) = &a.url {
                prop_assert!(u.starts_with("http://") || u.starts_with("https://"));
            }
            prop_assert!(a.tags.len() <= 100 && a.related.len() <= 50);
        }
    }

    #[test]
    fn text_helpers_never_panic(s in text_value()) {
        let _ = datetime::parse(&s).map(|d| datetime::to_iso(&d));
        let _ = text::decode_entities(&s);
        let _ = text::strip_tags(&s);
        let _ = text::paragraphs(&s);
        let _ = text::looks_like_html(&s);
        let _ = normalize::lang_tag(&s);
        let c = text::collapse_ws(&s);
        prop_assert_eq!(c.trim(), c.as_str());
        prop_assert_eq!(c, collapse_ws_reference(&s));
    }

    #[test]
    fn collapse_ws_matches_its_char_by_char_definition(s in "[ a\u{a0}\u{3000}\t\n\u{1}\u{85}\u{9f}ệĐ×\u{200b}-]{0,40}") {
        prop_assert_eq!(text::collapse_ws(&s), collapse_ws_reference(&s));
    }

    #[test]
    fn dates_round_trip(y in 1i32..=9999, mo in 1u8..=12, d in 1u8..=31, h in 0u8..24, mi in 0u8..60,
                        off in prop::option::of(-1080i16..=1080)) {
        let s = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00");
        let parsed = datetime::parse(&s);
        prop_assert_eq!(parsed.is_some(), d <= datetime::days_in_month(y, mo));
        if let Some(mut dt) = parsed {
            dt.offset_minutes = off;
            prop_assert_eq!(datetime::parse(&datetime::to_iso(&dt)), Some(dt));
        }
    }
}

/// `collapse_ws` as first written, one char at a time: the oracle for the faster
/// version that copies runs of kept characters as slices.
fn collapse_ws_reference(s: &str) -> String {
    let mut out = String::new();
    let mut run = 0usize;
    let mut lone = ' ';
    for c in s.chars() {
        if c.is_whitespace() {
            run += 1;
            lone = c;
        } else if !c.is_control() {
            if run > 0 && !out.is_empty() {
                out.push(if run == 1 && lone == '\u{A0}' { lone } else { ' ' });
            }
            run = 0;
            out.push(c);
        }
    }
    out
}
