//! Video providers recognized in iframe sources and embed URLs, and the
//! player URLs the facade inserts after a tap. Pure string checks: a video id
//! is kept only when it has the provider's id syntax, so a player URL never
//! carries anything else from the source.

use crate::model::embed::{Provider, VideoFacade};

/// A recognized video: provider, checked id (Facebook: the encoded page URL),
/// and the video's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Video {
    pub provider: Provider,
    pub id: String,
    pub page: String,
}

impl Video {
    /// The player iframe URL (privacy-friendly host where one exists).
    pub fn player(&self) -> String {
        match self.provider {
            Provider::YouTube => ["https://www.youtube-nocookie.com/embed/", &self.id, "?autoplay=1&rel=0"].concat(),
            Provider::Vimeo => ["https://player.vimeo.com/video/", &self.id, "?autoplay=1&dnt=1"].concat(),
            Provider::Facebook => {
                ["https://www.facebook.com/plugins/video.php?href=", &self.id, "&show_text=false&autoplay=true"]
                    .concat()
            }
        }
    }

    /// The facade node, with the poster the article itself gives (a WordPress embed
    /// block's image). No provider thumbnail (YouTube's `i.ytimg.com` pattern) is
    /// used: it would be a third-party request before the reader asked for the video.
    pub fn facade(&self, poster: Option<String>, title: Option<String>) -> VideoFacade {
        VideoFacade {
            provider: self.provider,
            player: self.player(),
            page: self.page.clone(),
            poster,
            title,
            caption: None,
        }
    }
}

/// Host (lowercase, `www.`/`m.` aside) and the rest after it, of an absolute
/// or protocol-relative http(s) URL.
fn split_url(url: &str) -> Option<(String, &str)> {
    let rest =
        url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).or_else(|| url.strip_prefix("//"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest.get(..end)?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(&host).to_owned();
    Some((host, rest.get(end..).unwrap_or("")))
}

/// The path without query and fragment, and the query.
fn path_query(rest: &str) -> (&str, &str) {
    let rest = rest.split('#').next().unwrap_or(rest);
    rest.split_once('?').unwrap_or((rest, ""))
}

/// A query parameter's raw (still percent-encoded) value.
fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|kv| kv.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v))
}

fn youtube_id(s: &str) -> Option<String> {
    let ok = s.len() == 11 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| s.to_owned())
}

fn vimeo_id(s: &str) -> Option<String> {
    let ok = (1..=12).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.to_owned())
}

/// Recognizes a YouTube, Vimeo or Facebook video in an iframe `src` or a page URL.
pub fn recognize(url: &str) -> Option<Video> {
    let (host, rest) = split_url(url.trim())?;
    let (path, query) = path_query(rest);
    let segment = |i: usize| path.split('/').filter(|s| !s.is_empty()).nth(i);
    let (provider, id) = match host.as_str() {
        "youtube.com" | "youtube-nocookie.com" => {
            let id = match segment(0)? {
                "embed" | "shorts" | "live" | "v" => segment(1).and_then(youtube_id),
                "watch" => param(query, "v").and_then(youtube_id),
                _ => None,
            };
            (Provider::YouTube, id?)
        }
        "youtu.be" => (Provider::YouTube, segment(0).and_then(youtube_id)?),
        "player.vimeo.com" if segment(0) == Some("video") => (Provider::Vimeo, segment(1).and_then(vimeo_id)?),
        "vimeo.com" => (Provider::Vimeo, segment(0).and_then(vimeo_id)?),
        "facebook.com" | "fb.watch" => return facebook(&host, path, query, url),
        _ => return None,
    };
    let page = match provider {
        Provider::YouTube => ["https://www.youtube.com/watch?v=", &id].concat(),
        _ => ["https://vimeo.com/", &id].concat(),
    };
    Some(Video { provider, id, page })
}

/// A Facebook video: the plugin iframe (`/plugins/video.php?href=`) or a video page.
fn facebook(host: &str, path: &str, query: &str, url: &str) -> Option<Video> {
    let page = if path.starts_with("/plugins/video.php") {
        percent_decode(param(query, "href")?)?
    } else if host == "fb.watch"
        || path.contains("/videos/")
        || path.starts_with("/watch")
        || path.starts_with("/reel/")
    {
        url.trim().to_owned()
    } else {
        return None;
    };
    let (page_host, _) = split_url(&page)?;
    if !matches!(page_host.as_str(), "facebook.com" | "fb.watch")
        || !page.starts_with("https://") && !page.starts_with("http://")
    {
        return None;
    }
    Some(Video { provider: Provider::Facebook, id: percent_encode(&page), page })
}

