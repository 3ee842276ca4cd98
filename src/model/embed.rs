//! Embedded content of the body ("furniture"): media, video facades, other
//! frames, social posts and galleries. Everything here is safe to render as
//! described on each type: no script, and no third-party frame until the reader
//! taps a [`VideoFacade`].

use super::article::Image;
use super::body::Node;

/// One piece of embedded content.
#[derive(Debug, Clone, PartialEq)]
pub enum Embed {
    /// `<video>`/`<audio>` with http(s) sources: rendered with controls, no autoplay.
    Media(Media),
    /// A YouTube, Vimeo or Facebook video: poster, title and link; the player
    /// iframe only after a tap.
    Video(VideoFacade),
    /// Any other iframe: a labelled link to its page.
    Frame(FrameLink),
    /// A tweet, Instagram, Facebook or TikTok post: its text and link as a quote card.
    Post(SocialPost),
    /// Pictures shown together, each with its own caption, in a grid.
    Gallery(Gallery),
    /// An in-page link (a footnote reference or its back link) to a body
    /// element carrying `Attr::Id`; inline, unlike the other embeds.
    NoteLink(NoteLink),
}

/// A link to another place of the same body.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteLink {
    /// The `Attr::Id` value it leads to (`ar-fn-` + the source id).
    pub target: String,
    /// Its own id (`ar-fn-` + the source id), when another note link leads back to it.
    pub id: Option<String>,
    /// The link text.
    pub label: Vec<Node>,
}

/// `<video>` or `<audio>`. No poster: the browser would fetch it with the
/// page (the reader loads nothing of a video before the reader plays it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Media {
    /// True for `<audio>`.
    pub audio: bool,
    /// http(s) sources in order, with their MIME type when given.
    pub sources: Vec<MediaSource>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Caption (from the enclosing figure), credit split off.
    pub caption: Option<String>,
}

/// One source of a [`Media`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaSource {
    pub src: String,
    /// `video/mp4`, `audio/mpeg`… (checked `type/subtype`).
    pub mime: Option<String>,
}

/// A video provider whose player can be inserted after a tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    YouTube,
    Vimeo,
    Facebook,
}

impl Provider {
    /// The provider's name as shown to readers.
    pub fn name(self) -> &'static str {
        match self {
            Provider::YouTube => "YouTube",
            Provider::Vimeo => "Vimeo",
            Provider::Facebook => "Facebook",
        }
    }

    /// Origins the player iframe loads from (the README's `frame-src`).
    pub fn frame_origin(self) -> &'static str {
        match self {
            Provider::YouTube => "https://www.youtube-nocookie.com",
            Provider::Vimeo => "https://player.vimeo.com",
            Provider::Facebook => "https://www.facebook.com",
        }
    }
}

/// A click-to-play video.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoFacade {
    pub provider: Provider,
    /// The player URL (privacy-friendly host where one exists), built from a
    /// checked video id: `https://www.youtube-nocookie.com/embed/<id>`,
    /// `https://player.vimeo.com/video/<digits>`,
    /// `https://www.facebook.com/plugins/video.php?href=<encoded page>`.
    pub player: String,
    /// The video's own page (a plain link).
    pub page: String,
    /// Poster image: YouTube's thumbnail URL pattern, or the embed block's image.
    pub poster: Option<String>,
    /// Title (iframe `title`, or the block's caption).
    pub title: Option<String>,
    /// Caption of the enclosing figure or embed block.
    pub caption: Option<String>,
}

/// An iframe of an unknown provider, shown as a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameLink {
    /// The iframe's http(s) `src`.
    pub url: String,
    /// Its host, for the label ("Embedded content: example.com").
    pub host: String,
    /// The iframe's `title`, when it has one.
    pub title: Option<String>,
}

/// The network a [`SocialPost`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    X,
    Instagram,
    Facebook,
    TikTok,
}

impl Network {
    /// The network's name as shown to readers.
    pub fn name(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Instagram => "Instagram",
            Network::Facebook => "Facebook",
            Network::TikTok => "TikTok",
        }
    }
}

/// A social post as a quote card.
#[derive(Debug, Clone, PartialEq)]
pub struct SocialPost {
    pub network: Network,
    /// The post's quoted text, sanitized like the body (links kept).
    pub body: Vec<Node>,
    /// The post's own page, http(s).
    pub url: Option<String>,
}

/// Pictures in a grid.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gallery {
    /// Every picture, each with its own caption and credit.
    pub images: Vec<Image>,
    /// The caption of the whole gallery.
    pub caption: Option<String>,
}
