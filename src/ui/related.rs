//! After the body: tags, "Chuyên mục khác" (other sections), related articles.

use super::intl;
use crate::article::model::{Link, RelatedArticle};
use crate::i18n::Lang;
use leptos::prelude::*;

fn link_view(l: &Link) -> AnyView {
    match &l.url {
        Some(url) => view! { <a href=url.clone()>{l.name.clone()}</a> }.into_any(),
        None => view! { <span>{l.name.clone()}</span> }.into_any(),
    }
}

/// The related-categories navigation ("Chuyên mục khác").
pub fn sections_view(cats: &[Link], lang: Lang) -> Option<impl IntoView> {
    if cats.is_empty() {
        return None;
    }
    let heading = lang.t().other_sections;
    let items = cats.iter().map(|c| view! { <li>{link_view(c)}</li> }).collect_view();
    Some(view! {
        <nav class="ar-sections" part="sections" aria-label=heading>
            <h2 class="ar-h2" lang=lang.tag() dir=lang.dir()>{heading}</h2>
            <ul>{items}</ul>
        </nav>
    })
}

/// Tags as a plain list.
pub fn tags_view(tags: &[String], lang: Lang) -> Option<impl IntoView> {
    if tags.is_empty() {
        return None;
    }
    let label = lang.t().tags;
    let items = tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
    Some(view! {
        <div class="ar-tags" part="tags">
            <span class="ar-tags-label" lang=lang.tag() dir=lang.dir()>{label}": "</span>
            <ul aria-label=label>{items}</ul>
        </div>
    })
}

/// Related articles with lazily loaded thumbnails.
pub fn related_view(items: &[RelatedArticle], lang: Lang, tz: &str) -> Option<impl IntoView> {
    if items.is_empty() {
        return None;
    }
    let heading = lang.t().related;
    let list = items
        .iter()
        .map(|r| {
            let thumb = r.image.as_ref().map(|img| {
                view! {
                    <img class="ar-thumb" loading="lazy" decoding="async" referrerpolicy="no-referrer-when-downgrade" src=img.src.clone() alt="" width="96" height="64" />
                }
            });
            let date = r.published.map(|dt| {
                let (text, iso) = intl::format_datetime(&dt, lang, tz);
                view! { <time datetime=iso lang=lang.tag() dir=lang.dir()>{text}</time> }
            });
            let title = r.title.clone();
            let inner = view! { {thumb}<span class="ar-rel-title">{title}</span> };
            let link = match &r.url {
                Some(url) => view! { <a class="ar-rel-link" href=url.clone()>{inner}</a> }.into_any(),
                None => view! { <span class="ar-rel-link">{inner}</span> }.into_any(),
            };
            view! { <li>{link}{date}</li> }
        })
        .collect_view();
    Some(view! {
        <section class="ar-related" part="related" aria-label=heading>
            <h2 class="ar-h2" lang=lang.tag() dir=lang.dir()>{heading}</h2>
            <ul>{list}</ul>
        </section>
    })
}
