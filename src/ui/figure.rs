//! A figure as plain DOM: image with reserved intrinsic size, caption and credit.

use crate::i18n::Lang;
use crate::model::article::Image;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// `sizes` for a `srcset`: the full width on phones, the measure on wider screens.
const SIZES: &str = "(max-width: 42em) 100vw, 42em";

/// Builds one figure. `lead` marks the article's lead image (eagerly loaded).
pub fn figure_dom(doc: &Document, img: &Image, lead: bool, lang: Lang) -> Result<Element, JsValue> {
    let figure = doc.create_element("figure")?;
    figure.set_class_name("ar-figure");
    figure.set_attribute("part", "figure")?;
    let image = image_dom(doc, img, lead)?;
    figure.append_child(&image)?;
    if img.caption.is_some() || img.credit.is_some() {
        let cap = doc.create_element("figcaption")?;
        cap.set_attribute("part", "caption")?;
        if let Some(c) = &img.caption {
            let caption = span(doc, "ar-caption", None, c)?;
            cap.append_child(&caption)?;
        }
        if let Some(c) = &img.credit {
            let label = [lang.t().photo, ": ", c.as_str()].concat();
            let credit = span(doc, "ar-credit", Some("credit"), &label)?;
            cap.append_child(&credit)?;
        }
        figure.append_child(&cap)?;
    }
    Ok(figure)
}

fn image_dom(doc: &Document, img: &Image, lead: bool) -> Result<Element, JsValue> {
    let el = doc.create_element("img")?;
    // Intrinsic size reserves the box before the image loads (no layout shift).
    let width = img.width.map(|w| w.to_string());
    let height = img.height.map(|h| h.to_string());
    // `loading` and `referrerpolicy` before `src`: the fetch starts when `src` is set.
    let attrs: [(&str, Option<&str>); 9] = [
        ("loading", Some(if lead { "eager" } else { "lazy" })),
        ("decoding", Some("async")),
        ("referrerpolicy", Some("strict-origin-when-cross-origin")),
        ("width", width.as_deref()),
        ("height", height.as_deref()),
        ("alt", Some(&img.alt)),
        ("sizes", img.srcset.as_ref().map(|_| SIZES)),
        ("srcset", img.srcset.as_deref()),
        ("src", Some(&img.src)),
    ];
    for (name, value) in attrs {
        if let Some(v) = value {
            el.set_attribute(name, v)?;
        }
    }
    Ok(el)
}

fn span(doc: &Document, class: &str, part: Option<&str>, text: &str) -> Result<Element, JsValue> {
    let el = doc.create_element("span")?;
    el.set_class_name(class);
    if let Some(p) = part {
        el.set_attribute("part", p)?;
    }
    el.set_text_content(Some(text));
    Ok(el)
}
