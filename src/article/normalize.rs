//! Normalization: the rules every adapter's output goes through.
//!
//! Text is trimmed and whitespace-collapsed, empty values dropped; every URL is
//! resolved with [`crate::url::resolve`] against the article URL (or the source
//! URL) and dropped when rejected; lists are de-duplicated and capped; captions
//! lose their credit into `credit`; the language tag is checked and `dir` set
//! for right-to-left languages; the section is not repeated among the categories;
//! a lead image repeated in the body is left to `crate::prepare`; `updated` is
//! kept only when it is more than a minute after `published`; related
//! articles without a usable URL (or pointing at the article itself) are dropped.

use super::datetime::epoch_millis;
pub use super::lang::{is_rtl, lang_tag};
use super::model::{Article, BodySource, DateTime, Image, Link, RelatedArticle, TextDir};
use super::text::clean;
use super::InputError;
use crate::model::body::Node;

/// Most authors kept.
pub const MAX_AUTHORS: usize = 20;
/// Most categories kept.
pub const MAX_CATEGORIES: usize = 50;
/// Most related articles kept.
pub const MAX_RELATED: usize = 50;
/// Most tags kept.
pub const MAX_TAGS: usize = 100;

/// Applies every rule; `Err(Empty)` when there is no title, no lede and no body.
pub fn normalize(a: Article, source_url: Option<&str>) -> Result<Article, InputError> {
    let url = a.url.as_deref().and_then(|u| crate::url::resolve(source_url, u)).filter(|u| is_http(u));
    let base_owned = url.clone();
    let base = base_owned.as_deref().or(source_url);
    let lang = a.lang.as_deref().and_then(lang_tag);
    let dir = a.dir.or_else(|| lang.as_deref().filter(|l| is_rtl(l)).map(|_| TextDir::Rtl));
    let mut body = a.body;
    if let BodySource::Nodes(nodes) = &mut body {
        clean_nodes(nodes, base);
    }
    // A lead image repeated in the body is merged by `crate::prepare` (its
    // caption and credit go to the body copy), not dropped here.
    let image = a.image.and_then(|i| clean_image(i, base));
    let related = clean_related(a.related, base, url.as_deref());
    let tags = clean_tags(&a.tags);
    let section = a.section.and_then(|l| clean_link(l, base));
    // "Other sections": the article's own section is not repeated among them.
    let mut categories = clean_links(a.categories, base, MAX_CATEGORIES + 1);
    if let Some(s) = &section {
        categories.retain(|c| !((s.url.is_some() && c.url == s.url) || same(&c.name, &s.name)));
    }
    categories.truncate(MAX_CATEGORIES);
    let out = Article {
        id: a.id.as_deref().and_then(clean),
        url,
        lang,
        dir,
        site_name: a.site_name.as_deref().and_then(clean),
        section,
        title: a.title.as_deref().and_then(clean),
        lede: a.lede.as_deref().and_then(clean),
        authors: clean_links(a.authors, base, MAX_AUTHORS),
        published: a.published,
        updated: later_update(a.published, a.updated),
        image,
        body,
        categories,
        related,
        tags,
    };
    if out.title.is_none() && out.lede.is_none() && out.body.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(out)
}

/// How much later than `published` an `updated` date must be to be shown.
pub const UPDATE_MIN_MS: i64 = 60_000;

/// `updated` when it is more than [`UPDATE_MIN_MS`] after `published` (or when
/// there is no `published`); `None` when it is the same minute or earlier.
/// A value without an offset is compared at the other value's offset (both
/// come from one source, in one zone).
pub fn later_update(published: Option<DateTime>, updated: Option<DateTime>) -> Option<DateTime> {
    let (Some(p), Some(u)) = (published, updated) else { return updated };
    let zone = p.offset_minutes.or(u.offset_minutes).unwrap_or(0);
    (epoch_millis(&u, zone) - epoch_millis(&p, zone) > UPDATE_MIN_MS).then_some(u)
}

