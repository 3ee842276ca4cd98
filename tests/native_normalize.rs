//! Normalization rules and bad input through `parse_article`: text, URLs,
//! de-duplication, captions, caps, language, errors; one case per test where
//! a rule has several cases.

#[macro_use]
mod cases;

use cases::article::*;

use article_reader::article::json::Json;
use article_reader::article::model::TextDir;
use article_reader::article::{parse_article, Format, InputError, ParseOptions};
use article_reader::model::body::Node;

// ---------------------------------------------------------------- normalization

#[test]
fn text_is_trimmed_and_empties_dropped() {
    let a = ok(r#"{"version":1,"title":"  Tiêu   đề \n mới ","lede":"   ","site_name":"","id":"  ",
        "authors":[{"name":"  "},{"name":" A  B "}],"tags":[" ","x"],
        "image":{"src":"https://x.vn/a.jpg","alt":"  ","caption":"  ","credit":" "}}"#);
    assert_eq!(a.title.as_deref(), Some("Tiêu đề mới"));
    assert_eq!((a.lede, a.site_name, a.id), (None, None, None));
    assert_eq!(a.authors, [link("A B", None)]);
    assert_eq!(a.tags, ["x"]);
    let img = a.image.expect("image");
    assert_eq!((img.alt.as_str(), img.caption, img.credit), ("", None, None));
}

mod emptiness {
    use super::*;
    cases! { |doc| parse(doc).err();
        version_alone: r#"{"version":1}"# => Some(InputError::Empty),
        blank_title_lede_and_body: r#"{"version":1,"title":" ","lede":"","body":[]}"# => Some(InputError::Empty),
        whitespace_html_body: r#"{"version":1,"body":"  \n "}"# => Some(InputError::Empty),
        blank_paragraph_block: r#"{"version":1,"body":[{"type":"paragraph","text":" "}]}"# => Some(InputError::Empty),
        body_alone_is_enough: r#"{"version":1,"body":["only a body"]}"# => None,
        lede_alone_is_enough: r#"{"version":1,"lede":"only a lede"}"# => None,
        empty_wordpress_post: r#"{"title":{"rendered":""},"content":{"rendered":""}}"# => Some(InputError::Empty),
    }
}

#[test]
fn duplicates_removed() {
    let a = ok(r#"{"version":1,"url":"https://x.vn/a/b.html","title":"T",
        "section":{"name":"Thời sự","url":"/thoi-su"},
        "authors":["Mai Trâm",{"name":"mai trâm","url":"/tac-gia/mt"},{"name":"Khác","url":"/tac-gia/mt"},"Hoa"],
        "categories":[{"name":"THỜI SỰ"},{"name":"Kinh tế","url":"/kt"},{"name":"Kinh tế 2","url":"/kt"},"kinh tế"],
        "tags":["A","a"," A ","b"],
        "related":[{"title":"R","url":"/r"},{"title":"R2","url":"https://x.vn/r"},{"title":"r","url":"/r3"},
                   {"title":"Self","url":"/a/b.html"},{"title":"No url"},{"title":"Bad","url":"javascript:alert(1)"},
                   {"title":"R4","url":"/r4"}]}"#);
    assert_eq!(a.authors, [link("Mai Trâm", Some("https://x.vn/tac-gia/mt")), link("Hoa", None)]);
    assert_eq!(a.categories, [link("Kinh tế", Some("https://x.vn/kt"))]);
    assert_eq!(a.tags, ["A", "b"]);
    let rel: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(rel, ["R", "R4"]);
}

