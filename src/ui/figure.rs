//! A figure: image with reserved intrinsic size, caption and credit.

use crate::article::model::Image;
use crate::i18n::Lang;
use leptos::prelude::*;

/// Renders one figure. `lead` marks the article's lead image (eagerly loaded).
pub fn figure_view(img: &Image, lead: bool, lang: Lang) -> impl IntoView {
    let caption = img.caption.clone();
    let credit = img.credit.clone().map(|c| {
        let label = [lang.t().photo, ": ", c.as_str()].concat();
        view! { <span class="ar-credit" part="credit">{label}</span> }
    });
    let has_caption = caption.is_some() || credit.is_some();
    let caption_view = has_caption.then(|| {
        let text = caption.map(|c| view! { <span class="ar-caption">{c}</span> });
        view! { <figcaption part="caption">{text}{credit}</figcaption> }
    });
    // Intrinsic size reserves the box before the image loads (no layout shift).
    let width = img.width.map(|w| w.to_string());
    let height = img.height.map(|h| h.to_string());
    view! {
        <figure class="ar-figure" part="figure">
            <img
                src=img.src.clone()
                srcset=img.srcset.clone()
                sizes=img.srcset.as_ref().map(|_| "(max-width: 42em) 100vw, 42em")
                alt=img.alt.clone()
                width=width
                height=height
                loading=if lead { "eager" } else { "lazy" }
                decoding="async"
                referrerpolicy="no-referrer-when-downgrade"
            />
            {caption_view}
        </figure>
    }
}
