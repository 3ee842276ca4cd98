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
use wasm_bindgen::{JsCast, JsValue};

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

/// Theme labels, in [`Theme::ALL`] order.
fn theme_words(lang: Lang) -> [&'static str; 4] {
    let t = lang.t();
    [t.theme_auto, t.theme_light, t.theme_sepia, t.theme_dark]
}

/// Builds the panel's content (plain DOM: the panel is built on first open and
/// costs the first paint nothing): the size slider and one radio group per choice.
fn build(panel: &web_sys::Element, lang: Lang) -> Option<()> {
    use super::dom::{add, add_text};
    let doc = panel.owner_document()?;
    panel.set_text_content(None);
    let size = add(&doc, panel, "div", &[("class", Some("ar-group ar-size"))]).ok()?;
    add_text(&doc, &size, "label", &[("for", Some("ar-size"))], lang.t().font_size_is).ok()?;
    let range = [
        ("class", Some("ar-range")),
        ("id", Some("ar-size")),
        ("type", Some("range")),
        ("min", Some("0")),
        ("max", Some("10")),
        ("step", Some("1")),
    ];
    add(&doc, &size, "input", &range).ok()?;
    add(&doc, &size, "span", &[("class", Some("ar-pct")), ("aria-hidden", Some("true"))]).ok()?;
    let themes = theme_words(lang);
    let theme_values: [&str; 4] = Theme::ALL.map(Theme::name);
    for g in 0..4 {
        let (name, legend, labels, values): (&str, &str, Vec<&str>, &[&str]) =
            match (CHOICE_WORDS.get(g), CHOICES.get(g)) {
                (Some((legend, opts)), Some(choice)) => {
                    (choice.key, word(lang, *legend), opts.iter().map(|w| word(lang, *w)).collect(), choice.values)
                }
                _ => ("article-reader:theme", lang.t().theme, themes.to_vec(), &theme_values),
            };
        let set = add(&doc, panel, "fieldset", &[("class", Some("ar-group"))]).ok()?;
        add_text(&doc, &set, "legend", &[], legend).ok()?;
        let opts = add(&doc, &set, "div", &[("class", Some("ar-opts"))]).ok()?;
        for (label, value) in labels.iter().zip(values) {
            let l = add(&doc, &opts, "label", &[("class", Some("ar-opt"))]).ok()?;
            add(&doc, &l, "input", &[("type", Some("radio")), ("name", Some(name)), ("value", Some(value))]).ok()?;
            add_text(&doc, &l, "span", &[], label).ok()?;
        }
    }
    Some(())
}

/// Shows the current values in the panel (checked radios, slider, percentage).
fn sync(panel: &web_sys::Element, levels: [usize; 3], theme: usize, step: usize) {
    let Ok(inputs) = panel.query_selector_all("input") else { return };
    let mut radio = 0;
    for i in 0..inputs.length() {
        let Some(input) = inputs.item(i) else { continue };
        let ty = get_str(&input, "type");
        if ty == "range" {
            super::js::set(&input, "value", &JsValue::from_str(&step.to_string()));
            let pct = [SCALE_STEPS.get(step).copied().unwrap_or(100).to_string().as_str(), "%"].concat();
            if let Some(e) = input.dyn_ref::<web_sys::Element>() {
                if e.get_attribute("aria-valuetext").as_deref() != Some(pct.as_str()) {
                    let _ = e.set_attribute("aria-valuetext", &pct);
                    if let Some(next) = e.next_element_sibling() {
                        next.set_text_content(Some(&pct));
                    }
                }
            }
            continue;
        }
        // Radios in build order: font (2), spacing (3), width (3), theme (4).
        let (group, k) = match radio {
            0..=1 => (0, radio),
            2..=4 => (1, radio - 2),
            5..=7 => (2, radio - 5),
            _ => (3, radio - 8),
        };
        let now = levels.get(group).copied().unwrap_or(theme);
        super::js::set(&input, "checked", &JsValue::from_bool(now == k));
        radio += 1;
    }
}

fn get_str(obj: &JsValue, name: &str) -> String {
    super::js::str_prop(obj, name).unwrap_or_default()
}

