//! The pure helpers, one case per test: dates, entities, tags, whitespace,
//! paragraphs, language tags.

#[macro_use]
mod cases;

use article_reader::article::datetime::{
    days_from_civil, epoch_millis, from_epoch_millis, parse, parse_lenient, to_iso,
};
use article_reader::article::lang::{is_rtl, lang_tag, primary_subtag};
use article_reader::article::model::DateTime;
use article_reader::article::text::{
    clean, collapse_ws, decode_attribute, decode_entities, escape_html, looks_like_html, paragraphs, repeats,
    strip_tags,
};
use article_reader::i18n::Lang;

fn dt(s: &str) -> DateTime {
    parse(s).unwrap_or_else(|| panic!("should parse: {s}"))
}

/// `(y, mo, d, h, mi, s, offset, has_time)` of a parsed date.
type Fields = (i32, u8, u8, u8, u8, u8, Option<i16>, bool);

fn fields(s: &str) -> Option<Fields> {
    parse(s).map(|d| (d.year, d.month, d.day, d.hour, d.minute, d.second, d.offset_minutes, d.has_time))
}

mod date_parsing {
    use super::*;
    cases! { fields;
        full_offset: "2019-12-19T16:00:00+07:00" => Some((2019, 12, 19, 16, 0, 0, Some(420), true)),
        offset_without_colon: "2019-12-19T16:00:00+0700" => Some((2019, 12, 19, 16, 0, 0, Some(420), true)),
        offset_hours_only: "2019-12-19T16:00:00+07" => Some((2019, 12, 19, 16, 0, 0, Some(420), true)),
        zulu: "2019-12-19T09:00:00Z" => Some((2019, 12, 19, 9, 0, 0, Some(0), true)),
        lowercase_t_and_z: "2019-12-19t09:00:00z" => Some((2019, 12, 19, 9, 0, 0, Some(0), true)),
        negative_half_hour_offset: "2019-12-19T04:30:00-05:30" => Some((2019, 12, 19, 4, 30, 0, Some(-330), true)),
        no_offset_is_local: "2019-12-19T16:00:00" => Some((2019, 12, 19, 16, 0, 0, None, true)),
        fraction_ignored: "2019-12-19T16:00:05.123456Z" => Some((2019, 12, 19, 16, 0, 5, Some(0), true)),
        comma_fraction: "2019-12-19T16:00:05,5+07:00" => Some((2019, 12, 19, 16, 0, 5, Some(420), true)),
        space_separator_no_seconds: "2019-12-19 16:00" => Some((2019, 12, 19, 16, 0, 0, None, true)),
        date_alone_has_no_time: " 2019-12-19 " => Some((2019, 12, 19, 0, 0, 0, None, false)),
        leap_second_reads_as_59: "2016-12-31T23:59:60Z" => Some((2016, 12, 31, 23, 59, 59, Some(0), true)),
        leap_day_2020: "2020-02-29" => Some((2020, 2, 29, 0, 0, 0, None, false)),
        leap_day_2000: "2000-02-29" => Some((2000, 2, 29, 0, 0, 0, None, false)),
    }
}

mod date_rejection {
    use super::*;
    cases! { |s| parse(s).is_none();
        empty: "" => true,
        garbage: "garbage" => true,
        february_30: "2019-02-30" => true,
        february_29_common_year: "2019-02-29" => true,
        february_29_century: "1900-02-29" => true,
        month_13: "2019-13-01" => true,
        month_0: "2019-00-10" => true,
        april_31: "2019-04-31" => true,
        year_0: "0000-00-00T00:00:00" => true,
        hour_24: "2019-12-19T24:00:00" => true,
        minute_60: "2019-12-19T16:60:00" => true,
        trailing_garbage: "2019-12-19T16:00:00+07:00x" => true,
        single_digit_fields: "2019-1-2" => true,
        day_first: "19/12/2019 16:00" => true,
        dangling_t: "2019-12-19T" => true,
        hour_without_minutes: "2019-12-19T16" => true,
        empty_fraction: "2019-12-19T16:00:00.Z" => true,
        offset_19_hours: "2019-12-19T16:00:00+19:00" => true,
        offset_60_minutes: "2019-12-19T16:00:00+07:60" => true,
        fullwidth_digits: "２０１９-12-19" => true,
        dangling_sign: "2019-12-19T16:00:00+" => true,
        bad_separator: "2019-12-19X16:00" => true,
        rfc_2822: "Mon, Jan 7 2019 15:37:00 EST" => true,
    }
}

