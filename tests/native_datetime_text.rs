//! Unit tests of the pure helpers: dates and plain text.

use article_reader::article::datetime::{days_from_civil, epoch_millis, parse, to_iso};
use article_reader::article::model::DateTime;
use article_reader::article::normalize::{is_rtl, lang_tag};
use article_reader::article::text::{
    clean, collapse_ws, decode_entities, escape_html, looks_like_html, paragraphs, strip_tags,
};

fn dt(s: &str) -> DateTime {
    parse(s).unwrap_or_else(|| panic!("should parse: {s}"))
}

#[test]
fn dates_with_offsets() {
    let d = dt("2019-12-19T16:00:00+07:00");
    assert_eq!((d.year, d.month, d.day, d.hour, d.minute, d.second), (2019, 12, 19, 16, 0, 0));
    assert_eq!(d.offset_minutes, Some(420));
    assert!(d.has_time);
    assert_eq!(dt("2019-12-19T16:00:00+0700").offset_minutes, Some(420));
    assert_eq!(dt("2019-12-19T16:00:00+07").offset_minutes, Some(420));
    assert_eq!(dt("2019-12-19T09:00:00Z").offset_minutes, Some(0));
    assert_eq!(dt("2019-12-19t09:00:00z").offset_minutes, Some(0));
    assert_eq!(dt("2019-12-19T04:30:00-05:30").offset_minutes, Some(-330));
    assert_eq!(dt("2019-12-19T16:00:00").offset_minutes, None);
}

#[test]
fn date_variants() {
    let d = dt("2019-12-19T16:00:05.123456Z");
    assert_eq!(d.second, 5);
    assert_eq!(dt("2019-12-19T16:00:05,5+07:00").offset_minutes, Some(420));
    let d = dt("2019-12-19 16:00");
    assert_eq!((d.hour, d.minute, d.second, d.has_time), (16, 0, 0, true));
    let d = dt(" 2019-12-19 ");
    assert!(!d.has_time);
    assert_eq!(dt("2016-12-31T23:59:60Z").second, 59);
    assert!(parse("2020-02-29").is_some());
    assert!(parse("2000-02-29").is_some());
}

#[test]
fn invalid_dates() {
    for s in [
        "", "garbage", "2019-02-30", "2019-02-29", "1900-02-29", "2019-13-01", "2019-00-10",
        "2019-04-31", "0000-00-00T00:00:00", "2019-12-19T24:00:00", "2019-12-19T16:60:00",
        "2019-12-19T16:00:00+07:00x", "2019-1-2", "19/12/2019 16:00", "2019-12-19T", "2019-12-19T16",
        "2019-12-19T16:00:00.Z", "2019-12-19T16:00:00+19:00", "2019-12-19T16:00:00+07:60",
        "２０１９-12-19", "2019-12-19T16:00:00+", "2019-12-19X16:00",
    ] {
        assert_eq!(parse(s), None, "{s:?} should be rejected");
    }
}

#[test]
fn iso_output() {
    for s in ["2019-12-19T16:00:00+07:00", "2019-12-19T09:00:00Z", "2019-12-19T16:00:00", "2019-12-19",
        "2019-12-19T04:30:00-05:30"] {
        assert_eq!(to_iso(&dt(s)), s);
    }
    assert_eq!(to_iso(&dt("2019-12-19 16:00+0700")), "2019-12-19T16:00:00+07:00");
    assert_eq!(to_iso(&dt("0099-01-02")), "0099-01-02");
}

#[test]
fn epoch() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(1969, 12, 31), -1);
    assert_eq!(days_from_civil(2000, 3, 1), 11017);
    assert_eq!(days_from_civil(1, 1, 1), -719162);
    assert_eq!(days_from_civil(9999, 12, 31), 2932896);
    let ms = 1_576_746_000_000;
    assert_eq!(epoch_millis(&dt("2019-12-19T16:00:00+07:00"), 0), ms);
    assert_eq!(epoch_millis(&dt("2019-12-19T09:00:00Z"), 420), ms);
    assert_eq!(epoch_millis(&dt("2019-12-19T16:00:00"), 420), ms);
    assert_eq!(epoch_millis(&dt("2019-12-19T04:00:00-05:00"), 0), ms);
}

