//! Widget configuration: attribute and JS-option parsing and validation. Pure Rust.
//!
//! Attributes (`src`, `lang`, `theme`...) and `ArticleReader.mount` options go
//! through the same [`Config::set`], so both accept exactly the same values and
//! report the same errors.

use crate::article::json::Json;
use crate::article::Format;
use crate::i18n::Lang;

/// Font-size steps in percent of the reader's base size. Index [`DEFAULT_STEP`] is 100 %.
pub const SCALE_STEPS: [u16; 11] = [75, 85, 100, 110, 125, 140, 160, 180, 200, 225, 250];
/// Index of 100 % in [`SCALE_STEPS`].
pub const DEFAULT_STEP: usize = 2;
/// Default fetch timeout.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// Default portal time zone for date-times without an offset.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows `prefers-color-scheme`, live.
    #[default]
    Auto,
    Light,
    Sepia,
    Dark,
}

/// A theme value that names no [`Theme`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownTheme;

impl std::str::FromStr for Theme {
    type Err = UnknownTheme;

    /// `auto` (also empty), `light`, `sepia`, `dark`; case-insensitive, trimmed.
    fn from_str(s: &str) -> Result<Theme, UnknownTheme> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "sepia" => Ok(Theme::Sepia),
            "dark" => Ok(Theme::Dark),
            _ => Err(UnknownTheme),
        }
    }
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Sepia, Theme::Dark];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
        }
    }
}

/// Reads a font scale given as a factor (`1.25`), a percentage (`125%`) or a
/// step keyword (`small`/`normal`/`large`) and returns the nearest step index.
pub fn parse_font_scale(s: &str) -> Option<usize> {
    let s = s.trim();
    let percent = match s.to_ascii_lowercase().as_str() {
        "small" => 85.0,
        "normal" | "default" | "" => 100.0,
        "large" => 125.0,
        other => {
            if let Some(p) = other.strip_suffix('%') {
                crate::article::json::parse_finite(p.trim())?
            } else {
                crate::article::json::parse_finite(other)? * 100.0
            }
        }
    };
    if !percent.is_finite() || !(50.0..=400.0).contains(&percent) {
        return None;
    }
    nearest_step(percent)
}

/// Index of the step closest to `percent`.
pub fn nearest_step(percent: f64) -> Option<usize> {
    SCALE_STEPS
        .iter()
        .enumerate()
        .min_by(|a, b| {
            let da = (f64::from(*a.1) - percent).abs();
            let db = (f64::from(*b.1) - percent).abs();
            da.total_cmp(&db)
        })
        .map(|(i, _)| i)
}

/// Scale factor of a step index (clamped to the valid range).
pub fn step_factor(step: usize) -> f64 {
    let i = step.min(SCALE_STEPS.len() - 1);
    f64::from(SCALE_STEPS.get(i).copied().unwrap_or(100)) / 100.0
}

/// `step_factor(step).to_string()` ("0.75", "1", "1.1", "2.25"), from the integer
/// percentage: CSS gets the same text without the wasm linking float formatting.
pub fn step_factor_text(step: usize) -> String {
    let p = SCALE_STEPS.get(step.min(SCALE_STEPS.len() - 1)).copied().unwrap_or(100);
    let (int, frac) = (p / 100, p % 100);
    let mut s = int.to_string();
    if frac != 0 {
        s.push('.');
        s.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            s.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    s
}

/// One widget instance's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Article URL (relative to the host page, or absolute).
    pub src: Option<String>,
    /// Inline article JSON (from a `<script type="application/json">` child or the `data` option).
    pub inline: Option<String>,
    /// UI language; `None` = the page's `lang`, else Vietnamese.
    pub lang: Option<Lang>,
    /// Admin's theme default; the reader's own choice wins.
    pub theme: Option<Theme>,
    /// Admin's font-scale default (a step index); the reader's own choice wins.
    pub font_step: Option<usize>,
    pub format: Option<Format>,
    pub timeout_ms: u32,
    /// Fetch only when near the viewport.
    pub lazy: bool,
    /// IANA time zone for dates without offset, and for display.
    pub time_zone: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            src: None,
            inline: None,
            lang: None,
            theme: None,
            font_step: None,
            format: None,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            lazy: false,
            time_zone: DEFAULT_TIME_ZONE.to_owned(),
        }
    }
}

/// Option names accepted by [`Config::set`] (attribute names; `data-` prefixed forms too).
pub const OPTION_NAMES: [&str; 9] =
    ["src", "data", "lang", "theme", "font-scale", "format", "timeout", "loading", "time-zone"];

