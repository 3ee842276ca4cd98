//! URL resolution and scheme checks, pure Rust.
//!
//! Only `http`, `https` and `mailto` URLs survive, plus relative references.
//! Input is first cleaned as browsers do: leading/trailing C0 controls and spaces
//! are stripped and ASCII tab/LF/CR removed anywhere (so `java\tscript:` is seen
//! as `javascript:`). A scheme is detected exactly as the URL standard does
//! (ASCII letter, then letters/digits/`+-.`, then `:`), case-insensitively, so a
//! relative reference returned unchanged can never turn into a scheme later.

/// Resolves `href` against `base` and keeps it only when it is `http:`,
/// `https:` or `mailto:`, or relative. Relative references are resolved
/// (RFC 3986, dot segments removed) when `base` is an absolute http(s) URL and
/// returned as they are otherwise (they then resolve against the host page).
/// Absolute http(s) results are normalized: lowercase scheme and host, no
/// user info, `/` for an empty path, `\` read as `/` before the query.
/// Spaces and other controls left inside (a base path with a space) are
/// percent-encoded, as browsers do, so a result never splits in a `srcset`.
/// `None` for any other scheme, an invalid host, or an empty `href`.
pub fn resolve(base: Option<&str>, href: &str) -> Option<String> {
    resolve_raw(base, href).map(escape_controls)
}

/// `%XX` for ASCII whitespace, C0 controls and DEL (nothing else changes).
fn escape_controls(s: String) -> String {
    if !s.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match u8::try_from(c) {
            Ok(b) if b <= b' ' || b == 0x7f => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
            _ => out.push(c),
        }
    }
    out
}

fn resolve_raw(base: Option<&str>, href: &str) -> Option<String> {
    let h = clean(href);
    if h.is_empty() {
        return None;
    }
    if let Some((s, rest)) = scheme(&h) {
        return if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") {
            absolute(s.len() == 5, rest)
        } else if s.eq_ignore_ascii_case("mailto") && !rest.is_empty() {
            Some(["mailto:", rest].concat())
        } else {
            None
        };
    }
    let h = backslashes(&h);
    match base.and_then(Base::parse) {
        Some(b) => b.join(&h),
        None => no_base(h),
    }
}

/// Like [`resolve`] but for image sources: never `mailto:`.
pub fn resolve_src(base: Option<&str>, src: &str) -> Option<String> {
    resolve(base, src).filter(|u| !u.starts_with("mailto:"))
}

/// The host of an absolute (`scheme://`) or protocol-relative (`//`) URL,
/// without user info and port. `None` for relative and `mailto:` URLs.
pub fn host(url: &str) -> Option<&str> {
    let u = url.trim_matches(|c: char| c <= ' ');
    let rest = match u.strip_prefix("//") {
        Some(r) => r,
        None => scheme(u)?.1.strip_prefix("//")?,
    };
    let auth = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    let hp = auth.rsplit('@').next().unwrap_or(auth);
    let h = if hp.starts_with('[') {
        hp.find(']').and_then(|i| hp.get(..=i)).unwrap_or(hp)
    } else {
        hp.split(':').next().unwrap_or(hp)
    };
    (!h.is_empty()).then_some(h)
}

/// True when `url` points to another host than `base` (case-insensitive), or is
/// absolute while there is no base: such links get `rel="noopener noreferrer"`.
pub fn is_external(url: &str, base: Option<&str>) -> bool {
    let Some(h) = host(url) else { return false };
    match base.and_then(host) {
        Some(b) => !h.eq_ignore_ascii_case(b),
        None => true,
    }
}

