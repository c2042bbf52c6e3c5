//! Links to posts: recognising a status link (quotes) and building a post's permalink.

/// The status id a link points at, when it is a link to a post on X or Twitter:
/// `https://x.com/user/status/123`, `https://twitter.com/i/web/status/123/photo/1`,
/// `http://mobile.twitter.com/user/statuses/123?s=20`.
pub fn status_id(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let (host, path) = rest.split_once('/')?;
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("mobile."))
        .unwrap_or(&host);
    if host != "x.com" && host != "twitter.com" {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let mut segments = path.split('/');
    while let Some(segment) = segments.next() {
        if segment == "status" || segment == "statuses" {
            let id = segments.next()?;
            return (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(id);
        }
    }
    None
}

/// The link to a post: under the account's handle when known, else X's handle-free form.
pub fn permalink(handle: Option<&str>, id: &str) -> String {
    // Built in one allocation of the right size: every post gets one, and `format!` guesses
    // too small for these and grows once.
    let owner = handle.unwrap_or("i/web");
    let mut link = String::with_capacity(HOST.len() + owner.len() + STATUS.len() + id.len());
    for part in [HOST, owner, STATUS, id] {
        link.push_str(part);
    }
    link
}

const STATUS: &str = "/status/";
const HOST: &str = "https://x.com/";

/// The account a retweet repeats: `RT @someone: …` gives `someone`.
pub fn retweet_target(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("RT @")?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// True when the text is a retweet (`RT @someone: …`).
pub fn is_retweet(text: &str) -> bool {
    text.starts_with("RT @")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_links_on_both_domains() {
        assert_eq!(
            status_id("https://x.com/kemenpan/status/1890627196513055053"),
            Some("1890627196513055053")
        );
        assert_eq!(status_id("https://twitter.com/i/web/status/42"), Some("42"));
        assert_eq!(
            status_id("http://mobile.twitter.com/a_b/statuses/7?s=20"),
            Some("7")
        );
        assert_eq!(
            status_id("https://www.twitter.com/a/status/9/photo/1"),
            Some("9")
        );
        assert_eq!(status_id("https://X.com/a/status/9#m"), Some("9"));
    }

    #[test]
    fn other_links_are_not_status_links() {
        assert_eq!(status_id("https://x.com/kemenpan"), None);
        assert_eq!(status_id("https://example.com/a/status/1"), None);
        assert_eq!(status_id("https://notx.com/a/status/1"), None);
        assert_eq!(status_id("https://x.com/a/status/abc"), None);
        assert_eq!(status_id("https://x.com/a/status/"), None);
        assert_eq!(status_id("https://t.co/AbC123"), None);
        assert_eq!(status_id(""), None);
    }

    #[test]
    fn permalinks_with_and_without_handle() {
        assert_eq!(
            permalink(Some("budi_asn"), "5"),
            "https://x.com/budi_asn/status/5"
        );
        assert_eq!(permalink(None, "5"), "https://x.com/i/web/status/5");
    }

    #[test]
    fn retweet_targets() {
        assert_eq!(
            retweet_target("RT @Humas_Pemkot: Info banjir…"),
            Some("Humas_Pemkot")
        );
        assert_eq!(retweet_target("RT @: kosong"), None);
        assert_eq!(retweet_target("rt @kecil: bukan"), None);
        assert_eq!(retweet_target("Saya RT @orang: bukan retweet"), None);
        assert!(is_retweet("RT @a: b"));
        assert!(!is_retweet("RTM @a"));
    }
}
