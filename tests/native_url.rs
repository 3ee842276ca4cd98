use article_reader::url::{host, is_external, resolve, resolve_src, resolve_srcset};

const BASE: &str = "https://news.example.vn/thoi-su/bai-viet/a/b.html?x=1#top";

fn r(href: &str) -> Option<String> {
    resolve(Some(BASE), href)
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn absolute_http_kept_and_normalized() {
    assert_eq!(resolve(None, "https://Example.COM/a/b?q=1#f"), s("https://example.com/a/b?q=1#f"));
    assert_eq!(resolve(None, "HTTP://example.com"), s("http://example.com/"));
    assert_eq!(resolve(None, "http://example.com:8080/x"), s("http://example.com:8080/x"));
    assert_eq!(resolve(None, "http://example.com:/x"), s("http://example.com/x"));
    assert_eq!(resolve(None, "https://example.com/a/./b/../c"), s("https://example.com/a/c"));
    assert_eq!(resolve(None, "https://example.com?q"), s("https://example.com/?q"));
    assert_eq!(resolve(None, "https://example.com#f"), s("https://example.com/#f"));
    assert_eq!(resolve(Some(BASE), "https://other.org/p"), s("https://other.org/p"));
    assert_eq!(resolve(None, "https://[::1]:443/x"), s("https://[::1]:443/x"));
}

#[test]
fn userinfo_dropped() {
    assert_eq!(resolve(None, "https://google.com@evil.com/x"), s("https://evil.com/x"));
    assert_eq!(resolve(None, "http://u:p@h.com"), s("http://h.com/"));
}

#[test]
fn invalid_hosts_rejected() {
    assert_eq!(resolve(None, "https://"), None);
    // Browsers skip any number of slashes after a special scheme.
    assert_eq!(resolve(None, "https:///path"), s("https://path/"));
    assert_eq!(resolve(None, "https://a b.com/"), None);
    assert_eq!(resolve(None, "https://a.com:80x/"), None);
    assert_eq!(resolve(None, "https://a<b>.com/"), None);
    assert_eq!(resolve(Some(BASE), "//"), None);
    assert_eq!(resolve(None, "//"), None);
}

#[test]
fn backslashes_read_as_slashes() {
    assert_eq!(resolve(None, "https:\\\\evil.com\\x?a\\b"), s("https://evil.com/x?a\\b"));
    assert_eq!(resolve(None, "\\\\evil.com/x"), s("//evil.com/x"));
    assert_eq!(r("/\\evil.com/x"), s("https://evil.com/x"));
    assert_eq!(r("a\\b"), s("https://news.example.vn/thoi-su/bai-viet/a/a/b"));
}

#[test]
fn mailto_kept() {
    assert_eq!(resolve(None, "mailto:a@b.vn"), s("mailto:a@b.vn"));
    assert_eq!(resolve(Some(BASE), "MailTo:a@b.vn?subject=Hi"), s("mailto:a@b.vn?subject=Hi"));
    assert_eq!(resolve(None, "mailto:"), None);
}

#[test]
fn dangerous_schemes_rejected() {
    for h in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "  javascript:alert(1)",
        "\u{0}\u{1}\u{1f} javascript:alert(1)",
        "javascript:alert(1)\u{0}",
        "j\ta\nv\ra\tscript\t:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:image/png;base64,AAAA",
        "vbscript:msgbox(1)",
        "VbScRiPt:x",
        "file:///etc/passwd",
        "blob:https://a.com/uuid",
        "about:blank",
        "ftp://a.com/",
        "chrome://settings",
        "tel:+8412345",
        "x-custom+a.b-c:thing",
        "C:\\Windows",
    ] {
        assert_eq!(resolve(None, h), None, "{h:?} without base");
        assert_eq!(resolve(Some(BASE), h), None, "{h:?} with base");
        assert_eq!(resolve_src(Some(BASE), h), None, "{h:?} as src");
    }
}

#[test]
fn non_schemes_are_relative() {
    // Not a valid scheme: a path, as the browser reads it.
    assert_eq!(resolve(None, "1abc:foo"), s("./1abc:foo"));
    assert_eq!(resolve(None, "java script:alert(1)"), s("./java%20script:alert(1)"));
    assert_eq!(r("1abc:foo"), s("https://news.example.vn/thoi-su/bai-viet/a/1abc:foo"));
    assert_eq!(resolve(None, "a/b:c"), s("a/b:c"));
    assert_eq!(resolve(None, "?a:b"), s("?a:b"));
    assert_eq!(resolve(None, "\u{a0}javascript:x"), s("./\u{a0}javascript:x"));
}

