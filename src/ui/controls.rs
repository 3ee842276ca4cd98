//! Reader controls: A− / A / A+ font steps (one tap on phones), "Aa" (the
//! reading-settings panel, `settings.rs`: size, font, spacing, width, theme),
//! Listen, and the live region that announces changes to screen readers.
//!
//! A font change writes one signal; every instance's root then gets one new
//! `--ar-scale` value and nothing else is rebuilt. At the ends A− / A+ are
//! `aria-disabled` rather than `disabled`, so a keyboard user pressing A+ to the
//! last step keeps focus on the button.

use super::{prefs, Instance};
use crate::config::{Theme, DEFAULT_STEP, SCALE_STEPS};

use leptos::prelude::*;

const LAST_STEP: usize = SCALE_STEPS.len() - 1;

pub fn controls_view(inst: Instance) -> impl IntoView {
    let t = move || inst.lang.get().t();
    let step = inst.font_step;
    // Announced politely after the reader changes something (empty at first).
    let announce = RwSignal::new(String::new());
    let set_step = move |s: usize| {
        let s = s.min(LAST_STEP);
        if s == step.get_untracked() && prefs::prefs().font_step.get_untracked() == Some(s) {
            return;
        }
        prefs::save_font_step(s);
        let pct = SCALE_STEPS.get(s).copied().unwrap_or(100);
        announce.set([t().font_size_is, " ", &pct.to_string(), "%"].concat());
    };
    // Photos open large (a dialog on the widget root, listeners removed on unmount).
    let tools = NodeRef::<leptos::html::Div>::new();
    super::lightbox::install(tools, inst.lang);
    view! {
        {super::progress::progress_view(inst)}
        <div class="ar-tools" part="controls" role="group" aria-label=move || t().controls node_ref=tools>
            <div class="ar-font" role="group" aria-label=move || t().font_size_is>
                // Names are the visible symbol plus words ("A− Giảm cỡ chữ"), so
                // voice control users can say what they see (WCAG 2.5.3).
                <button type="button" class="ar-btn" part="button font-smaller" title=move || t().font_smaller
                    aria-disabled=move || { if step.get() == 0 { "true" } else { "false" } }
                    on:click=move |_| set_step(step.get_untracked().saturating_sub(1))>
                    "A−"<span class="ar-sr">" "{move || t().font_smaller}</span>
                </button>
                <button type="button" class="ar-btn" part="button font-reset" title=move || t().font_reset
                    data-current=move || { if step.get() == DEFAULT_STEP { "true" } else { "false" } }
                    on:click=move |_| set_step(DEFAULT_STEP)>
                    "A"<span class="ar-sr">" "{move || t().font_reset}</span>
                </button>
                <button type="button" class="ar-btn" part="button font-larger" title=move || t().font_larger
                    aria-disabled=move || { if step.get() >= LAST_STEP { "true" } else { "false" } }
                    on:click=move |_| set_step(step.get_untracked() + 1)>
                    "A+"<span class="ar-sr">" "{move || t().font_larger}</span>
                </button>
            </div>
            {super::settings::settings_view(inst)}
            {super::speech::listen_view(inst)}
            {super::share::share_view(inst, announce)}
            <p class="ar-sr" aria-live="polite" role="status">{move || announce.get()}</p>
        </div>
    }
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
