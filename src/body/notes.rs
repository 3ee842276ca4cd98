//! Footnotes: in-page links (`<a href="#fn1">`) and the ids they lead to.
//! A link is kept as a [`NoteLink`] only when the body has its target; an id
//! only when a link leads to it. Everything else is unwrapped or dropped.

use super::flow::push;
use super::policy::{check, Check};
use super::source::SourceNode;
use super::walk::{id_attr, At, Sanitizer};
use crate::model::body::{Attr, Node};
use crate::model::embed::{Embed, NoteLink};

/// Deepest nesting looked into (the walk flattens deeper content anyway).
const MAX_DEPTH: u32 = 128;
/// Most ids and link targets considered (lookups are linear; links past this
/// many are plain text).
const MAX_NOTES: usize = 1000;

impl Sanitizer<'_> {
    /// `<a href="#fragment">`: a note link, decided after the walk.
    pub fn note_link<N: SourceNode>(&mut self, n: &N, fragment: String, at: At, out: &mut Vec<Node>) {
        let mut label = Vec::new();
        let outer = std::mem::replace(&mut self.in_link, true);
        self.children(n, at.flow(), &mut label);
        self.in_link = outer;
        let target = check(Check::Id, &fragment).filter(|_| !outer);
        match target {
            Some(target) => {
                let id = id_attr(n).map(|(_, v)| v);
                out.push(Node::Embed(Embed::NoteLink(NoteLink { target, id, label })));
            }
            None => label.into_iter().for_each(|l| push(out, l)),
        }
    }
}

/// Keeps note links whose target exists and ids that a link leads to.
pub fn resolve_notes(nodes: &mut Vec<Node>) {
    let (mut ids, mut targets) = (Vec::new(), Vec::new());
    collect(nodes, &mut ids, &mut targets, 0);
    if targets.is_empty() && ids.is_empty() {
        return;
    }
    fix(nodes, &ids, &targets, 0);
}

fn collect(nodes: &[Node], ids: &mut Vec<String>, targets: &mut Vec<String>, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    for n in nodes {
        match n {
            Node::El(e) => {
                for (a, v) in &e.attrs {
                    if *a == Attr::Id && ids.len() < MAX_NOTES {
                        ids.push(v.clone());
                    }
                }
                collect(&e.children, ids, targets, depth + 1);
            }
            Node::Embed(Embed::NoteLink(l)) => {
                if targets.len() < MAX_NOTES {
                    targets.push(l.target.clone());
                    ids.extend(l.id.clone());
                }
                collect(&l.label, ids, targets, depth + 1);
            }
            Node::Embed(Embed::Post(p)) => collect(&p.body, ids, targets, depth + 1),
            _ => {}
        }
    }
}

fn fix(nodes: &mut Vec<Node>, ids: &Vec<String>, targets: &Vec<String>, depth: u32) {
    let old = std::mem::take(nodes);
    for mut n in old {
        match &mut n {
            Node::El(e) => {
                e.attrs.retain(|(a, v)| *a != Attr::Id || has(targets, v));
                if depth < MAX_DEPTH {
                    fix(&mut e.children, ids, targets, depth + 1);
                }
            }
            Node::Embed(Embed::NoteLink(l)) if !has(ids, &l.target) => {
                for k in std::mem::take(&mut l.label) {
                    push(nodes, k);
                }
                continue;
            }
            Node::Embed(Embed::NoteLink(l)) => l.id = l.id.take().filter(|i| has(targets, i)),
            Node::Embed(Embed::Post(p)) if depth < MAX_DEPTH => fix(&mut p.body, ids, targets, depth + 1),
            _ => {}
        }
        push(nodes, n);
    }
}

/// `list` holds `v`.
fn has(list: &[String], v: &str) -> bool {
    list.iter().any(|x| x == v)
}
