//! Widget configuration (`Config::set`, `FromStr` of the option enums), one case per test.

#[macro_use]
mod cases;

use article_reader::article::json::Json;
use article_reader::article::Format;
use article_reader::config::{Config, Theme, DEFAULT_TIMEOUT_MS};
use article_reader::i18n::Lang;

/// A default config with one option set from a JSON value.
fn set(key: &str, value: &str) -> Result<Config, String> {
    let v: Json = serde_json::from_str(value).unwrap_or_else(|e| panic!("bad test JSON {value}: {e}"));
    let mut c = Config::default();
    c.set(key, &v).map(|()| c)
}

fn err(key: &str, value: &str) -> String {
    set(key, value).err().unwrap_or_default()
}

mod themes {
    use super::*;
    cases! { |s: &str| s.parse::<Theme>().ok();
        light: "light" => Some(Theme::Light),
        case_and_spaces: " Dark " => Some(Theme::Dark),
        sepia: "sepia" => Some(Theme::Sepia),
        empty_is_auto: "" => Some(Theme::Auto),
        unknown: "blue" => None,
    }
}

mod formats {
    use super::*;
    cases! { |s: &str| s.parse::<Format>().ok();
        native: "native" => Some(Format::Native),
        wp_alias: "WP" => Some(Format::WordPress),
        json_ld_with_dash: "json-ld" => Some(Format::JsonLd),
        schema_org_alias: "schema.org" => Some(Format::JsonLd),
        json_feed_with_dash: "json-feed" => Some(Format::JsonFeed),
        unknown: "rss" => None,
    }
}

mod languages {
    use super::*;
    cases! { |s: &str| s.parse::<Lang>().ok();
        vietnamese_with_region: "vi-VN" => Some(Lang::Vi),
        english_underscore: "EN_gb" => Some(Lang::En),
        other_language: "fr" => None,
        empty: "" => None,
    }
}

mod options {
    use super::*;
    cases! { |(k, v)| set(k, v).ok().map(|c| (c.theme, c.lang, c.format, c.font_step, c.timeout_ms, c.lazy));
        theme_attribute: ("theme", r#""sepia""#) => Some((Some(Theme::Sepia), None, None, None, DEFAULT_TIMEOUT_MS, false)),
        lang_data_attribute: ("data-lang", r#""en-US""#) => Some((None, Some(Lang::En), None, None, DEFAULT_TIMEOUT_MS, false)),
        format_auto_is_detection: ("format", r#""auto""#) => Some((None, None, None, None, DEFAULT_TIMEOUT_MS, false)),
        format_forced: ("format", r#""jsonld""#) => Some((None, None, Some(Format::JsonLd), None, DEFAULT_TIMEOUT_MS, false)),
        font_scale_factor_number: ("fontScale", "1.25") => Some((None, None, None, Some(4), DEFAULT_TIMEOUT_MS, false)),
        font_scale_percentage: ("font-scale", r#""140%""#) => Some((None, None, None, Some(5), DEFAULT_TIMEOUT_MS, false)),
        font_scale_keyword: ("font-scale", r#""small""#) => Some((None, None, None, Some(1), DEFAULT_TIMEOUT_MS, false)),
        timeout_number: ("timeout", "5000") => Some((None, None, None, None, 5000, false)),
        timeout_string: ("timeout", r#""2500""#) => Some((None, None, None, None, 2500, false)),
        timeout_null_is_default: ("timeout", "null") => Some((None, None, None, None, DEFAULT_TIMEOUT_MS, false)),
        loading_lazy: ("loading", r#""lazy""#) => Some((None, None, None, None, DEFAULT_TIMEOUT_MS, true)),
        null_theme_unsets: ("theme", "null") => Some((None, None, None, None, DEFAULT_TIMEOUT_MS, false)),
        array_theme_reads_as_unset: ("theme", "[1]") => Some((None, None, None, None, DEFAULT_TIMEOUT_MS, false)),
    }
}

mod errors {
    use super::*;
    cases! { |(k, v)| err(k, v);
        unknown_theme: ("theme", r#""blue""#) => r#"option `theme` must be auto, light, sepia or dark (got "blue")"#,
        unknown_lang: ("lang", r#""fr""#) => r#"option `lang` must be "vi" or "en" (got "fr")"#,
        unknown_format: ("format", r#""rss""#) => r#"option `format` must be auto, native, wordpress, jsonld or jsonfeed (got "rss")"#,
        font_factor_out_of_range: ("fontScale", "9") => "option `font-scale` must be a factor between 0.5 and 4, like 1.25 (got 9)",
        font_text_unreadable: ("font-scale", r#""huge""#) => r#"option `font-scale` must be a factor like 1.25 or a percentage like 125% (got "huge")"#,
        timeout_too_short: ("timeout", "10") => "option `timeout` must be a number of milliseconds between 100 and 120000 (got 10)",
        timeout_not_a_number: ("timeout", r#""soon""#) => r#"option `timeout` must be a number of milliseconds between 100 and 120000 (got "soon")"#,
        loading_unknown: ("loading", r#""later""#) => r#"option `loading` must be "lazy" or "eager" (got "later")"#,
        time_zone_with_space: ("timeZone", r#""Asia/Ho Chi Minh""#) => r#"option `time-zone` must be an IANA time zone name like "Asia/Ho_Chi_Minh" (got "Asia/Ho Chi Minh")"#,
        data_not_a_string: ("data", "{}") => "option `data` must be a JSON string (pass JSON.stringify(article)) (got an object)",
        unknown_option: ("colour", r#""red""#) => "unknown option `colour` (known: src, data, lang, theme, font-scale, format, timeout, loading, time-zone)",
        timeout_too_long: ("timeout", "120001") => "option `timeout` must be a number of milliseconds between 100 and 120000 (got 120001)",
    }
}

#[test]
fn src_and_data_and_time_zone_are_kept_as_given() {
    let c = set("src", r#""/api/a.json""#).expect("src");
    assert_eq!(c.src.as_deref(), Some("/api/a.json"));
    let c = set("data", r#""{\"version\":1}""#).expect("data");
    assert_eq!(c.inline.as_deref(), Some(r#"{"version":1}"#));
    let c = set("time-zone", r#""Europe/Paris""#).expect("tz");
    assert_eq!(c.time_zone, "Europe/Paris");
}

#[test]
fn options_object_stops_at_the_first_error() {
    let v: Json = serde_json::from_str(r#"{"theme": "dark", "timeout": 1, "lang": "en"}"#).expect("json");
    let mut c = Config::default();
    assert!(c.apply_object(&v).is_err());
    assert_eq!((c.theme, c.lang), (Some(Theme::Dark), None));
}
