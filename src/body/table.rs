//! Data tables: caption and row groups kept in place, content misplaced in a
//! table moved before it, one-cell (layout) tables unwrapped.

use super::flow::{hoist, push, wrap_block};
use super::policy::Context;
use super::source::SourceNode;
use super::walk::{global_attrs, At, Sanitizer};
use crate::model::body::{Element, Node, Tag};

impl Sanitizer<'_> {
    /// A `<table>` that is not a picture.
    pub fn table<N: SourceNode>(&mut self, n: &N, at: At, out: &mut Vec<Node>) {
        let mut flow = Vec::new();
        self.children(n, At { ctx: Context::Table, ..at }, &mut flow);
        let mut caption: Option<Element> = None;
        let mut parts = Vec::new();
        let mut stray = Vec::new();
        let mut cells = 0usize;
        for k in flow {
            match k {
                Node::El(e) if e.tag == Tag::Caption && caption.is_none() => caption = Some(e),
                Node::El(e) if matches!(e.tag, Tag::Thead | Tag::Tbody | Tag::Tfoot | Tag::Tr) => {
                    cells += count_cells(&e);
                    parts.push(Node::El(e));
                }
                k => stray.push(k),
            }
        }
        hoist(stray, out);
        if cells > 1 {
            let mut children: Vec<Node> = caption.map(Node::El).into_iter().collect();
            children.extend(parts);
            out.push(Node::El(Element { tag: Tag::Table, attrs: global_attrs(n), children }));
            return;
        }
        let mut content = Vec::new();
        for c in caption.into_iter().flat_map(|c| c.children).chain(cell_children(parts)) {
            push(&mut content, c);
        }
        wrap_block(true, content, out);
    }
}

fn count_cells(e: &Element) -> usize {
    match e.tag {
        Tag::Td | Tag::Th => 1,
        _ => e.children.iter().map(|c| if let Node::El(c) = c { count_cells(c) } else { 0 }).sum(),
    }
}

/// Children of the cells of a table with at most one cell.
fn cell_children(parts: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    for p in parts {
        if let Node::El(e) = p {
            match e.tag {
                Tag::Td | Tag::Th => out.extend(e.children),
                _ => out.extend(cell_children(e.children)),
            }
        }
    }
    out
}
