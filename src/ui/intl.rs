//! Dates in the portal's time zone through the browser's `Intl.DateTimeFormat` (its
//! offsets only): no chrono, no tz database in the bundle. Every JS call that can
//! throw (an unknown time zone) is caught.

use crate::article::datetime;
use crate::article::model::DateTime;
use crate::i18n::Lang;
use js_sys::{Array, Date, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type Dtf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<Dtf, JsValue>;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &Dtf, date: &Date) -> Array;
}

thread_local! {
    /// The zones' formatters made so far (`None`: the browser does not know the zone).
    /// Constructing an `Intl.DateTimeFormat` costs tens of milliseconds on a phone.
    static FORMATTERS: RefCell<Vec<(String, Option<Dtf>)>> = const { RefCell::new(Vec::new()) };
}

/// The wall-clock parts formatter of `tz`, made once per page.
fn formatter(tz: &str) -> Option<Dtf> {
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, dtf)) = cache.iter().find(|(k, _)| k == tz) {
            return dtf.clone();
        }
        let dtf = Dtf::new("en-US", &options(&PARTS, tz)).ok();
        cache.push((tz.to_owned(), dtf.clone()));
        dtf
    })
}

fn options(pairs: &[(&str, &str)], tz: &str) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    let _ = Reflect::set(&o, &JsValue::from_str("timeZone"), &JsValue::from_str(tz));
    o
}

/// The fields of a zone's wall clock, read back with `formatToParts`.
const PARTS: [(&str, &str); 7] = [
    ("year", "numeric"),
    ("month", "numeric"),
    ("day", "numeric"),
    ("hour", "numeric"),
    ("minute", "numeric"),
    ("second", "numeric"),
    ("hourCycle", "h23"),
];

/// Offset of `tz` from UTC, in minutes, at the instant `ms`; `None` for an unknown zone.
fn zone_offset_minutes(tz: &str, ms: f64) -> Option<i32> {
    if let Some(off) = datetime::fixed_offset(tz, ms) {
        return Some(i32::from(off));
    }
    let dtf = formatter(tz)?;
    let parts = dtf.format_to_parts(&Date::new(&JsValue::from_f64(ms)));
    let mut f = [0i64; 6]; // year month day hour minute second
    for part in parts.iter() {
        let kind = Reflect::get(&part, &JsValue::from_str("type")).ok()?.as_string()?;
        let value = Reflect::get(&part, &JsValue::from_str("value")).ok()?.as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        if let (Some(cell), Ok(n)) = (f.get_mut(slot), value.parse::<i64>()) {
            *cell = n;
        }
    }
    let local = civil_to_epoch_ms(f[0] as i32, f[1] as u8, f[2] as u8, f[3] as u8, f[4] as u8, f[5] as u8);
    let utc = (ms / 1000.0).floor() * 1000.0;
    Some(((local - utc) / 60_000.0).round() as i32)
}

/// Resolves a date-time to an instant and its offset: its own offset, else the portal's
/// time zone (two-pass, DST-safe), else +07:00 when the zone is unknown to the browser.
fn resolve(dt: &DateTime, tz: &str) -> (f64, i32) {
    let naive = civil_to_epoch_ms(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second);
    if let Some(off) = dt.offset_minutes {
        return (naive - f64::from(off) * 60_000.0, i32::from(off));
    }
    let first = zone_offset_minutes(tz, naive).unwrap_or(420);
    let guess = naive - f64::from(first) * 60_000.0;
    let second = zone_offset_minutes(tz, guess).unwrap_or(first);
    (naive - f64::from(second) * 60_000.0, second)
}

/// Formats for display in the portal time zone: Vietnamese `19/12/2019 16:00`,
/// English `19 Dec 2019, 16:00`. Returns (text, ISO value for `<time datetime>`).
/// An unknown zone reads as `Asia/Ho_Chi_Minh`. Intl only gives the zone's offsets
/// (one formatter per zone and page, none for [`datetime::FIXED_ZONES`] at recent
/// instants); the text is [`Lang::date_label`].
pub fn format_datetime(dt: &DateTime, lang: Lang, tz: &str) -> (String, String) {
    const HOME: &str = "Asia/Ho_Chi_Minh";
    let known = datetime::is_fixed_zone(tz) || formatter(tz).is_some();
    let zone = if known { tz } else { HOME };
    let (epoch_ms, offset) = resolve(dt, zone);
    let iso = datetime::to_iso(&DateTime { offset_minutes: i16::try_from(offset).ok(), ..*dt });
    let wall = match dt.offset_minutes {
        // A value without an offset is already the portal's wall clock.
        None => *dt,
        Some(_) => {
            let here = zone_offset_minutes(zone, epoch_ms).unwrap_or(420);
            let ms = epoch_ms as i64; // finite: built from a parsed civil date
            DateTime { has_time: dt.has_time, ..datetime::from_epoch_millis(ms, i16::try_from(here).unwrap_or(420)) }
        }
    };
    (lang.date_label(&wall), iso)
}

/// Milliseconds since the Unix epoch of a civil date-time read as UTC.
fn civil_to_epoch_ms(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> f64 {
    let dt = DateTime { year, month, day, hour, minute, second, offset_minutes: Some(0), has_time: true };
    datetime::epoch_millis(&dt, 0) as f64
}
