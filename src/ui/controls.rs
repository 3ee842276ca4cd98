//! Reader controls: A− / A / A+ font steps (one tap on phones), "Aa" (the
//! reading-settings panel, `settings.rs`: size, font, spacing, width, theme),
//! Listen, and the live region that announces changes to screen readers.
//!
//! A font change writes one signal; every instance's root then gets one new
//! `--ar-scale` value and nothing else is rebuilt. At the ends A− / A+ are
//! `aria-disabled` rather than `disabled`, so a keyboard user pressing A+ to the
//! last step keeps focus on the button.

use super::{live, prefs, Instance, LoadState};
use crate::config::{Theme, DEFAULT_STEP, SCALE_STEPS};

use leptos::prelude::*;

const LAST_STEP: usize = SCALE_STEPS.len() - 1;

/// The controls row, appended to `root`: its container now; what is in it (and the
/// progress bar, the continue-reading offer and the photo viewer) is built by the
/// lazy part of the wasm once the article (or an error) is on screen.
pub fn controls_dom(inst: Instance, doc: &web_sys::Document, root: &web_sys::Element) -> Option<()> {
    let attrs = [("class", Some("ar-tools")), ("part", Some("controls")), ("role", Some("group"))];
    let el = super::dom::add(doc, root, "div", &attrs).ok()?;
    // The reader's display choices apply from the first paint.
    super::settings::write_choices(&el);
    // Weak: a widget unmounted before the lazy part arrives is freed at once.
    let owner = Owner::current().map(|o| o.downgrade());
    let started = std::cell::Cell::new(false);
    live::effect(Box::new(move || {
        let shown = inst.state.with(|s| matches!(s, LoadState::Ready(_) | LoadState::Failed(_)));
        if shown && !started.replace(true) {
            super::lazy::request(owner.clone(), inst, el.clone());
        }
    }));
    Some(())
}

/// What the lazy part builds for one widget: the controls row, the progress bar
/// and continue-reading offer, the photo viewer.
pub fn build_features(owner: Option<Owner>, inst: Instance, tools: &web_sys::Element) {
    if !tools.is_connected() {
        return;
    }
    let run = || {
        let _ = super::progress::progress_dom(inst, tools);
        let _ = build(inst, tools);
        super::lightbox::install(tools.clone(), inst.lang);
    };
    match owner {
        Some(o) => o.with(run),
        None => run(),
    }
}

/// A− / A / A+, then Aa, Listen, Share and the live region, into `tools`.
fn build(inst: Instance, tools: &web_sys::Element) -> Option<()> {
    let doc = tools.owner_document()?;
    let t = move || inst.lang.get().t();
    // Announced politely after the reader changes something (empty at first).
    let announce = RwSignal::new(String::new());
    live::attr(tools, "aria-label", Box::new(move || t().controls.to_owned()));
    font_buttons(inst, tools, announce)?;
    super::settings::settings_dom(inst, tools)?;
    super::listen::listen_dom(inst, tools)?;
    super::share::share_dom(inst, tools, announce)?;
    let region = super::dom::add(
        &doc,
        tools,
        "p",
        &[("class", Some("ar-sr")), ("aria-live", Some("polite")), ("role", Some("status"))],
    )
    .ok()?;
    live::text(&region, Box::new(move || announce.get()));
    Some(())
}

/// A− / A / A+ into `tools`; a change is announced through `announce`.
fn font_buttons(inst: Instance, tools: &web_sys::Element, announce: RwSignal<String>) -> Option<()> {
    let doc = tools.owner_document()?;
    let t = move || inst.lang.get().t();
    let step = inst.font_step;
    let font = super::dom::add(&doc, tools, "div", &[("class", Some("ar-font")), ("role", Some("group"))]).ok()?;
    live::attr(&font, "aria-label", Box::new(move || t().font_size_is.to_owned()));
    // Names are the visible symbol plus words ("A− Giảm cỡ chữ"), so voice
    // control users can say what they see (WCAG 2.5.3).
    type Label = fn(&'static crate::i18n::Strings) -> &'static str;
    let buttons: [(&str, &str, Label); 3] = [
        ("font-smaller", "A−", |t| t.font_smaller),
        ("font-reset", "A", |t| t.font_reset),
        ("font-larger", "A+", |t| t.font_larger),
    ];
    for (i, (part, symbol, label)) in buttons.into_iter().enumerate() {
        let b = live::button(&doc, &font, "", part)?;
        super::dom::text(&doc, &b, symbol).ok()?;
        let sr = super::dom::add(&doc, &b, "span", &[("class", Some("ar-sr"))]).ok()?;
        live::text(&sr, Box::new(move || [" ", label(t())].concat()));
        live::attr(&b, "title", Box::new(move || label(t()).to_owned()));
        let (state, on): (&'static str, fn(usize) -> bool) = match i {
            0 => ("aria-disabled", |s| s == 0),
            1 => ("data-current", |s| s == DEFAULT_STEP),
            _ => ("aria-disabled", |s| s >= LAST_STEP),
        };
        live::attr(&b, state, Box::new(move || live::flag(on(step.get()))));
        live::on(
            &b,
            "click",
            Box::new(move |_| {
                let now = step.get_untracked();
                let s = match i {
                    0 => now.saturating_sub(1),
                    1 => DEFAULT_STEP,
                    _ => now + 1,
                }
                .min(LAST_STEP);
                if s == now && prefs::prefs().font_step.get_untracked() == Some(s) {
                    return;
                }
                prefs::save_font_step(s);
                let pct = SCALE_STEPS.get(s).copied().unwrap_or(100);
                announce.set([t().font_size_is, " ", &pct.to_string(), "%"].concat());
            }),
        );
    }
    Some(())
}

pub fn theme_label(inst: Instance, th: Theme) -> &'static str {
    let t = inst.lang.get().t();
    match th {
        Theme::Auto => t.theme_auto,
        Theme::Light => t.theme_light,
        Theme::Sepia => t.theme_sepia,
        Theme::Dark => t.theme_dark,
    }
}
