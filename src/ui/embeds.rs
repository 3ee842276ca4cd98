//! Embedded content as plain DOM (web-sys): media with controls, click-to-play
//! video facades, frame links, social quote cards, galleries and footnote
//! links. Text only as text nodes, URLs only through `setAttribute` (already
//! checked by `crate::body`), no third-party frame until the reader taps a facade.

use crate::i18n::Lang;
use crate::model::body::Node;
use crate::model::embed::{Embed, FrameLink, Gallery, Media, NoteLink, SocialPost, VideoFacade};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Appends rendered body nodes to a parent (the body renderer's `append_all`).
pub type AppendNodes<'a> = &'a dyn Fn(&Element, &[Node]) -> Result<(), JsValue>;

use super::dom::{element, Dom};

/// `sandbox` of a player iframe: its own scripts and origin (cross-origin, so
/// it cannot reach the page), fullscreen; no popups, forms or top navigation.
pub const PLAYER_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation";
/// `allow` of a player iframe: playback only.
pub const PLAYER_ALLOW: &str = "autoplay; encrypted-media; picture-in-picture; fullscreen";

struct Render<'a> {
    doc: &'a Document,
    lang: Lang,
    nodes: AppendNodes<'a>,
}

/// The element for one embed; `nodes` renders a post's quoted text and a link's label.
pub fn embed_dom(doc: &Document, e: &Embed, lang: Lang, nodes: AppendNodes) -> Dom<Element> {
    let r = &Render { doc, lang, nodes };
    match e {
        Embed::Media(m) => media(r, m),
        Embed::Video(v) => video(r, v),
        Embed::Frame(f) => frame(r, f),
        Embed::Post(p) => post(r, p),
        Embed::Gallery(g) => gallery(r, g),
        Embed::NoteLink(l) => note_link(r, l),
    }
}

impl Render<'_> {
    /// A new element (see [`element`]) appended to `parent`.
    fn add(&self, parent: Option<&Element>, tag: &'static str, attrs: &[(&'static str, Option<&str>)]) -> Dom<Element> {
        let e = element(self.doc, tag, attrs)?;
        if let Some(p) = parent {
            p.append_child(&e)?;
        }
        Ok(e)
    }

    fn text(&self, parent: &Element, t: &str) -> Dom<()> {
        parent.append_child(&self.doc.create_text_node(t))?;
        Ok(())
    }

    /// An external link opening in a new tab.
    fn link(&self, parent: &Element, href: &str, label: &str) -> Dom<()> {
        let attrs = [("href", Some(href)), ("rel", Some("noopener noreferrer")), ("target", Some("_blank"))];
        let a = self.add(Some(parent), "a", &attrs)?;
        self.text(&a, label)
    }

    fn caption(&self, figure: &Element, caption: Option<&str>) -> Dom<()> {
        match caption {
            Some(c) => self.text(&self.add(Some(figure), "figcaption", &[])?, c),
            None => Ok(()),
        }
    }
}

fn media(r: &Render, m: &Media) -> Dom<Element> {
    let figure = r.add(None, "figure", &[("class", Some("ar-embed ar-media"))])?;
    let (w, h) = (m.width.map(|w| w.to_string()), m.height.map(|h| h.to_string()));
    let inline = (!m.audio).then_some("");
    let attrs = [
        ("controls", Some("")),
        ("preload", Some("none")),
        ("playsinline", inline),
        ("width", w.as_deref()),
        ("height", h.as_deref()),
    ];
    let player = r.add(Some(&figure), if m.audio { "audio" } else { "video" }, &attrs)?;
    for s in &m.sources {
        r.add(Some(&player), "source", &[("src", Some(&s.src)), ("type", s.mime.as_deref())])?;
    }
    if let Some(first) = m.sources.first() {
        r.link(&player, &first.src, r.lang.t().open_media)?;
    }
    r.caption(&figure, m.caption.as_deref())?;
    Ok(figure)
}

