//! Social embeds (`blockquote.twitter-tweet`, `blockquote.instagram-media`,
//! `div.fb-post`/`div.fb-video`, `blockquote.tiktok-embed`) as quote cards:
//! the quoted text, sanitized like the body, and the post's link. Their
//! scripts are dropped like every script, so nothing loads from the network.

use super::flow::blocks;
use super::source::SourceNode;
use super::walk::{At, Sanitizer};
use crate::model::body::{Attr, Node};
use crate::model::embed::{Embed, Network, SocialPost};
use crate::url;

/// Attributes that name the post's page, in order of preference.
const POST_URL_ATTRS: [&str; 3] = ["data-instgrm-permalink", "cite", "data-href"];

/// Hosts of each network's post pages.
fn network_host(network: Network, host: &str) -> bool {
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(host);
    match network {
        Network::X => matches!(host, "twitter.com" | "x.com" | "mobile.twitter.com"),
        Network::Instagram => host == "instagram.com",
        Network::Facebook => matches!(host, "facebook.com" | "fb.watch"),
        Network::TikTok => host == "tiktok.com",
    }
}

impl Sanitizer<'_> {
    /// A social post as a quote card.
    pub fn social_post<N: SourceNode>(&mut self, n: &N, network: Network, at: At, out: &mut Vec<Node>) {
        let mut flow = Vec::new();
        self.children(n, at.flow(), &mut flow);
        let body = blocks(flow);
        let own = POST_URL_ATTRS.iter().find_map(|a| n.attr(a)).and_then(|u| url::resolve(self.base, &u));
        let on_network = |u: &String| url::host(u).is_some_and(|h| network_host(network, &h.to_ascii_lowercase()));
        let url = own.filter(on_network).or_else(|| last_link(&body, &on_network));
        out.push(Node::Embed(Embed::Post(SocialPost { network, body, url })));
    }
}

/// The last link of `nodes` that `keep` accepts (a tweet's date links to the post).
fn last_link(nodes: &[Node], keep: &dyn Fn(&String) -> bool) -> Option<String> {
    let mut found = None;
    let mut stack: Vec<&Node> = nodes.iter().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if let Node::El(e) = n {
            let href = e.attrs.iter().find(|(a, _)| *a == Attr::Href).map(|(_, v)| v);
            if let Some(h) = href.filter(|h| keep(h)) {
                found = Some(h.clone());
            }
            stack.extend(e.children.iter().rev());
        }
    }
    found
}
