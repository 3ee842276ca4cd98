//! Why an article could not be shown: a typed kind (the `kind` of the
//! `article-reader:error` event), the HTTP status, a developer-facing detail and
//! the localized message readers see. Pure Rust, tested natively.

use crate::i18n::Lang;

/// The kinds of failure, as documented in the README's errors-and-limits table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The server answered with a non-2xx status (`status` holds it).
    Http,
    /// No response within the `timeout` (default 10 s).
    Timeout,
    /// The request failed: offline, DNS, CORS, connection reset.
    Network,
    /// The response is not JSON (HTML error page, truncated, empty).
    Parse,
    /// JSON of the wrong shape or of no supported format.
    Format,
    /// The article has nothing to show (no title, lede or body).
    Empty,
    /// The widget is misconfigured (no `src`, a non-http(s) `src`, bad options).
    Config,
    /// The response or the article JSON is larger than 32 MB.
    TooLarge,
    /// A browser call failed while the article was put on the page.
    Runtime,
}

impl FailureKind {
    /// The event's `kind` string.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Http => "http",
            FailureKind::Timeout => "timeout",
            FailureKind::Network => "network",
            FailureKind::Parse => "parse",
            FailureKind::Format => "format",
            FailureKind::Empty => "empty",
            FailureKind::Config => "config",
            FailureKind::TooLarge => "too-large",
            FailureKind::Runtime => "runtime",
        }
    }
}

/// What went wrong, for the message, the Retry button and the error event.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub kind: FailureKind,
    pub status: Option<u16>,
    /// Developer-facing English detail (event and console); readers see a localized text.
    pub detail: String,
    /// Where the reader can still read the article, when known.
    pub article_url: Option<String>,
}

impl Failure {
    /// A failure without a status or fallback link.
    pub fn new(kind: FailureKind, status: Option<u16>, detail: impl Into<String>) -> Failure {
        Failure { kind, status, detail: detail.into(), article_url: None }
    }

    /// Transient failures get a Retry button.
    pub fn retryable(&self) -> bool {
        match self.kind {
            FailureKind::Timeout | FailureKind::Network => true,
            FailureKind::Http => self.status.is_none_or(|s| s >= 500 || s == 408 || s == 429),
            _ => false,
        }
    }

    /// The localized message a reader sees.
    pub fn message(&self, lang: Lang) -> &'static str {
        let t = lang.t();
        match (self.kind, self.status) {
            (FailureKind::Http, Some(404 | 410)) => t.err_http_404,
            (FailureKind::Http, Some(s)) if s < 500 => t.err_http_4xx,
            (FailureKind::Http, _) => t.err_http_5xx,
            (FailureKind::Timeout, _) => t.err_timeout,
            (FailureKind::Network, _) => t.err_network,
            (FailureKind::Parse, _) => t.err_not_json,
            (FailureKind::Empty, _) => t.err_empty,
            (FailureKind::Config, _) => t.err_config,
            (FailureKind::TooLarge, _) => t.err_too_large,
            (FailureKind::Runtime, _) => t.err_runtime,
            (FailureKind::Format, _) => t.err_format,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16) -> Failure {
        Failure::new(FailureKind::Http, Some(status), "")
    }

    #[test]
    fn server_errors_and_throttling_are_retryable() {
        for s in [500, 502, 503, 408, 429] {
            assert!(http(s).retryable(), "{s}");
        }
    }

    #[test]
    fn client_errors_are_not_retryable() {
        for s in [400, 401, 403, 404, 410] {
            assert!(!http(s).retryable(), "{s}");
        }
    }

    #[test]
    fn timeouts_and_network_errors_are_retryable() {
        assert!(Failure::new(FailureKind::Timeout, None, "").retryable());
        assert!(Failure::new(FailureKind::Network, None, "").retryable());
    }

    #[test]
    fn not_found_has_its_own_message() {
        assert_eq!(http(404).message(Lang::Vi), Lang::Vi.t().err_http_404);
        assert_eq!(http(410).message(Lang::En), Lang::En.t().err_http_404);
    }

    #[test]
    fn kinds_have_distinct_event_names() {
        use FailureKind::*;
        let all = [Http, Timeout, Network, Parse, Format, Empty, Config, TooLarge, Runtime];
        let mut names: Vec<_> = all.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }
}
