//! Splitting a photo credit off the end of a caption ("... Ảnh: MT").

/// Returns (caption, credit).
pub fn split_credit(text: &str) -> (Option<String>, Option<String>) {
    let t = text.trim();
    (Some(t.to_owned()).filter(|s| !s.is_empty()), None)
}
