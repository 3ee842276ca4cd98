//! The Listen controls: play/pause, previous/next paragraph, stop, speed and
//! voice (the speaking itself is `speech.rs`). Always in the DOM and `hidden`
//! when there is no voice for the article's language, so a state change only
//! rewrites a label and an attribute (the focused button stays the same
//! element). All but play/pause show only while reading.

use super::settings::{word, W};
use super::speech::{
    jump, next_id, options, owner, pause, set_rate, set_voice, speak_current, start, stop, voices_changed, voices_for,
    Meta, IDLE, SPEAKING,
};
use super::{live, Instance, LoadState};
use leptos::prelude::*;

/// One instance's Listen state.
#[derive(Clone, Copy)]
struct Listen {
    inst: Instance,
    id: usize,
    /// 1 + the number of voices for the article's language (re-checked on `voiceschanged`), 0 without.
    available: Memo<usize>,
    /// [`IDLE`], [`SPEAKING`] or paused, for this instance.
    playback: Memo<usize>,
}

impl Listen {
    fn new(inst: Instance) -> Listen {
        let id = next_id();
        let voices = voices_changed();
        let available = Memo::new(move |_| {
            voices.track();
            Listen::article_lang_of(inst).map_or(0, |l| voices_for(&l).len())
        });
        let who = owner();
        let playback = Memo::new(move |_| match who.get() {
            Some(o) if o / 2 == id => SPEAKING + o % 2,
            _ => IDLE,
        });
        // Both memos read page-wide signals: unsubscribe them on unmount (no leak).
        crate::ui::cleanup::release_on_cleanup(available);
        crate::ui::cleanup::release_on_cleanup(playback);
        let l = Listen { inst, id, available, playback };
        live::effect(Box::new(move || {
            if available.get() == 0 {
                l.stop_mine();
            }
        }));
        on_cleanup(move || l.stop_mine());
        l
    }

    /// The article's language (else the UI's), when an article is shown.
    fn article_lang_of(inst: Instance) -> Option<String> {
        let lang = inst.state.with(|st| match st {
            LoadState::Ready(r) => Some(r.article.lang.clone()),
            _ => None,
        })?;
        Some(lang.unwrap_or_else(|| inst.lang.get().tag().to_owned()))
    }

    fn article_lang(self) -> String {
        untrack(|| Listen::article_lang_of(self.inst)).unwrap_or_default()
    }

    fn stop_mine(self) {
        if owner().get_untracked().is_some_and(|o| o / 2 == self.id) {
            stop();
        }
    }

    /// Play, pause or resume (the main button).
    fn toggle(self, inside: &web_sys::Element) {
        match self.playback.get_untracked() {
            IDLE => {
                let Some(root) = inside.closest(".ar").ok().flatten() else { return };
                let meta = self.inst.state.with_untracked(|st| match st {
                    LoadState::Ready(r) => Some(Meta {
                        title: r.article.title.clone().unwrap_or_default(),
                        artist: r.article.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "),
                        image: r.article.image.as_ref().map(|i| i.src.clone()),
                    }),
                    _ => None,
                });
                if let Some(meta) = meta {
                    start(self.id, &root, &self.article_lang(), meta);
                }
            }
            SPEAKING => pause(self.id),
            _ => speak_current(),
        }
    }

    /// The speed and voice options (refilled when the voices or the UI language change).
    fn keep_options(self, rate_sel: web_sys::Element, voice_sel: web_sys::Element) {
        live::effect(Box::new(move || {
            self.available.track();
            let [rates, voices] = options(self.inst.lang.get() == crate::i18n::Lang::En, &self.article_lang());
            fill(&rate_sel, rates);
            fill(&voice_sel, voices);
        }));
    }
}

