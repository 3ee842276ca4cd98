//! MathML as reader text: scripts as `sub`/`sup`, a fraction as `(a)/(b)`,
//! roots with `√`; parentheses only around multi-part operands. TeX
//! annotations and `mphantom` are dropped by the policy.

use super::flow::{phrasing, push};
use super::source::{Kind, SourceNode};
use super::walk::{At, Sanitizer};
use crate::model::body::{Node, Tag};

/// The element children of a MathML node.
fn operands<N: SourceNode>(n: &N) -> Vec<N> {
    n.children().into_iter().filter(|k| k.kind() == Kind::Element).collect()
}

/// An `mrow` of more than one part (needs parentheses as an operand).
fn grouped<N: SourceNode>(k: &N) -> bool {
    k.tag() == "mrow" && k.children().iter().filter(|c| c.kind() == Kind::Element).count() > 1
}

/// Where the `i`-th operand of a script element goes.
fn script_position(tag: &str, i: usize) -> Option<Tag> {
    match (tag, i) {
        (_, 0) => None,
        ("msup" | "mover", 1) | ("msubsup" | "munderover", 2) => Some(Tag::Sup),
        ("msub" | "munder" | "msubsup" | "munderover", 1) => Some(Tag::Sub),
        _ => None,
    }
}

impl Sanitizer<'_> {
    /// A MathML layout element (`msup`, `mfrac`, `msqrt`, …) as text.
    pub fn math_layout<N: SourceNode>(&mut self, n: &N, tag: &str, at: At, out: &mut Vec<Node>) {
        let kids = operands(n);
        match tag {
            "msqrt" => {
                let parens = kids.len() > 1 || kids.first().is_some_and(grouped);
                self.push_text(out, "√");
                self.paren(out, parens, "(");
                for k in &kids {
                    self.operand(k, at, out, None, false);
                }
                self.paren(out, parens, ")");
            }
            "mroot" => {
                if let Some(index) = kids.get(1) {
                    self.operand(index, at, out, Some(Tag::Sup), false);
                }
                self.push_text(out, "√");
                if let Some(base) = kids.first() {
                    self.operand(base, at, out, None, grouped(base));
                }
            }
            "mfrac" => {
                for (i, k) in kids.iter().enumerate() {
                    if i == 1 {
                        self.push_text(out, "/");
                    }
                    self.operand(k, at, out, None, grouped(k));
                }
            }
            _ => {
                for (i, k) in kids.iter().enumerate() {
                    self.operand(k, at, out, script_position(tag, i), false);
                }
            }
        }
    }

    fn paren(&mut self, out: &mut Vec<Node>, on: bool, p: &str) {
        if on {
            self.push_text(out, p);
        }
    }

    /// One operand, optionally in parentheses and wrapped in `sub`/`sup`.
    fn operand<N: SourceNode>(&mut self, k: &N, at: At, out: &mut Vec<Node>, wrap: Option<Tag>, parens: bool) {
        let mut flow = Vec::new();
        self.paren(&mut flow, parens, "(");
        self.node(k, At { depth: at.depth + 1, ..at.flow() }, &mut flow, &mut false);
        self.paren(&mut flow, parens, ")");
        match wrap {
            Some(t) => phrasing(t, Vec::new(), flow, out),
            None => flow.into_iter().for_each(|f| push(out, f)),
        }
    }
}