/// Resolves every candidate of a `srcset` with [`resolve_src`] and drops the
/// ones with a rejected URL or an invalid descriptor (`100w`, `1.5x`, `200h`).
/// `None` when no candidate survives.
pub fn resolve_srcset(base: Option<&str>, srcset: &str) -> Option<String> {
    let s = srcset.as_bytes();
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut out = String::new();
    let mut i = 0;
    // Every split below is at an ASCII byte, hence at a char boundary.
    loop {
        while s.get(i).is_some_and(|&b| ws(b) || b == b',') {
            i += 1;
        }
        let start = i;
        while s.get(i).is_some_and(|&b| !ws(b)) {
            i += 1;
        }
        let mut url = srcset.get(start..i).unwrap_or("");
        if url.is_empty() {
            break;
        }
        let mut desc = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let d0 = i;
            let mut depth = 0u32;
            while let Some(&b) = s.get(i) {
                match b {
                    b',' if depth == 0 => break,
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                i += 1;
            }
            desc = srcset.get(d0..i).unwrap_or("").trim_matches(|c: char| c.is_ascii_whitespace());
        }
        let Some(u) = resolve_src(base, url) else { continue };
        if !valid_descriptors(desc) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&u);
        for d in desc.split_ascii_whitespace() {
            out.push(' ');
            out.push_str(d);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// At most two descriptors, each a positive number followed by `w`, `x` or `h`.
fn valid_descriptors(desc: &str) -> bool {
    let mut n = 0;
    desc.split_ascii_whitespace().all(|d| {
        n += 1;
        let unit = d.chars().last().unwrap_or(' ');
        let num = d.get(..d.len().saturating_sub(unit.len_utf8())).unwrap_or("");
        let digits = num.bytes().filter(u8::is_ascii_digit).count();
        let dots = num.bytes().filter(|&b| b == b'.').count();
        n <= 2
            && matches!(unit, 'w' | 'x' | 'h')
            && digits > 0
            && digits + dots == num.len()
            && dots <= usize::from(unit == 'x')
    })
}

/// Strips leading/trailing C0 controls and spaces, removes tab/LF/CR anywhere.
fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// Splits `scheme:rest` when `s` starts with a syntactically valid scheme.
fn scheme(s: &str) -> Option<(&str, &str)> {
    let i = s.find(':')?;
    let (sch, rest) = (s.get(..i)?, s.get(i + 1..)?);
    let mut cs = sch.chars();
    let ok = cs.next()?.is_ascii_alphabetic() && cs.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then_some((sch, rest))
}

/// Index of the first `?` or `#` (end of the path part).
fn path_end(s: &str) -> usize {
    s.find(['?', '#']).unwrap_or(s.len())
}

/// Reads `\` as `/` in the path part, as browsers do for http(s).
fn backslashes(s: &str) -> String {
    let e = path_end(s);
    let (p, q) = s.split_at(e);
    if p.contains('\\') {
        [p.replace('\\', "/").as_str(), q].concat()
    } else {
        s.to_owned()
    }
}

/// A relative reference kept for the host page to resolve.
fn no_base(h: String) -> Option<String> {
    if let Some(r) = h.strip_prefix("//") {
        // Protocol-relative: validate like an absolute URL, keep the `//` form.
        return absolute(true, r).and_then(|a| a.get(6..).map(str::to_owned));
    }
    let first = h.split(['/', '?', '#']).next().unwrap_or("");
    if first.contains(':') {
        // `1a:b` is a path, but say so explicitly.
        return Some(["./", &h].concat());
    }
    Some(h)
}

/// Normalizes the part after `http:`/`https:`.
fn absolute(https: bool, rest: &str) -> Option<String> {
    let rest = backslashes(rest);
    let r = rest.trim_start_matches('/');
    let e = r.find(['/', '?', '#']).unwrap_or(r.len());
    let (auth, tail) = r.split_at(e);
    let hp = auth.rsplit('@').next().unwrap_or(auth).to_ascii_lowercase();
    let (host, port) = if hp.starts_with('[') {
        let i = hp.find(']')?;
        hp.split_at(i + 1)
    } else {
        hp.split_at(hp.find(':').unwrap_or(hp.len()))
    };
    let port_ok = port.is_empty() || (port.starts_with(':') && port.bytes().skip(1).all(|b| b.is_ascii_digit()));
    let bad = |c: char| c <= ' ' || matches!(c, '<' | '>' | '"' | '`' | '^' | '{' | '|' | '}' | '\u{7f}');
    if host.is_empty() || host.contains(bad) || !port_ok {
        return None;
    }
    let port = if port == ":" { "" } else { port };
    let pe = path_end(tail);
    let (path, qf) = tail.split_at(pe);
    let path = if path.is_empty() { "/".to_owned() } else { remove_dots(path) };
    Some([if https { "https://" } else { "http://" }, host, port, &path, qf].concat())
}

/// A parsed absolute http(s) base.
struct Base {
    https: bool,
    /// `https://host:port`
    origin: String,
    /// Always starts with `/`.
    path: String,
    /// With its `?`, or empty.
    query: String,
}

impl Base {
    fn parse(b: &str) -> Option<Base> {
        let b = clean(b);
        let (s, rest) = scheme(&b)?;
        let https = s.eq_ignore_ascii_case("https");
        if !https && !s.eq_ignore_ascii_case("http") {
            return None;
        }
        let abs = absolute(https, rest)?;
        let after = abs.get(if https { 8 } else { 7 }..)?;
        let o = abs.len() - after.len() + after.find('/')?;
        let (origin, tail) = abs.split_at(o);
        let tail = tail.split('#').next().unwrap_or("");
        let pe = path_end(tail);
        let (path, query) = tail.split_at(pe);
        Some(Base { https, origin: origin.to_owned(), path: path.to_owned(), query: query.to_owned() })
    }

    /// RFC 3986 section 5.2.2 for a reference without scheme.
    fn join(&self, r: &str) -> Option<String> {
        if let Some(rest) = r.strip_prefix("//") {
            return absolute(self.https, rest);
        }
        let pe = path_end(r);
        let (path, qf) = r.split_at(pe);
        let o = self.origin.as_str();
        if path.starts_with('/') {
            return Some([o, &remove_dots(path), qf].concat());
        }
        if path.is_empty() {
            return match qf.as_bytes().first() {
                Some(b'?') => Some([o, &self.path, qf].concat()),
                Some(_) => Some([o, &self.path, &self.query, qf].concat()),
                None => None,
            };
        }
        let dir = self.path.get(..self.path.rfind('/').map_or(0, |i| i + 1)).unwrap_or("/");
        Some([o, &remove_dots(&[dir, path].concat()), qf].concat())
    }
}

fn is_dot(s: &str) -> bool {
    s == "." || s.eq_ignore_ascii_case("%2e")
}

fn is_dotdot(s: &str) -> bool {
    matches!(s.len(), 2 | 4 | 6) && {
        let l = s.to_ascii_lowercase();
        matches!(l.as_str(), ".." | ".%2e" | "%2e." | "%2e%2e")
    }
}

/// RFC 3986 section 5.2.4 for an absolute path (`%2e` counts as `.`).
fn remove_dots(path: &str) -> String {
    let segs: Vec<&str> = path.split('/').skip(1).collect();
    let n = segs.len();
    let mut out: Vec<&str> = Vec::with_capacity(n);
    for (i, s) in segs.into_iter().enumerate() {
        let last = i + 1 == n;
        if is_dot(s) {
        } else if is_dotdot(s) {
            out.pop();
        } else {
            out.push(s);
            continue;
        }
        if last {
            out.push("");
        }
    }
    let mut p = String::with_capacity(path.len());
    for s in out {
        p.push('/');
        p.push_str(s);
    }
    if p.is_empty() {
        p.push('/');
    }
    p
}