/// The facade: poster and play button; a tap puts the player in its place.
fn video(r: &Render, v: &VideoFacade) -> Dom<Element> {
    let t = r.lang.t();
    let provider = v.provider.name();
    let title = v.title.as_deref().or(v.caption.as_deref());
    let label = match title {
        Some(title) => [t.play_video, ": ", title].concat(),
        None => [t.play_video, " (", provider, ")"].concat(),
    };
    let figure = r.add(None, "figure", &[("class", Some("ar-embed ar-video"))])?;
    let button_attrs = [
        ("type", Some("button")),
        ("class", Some("ar-facade")),
        ("aria-label", Some(&label)),
        ("data-provider", Some(provider)),
    ];
    let button = r.add(Some(&figure), "button", &button_attrs)?;
    if let Some(p) = &v.poster {
        let attrs = [
            ("class", Some("ar-poster")),
            ("src", Some(p)),
            ("alt", Some("")),
            ("loading", Some("lazy")),
            ("referrerpolicy", Some("no-referrer")),
        ];
        r.add(Some(&button), "img", &attrs)?;
    }
    r.add(Some(&button), "span", &[("class", Some("ar-facade-icon"))])?;
    let fc = r.add(Some(&figure), "figcaption", &[])?;
    if let Some(title) = &v.title {
        r.text(&r.add(Some(&fc), "span", &[("class", Some("ar-embed-title"))])?, title)?;
        r.text(&fc, " ")?;
    }
    if let Some(c) = v.caption.as_deref().filter(|c| Some(*c) != v.title.as_deref()) {
        r.text(&fc, &[c, " "].concat())?;
    }
    r.link(&fc, &v.page, &[t.watch_on, " ", provider].concat())?;
    let (doc, src, title) = (r.doc.clone(), v.player.clone(), title.unwrap_or(provider).to_owned());
    on_click(&button, move |_, button| {
        let attrs = [
            ("src", Some(src.as_str())),
            ("title", Some(title.as_str())),
            ("sandbox", Some(PLAYER_SANDBOX)),
            ("allow", Some(PLAYER_ALLOW)),
            ("allowfullscreen", Some("")),
            ("referrerpolicy", Some("strict-origin-when-cross-origin")),
            ("class", Some("ar-player")),
        ];
        if let Ok(frame) = element(&doc, "iframe", &attrs) {
            if button.replace_with_with_node_1(&frame).is_ok() {
                focus(&frame);
            }
        }
    })?;
    Ok(figure)
}

/// Calls `f(event, element)` on each click of `el` (the listener lives as
/// long as the page: a few bytes per facade or footnote link).
fn on_click(el: &Element, f: impl Fn(&web_sys::Event, &Element) + 'static) -> Dom<()> {
    let target = el.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| f(&e, &target));
    el.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())?;
    listener.forget();
    Ok(())
}

fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

fn frame(r: &Render, f: &FrameLink) -> Dom<Element> {
    let p = r.add(None, "p", &[("class", Some("ar-embed ar-frame"))])?;
    r.link(&p, &f.url, &[r.lang.t().embedded_content, ": ", &f.host].concat())?;
    if let Some(title) = &f.title {
        r.text(&p, &[" (", title, ")"].concat())?;
    }
    Ok(p)
}

fn post(r: &Render, p: &SocialPost) -> Dom<Element> {
    let attrs =
        [("class", Some("ar-embed ar-post")), ("data-network", Some(p.network.name())), ("cite", p.url.as_deref())];
    let card = r.add(None, "blockquote", &attrs)?;
    (r.nodes)(&card, &p.body)?;
    if let Some(u) = &p.url {
        let footer = r.add(Some(&card), "footer", &[])?;
        r.link(&footer, u, &[r.lang.t().view_post_on, " ", p.network.name()].concat())?;
    }
    Ok(card)
}

fn gallery(r: &Render, g: &Gallery) -> Dom<Element> {
    let label = g.caption.as_deref().unwrap_or(r.lang.t().gallery);
    let figure = r.add(
        None,
        "figure",
        &[("class", Some("ar-embed ar-gallery")), ("role", Some("group")), ("aria-label", Some(label))],
    )?;
    let list = r.add(Some(&figure), "ul", &[("class", Some("ar-gallery-grid"))])?;
    for img in &g.images {
        let li = r.add(Some(&list), "li", &[])?;
        let figure = super::figure::figure_dom(r.doc, img, false, r.lang)?;
        li.append_child(&figure)?;
    }
    r.caption(&figure, g.caption.as_deref())?;
    Ok(figure)
}

/// A footnote reference or back link: a tap moves to its target inside this
/// widget's shadow tree (a plain `#` link would change the host page's URL).
fn note_link(r: &Render, l: &NoteLink) -> Dom<Element> {
    let href = ["#", &l.target].concat();
    let a = r.add(None, "a", &[("class", Some("ar-note-link")), ("href", Some(&href)), ("id", l.id.as_deref())])?;
    (r.nodes)(&a, &l.label)?;
    let target = l.target.clone();
    on_click(&a, move |e, a| {
        let root = a.get_root_node();
        let found = match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.get_element_by_id(&target),
            None => root.dyn_ref::<Document>().and_then(|d| d.get_element_by_id(&target)),
        };
        if let Some(t) = found {
            e.prevent_default();
            let _ = t.set_attribute("tabindex", "-1");
            t.scroll_into_view();
            focus(&t);
        }
    })?;
    Ok(a)
}
