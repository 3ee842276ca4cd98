//! The real-publisher corpora through `parse_article`: every JSON-LD object of
//! `jsonld-real` shows its headline, every author and its date; every post of
//! `wp-real` shows its title, authors, date and featured caption.
//!
//! The corpora live outside the repository, at `../shared/corpora` next to it;
//! `ARTICLE_READER_CORPORA` overrides that (as for `tests/e2e/corpora.mjs`).
//! A missing corpus fails the test, it is never skipped.

use article_reader::article::json::Json;
use article_reader::article::model::{Article, DateTime};
use article_reader::article::text::decode_entities;
use article_reader::article::{parse_article, ParseOptions};
use serde_json::Value;
use std::path::PathBuf;

/// `$ARTICLE_READER_CORPORA`, else `../shared/corpora` next to the repo, else
/// `/work/shared/corpora` (as `tests/e2e/corpora.mjs`). Missing corpora fail loudly.
fn corpora() -> PathBuf {
    let candidates = match std::env::var_os("ARTICLE_READER_CORPORA") {
        Some(d) => vec![PathBuf::from(d)],
        None => vec![
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"),
            PathBuf::from("/work/shared/corpora"),
        ],
    };
    let found = candidates
        .iter()
        .find(|d| d.join("jsonld-real/index.json").is_file() && d.join("wp-real/index.json").is_file());
    match found {
        Some(d) => d.clone(),
        None => panic!(
            "test corpora not found (tried {candidates:?}; set ARTICLE_READER_CORPORA to the folder holding jsonld-real/ and wp-real/)"
        ),
    }
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn index(name: &str) -> Vec<Value> {
    let list: Value = serde_json::from_str(&read(corpora().join(name).join("index.json"))).expect("index.json");
    list.as_array().cloned().unwrap_or_default()
}

fn article(path: PathBuf) -> Option<Article> {
    let json: Json = serde_json::from_str(&read(path)).expect("corpus file is JSON");
    parse_article(&json, &ParseOptions::default()).ok()
}

fn text(v: &Value) -> Option<String> {
    v.as_str().and_then(article_reader::article::text::clean)
}

fn names(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(text).collect()).unwrap_or_default()
}

/// The calendar day of an ISO date string's first ten characters.
fn day_of(s: &str) -> Option<(i32, u8, u8)> {
    let d = article_reader::article::datetime::parse(s.get(..10)?)?;
    Some((d.year, d.month, d.day))
}

fn day(d: &DateTime) -> (i32, u8, u8) {
    (d.year, d.month, d.day)
}

/// What the reader sees as text: entities decoded, whitespace collapsed.
fn visible(s: &str) -> String {
    article_reader::article::text::collapse_ws(&decode_entities(s))
}

/// Counts and failures of one corpus run.
#[derive(Default)]
struct Tally {
    objects: usize,
    headlines: (usize, usize),
    authors: (usize, usize),
    dates: (usize, usize),
    captions: (usize, usize),
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, which: fn(&mut Tally) -> &mut (usize, usize), ok: bool, what: String) {
        let t = which(self);
        t.1 += 1;
        if ok {
            t.0 += 1;
        } else {
            self.failures.push(what);
        }
    }

    fn finish(self, corpus: &str, exceptions: &[(&str, &str)]) {
        eprintln!(
            "{corpus}: {} objects; headlines {}/{}, authors {}/{}, dates {}/{}, captions {}/{}",
            self.objects,
            self.headlines.0,
            self.headlines.1,
            self.authors.0,
            self.authors.1,
            self.dates.0,
            self.dates.1,
            self.captions.0,
            self.captions.1
        );
        let unexpected: Vec<&String> =
            self.failures.iter().filter(|f| !exceptions.iter().any(|(p, _)| f.starts_with(&format!("{p}:")))).collect();
        let stale: Vec<&&str> = exceptions
            .iter()
            .map(|(p, _)| p)
            .filter(|p| !self.failures.iter().any(|f| f.starts_with(&format!("{p}:"))))
            .collect();
        assert!(unexpected.is_empty(), "{corpus}: {} failures:\n{}", unexpected.len(), {
            let v: Vec<&str> = unexpected.iter().map(|s| s.as_str()).collect();
            v.join("\n")
        });
        assert!(stale.is_empty(), "{corpus}: listed exceptions that now pass: {stale:?}");
    }
}

/// Objects that cannot show what `index.json` lists, with the cause.
const JSONLD_EXCEPTIONS: &[(&str, &str)] = &[
    ("ms-video-giphy.com", "datePublished is an empty string: the page gives no date"),
    (
        "ms-engadget",
        "datePublished \"Mon, Jan 7 2019 15:37:00 EST\" is not ISO 8601 (schema.org's Date/DateTime); not read",
    ),
];

