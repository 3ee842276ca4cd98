//! The last pure step before the view: a normalized article and its sanitized
//! body become what the view renders. Pure Rust, natively tested.
//!
//! The duplicate rule, in one place. The only things removed as duplicates are
//! the CMS's own repeats at the top of the body:
//! - the one copy of the lead image among the first [`TOP_BLOCKS`] body
//!   blocks: the lead is hidden and that copy shows the picture, with the
//!   lead's caption, credit, alt text and size wherever the copy has none. The
//!   copy is "the same picture" when its URL is the lead's (scheme and fragment
//!   aside) or one of the lead's size variants of one upload: a candidate of
//!   the lead's `srcset`, the same image file with other resize parameters
//!   (`a.jpg?w=300`), or WordPress's `a-300x200.jpg` for `a.jpg`;
//! - a first paragraph whose text is the lede's (WordPress's automatic excerpt).
//!
//! Every other picture stays where the author put it, repeats included (table
//! icons, formulas, galleries, the same photo twice). Two different URLs are
//! two pictures: another host or another path with the same file name is
//! another picture.

use crate::model::article::{Article, Image};
use crate::model::body::{Node, Tag};

/// How many top-level body blocks are searched for the lead image's copy.
pub const TOP_BLOCKS: usize = 3;

/// What the view renders.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub article: Article,
    pub body: Vec<Node>,
    /// The body was cut at the size limits.
    pub truncated: bool,
    /// The body shows the lead image (its copy took the lead's caption): the
    /// view does not show the lead again.
    pub hide_lead: bool,
}

/// Nothing to show: no title, no lede and an empty body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Empty;

/// Applies the duplicate rule and the empty check.
pub fn prepare(article: Article, mut body: Vec<Node>, truncated: bool) -> Result<Prepared, Empty> {
    let hide_lead = article.image.as_ref().is_some_and(|lead| merge_lead(&mut body, lead));
    if let Some(lede) = article.lede.as_deref() {
        drop_lede_paragraph(&mut body, lede);
    }
    if body.is_empty() && article.title.is_none() && article.lede.is_none() {
        return Err(Empty);
    }
    Ok(Prepared { article, body, truncated, hide_lead })
}

/// Finds the lead's copy among the first [`TOP_BLOCKS`] blocks (document
/// order, any depth) and gives it what the lead knows. True when found.
fn merge_lead(body: &mut [Node], lead: &Image) -> bool {
    let top = body.len().min(TOP_BLOCKS);
    body.get_mut(..top).is_some_and(|top| top.iter_mut().any(|n| merge_into(n, lead, 0)))
}

fn merge_into(node: &mut Node, lead: &Image, depth: u32) -> bool {
    match node {
        Node::Figure(copy) if is_lead_copy(lead, &copy.src) => {
            adopt(copy, lead);
            true
        }
        Node::El(e) if depth < 64 => e.children.iter_mut().any(|c| merge_into(c, lead, depth + 1)),
        _ => false,
    }
}

/// The copy keeps its own values; the lead fills the gaps.
fn adopt(copy: &mut Image, lead: &Image) {
    if copy.caption.is_none() && copy.credit.is_none() {
        copy.caption.clone_from(&lead.caption);
        copy.credit.clone_from(&lead.credit);
    } else if copy.credit.is_none() && copy.caption == lead.caption {
        copy.credit.clone_from(&lead.credit);
    }
    if copy.alt.is_empty() {
        copy.alt.clone_from(&lead.alt);
    }
    if copy.width.is_none() && copy.height.is_none() && copy.src == lead.src {
        (copy.width, copy.height) = (lead.width, lead.height);
    }
}

/// `src` shows the lead picture: its URL, or a size variant of the same upload.
pub fn is_lead_copy(lead: &Image, src: &str) -> bool {
    let candidate = identity(src);
    if candidate == identity(&lead.src) || size_variant(&lead.src, src) {
        return true;
    }
    let srcset = lead.srcset.as_deref().unwrap_or("");
    srcset.split(',').filter_map(|c| c.split_whitespace().next()).any(|c| identity(c) == candidate)
}

/// A URL without scheme and fragment.
fn identity(src: &str) -> &str {
    let s = src.split('#').next().unwrap_or(src);
    s.strip_prefix("https:").or_else(|| s.strip_prefix("http:")).unwrap_or(s)
}

/// Same host and path of one image file, up to a query (`?w=300`) or a
/// WordPress size suffix (`-300x200` before the extension).
fn size_variant(a: &str, b: &str) -> bool {
    let (a, b) = (upload(identity(a)), upload(identity(b)));
    a.is_some() && a == b
}

