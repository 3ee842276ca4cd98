//! After the body, as plain DOM: tags, "Chuyên mục khác" (other sections),
//! related articles.

use super::dom::{add, add_text, element, Dom};
use super::intl;
use crate::i18n::Lang;
use crate::model::article::{Link, RelatedArticle};
use web_sys::{Document, Element};

/// Appends the tags, sections and related articles the article has to `parent`.
pub fn after_body(
    doc: &Document,
    parent: &Element,
    a: &crate::model::article::Article,
    lang: Lang,
    tz: &str,
) -> Dom<()> {
    if !a.tags.is_empty() {
        parent.append_child(&tags_dom(doc, &a.tags, lang)?.into())?;
    }
    if !a.categories.is_empty() {
        parent.append_child(&sections_dom(doc, &a.categories, lang)?.into())?;
    }
    if !a.related.is_empty() {
        parent.append_child(&related_dom(doc, &a.related, lang, tz)?.into())?;
    }
    Ok(())
}

/// A heading in the UI language (not the article's).
fn ui_heading(doc: &Document, parent: &Element, text: &str, lang: Lang) -> Dom<Element> {
    add_text(
        doc,
        parent,
        "h2",
        &[("class", Some("ar-h2")), ("lang", Some(lang.tag())), ("dir", Some(lang.dir()))],
        text,
    )
}

fn link_dom(doc: &Document, parent: &Element, l: &Link) -> Dom<Element> {
    let tag = if l.url.is_some() { "a" } else { "span" };
    add_text(doc, parent, tag, &[("href", l.url.as_deref())], &l.name)
}

/// A labelled `tag` (class and part) with its heading and an empty list:
/// (the container, the list).
fn headed_list(
    doc: &Document,
    tag: &'static str,
    class: &str,
    part: &str,
    heading: &str,
    lang: Lang,
) -> Dom<(Element, Element)> {
    let attrs = [("class", Some(class)), ("part", Some(part)), ("aria-label", Some(heading))];
    let container = element(doc, tag, &attrs)?;
    ui_heading(doc, &container, heading, lang)?;
    let ul = add(doc, &container, "ul", &[])?;
    Ok((container, ul))
}

/// The related-categories navigation ("Chuyên mục khác").
fn sections_dom(doc: &Document, cats: &[Link], lang: Lang) -> Dom<Element> {
    let (nav, ul) = headed_list(doc, "nav", "ar-sections", "sections", lang.t().other_sections, lang)?;
    for c in cats {
        let li = add(doc, &ul, "li", &[])?;
        link_dom(doc, &li, c)?;
    }
    Ok(nav)
}

/// Tags as a plain list.
fn tags_dom(doc: &Document, tags: &[String], lang: Lang) -> Dom<Element> {
    let label = lang.t().tags;
    let div = element(doc, "div", &[("class", Some("ar-tags")), ("part", Some("tags"))])?;
    let ui = [("class", Some("ar-tags-label")), ("lang", Some(lang.tag())), ("dir", Some(lang.dir()))];
    add_text(doc, &div, "span", &ui, &[label, ": "].concat())?;
    let ul = add(doc, &div, "ul", &[("aria-label", Some(label))])?;
    for t in tags {
        add_text(doc, &ul, "li", &[], t)?;
    }
    Ok(div)
}

/// Related articles with lazily loaded thumbnails.
fn related_dom(doc: &Document, items: &[RelatedArticle], lang: Lang, tz: &str) -> Dom<Element> {
    let (section, ul) = headed_list(doc, "section", "ar-related", "related", lang.t().related, lang)?;
    for r in items {
        let li = add(doc, &ul, "li", &[])?;
        let tag = if r.url.is_some() { "a" } else { "span" };
        let link = add(doc, &li, tag, &[("class", Some("ar-rel-link")), ("href", r.url.as_deref())])?;
        if let Some(img) = &r.image {
            // `loading` and `referrerpolicy` before `src`: the fetch starts when `src` is set.
            let attrs = [
                ("class", Some("ar-thumb")),
                ("loading", Some("lazy")),
                ("decoding", Some("async")),
                ("referrerpolicy", Some("strict-origin-when-cross-origin")),
                ("alt", Some("")),
                ("width", Some("96")),
                ("height", Some("64")),
                ("src", Some(img.src.as_str())),
            ];
            add(doc, &link, "img", &attrs)?;
        }
        add_text(doc, &link, "span", &[("class", Some("ar-rel-title"))], &r.title)?;
        if let Some(dt) = &r.published {
            let (label, iso) = intl::format_datetime(dt, lang, tz);
            let attrs = [("datetime", Some(iso.as_str())), ("lang", Some(lang.tag())), ("dir", Some(lang.dir()))];
            add_text(doc, &li, "time", &attrs, &label)?;
        }
    }
    Ok(section)
}
