//! Minifies `style/*.css` into one string the wasm embeds (comments and
//! redundant whitespace removed; no other rewriting).

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    let mut in_str: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = in_str {
            out.push(c);
            if c == q {
                in_str = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut prev = ' ';
            for d in chars.by_ref() {
                if prev == '*' && d == '/' {
                    break;
                }
                prev = d;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            let last = out.chars().last().unwrap_or('{');
            if !"{};:,>(".contains(last) && !"{};,>)!".contains(c) {
                out.push(' ');
            }
            pending_space = false;
        }
        if c == '"' || c == '\'' {
            in_str = Some(c);
        }
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}

fn main() {
    let dir = Path::new("style");
    println!("cargo:rerun-if-changed=style");
    // A missing or unreadable stylesheet fails the build: a widget without its CSS
    // must never ship.
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut names: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.retain(|p| p.extension().is_some_and(|x| x == "css"));
    names.sort();
    assert!(!names.is_empty(), "no stylesheet in {}", dir.display());
    let mut css = String::new();
    for p in &names {
        println!("cargo:rerun-if-changed={}", p.display());
        css.push_str(&fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display())));
        css.push('\n');
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("reader.min.css");
    fs::write(out, minify(&css)).unwrap_or_else(|e| panic!("cannot write minified CSS: {e}"));
}
