//! Article header: section kicker, title, lede, byline, date, reading time.

use super::{intl, Ready};
use crate::i18n::Lang;
use leptos::prelude::*;

pub fn header_view(ready: &Ready, lang: Lang, tz: &str) -> impl IntoView {
    let a = &ready.article;
    let t = lang.t();
    let kicker = a.section.clone().map(|s| match s.url {
        Some(url) => view! { <a class="ar-kicker" part="section" href=url>{s.name}</a> }.into_any(),
        None => view! { <span class="ar-kicker" part="section">{s.name}</span> }.into_any(),
    });
    let title = a.title.clone().unwrap_or_else(|| t.untitled.to_owned());
    let lede = a.lede.clone().map(|l| view! { <p class="ar-lede" part="lede">{l}</p> });
    let authors = (!a.authors.is_empty()).then(|| {
        let names = a
            .authors
            .iter()
            .enumerate()
            .map(|(i, au)| {
                let sep = (i > 0).then_some(", ");
                let name = match &au.url {
                    Some(url) => view! { <a href=url.clone() rel="author">{au.name.clone()}</a> }.into_any(),
                    None => au.name.clone().into_any(),
                };
                view! { {sep}{name} }
            })
            .collect_view();
        view! { <span class="ar-author" part="author">{names}</span> }
    });
    let published = a.published.map(|dt| {
        let (text, iso) = intl::format_datetime(&dt, lang, tz);
        view! { <time class="ar-date" part="date" datetime=iso lang=lang.tag() dir=lang.dir()>{text}</time> }
    });
    let updated = a.updated.filter(|u| Some(*u) != a.published).map(|dt| {
        let (text, iso) = intl::format_datetime(&dt, lang, tz);
        view! { <span class="ar-updated" lang=lang.tag() dir=lang.dir()>{t.updated}" "<time datetime=iso>{text}</time></span> }
    });
    let minutes = {
        let mut text = String::new();
        for n in &ready.body {
            n.text_content(&mut text);
            text.push(' ');
        }
        crate::reading::minutes(&text, a.lang.as_deref())
    };
    let reading = (minutes > 0).then(|| {
        let label = [minutes.to_string().as_str(), " ", t.reading_minutes].concat();
        view! { <span class="ar-reading" part="reading-time" lang=lang.tag() dir=lang.dir()>{label}</span> }
    });
    view! {
        <header class="ar-head" part="header">
            {kicker}
            <h1 class="ar-title" part="title">{title}</h1>
            {lede}
            <p class="ar-meta" part="meta">{authors}{published}{updated}{reading}</p>
        </header>
    }
}
