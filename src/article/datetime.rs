//! RFC 3339 / ISO 8601 dates into [`DateTime`], and back for `<time datetime>`.
//!
//! Accepts `2019-12-19T16:00:00+07:00`, `...Z`, `...+0700`, `...+07`, fractional
//! seconds (ignored), a space instead of `T`, no seconds, no offset, and a date
//! alone. Rejects impossible dates (`2019-02-30`, month 13) and trailing garbage.

use super::model::DateTime;

/// Parses an RFC 3339 / ISO 8601 date or date-time. `None` when invalid.
pub fn parse(s: &str) -> Option<DateTime> {
    let b = s.trim().as_bytes();
    let mut p = Cursor { b, i: 0 };
    let year = p.digits(4)? as i32;
    p.eat(b'-').then_some(())?;
    let month = p.digits(2)? as u8;
    p.eat(b'-').then_some(())?;
    let day = p.digits(2)? as u8;
    if year < 1 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut dt = DateTime { year, month, day, hour: 0, minute: 0, second: 0, offset_minutes: None, has_time: false };
    if p.done() {
        return Some(dt);
    }
    if !(p.eat(b'T') || p.eat(b't') || p.eat(b' ')) {
        return None;
    }
    dt.hour = p.digits(2)? as u8;
    p.eat(b':').then_some(())?;
    dt.minute = p.digits(2)? as u8;
    if p.eat(b':') {
        dt.second = p.digits(2)?.min(59) as u8; // a leap second reads as :59
        if p.eat(b'.') || p.eat(b',') {
            let start = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            if p.i == start {
                return None;
            }
        }
    }
    if dt.hour > 23 || dt.minute > 59 || dt.second > 60 {
        return None;
    }
    dt.has_time = true;
    match p.peek() {
        None => {}
        Some(b'Z' | b'z') => {
            p.i += 1;
            dt.offset_minutes = Some(0);
        }
        Some(sign @ (b'+' | b'-')) => {
            p.i += 1;
            let h = p.digits(2)? as i16;
            let has_colon = p.eat(b':');
            let m = if has_colon || !p.done() { p.digits(2)? as i16 } else { 0 };
            if h > 18 || m > 59 {
                return None;
            }
            let total = h * 60 + m;
            dt.offset_minutes = Some(if sign == b'-' { -total } else { total });
        }
        Some(_) => return None,
    }
    p.done().then_some(dt)
}

/// [`parse`], else the day of an ISO date whose time part is garbled
/// (`2016-05-24T05:55%Z` reads as 2016-05-24, shown without a time). JSON-LD
/// only, where real pages publish such values. Other non-ISO forms (RFC 2822
/// e-mail dates) are not read: parsing English month and zone names would cost
/// the wasm about 0.7 KB brotli for one page in the corpus.
pub fn parse_lenient(s: &str) -> Option<DateTime> {
    parse(s).or_else(|| date_prefix(s))
}