/// The Listen group (play/pause, and while reading: previous/next paragraph,
/// stop, speed, voice), appended to `parent`.
pub fn listen_dom(inst: Instance, parent: &web_sys::Element) -> Option<()> {
    let doc = parent.owner_document()?;
    let l = Listen::new(inst);
    let (lang, playback, available) = (inst.lang, l.playback, l.available);
    let t = move || lang.get().t();
    let group = super::dom::add(&doc, parent, "div", &[("class", Some("ar-listen")), ("role", Some("group"))]).ok()?;
    live::attr(&group, "aria-label", Box::new(move || t().listen.to_owned()));
    live::hidden(&group, Box::new(move || available.get() == 0));
    let play = live::button(&doc, &group, "ar-play", "listen")?;
    live::attr(
        &play,
        "data-state",
        Box::new(move || ["idle", "speaking", "paused"].get(playback.get()).copied().unwrap_or("").to_owned()),
    );
    live::text(
        &play,
        Box::new(move || [t().listen, t().pause, t().resume].get(playback.get()).copied().unwrap_or("").to_owned()),
    );
    let g = group.clone();
    live::on(&play, "click", Box::new(move |_| l.toggle(&g)));
    // Shown by the stylesheet while reading (data-state of the button before them).
    let more = super::dom::add(&doc, &group, "span", &[("class", Some("ar-more"))]).ok()?;
    more_dom(lang, &more, l)
}

/// Previous/next paragraph, stop, speed and voice into `more`.
fn more_dom(lang: Memo<crate::i18n::Lang>, more: &web_sys::Element, l: Listen) -> Option<()> {
    let doc = more.owner_document()?;
    let w = move |x: W| -> live::Value { Box::new(move || word(lang.get(), x).to_owned()) };
    let buttons = [("ar-prev", "listen-prev", W::PrevPara, -1), ("ar-next", "listen-next", W::NextPara, 1)];
    for (class, part, label, delta) in buttons {
        let b = live::button(&doc, more, class, part)?;
        let sr = super::dom::add(&doc, &b, "span", &[("class", Some("ar-sr"))]).ok()?;
        live::text(&sr, w(label));
        live::on(&b, "click", Box::new(move |_| jump(delta)));
    }
    let stop_btn = live::button(&doc, more, "ar-stop", "listen-stop")?;
    live::text(&stop_btn, Box::new(move || lang.get().t().stop.to_owned()));
    live::on(&stop_btn, "click", Box::new(|_| stop()));
    let mut selects = Vec::with_capacity(2);
    let picks = [("ar-select", "listen-rate", W::Speed), ("ar-select ar-voice", "listen-voice", W::Voice)];
    for (class, part, label) in picks {
        let pick = super::dom::add(&doc, more, "label", &[("class", Some("ar-pick"))]).ok()?;
        let sr = super::dom::add(&doc, &pick, "span", &[("class", Some("ar-sr"))]).ok()?;
        live::text(&sr, w(label));
        selects.push(super::dom::add(&doc, &pick, "select", &[("class", Some(class)), ("part", Some(part))]).ok()?);
    }
    let (rate_sel, voice_sel) = (selects.first()?.clone(), selects.get(1)?.clone());
    live::on(
        &rate_sel,
        "change",
        Box::new(move |ev| {
            if let Ok(i) = target_value(&ev).parse::<usize>() {
                set_rate(l.id, i);
            }
        }),
    );
    live::on(&voice_sel, "change", Box::new(move |ev| set_voice(l.id, &l.article_lang(), &target_value(&ev))));
    l.keep_options(rate_sel, voice_sel);
    Some(())
}

/// The `value` of an event's target (a `<select>`).
fn target_value(ev: &web_sys::Event) -> String {
    ev.target().and_then(|t| super::js::str_prop(&t, "value")).unwrap_or_default()
}

/// Replaces the options of `select` with (value, label, selected) triples.
fn fill(select: &web_sys::Element, options: Vec<(String, String, bool)>) {
    let Some(doc) = select.owner_document() else { return };
    select.set_text_content(None);
    for (value, label, selected) in options {
        let Ok(o) = doc.create_element("option") else { continue };
        let _ = o.set_attribute("value", &value);
        o.set_text_content(Some(&label));
        if selected {
            let _ = o.set_attribute("selected", "");
        }
        let _ = select.append_child(&o);
    }
}
