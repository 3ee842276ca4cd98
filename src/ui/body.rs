//! The sanitized body tree as views. Tags and attributes come only from the
//! closed enums of `crate::body::tree`, text only as text nodes.

use super::figure::figure_view;
use crate::body::tree::{Attr, Element, Node};
use crate::i18n::Lang;
use leptos::html::custom;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;

/// Views for a list of nodes.
pub fn nodes_view(nodes: &[Node], lang: Lang) -> Vec<AnyView> {
    nodes.iter().map(|n| node_view(n, lang)).collect()
}

fn node_view(node: &Node, lang: Lang) -> AnyView {
    match node {
        Node::Text(t) => t.clone().into_any(),
        Node::Figure(img) => figure_view(img, false, lang).into_any(),
        Node::El(e) => element_view(e, lang),
    }
}

fn element_view(e: &Element, lang: Lang) -> AnyView {
    let get = |a: Attr| e.attrs.iter().find(|(k, _)| *k == a).map(|(_, v)| v.clone());
    let el = custom(e.tag.name())
        .attr("href", get(Attr::Href))
        .attr("rel", get(Attr::Rel))
        .attr("target", get(Attr::Target))
        .attr("title", get(Attr::Title))
        .attr("datetime", get(Attr::Datetime))
        .attr("colspan", get(Attr::Colspan))
        .attr("rowspan", get(Attr::Rowspan))
        .attr("scope", get(Attr::Scope))
        .attr("start", get(Attr::Start))
        .attr("lang", get(Attr::Lang))
        .attr("dir", get(Attr::Dir));
    if e.tag == crate::body::tree::Tag::Table {
        // Wide tables scroll inside their own box on narrow screens.
        let table = el.child(nodes_view(&e.children, lang));
        let label = lang.t().table;
        return view! { <div class="ar-table" tabindex="0" role="region" aria-label=label>{table}</div> }.into_any();
    }
    if e.tag.is_void() {
        return el.into_any();
    }
    el.child(nodes_view(&e.children, lang)).into_any()
}