mod lenient_dates {
    use super::*;
    cases! { |s| parse_lenient(s).map(|d| to_iso(&d));
        iso_as_usual: "2019-12-19T16:00:00+07:00" => Some("2019-12-19T16:00:00+07:00".to_owned()),
        garbled_time_keeps_the_day: "2016-05-24T05:55%Z" => Some("2016-05-24".to_owned()),
        garbled_time_after_a_space_keeps_the_day: "2016-05-24 5h55" => Some("2016-05-24".to_owned()),
        impossible_day_rejected: "2019-02-30T10:00:00Z" => None,
        rfc_2822_not_read: "Mon, 07 Jan 2019 15:37:00 -0500" => None,
        day_first_numeric_rejected: "31/12/2019" => None,
        date_with_trailing_garbage_rejected: "2019-12-19x" => None,
        word_rejected: "yesterday" => None,
        empty_rejected: "" => None,
    }
}

mod iso_output {
    use super::*;
    cases! { |s| to_iso(&dt(s));
        offset_kept: "2019-12-19T16:00:00+07:00" => "2019-12-19T16:00:00+07:00",
        zulu_kept: "2019-12-19T09:00:00Z" => "2019-12-19T09:00:00Z",
        no_offset_kept: "2019-12-19T16:00:00" => "2019-12-19T16:00:00",
        date_alone: "2019-12-19" => "2019-12-19",
        negative_offset: "2019-12-19T04:30:00-05:30" => "2019-12-19T04:30:00-05:30",
        expanded_to_rfc_3339: "2019-12-19 16:00+0700" => "2019-12-19T16:00:00+07:00",
        small_year_padded: "0099-01-02" => "0099-01-02",
    }
}

mod civil_days {
    use super::*;
    cases! { |(y, m, d)| days_from_civil(y, m, d);
        epoch: (1970, 1, 1) => 0,
        day_before_epoch: (1969, 12, 31) => -1,
        march_2000: (2000, 3, 1) => 11017,
        year_1: (1, 1, 1) => -719162,
        year_9999: (9999, 12, 31) => 2932896,
    }
}

mod epoch {
    use super::*;
    const MS: i64 = 1_576_746_000_000;
    cases! { |(s, default)| epoch_millis(&dt(s), default);
        own_offset: ("2019-12-19T16:00:00+07:00", 0) => MS,
        zulu_ignores_default: ("2019-12-19T09:00:00Z", 420) => MS,
        no_offset_takes_default: ("2019-12-19T16:00:00", 420) => MS,
        negative_offset: ("2019-12-19T04:00:00-05:00", 0) => MS,
    }
}

mod from_epoch {
    use super::*;
    const MS: i64 = 1_576_746_000_000;
    cases! { |(ms, off)| to_iso(&from_epoch_millis(ms, off));
        at_offset: (MS, 420) => "2019-12-19T16:00:00+07:00",
        utc: (MS, 0) => "2019-12-19T09:00:00Z",
        behind: (MS, -300) => "2019-12-19T04:00:00-05:00",
        epoch: (0, 0) => "1970-01-01T00:00:00Z",
        before_epoch_floors: (-1, 0) => "1969-12-31T23:59:59Z",
        crosses_midnight: (MS + 8 * 3_600_000, 420) => "2019-12-20T00:00:00+07:00",
        leap_day: (951_782_400_000, 0) => "2000-02-29T00:00:00Z",
    }

