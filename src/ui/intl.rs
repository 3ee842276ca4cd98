//! Dates through the browser's `Intl.DateTimeFormat`: no chrono, no tz database
//! in the bundle. Every JS call that can throw (an unknown time zone) is caught.

use crate::article::datetime;
use crate::article::model::DateTime;
use crate::i18n::Lang;
use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type Dtf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<Dtf, JsValue>;
    #[wasm_bindgen(method, js_name = format)]
    fn format(this: &Dtf, date: &Date) -> String;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &Dtf, date: &Date) -> Array;
}

fn options(pairs: &[(&str, &str)], tz: &str) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    let _ = Reflect::set(&o, &JsValue::from_str("timeZone"), &JsValue::from_str(tz));
    o
}

/// Offset of `tz` from UTC, in minutes, at the instant `ms`; `None` for an unknown zone.
fn zone_offset_minutes(tz: &str, ms: f64) -> Option<i32> {
    let parts_opts = [
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
        ("second", "numeric"),
        ("hourCycle", "h23"),
    ];
    let dtf = Dtf::new("en-US", &options(&parts_opts, tz)).ok()?;
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

/// A date-time resolved to an instant and its offset.
pub struct Resolved {
    pub epoch_ms: f64,
    pub offset_minutes: i32,
}

/// Resolves a date-time: its own offset, else the portal's time zone (two-pass, DST-safe),
/// else +07:00 when the zone is unknown to the browser.
pub fn resolve(dt: &DateTime, tz: &str) -> Resolved {
    let naive = civil_to_epoch_ms(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second);
    if let Some(off) = dt.offset_minutes {
        return Resolved { epoch_ms: naive - f64::from(off) * 60_000.0, offset_minutes: i32::from(off) };
    }
    let first = zone_offset_minutes(tz, naive).unwrap_or(420);
    let guess = naive - f64::from(first) * 60_000.0;
    let second = zone_offset_minutes(tz, guess).unwrap_or(first);
    Resolved { epoch_ms: naive - f64::from(second) * 60_000.0, offset_minutes: second }
}

/// Formats for display in the portal time zone: Vietnamese `19/12/2019 16:00`,
/// English `19 Dec 2019, 16:00`. Returns (text, ISO value for `<time datetime>`).
pub fn format_datetime(dt: &DateTime, lang: Lang, tz: &str) -> (String, String) {
    let r = resolve(dt, tz);
    let date = Date::new(&JsValue::from_f64(r.epoch_ms));
    let iso = datetime::to_iso(&DateTime { offset_minutes: i16::try_from(r.offset_minutes).ok(), ..*dt });
    let (date_opts, sep): (&[(&str, &str)], &str) = match lang {
        Lang::Vi => (&[("day", "2-digit"), ("month", "2-digit"), ("year", "numeric")], " "),
        Lang::En => (&[("day", "numeric"), ("month", "short"), ("year", "numeric")], ", "),
    };
    let tz_ok = Dtf::new(lang.tag(), &options(date_opts, tz)).is_ok();
    let zone = if tz_ok { tz } else { "Asia/Ho_Chi_Minh" };
    let Ok(d) = Dtf::new(lang.tag(), &options(date_opts, zone)) else {
        return (iso.clone(), iso);
    };
    let mut text = d.format(&date);
    if dt.has_time {
        let time_opts = [("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h23")];
        if let Ok(t) = Dtf::new(lang.tag(), &options(&time_opts, zone)) {
            text.push_str(sep);
            text.push_str(&t.format(&date));
        }
    }
    (text, iso)
}

/// Milliseconds since the Unix epoch of a civil date-time read as UTC.
fn civil_to_epoch_ms(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> f64 {
    let dt = DateTime { year, month, day, hour, minute, second, offset_minutes: Some(0), has_time: true };
    datetime::epoch_millis(&dt, 0) as f64
}
