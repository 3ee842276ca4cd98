//! Block flow: the converted children of an element become valid content.
//! Inline runs become paragraphs, blocks inside inline elements are hoisted
//! (the element repeated around them), lists gather their items, empty blocks
//! are dropped and block edges trimmed. An empty `p` ([`sentinel`]) marks a
//! boundary between text runs until this step drops it.

use super::text::{blank, lines, words};
use super::walk::Attrs;
use crate::caption::split_credit;
use crate::model::body::{Attr, Element, Node, Tag};
use crate::model::embed::Embed;
use std::mem::take;

/// Builds element `t` from its converted children and adds the result to `out`.
pub(super) fn finish(t: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>) {
    use Tag::*;
    match t {
        P | H2 | H3 | H4 | Pre => inline_block(t, attrs, flow, out),
        Blockquote | Li | Dt | Dd | Td | Th | Caption | Details | Summary => {
            let ch = mixed(flow);
            if matches!(t, Td | Th) || !ch.iter().all(is_blank) {
                out.push(el(t, attrs, ch));
            }
        }
        Ul | Ol => list(t, attrs, flow, out, Li),
        Dl => list(t, attrs, flow, out, Dd),
        Thead | Tbody | Tfoot | Tr => {
            let want = |n: &Node| match n {
                Node::El(e) if t == Tr => matches!(e.tag, Td | Th),
                Node::El(e) => e.tag == Tr,
                _ => false,
            };
            let (ch, stray): (Vec<Node>, Vec<Node>) = flow.into_iter().partition(want);
            hoist(stray, out);
            if !ch.is_empty() {
                out.push(el(t, attrs, ch));
            }
        }
        _ => phrasing(t, attrs, flow, out),
    }
}

/// Content misplaced in a table goes before it (as browsers do), kept apart.
pub(super) fn hoist(stray: Vec<Node>, out: &mut Vec<Node>) {
    if stray.iter().all(is_blank) {
        return;
    }
    out.push(sentinel());
    for n in stray.into_iter().filter(|n| is_sentinel(n) || !is_blank(n)) {
        push(out, n);
    }
    out.push(sentinel());
}

pub(super) fn el(tag: Tag, attrs: Attrs, children: Vec<Node>) -> Node {
    Node::El(Element { tag, attrs, children })
}

/// An empty `p`: a boundary between text runs, dropped when normalizing.
pub(super) fn sentinel() -> Node {
    Node::el(Tag::P, Vec::new())
}

fn is_sentinel(n: &Node) -> bool {
    matches!(n, Node::El(e) if e.tag == Tag::P && e.children.is_empty() && e.attrs.is_empty())
}

fn is_list(n: &Node) -> bool {
    matches!(n, Node::El(e) if matches!(e.tag, Tag::Ul | Tag::Ol | Tag::Dl))
}

fn is_block(n: &Node) -> bool {
    use Tag::*;
    match n {
        Node::Text(_) => false,
        Node::Embed(Embed::NoteLink(_)) => false,
        Node::Figure(_) | Node::Embed(_) => true,
        Node::El(e) => !matches!(
            e.tag,
            A | Em | Strong | I | B | U | S | Sub | Sup | Br | Code | Small | Mark | Cite | Q | Abbr | Time | Span
        ),
    }
}

/// Shows nothing: whitespace, `<br>`s, empty elements.
pub(super) fn is_blank(n: &Node) -> bool {
    match n {
        Node::Text(t) => blank(t),
        Node::Figure(_) | Node::Embed(_) => false,
        Node::El(e) => e.tag != Tag::Hr && e.children.iter().all(is_blank),
    }
}

/// Appends, merging adjacent text.
pub(super) fn push(out: &mut Vec<Node>, n: Node) {
    match (out.last_mut(), n) {
        (Some(Node::Text(last)), Node::Text(t)) => last.push_str(&t),
        (_, n) => out.push(n),
    }
}

