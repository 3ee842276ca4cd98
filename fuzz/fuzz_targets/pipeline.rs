//! The whole pure pipeline, as the loader runs it (src/embed/load.rs):
//! JSON text -> `Json` (serde_json; the wasm build uses JSON.parse) ->
//! `parse_article` (detect, adapt, normalize) -> an HTML body through the test
//! tree of tests/native_body_tree (a native `SourceNode`; the browser's
//! DOMParser in the wasm build) -> `body::sanitize` -> `prepare::prepare` (the
//! duplicate rule and the empty check) -> the prepared view model.
//! The first input byte picks the forced format (or detection) and the source URL.
#![no_main]

use article_reader::article::json::Json;
use article_reader::article::{parse_article, Format, ParseOptions};
use article_reader::body;
use article_reader::model::article::{BodySource, Image};
use article_reader::model::body::{Attr, Node};
use article_reader::model::embed::Embed;
use article_reader::prepare::prepare;
use libfuzzer_sys::fuzz_target;

mod common;
use common::{safe_url, srcset_urls};

#[path = "../../tests/native_body_tree/mod.rs"]
mod tree;

const FORMATS: [Option<Format>; 5] =
    [None, Some(Format::Native), Some(Format::WordPress), Some(Format::JsonLd), Some(Format::JsonFeed)];
const SOURCES: [Option<&str>; 3] =
    [None, Some("https://portal.example.vn/api/articles/123.json#2"), Some("/api/a.json")];

fn http_url(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

fn check_image(i: &Image) {
    assert!(safe_url(&i.src, false), "image src {:?}", i.src);
    for u in i.srcset.iter().flat_map(|s| srcset_urls(s)) {
        assert!(safe_url(u, false), "srcset candidate {u:?} in {:?}", i.srcset);
    }
}

/// Every URL in the prepared body is safe; attribute values are the checked ones.
fn check_body(body: &[Node]) {
    let mut stack: Vec<&Node> = body.iter().collect();
    while let Some(n) = stack.pop() {
        match n {
            Node::Text(_) => {}
            Node::Figure(i) => check_image(i),
            Node::Embed(e) => match e {
                Embed::Media(m) => m
                    .sources
                    .iter()
                    .for_each(|s| assert!(safe_url(&s.src, false) && !s.src.is_empty(), "media src {:?}", s.src)),
                Embed::Video(v) => {
                    assert!(v.player.starts_with("https://"), "player {:?}", v.player);
                    assert!(safe_url(&v.page, false), "video page {:?}", v.page);
                    assert!(v.poster.as_deref().is_none_or(|p| safe_url(p, false)), "poster {:?}", v.poster);
                }
                Embed::Frame(f) => assert!(safe_url(&f.url, false), "frame link {:?}", f.url),
                Embed::Post(p) => {
                    assert!(p.url.as_deref().is_none_or(|u| safe_url(u, false)), "post url {:?}", p.url);
                    stack.extend(p.body.iter());
                }
                Embed::Gallery(g) => g.images.iter().for_each(check_image),
                Embed::NoteLink(l) => stack.extend(l.label.iter()),
            },
            Node::El(e) => {
                for (a, v) in &e.attrs {
                    match a {
                        Attr::Href => assert!(safe_url(v, true), "href {v:?}"),
                        Attr::Colspan | Attr::Rowspan => {
                            assert!(v.parse::<u32>().is_ok_and(|n| (1..=100).contains(&n)), "{} {v:?}", a.name())
                        }
                        Attr::Dir => assert!(["ltr", "rtl", "auto"].contains(&v.as_str()), "dir {v:?}"),
                        _ => {}
                    }
                }
                assert!(!e.tag.is_void() || e.children.is_empty(), "<{}> with children", e.tag.name());
                stack.extend(e.children.iter());
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let Ok(json) = serde_json::from_str::<Json>(text) else { return };
    let opts = ParseOptions { format: FORMATS[usize::from(sel % 5)], source_url: SOURCES[usize::from(sel / 5 % 3)] };
    let Ok(mut article) = parse_article(&json, &opts) else { return };
    assert!(article.title.is_some() || article.lede.is_some() || !article.body.is_empty(), "empty article accepted");
    if let Some(u) = &article.url {
        assert!(http_url(u), "article url not http(s): {u:?}");
    }
    assert!(article.tags.len() <= 100 && article.related.len() <= 50 && article.authors.len() <= 20);
    let base = article.url.clone().or(opts.source_url.map(str::to_owned));
    let (nodes, truncated) = match std::mem::take(&mut article.body) {
        BodySource::Nodes(n) => (n, false),
        BodySource::Html(html) => {
            let t = tree::parse(&html);
            let s = body::sanitize(&t.root(), base.as_deref());
            (s.nodes, s.truncated)
        }
    };
    let had_text = article.title.is_some() || article.lede.is_some();
    match prepare(article, nodes, truncated) {
        Ok(p) => {
            assert!(!p.hide_lead || p.article.image.is_some(), "lead hidden without a lead image");
            check_body(&p.body);
            let a = &p.article;
            a.image.iter().for_each(check_image);
            a.related.iter().filter_map(|r| r.image.as_ref()).for_each(check_image);
            for u in a.related.iter().filter_map(|r| r.url.as_deref()) {
                assert!(safe_url(u, false), "related url {u:?}");
            }
            for l in a.authors.iter().chain(&a.categories).chain(a.section.as_ref()) {
                assert!(l.url.as_deref().is_none_or(|u| safe_url(u, true)), "link url {:?}", l.url);
            }
            let _ = body::visible_text(&p.body);
        }
        Err(_) => assert!(!had_text, "prepare refused an article with a title or lede"),
    }
});