/// The upload an image URL names: path without query and size suffix,
/// lowercased extension. `None` when the path is not an image file.
fn upload(s: &str) -> Option<(String, String)> {
    let path = s.split('?').next().unwrap_or(s);
    let (stem, ext) = path.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    if !matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "webp" | "gif" | "avif") {
        return None;
    }
    Some((strip_size_suffix(stem).to_owned(), ext))
}

/// `photo-300x200` -> `photo` (WordPress's generated sizes).
fn strip_size_suffix(stem: &str) -> &str {
    let Some((head, size)) = stem.rsplit_once('-') else { return stem };
    let Some((w, h)) = size.split_once('x') else { return stem };
    let digits = |s: &str| (1..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if digits(w) && digits(h) && !head.ends_with('/') {
        head
    } else {
        stem
    }
}

/// Removes the first paragraph when its text is the lede's (only figures may
/// come before it).
fn drop_lede_paragraph(body: &mut Vec<Node>, lede: &str) {
    let first = body.iter().position(|n| !matches!(n, Node::Figure(_)));
    let Some(i) = first else { return };
    let is_lede = match body.get(i) {
        Some(n @ Node::El(e)) if e.tag == Tag::P => {
            let mut text = String::new();
            n.text_content(&mut text);
            crate::article::text::repeats(lede, &text)
        }
        _ => false,
    };
    if is_lede {
        body.remove(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(src: &str) -> Node {
        Node::Figure(Image { src: src.into(), ..Default::default() })
    }

    fn lead() -> Image {
        Image {
            src: "https://cdn.vn/2024/05/a.jpg".into(),
            srcset: Some("https://cdn.vn/2024/05/a-768x512.jpg 768w, https://cdn.vn/2024/05/a-big.jpg 1600w".into()),
            alt: "Alt".into(),
            width: Some(1200),
            height: Some(800),
            caption: Some("Lead caption".into()),
            credit: Some("MT".into()),
        }
    }

    fn article(image: Option<Image>, lede: Option<&str>) -> Article {
        Article { title: Some("T".into()), lede: lede.map(Into::into), image, ..Default::default() }
    }

    fn figures(nodes: &[Node]) -> Vec<&Image> {
        fn walk<'a>(n: &'a [Node], out: &mut Vec<&'a Image>) {
            for n in n {
                match n {
                    Node::Figure(i) => out.push(i),
                    Node::El(e) => walk(&e.children, out),
                    Node::Text(_) | Node::Embed(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(nodes, &mut out);
        out
    }

    /// One case per test: `name: lead_src, body_src => is the lead's copy`.
    macro_rules! lead_copy_cases {
        ($($name:ident: $lead:expr, $src:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                let lead = Image { src: $lead.into(), srcset: lead().srcset, ..Default::default() };
                assert_eq!(is_lead_copy(&lead, $src), $want, "{} vs {}", $lead, $src);
            }
        )*};
    }

    lead_copy_cases! {
        same_url_is_the_lead: "https://cdn.vn/2024/05/a.jpg", "https://cdn.vn/2024/05/a.jpg" => true;
        other_scheme_and_fragment_is_the_lead: "https://cdn.vn/2024/05/a.jpg", "http://cdn.vn/2024/05/a.jpg#x" => true;
        resize_query_is_the_lead: "https://cdn.vn/2024/05/a.jpg", "https://cdn.vn/2024/05/a.jpg?w=300" => true;
        wordpress_size_suffix_is_the_lead: "https://cdn.vn/2024/05/a.jpg", "https://cdn.vn/2024/05/a-300x200.jpg" => true;
        srcset_candidate_is_the_lead: "https://cdn.vn/2024/05/a.jpg", "https://cdn.vn/2024/05/a-big.jpg" => true;
        same_file_name_on_another_host_is_another_picture: "https://cdn.vn/2024/05/a.jpg", "https://other.vn/2024/05/a.jpg" => false;
        same_file_name_in_another_path_is_another_picture: "https://cdn.vn/2024/05/a.jpg", "https://cdn.vn/2023/01/a.jpg" => false;
        query_on_a_script_is_another_picture: "https://cdn.vn/i.php?id=1", "https://cdn.vn/i.php?id=2" => false;
        other_file_is_another_picture: "https://cdn.vn/2024/05/a.jpg", "https://cdn.vn/2024/05/b.jpg" => false;
    }

    #[test]
    fn lead_caption_and_credit_move_to_the_captionless_body_copy() {
        let body = vec![figure("https://cdn.vn/2024/05/a.jpg"), Node::paragraph("Text")];
        let p = prepare(article(Some(lead()), None), body, false).unwrap();
        assert!(p.hide_lead);
        let imgs = figures(&p.body);
        assert_eq!(imgs.len(), 1);
        assert_eq!(imgs[0].caption.as_deref(), Some("Lead caption"));
        assert_eq!(imgs[0].credit.as_deref(), Some("MT"));
        assert_eq!(imgs[0].alt, "Alt");
        assert_eq!((imgs[0].width, imgs[0].height), (Some(1200), Some(800)));
    }

    #[test]
    fn a_body_copy_with_its_own_caption_keeps_it() {
        let own = Node::Figure(Image {
            src: "https://cdn.vn/2024/05/a-300x200.jpg".into(),
            caption: Some("Own".into()),
            ..Default::default()
        });
        let p = prepare(article(Some(lead()), None), vec![own], false).unwrap();
        assert!(p.hide_lead);
        let imgs = figures(&p.body);
        assert_eq!(imgs[0].caption.as_deref(), Some("Own"));
        assert_eq!(imgs[0].credit, None);
        assert_eq!(imgs[0].width, None, "another size keeps its own (unknown) size");
    }

    #[test]
    fn only_the_first_copy_takes_the_lead_and_later_repeats_stay() {
        let body = vec![
            Node::el(Tag::Blockquote, vec![figure("https://cdn.vn/2024/05/a.jpg?w=300")]),
            figure("https://cdn.vn/2024/05/a.jpg"),
            figure("https://cdn.vn/2024/05/a.jpg"),
        ];
        let p = prepare(article(Some(lead()), None), body, false).unwrap();
        let imgs = figures(&p.body);
        assert_eq!(imgs.len(), 3, "every body picture stays");
        assert_eq!(imgs[0].caption.as_deref(), Some("Lead caption"));
        assert_eq!(imgs[1].caption, None);
    }

    #[test]
    fn a_lead_copy_below_the_top_blocks_leaves_the_lead_shown() {
        let mut body: Vec<Node> = (0..TOP_BLOCKS).map(|i| Node::paragraph(format!("p{i}"))).collect();
        body.push(figure("https://cdn.vn/2024/05/a.jpg"));
        let p = prepare(article(Some(lead()), None), body, false).unwrap();
        assert!(!p.hide_lead);
        assert_eq!(figures(&p.body)[0].caption, None);
    }

    #[test]
    fn another_picture_leaves_the_lead_shown() {
        let p = prepare(article(Some(lead()), None), vec![figure("https://other.vn/2024/05/a.jpg")], false).unwrap();
        assert!(!p.hide_lead);
        assert_eq!(figures(&p.body).len(), 1);
    }

    #[test]
    fn repeated_pictures_without_a_lead_all_stay() {
        let body = vec![
            figure("https://cdn.vn/i.png"),
            Node::paragraph("x"),
            figure("https://cdn.vn/i.png"),
            figure("http://cdn.vn/i.png"),
        ];
        let p = prepare(article(None, None), body, false).unwrap();
        assert_eq!(figures(&p.body).len(), 3);
    }

    #[test]
    fn first_paragraph_equal_to_the_lede_is_dropped() {
        let body = vec![Node::paragraph("Tóm tắt  bài\nviết."), Node::paragraph("Second.")];
        let p = prepare(article(None, Some("Tóm tắt bài viết.")), body, false).unwrap();
        assert_eq!(p.body, vec![Node::paragraph("Second.")]);
    }

    #[test]
    fn first_paragraph_after_the_lead_figure_equal_to_the_lede_is_dropped() {
        let body = vec![figure("https://cdn.vn/x.jpg"), Node::paragraph("Lede."), Node::paragraph("Lede.")];
        let p = prepare(article(None, Some("Lede.")), body, false).unwrap();
        assert_eq!(p.body.len(), 2, "only the first paragraph is the CMS's repeat");
    }

    #[test]
    fn a_first_paragraph_that_differs_from_the_lede_stays() {
        let body = vec![Node::paragraph("Lede, longer.")];
        let p = prepare(article(None, Some("Lede")), body, false).unwrap();
        assert_eq!(p.body.len(), 1);
    }

    #[test]
    fn a_later_paragraph_equal_to_the_lede_stays() {
        let body = vec![Node::el(Tag::H2, vec![Node::Text("H".into())]), Node::paragraph("Lede.")];
        let p = prepare(article(None, Some("Lede.")), body, false).unwrap();
        assert_eq!(p.body.len(), 2);
    }

    #[test]
    fn nothing_to_show_is_empty() {
        let a = Article::default();
        assert_eq!(prepare(a, Vec::new(), false), Err(Empty));
    }

    #[test]
    fn a_title_alone_is_shown() {
        let p = prepare(article(None, None), Vec::new(), true).unwrap();
        assert!(p.truncated && p.body.is_empty());
    }

    #[test]
    fn a_body_that_was_only_the_lede_leaves_the_lede() {
        let p = prepare(article(None, Some("Only.")), vec![Node::paragraph("Only.")], false).unwrap();
        assert!(p.body.is_empty());
        assert_eq!(p.article.lede.as_deref(), Some("Only."));
    }
}