/// Adds a block to a block list: blank text blocks dropped, stray items
/// grouped into a list.
fn push_block(out: &mut Vec<Node>, n: Node) {
    use Tag::*;
    let Node::El(e) = n else { return out.push(n) };
    if matches!(e.tag, P | H2 | H3 | H4 | Pre | Blockquote | Li | Dt | Dd | Caption) && e.children.iter().all(is_blank)
    {
        return;
    }
    let (list, ok): (Tag, fn(Tag) -> bool) = match e.tag {
        Li => (Ul, |t| matches!(t, Ul | Ol)),
        Dt | Dd => (Dl, |t| t == Dl),
        _ => return out.push(Node::El(e)),
    };
    if let Some(Node::El(l)) = out.last_mut() {
        if ok(l.tag) {
            return l.children.push(Node::El(e));
        }
    }
    out.push(Node::el(list, vec![Node::El(e)]));
}

/// Block-level content: inline runs become paragraphs.
pub(super) fn blocks(flow: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for n in flow {
        if is_block(&n) {
            paragraphs(take(&mut run), Tag::P, &[], &mut out);
            push_caption_or_block(&mut out, n);
        } else {
            run.push(n);
        }
    }
    paragraphs(run, Tag::P, &[], &mut out);
    out
}

/// [`push_block`], except that a short paragraph ending in a photo credit
/// right after a figure without caption becomes that figure's caption
/// (`<img><p><em>Caption. Ảnh: MT</em></p>`).
fn push_caption_or_block(out: &mut Vec<Node>, n: Node) {
    if let (Some(Node::Figure(img)), Node::El(e)) = (out.last_mut(), &n) {
        if img.caption.is_none() && img.credit.is_none() && e.tag == Tag::P && !has_link(e, 0) {
            let mut t = String::new();
            n.text_content(&mut t);
            if t.len() <= 600 {
                if let (cap, Some(credit)) = split_credit(&lines(&t)) {
                    img.caption = cap.map(|c| words(&c));
                    img.credit = Some(credit);
                    return;
                }
            }
        }
    }
    push_block(out, n);
}

fn has_link(e: &Element, depth: u32) -> bool {
    e.tag == Tag::A || depth > 64 || e.children.iter().any(|c| matches!(c, Node::El(c) if has_link(c, depth + 1)))
}

/// Content of an item, cell or quote: inline when it is one run of text (and
/// nested lists), paragraphs otherwise.
fn mixed(flow: Vec<Node>) -> Vec<Node> {
    let (mut runs, mut in_run) = (0, false);
    for n in &flow {
        if is_sentinel(n) || is_list(n) {
            in_run = false;
        } else if is_block(n) {
            return blocks(flow);
        } else if !in_run && !is_blank(n) {
            runs += 1;
            in_run = true;
        }
    }
    if runs > 1 {
        return blocks(flow);
    }
    let mut v = Vec::new();
    for n in flow.into_iter().filter(|n| !is_sentinel(n)) {
        push(&mut v, n);
    }
    trim_edges(&mut v);
    v
}

/// Wraps `run` in `tag` (split at double `<br>` for `p`), trimmed; nothing when blank.
fn paragraphs(run: Vec<Node>, tag: Tag, attrs: &[(Attr, String)], out: &mut Vec<Node>) {
    let emit = |mut kids: Vec<Node>, out: &mut Vec<Node>| {
        if tag != Tag::Pre {
            trim_edges(&mut kids);
        }
        if !kids.iter().all(is_blank) {
            out.push(el(tag, attrs.to_vec(), kids));
        }
    };
    let mut cur = Vec::new();
    let mut brs = 0;
    for n in run {
        if matches!(&n, Node::El(e) if e.tag == Tag::Br) {
            brs += 1;
        } else if !is_blank(&n) {
            if brs >= 2 && tag == Tag::P {
                emit(take(&mut cur), out);
            }
            brs = 0;
        }
        cur.push(n);
    }
    emit(cur, out);
}

/// Removes leading/trailing `<br>` and whitespace.
fn trim_edges(k: &mut Vec<Node>) {
    let mut i = 0;
    while let Some(n) = k.get_mut(i) {
        match n {
            Node::El(e) if e.tag == Tag::Br => i += 1,
            Node::Text(t) => {
                let off = t.len() - t.trim_start().len();
                if off == t.len() {
                    i += 1;
                } else {
                    t.drain(..off);
                    break;
                }
            }
            _ => break,
        }
    }
    k.drain(..i);
    while let Some(n) = k.last_mut() {
        match n {
            Node::El(e) if e.tag == Tag::Br => {}
            Node::Text(t) => {
                let len = t.trim_end().len();
                if len > 0 {
                    t.truncate(len);
                    break;
                }
            }
            _ => break,
        }
        k.pop();
    }
}

