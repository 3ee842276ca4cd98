//! "Aa": the reading-settings panel (a disclosure: a button with
//! `aria-expanded` and a panel right below the controls). Text size, font
//! family, line spacing, content width and theme. Every choice is one page-wide
//! signal; each instance then writes one attribute (or `--ar-scale`) on its root
//! and nothing is rebuilt. Escape closes the panel and returns focus to "Aa".
//!
//! Also holds the UI words of the reader features (settings, listening, photos,
//! sharing, coming back) in Vietnamese and English, as two arrays indexed by [`W`].

use super::prefs::{self, CHOICES};
use super::Instance;
use crate::config::{Theme, SCALE_STEPS};
use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Index of a word in [`VI`] / [`EN`].
#[derive(Clone, Copy)]
pub enum W {
    Settings,
    Font,
    Serif,
    Sans,
    Spacing,
    Compact,
    Normal,
    Relaxed,
    Width,
    Narrow,
    Medium,
    Wide,
    PrevPara,
    NextPara,
    Speed,
    Voice,
    PrevPhoto,
    NextPhoto,
    Close,
    Share,
    CopyLink,
    Copied,
    CopyFailed,
    Facebook,
    Continue,
    Dismiss,
    OpenPhoto,
}

static VI: [&str; 27] = [
    "Cài đặt hiển thị",
    "Kiểu chữ",
    "Có chân",
    "Không chân",
    "Giãn dòng",
    "Khít",
    "Vừa",
    "Thoáng",
    "Độ rộng cột chữ",
    "Hẹp",
    "Vừa",
    "Rộng",
    "Đoạn trước",
    "Đoạn sau",
    "Tốc độ đọc",
    "Giọng đọc",
    "Ảnh trước",
    "Ảnh sau",
    "Đóng",
    "Chia sẻ",
    "Sao chép liên kết",
    "Đã sao chép liên kết",
    "Không sao chép được liên kết",
    "Chia sẻ lên Facebook",
    "Tiếp tục đọc",
    "Bỏ qua",
    "Xem ảnh lớn",
];

static EN: [&str; 27] = [
    "Display settings",
    "Font",
    "Serif",
    "Sans-serif",
    "Line spacing",
    "Tight",
    "Normal",
    "Loose",
    "Text width",
    "Narrow",
    "Medium",
    "Wide",
    "Previous paragraph",
    "Next paragraph",
    "Speed",
    "Voice",
    "Previous photo",
    "Next photo",
    "Close",
    "Share",
    "Copy link",
    "Link copied",
    "Could not copy the link",
    "Share on Facebook",
    "Continue reading",
    "Dismiss",
    "View larger",
];

/// A word in the UI language.
pub fn word(lang: Lang, w: W) -> &'static str {
    let table = if lang == Lang::En { &EN } else { &VI };
    table.get(w as usize).copied().unwrap_or("")
}

/// Labels of the options of each [`CHOICES`] entry.
const CHOICE_WORDS: [(W, &[W]); 3] = [
    (W::Font, &[W::Serif, W::Sans]),
    (W::Spacing, &[W::Compact, W::Normal, W::Relaxed]),
    (W::Width, &[W::Narrow, W::Medium, W::Wide]),
];

const LAST_STEP: usize = SCALE_STEPS.len() - 1;

