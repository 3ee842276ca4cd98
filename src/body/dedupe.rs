//! Repeated pictures across the whole body, and the lead image's caption
//! moving to its body copy.

use super::figure::{same_picture, Shown};
use crate::model::article::Image;
use crate::model::body::Node;

/// Deepest nesting looked into.
const MAX_DEPTH: u32 = 256;

/// Removes repeated figures (same picture, see [`key`]) at any depth: a repeat
/// stays only when it brings a caption not yet shown with that picture.
/// Returns true when a figure shows `lead_src` (see [`same_picture`]): the
/// caller then hides the lead image.
pub fn dedupe_figures(nodes: &mut Vec<Node>, lead_src: Option<&str>) -> bool {
    let mut seen = Shown::default();
    let mut found = false;
    dedupe_in(nodes, &mut seen, lead_src, &mut found, 0);
    found
}

/// The body shows the lead picture (see [`dedupe_figures`]) and the lead is
/// hidden: the first body figure showing it takes the lead's caption, credit
/// and alt text where it has none, so hiding the lead loses nothing.
pub fn adopt_lead(nodes: &mut [Node], lead: &Image) -> bool {
    adopt_in(nodes, lead, 0)
}

fn adopt_in(nodes: &mut [Node], lead: &Image, depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    for n in nodes {
        match n {
            Node::Figure(i) if same_picture(&lead.src, &i.src) => {
                if i.caption.is_none() && i.credit.is_none() {
                    i.caption.clone_from(&lead.caption);
                    i.credit.clone_from(&lead.credit);
                }
                if i.alt.is_empty() {
                    i.alt.clone_from(&lead.alt);
                }
                return true;
            }
            Node::El(e) => {
                if adopt_in(&mut e.children, lead, depth + 1) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn dedupe_in(nodes: &mut Vec<Node>, seen: &mut Shown, lead: Option<&str>, found: &mut bool, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    nodes.retain_mut(|n| match n {
        Node::Figure(i) => {
            *found |= lead.is_some_and(|l| same_picture(l, &i.src));
            seen.show(i)
        }
        Node::El(e) => {
            dedupe_in(&mut e.children, seen, lead, found, depth + 1);
            true
        }
        Node::Text(_) => true,
    });
}

