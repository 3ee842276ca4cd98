//! Galleries (`wp-block-gallery` in its list and nested-figure forms, the
//! `[gallery]` shortcode's `div.gallery`, Jetpack's tiled gallery, a figure
//! holding several pictures): every picture with its own caption, and the
//! gallery's caption.

use super::flow::{blocks, wrap_block};
use super::source::SourceNode;
use super::text::words;
use super::walk::{At, Sanitizer};
use crate::caption::split_credit;
use crate::model::article::Image;
use crate::model::body::Node;
use crate::model::embed::{Embed, Gallery};

/// Deepest nesting looked into for pictures.
const MAX_DEPTH: u32 = 32;

impl Sanitizer<'_> {
    /// A gallery container. With fewer than two pictures it is an ordinary block.
    pub fn gallery<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let mut flow = Vec::new();
        let caption = self.figure_content(n, at, &mut flow);
        let nodes = blocks(flow);
        let mut items = Items::default();
        items.collect(&nodes, 0);
        if items.images.len() < 2 {
            wrap_block(true, nodes, out);
            if let Some(c) = caption {
                out.push(Node::paragraph(c));
            }
            return;
        }
        let caption = [caption, items.rest].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let caption = Some(caption).filter(|c| !c.is_empty());
        out.push(Node::Embed(Embed::Gallery(Gallery { images: items.images, caption })));
    }
}

/// Pictures of a `<figure>` holding several: a gallery with the figure's
/// caption (the credit on the last picture).
pub fn figure_gallery(mut images: Vec<Image>, caption: Option<String>, credit: Option<String>, out: &mut Vec<Node>) {
    if let Some(last) = images.last_mut() {
        last.credit = credit;
    }
    out.push(Node::Embed(Embed::Gallery(Gallery { images, caption })));
}

/// Pictures of a sanitized gallery in order; text after a captionless picture
/// is its caption (the shortcode's `<dd>`), any other text the gallery's.
#[derive(Default)]
struct Items {
    images: Vec<Image>,
    rest: Option<String>,
}

impl Items {
    fn collect(&mut self, nodes: &[Node], depth: u32) {
        for n in nodes {
            match n {
                Node::Figure(img) => self.images.push(img.clone()),
                Node::Embed(Embed::Gallery(g)) => self.images.extend(g.images.iter().cloned()),
                Node::El(e) if depth < MAX_DEPTH && has_picture(n) => self.collect(&e.children, depth + 1),
                other => self.text(other),
            }
        }
    }

    fn text(&mut self, n: &Node) {
        let mut t = String::new();
        n.text_content(&mut t);
        let t = words(&t);
        if t.is_empty() {
            return;
        }
        match self.images.last_mut() {
            Some(img) if img.caption.is_none() && img.credit.is_none() => {
                let (caption, credit) = split_credit(&t);
                img.caption = caption;
                img.credit = credit;
            }
            _ => {
                let rest = self.rest.get_or_insert_with(String::new);
                if !rest.is_empty() {
                    rest.push(' ');
                }
                rest.push_str(&t);
            }
        }
    }
}

fn has_picture(n: &Node) -> bool {
    match n {
        Node::Figure(_) | Node::Embed(Embed::Gallery(_)) => true,
        Node::El(e) => e.children.iter().any(has_picture),
        _ => false,
    }
}
