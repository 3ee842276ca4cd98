//! Wasm only: the browser decodes a named reference the small tables do not
//! know. Exactly one token, checked to be `&` + ASCII letters and digits + `;`,
//! is parsed as an HTML document by `DOMParser` (inert: no script, no loads)
//! and its text read back; nothing else is ever given to the parser.
//!
//! One decode call asks the browser at most [`BUDGET`] times: past that,
//! unknown tokens stay as written, so hostile text full of made-up names stays
//! linear.

use std::cell::Cell;
use web_sys::{DomParser, SupportedType};

/// Most browser parses per decode call.
const BUDGET: u32 = 64;

thread_local! {
    static LEFT: Cell<u32> = const { Cell::new(BUDGET) };
}

/// Starts a decode call's budget.
pub fn reset_budget() {
    LEFT.with(|l| l.set(BUDGET));
}

/// The text the browser makes of `&` + `name_semi` (for example `percnt;`).
/// `None` when the token is malformed, the budget is spent or parsing fails.
pub fn decode_token(name_semi: &str) -> Option<String> {
    let name = name_semi.strip_suffix(';')?;
    let ok = (1..=super::MAX_NAME).contains(&name.len()) && name.bytes().all(|c| c.is_ascii_alphanumeric());
    if !ok {
        return None;
    }
    if LEFT.with(|l| l.replace(l.get().saturating_sub(1))) == 0 {
        return None;
    }
    let token = ["&", name_semi].concat();
    DomParser::new()
        .ok()
        .and_then(|p| p.parse_from_string(&token, SupportedType::TextHtml).ok())
        .and_then(|d| d.body())
        .and_then(|b| b.text_content())
}
