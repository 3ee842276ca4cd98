//! Media and frames: `<video>`/`<audio>` with http(s) sources, iframes of
//! known video providers as click-to-play facades, other iframes as links,
//! WordPress embed blocks (`figure.wp-block-embed`), and the caption of a
//! figure that holds one of them.

use super::figure::dimension;
use super::flow::blocks;
use super::provider::recognize;
use super::source::{Kind, SourceNode};
use super::text::words;
use super::walk::{At, Sanitizer};
use crate::model::body::Node;
use crate::model::embed::{Embed, FrameLink, Gallery, Media, MediaSource};
use crate::url;

/// Most sources read for one `<video>`/`<audio>`.
const MAX_SOURCES: usize = 8;

/// An absolute http(s) URL (or relative, resolved by the page) for media and frames.
fn media_url(base: Option<&str>, v: &str) -> Option<String> {
    url::resolve_src(base, v).filter(|u| !u.starts_with("mailto:"))
}

/// A MIME type `type/subtype` (parameters dropped), lowercase.
fn mime(v: &str) -> Option<String> {
    let t = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let ok = t.len() <= 64
        && t.split_once('/').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b"/.+-".contains(&b));
    ok.then_some(t)
}

impl Sanitizer<'_> {
    /// `<video>`/`<audio>`: its http(s) sources and size (not its poster); nothing when
    /// no source is usable. Fallback content ("your browser does not…") is dropped.
    pub fn media<N: SourceNode>(&mut self, n: &N, tag: &str, out: &mut Vec<Node>) {
        let mut sources = Vec::new();
        let own = n.attr("src").or_else(|| n.attr("data-src"));
        if let Some(src) = own.and_then(|s| media_url(self.base, &s)) {
            sources.push(MediaSource { src, mime: None });
        }
        for k in n.children() {
            if sources.len() >= MAX_SOURCES || !self.tick(1) {
                break;
            }
            if k.kind() == Kind::Element && k.tag() == "source" {
                let src = k.attr("src").or_else(|| k.attr("data-src")).and_then(|s| media_url(self.base, &s));
                if let Some(src) = src {
                    sources.push(MediaSource { src, mime: k.attr("type").and_then(|t| mime(&t)) });
                }
            }
        }
        if sources.is_empty() {
            return;
        }
        let audio = tag == "audio";
        let size = |a: &str| n.attr(a).and_then(|v| dimension(&v));
        let (width, height) = (size("width"), size("height"));
        out.push(Node::Embed(Embed::Media(Media { audio, sources, width, height, caption: None })));
    }

    /// `<iframe>`: a known video as a facade, anything else with a usable
    /// `src` as a labelled link.
    pub fn iframe<N: SourceNode>(&mut self, n: &N, out: &mut Vec<Node>) {
        let src =
            n.attr("src").filter(|s| !s.trim().is_empty() && !s.contains("about:")).or_else(|| n.attr("data-src"));
        let Some(src) = src.and_then(|s| media_url(self.base, &s)) else { return };
        let title = self.budget_text(n.attr("title").map(|t| words(&t)));
        out.push(self.frame_node(&src, None, title));
    }

    /// The node for a frame or embed URL: facade for a known video, else a link.
    fn frame_node(&self, src: &str, poster: Option<String>, title: Option<String>) -> Node {
        if let Some(video) = recognize(src) {
            return Node::Embed(Embed::Video(video.facade(poster, title)));
        }
        let host = url::host(src).unwrap_or(src).to_owned();
        Node::Embed(Embed::Frame(FrameLink { url: src.to_owned(), host, title }))
    }

    /// `figure.wp-block-embed`: its content (iframe, tweet markup…), or, when
    /// WordPress left only the URL in the wrapper, that URL as a facade or link;
    /// the block's image is the poster; its figcaption captions the embed.
    pub fn embed_block<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let mut content = Vec::new();
        let caption = self.figure_content(n, at, &mut content);
        let mut nodes = blocks(content);
        if let Some(url) = lone_url(&nodes).and_then(|u| media_url(self.base, &u)) {
            let poster = if recognize(&url).is_some() { take_poster(&mut nodes) } else { None };
            nodes.retain(|n| matches!(n, Node::Figure(_)));
            nodes.insert(0, self.frame_node(&url, poster, None));
        } else if nodes.iter().any(|n| matches!(n, Node::Embed(Embed::Video(_)))) {
            let poster = take_poster(&mut nodes);
            if let (Some(Node::Embed(Embed::Video(v))), Some(p)) =
                (nodes.iter_mut().find(|n| matches!(n, Node::Embed(_))), poster)
            {
                v.poster = Some(p);
            }
        }
        self.finish_captioned(nodes, caption, out);
    }

    /// A `<figure>` without pictures: its content, with a direct `figcaption`
    /// captioning a lone video, media or frame.
    pub fn figure_block<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let mut content = Vec::new();
        let caption = self.figure_content(n, at, &mut content);
        self.finish_captioned(blocks(content), caption, out);
    }

    /// Sanitizes a figure's children into `content`, except its direct
    /// `figcaption`, whose words are returned.
    pub(super) fn figure_content<N: SourceNode>(&mut self, n: &N, at: At, content: &mut Vec<Node>) -> Option<String> {
        let mut caption = None;
        let mut after_img = false;
        for k in n.children() {
            if k.kind() == Kind::Element && k.tag() == "figcaption" && caption.is_none() {
                let mut flow = Vec::new();
                self.children(&k, at.flow(), &mut flow);
                let mut text = String::new();
                flow.iter().for_each(|n| n.text_content(&mut text));
                caption = Some(words(&text)).filter(|t| !t.is_empty());
            } else {
                self.node(&k, At { depth: at.depth + 1, ..at.flow() }, content, &mut after_img);
            }
        }
        caption
    }

    /// Puts `caption` on a lone embed of `nodes`, or makes several pictures a
    /// gallery with it; else it follows them as a paragraph.
    fn finish_captioned(&mut self, mut nodes: Vec<Node>, caption: Option<String>, out: &mut Vec<Node>) {
        let Some(caption) = caption else { return out.extend(nodes) };
        if nodes.len() > 1 && nodes.iter().all(|n| matches!(n, Node::Figure(_))) {
            let images =
                nodes.into_iter().filter_map(|n| if let Node::Figure(i) = n { Some(i) } else { None }).collect();
            return out.push(Node::Embed(Embed::Gallery(Gallery { images, caption: Some(caption) })));
        }
        let captioned = match nodes.as_mut_slice() {
            [Node::Embed(e)] => set_caption(e, &caption),
            _ => false,
        };
        if !captioned {
            nodes.push(Node::paragraph(caption));
        }
        out.extend(nodes);
    }
}