#[test]
fn entities() {
    assert_eq!(decode_entities("it&#8217;s &#x2019; &#X2019"), "it’s ’ ’");
    assert_eq!(decode_entities("a&nbsp;b&hellip;&ndash;&mdash;"), "a\u{a0}b…–—");
    assert_eq!(decode_entities("&ldquo;x&rdquo; &lsquo;y&rsquo; &quot;&apos;&lt;&gt;&amp;"), "“x” ‘y’ \"'<>&");
    assert_eq!(decode_entities("&#146;&#150;"), "’–");
    assert_eq!(decode_entities("&#0;&#xD800;&#1114112;&#99999999999999"), "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}");
    assert_eq!(decode_entities("AT&T &foo; &#; &#x; &amp &"), "AT&T &foo; &#; &#x; &amp &");
    assert_eq!(decode_entities("Tr&acirc;m &Dstrok;"), "Trâm Đ");
    assert_eq!(decode_entities("&amp;lt;"), "&lt;");
    assert_eq!(decode_entities("Việt Nam"), "Việt Nam");
}

#[test]
fn tags_stripped() {
    assert_eq!(strip_tags("<p>a</p><p>b</p>"), "a b");
    assert_eq!(strip_tags("<b>bo</b>ld<br/>x"), "bold x");
    assert_eq!(strip_tags("a<!-- <p>hidden</p> -->b"), "ab");
    assert_eq!(strip_tags("a<script>var x = '</p>';</script>b<STYLE>p{}</style>c"), "a b c");
    assert_eq!(strip_tags("<a title=\"x > y\" href='/'>link</a>"), "link");
    assert_eq!(strip_tags("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    assert_eq!(strip_tags("&lt;b&gt; &amp;nbsp;"), "<b> &nbsp;");
    assert_eq!(strip_tags("text <p unterminated"), "text");
    assert_eq!(strip_tags("<p>Tin&nbsp;&#8220;nóng&#8221;</p>\n"), "Tin\u{a0}“nóng”");
    assert_eq!(strip_tags("<script>never closed"), "");
    assert_eq!(strip_tags("<p>Ảnh: MT</p>"), "Ảnh: MT");
}

#[test]
fn whitespace() {
    assert_eq!(collapse_ws("  a \n\t b  "), "a b");
    assert_eq!(collapse_ws("10\u{a0}km"), "10\u{a0}km");
    assert_eq!(collapse_ws("a\u{a0}\u{a0}b\u{a0}"), "a b");
    assert_eq!(collapse_ws("a\u{0}b\u{7}"), "ab");
    assert_eq!(clean(" \u{a0} \n"), None);
    assert_eq!(clean(" x "), Some("x".to_owned()));
}

#[test]
fn plain_paragraphs() {
    assert_eq!(paragraphs("a\nb\n\nc"), ["a b", "c"]);
    assert_eq!(paragraphs("a\nb\nc\n"), ["a", "b", "c"]);
    assert_eq!(paragraphs("\n\n a \r\n\r\n\r\n b \n\n"), ["a", "b"]);
    assert!(paragraphs("  \n ").is_empty());
}

#[test]
fn html_sniffing_and_escaping() {
    assert!(looks_like_html("<p>x</p>"));
    assert!(looks_like_html("a<br>b"));
    assert!(!looks_like_html("1 < 2 > 0"));
    assert!(!looks_like_html("a <b"));
    let mut out = String::new();
    escape_html("<a href=\"x\">'&'</a>", &mut out);
    assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

#[test]
fn language_tags() {
    assert_eq!(lang_tag("vi").as_deref(), Some("vi"));
    assert_eq!(lang_tag(" VI_vn ").as_deref(), Some("vi-vn"));
    assert_eq!(lang_tag("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
    for bad in ["", "v", "vietnamese", "vi--VN", "vi-", "en US", "1a", "vi-abcdefghi", "ти"] {
        assert_eq!(lang_tag(bad), None, "{bad:?}");
    }
    assert!(is_rtl("ar") && is_rtl("he-IL") && is_rtl("fa") && is_rtl("ur-PK"));
    assert!(!is_rtl("vi") && !is_rtl("en"));
}

#[test]
fn helpers_are_linear_on_hostile_input() {
    let big = "<a".repeat(200_000);
    let start = std::time::Instant::now();
    assert!(!looks_like_html(&big));
    let _ = strip_tags(&big);
    let _ = decode_entities(&"&#".repeat(200_000));
    let _ = decode_entities(&"&aaaaaaaaaaa".repeat(100_000));
    let _ = strip_tags(&"<script>".repeat(100_000));
    let _ = strip_tags(&"<!--".repeat(100_000));
    let _ = paragraphs(&"\n \n".repeat(100_000));
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}
