//! JSON-LD details real publishers use (`@id` references, arrays, `@value`)
//! and the "updated" rule of normalization, one case per test.

#[macro_use]
mod cases;

use article_reader::article::json::Json;
use article_reader::article::model::Article;
use article_reader::article::{parse_article, ParseOptions};

fn article(doc: &str) -> Article {
    let v: Json = serde_json::from_str(doc).unwrap_or_else(|e| panic!("bad test JSON: {e}\n{doc}"));
    parse_article(&v, &ParseOptions::default()).unwrap_or_else(|e| panic!("{e:?} for {doc}"))
}

/// A JSON-LD `@graph`: the article node (its members given as JSON text) plus `others`.
fn graph(article_members: &str, others: &str) -> String {
    let sep = if others.is_empty() { "" } else { "," };
    format!(
        r#"{{"@context":"https://schema.org","@graph":[{{"@type":"NewsArticle","headline":"H",{article_members}}}{sep}{others}]}}"#
    )
}

const PERSON: &str = r#"{"@type":"Person","@id":"https://x.vn/#p1","name":"Lauren Saria","url":"https://x.vn/lauren"}"#;
const ORG: &str = r#"{"@type":"Organization","@id":"https://x.vn/#org","name":"X News"}"#;
const PAGE: &str = r#"{"@type":"WebPage","@id":"https://x.vn/a/","url":"https://x.vn/a.html","inLanguage":"en-US",
    "isPartOf":{"@id":"https://x.vn/#website"},"primaryImageOfPage":{"@id":"https://x.vn/a/#img"}}"#;
const SITE: &str = r#"{"@type":"WebSite","@id":"https://x.vn/#website","name":"X Site"}"#;
const IMAGE: &str =
    r#"{"@type":"ImageObject","@id":"https://x.vn/a/#img","url":"https://x.vn/a.jpg","width":1200,"caption":"Cap"}"#;

fn authors(doc: String) -> Vec<(String, Option<String>)> {
    article(&doc).authors.into_iter().map(|l| (l.name, l.url)).collect()
}

fn names(list: &[&str]) -> Vec<(String, Option<String>)> {
    list.iter().map(|n| ((*n).to_owned(), None)).collect()
}