#[test]
fn relative_references_against_base() {
    assert_eq!(r("//cdn.example.com/i.jpg"), s("https://cdn.example.com/i.jpg"));
    assert_eq!(resolve(Some("http://a.com/x"), "//cdn.com/i"), s("http://cdn.com/i"));
    assert_eq!(r("/p"), s("https://news.example.vn/p"));
    assert_eq!(r("/p/../q/./r"), s("https://news.example.vn/q/r"));
    assert_eq!(r("c/d"), s("https://news.example.vn/thoi-su/bai-viet/a/c/d"));
    assert_eq!(r("./c"), s("https://news.example.vn/thoi-su/bai-viet/a/c"));
    assert_eq!(r("../c"), s("https://news.example.vn/thoi-su/bai-viet/c"));
    assert_eq!(r("../../../../../../c"), s("https://news.example.vn/c"));
    assert_eq!(r(".."), s("https://news.example.vn/thoi-su/bai-viet/"));
    assert_eq!(r("."), s("https://news.example.vn/thoi-su/bai-viet/a/"));
    assert_eq!(r("%2e%2E/c"), s("https://news.example.vn/thoi-su/bai-viet/c"));
    assert_eq!(r("?q=2"), s("https://news.example.vn/thoi-su/bai-viet/a/b.html?q=2"));
    assert_eq!(r("#f"), s("https://news.example.vn/thoi-su/bai-viet/a/b.html?x=1#f"));
    assert_eq!(r("c?y#z"), s("https://news.example.vn/thoi-su/bai-viet/a/c?y#z"));
    assert_eq!(r("  \n/p\t "), s("https://news.example.vn/p"));
    assert_eq!(r(""), None);
    assert_eq!(r(" \t\n"), None);
}

#[test]
fn rfc3986_examples() {
    let b = Some("http://a/b/c/d;p?q");
    for (rel, want) in [
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"),
        ("//g", "http://g/"),
        ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"),
        (";x", "http://a/b/c/;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"),
        ("/./g", "http://a/g"),
        ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"),
    ] {
        assert_eq!(resolve(b, rel).as_deref(), Some(want), "{rel}");
    }
}

#[test]
fn relative_without_base_kept_as_is() {
    for h in ["/p", "a/b", "../x", "./x", "?q", "#f"] {
        assert_eq!(resolve(None, h), s(h), "{h}");
    }
    // A space is percent-encoded, as the browser does when it resolves it.
    assert_eq!(resolve(None, "a b/c"), s("a%20b/c"));
    assert_eq!(resolve(None, "//cdn.com/x"), s("//cdn.com/x"));
    assert_eq!(resolve(None, "//CDN.com"), s("//cdn.com/"));
    // A base that is not absolute http(s) counts as no base.
    assert_eq!(resolve(Some("ftp://a.com/"), "x"), s("x"));
    assert_eq!(resolve(Some("/relative/base"), "x"), s("x"));
    assert_eq!(resolve(Some("javascript:alert(1)//"), "x"), s("x"));
    assert_eq!(resolve(Some(""), "#f"), s("#f"));
}

#[test]
fn base_forms() {
    assert_eq!(resolve(Some("https://a.com"), "x"), s("https://a.com/x"));
    assert_eq!(resolve(Some("https://a.com?q"), "x"), s("https://a.com/x"));
    assert_eq!(resolve(Some("HTTPS://A.com/d/"), "x"), s("https://a.com/d/x"));
    assert_eq!(resolve(Some(" https://a.com/d/e#frag "), "#g"), s("https://a.com/d/e#g"));
}

#[test]
fn never_panics_on_odd_input() {
    let samples = [
        "",
        ":",
        "::",
        "/",
        "//",
        "///",
        "?",
        "#",
        "%",
        "%2",
        "[",
        "http:[",
        "https://[::1",
        "https://[]/",
        "http://@/",
        "http://a@",
        "ệ:x",
        "ảnh/ệ?ơ#ư",
        "https://ví-dụ.vn/đường",
        "\u{feff}",
        "http:",
        "https:",
        "mailto",
        "a:",
        "\\",
        "\\\\",
        "./",
        "../",
        "..",
        "%2e",
        ",",
        "http://a.com/%%%",
    ];
    for a in samples {
        for b in samples.iter().map(|b| Some(*b)).chain([None, Some(BASE)]) {
            let _ = resolve(b, a);
            let _ = resolve_src(b, a);
            let _ = resolve_srcset(b, a);
            let _ = is_external(a, b);
        }
        let _ = host(a);
    }
    assert_eq!(resolve(None, "https://ví-dụ.vn/đường"), s("https://ví-dụ.vn/đường"));
}

