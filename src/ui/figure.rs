//! A figure as plain DOM: image with reserved intrinsic size, caption and credit.

use super::dom::{add, add_text, element, Dom};
use crate::i18n::Lang;
use crate::model::article::Image;
use web_sys::{Document, Element};

/// `sizes` for a `srcset`: the full width on phones, the measure on wider screens.
const SIZES: &str = "(max-width: 42em) 100vw, 42em";

/// Builds one figure. `lead` marks the article's lead image (eagerly loaded).
pub fn figure_dom(doc: &Document, img: &Image, lead: bool, lang: Lang) -> Dom<Element> {
    let figure = element(doc, "figure", &[("class", Some("ar-figure")), ("part", Some("figure"))])?;
    image_dom(doc, &figure, img, lead)?;
    if img.caption.is_some() || img.credit.is_some() {
        let cap = add(doc, &figure, "figcaption", &[("part", Some("caption"))])?;
        if let Some(c) = &img.caption {
            add_text(doc, &cap, "span", &[("class", Some("ar-caption"))], c)?;
        }
        if let Some(c) = &img.credit {
            let label = [lang.t().photo, ": ", c.as_str()].concat();
            add_text(doc, &cap, "span", &[("class", Some("ar-credit")), ("part", Some("credit"))], &label)?;
        }
    }
    Ok(figure)
}

fn image_dom(doc: &Document, figure: &Element, img: &Image, lead: bool) -> Dom<Element> {
    // Intrinsic size reserves the box before the image loads (no layout shift).
    let width = img.width.map(|w| w.to_string());
    let height = img.height.map(|h| h.to_string());
    // `loading` and `referrerpolicy` before `src`: the fetch starts when `src` is set.
    let attrs = [
        ("loading", Some(if lead { "eager" } else { "lazy" })),
        ("decoding", Some("async")),
        ("referrerpolicy", Some("strict-origin-when-cross-origin")),
        ("width", width.as_deref()),
        ("height", height.as_deref()),
        ("alt", Some(img.alt.as_str())),
        ("sizes", img.srcset.as_ref().map(|_| SIZES)),
        ("srcset", img.srcset.as_deref()),
        ("src", Some(img.src.as_str())),
    ];
    add(doc, figure, "img", &attrs)
}