#[test]
fn urls_resolved_and_rejected() {
    let a = ok(r#"{"version":1,"url":"https://x.vn/a/b.html","title":"T",
        "authors":[{"name":"A","url":"javascript:alert(1)"},{"name":"B","url":"mailto:b@x.vn"},{"name":"C","url":"../c"}],
        "section":{"name":"S","url":"data:text/html,x"},
        "image":{"src":"javascript:alert(1)","caption":"c"},
        "related":[{"title":"R","url":"r.html","image":"JaVaScRiPt:x"},{"title":"Q","url":"//cdn.vn/q","image":{"url":"i.jpg","srcset":"i.jpg 1x, javascript:x 2x, j.jpg bogus, k.jpg 640w"}}],
        "body":[{"type":"image","src":"javascript:alert(1)","caption":"gone"},{"type":"image","src":"mailto:x@y.vn"},
                {"type":"image","src":"ok.jpg"}]}"#);
    assert_eq!(a.authors, [link("A", None), link("B", Some("mailto:b@x.vn")), link("C", Some("https://x.vn/c"))]);
    assert_eq!(a.section, Some(link("S", None)));
    assert_eq!(a.image, None);
    assert_eq!(a.related[0].url.as_deref(), Some("https://x.vn/a/r.html"));
    assert_eq!(a.related[0].image, None);
    assert_eq!(a.related[1].url.as_deref(), Some("https://cdn.vn/q"));
    let img = a.related[1].image.as_ref().expect("image");
    assert_eq!(img.src, "https://x.vn/a/i.jpg");
    assert_eq!(img.srcset.as_deref(), Some("https://x.vn/a/i.jpg 1x, https://x.vn/a/k.jpg 640w"));
    let figs: Vec<&str> =
        nodes(&a).iter().filter_map(|n| if let Node::Figure(i) = n { Some(i.src.as_str()) } else { None }).collect();
    assert_eq!(figs, ["https://x.vn/a/ok.jpg"]);
}

