//! WordPress REST API v2 posts (`/wp-json/wp/v2/posts/ID`, with or without `_embed`).
//!
//! Rendered fields are HTML: titles, excerpts, names and captions are read as
//! plain text (tags stripped, entities decoded); `content.rendered` is the body.

use super::datetime::{self, epoch_millis};
use super::fields::{plain, string};
use super::json::Json;
use super::model::{Article, BodySource, DateTime, Image, Link, RelatedArticle};
use super::text::strip_tags;

/// Reads a post object.
pub fn parse(v: &Json) -> Article {
    let emb = v.get("_embedded");
    let mut categories = Vec::new();
    let mut tags = Vec::new();
    for term in emb.get("wp:term").items().iter().flat_map(|group| group.items()) {
        let name = match plain(term.get("name")) {
            Some(n) => n,
            None => continue,
        };
        match term.get("taxonomy").str() {
            Some("category") => categories.push(Link { name, url: string(term.get("link")) }),
            Some("post_tag") => tags.push(name),
            _ => {}
        }
    }
    Article {
        id: v.get("id").text(),
        url: string(v.get("link")),
        lang: string(v.get("lang")),
        dir: None,
        site_name: None,
        section: categories.first().cloned(),
        title: rendered(v.get("title")),
        lede: rendered(v.get("excerpt")),
        authors: emb
            .get("author")
            .items()
            .iter()
            .filter_map(|a| Some(Link { name: plain(a.get("name"))?, url: string(a.get("link")) }))
            .collect(),
        published: wp_date(v.get("date"), v.get("date_gmt")),
        updated: wp_date(v.get("modified"), v.get("modified_gmt")),
        image: emb
            .get("wp:featuredmedia")
            .items()
            .iter()
            .find_map(featured)
            .or_else(|| string(v.get("jetpack_featured_media_url")).map(|src| Image { src, ..Image::default() })),
        body: match v.get("content") {
            c @ Json::Obj(_) => BodySource::Html(c.get("rendered").str().unwrap_or("").to_owned()),
            c => BodySource::Html(c.str().unwrap_or("").to_owned()),
        },
        categories,
        related: v.get("jetpack-related-posts").items().iter().filter_map(jetpack_related).collect(),
        tags,
    }
}

/// `{"rendered": "<html>"}` (or a plain string) as plain text.
fn rendered(v: &Json) -> Option<String> {
    let s = v.get("rendered").str().or_else(|| v.str())?;
    Some(strip_tags(s)).filter(|s| !s.is_empty())
}

/// The featured media object of `_embed`.
fn featured(m: &Json) -> Option<Image> {
    let size = m.get("media_details");
    Some(Image {
        src: string(m.get("source_url"))?,
        srcset: None,
        alt: plain(m.get("alt_text")).unwrap_or_default(),
        width: size.get("width").dimension(),
        height: size.get("height").dimension(),
        caption: rendered(m.get("caption")),
        credit: None,
    })
}

/// Jetpack's `jetpack-related-posts` entry (its dates are display strings, so none).
fn jetpack_related(r: &Json) -> Option<RelatedArticle> {
    let img = r.get("img");
    Some(RelatedArticle {
        title: plain(r.get("title"))?,
        url: string(r.get("url")),
        image: string(img.get("src")).map(|src| Image {
            src,
            alt: plain(img.get("alt_text")).unwrap_or_default(),
            width: img.get("width").dimension(),
            height: img.get("height").dimension(),
            ..Image::default()
        }),
        published: None,
    })
}

/// A post date from the site-local `date` and the UTC `date_gmt`.
///
/// Both present: the local wall-clock time with the offset between them (so the
/// view shows the site's time). Only `*_gmt`: UTC. Only `date`: no offset
/// (read in the portal's time zone).
pub fn wp_date(local: &Json, gmt: &Json) -> Option<DateTime> {
    let l = local.str().and_then(datetime::parse);
    let g = gmt.str().and_then(datetime::parse).filter(|g| g.has_time).map(|mut g| {
        g.offset_minutes.get_or_insert(0);
        g
    });
    match (l, g) {
        (Some(l), Some(g)) if l.offset_minutes.is_none() && l.has_time => {
            let diff = (epoch_millis(&l, 0) - epoch_millis(&g, 0)) / 60_000;
            if diff.abs() <= 18 * 60 && diff % 15 == 0 {
                Some(DateTime { offset_minutes: Some(diff as i16), ..l })
            } else {
                Some(g)
            }
        }
        (Some(l), _) if l.offset_minutes.is_some() => Some(l),
        (l, g) => g.or(l),
    }
}
