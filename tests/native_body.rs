mod native_body_tree;

use article_reader::body::{sanitize, sanitize_with, visible_text, Limits, Sanitized};
use native_body_tree::{parse, ser, Tree, D};
use std::time::{Duration, Instant};

const BASE: &str = "https://news.example.vn/xa-hoi/bai.html";

fn run(html: &str) -> Sanitized {
    sanitize(&parse(html).root(), Some(BASE))
}

/// Sanitizes `html` against [`BASE`] and serializes the result.
fn s(html: &str) -> String {
    let r = run(html);
    assert!(!r.truncated);
    ser(&r.nodes)
}

fn s_nobase(html: &str) -> String {
    ser(&sanitize(&parse(html).root(), None).nodes)
}

/// `name: html => expected;`: one `#[test]` per case (sanitized against [`BASE`]),
/// so the first failure does not hide the others.
macro_rules! cases {
    ($($(#[$doc:meta])* $name:ident: $html:expr => $want:expr;)*) => {$(
        $(#[$doc])*
        #[test]
        fn $name() {
            let want: &str = &$want;
            assert_eq!(s(&$html), want);
        }
    )*};
}

// ---------- structure ----------

cases! {
    paragraphs_and_headings_1: "<p>Một</p><p>Hai</p>" => "<p>Một</p><p>Hai</p>";
    paragraphs_and_headings_2: "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>" => "<h2>A</h2><h2>B</h2><h3>C</h3><h4>D</h4><h4>E</h4><h4>F</h4>";
}

cases! {
    inline_formatting_1: "<p><em>a</em><strong>b</strong><i>c</i><b>d</b><u>e</u><s>f</s><del>g</del><strike>h</strike><sub>i</sub><sup>j</sup></p>" => "<p><em>a</em><strong>b</strong><i>c</i><b>d</b><u>e</u><s>f</s><s>g</s><s>h</s><sub>i</sub><sup>j</sup></p>";
    inline_formatting_2: "<p><small>a</small><mark>b</mark><cite>c</cite><q>d</q><code>e</code><kbd>f</kbd><ins>g</ins><var>h</var></p>" => "<p><small>a</small><mark>b</mark><cite>c</cite><q>d</q><code>e</code><code>f</code><u>g</u><i>h</i></p>";
    inline_formatting_3: "<p>a<br>b</p>" => "<p>a<br>b</p>";
    inline_formatting_4: "<p>a</p><hr><p>b</p>" => "<p>a</p><hr><p>b</p>";
}

cases! {
    abbr_time_attributes_1: r#"<p><abbr title=" World Health Organization " onclick="x">WHO</abbr> <time datetime="2024-05-01T08:00:00+07:00" class="t">1/5</time></p>"# => r#"<p><abbr title="World Health Organization">WHO</abbr> <time datetime="2024-05-01T08:00:00+07:00">1/5</time></p>"#;
    abbr_time_attributes_2: r#"<p><time datetime="<script>">x</time></p>"# => "<p><time>x</time></p>";
}

cases! {
    wrappers_unwrapped_1: "<p><span>a</span><font color=red>b</font><label>c</label><x-custom>d</x-custom></p>" => "<p>abcd</p>";
    wrappers_unwrapped_2: "<article><section><p>x</p></section></article>" => "<p>x</p>";
    // Unknown inline elements do not split a sentence.
    wrappers_unwrapped_3: "<p>Hello <o:p>Bob</o:p> there</p>" => "<p>Hello Bob there</p>";
}

cases! {
    block_wrappers_do_not_glue_text_1: "<div>Một</div><div>Hai</div>" => "<p>Một</p><p>Hai</p>";
    block_wrappers_do_not_glue_text_2: "<section>a<div>b</div>c</section>" => "<p>a</p><p>b</p><p>c</p>";
    block_wrappers_do_not_glue_text_3: "<div><div>a</div>\n<div>b <b>c</b></div></div>" => "<p>a</p><p>b <b>c</b></p>";
    block_wrappers_do_not_glue_text_4: "<center>a</center>b" => "<p>a</p><p>b</p>";
    // In a heading the wrappers become a line break.
    block_wrappers_do_not_glue_text_5: "<h2><div>a</div><div>b</div></h2>" => "<h2>a<br>b</h2>";
}

cases! {
    bare_text_becomes_paragraphs_1: "Chỉ có chữ" => "<p>Chỉ có chữ</p>";
    bare_text_becomes_paragraphs_2: "a<br>b<p>c</p>d" => "<p>a<br>b</p><p>c</p><p>d</p>";
    bare_text_becomes_paragraphs_3: "a <b>b</b> c" => "<p>a <b>b</b> c</p>";
}

cases! {
    double_br_splits_paragraphs_1: "a<br><br>b" => "<p>a</p><p>b</p>";
    double_br_splits_paragraphs_2: "<p>a<br> <br>\n<br>b<br>c</p>" => "<p>a</p><p>b<br>c</p>";
    double_br_splits_paragraphs_3: "<h2>a<br><br>b</h2>" => "<h2>a<br><br>b</h2>";
}

cases! {
    empty_paragraphs_dropped_and_edges_trimmed_1: "<p> </p><p>&nbsp;</p><p><br></p><p><strong> </strong></p><p>\u{200b}</p><p>x</p>" => "<p>x</p>";
    empty_paragraphs_dropped_and_edges_trimmed_2: "<p>\n  <br> Nội dung  <br>\n</p>" => "<p>Nội dung</p>";
    empty_paragraphs_dropped_and_edges_trimmed_3: "<h2> </h2><blockquote> </blockquote><ul><li> </li></ul>" => "";
    // Inner whitespace kept as the DOM gives it.
    empty_paragraphs_dropped_and_edges_trimmed_4: "<p>a  \n b</p>" => "<p>a  \n b</p>";
    empty_paragraphs_dropped_and_edges_trimmed_5: "<p>a<b> </b>c</p>" => "<p>a c</p>";
}

#[test]
fn dropped_with_contents() {
    for tag in [
        "script", "style", "template", "iframe", "object", "form", "button", "select", "textarea", "noscript", "svg",
        "canvas", "audio", "video", "head", "title", "frameset", "applet", "dialog", "noembed", "noframes",
    ] {
        let html = format!("<p>before</p><{tag} id=x>SECRET<p>SECRET</p></{tag}><p>after</p>");
        assert_eq!(s(&html), "<p>before</p><p>after</p>", "{tag}");
    }
    // Void ones.
    for tag in ["embed", "input", "link", "meta", "base", "wbr", "source", "track", "param", "area", "col"] {
        assert_eq!(s(&format!(r#"<p>a<{tag} src="/x" href="/y">b</p>"#)), "<p>ab</p>", "{tag}");
    }
    assert_eq!(s("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
    assert_eq!(s("<p>a<!-- comment -->b</p>"), "<p>ab</p>");
}

cases! {
    // Issue 3 (Readability `mathjax` page): formulas are reader text, not dropped.
    mathml_keeps_its_text_1: "<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, solve <math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math>.</p>" => "<p>When a≠0, solve ax<sup>2</sup>+c=0.</p>";
    mathml_keeps_its_text_2: r#"<p>so</p><math display="block"><mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math><p>end</p>"# => "<p>so</p><p>x=(−b)/(2a)</p><p>end</p>";
    mathml_keeps_its_text_3: "<p><math><msqrt><mi>x</mi></msqrt><msub><mi>a</mi><mi>i</mi></msub><mroot><mi>y</mi><mn>3</mn></mroot></math></p>" => "<p>√xa<sub>i</sub><sup>3</sup>√y</p>";
    // TeX annotations and invisible boxes are not reader text; rows are lines.
    mathml_keeps_its_text_4: r#"<p><math><semantics><mrow><mi>x</mi><mphantom><mi>h</mi></mphantom></mrow><annotation encoding="application/x-tex">x</annotation></semantics></math></p>"# => "<p>x</p>";
    mathml_keeps_its_text_5: "<p><math><mtable><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable></math></p>" => "<p>a<br>b</p>";
    // Nothing but text and sub/sup comes out of MathML.
    mathml_keeps_its_text_6: r#"<p><math><mi onclick="x" href="javascript:y">a</mi><maction actiontype="toggle"><mtext>b</mtext></maction></math></p>"# => "<p>ab</p>";
}

cases! {
    pre_keeps_whitespace_1: "<pre>  let x = 1;\n    y\n</pre>" => "<pre>  let x = 1;\n    y\n</pre>";
    pre_keeps_whitespace_2: "<pre><code>a\n  b</code></pre>" => "<pre><code>a\n  b</code></pre>";
}

cases! {
    blockquote_1: "<blockquote>Trích dẫn</blockquote>" => "<blockquote>Trích dẫn</blockquote>";
    blockquote_2: "<blockquote><p>a</p><p>b</p></blockquote>" => "<blockquote><p>a</p><p>b</p></blockquote>";
    blockquote_3: "<blockquote>a<p>b</p></blockquote>" => "<blockquote><p>a</p><p>b</p></blockquote>";
}

// ---------- attributes ----------

#[test]
fn no_event_or_style_attributes_survive() {
    let out = s(
        r#"<p onclick="alert(1)" style="color:red" class="x" id="y" data-x="1"><b onmouseover="alert(2)" style="x">a</b></p><img src="i.jpg" onerror="alert(3)" style="width:1px"><div onload="alert(4)">b</div>"#,
    );
    assert_eq!(out, "<p><b>a</b></p>[img https://news.example.vn/xa-hoi/i.jpg]<p>b</p>");
    assert!(!out.contains("alert"));
}

cases! {
    lang_and_dir_1: r#"<p lang="en-GB" dir="LTR">a</p><p lang="en gb" dir="sideways">b</p><p lang="x&quot;><script>">c</p>"# => r#"<p lang="en-GB" dir="ltr">a</p><p>b</p><p>c</p>"#;
    lang_and_dir_2: r#"<p>xin chào <span lang="ar" dir="rtl">مرحبا</span> <span class="x">y</span></p>"# => r#"<p>xin chào <span lang="ar" dir="rtl">مرحبا</span> y</p>"#;
    lang_and_dir_3: r#"<p><bdo dir="rtl">abc</bdo></p>"# => r#"<p><span dir="rtl">abc</span></p>"#;
}

// ---------- links ----------

cases! {
    links_resolved_and_external_marked_1: r#"<p><a href="/p/1.html">in</a></p>"# => r#"<p><a href="https://news.example.vn/p/1.html">in</a></p>"#;
    links_resolved_and_external_marked_2: r#"<p><a href="../x">in</a></p>"# => r#"<p><a href="https://news.example.vn/x">in</a></p>"#;
    links_resolved_and_external_marked_3: r#"<p><a href="https://other.org/a" title="T" target="_self" rel="opener">out</a></p>"# => r#"<p><a href="https://other.org/a" title="T" rel="noopener noreferrer" target="_blank">out</a></p>"#;
    links_resolved_and_external_marked_4: r#"<p><a href="//cdn.other.org/a">out</a></p>"# => r#"<p><a href="https://cdn.other.org/a" rel="noopener noreferrer" target="_blank">out</a></p>"#;
    links_resolved_and_external_marked_5: r#"<p><a href="mailto:toasoan@example.vn">mail</a></p>"# => r#"<p><a href="mailto:toasoan@example.vn">mail</a></p>"#;
}

#[test]
fn links_without_base() {
    assert_eq!(s_nobase(r#"<p><a href="/x">a</a></p>"#), r#"<p><a href="/x">a</a></p>"#);
    assert_eq!(
        s_nobase(r#"<p><a href="https://a.com/x">a</a></p>"#),
        r#"<p><a href="https://a.com/x" rel="noopener noreferrer" target="_blank">a</a></p>"#
    );
    assert_eq!(s_nobase(r#"<p><a href="javascript:alert(1)">a</a></p>"#), "<p>a</p>");
}

#[test]
fn dangerous_hrefs_unwrap_the_link() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&Tab;script:alert(1)",
        "java&#10;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "&#x20;&#x01;javascript:alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "",
    ] {
        let html = format!(r#"<p>x <a href="{href}" onclick="alert(2)">link text</a> y</p>"#);
        assert_eq!(s(&html), "<p>x link text y</p>", "{href}");
    }
    assert_eq!(s("<p><a>anchor</a> <a name=top>n</a></p>"), "<p>anchor n</p>");
    // Fragment-only links (footnotes, `href="#"` with a script) unwrap too.
    assert_eq!(s(r##"<p>x<a href="#fn1">1</a> <a href=" #">y</a></p>"##), "<p>x1 y</p>");
}

#[test]
fn nested_links_unwrapped() {
    assert_eq!(
        s(r#"<p><a href="/a">x<a href="/b">y</a></a></p>"#),
        r#"<p><a href="https://news.example.vn/a">xy</a></p>"#
    );
}

cases! {
    link_around_block_is_distributed_1: r#"<a href="/a"><p>Một</p><p>Hai</p></a>"# => r#"<p><a href="https://news.example.vn/a">Một</a></p><p><a href="https://news.example.vn/a">Hai</a></p>"#;
    link_around_block_is_distributed_2: r#"<a href="/a"><div>x</div><div>y</div></a>"# => r#"<p><a href="https://news.example.vn/a">x</a></p><p><a href="https://news.example.vn/a">y</a></p>"#;
}

// ---------- lists ----------

cases! {
    lists_1: "<ul>\n<li>a</li>\n<li>b</li>\n</ul>" => "<ul><li>a</li><li>b</li></ul>";
    lists_2: r#"<ol start="3" type="a"><li>a</li></ol>"# => r#"<ol start="3"><li>a</li></ol>"#;
    lists_3: r#"<ol start="x"><li>a</li></ol>"# => "<ol><li>a</li></ol>";
    lists_4: r#"<ol start="99999999999"><li>a</li></ol>"# => "<ol><li>a</li></ol>";
    lists_5: "<ul><li>a<ul><li>b</li></ul></li></ul>" => "<ul><li>a<ul><li>b</li></ul></li></ul>";
    // A list directly inside a list goes into the previous item.
    lists_6: "<ul><li>a</li><ul><li>b</li></ul></ul>" => "<ul><li>a<ul><li>b</li></ul></li></ul>";
    // Stray content becomes an item; blank items drop; empty lists drop.
    lists_7: "<ul>x<li>a</li><li> </li></ul><ul> </ul>" => "<ul><li>x</li><li>a</li></ul>";
    // Items outside a list are grouped into one.
    lists_8: "<li>a</li><li>b</li><p>c</p>" => "<ul><li>a</li><li>b</li></ul><p>c</p>";
    lists_9: "<ul><li><p>a</p><p>b</p></li></ul>" => "<ul><li><p>a</p><p>b</p></li></ul>";
    lists_10: "<menu><li>a</li></menu>" => "<ul><li>a</li></ul>";
}

cases! {
    definition_lists_1: "<dl><dt>A</dt><dd>a</dd><div><dt>B</dt><dd>b</dd></div></dl>" => "<dl><dt>A</dt><dd>a</dd><dt>B</dt><dd>b</dd></dl>";
    definition_lists_2: "<dl>x<dt>A</dt></dl>" => "<dl><dd>x</dd><dt>A</dt></dl>";
}

// ---------- tables ----------

#[test]
fn tables() {
    let html = r#"<table class="x" style="y"><caption>Bảng 1</caption><colgroup><col span=2></colgroup>
        <thead><tr><th scope="col" onclick="x">A</th><th scope="bogus">B</th></tr></thead>
        <tbody><tr><td colspan="2" rowspan="3">1</td></tr><tr><td colspan="1000">2</td><td rowspan="0">3</td></tr></tbody></table>"#;
    assert_eq!(
        s(html),
        r#"<table><caption>Bảng 1</caption><thead><tr><th scope="col">A</th><th>B</th></tr></thead><tbody><tr><td colspan="2" rowspan="3">1</td></tr><tr><td>2</td><td>3</td></tr></tbody></table>"#
    );
}

cases! {
    table_cells_keep_empty_cells_and_move_stray_content_1: "<table><tbody>stray<tr><td></td><td><p>a</p><p>b</p></td></tr></tbody></table>" => "<p>stray</p><table><tbody><tr><td></td><td><p>a</p><p>b</p></td></tr></tbody></table>";
    table_cells_keep_empty_cells_and_move_stray_content_2: "<table>a<tr>b<td>1</td>\n<td>2</td></tr><p>c</p></table>" => "<p>a</p><p>b</p><p>c</p><table><tr><td>1</td><td>2</td></tr></table>";
}

cases! {
    one_cell_layout_table_unwrapped_1: "<table><tbody><tr><td><p>a</p><p>b</p></td></tr></tbody></table>" => "<p>a</p><p>b</p>";
    one_cell_layout_table_unwrapped_2: "<table><tbody><tr><td>chữ</td></tr></tbody></table>after" => "<p>chữ</p><p>after</p>";
    one_cell_layout_table_unwrapped_3: "<table></table>" => "";
}

#[test]
fn table_parts_outside_tables_are_wrappers() {
    assert_eq!(s("<tr><td>a</td><td>b</td></tr>"), "<p>a</p><p>b</p>");
}

#[test]
fn image_table_becomes_figure() {
    let html = r#"<table class="image center"><tbody>
        <tr><td><img src="/anh/1.jpg" alt="Hội nghị" width="680" height="453"></td></tr>
        <tr><td class="image_desc"><p>Toàn cảnh hội nghị. Ảnh: MT</p></td></tr>
    </tbody></table><p>Tiếp</p>"#;
    assert_eq!(
        s(html),
        r#"[img https://news.example.vn/anh/1.jpg alt="Hội nghị" w=680 h=453 cap="Toàn cảnh hội nghị." credit="MT"]<p>Tiếp</p>"#
    );
}

// ---------- images and figures ----------

cases! {
    lone_image_and_attributes_1: r#"<img src="a.jpg" srcset="a-320.jpg 320w, a-640.jpg 640w" alt=" Ảnh " width="640" height="360px">"# => r#"[img https://news.example.vn/xa-hoi/a.jpg srcset="https://news.example.vn/xa-hoi/a-320.jpg 320w, https://news.example.vn/xa-hoi/a-640.jpg 640w" alt="Ảnh" w=640 h=360]"#;
    lone_image_and_attributes_2: r#"<img src="a.jpg" width="100%" height="0">"# => "[img https://news.example.vn/xa-hoi/a.jpg]";
}

cases! {
    image_in_paragraph_is_hoisted_1: r#"<p>trước <img src="/a.jpg"> sau</p>"# => "<p>trước</p>[img https://news.example.vn/a.jpg]<p>sau</p>";
    image_in_paragraph_is_hoisted_2: r#"<p><img src="/a.jpg"></p>"# => "[img https://news.example.vn/a.jpg]";
    image_in_paragraph_is_hoisted_3: r#"<p><a href="/big.jpg"><img src="/a.jpg"></a></p>"# => "[img https://news.example.vn/a.jpg]";
    image_in_paragraph_is_hoisted_4: r#"<p><a href="/x">xem <img src="/a.jpg"> tiếp</a></p>"# => r#"<p><a href="https://news.example.vn/x">xem </a></p>[img https://news.example.vn/a.jpg]<p><a href="https://news.example.vn/x"> tiếp</a></p>"#;
    image_in_paragraph_is_hoisted_5: r#"<ul><li>a <img src="/a.jpg"></li></ul>"# => "<ul><li><p>a</p>[img https://news.example.vn/a.jpg]</li></ul>";
    image_in_paragraph_is_hoisted_6: r#"<p><b>đậm <img src="/a.jpg"></b></p>"# => "<p><b>đậm </b></p>[img https://news.example.vn/a.jpg]";
}

#[test]
fn unusable_images_dropped() {
    for src in
        ["javascript:alert(1)", "data:image/png;base64,iVBOR", "vbscript:x", "mailto:a@b.c", "", "   ", "https://"]
    {
        assert_eq!(s(&format!(r#"<p>a</p><img src="{src}" alt="alt"><p>b</p>"#)), "<p>a</p><p>b</p>", "{src}");
    }
    assert_eq!(s("<img>"), "");
    // A declared 1x1 pixel is a tracker.
    assert_eq!(s(r#"<img src="/t.gif" width="1" height="1">"#), "");
}

#[test]
fn lazy_images() {
    let want = "[img https://news.example.vn/real.jpg]";
    for html in [
        r#"<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/real.jpg">"#,
        r#"<img src="/images/blank.gif" data-lazy-src="/real.jpg">"#,
        r#"<img src="/img/spacer.png" data-original="/real.jpg">"#,
        r#"<img src="/placeholder.svg" data-url="/real.jpg">"#,
        r#"<img data-src="/real.jpg">"#,
        r#"<img src="javascript:x" data-src="/real.jpg">"#,
        r#"<img src="/1x1.gif" data-src="/real.jpg">"#,
    ] {
        assert_eq!(s(html), want, "{html}");
    }
    // A real src wins over a lazy one.
    assert_eq!(s(r#"<img src="/a.jpg" data-src="/b.jpg">"#), "[img https://news.example.vn/a.jpg]");
    // Lazy srcset, and a srcset as the only source.
    assert_eq!(
        s(r#"<img src="data:," data-src="/r.jpg" srcset="data:image/gif;base64,AAA 1x" data-srcset="/r2.jpg 2x">"#),
        r#"[img https://news.example.vn/r.jpg srcset="https://news.example.vn/r2.jpg 2x"]"#
    );
    assert_eq!(
        s(r#"<img data-lazy-srcset="/r-1.jpg 1x, /r-2.jpg 2x">"#),
        r#"[img https://news.example.vn/r-1.jpg srcset="https://news.example.vn/r-1.jpg 1x, https://news.example.vn/r-2.jpg 2x"]"#
    );
    assert_eq!(s(r#"<img src="data:image/gif;base64,R0lGOD">"#), "");
}

#[test]
fn picture_element() {
    assert_eq!(
        s(r#"<picture><source srcset="/a.webp" type="image/webp"><img src="/a.jpg" alt="x"></picture>"#),
        r#"[img https://news.example.vn/a.jpg alt="x"]"#
    );
}

cases! {
    // Lazy image without a usable source, real one in the noscript right after.
    noscript_fallback_as_elements_1: r#"<div class="lazy"><img src="/blank.gif" class="lazy"><noscript><img src="/real.jpg" alt="r"></noscript></div>"# => r#"[img https://news.example.vn/real.jpg alt="r"]"#;
    // Noscript alone.
    noscript_fallback_as_elements_2: r#"<noscript><img src="/real.jpg"></noscript>"# => "[img https://news.example.vn/real.jpg]";
    // Usable lazy image: the noscript copy (even a different size) is not shown twice.
    noscript_fallback_as_elements_3: r#"<img data-src="/a.jpg"> <noscript><img src="/a-large.jpg"></noscript>"# => "[img https://news.example.vn/a.jpg]";
    // Other noscript content is dropped.
    noscript_fallback_as_elements_4: "<p>a</p><noscript><p>Bật JavaScript</p></noscript>" => "<p>a</p>";
}

#[test]
fn noscript_fallback_as_text() {
    let mut t = Tree::new();
    let d = t.el(0, "div", &[]);
    t.el(d, "img", &[("src", "data:image/gif;base64,R0l"), ("class", "lazy")]);
    let ns = t.el(d, "noscript", &[]);
    t.text(ns, r#"<IMG alt='Cầu &amp; sông' SRC="/real.jpg?a=1&amp;b=2" width=800 height = "600" onerror="alert(1)">"#);
    let r = sanitize(&t.root(), Some(BASE));
    assert_eq!(ser(&r.nodes), r#"[img https://news.example.vn/real.jpg?a=1&b=2 alt="Cầu & sông" w=800 h=600]"#);

    let mut t = Tree::new();
    let ns = t.el(0, "noscript", &[]);
    t.text(
        ns,
        r#"<p>Bật JS</p><img src="javascript:alert(1)"><img/src="/ok.jpg"><imgx src="/no.jpg"><img src='/unterminated"#,
    );
    let r = sanitize(&t.root(), Some(BASE));
    assert_eq!(ser(&r.nodes), "[img https://news.example.vn/ok.jpg][img https://news.example.vn/unterminated]");
}

#[test]
fn repeated_images_all_stay() {
    // Issue 11: the same picture twice is shown twice (table icons, formulas, galleries).
    assert_eq!(
        s(r#"<img src="/a.jpg" alt="1"><p>x</p><img src="https://news.example.vn/a.jpg" alt="2"><img src="/b.jpg">"#),
        r#"[img https://news.example.vn/a.jpg alt="1"]<p>x</p>[img https://news.example.vn/a.jpg alt="2"][img https://news.example.vn/b.jpg]"#
    );
}

cases! {
    figure_with_caption_and_credit_1: r#"<figure class="tplCaption"><img src="/a.jpg" alt="Lễ"><figcaption><p>Thủ tướng phát biểu kết luận. <em>Ảnh: MT</em></p></figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg alt="Lễ" cap="Thủ tướng phát biểu kết luận." credit="MT"]"#;
    figure_with_caption_and_credit_2: r#"<figure><img src="/a.jpg"><figcaption>Lễ khai mạc (Ảnh: TTXVN)</figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg cap="Lễ khai mạc" credit="TTXVN"]"#;
    figure_with_caption_and_credit_3: r#"<figure><img src="/a.jpg"><figcaption>Lễ   khai
            mạc<br>Photo by Jane Doe</figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg cap="Lễ khai mạc" credit="Jane Doe"]"#;
    figure_with_caption_and_credit_4: r#"<figure><img src="/a.jpg"><figcaption><p>Chú thích</p><p>Nguồn: Internet</p></figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg cap="Chú thích" credit="Internet"]"#;
    figure_with_caption_and_credit_5: r#"<figure><img src="/a.jpg"><figcaption>Ảnh: MT</figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg credit="MT"]"#;
    figure_with_caption_and_credit_6: r#"<figure><img src="/a.jpg"><figcaption> </figcaption></figure>"# => "[img https://news.example.vn/a.jpg]";
}

cases! {
    figure_credit_beside_figcaption_1: r#"<figure><img src="/a.jpg"><span class="credit">Ảnh: MT</span><figcaption>Chú thích</figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg cap="Chú thích" credit="MT"]"#;
    figure_credit_beside_figcaption_2: r#"<figure><img src="/a.jpg"><a class="zoom">Phóng to</a><figcaption>Chú thích</figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg cap="Chú thích"]"#;
}

#[test]
fn figure_caption_without_figcaption() {
    assert_eq!(
        s(
            r#"<figure><div class="img"><a href="/big.jpg"><img src="/a.jpg"></a></div><div class="caption">Cầu Rồng. Ảnh: Hữu Khoa</div></figure>"#
        ),
        r#"[img https://news.example.vn/a.jpg cap="Cầu Rồng." credit="Hữu Khoa"]"#
    );
}

cases! {
    figure_lazy_and_noscript_1: r#"<figure><img src="/blank.gif" data-src="/a.jpg"><noscript><img src="/a.jpg"></noscript><figcaption>C</figcaption></figure>"# => r#"[img https://news.example.vn/a.jpg cap="C"]"#;
    figure_lazy_and_noscript_2: r#"<figure><img src="/blank.gif"><noscript><img src="/n.jpg"></noscript><figcaption>C</figcaption></figure>"# => r#"[img https://news.example.vn/n.jpg cap="C"]"#;
}

#[test]
fn figure_with_several_pictures_is_a_gallery_with_its_caption() {
    assert_eq!(
        s(r#"<figure><img src="/1.jpg"><img src="/2.jpg"><figcaption>Hai ảnh. Ảnh: A</figcaption></figure>"#),
        r#"[gallery cap="Hai ảnh."][img https://news.example.vn/1.jpg][img https://news.example.vn/2.jpg credit="A"][/gallery]"#
    );
}

cases! {
    figure_without_image_keeps_content_1: "<figure><blockquote>Trích dẫn</blockquote><figcaption>Tác giả</figcaption></figure>" => "<blockquote>Trích dẫn</blockquote><p>Tác giả</p>";
    // An iframe becomes a link to its page; the figcaption is its title.
    figure_without_image_keeps_content_2: r#"<figure><iframe src="https://youtube.com/x"></iframe><figcaption>Video</figcaption></figure>"# => r#"[frame https://youtube.com/x host=youtube.com title="Video"]"#;
}

#[test]
fn figure_with_long_text_is_a_wrapper() {
    let long = "chữ ".repeat(200);
    let html = format!(r#"<figure><img src="/a.jpg"><p>{long}</p></figure>"#);
    let out = s(&html);
    assert!(out.starts_with("[img https://news.example.vn/a.jpg]<p>chữ"), "{out}");
}

#[test]
fn credit_only_when_at_end() {
    assert_eq!(
        s(r#"<figure><img src="/a.jpg"><figcaption>Ảnh hưởng của bão số 3</figcaption></figure>"#),
        r#"[img https://news.example.vn/a.jpg cap="Ảnh hưởng của bão số 3"]"#
    );
}

// ---------- repeats ----------

#[test]
fn repeated_picture_keeps_every_caption() {
    // Readability `toc-missing` and `dev418`: every copy stays with its own caption.
    let html = r#"<figure><img src="/c.png"><figcaption>Status 400</figcaption></figure><p>text</p><img src="/c.png"><figure><img src="/c.png"><figcaption>Anomaly</figcaption></figure>"#;
    assert_eq!(
        s(html),
        r#"[img https://news.example.vn/c.png cap="Status 400"]<p>text</p>[img https://news.example.vn/c.png][img https://news.example.vn/c.png cap="Anomaly"]"#
    );
}

#[test]
fn one_picture_in_two_sizes_in_the_body_is_two_figures() {
    // Only the lead's own size variants are merged (crate::prepare); in the body
    // every picture the author placed stays.
    assert_eq!(
        s(r#"<img src="/a.jpg?w=300"><p>x</p><img src="/a.jpg?w=1200">"#),
        "[img https://news.example.vn/a.jpg?w=300]<p>x</p>[img https://news.example.vn/a.jpg?w=1200]"
    );
}

#[test]
fn visible_text_includes_captions() {
    let r = run(
        r#"<p>Một</p><figure><img src="/a.jpg"><figcaption>Cap. Ảnh: MT</figcaption></figure><ul><li>Hai</li></ul>"#,
    );
    let t = visible_text(&r.nodes);
    assert!(t.contains("Một") && t.contains("Cap.") && t.contains("MT") && t.contains("Hai"), "{t}");
}

// ---------- limits ----------

/// Runs `f` on a thread with a small stack (like the wasm default of 1 MB).
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 20).spawn(f).unwrap().join().unwrap()
}

#[test]
fn ten_thousand_levels_deep() {
    small_stack(|| {
        for tag in ["div", "b", "span", "blockquote", "ul", "a", "table", "figure", "p"] {
            let mut t = Tree::new();
            t.text(0, "đầu ");
            let mut cur = t.el(0, tag, &[("href", "/x")]);
            for i in 0..10_000 {
                if i == 30 {
                    t.text(cur, "giữa ");
                }
                cur = t.el(cur, tag, &[("href", "/x")]);
            }
            t.text(cur, "đáy sâu");
            let sc = t.el(cur, "script", &[]);
            t.text(sc, "SECRET");
            let r = sanitize(&t.root(), Some(BASE));
            let text = visible_text(&r.nodes);
            assert!(text.contains("đầu") && text.contains("giữa") && text.contains("đáy sâu"), "{tag}: {text}");
            assert!(!text.contains("SECRET"), "{tag}");
            assert!(!r.truncated);
            drop(r);
        }
    });
}

#[test]
fn deep_nesting_through_the_reader() {
    small_stack(|| {
        let html = format!("{}text{}", "<div><section>".repeat(6000), "</section></div>".repeat(6000));
        let r = sanitize(&parse(&html).root(), None);
        assert_eq!(ser(&r.nodes), "<p>text</p>");
    });
}

#[test]
fn hundred_thousand_paragraphs() {
    let mut t = Tree::new();
    for i in 0..100_000 {
        let p = t.el(0, "p", &[]);
        t.text(p, if i % 2 == 0 { "Đoạn văn chẵn." } else { "Đoạn văn lẻ." });
    }
    let start = Instant::now();
    let r = sanitize(&t.root(), Some(BASE));
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(!r.truncated);
    assert_eq!(r.nodes.len(), 100_000);

    // With whitespace between paragraphs the default node limit is reached.
    let mut t = Tree::new();
    for _ in 0..100_000 {
        let p = t.el(0, "p", &[]);
        t.text(p, "x");
        t.text(0, "\n");
    }
    let r = sanitize(&t.root(), Some(BASE));
    assert!(r.truncated);
    assert!(r.nodes.len() < 100_000 && r.nodes.len() > 60_000, "{}", r.nodes.len());
    let lim = Limits { max_nodes: 1_000_000, ..Limits::default() };
    let r = sanitize_with(&t.root(), Some(BASE), &lim);
    assert!(!r.truncated);
    assert_eq!(r.nodes.len(), 100_000);
}

#[test]
fn node_limit_truncates() {
    let lim = Limits { max_nodes: 10, ..Limits::default() };
    let html = "<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>7</p><p>8</p>";
    let r = sanitize_with(&parse(html).root(), None, &lim);
    assert!(r.truncated);
    assert_eq!(ser(&r.nodes), "<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>");
}

#[test]
fn text_limit_truncates_at_char_boundary() {
    let lim = Limits { max_text_bytes: 10, ..Limits::default() };
    let r = sanitize_with(&parse("<p>ầầầầ</p><p>more</p>").root(), None, &lim);
    assert!(r.truncated);
    assert_eq!(ser(&r.nodes), "<p>ầầầ</p>");
}

#[test]
fn depth_limit_flattens_with_word_breaks() {
    let lim = Limits { max_depth: 3, ..Limits::default() };
    let html = "<div><div><div><div><p>a</p><p>b</p><script>x</script><noscript>y</noscript><img src=/i.jpg>c</div></div></div></div>";
    let r = sanitize_with(&parse(html).root(), None, &lim);
    assert_eq!(ser(&r.nodes), "<p>a b c</p>");
}

#[test]
fn arbitrary_markup_never_panics() {
    let pieces = [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<a href=/x>",
        "<a href=javascript:x>",
        "</a>",
        "<img src=/i.jpg>",
        "<img data-src=/j.jpg src=data:,>",
        "<noscript>",
        "</noscript>",
        "<figure>",
        "</figure>",
        "<figcaption>Ảnh: X",
        "</figcaption>",
        "<table>",
        "<tr>",
        "<td colspan=3>",
        "</td>",
        "</tr>",
        "</table>",
        "<ul>",
        "<li>",
        "</ul>",
        "<br>",
        "<br>",
        "text ",
        "ệ ",
        "&nbsp;",
        "<h1>",
        "</h1>",
        "<pre>",
        "</pre>",
        "<b>",
        "</b>",
        "<span lang=vi>",
        "</span>",
        "<script>alert(1)</script>",
        "<dl>",
        "<dt>",
        "<dd>",
        "<caption>",
        "<thead>",
        "<blockquote>",
        "<hr>",
    ];
    let mut seed = 0x2545F4914F6CDD1Du64;
    for _ in 0..400 {
        let mut html = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            html.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        for base in [None, Some(BASE)] {
            let r = sanitize(&parse(&html).root(), base);
            let out = ser(&r.nodes);
            assert!(!out.contains("alert") && !out.contains("javascript"), "{html}\n{out}");
        }
    }
}

#[test]
fn text_nodes_and_comments_at_root() {
    let mut t = Tree::new();
    t.add(0, D::Comment);
    t.text(0, "  Xin chào  ");
    t.add(0, D::Comment);
    t.text(0, "thế giới");
    assert_eq!(ser(&sanitize(&t.root(), None).nodes), "<p>Xin chào  thế giới</p>");
}

cases! {
    credit_paragraph_after_image_becomes_caption_1: r#"<p style="text-align:center"><img src="/a.jpg"></p><p style="text-align:center"><em>Toàn cảnh hội nghị. Ảnh: MT</em></p><p>Nội dung.</p>"# => r#"[img https://news.example.vn/a.jpg cap="Toàn cảnh hội nghị." credit="MT"]<p>Nội dung.</p>"#;
    // Tuổi Trẻ-style photo block.
    credit_paragraph_after_image_becomes_caption_2: r#"<div type="Photo"><div><a href="/a-big.jpg"><img src="/a.jpg" alt="x"></a></div><div class="PhotoCMS_Caption"><p>Người dân xuống đường - Ảnh: HỮU KHOA</p></div></div>"# => r#"[img https://news.example.vn/a.jpg alt="x" cap="Người dân xuống đường" credit="HỮU KHOA"]"#;
    credit_paragraph_after_image_becomes_caption_3: r#"<p><img src="/a.jpg"><br><em>Ảnh: MT</em></p>"# => r#"[img https://news.example.vn/a.jpg credit="MT"]"#;
    // No credit, a link, or already captioned: stays a paragraph.
    credit_paragraph_after_image_becomes_caption_4: r#"<img src="/a.jpg"><p>Đoạn tiếp theo.</p>"# => "[img https://news.example.vn/a.jpg]<p>Đoạn tiếp theo.</p>";
    credit_paragraph_after_image_becomes_caption_5: r#"<img src="/a.jpg"><p><a href="/s">Xem</a>. Nguồn: X</p>"# => r#"[img https://news.example.vn/a.jpg]<p><a href="https://news.example.vn/s">Xem</a>. Nguồn: X</p>"#;
    credit_paragraph_after_image_becomes_caption_6: r#"<figure><img src="/a.jpg"><figcaption>Cap</figcaption></figure><p>Khác. Ảnh: Y</p>"# => r#"[img https://news.example.vn/a.jpg cap="Cap"]<p>Khác. Ảnh: Y</p>"#;
}

#[test]
fn depth_limit_inline_stays_inline() {
    let lim = Limits { max_depth: 2, ..Limits::default() };
    let r = sanitize_with(&parse("<p><span>a <b><i>đậm</i></b> c</span></p>").root(), None, &lim);
    assert_eq!(ser(&r.nodes), "<p>a đậm c</p>");
}