#[test]
fn jsonld_real_objects_show_headline_authors_and_date() {
    let mut t = Tally::default();
    for e in index("jsonld-real") {
        let page = e["page"].as_str().unwrap_or("?").to_owned();
        let file = e["file"].as_str().unwrap_or("");
        t.objects += 1;
        let a = article(corpora().join(file));
        let Some(a) = a else {
            let ok = !e["renderable"].as_bool().unwrap_or(true);
            t.check(|t| &mut t.headlines, ok, format!("{page}: no article"));
            continue;
        };
        let want_title = text(&e["headline"]).or_else(|| text(&e["name"])).map(|h| visible(&h));
        let ok = a.title == want_title;
        t.check(|t| &mut t.headlines, ok, format!("{page}: title {:?}, want {want_title:?}", a.title));
        let got: Vec<&str> = a.authors.iter().map(|l| l.name.as_str()).collect();
        for want in names(&e["authors"]).iter().map(|n| visible(n)) {
            let ok = got.contains(&want.as_str());
            t.check(|t| &mut t.authors, ok, format!("{page}: author {want:?} missing from {got:?}"));
        }
        let days: Vec<(i32, u8, u8)> = e["dateDays"]
            .as_array()
            .map(|d| {
                d.iter()
                    .filter_map(|x| Some((x[0].as_i64()? as i32, x[1].as_u64()? as u8, x[2].as_u64()? as u8)))
                    .collect()
            })
            .unwrap_or_default();
        let want_day = if days.is_empty() { e["dateCreated"].as_str().and_then(day_of) } else { None };
        if !days.is_empty() || want_day.is_some() || e["datePublished"].as_str().is_some() {
            let got = a.published.as_ref().map(day);
            let ok = got.is_some_and(|g| days.contains(&g) || want_day == Some(g));
            let want = (e["datePublished"].as_str(), e["dateCreated"].as_str());
            t.check(|t| &mut t.dates, ok, format!("{page}: date {got:?}, published/created {want:?}"));
        }
    }
    t.finish("jsonld-real", JSONLD_EXCEPTIONS);
}

/// Posts that cannot show what `index.json` lists, with the cause.
const WP_EXCEPTIONS: &[(&str, &str)] = &[];

#[test]
fn wp_real_posts_show_title_authors_date_and_featured_caption() {
    let mut t = Tally::default();
    for e in index("wp-real") {
        let file = e["file"].as_str().unwrap_or("?").to_owned();
        t.objects += 1;
        let Some(a) = article(corpora().join("wp-real").join(&file)) else {
            t.check(|t| &mut t.headlines, false, format!("{file}: no article"));
            continue;
        };
        let want_title = text(&e["title"]);
        let ok = a.title == want_title;
        t.check(|t| &mut t.headlines, ok, format!("{file}: title {:?}, want {want_title:?}", a.title));
        let got: Vec<&str> = a.authors.iter().map(|l| l.name.as_str()).collect();
        for want in names(&e["authors"]) {
            let ok = got.contains(&want.as_str());
            t.check(|t| &mut t.authors, ok, format!("{file}: author {want:?} missing from {got:?}"));
        }
        let want_date = e["date"].as_str().and_then(article_reader::article::datetime::parse);
        let got = a.published.map(|d| DateTime { offset_minutes: None, ..d });
        let ok = want_date.is_some() && got == want_date;
        t.check(|t| &mut t.dates, ok, format!("{file}: date {got:?}, want {:?}", e["date"]));
        if let Some(want) = text(&e["featuredCaption"]) {
            let img = a.image.as_ref();
            let shown = [img.and_then(|i| i.caption.clone()), img.and_then(|i| i.credit.clone())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let ok = visible(&shown).contains(&visible(&want)) || {
                // The credit is shown with its label ("Photo: X"), split off the caption.
                let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
                norm(&want).contains(&norm(&shown)) && !shown.is_empty() && norm(&shown).len() + 12 >= norm(&want).len()
            };
            t.check(|t| &mut t.captions, ok, format!("{file}: caption {shown:?}, want {want:?}"));
        }
    }
    t.finish("wp-real", WP_EXCEPTIONS);
}

/// The first `<p>` of a post's `content.rendered`, as visible text.
fn first_paragraph(post: &Value) -> String {
    let html = post["content"]["rendered"].as_str().unwrap_or("");
    let start = html.find("<p").unwrap_or(html.len());
    let end = html.get(start..).and_then(|h| h.find("</p>")).map_or(html.len(), |e| start + e + 4);
    article_reader::article::text::strip_tags(html.get(start..end).unwrap_or(""))
}

/// Posts whose excerpt is their first paragraph (WordPress's own excerpt of a short first paragraph,
/// or an editor's copy of it).
const EXCERPT_IS_FIRST_PARAGRAPH: [&str; 7] = [
    "frontity-1.json",
    "frontity-30.json",
    "frontity-60.json",
    "rogue-scholar-api-3448.json",
    "rogue-scholar-api-3493.json",
    "rogue-scholar-api-3548.json",
    "rogue-scholar-api-3561.json",
];

#[test]
fn wp_real_lede_equals_the_first_paragraph_exactly_when_the_excerpt_repeats_it() {
    use article_reader::article::text::repeats;
    let mut seen = Vec::new();
    for e in index("wp-real") {
        let file = e["file"].as_str().unwrap_or("?");
        let path = corpora().join("wp-real").join(file);
        let post: Value = serde_json::from_str(&read(path.clone())).expect("post");
        let lede = article(path).and_then(|a| a.lede).unwrap_or_default();
        let first = first_paragraph(&post);
        if EXCERPT_IS_FIRST_PARAGRAPH.contains(&file) {
            assert_eq!(lede, first, "{file}: the lede is normalized like the body's first paragraph");
            assert!(repeats(&lede, &first), "{file}");
            seen.push(file.to_owned());
        } else {
            assert!(!repeats(&lede, &first), "{file}: lede {lede:?} is not the first paragraph {first:?}");
        }
    }
    assert_eq!(seen.len(), EXCERPT_IS_FIRST_PARAGRAPH.len(), "every listed post is in the corpus: {seen:?}");
}