#[test]
fn src_never_mailto() {
    assert_eq!(resolve_src(None, "mailto:a@b.c"), None);
    assert_eq!(resolve_src(Some(BASE), "i.jpg"), s("https://news.example.vn/thoi-su/bai-viet/a/i.jpg"));
    assert_eq!(resolve_src(None, "i.jpg"), s("i.jpg"));
}

#[test]
fn host_and_external() {
    assert_eq!(host("https://User@Example.com:8080/x"), Some("Example.com"));
    assert_eq!(host("//cdn.com/x"), Some("cdn.com"));
    assert_eq!(host("http://[::1]:80/"), Some("[::1]"));
    assert_eq!(host("https://a.com?x"), Some("a.com"));
    assert_eq!(host("/p"), None);
    assert_eq!(host("mailto:a@b.c"), None);
    assert_eq!(host("p/q"), None);
    assert_eq!(host("https://"), None);

    assert!(!is_external("https://news.example.vn/x", Some(BASE)));
    assert!(!is_external("https://NEWS.example.vn/x", Some(BASE)));
    assert!(!is_external("http://news.example.vn:81/x", Some(BASE)));
    assert!(is_external("https://www.news.example.vn/x", Some(BASE)));
    assert!(is_external("https://other.vn/", Some(BASE)));
    assert!(is_external("//other.vn/", Some(BASE)));
    assert!(is_external("https://a.com/", None));
    assert!(is_external("//a.com/", None));
    assert!(!is_external("/local", None));
    assert!(!is_external("mailto:a@b.c", None));
    assert!(!is_external("mailto:a@b.c", Some(BASE)));
}

#[test]
fn srcset_resolved_and_filtered() {
    let b = Some("https://a.com/d/p.html");
    assert_eq!(
        resolve_srcset(b, "i-320.jpg 320w, /i-640.jpg 640w,https://cdn.com/i.jpg 1280w"),
        s("https://a.com/d/i-320.jpg 320w, https://a.com/i-640.jpg 640w, https://cdn.com/i.jpg 1280w")
    );
    assert_eq!(resolve_srcset(b, "a.jpg, b.jpg 2x"), s("https://a.com/d/a.jpg, https://a.com/d/b.jpg 2x"));
    assert_eq!(resolve_srcset(b, "a.jpg 1.5x"), s("https://a.com/d/a.jpg 1.5x"));
    assert_eq!(resolve_srcset(None, " a.jpg  1x ,  b.jpg\t2x "), s("a.jpg 1x, b.jpg 2x"));
    // Commas inside a URL are part of it.
    assert_eq!(resolve_srcset(None, "i.jpg?w=1,2 2x"), s("i.jpg?w=1,2 2x"));
    // Bad schemes and bad descriptors drop the candidate only.
    assert_eq!(resolve_srcset(b, "javascript:alert(1) 1x, ok.jpg 2x"), s("https://a.com/d/ok.jpg 2x"));
    assert_eq!(resolve_srcset(b, "data:image/gif;base64,R0lGOD 1x, ok.jpg 2x"), s("https://a.com/d/ok.jpg 2x"));
    assert_eq!(
        resolve_srcset(b, "a.jpg foo, b.jpg 1.5w, c.jpg -1x, d.jpg 1x 2x 3x, e.jpg 2x"),
        s("https://a.com/d/e.jpg 2x")
    );
    assert_eq!(resolve_srcset(b, "mailto:a@b.c 1x"), None);
    assert_eq!(resolve_srcset(b, ""), None);
    assert_eq!(resolve_srcset(b, " , ,, "), None);
    assert_eq!(resolve_srcset(b, "a.jpg 1ẋ"), None);
    assert_eq!(resolve_srcset(b, "a.jpg (x, y) 1x, b.jpg 1x"), s("https://a.com/d/b.jpg 1x"));
}

#[test]
fn a_space_in_the_base_path_is_percent_encoded() {
    assert_eq!(resolve(Some("http://a.example/x y/"), "i.jpg"), s("http://a.example/x%20y/i.jpg"));
}