/// Related articles with a title and a usable URL that is not the article's
/// own, de-duplicated by URL or title, capped at [`MAX_RELATED`].
fn clean_related(list: Vec<RelatedArticle>, base: Option<&str>, own: Option<&str>) -> Vec<RelatedArticle> {
    let mut out: Vec<RelatedArticle> = Vec::new();
    for r in list {
        let (Some(title), Some(rurl)) = (clean(&r.title), r.url.as_deref().and_then(|u| resolve_url(base, u))) else {
            continue;
        };
        let dup = out.iter().any(|o| o.url.as_deref() == Some(&*rurl) || same(&o.title, &title));
        if dup || own == Some(&*rurl) || out.len() >= MAX_RELATED {
            continue;
        }
        let image = r.image.and_then(|i| clean_image(i, base));
        out.push(RelatedArticle { title, url: Some(rurl), image, published: r.published });
    }
    out
}

/// Cleaned tags, de-duplicated (case-insensitive), capped at [`MAX_TAGS`].
fn clean_tags(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in list.iter().filter_map(|t| clean(t)) {
        if out.len() < MAX_TAGS && !out.iter().any(|o| same(o, &t)) {
            out.push(t);
        }
    }
    out
}

fn is_http(u: &str) -> bool {
    let l = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Case-insensitive equality of two names.
fn same(a: &str, b: &str) -> bool {
    a == b || crate::article::text::lowercase(a) == crate::article::text::lowercase(b)
}

/// A resolved link target; `None` when rejected.
fn resolve_url(base: Option<&str>, u: &str) -> Option<String> {
    crate::url::resolve(base, u.trim())
}

fn clean_link(l: Link, base: Option<&str>) -> Option<Link> {
    Some(Link { name: clean(&l.name)?, url: l.url.as_deref().and_then(|u| resolve_url(base, u)) })
}

/// Cleans, de-duplicates (same URL or same name; a later URL fills a missing one) and caps.
fn clean_links(list: Vec<Link>, base: Option<&str>, max: usize) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for l in list.into_iter().filter_map(|l| clean_link(l, base)) {
        let dup = out.iter_mut().find(|o| (o.url.is_some() && o.url == l.url) || same(&o.name, &l.name));
        if let Some(o) = dup {
            if o.url.is_none() {
                o.url = l.url;
            }
            continue;
        }
        if out.len() < max {
            out.push(l);
        }
    }
    out
}

/// Resolves `src` and every `srcset` candidate, cleans the texts and splits the
/// credit off the caption when there is no `credit`. `None` when `src` is rejected.
pub fn clean_image(img: Image, base: Option<&str>) -> Option<Image> {
    let src = crate::url::resolve_src(base, &img.src)?;
    let srcset = img.srcset.as_deref().and_then(|s| crate::url::resolve_srcset(base, s));
    let mut caption = img.caption.as_deref().and_then(clean);
    let mut credit = img.credit.as_deref().and_then(clean);
    if credit.is_none() {
        if let Some(c) = caption.take() {
            let (cap, cred) = crate::caption::split_credit(&c);
            caption = cap.as_deref().and_then(clean);
            credit = cred.as_deref().and_then(clean);
        }
    }
    Some(Image {
        src,
        srcset,
        alt: clean(&img.alt).unwrap_or_default(),
        width: img.width,
        height: img.height,
        caption,
        credit,
    })
}

/// Cleans figures inside a node list (dropping those whose source is rejected).
/// Resolves and checks the image URLs of native body nodes (drops a figure whose
/// URL is unusable).
pub fn clean_nodes(nodes: &mut Vec<Node>, base: Option<&str>) {
    let old = std::mem::take(nodes);
    for n in old {
        match n {
            Node::Figure(img) => {
                if let Some(img) = clean_image(img, base) {
                    nodes.push(Node::Figure(img));
                }
            }
            Node::El(mut e) => {
                clean_nodes(&mut e.children, base);
                nodes.push(Node::El(e));
            }
            t => nodes.push(t),
        }
    }
}
