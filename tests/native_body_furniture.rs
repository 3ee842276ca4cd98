//! Content furniture through the sanitizer: media, video facades, other
//! frames, social posts, galleries, details, pull quotes. One case per test.
mod native_body_tree;

use article_reader::body::sanitize;
use native_body_tree::{parse, ser};

const BASE: &str = "https://news.example.vn/xa-hoi/bai.html";

fn s(html: &str) -> String {
    ser(&sanitize(&parse(html).root(), Some(BASE)).nodes)
}

/// `name: html => expected serialization;`, one `#[test]` each.
macro_rules! cases {
    ($($name:ident: $html:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let want: &str = &$want;
            assert_eq!(s($html), want);
        }
    )*};
}

// No provider thumbnail: a YouTube poster from i.ytimg.com would be a request before the tap.
const YT: &str = "[facade YouTube https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0 page=https://www.youtube.com/watch?v=dQw4w9WgXcQ";

cases! {
    video_keeps_http_sources_not_its_poster:
        r#"<video controls autoplay src="/v.mp4" poster="/p.jpg" onplay="x()"><source src="https://cdn.vn/v.webm" type="video/webm"><source src="javascript:alert(1)">Trình duyệt không hỗ trợ</video>"#
        => r#"[video https://news.example.vn/v.mp4 https://cdn.vn/v.webm (video/webm)]"#;
    video_without_a_usable_source_is_dropped:
        r#"<p>a</p><video src="javascript:alert(1)"><source src="data:video/mp4,AAAA">fallback</video><p>b</p>"#
        => "<p>a</p><p>b</p>";
    audio_keeps_its_sources_without_poster:
        r#"<audio src="/a.mp3" poster="/p.jpg"></audio>"#
        => "[audio https://news.example.vn/a.mp3]";
    video_in_a_figure_takes_the_figcaption:
        r#"<figure class="wp-block-video"><video src="/v.mp4"></video><figcaption>Clip  hiện trường</figcaption></figure>"#
        => r#"[video https://news.example.vn/v.mp4 cap="Clip hiện trường"]"#;
    youtube_iframe_becomes_a_facade:
        r#"<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" title="Bài hát" allow="autoplay" allowfullscreen></iframe>"#
        => &[YT, " title=\"Bài hát\"]"].concat();
    youtube_iframe_with_a_hostile_id_is_a_plain_link:
        r#"<iframe src="https://www.youtube.com/embed/x&quot;onload=&quot;alert(1)"></iframe>"#
        => r#"[frame https://www.youtube.com/embed/x"onload="alert(1) host=www.youtube.com]"#;
    vimeo_iframe_becomes_a_facade:
        r#"<iframe src="https://player.vimeo.com/video/76979871"></iframe>"#
        => "[facade Vimeo https://player.vimeo.com/video/76979871?autoplay=1&dnt=1 page=https://vimeo.com/76979871]";
    facebook_video_iframe_becomes_a_facade:
        r#"<iframe src="https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2Fvtv24%2Fvideos%2F1%2F&show_text=false"></iframe>"#
        => "[facade Facebook https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fvtv24%2Fvideos%2F1%2F&show_text=false&autoplay=true page=https://www.facebook.com/vtv24/videos/1/]";
    other_iframe_becomes_a_link_to_its_host:
        r#"<p>Bản đồ:</p><iframe src="https://maps.example.com/embed?pb=1" title="Bản đồ"></iframe>"#
        => r#"<p>Bản đồ:</p>[frame https://maps.example.com/embed?pb=1 host=maps.example.com title="Bản đồ"]"#;
    iframe_with_a_script_url_is_dropped:
        r#"<p>a</p><iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><p>b</p>"#
        => "<p>a</p><p>b</p>";
    lazy_iframe_reads_data_src:
        r#"<iframe src="about:blank" data-src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>"#
        => &[YT, "]"].concat();
    wordpress_youtube_embed_block_with_caption:
        r#"<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper"><iframe title="Clip" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe></div><figcaption>Phóng sự</figcaption></figure>"#
        => &[YT, " title=\"Clip\" cap=\"Phóng sự\"]"].concat();
    wordpress_embed_block_with_only_the_url:
        r#"<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div></figure>"#
        => &[YT, "]"].concat();
    wordpress_embed_block_image_is_the_poster:
        r#"<figure class="wp-block-embed"><div class="wp-block-embed__wrapper"><img src="/poster.jpg"><iframe src="https://player.vimeo.com/video/1"></iframe></div></figure>"#
        => r#"[facade Vimeo https://player.vimeo.com/video/1?autoplay=1&dnt=1 page=https://vimeo.com/1 poster="https://news.example.vn/poster.jpg"]"#;
    wordpress_embed_block_of_another_site_is_a_link:
        r#"<figure class="wp-block-embed is-provider-spotify"><div class="wp-block-embed__wrapper">https://open.spotify.com/track/1</div></figure>"#
        => "[frame https://open.spotify.com/track/1 host=open.spotify.com]";
    tweet_becomes_a_quote_card_with_its_link:
        r#"<blockquote class="twitter-tweet" data-width="550"><p lang="vi" dir="ltr">Tin nóng <a href="https://t.co/abc">pic.twitter.com/abc</a></p>— Báo (@bao) <a href="https://twitter.com/bao/status/123?ref_src=twsrc%5Etfw">May 1, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>"#
        => r#"[post X url="https://twitter.com/bao/status/123?ref_src=twsrc%5Etfw"]<p lang="vi" dir="ltr">Tin nóng <a href="https://t.co/abc" rel="noopener noreferrer" target="_blank">pic.twitter.com/abc</a></p><p>— Báo (@bao) <a href="https://twitter.com/bao/status/123?ref_src=twsrc%5Etfw" rel="noopener noreferrer" target="_blank">May 1, 2024</a></p>[/post]"#;
    tweet_inside_a_wordpress_embed_block:
        r#"<figure class="wp-block-embed is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet"><p>Xin chào</p><a href="https://x.com/a/status/9">link</a></blockquote></div></figure>"#
        => r#"[post X url="https://x.com/a/status/9"]<p>Xin chào</p><p><a href="https://x.com/a/status/9" rel="noopener noreferrer" target="_blank">link</a></p>[/post]"#;
    instagram_post_uses_its_permalink:
        r#"<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cabc/?utm_source=ig_embed" style="x"><div><p>Ảnh đẹp</p></div></blockquote>"#
        => r#"[post Instagram url="https://www.instagram.com/p/Cabc/?utm_source=ig_embed"]<p>Ảnh đẹp</p>[/post]"#;
    tiktok_post_uses_its_cite:
        r#"<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/1" data-video-id="1"><section><a href="https://www.tiktok.com/@a">@a</a> Nhảy</section></blockquote>"#
        => r#"[post TikTok url="https://www.tiktok.com/@a/video/1"]<p><a href="https://www.tiktok.com/@a" rel="noopener noreferrer" target="_blank">@a</a> Nhảy</p>[/post]"#;
    facebook_post_uses_its_data_href:
        r#"<div class="fb-post" data-href="https://www.facebook.com/vtv/posts/1" data-width="500"><blockquote cite="https://www.facebook.com/vtv/posts/1" class="fb-xfbml-parse-ignore"><p>Bài viết</p></blockquote></div>"#
        => r#"[post Facebook url="https://www.facebook.com/vtv/posts/1"]<blockquote><p>Bài viết</p></blockquote>[/post]"#;
    post_link_to_another_site_is_not_the_post_url:
        r#"<blockquote class="instagram-media" data-instgrm-permalink="https://evil.example/p/1"><p>x</p></blockquote>"#
        => "[post Instagram]<p>x</p>[/post]";
    gallery_block_keeps_every_picture_and_caption:
        r#"<figure class="wp-block-gallery has-nested-images columns-3"><figure class="wp-block-image"><img src="/1.jpg" alt="Một"><figcaption>Ảnh một</figcaption></figure><figure class="wp-block-image"><img src="/2.jpg"><figcaption>Ảnh hai. Ảnh: MT</figcaption></figure><figure class="wp-block-image"><img src="/1.jpg"></figure><figcaption class="blocks-gallery-caption">Bộ ảnh</figcaption></figure>"#
        => r#"[gallery cap="Bộ ảnh"][img https://news.example.vn/1.jpg alt="Một" cap="Ảnh một"][img https://news.example.vn/2.jpg cap="Ảnh hai." credit="MT"][img https://news.example.vn/1.jpg][/gallery]"#;
    gallery_list_form_keeps_every_picture:
        r#"<ul class="wp-block-gallery columns-2"><li class="blocks-gallery-item"><figure><img src="/1.jpg"><figcaption>A</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="/2.jpg"><figcaption>B</figcaption></figure></li></ul>"#
        => r#"[gallery][img https://news.example.vn/1.jpg cap="A"][img https://news.example.vn/2.jpg cap="B"][/gallery]"#;
    gallery_shortcode_reads_each_caption:
        r#"<div id="gallery-1" class="gallery galleryid-5 gallery-columns-3"><dl class="gallery-item"><dt class="gallery-icon"><a href="/a/1"><img src="/1-150x150.jpg"></a></dt><dd class="wp-caption-text gallery-caption">Một</dd></dl><dl class="gallery-item"><dt class="gallery-icon"><a href="/a/2"><img src="/2-150x150.jpg"></a></dt><dd class="wp-caption-text gallery-caption">Hai</dd></dl><br style="clear: both"></div>"#
        => r#"[gallery][img https://news.example.vn/1-150x150.jpg cap="Một"][img https://news.example.vn/2-150x150.jpg cap="Hai"][/gallery]"#;
    gallery_with_one_picture_is_a_figure:
        r#"<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/1.jpg"><figcaption>A</figcaption></figure></figure>"#
        => r#"[img https://news.example.vn/1.jpg cap="A"]"#;
    figure_group_of_figures_with_a_caption_is_a_gallery:
        r#"<figure><figure><img src="/1.jpg"></figure><figure><img src="/2.jpg"></figure><figcaption>Hai ảnh</figcaption></figure>"#
        => r#"[gallery cap="Hai ảnh"][img https://news.example.vn/1.jpg][img https://news.example.vn/2.jpg][/gallery]"#;
    details_and_summary_are_kept:
        r#"<details open class="x"><summary>Xem thêm</summary><p>Nội dung ẩn</p></details><details><summary>Đóng</summary>Chữ</details>"#
        => r#"<details open=""><summary>Xem thêm</summary><p>Nội dung ẩn</p></details><details><summary>Đóng</summary><p>Chữ</p></details>"#;
    pull_quote_is_a_blockquote_with_its_citation:
        r#"<figure class="wp-block-pullquote"><blockquote><p>Câu trích</p><cite>Tác giả</cite></blockquote></figure>"#
        => "<blockquote><p>Câu trích</p><p><cite>Tác giả</cite></p></blockquote>";
    code_block_keeps_its_whitespace:
        "<pre class=\"wp-block-code\"><code>fn main() {\n    x();\n}</code></pre>"
        => "<pre><code>fn main() {\n    x();\n}</code></pre>";
    table_with_caption_and_head_is_kept:
        r#"<figure class="wp-block-table"><table><caption>Giá</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><figcaption>Nguồn: Bộ</figcaption></figure>"#
        => "<table><caption>Giá</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><p>Nguồn: Bộ</p>";
    footnote_reference_and_back_link_are_kept:
        r##"<p>Số liệu<sup id="ref1"><a href="#fn1">1</a></sup>.</p><ol><li id="fn1">Nguồn. <a href="#ref1">↩</a></li></ol>"##
        => r#"<p>Số liệu<sup id="ar-fn-ref1">[note #ar-fn-fn1]1[/note]</sup>.</p><ol><li id="ar-fn-fn1">Nguồn. [note #ar-fn-ref1]↩[/note]</li></ol>"#;
    wordpress_footnote_link_ids_are_kept:
        r##"<p>A<sup class="fn"><a href="#u1" id="u1-link">1</a></sup></p><ol class="wp-block-footnotes"><li id="u1">Note <a href="#u1-link">↩︎</a></li></ol>"##
        => r#"<p>A<sup>[note #ar-fn-u1 id="ar-fn-u1-link"]1[/note]</sup></p><ol><li id="ar-fn-u1">Note [note #ar-fn-u1-link]↩︎[/note]</li></ol>"#;
    in_page_link_without_a_target_is_unwrapped:
        r##"<p>x<a href="#nowhere">1</a> <a href="#">y</a> <a href="#bad id">z</a></p><p id="unused">t</p>"##
        => "<p>x1 y z</p><p>t</p>";
    repeated_table_icons_all_stay:
        r#"<table><tr><td><img src="/ok.png"></td><td><img src="/ok.png"></td></tr><tr><td><img src="/ok.png"></td><td>x</td></tr></table>"#
        => "<table><tr><td>[img https://news.example.vn/ok.png]</td><td>[img https://news.example.vn/ok.png]</td></tr><tr><td>[img https://news.example.vn/ok.png]</td><td>x</td></tr></table>";
}

#[test]
fn the_furniture_fixture_keeps_every_kind() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/furniture/post.html")).unwrap();
    let out = s(&html);
    let count = |needle: &str| out.matches(needle).count();
    assert_eq!(count("[facade YouTube"), 1, "{out}");
    assert_eq!(count("[facade Vimeo"), 1);
    assert_eq!(count("[facade Facebook"), 1);
    assert_eq!(count("[frame "), 1);
    assert_eq!(count("[gallery"), 1);
    assert_eq!(count("[img "), 6, "six gallery photos");
    assert_eq!(count(" cap=\""), 6 + 4, "six photo captions, gallery, two media and the YouTube caption");
    for network in ["X", "Instagram", "TikTok", "Facebook"] {
        assert_eq!(count(&format!("[post {network} url=")), 1, "{network}");
    }
    assert_eq!(count("[video "), 1);
    assert_eq!(count("[audio "), 1);
    assert_eq!(count("<table><caption>"), 1);
    assert_eq!(count("<details>"), 1);
    assert_eq!(count("[note #"), 2);
    assert!(!out.contains("script") && !out.contains("iframe"), "{out}");
}