/// A change in the panel: a radio picked or the slider moved.
fn on_change(ev: web_sys::Event) {
    let Some(t) = ev.target() else { return };
    let (name, value) = (get_str(&t, "name"), get_str(&t, "value"));
    if get_str(&t, "type") == "range" {
        if let Ok(s) = value.parse::<usize>() {
            prefs::save_font_step(s.min(LAST_STEP));
        }
    } else if let Some(i) = CHOICES.iter().position(|c| c.key == name) {
        if let Some(level) = CHOICES[i].values.iter().position(|v| *v == value) {
            prefs::save_choice(i, level);
        }
    } else if let Some(th) = value.parse::<Theme>().ok().filter(|_| name == "article-reader:theme") {
        prefs::save_theme(th);
    }
}

/// The "Aa" button and its panel, appended to `parent`; writes the choices
/// onto the widget root.
pub fn settings_dom(inst: Instance, parent: &web_sys::Element) -> Option<()> {
    let doc = parent.owner_document()?;
    let lang = inst.lang;
    let open = RwSignal::new(false);
    let levels = choice_levels();
    let set = super::dom::add(&doc, parent, "div", &[("class", Some("ar-set"))]).ok()?;
    let aa = super::live::button(&doc, &set, "ar-aa", "settings")?;
    let _ = aa.set_attribute("aria-controls", "ar-settings");
    super::dom::add_text(&doc, &aa, "span", &[("aria-hidden", Some("true"))], "Aa").ok()?;
    let sr = super::dom::add(&doc, &aa, "span", &[("class", Some("ar-sr"))]).ok()?;
    let name = move || word(lang.get(), W::Settings).to_owned();
    super::live::text(&sr, Box::new(move || ["Aa ", &name()].concat()));
    super::live::attr(&aa, "title", Box::new(name));
    super::live::attr(&aa, "aria-expanded", Box::new(move || super::live::flag(open.get())));
    let panel = super::dom::add(
        &doc,
        &set,
        "div",
        &[
            ("id", Some("ar-settings")),
            ("class", Some("ar-panel")),
            ("part", Some("settings")),
            ("role", Some("group")),
        ],
    )
    .ok()?;
    super::live::attr(&panel, "aria-label", Box::new(name));
    super::live::hidden(&panel, Box::new(move || !open.get()));
    keep_in_sync(inst, &panel, open, levels);
    super::live::on(&aa, "click", Box::new(move |_| open.update(|o| *o = !*o)));
    super::live::on(&panel, "change", Box::new(on_change));
    super::live::on(&panel, "input", Box::new(on_change));
    let a = aa.clone();
    super::live::on(
        &set,
        "keydown",
        Box::new(move |ev| {
            let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
            if key.as_deref() == Some("Escape") && open.get_untracked() {
                ev.stop_propagation();
                open.set(false);
                focus(&a);
            }
        }),
    );
    Some(())
}

/// The effective level of each choice for this instance, released on unmount
/// (page-wide signals would otherwise keep the memos alive).
fn choice_levels() -> [Memo<usize>; 3] {
    [0, 1, 2].map(|i| {
        let m = Memo::new(move |_| prefs::choice_level(i));
        crate::ui::cleanup::release_on_cleanup(m);
        m
    })
}

/// Writes the reader's choices onto the widget root that contains `inside`:
/// one attribute write per change.
pub fn write_choices(inside: &web_sys::Element) {
    let levels = choice_levels();
    let a = inside.clone();
    super::live::effect(Box::new(move || {
        let now = levels.map(|m| m.get());
        let Some(root) = a.closest(".ar").ok().flatten() else { return };
        for (c, level) in CHOICES.iter().zip(now) {
            let v = c.values.get(level).copied().unwrap_or("");
            if root.get_attribute(c.attr).as_deref() != Some(v) {
                let _ = root.set_attribute(c.attr, v);
            }
        }
    }));
}

/// The panel: built on first open (again if the UI language changes), kept in sync.
fn keep_in_sync(inst: Instance, panel: &web_sys::Element, open: RwSignal<bool>, levels: [Memo<usize>; 3]) {
    let built = StoredValue::new(None::<Lang>);
    let p = panel.clone();
    super::live::effect(Box::new(move || {
        let (l, is_open) = (inst.lang.get(), open.get());
        if is_open && built.get_value() != Some(l) {
            build(&p, l);
            built.set_value(Some(l));
        }
        let theme = Theme::ALL.iter().position(|t| *t == inst.theme.get()).unwrap_or(0);
        sync(&p, levels.map(|m| m.get()), theme, inst.font_step.get());
    }));
}

/// Focus helper shared by the reader features: focuses `el` if it is an HTML element.
pub fn focus(el: &web_sys::Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}