    #[test]
    fn round_trips_every_day_for_four_centuries() {
        // 1900-03-01 .. 2300-03-01, every day at 23:59:59 at +07:00.
        let start = days_from_civil(1900, 3, 1);
        for d in start..start + 146_097 {
            let ms = (d * 86_400 + 86_399 - 7 * 3600) * 1000;
            let back = from_epoch_millis(ms, 420);
            assert_eq!(epoch_millis(&back, 0), ms, "{back:?}");
            assert_eq!(days_from_civil(back.year, back.month, back.day), d);
            assert_eq!((back.hour, back.minute, back.second), (23, 59, 59));
        }
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        for ms in [i64::MIN, i64::MAX, -8_640_000_000_000_000, 8_640_000_000_000_000] {
            let dt = from_epoch_millis(ms, 840);
            assert!((1..=12).contains(&dt.month) && (1..=31).contains(&dt.day) && dt.hour < 24);
        }
    }
}

mod date_labels {
    use super::*;
    // What Intl.DateTimeFormat("vi-VN", {day: "2-digit", month: "2-digit", year: "numeric"})
    // and ("en-GB", {day: "numeric", month: "short", year: "numeric"}) plus
    // {hour: "2-digit", minute: "2-digit", hourCycle: "h23"} write in Chromium and Firefox.
    cases! { |(lang, s): (Lang, &str)| lang.date_label(&dt(s));
        vi_date_time: (Lang::Vi, "2019-12-19T16:00:00+07:00") => "19/12/2019 16:00",
        vi_pads: (Lang::Vi, "2020-01-05T07:05:00") => "05/01/2020 07:05",
        vi_date_only: (Lang::Vi, "2019-12-19") => "19/12/2019",
        en_date_time: (Lang::En, "2019-12-19T16:00:00") => "19 Dec 2019, 16:00",
        en_no_day_padding: (Lang::En, "2020-01-05T00:00:00") => "5 Jan 2020, 00:00",
        en_september: (Lang::En, "2021-09-30") => "30 Sept 2021",
        en_may: (Lang::En, "2021-05-01") => "1 May 2021",
    }
}

mod entities_in_text {
    use super::*;
    cases! { decode_entities;
        numeric_decimal: "it&#8217;s" => "it’s",
        numeric_hex_either_case: "&#x2019; &#X2019" => "’ ’",
        numeric_without_semicolon: "&#8217s" => "’s",
        c1_controls_read_as_windows_1252: "&#146;&#150;" => "’–",
        invalid_code_points_become_replacement: "&#0;&#xD800;&#1114112;&#99999999999999" => "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
        common_names: "a&nbsp;b&hellip;&ndash;&mdash;" => "a\u{a0}b…–—",
        quotes: "&ldquo;x&rdquo; &lsquo;y&rsquo; &quot;&apos;&lt;&gt;&amp;" => "“x” ‘y’ \"'<>&",
        vietnamese_letters: "Tr&acirc;m &Dstrok;&agrave;" => "Trâm Đà",
        percent_sign: "400&percnt; increase" => "400% increase",
        rare_latin_letters: "&Ouml;sterreich, K&oslash;benhavn" => "Österreich, København",
        two_code_points: "&NotEqualTilde;" => "\u{2242}\u{338}",
        ligature_of_two_letters: "&fjlig;" => "fj",
        longest_name: "&CounterClockwiseContourIntegral;" => "∳",
        legacy_name_without_semicolon: "&copy2024 &amp &lt3" => "©2024 & <3",
        legacy_prefix_of_unknown_name: "&notit;" => "¬it;",
        full_name_beats_legacy_prefix: "&notin;" => "∉",
        names_are_case_sensitive: "&AMP; &Amp;" => "& &Amp;",
        unknown_references_stay: "AT&T &foo; &#; &#x; &" => "AT&T &foo; &#; &#x; &",
        name_starting_with_a_digit_stays: "&1x;" => "&1x;",
        overlong_name_stays: "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;" => "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
        one_pass_only: "&amp;lt;" => "&lt;",
        text_without_references_unchanged: "Việt Nam" => "Việt Nam",
        same_as_the_browser_in_input_entities_e2e:
            "400&percnt; &Ouml;sterreich &oslash; &NotEqualTilde; &fjlig; &CounterClockwiseContourIntegral; &notit; &copy2024 &amp; &Amp; &bigstar; &zzunknown;"
            => "400% Österreich ø \u{2242}\u{338} fj ∳ ¬it; ©2024 & &Amp; ★ &zzunknown;",
    }
}

