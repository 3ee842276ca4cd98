//! UI strings in Vietnamese (default) and English. Pure Rust.

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A language tag whose primary subtag is neither `vi` nor `en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownLang;

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    /// Reads a language tag by its primary subtag (`vi`, `vi-VN`, `en-US`, `EN_gb`...).
    fn from_str(tag: &str) -> Result<Lang, UnknownLang> {
        match crate::article::lang::primary_subtag(tag).as_str() {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang),
        }
    }
}

/// English month abbreviations as `Intl.DateTimeFormat("en-GB", {month: "short"})` writes them.
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

impl Lang {
    /// A wall-clock date (and time when `dt.has_time`) as readers of the language
    /// write it, the same text `Intl.DateTimeFormat` gives for the language's tag:
    /// Vietnamese `19/12/2019 16:00`, English `19 Dec 2019, 16:00`. Built here so a
    /// page creates no formatter per shape (each costs milliseconds on a phone).
    pub fn date_label(self, dt: &crate::model::article::DateTime) -> String {
        use crate::article::datetime::push_num;
        let mut s = String::with_capacity(20);
        let year = dt.year.clamp(0, 9999) as u32;
        match self {
            Lang::Vi => {
                push_num(&mut s, u32::from(dt.day), 2);
                s.push('/');
                push_num(&mut s, u32::from(dt.month), 2);
                s.push('/');
                push_num(&mut s, year, 1);
            }
            Lang::En => {
                push_num(&mut s, u32::from(dt.day), 1);
                s.push(' ');
                s.push_str(MONTHS_EN.get(usize::from(dt.month.max(1) - 1)).copied().unwrap_or(""));
                s.push(' ');
                push_num(&mut s, year, 1);
            }
        }
        if dt.has_time {
            s.push_str(if self == Lang::Vi { " " } else { ", " });
            push_num(&mut s, u32::from(dt.hour), 2);
            s.push(':');
            push_num(&mut s, u32::from(dt.minute), 2);
        }
        s
    }

    /// BCP 47 tag for `Intl` and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi-VN",
            Lang::En => "en-GB",
        }
    }

    /// Writing direction of the UI strings (both languages are left-to-right).
    /// Set with `lang` on UI text inside `<article>`, whose language and
    /// direction are the article's own.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    /// The strings of this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// Every user-visible string of the widget.
#[derive(Debug)]
pub struct Strings {
    pub loading: &'static str,
    pub other_sections: &'static str,
    pub related: &'static str,
    pub tags: &'static str,
    pub by: &'static str,
    pub updated: &'static str,
    pub photo: &'static str,
    pub untitled: &'static str,
    pub reading_minutes: &'static str,
    pub font_smaller: &'static str,
    pub font_reset: &'static str,
    pub font_larger: &'static str,
    /// Announced after a font change; `{}` is the percentage.
    pub font_size_is: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_sepia: &'static str,
    pub theme_dark: &'static str,
    pub listen: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    pub controls: &'static str,
    /// Accessible name of a wide table's scroll box.
    pub table: &'static str,
    /// Video facade button, followed by ": <title>" or " (<provider>)".
    pub play_video: &'static str,
    /// Link to a video's page, followed by the provider ("Watch on YouTube").
    pub watch_on: &'static str,
    /// Link that replaces an unknown iframe, followed by ": <host>".
    pub embedded_content: &'static str,
    /// Link of a social post card, followed by the network ("View the post on X").
    pub view_post_on: &'static str,
    /// Accessible name of a gallery without a caption.
    pub gallery: &'static str,
    /// Fallback link inside `<video>`/`<audio>` for browsers that cannot play it.
    pub open_media: &'static str,
    pub retry: &'static str,
    pub open_original: &'static str,
    pub truncated: &'static str,
    pub err_http_404: &'static str,
    pub err_http_4xx: &'static str,
    pub err_http_5xx: &'static str,
    pub err_timeout: &'static str,
    pub err_network: &'static str,
    pub err_not_json: &'static str,
    pub err_format: &'static str,
    pub err_empty: &'static str,
    pub err_config: &'static str,
    pub err_too_large: &'static str,
    /// The article could not be put on the page (a browser call failed mid-render).
    pub err_runtime: &'static str,
}

static VI: Strings = Strings {
    loading: "Đang tải bài viết…",
    other_sections: "Chuyên mục khác",
    related: "Tin liên quan",
    tags: "Từ khóa",
    by: "Tác giả",
    updated: "Cập nhật",
    photo: "Ảnh",
    untitled: "Bài viết không có tiêu đề",
    reading_minutes: "phút đọc",
    font_smaller: "Giảm cỡ chữ",
    font_reset: "Cỡ chữ mặc định",
    font_larger: "Tăng cỡ chữ",
    font_size_is: "Cỡ chữ",
    theme: "Giao diện",
    theme_auto: "Tự động",
    theme_light: "Sáng",
    theme_sepia: "Giấy cũ",
    theme_dark: "Tối",
    listen: "Nghe bài viết",
    pause: "Tạm dừng",
    resume: "Nghe tiếp",
    stop: "Dừng đọc",
    controls: "Tùy chọn đọc",
    table: "Bảng",
    play_video: "Phát video",
    watch_on: "Xem trên",
    embedded_content: "Nội dung nhúng",
    view_post_on: "Xem bài đăng trên",
    gallery: "Bộ ảnh",
    open_media: "Mở tệp",
    retry: "Thử lại",
    open_original: "Mở bài viết gốc",
    truncated: "Bài viết quá dài, phần còn lại có trong bài gốc.",
    err_http_404: "Không tìm thấy bài viết (lỗi 404).",
    err_http_4xx: "Máy chủ từ chối yêu cầu tải bài viết.",
    err_http_5xx: "Máy chủ đang gặp sự cố, chưa tải được bài viết.",
    err_timeout: "Tải bài viết quá lâu, đã hết thời gian chờ.",
    err_network: "Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng.",
    err_not_json: "Dữ liệu bài viết bị lỗi, không đọc được.",
    err_format: "Dữ liệu bài viết không đúng định dạng được hỗ trợ.",
    err_empty: "Bài viết không có nội dung để hiển thị.",
    err_config: "Tiện ích đọc báo chưa được cấu hình đúng (thiếu địa chỉ bài viết).",
    err_too_large: "Bài viết quá lớn để hiển thị.",
    err_runtime: "Không hiển thị được bài viết trên trang này.",
};

static EN: Strings = Strings {
    loading: "Loading article…",
    other_sections: "Other sections",
    related: "Related articles",
    tags: "Tags",
    by: "By",
    updated: "Updated",
    photo: "Photo",
    untitled: "Untitled article",
    reading_minutes: "min read",
    font_smaller: "Smaller text",
    font_reset: "Default text size",
    font_larger: "Larger text",
    font_size_is: "Text size",
    theme: "Theme",
    theme_auto: "Auto",
    theme_light: "Light",
    theme_sepia: "Sepia",
    theme_dark: "Dark",
    listen: "Listen",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    controls: "Reading options",
    table: "Table",
    play_video: "Play video",
    watch_on: "Watch on",
    embedded_content: "Embedded content",
    view_post_on: "View the post on",
    gallery: "Gallery",
    open_media: "Open the file",
    retry: "Try again",
    open_original: "Open the original article",
    truncated: "This article is very long; the rest is in the original.",
    err_http_404: "Article not found (error 404).",
    err_http_4xx: "The server refused the request for this article.",
    err_http_5xx: "The server has a problem; the article could not be loaded.",
    err_timeout: "The article took too long to load.",
    err_network: "Could not reach the server. Please check your connection.",
    err_not_json: "The article data is damaged and cannot be read.",
    err_format: "The article data is not in a supported format.",
    err_empty: "This article has nothing to show.",
    err_config: "The reader widget is not configured (no article address).",
    err_too_large: "This article is too large to display.",
    err_runtime: "The article could not be shown on this page.",
};