/// `p`, headings, `pre`: inline content; blocks inside split it.
fn inline_block(tag: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>) {
    let mut run = Vec::new();
    let (mut content, mut pending_br) = (false, false);
    for n in flow {
        if is_sentinel(&n) {
            pending_br |= content;
        } else if is_block(&n) {
            paragraphs(take(&mut run), tag, &attrs, out);
            (content, pending_br) = (false, false);
            match n {
                Node::El(mut e) if e.tag == Tag::P && matches!(tag, Tag::H2 | Tag::H3 | Tag::H4) => {
                    e.tag = tag;
                    push_block(out, Node::El(e));
                }
                n => push_block(out, n),
            }
        } else {
            if !is_blank(&n) {
                if pending_br {
                    run.push(Node::el(Tag::Br, Vec::new()));
                    pending_br = false;
                }
                content = true;
            }
            push(&mut run, n);
        }
    }
    paragraphs(run, tag, &attrs, out);
}

/// Phrasing elements (`a`, `em`…): blocks inside are hoisted out, the element
/// is repeated around them and inside paragraphs/headings.
pub(super) fn phrasing(tag: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>) {
    let wrap = |run: Vec<Node>, out: &mut Vec<Node>| {
        if run.iter().all(is_blank) {
            run.into_iter().for_each(|n| push(out, n));
        } else {
            out.push(el(tag, attrs.clone(), run));
        }
    };
    let mut run = Vec::new();
    for n in flow {
        if !is_block(&n) {
            run.push(n);
            continue;
        }
        wrap(take(&mut run), out);
        out.push(match n {
            Node::El(mut e) if matches!(e.tag, Tag::P | Tag::H2 | Tag::H3 | Tag::H4) && !e.children.is_empty() => {
                let kids = take(&mut e.children);
                e.children = vec![el(tag, attrs.clone(), kids)];
                Node::El(e)
            }
            n => n,
        });
    }
    wrap(run, out);
}

/// `ul`/`ol` (items `li`) or `dl` (`dt`/`dd`; other content goes in `item`).
fn list(tag: Tag, attrs: Attrs, flow: Vec<Node>, out: &mut Vec<Node>, item: Tag) {
    let is_item = |n: &Node| match n {
        Node::El(e) if item == Tag::Li => e.tag == Tag::Li,
        Node::El(e) => matches!(e.tag, Tag::Dt | Tag::Dd),
        _ => false,
    };
    let mut items: Vec<Node> = Vec::new();
    let mut run = Vec::new();
    let flush = |run: Vec<Node>, items: &mut Vec<Node>| {
        if run.iter().all(is_blank) {
            return;
        }
        // A list nested directly in a list belongs to the previous item.
        let nested = run.iter().all(|n| is_blank(n) || matches!(n, Node::El(e) if matches!(e.tag, Tag::Ul | Tag::Ol)));
        if let (true, Some(Node::El(prev))) = (nested && item == Tag::Li, items.last_mut()) {
            prev.children.extend(run.into_iter().filter(|n| !is_blank(n)));
            return;
        }
        items.push(el(item, Vec::new(), mixed(run)));
    };
    for n in flow {
        if is_item(&n) {
            flush(take(&mut run), &mut items);
            if !is_blank(&n) {
                items.push(n);
            }
        } else {
            run.push(n);
        }
    }
    flush(run, &mut items);
    if !items.is_empty() {
        out.push(el(tag, attrs, items));
    }
}

/// `nodes` added to `out` (text merged), between block boundaries when `block`.
pub(super) fn wrap_block(block: bool, nodes: Vec<Node>, out: &mut Vec<Node>) {
    if block {
        out.push(sentinel());
    }
    for n in nodes {
        push(out, n);
    }
    if block {
        out.push(sentinel());
    }
}
