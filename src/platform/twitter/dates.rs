//! The three date formats found in X archives, all kept with their UTC offset.

use std::sync::OnceLock;

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{DateTime, FixedOffset};

/// `tweets.js`: `Mon Oct 20 17:11:38 +0000 2025`.
const TWEET_FORMAT: &str = "%a %b %d %H:%M:%S %z %Y";
/// Grailbird `tweets.csv`: `2013-03-13 08:52:14 +0000`.
const GRAILBIRD_FORMAT: &str = "%Y-%m-%d %H:%M:%S %z";

/// Parses a date in any of the archive's formats: the `tweets.js` one, the Grailbird one, or
/// ISO 8601 / RFC 3339 (`2024-01-10T20:03:42.000Z`, used by `note-tweet.js` and `account.js`).
pub fn parse(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    let first = text.bytes().next()?;
    if first.is_ascii_digit() {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .or_else(|| parse_with(text, GRAILBIRD_FORMAT, &GRAILBIRD))
    } else {
        parse_with(text, TWEET_FORMAT, &TWEET)
    }
}

static TWEET: OnceLock<Vec<Item<'static>>> = OnceLock::new();
static GRAILBIRD: OnceLock<Vec<Item<'static>>> = OnceLock::new();

/// `DateTime::parse_from_str` with the format read once, not once per date: every post of
/// an archive has a date.
fn parse_with(
    text: &str,
    format: &'static str,
    items: &OnceLock<Vec<Item<'static>>>,
) -> Option<DateTime<FixedOffset>> {
    let items = items.get_or_init(|| StrftimeItems::new(format).collect());
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, text, items.iter()).ok()?;
    parsed.to_datetime().ok()
}

/// What a date was expected to look like, for error messages.
pub const EXPECTED: &str =
    "a date like `Mon Oct 20 17:11:38 +0000 2025`, `2013-03-13 08:52:14 +0000` or `2024-01-10T20:03:42Z`";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tweet_dates_keep_their_offset() {
        let d = parse("Mon Oct 20 17:11:38 +0000 2025").unwrap();
        assert_eq!(d.to_rfc3339(), "2025-10-20T17:11:38+00:00");
        let wib = parse("Tue Aug 17 10:00:00 +0700 2021").unwrap();
        assert_eq!(wib.offset().local_minus_utc(), 7 * 3600);
        assert_eq!(wib.to_rfc3339(), "2021-08-17T10:00:00+07:00");
    }

    #[test]
    fn grailbird_and_iso_dates() {
        assert_eq!(
            parse("2013-03-13 08:52:14 +0000").unwrap().to_rfc3339(),
            "2013-03-13T08:52:14+00:00"
        );
        let iso = parse("2024-01-10T20:03:42.000Z").unwrap();
        assert_eq!(iso, parse("Wed Jan 10 20:03:42 +0000 2024").unwrap());
    }

    #[test]
    fn garbage_is_refused() {
        assert!(parse("").is_none());
        assert!(parse("kemarin sore").is_none());
        assert!(parse("Mon Oct 32 17:11:38 +0000 2025").is_none());
        assert!(parse("2013-13-13 08:52:14 +0000").is_none());
    }
}