/// Gives a media, video or frame embed its caption; false for other embeds.
fn set_caption(e: &mut Embed, caption: &str) -> bool {
    match e {
        Embed::Media(m) => m.caption = Some(caption.to_owned()),
        Embed::Video(v) if v.title.as_deref() == Some(caption) => {}
        Embed::Video(v) => v.caption = Some(caption.to_owned()),
        Embed::Frame(f) if f.title.is_none() => f.title = Some(caption.to_owned()),
        _ => return false,
    }
    true
}

/// Removes the first picture of `nodes` and returns its source (an embed block's poster).
fn take_poster(nodes: &mut Vec<Node>) -> Option<String> {
    let i = nodes.iter().position(|n| matches!(n, Node::Figure(_)))?;
    match nodes.remove(i) {
        Node::Figure(img) => Some(img.src),
        _ => None,
    }
}

/// The text of `nodes` (pictures aside) when it is one http(s) URL (an
/// unprocessed embed block).
fn lone_url(nodes: &[Node]) -> Option<String> {
    if nodes.iter().any(|n| matches!(n, Node::Embed(_))) {
        return None;
    }
    let mut text = String::new();
    nodes.iter().filter(|n| !matches!(n, Node::Figure(_))).for_each(|n| n.text_content(&mut text));
    let t = text.trim();
    let one_word = !t.is_empty() && !t.contains(char::is_whitespace);
    (one_word && (t.starts_with("https://") || t.starts_with("http://"))).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types_are_checked() {
        assert_eq!(mime("video/mp4; codecs=\"avc1\"").as_deref(), Some("video/mp4"));
        assert_eq!(mime("Audio/MPEG").as_deref(), Some("audio/mpeg"));
        assert_eq!(mime("text/html\"><script>"), None);
        assert_eq!(mime("mp4"), None);
    }
}