impl Config {
    /// Sets one option from an attribute string or a JS value. Keys may be written
    /// as attributes (`font-scale`) or in camelCase (`fontScale`). Returns a clear,
    /// English error for developers on an unknown key or an invalid value.
    pub fn set(&mut self, key: &str, value: &Json) -> Result<(), String> {
        let key = normalize_key(key);
        let text = value.text();
        let t = text.as_deref();
        let bad = |expected: &str| invalid(&key, value, expected);
        match key.as_str() {
            "src" => self.src = text,
            "data" => {
                self.inline = inline_json(value).ok_or_else(|| bad("a JSON string (pass JSON.stringify(article))"))?
            }
            "lang" => self.lang = optional(t, str::parse).ok_or_else(|| bad("\"vi\" or \"en\""))?,
            "theme" => self.theme = optional(t, str::parse).ok_or_else(|| bad("auto, light, sepia or dark"))?,
            "font-scale" => self.font_step = font_step(value, t).ok_or_else(|| bad(font_scale_expected(value)))?,
            "format" => {
                let t = t.filter(|t| *t != "auto");
                self.format =
                    optional(t, str::parse).ok_or_else(|| bad("auto, native, wordpress, jsonld or jsonfeed"))?
            }
            "timeout" => {
                self.timeout_ms =
                    timeout(value, t).ok_or_else(|| bad("a number of milliseconds between 100 and 120000"))?
            }
            "loading" => {
                self.lazy = match t {
                    None | Some("eager") | Some("auto") => false,
                    Some("lazy") => true,
                    _ => return Err(bad("\"lazy\" or \"eager\"")),
                }
            }
            "time-zone" => {
                self.time_zone = match t {
                    None => DEFAULT_TIME_ZONE.to_owned(),
                    Some(t) if valid_time_zone_name(t) => t.to_owned(),
                    Some(_) => return Err(bad("an IANA time zone name like \"Asia/Ho_Chi_Minh\"")),
                }
            }
            _ => return Err(["unknown option `", key.as_str(), "` (known: ", &OPTION_NAMES.join(", "), ")"].concat()),
        }
        Ok(())
    }

    /// Applies every member of a JS options object; stops at the first error.
    pub fn apply_object(&mut self, options: &Json) -> Result<(), String> {
        match options {
            Json::Null => Ok(()),
            Json::Obj(fields) => fields.iter().try_for_each(|(k, v)| self.set(k, v)),
            _ => Err("options must be an object, like { src: \"/api/articles/1.json\" }".to_owned()),
        }
    }
}

/// `None` (unset) stays `Some(None)`; a value is parsed, `None` when invalid.
fn optional<T, E>(text: Option<&str>, parse: impl Fn(&str) -> Result<T, E>) -> Option<Option<T>> {
    match text {
        None => Some(None),
        Some(t) => parse(t).ok().map(Some),
    }
}

/// The `data` option: a JSON string, or `null` for none.
fn inline_json(value: &Json) -> Option<Option<String>> {
    match value {
        Json::Null => Some(None),
        Json::Str(s) => Some(Some(s.clone())),
        _ => None,
    }
}

/// The `font-scale` option: a number is a factor, text is read by [`parse_font_scale`].
fn font_step(value: &Json, text: Option<&str>) -> Option<Option<usize>> {
    match (value, text) {
        (_, None) => Some(None),
        (Json::Num(n), _) => Some(*n * 100.0).filter(|p| (50.0..=400.0).contains(p)).and_then(nearest_step).map(Some),
        (_, Some(t)) => parse_font_scale(t).map(Some),
    }
}

fn font_scale_expected(value: &Json) -> &'static str {
    match value {
        Json::Num(_) => "a factor between 0.5 and 4, like 1.25",
        _ => "a factor like 1.25 or a percentage like 125%",
    }
}

/// The `timeout` option in milliseconds; unset is the default.
fn timeout(value: &Json, text: Option<&str>) -> Option<u32> {
    match value.num() {
        None if text.is_none() => Some(DEFAULT_TIMEOUT_MS),
        Some(ms) if (100.0..=120_000.0).contains(&ms) => Some(ms as u32),
        _ => None,
    }
}

/// The developer-facing message for an invalid value of option `key`.
fn invalid(key: &str, value: &Json, expected: &str) -> String {
    let got = match value {
        Json::Str(s) => quote(s),
        Json::Num(n) => crate::article::json::num_text(*n),
        Json::Bool(b) => b.to_string(),
        Json::Null => "null".to_owned(),
        Json::Arr(_) => "an array".to_owned(),
        Json::Obj(_) => "an object".to_owned(),
    };
    ["option `", key, "` must be ", expected, " (got ", &got, ")"].concat()
}

/// `fontScale`, `data-font-scale` and `font-scale` all name the same option.
fn normalize_key(key: &str) -> String {
    let key = key.trim();
    let key = key.strip_prefix("data-").unwrap_or(key);
    let mut out = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn quote(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    ["\"", &short, "\""].concat()
}

/// A syntactic check only (`Area/City`, `UTC`); `Intl` rejects unknown zones at display time.
fn valid_time_zone_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
}

#[cfg(test)]
mod tests {
    use super::{step_factor, step_factor_text, SCALE_STEPS};

    #[test]
    fn step_factor_text_is_the_factor_display() {
        for step in 0..SCALE_STEPS.len() + 3 {
            assert_eq!(step_factor_text(step), step_factor(step).to_string(), "step {step}");
        }
    }
}