mod bylines {
    use super::*;
    cases! { authors;
        reference_to_a_person_of_the_graph: graph(r#""author":[{"@id":"https://x.vn/#p1"}]"#, PERSON)
            => vec![("Lauren Saria".to_owned(), Some("https://x.vn/lauren".to_owned()))],
        reference_with_a_type_resolves: graph(r#""author":{"@type":"Person","@id":"https://x.vn/#p1"}"#, PERSON)
            => vec![("Lauren Saria".to_owned(), Some("https://x.vn/lauren".to_owned()))],
        node_with_its_own_name_is_read_as_is: graph(r#""author":{"@id":"https://x.vn/#p1","name":"Greg"}"#, PERSON)
            => names(&["Greg"]),
        name_array_gives_one_author_per_name: graph(r#""author":{"@type":"Person","name":["Darian Woods","Sarah Gonzalez"]}"#, "")
            => names(&["Darian Woods", "Sarah Gonzalez"]),
        mixed_array_of_string_person_and_reference:
            graph(r#""author":["Ann",{"@type":"Person","name":"Bob"},{"@id":"https://x.vn/#p1"}]"#, PERSON)
            => vec![("Ann".to_owned(), None), ("Bob".to_owned(), None), ("Lauren Saria".to_owned(), Some("https://x.vn/lauren".to_owned()))],
        value_object_name: graph(r#""author":{"@type":"Person","name":{"@value":"Ann","@language":"en"}}"#, "")
            => names(&["Ann"]),
        reference_to_another_document_is_skipped: graph(r#""author":{"@id":"https://elsewhere.example/#p"}"#, "")
            => names(&[]),
        creator_when_there_is_no_author: graph(r#""creator":[{"@id":"https://x.vn/#p1"}]"#, PERSON)
            => vec![("Lauren Saria".to_owned(), Some("https://x.vn/lauren".to_owned()))],
        entities_in_names_decoded: graph(r#""author":{"@type":"Person","name":"Lauren &Ouml;berg &amp; co"}"#, "")
            => names(&["Lauren Öberg & co"]),
        organization_reference: graph(r#""author":{"@id":"https://x.vn/#org"}"#, ORG) => names(&["X News"]),
        one_url_for_several_names_is_dropped: graph(r#""author":{"@type":"Person","name":["A","B"],"url":"https://x.vn/ab"}"#, "")
            => names(&["A", "B"]),
    }
}

mod site_name {
    use super::*;
    cases! { |doc: String| article(&doc).site_name;
        publisher_reference: graph(r#""publisher":{"@id":"https://x.vn/#org"}"#, ORG) => Some("X News".to_owned()),
        website_of_the_page_without_publisher: graph(r#""isPartOf":{"@id":"https://x.vn/a/"}"#, &[PAGE, SITE].join(","))
            => Some("X Site".to_owned()),
        publisher_name_array_first: graph(r#""publisher":{"@type":"Organization","name":["P1","P2"]}"#, "") => Some("P1".to_owned()),
        unresolved_publisher_gives_none: graph(r#""publisher":{"@id":"https://x.vn/#nothing"}"#, "") => None,
    }
}

mod lead_image {
    use super::*;
    cases! { |doc: String| article(&doc).image.map(|i| (i.src, i.width, i.caption));
        image_reference_to_an_image_object: graph(r#""image":{"@id":"https://x.vn/a/#img"}"#, IMAGE)
            => Some(("https://x.vn/a.jpg".to_owned(), Some(1200), Some("Cap".to_owned()))),
        primary_image_of_the_page_without_image: graph(r#""isPartOf":{"@id":"https://x.vn/a/"}"#, &[PAGE, IMAGE].join(","))
            => Some(("https://x.vn/a.jpg".to_owned(), Some(1200), Some("Cap".to_owned()))),
        escaped_ampersands_in_the_url_decoded: graph(r#""image":"https://x.vn/i.jpg?a=1&amp;b=2&#038;c=3""#, "")
            => Some(("https://x.vn/i.jpg?a=1&b=2&c=3".to_owned(), None, None)),
        raw_query_with_a_legacy_name_kept: graph(r#""image":{"@type":"ImageObject","url":"https://x.vn/i.jpg?x=1&copy=2&not3"}"#, "")
            => Some(("https://x.vn/i.jpg?x=1&copy=2&not3".to_owned(), None, None)),
        url_array_first: graph(r#""image":{"@type":"ImageObject","url":["https://x.vn/1.jpg","https://x.vn/2.jpg"]}"#, "")
            => Some(("https://x.vn/1.jpg".to_owned(), None, None)),
    }
}

mod page_fields {
    use super::*;
    cases! { |doc: String| { let a = article(&doc); (a.url, a.lang) };
        main_entity_of_page_reference_gives_the_page_url: graph(r#""mainEntityOfPage":{"@id":"https://x.vn/a/"}"#, PAGE)
            => (Some("https://x.vn/a.html".to_owned()), None),
        is_part_of_gives_url_and_language: graph(r#""isPartOf":{"@id":"https://x.vn/a/"}"#, PAGE)
            => (Some("https://x.vn/a.html".to_owned()), Some("en-US".to_owned())),
        own_language_wins: graph(r#""isPartOf":{"@id":"https://x.vn/a/"},"inLanguage":"vi""#, PAGE)
            => (Some("https://x.vn/a.html".to_owned()), Some("vi".to_owned())),
        unresolved_page_id_is_the_url: graph(r#""mainEntityOfPage":{"@type":"WebPage","@id":"https://x.vn/b.html"}"#, "")
            => (Some("https://x.vn/b.html".to_owned()), None),
    }
}

mod text_fields {
    use super::*;
    cases! { |doc: String| { let a = article(&doc); (a.title, a.lede) };
        headline_array_first: r#"{"@type":"NewsArticle","headline":["First","Second"]}"#.to_owned()
            => (Some("First".to_owned()), None),
        description_value_object: r#"{"@type":"NewsArticle","headline":"H","description":{"@value":"D &percnt;"}}"#.to_owned()
            => (Some("H".to_owned()), Some("D %".to_owned())),
        name_when_no_headline: r#"{"@type":"NewsArticle","name":["N"]}"#.to_owned() => (Some("N".to_owned()), None),
    }
}

mod published_date {
    use super::*;
    cases! { |doc: String| article(&doc).published.map(|d| (d.year, d.month, d.day));
        array_first_valid: r#"{"@type":"NewsArticle","headline":"H","datePublished":["soon","2020-12-23T22:36:27-05:00"]}"#.to_owned()
            => Some((2020, 12, 23)),
        date_created_without_date_published: r#"{"@type":"NewsArticle","headline":"H","dateCreated":"2017-11-17T10:41:09Z"}"#.to_owned()
            => Some((2017, 11, 17)),
    }
}

/// `updated` (as day, hour, minute, second) of a native article with these dates.
fn updated(published: Option<&str>, updated: &str) -> Option<(u8, u8, u8, u8)> {
    let p = published.map_or(String::new(), |p| format!(r#""published":"{p}","#));
    let a = article(&format!(r#"{{"version":1,"title":"T",{p}"updated":"{updated}"}}"#));
    a.updated.map(|d| (d.day, d.hour, d.minute, d.second))
}

mod updated_rule {
    use super::*;
    const P: Option<&str> = Some("2019-12-19T16:00:00+07:00");
    cases! { |(p, u)| updated(p, u);
        same_time_hidden: (P, "2019-12-19T16:00:00+07:00") => None,
        same_minute_hidden: (P, "2019-12-19T16:00:59+07:00") => None,
        exactly_one_minute_hidden: (P, "2019-12-19T16:01:00+07:00") => None,
        more_than_a_minute_shown: (P, "2019-12-19T16:01:01+07:00") => Some((19, 16, 1, 1)),
        earlier_hidden: (P, "2019-12-19T15:00:00+07:00") => None,
        same_instant_in_another_offset_hidden: (P, "2019-12-19T09:00:30Z") => None,
        later_instant_in_another_offset_shown: (P, "2019-12-19T09:30:00Z") => Some((19, 9, 30, 0)),
        missing_offset_borrows_the_other: (P, "2019-12-19T16:00:30") => None,
        date_only_next_day_shown: (P, "2019-12-20") => Some((20, 0, 0, 0)),
        date_only_same_day_hidden: (P, "2019-12-19") => None,
        without_published_kept: (None, "2019-12-19T16:00:00+07:00") => Some((19, 16, 0, 0)),
    }
}