mod canonical_url {
    use super::*;
    fn canonical(u: &str) -> Option<String> {
        ok(&format!(r#"{{"version":1,"title":"T","url":"{u}"}}"#)).url
    }
    cases! { canonical;
        javascript_dropped: "javascript:alert(1)" => None,
        mailto_dropped: "mailto:a@b.vn" => None,
        ftp_dropped: "ftp://x.vn/a" => None,
        https_lowercased: "HTTPS://X.VN/a" => Some("https://x.vn/a".to_owned()),
        relative_without_source_dropped: "/a/b.html" => None,
    }

    #[test]
    fn relative_resolves_against_the_source_url() {
        let a = with(r#"{"version":1,"title":"T","url":"/a/b.html"}"#, None, Some("https://x.vn/api/1.json"));
        assert_eq!(a.ok().and_then(|a| a.url).as_deref(), Some("https://x.vn/a/b.html"));
    }
}

#[test]
fn source_url_is_the_base_without_canonical_url() {
    let src = Some("https://cdn.x.vn/feeds/article.json");
    let a = with(r#"{"version":1,"title":"T","image":"img/a.jpg"}"#, None, src).unwrap();
    assert_eq!(a.image.map(|i| i.src), Some("https://cdn.x.vn/feeds/img/a.jpg".into()));
    let a = with(r#"{"version":1,"title":"T","url":"https://x.vn/p/q.html","image":"img/a.jpg"}"#, None, src).unwrap();
    assert_eq!(a.image.map(|i| i.src), Some("https://x.vn/p/img/a.jpg".into()));
    // No base at all: relative references are kept for the host page to resolve.
    let a = ok(r#"{"version":1,"title":"T","image":"img/a.jpg"}"#);
    assert_eq!(a.image.map(|i| i.src), Some("img/a.jpg".into()));
}

#[test]
fn captions_and_credits() {
    let a = ok(r#"{"version":1,"title":"T","image":{"src":"https://x.vn/a.jpg","caption":"Quang cảnh. Ảnh: MT"},
        "body":[{"type":"image","src":"https://x.vn/b.jpg","caption":"Khác. Ảnh: TL"},
                {"type":"image","src":"https://x.vn/c.jpg","caption":"Giữ. Ảnh: MT","credit":"Báo Tỉnh"}]}"#);
    let img = a.image.clone().expect("image");
    assert_eq!((img.caption.as_deref(), img.credit.as_deref()), (Some("Quang cảnh."), Some("MT")));
    let f: Vec<(Option<&str>, Option<&str>)> = nodes(&a)
        .iter()
        .filter_map(|n| if let Node::Figure(i) = n { Some((i.caption.as_deref(), i.credit.as_deref())) } else { None })
        .collect();
    assert_eq!(f, [(Some("Khác."), Some("TL")), (Some("Giữ. Ảnh: MT"), Some("Báo Tỉnh"))]);
}

#[test]
fn lead_image_kept_when_the_body_repeats_it() {
    // Normalization keeps both; `crate::prepare` merges the lead into the body copy.
    let a = ok(r#"{"version":1,"url":"https://x.vn/a/","title":"T","image":"https://x.vn/a/p.jpg",
        "body":[{"type":"quote","text":"q"},{"type":"image","src":"p.jpg"}]}"#);
    assert_eq!(a.image.as_ref().map(|i| i.src.as_str()), Some("https://x.vn/a/p.jpg"));
    assert_eq!(nodes(&a).iter().filter(|n| matches!(n, Node::Figure(_))).count(), 1);
}

#[test]
fn lists_capped() {
    let tags: Vec<String> = (0..300).map(|i| format!("\"t{i}\"")).collect();
    let related: Vec<String> = (0..120).map(|i| format!(r#"{{"title":"r{i}","url":"https://x.vn/{i}"}}"#)).collect();
    let cats: Vec<String> = (0..120).map(|i| format!("\"c{i}\"")).collect();
    let authors: Vec<String> = (0..120).map(|i| format!("\"a{i}\"")).collect();
    let a = ok(&format!(
        r#"{{"version":1,"title":"T","tags":[{}],"related":[{}],"categories":[{}],"authors":[{}]}}"#,
        tags.join(","),
        related.join(","),
        cats.join(","),
        authors.join(",")
    ));
    assert_eq!((a.tags.len(), a.related.len(), a.categories.len(), a.authors.len()), (100, 50, 50, 20));
}

mod language_and_direction {
    use super::*;
    fn lang_dir(members: &str) -> (Option<String>, Option<TextDir>) {
        let a = ok(&format!(r#"{{"version":1,"title":"T",{members}}}"#));
        (a.lang, a.dir)
    }
    cases! { lang_dir;
        underscore_tag_checked: r#""lang":"vi_VN""# => (Some("vi-VN".to_owned()), None),
        malformed_tag_dropped: r#""lang":"<script>""# => (None, None),
        vietnamese_has_no_dir: r#""lang":"vi""# => (Some("vi".to_owned()), None),
        arabic_is_rtl: r#""lang":"ar-EG""# => (Some("ar-EG".to_owned()), Some(TextDir::Rtl)),
        explicit_dir_wins: r#""lang":"he","dir":"ltr""# => (Some("he".to_owned()), Some(TextDir::Ltr)),
        unknown_dir_falls_back_to_the_language: r#""lang":"fa","dir":"sideways""# => (Some("fa".to_owned()), Some(TextDir::Rtl)),
        urdu_is_rtl: r#""lang":"ur""# => (Some("ur".to_owned()), Some(TextDir::Rtl)),
    }
}

// ---------------------------------------------------------------- bad input

mod not_articles {
    use super::*;
    cases! { |(doc, format)| with(doc, format, None).err();
        null: ("null", None) => Some(InputError::NotAnObject),
        number: ("5", None) => Some(InputError::NotAnObject),
        string: ("\"x\"", None) => Some(InputError::NotAnObject),
        boolean: ("true", None) => Some(InputError::NotAnObject),
        empty_array: ("[]", None) => Some(InputError::NotAnObject),
        array_of_numbers: ("[1,2]", None) => Some(InputError::NotAnObject),
        nested_empty_array: ("[[]]", None) => Some(InputError::NotAnObject),
        empty_object: ("{}", None) => Some(InputError::UnknownFormat),
        unknown_object: (r#"{"foo":1,"items":5}"#, None) => Some(InputError::UnknownFormat),
        array_forced_native: ("[1]", Some(Format::Native)) => Some(InputError::NotAnObject),
        string_forced_json_ld: ("\"x\"", Some(Format::JsonLd)) => Some(InputError::NotAnObject),
    }
}

mod forced_format {
    use super::*;
    const NATIVE: &str = r#"{"version":1,"title":"T"}"#;
    cases! { |(doc, format)| with(doc, format, None).map(|a| a.title);
        native_read_as_wordpress: (NATIVE, Some(Format::WordPress)) => Ok(Some("T".to_owned())),
        native_read_as_json_feed: (NATIVE, Some(Format::JsonFeed)) => Ok(Some("T".to_owned())),
        headline_forced_json_ld: (r#"{"headline":"H"}"#, Some(Format::JsonLd)) => Ok(Some("H".to_owned())),
        headline_alone_is_not_detected: (r#"{"headline":"H"}"#, None) => Err(InputError::UnknownFormat),
        wordpress_without_content_is_empty: (r#"{"lede":"x"}"#, Some(Format::WordPress)) => Err(InputError::Empty),
    }
}

#[test]
fn nulls_and_wrong_types_everywhere() {
    for filler in
        ["null", "5", "true", "\"\"", "[]", "{}", "[null]", "[[[]]]", "{\"a\":{}}", "-1e308", "\"javascript:x\""]
    {
        let body: Vec<String> = FIELD_NAMES.iter().map(|k| format!("\"{k}\":{filler}")).collect();
        let doc = format!("{{{}}}", body.join(","));
        for format in
            [None, Some(Format::Native), Some(Format::WordPress), Some(Format::JsonLd), Some(Format::JsonFeed)]
        {
            let r = with(&doc, format, Some("https://x.vn/#1"));
            if let Ok(a) = r {
                assert!(a.title.is_some() || a.lede.is_some() || !a.body.is_empty(), "{filler} {format:?}");
            }
        }
    }
}

#[test]
fn real_formats_with_null_fields() {
    for name in ["native.json", "wordpress.json", "jsonld.json", "jsonfeed.json"] {
        let mut v = fixture(name);
        null_all(&mut v, 0);
        let _ = parse_article(&v, &ParseOptions::default());
    }
}

/// Replaces every leaf except the format markers by `null`.
fn null_all(v: &mut Json, depth: usize) {
    match v {
        Json::Obj(fields) => {
            for (k, val) in fields.iter_mut() {
                if depth == 0 && (k == "version" || k == "@context") {
                    continue;
                }
                null_all(val, depth + 1);
            }
        }
        Json::Arr(items) => items.iter_mut().for_each(|i| null_all(i, depth + 1)),
        leaf => *leaf = Json::Null,
    }
}

#[test]
fn invalid_dates_read_as_absent() {
    let a = ok(r#"{"version":1,"title":"T","published":"2019-02-30T10:00:00Z","updated":"2019-13-01",
        "related":[{"title":"R","url":"https://x.vn/r","published":"19/12/2019"}]}"#);
    assert_eq!((a.published, a.updated), (None, None));
    assert_eq!(a.related[0].published, None);
}

#[test]
fn deep_nesting_is_a_deserialization_error() {
    let deep_arr = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(serde_json::from_str::<Json>(&deep_arr).is_err());
    let deep_obj = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    assert!(serde_json::from_str::<Json>(&deep_obj).is_err());
    // Unterminated deep input too.
    assert!(serde_json::from_str::<Json>(&"[".repeat(10_000)).is_err());
    // Moderate nesting is fine and parses without trouble.
    let ok_depth = format!(r#"{{"version":1,"title":"T","section":{}1{}}}"#, "[".repeat(100), "]".repeat(100));
    assert!(parse(&ok_depth).is_ok());
}

#[test]
fn schema_lists_the_native_fields() {
    let path = format!("{}/schema/article.v1.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema = json(&std::fs::read_to_string(path).expect("schema"));
    assert_eq!(schema.get("$schema").str(), Some("https://json-schema.org/draft/2020-12/schema"));
    let props: Vec<&str> = schema.get("properties").fields().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        props,
        [
            "version",
            "id",
            "url",
            "lang",
            "dir",
            "site_name",
            "section",
            "title",
            "lede",
            "authors",
            "published",
            "updated",
            "image",
            "body",
            "categories",
            "related",
            "tags"
        ]
    );
    // Every property is documented.
    for (k, v) in schema.get("properties").fields() {
        assert!(v.get("description").str().is_some(), "{k} has no description");
    }
}