mod entities_in_attributes {
    use super::*;
    cases! { decode_attribute;
        query_with_legacy_name_survives: "/a?x=1&copy=2&not3" => "/a?x=1&copy=2&not3",
        complete_references_decoded: "/a?x=1&amp;y=&copy;" => "/a?x=1&y=©",
        legacy_name_at_the_end_decoded: "Tom &amp" => "Tom &",
        legacy_name_before_punctuation_decoded: "&lt, &gt." => "<, >.",
    }
}

#[test]
fn full_table_has_every_whatwg_name_sorted() {
    let all = article_reader::article::entities::all_names();
    assert_eq!(all.len(), 2231);
    assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no repeats");
    assert_eq!(all.iter().filter(|(n, _)| !n.ends_with(';')).count(), 106);
}

#[test]
fn legacy_table_is_exactly_the_names_without_semicolon() {
    use article_reader::article::entities::{all_names, entries, LEGACY};
    let full: Vec<(&str, String)> =
        all_names().iter().filter(|(n, _)| !n.ends_with(';')).map(|(n, v)| (*n, (*v).to_owned())).collect();
    let small: Vec<(&str, String)> = entries(LEGACY).map(|(n, c)| (n, c.to_string())).collect();
    assert_eq!(small, full);
}

#[test]
fn small_tables_agree_with_the_full_table() {
    use article_reader::article::entities::{all_names, entries, COMMON, LEGACY};
    for (name, c) in entries(LEGACY).chain(entries(COMMON)) {
        let key = format!("{name};");
        let full = all_names().iter().find(|(n, _)| *n == key).map(|(_, v)| *v);
        assert_eq!(full, Some(c.to_string().as_str()), "{name}");
    }
    let lines = LEGACY.lines().count() + COMMON.lines().count();
    let mut names: Vec<&str> = entries(LEGACY).chain(entries(COMMON)).map(|(n, _)| n).collect();
    assert_eq!(names.len(), lines, "every line is an entry");
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), lines, "no name in both tables");
}

#[test]
fn every_whatwg_name_decodes_to_its_value() {
    for (name, value) in article_reader::article::entities::all_names() {
        let input = format!("&{name}");
        assert_eq!(decode_entities(&input), *value, "{input}");
    }
}

mod tag_stripping {
    use super::*;
    cases! { strip_tags;
        blocks_separate_words: "<p>a</p><p>b</p>" => "a b",
        inline_tags_join_words: "<b>bo</b>ld<br/>x" => "bold x",
        comments_removed: "a<!-- <p>hidden</p> -->b" => "ab",
        script_and_style_content_removed: "a<script>var x = '</p>';</script>b<STYLE>p{}</style>c" => "a b c",
        quoted_gt_inside_attribute: "<a title=\"x > y\" href='/'>link</a>" => "link",
        lone_angle_brackets_are_text: "1 < 2 and 3 > 2" => "1 < 2 and 3 > 2",
        entities_decoded_once: "&lt;b&gt; &amp;nbsp;" => "<b> &nbsp;",
        unterminated_tag_dropped: "text <p unterminated" => "text",
        nbsp_and_curly_quotes: "<p>Tin&nbsp;&#8220;nóng&#8221;</p>\n" => "Tin\u{a0}“nóng”",
        unclosed_script_drops_the_rest: "<script>never closed" => "",
        credit_text_kept: "<p>Ảnh: MT</p>" => "Ảnh: MT",
        rare_entity_in_html: "<p>400&percnt;</p>" => "400%",
    }
}

