//! Article header as plain DOM: section kicker, title, lede, byline, date,
//! updated date, reading time.

use super::dom::{add, add_text, element, text, Dom};
use super::{intl, Ready};
use crate::i18n::Lang;
use web_sys::{Document, Element};

/// Builds the `<header>` of the article; `minutes` is its reading time.
pub fn header_dom(doc: &Document, ready: &Ready, lang: Lang, tz: &str, minutes: u32) -> Dom<Element> {
    let a = &ready.article;
    let t = lang.t();
    let head = element(doc, "header", &[("class", Some("ar-head")), ("part", Some("header"))])?;
    if let Some(s) = &a.section {
        let tag = if s.url.is_some() { "a" } else { "span" };
        let attrs = [("class", Some("ar-kicker")), ("part", Some("section")), ("href", s.url.as_deref())];
        add_text(doc, &head, tag, &attrs, &s.name)?;
    }
    let title = a.title.as_deref().unwrap_or(t.untitled);
    add_text(doc, &head, "h1", &[("class", Some("ar-title")), ("part", Some("title"))], title)?;
    if let Some(l) = &a.lede {
        add_text(doc, &head, "p", &[("class", Some("ar-lede")), ("part", Some("lede"))], l)?;
    }
    let meta = add(doc, &head, "p", &[("class", Some("ar-meta")), ("part", Some("meta"))])?;
    authors(doc, &meta, ready)?;
    dates(doc, &meta, ready, lang, tz)?;
    set_reading_minutes(&meta, lang, minutes)?;
    Ok(head)
}

/// Shows `minutes` as the reading time in the byline row `meta` (replacing the
/// one shown; none for 0).
pub fn set_reading_minutes(meta: &Element, lang: Lang, minutes: u32) -> Dom<()> {
    let label = [minutes.to_string().as_str(), " ", lang.t().reading_minutes].concat();
    if let Some(shown) = meta.query_selector(".ar-reading")? {
        shown.set_text_content(Some(&label));
        return Ok(());
    }
    if minutes > 0 {
        let Some(doc) = meta.owner_document() else { return Ok(()) };
        let ui = [
            ("class", Some("ar-reading")),
            ("part", Some("reading-time")),
            ("lang", Some(lang.tag())),
            ("dir", Some(lang.dir())),
        ];
        add_text(&doc, meta, "span", &ui, &label)?;
    }
    Ok(())
}

fn authors(doc: &Document, meta: &Element, ready: &Ready) -> Dom<()> {
    let list = &ready.article.authors;
    if list.is_empty() {
        return Ok(());
    }
    let span = add(doc, meta, "span", &[("class", Some("ar-author")), ("part", Some("author"))])?;
    for (i, au) in list.iter().enumerate() {
        if i > 0 {
            text(doc, &span, ", ")?;
        }
        match &au.url {
            Some(url) => drop(add_text(doc, &span, "a", &[("href", Some(url)), ("rel", Some("author"))], &au.name)?),
            None => text(doc, &span, &au.name)?,
        }
    }
    Ok(())
}

fn dates(doc: &Document, meta: &Element, ready: &Ready, lang: Lang, tz: &str) -> Dom<()> {
    let a = &ready.article;
    let ui = |class| [("class", Some(class)), ("lang", Some(lang.tag())), ("dir", Some(lang.dir()))];
    if let Some(dt) = &a.published {
        let (label, iso) = intl::format_datetime(dt, lang, tz);
        let time = add_text(doc, meta, "time", &ui("ar-date"), &label)?;
        time.set_attribute("part", "date")?;
        time.set_attribute("datetime", &iso)?;
    }
    // Normalization keeps `updated` only when it is more than a minute after `published`.
    if let Some(dt) = &a.updated {
        let (label, iso) = intl::format_datetime(dt, lang, tz);
        let span = add_text(doc, meta, "span", &ui("ar-updated"), &[lang.t().updated, " "].concat())?;
        add_text(doc, &span, "time", &[("datetime", Some(&iso))], &label)?;
    }
    Ok(())
}

/// The reading time of the converted body, counted one top-level block at a
/// time (one block's text in memory, not the body's).
pub fn reading_time(ready: &Ready) -> crate::reading::ReadingTime {
    let mut time = crate::reading::ReadingTime::new(ready.article.lang.as_deref());
    ready.body.iter().for_each(|n| time.add_node(n));
    time
}
