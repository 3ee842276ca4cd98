//! Small readers shared by the adapters: links, images, dates, plain text.

use super::datetime;
use super::json::Json;
use super::model::{DateTime, Image, Link};
use super::text;

/// A trimmed, non-empty string field.
pub fn string(v: &Json) -> Option<String> {
    v.str().map(str::to_owned)
}

/// A string field that may carry HTML entities or tags (WordPress, JSON-LD):
/// tags stripped when it looks like HTML, entities decoded.
pub fn plain(v: &Json) -> Option<String> {
    let s = v.str()?;
    let out = if text::looks_like_html(s) { text::strip_tags(s) } else { text::decode_entities(s) };
    Some(out)
}

/// A date field.
pub fn date(v: &Json) -> Option<DateTime> {
    v.str().and_then(datetime::parse)
}

/// `"Name"` or `{"name", "url"}` (`title` accepted for `name`).
pub fn link(v: &Json) -> Option<Link> {
    match v {
        Json::Str(_) => Some(Link { name: string(v)?, url: None }),
        Json::Obj(_) => Some(Link { name: v.get_any(&["name", "title"]).text()?, url: string(v.get("url")) }),
        _ => None,
    }
}

/// Every [`link`] of a list (or of a single value).
pub fn links(v: &Json) -> Vec<Link> {
    v.items().iter().filter_map(link).collect()
}

/// `"https://...jpg"` or `{"src"|"url", "srcset", "alt", "width", "height", "caption", "credit"}`
/// (in an array: the first usable one).
pub fn image(v: &Json) -> Option<Image> {
    match v {
        Json::Str(_) => Some(Image { src: string(v)?, ..Image::default() }),
        Json::Obj(_) => Some(image_with(v, string(v.get_any(&["src", "url"]))?)),
        Json::Arr(list) => list.iter().find_map(|i| if matches!(i, Json::Arr(_)) { None } else { image(i) }),
        _ => None,
    }
}

/// The image object `v` (possibly `null`) with `src` as its source.
pub fn image_with(v: &Json, src: String) -> Image {
    Image {
        src,
        srcset: string(v.get("srcset")),
        alt: string(v.get("alt")).unwrap_or_default(),
        width: v.get("width").dimension(),
        height: v.get("height").dimension(),
        caption: string(v.get("caption")),
        credit: string(v.get("credit")),
    }
}

/// Tags: strings or `{"name"}` objects.
pub fn tags(v: &Json) -> Vec<String> {
    v.items().iter().filter_map(|t| t.text().or_else(|| t.get("name").text())).collect()
}