mod whitespace {
    use super::*;
    cases! { collapse_ws;
        runs_collapse_and_ends_trim: "  a \n\t b  " => "a b",
        lone_nbsp_between_words_kept: "10\u{a0}km" => "10\u{a0}km",
        nbsp_runs_and_trailing_nbsp_collapse: "a\u{a0}\u{a0}b\u{a0}" => "a b",
        control_characters_dropped: "a\u{0}b\u{7}" => "ab",
    }
}

mod cleaning {
    use super::*;
    cases! { clean;
        only_spaces_is_none: " \u{a0} \n" => None,
        trimmed: " x " => Some("x".to_owned()),
    }
}

mod plain_paragraphs {
    use super::*;
    cases! { paragraphs;
        blank_lines_split_and_lines_join: "a\nb\n\nc" => ["a b", "c"],
        without_blank_lines_every_line_splits: "a\nb\nc\n" => ["a", "b", "c"],
        crlf_and_padding: "\n\n a \r\n\r\n\r\n b \n\n" => ["a", "b"],
        whitespace_only_is_empty: "  \n " => Vec::<String>::new(),
    }
}

mod html_sniffing {
    use super::*;
    cases! { looks_like_html;
        paragraph: "<p>x</p>" => true,
        line_break: "a<br>b" => true,
        comparisons_are_not_tags: "1 < 2 > 0" => false,
        unclosed_tag_start: "a <b" => false,
    }
}

mod lede_repeats_paragraph {
    use super::*;
    cases! { |(lede, p)| repeats(lede, p);
        identical: ("Tin nóng.", "Tin nóng.") => true,
        line_break_read_without_space: ("a b", "ab") => true,
        no_break_space_against_space: ("10\u{a0}km", "10 km") => true,
        zero_width_space_ignored: ("ab", "a\u{200b}b") => true,
        different_word: ("a b", "a c") => false,
        truncated_automatic_excerpt: ("First words […]", "First words and more") => false,
        prefix_only: ("First words", "First words and more") => false,
        empty_lede_never_repeats: ("", "") => false,
    }
}

#[test]
fn escaping_covers_the_five_characters() {
    let mut out = String::new();
    escape_html("<a href=\"x\">'&'</a>", &mut out);
    assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

mod language_tags {
    use super::*;
    cases! { lang_tag;
        primary_only: "vi" => Some("vi".to_owned()),
        underscore_and_case: " VI_vn " => Some("vi-vn".to_owned()),
        script_and_region: "zh-Hant-TW" => Some("zh-Hant-TW".to_owned()),
        empty_rejected: "" => None,
        one_letter_rejected: "v" => None,
        language_name_rejected: "vietnamese" => None,
        empty_subtag_rejected: "vi--VN" => None,
        trailing_dash_rejected: "vi-" => None,
        space_rejected: "en US" => None,
        digit_primary_rejected: "1a" => None,
        long_subtag_rejected: "vi-abcdefghi" => None,
        non_ascii_rejected: "ти" => None,
    }
}

mod primary_subtags {
    use super::*;
    cases! { primary_subtag;
        region_dropped_and_lowercased: "VI-vn" => "vi",
        underscore_separator: "en_GB" => "en",
        padded: " ar " => "ar",
        empty: "" => "",
    }
}

mod right_to_left {
    use super::*;
    cases! { is_rtl;
        arabic: "ar" => true,
        hebrew_with_region: "he-IL" => true,
        persian: "fa" => true,
        urdu_with_region: "ur-PK" => true,
        vietnamese: "vi" => false,
        english: "en" => false,
    }
}

#[test]
fn helpers_are_linear_on_hostile_input() {
    let big = "<a".repeat(200_000);
    let start = std::time::Instant::now();
    assert!(!looks_like_html(&big));
    let _ = strip_tags(&big);
    let _ = decode_entities(&"&#".repeat(200_000));
    let _ = decode_entities(&"&aaaaaaaaaaa".repeat(100_000));
    let _ = decode_entities(&"&notinvaa;".repeat(100_000));
    let _ = strip_tags(&"<script>".repeat(100_000));
    let _ = strip_tags(&"<!--".repeat(100_000));
    let _ = paragraphs(&"\n \n".repeat(100_000));
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}
