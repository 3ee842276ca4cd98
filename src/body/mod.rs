//! Article body: untrusted HTML -> allowlisted [`Node`](crate::model::body::Node)s.
//!
//! The browser parses (`dom`, wasm only: `DOMParser` into an inert document);
//! the pure sanitizer decides what survives. Where each concern lives:
//! - [`policy`]: the allowlist as data (elements, attributes, checks);
//! - `walk`: the walk, one method per kind of element, and the limits;
//! - `flow`: block flow (paragraphs, hoisting, lists, trimming);
//! - `table`, `figure` (pictures, lazy images, captions), `math` (MathML),
//!   `noscript` (`<img>` markup in noscript text);
//! - furniture: `embed` (video/audio, iframes, embed blocks), `provider`
//!   (YouTube, Vimeo, Facebook ids and player URLs), `social` (quote cards),
//!   `gallery`, `notes` (footnote links and their targets).
//!
//! Repeated pictures all stay; the lead image's copy is `crate::prepare`'s.
//!
//! Rules, in short:
//! - Kept: `p`, `h2`-`h4` (`h1`->`h2`, `h5`/`h6`->`h4`), `em strong i b u s sub
//!   sup br code small mark cite q abbr time a`, lists, `dl`, `blockquote`,
//!   `pre`, `hr`, tables. Renamed: `del strike`->`s`, `ins`->`u`, `var dfn`->`i`,
//!   `kbd samp tt`->`code`, `acronym`->`abbr`, `menu dir`->`ul`,
//!   `listing xmp plaintext`->`pre`.
//! - Dropped with their contents: scripts, styles, `object`/`embed`, form
//!   content, document metadata ([`policy::dropped`]).
//! - Furniture: `video`/`audio` keep their http(s) sources (fallback text
//!   dropped); YouTube/Vimeo/Facebook iframes and WordPress embed blocks become
//!   click-to-play facades, other iframes a labelled link; tweets, Instagram,
//!   TikTok and Facebook posts quote cards; galleries keep every picture with
//!   its caption; `details`/`summary` are kept; footnote links and their
//!   targets are kept when both are in the body.
//! - MathML is reader text: `<math>` keeps its text (display math as its own
//!   block), scripts become `sub`/`sup`, fractions `(a)/(b)`, roots `√`;
//!   TeX annotations and `mphantom` are dropped.
//! - Anything else is unwrapped (its children kept). Block wrappers (`div`,
//!   `section`…) keep their text runs apart; bare text at block level becomes `p`.
//! - Attributes: only `href` (resolved, http/https/mailto), `title` (`a`, `abbr`),
//!   `datetime`, `start`, `colspan`/`rowspan` (1..=100), `scope`, and valid
//!   `lang`/`dir` on kept elements. `span`/`font`/`bdo`/`bdi` survive only to carry
//!   `lang`/`dir`. Links to another host get `rel="noopener noreferrer"` and
//!   `target="_blank"`; a rejected or fragment-only (`#fn1`) `href` unwraps
//!   the link; nested links unwrap.
//! - Pictures: `<img>`, `<figure>` (figcaption, or else the figure's short text,
//!   split into caption and credit) and layout tables holding one picture and a
//!   short caption become figures, hoisted to block level (splitting the
//!   paragraph or link around them). Lazy-load attributes and `<noscript>`
//!   fallbacks are read; placeholders, unusable sources and 1x1 pixels are
//!   dropped, every other picture kept (repeats included). A short
//!   paragraph ending in a credit right after a captionless figure becomes its
//!   caption. A one-cell table is unwrapped.
//! - Text misplaced in a table is moved before it. Empty paragraphs/headings/items
//!   are dropped, block edges trimmed, two or more `<br>` in a paragraph split it.

#[cfg(target_arch = "wasm32")]
pub mod dom;
mod embed;
mod figure;
mod flow;
mod gallery;
mod math;
mod noscript;
mod notes;
pub mod policy;
mod provider;
mod social;
mod source;
mod table;
mod text;
pub mod tree;
mod walk;

pub use source::{Kind, Limits, Sanitized, SourceNode};
pub use text::visible_text;
pub use walk::{sanitize, sanitize_with, Incremental};