/// The `YYYY-MM-DD` a garbled ISO date-time starts with.
fn date_prefix(s: &str) -> Option<DateTime> {
    let s = s.trim();
    let rest = s.get(10..)?;
    (rest.starts_with(['T', 't', ' '])).then_some(())?;
    parse(s.get(..10)?)
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.i += hit as usize;
        hit
    }
    /// Exactly `n` ASCII digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let mut v = 0u32;
        for _ in 0..n {
            let c = self.peek().filter(u8::is_ascii_digit)?;
            v = v * 10 + u32::from(c - b'0');
            self.i += 1;
        }
        Some(v)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in `month` (1..=12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let m = i64::from(month.clamp(1, 12));
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Zones whose offset has not changed since an instant: (name, since, offset in
/// minutes). From the tz database: Vietnam has kept +07:00 since 1975-06-13 (UTC
/// never changes). Instants from `since` on need no `Intl.DateTimeFormat`, whose
/// first construction costs tens of milliseconds on a phone; anything else asks the
/// browser. A browser test checks every entry against the browser's own zone data.
pub const FIXED_ZONES: [(&str, i64, i16); 5] = [
    ("Asia/Ho_Chi_Minh", 189_302_400_000, 420), // since 1976-01-01T00:00Z
    ("Asia/Saigon", 189_302_400_000, 420),
    ("UTC", i64::MIN, 0),
    ("Etc/UTC", i64::MIN, 0),
    ("Etc/GMT", i64::MIN, 0),
];

/// The offset of `tz` at the instant `ms` when [`FIXED_ZONES`] knows it.
pub fn fixed_offset(tz: &str, ms: f64) -> Option<i16> {
    FIXED_ZONES.iter().find(|(name, since, _)| *name == tz && ms >= *since as f64).map(|z| z.2)
}

/// True when `tz` is one of the [`FIXED_ZONES`] (a zone every browser knows).
pub fn is_fixed_zone(tz: &str) -> bool {
    FIXED_ZONES.iter().any(|(name, _, _)| *name == tz)
}

/// The civil date-time (proleptic Gregorian, H. Hinnant's inverse) `offset_minutes`
/// east of UTC at the instant `ms` (milliseconds since the Unix epoch), with that
/// offset. Any `ms` gives a valid value (years are clamped to what `i32` holds).
pub fn from_epoch_millis(ms: i64, offset_minutes: i16) -> DateTime {
    let secs = ms.div_euclid(1000).saturating_add(i64::from(offset_minutes) * 60);
    let days = secs.div_euclid(86_400);
    let tod = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    DateTime {
        year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        month,
        day,
        hour: (tod / 3600) as u8,
        minute: (tod / 60 % 60) as u8,
        second: (tod % 60) as u8,
        offset_minutes: Some(offset_minutes),
        has_time: true,
    }
}

/// Milliseconds since the Unix epoch. A value without an offset is read at
/// `default_offset_minutes` (the portal's zone, e.g. 420 for UTC+7).
pub fn epoch_millis(dt: &DateTime, default_offset_minutes: i16) -> i64 {
    let days = days_from_civil(dt.year, dt.month, dt.day);
    let secs = days * 86_400 + i64::from(dt.hour) * 3600 + i64::from(dt.minute) * 60 + i64::from(dt.second);
    let offset = i64::from(dt.offset_minutes.unwrap_or(default_offset_minutes));
    (secs - offset * 60) * 1000
}

/// The value as ISO 8601 for `<time datetime>`: `2019-12-19T16:00:00+07:00`,
/// `...Z`, without an offset when it had none, or `2019-12-19` for a date alone.
pub fn to_iso(dt: &DateTime) -> String {
    let mut s = String::with_capacity(25);
    push_num(&mut s, dt.year.clamp(0, 9999) as u32, 4);
    s.push('-');
    push_num(&mut s, u32::from(dt.month), 2);
    s.push('-');
    push_num(&mut s, u32::from(dt.day), 2);
    if !dt.has_time {
        return s;
    }
    s.push('T');
    for (i, v) in [dt.hour, dt.minute, dt.second].into_iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        push_num(&mut s, u32::from(v), 2);
    }
    match dt.offset_minutes {
        None => {}
        Some(0) => s.push('Z'),
        Some(off) => {
            s.push(if off < 0 { '-' } else { '+' });
            let a = u32::from(off.unsigned_abs());
            push_num(&mut s, a / 60, 2);
            s.push(':');
            push_num(&mut s, a % 60, 2);
        }
    }
    s
}

/// Appends `v` zero-padded to `width` digits.
pub fn push_num(s: &mut String, v: u32, width: u32) {
    let mut div = 10u32.pow(width.saturating_sub(1).min(9));
    while v / div >= 10 {
        div *= 10;
    }
    while div > 0 {
        s.push(char::from(b'0' + ((v / div) % 10) as u8));
        div /= 10;
    }
}