/// The "Aa" button and its panel; writes the choices onto the widget root.
pub fn settings_view(inst: Instance) -> impl IntoView {
    let lang = inst.lang;
    let open = RwSignal::new(false);
    let aa = NodeRef::<leptos::html::Button>::new();
    // Per instance: the effective level of each choice, released on unmount
    // (page-wide signals would otherwise keep the memos alive).
    let levels = [0, 1, 2].map(|i| {
        let m = Memo::new(move |_| prefs::choice_level(i));
        crate::ui::cleanup::release_on_cleanup(m);
        m
    });
    for (i, m) in levels.iter().copied().enumerate() {
        // One attribute write on the root per change.
        Effect::new(move |_| {
            let level = m.get();
            let root = aa.get().and_then(|b| b.closest(".ar").ok().flatten());
            if let (Some(root), Some(c)) = (root, CHOICES.get(i)) {
                let _ = root.set_attribute(c.attr, c.values.get(level).copied().unwrap_or(""));
            }
        });
    }
    let close = move || {
        open.set(false);
        if let Some(b) = aa.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            close();
        }
    };
    let step = inst.font_step;
    let on_size = move |ev: leptos::ev::Event| {
        if let Ok(s) = event_target_value(&ev).parse::<usize>() {
            prefs::save_font_step(s.min(LAST_STEP));
        }
    };
    let pct = move || [SCALE_STEPS.get(step.get()).copied().unwrap_or(100).to_string().as_str(), "%"].concat();
    let theme_now = Signal::derive(move || Theme::ALL.iter().position(|t| *t == inst.theme.get()).unwrap_or(0));
    let mut groups = Vec::new();
    for (i, (legend, opts)) in CHOICE_WORDS.iter().enumerate() {
        let current = levels[i];
        groups.push(group(lang, CHOICES[i].key, *legend, opts, Signal::derive(move || current.get()), move |l| prefs::save_choice(i, l)));
    }
    let t = move || lang.get().t();
    let theme_group = {
        let legend = move || t().theme;
        let opts = Theme::ALL
            .iter()
            .enumerate()
            .map(|(i, th)| {
                let th = *th;
                view! {
                    <label class="ar-opt">
                        <input type="radio" name="article-reader:theme" value=th.name()
                            prop:checked=move || theme_now.get() == i on:change=move |_| prefs::save_theme(th) />
                        <span>{move || super::controls::theme_label(inst, th)}</span>
                    </label>
                }
            })
            .collect_view();
        view! { <fieldset class="ar-group" part="theme"><legend>{legend}</legend><div class="ar-opts">{opts}</div></fieldset> }
    };
    view! {
        <div class="ar-set" on:keydown=on_key>
            <button type="button" class="ar-btn ar-aa" part="button settings" node_ref=aa
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="ar-settings" title=move || word(lang.get(), W::Settings)
                on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true">"Aa"</span><span class="ar-sr">"Aa "{move || word(lang.get(), W::Settings)}</span>
            </button>
            <div id="ar-settings" class="ar-panel" part="settings" role="group"
                aria-label=move || word(lang.get(), W::Settings) hidden=move || !open.get()>
                <div class="ar-group ar-size">
                    <label for="ar-size">{move || t().font_size_is}</label>
                    <input id="ar-size" class="ar-range" type="range" min="0" max=LAST_STEP.to_string() step="1"
                        prop:value=move || step.get().to_string() aria-valuetext=pct on:input=on_size />
                    <span class="ar-pct" aria-hidden="true">{pct}</span>
                </div>
                {groups}
                {theme_group}
            </div>
        </div>
    }
}

/// One radio group: a legend and its options (one instantiation for every choice).
fn group(
    lang: Memo<Lang>,
    name: &'static str,
    legend: W,
    opts: &'static [W],
    current: Signal<usize>,
    pick: impl Fn(usize) + Copy + 'static,
) -> AnyView {
    let opts = opts
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let w = *w;
            view! {
                <label class="ar-opt">
                    <input type="radio" name=name prop:checked=move || current.get() == i on:change=move |_| pick(i) />
                    <span>{move || word(lang.get(), w)}</span>
                </label>
            }
        })
        .collect_view();
    view! { <fieldset class="ar-group"><legend>{move || word(lang.get(), legend)}</legend><div class="ar-opts">{opts}</div></fieldset> }
        .into_any()
}

/// Focus helper shared by the reader features: focuses `el` if it is an HTML element.
pub fn focus(el: &web_sys::Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}