/// `%XX` and `+` decoded; `None` unless the result is printable ASCII (the
/// only URLs decoded here are Facebook video pages).
pub fn percent_decode(s: &str) -> Option<String> {
    let hex = |b: u8| char::from(b).to_digit(16).and_then(|d| u8::try_from(d).ok());
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let (byte, used) = match (c, b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => (h * 16 + l, 3),
            (b'+', _, _) => (b' ', 1),
            _ => (c, 1),
        };
        if !(0x20..0x7f).contains(&byte) {
            return None;
        }
        out.push(char::from(byte));
        i += used;
    }
    Some(out)
}

/// Everything but unreserved characters percent-encoded (a URL as a query value).
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One case per test: `name: url => Some((provider, id, page))` or `None`.
    macro_rules! recognize_cases {
        ($($name:ident: $url:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                let got = recognize($url).map(|v| (v.provider, v.id, v.page));
                let want: Option<(Provider, &str, &str)> = $want;
                assert_eq!(got, want.map(|(p, i, g)| (p, i.to_owned(), g.to_owned())), "{}", $url);
            }
        )*};
    }

    recognize_cases! {
        youtube_embed_iframe: "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" => Some((Provider::YouTube, "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        youtube_nocookie_protocol_relative: "//www.youtube-nocookie.com/embed/dQw4w9WgXcQ" => Some((Provider::YouTube, "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        youtube_watch_page: "https://youtube.com/watch?list=x&v=dQw4w9WgXcQ" => Some((Provider::YouTube, "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        youtube_short_link: "https://youtu.be/dQw4w9WgXcQ?t=3" => Some((Provider::YouTube, "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        youtube_id_with_a_quote_is_refused: "https://www.youtube.com/embed/dQw4w9Wg\"cQ" => None;
        youtube_id_too_long_is_refused: "https://www.youtube.com/embed/dQw4w9WgXcQQ" => None;
        youtube_channel_is_not_a_video: "https://www.youtube.com/channel/UC123" => None;
        vimeo_player: "https://player.vimeo.com/video/76979871?h=8272103f6e" => Some((Provider::Vimeo, "76979871", "https://vimeo.com/76979871"));
        vimeo_page: "https://vimeo.com/76979871" => Some((Provider::Vimeo, "76979871", "https://vimeo.com/76979871"));
        vimeo_non_numeric_is_refused: "https://player.vimeo.com/video/abc" => None;
        facebook_plugin: "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FVTV%2Fvideos%2F123%2F&show_text=0" => Some((Provider::Facebook, "https%3A%2F%2Fwww.facebook.com%2FVTV%2Fvideos%2F123%2F", "https://www.facebook.com/VTV/videos/123/"));
        facebook_plugin_pointing_elsewhere_is_refused: "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fevil.example%2F" => None;
        facebook_video_page: "https://www.facebook.com/VTV/videos/123/" => Some((Provider::Facebook, "https%3A%2F%2Fwww.facebook.com%2FVTV%2Fvideos%2F123%2F", "https://www.facebook.com/VTV/videos/123/"));
        facebook_profile_is_not_a_video: "https://www.facebook.com/VTV" => None;
        lookalike_host_is_not_youtube: "https://youtube.com.evil.example/embed/dQw4w9WgXcQ" => None;
        javascript_url_is_nothing: "javascript:alert(1)" => None;
    }

    #[test]
    fn players_use_the_privacy_friendly_hosts() {
        let v = recognize("https://www.youtube.com/embed/dQw4w9WgXcQ").unwrap();
        assert_eq!(v.player(), "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0");
        let v = recognize("https://vimeo.com/1").unwrap();
        assert_eq!(v.player(), "https://player.vimeo.com/video/1?autoplay=1&dnt=1");
    }

    #[test]
    fn percent_encoding_round_trips() {
        let s = "https://www.facebook.com/a b/videos/1/?x=1&y=2";
        assert_eq!(percent_decode(&percent_encode(s)).as_deref(), Some(s));
    }

    #[test]
    fn percent_decoding_refuses_controls_and_non_ascii() {
        assert_eq!(percent_decode("a%0Ab"), None);
        assert_eq!(percent_decode("%C3%A9"), None);
        assert_eq!(percent_decode("%zz").as_deref(), Some("%zz"));
    }
}
