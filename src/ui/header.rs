//! Article header as plain DOM: section kicker, title, lede, byline, date,
//! updated date, reading time.

use super::dom::{add, add_text, element, text, Dom};
use super::{intl, Ready};
use crate::i18n::Lang;
use web_sys::{Document, Element};

/// Builds the `<header>` of the article.
pub fn header_dom(doc: &Document, ready: &Ready, lang: Lang, tz: &str) -> Dom<Element> {
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
    let minutes = reading_minutes(ready);
    if minutes > 0 {
        let label = [minutes.to_string().as_str(), " ", t.reading_minutes].concat();
        let ui = [
            ("class", Some("ar-reading")),
            ("part", Some("reading-time")),
            ("lang", Some(lang.tag())),
            ("dir", Some(lang.dir())),
        ];
        add_text(doc, &meta, "span", &ui, &label)?;
    }
    Ok(head)
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

fn reading_minutes(ready: &Ready) -> u32 {
    let mut text = String::new();
    for n in &ready.body {
        n.text_content(&mut text);
        text.push(' ');
    }
    crate::reading::minutes(&text, ready.article.lang.as_deref())
}
