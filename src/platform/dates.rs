//! Dates as people's spreadsheets and exports write them, for readers without a fixed format.
//!
//! Accepted (surrounding spaces ignored):
//! - RFC 3339 / ISO 8601 with an offset: `2024-02-14T10:30:00+07:00`, `2024-02-14T03:30:00.123Z`,
//!   `2024-02-14T10:30:00+0700`;
//! - `YYYY-MM-DD HH:MM[:SS[.fff]]`, optionally followed by ` +0700`, `+07:00`, `Z` or ` UTC`,
//!   or by the Indonesian zone names ` WIB` (+07:00), ` WITA` (+08:00), ` WIT` (+09:00);
//! - `YYYY-MM-DDTHH:MM[:SS[.fff]]` without an offset;
//! - `YYYY-MM-DD` (midnight);
//! - unix time in seconds (10 digits) or milliseconds (13 digits);
//! - X's `Wed Feb 14 10:30:00 +0700 2024`.
//!
//! Decisions:
//! - A date without an offset is taken as WIB (UTC+07:00), the time zone of Jakarta and most
//!   of the civil service; a wrong guess shifts a date by at most two hours (WITA, WIT).
//! - Unix times are instants; they are returned in WIB so that their calendar date is the
//!   Indonesian one.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

/// The offset assumed when a date has none: WIB, UTC+07:00.
pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("+07:00 is a valid offset")
}

/// What `parse_flexible_datetime` accepts, for error messages.
pub const EXPECTED: &str = "a date like `2024-02-14 10:30:00`, `2024-02-14T10:30:00+07:00`, \
     `2024-02-14`, a unix time or `Wed Feb 14 10:30:00 +0700 2024`";

/// Date-and-time formats carrying an offset (`%z` accepts `+0700` and `+07:00`).
const WITH_OFFSET: [&str; 6] = [
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M%z",
    "%a %b %d %H:%M:%S %z %Y",
];

/// Date-and-time formats without an offset.
const WITHOUT_OFFSET: [&str; 4] = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
];

/// Parses a date in any of the formats above; `None` when none fits or the date is impossible.
pub fn parse_flexible_datetime(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_unix(s);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    for (zone, offset) in [(" WIB", "+07:00"), (" WITA", "+08:00"), (" WIT", "+09:00")] {
        if let Some(rest) = s.strip_suffix(zone) {
            return parse_with_named_offset(rest, offset);
        }
    }
    // `Z` and ` UTC` are UTC; rewrite them as an offset chrono parses.
    let utc_stripped = s
        .strip_suffix(" UTC")
        .or_else(|| s.strip_suffix("UTC"))
        .or_else(|| s.strip_suffix('Z'))
        .or_else(|| s.strip_suffix('z'));
    if let Some(rest) = utc_stripped {
        return parse_with_named_offset(rest, "+00:00");
    }
    for format in WITH_OFFSET {
        if let Ok(d) = DateTime::parse_from_str(s, format) {
            return Some(d);
        }
    }
    for format in WITHOUT_OFFSET {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
            return in_wib(naive);
        }
    }
    if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return in_wib(day.and_hms_opt(0, 0, 0)?);
    }
    None
}

/// A date and time followed by a zone name, the name already cut off.
fn parse_with_named_offset(rest: &str, offset: &str) -> Option<DateTime<FixedOffset>> {
    let rest = rest.trim_end();
    // Only a time may carry a zone: a bare `2024-02-14 WIB` or `+Z` is not a date and time.
    if rest.len() < 16 || rest.ends_with(['+', '-']) {
        return None;
    }
    WITH_OFFSET[..5]
        .iter()
        .find_map(|format| DateTime::parse_from_str(&format!("{rest} {offset}"), format).ok())
}

fn in_wib(naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    wib().from_local_datetime(&naive).single()
}

fn parse_unix(s: &str) -> Option<DateTime<FixedOffset>> {
    let n: i64 = s.parse().ok()?;
    let utc = match s.len() {
        10 => DateTime::from_timestamp(n, 0)?,
        13 => DateTime::from_timestamp_millis(n)?,
        _ => return None,
    };
    Some(utc.with_timezone(&wib()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(s: &str) -> String {
        parse_flexible_datetime(s)
            .unwrap_or_else(|| panic!("{s:?} should parse"))
            .to_rfc3339()
    }

    #[test]
    fn rfc3339() {
        assert_eq!(
            rfc("2024-02-14T10:30:00+07:00"),
            "2024-02-14T10:30:00+07:00"
        );
        assert_eq!(rfc("2024-02-14T03:30:00Z"), "2024-02-14T03:30:00+00:00");
        assert_eq!(
            rfc("2024-02-14T03:30:00.123Z"),
            "2024-02-14T03:30:00.123+00:00"
        );
        assert_eq!(rfc("2024-02-14T10:30:00+0700"), "2024-02-14T10:30:00+07:00");
        assert_eq!(
            rfc(" 2024-02-14T10:30:00-05:00 "),
            "2024-02-14T10:30:00-05:00"
        );
    }

    #[test]
    fn space_separated_with_offsets() {
        assert_eq!(
            rfc("2024-02-14 10:30:00 +0700"),
            "2024-02-14T10:30:00+07:00"
        );
        assert_eq!(
            rfc("2024-02-14 10:30:00 +07:00"),
            "2024-02-14T10:30:00+07:00"
        );
        assert_eq!(
            rfc("2024-02-14 10:30:00+07:00"),
            "2024-02-14T10:30:00+07:00"
        );
        assert_eq!(rfc("2024-02-14 10:30:00+0800"), "2024-02-14T10:30:00+08:00");
        assert_eq!(rfc("2024-02-14 10:30:00Z"), "2024-02-14T10:30:00+00:00");
        assert_eq!(rfc("2024-02-14 10:30:00 UTC"), "2024-02-14T10:30:00+00:00");
        assert_eq!(rfc("2024-02-14 10:30 +0900"), "2024-02-14T10:30:00+09:00");
        assert_eq!(rfc("2024-02-14 10:30:00 WIB"), "2024-02-14T10:30:00+07:00");
        assert_eq!(rfc("2024-02-14 10:30 WITA"), "2024-02-14T10:30:00+08:00");
        assert_eq!(rfc("2024-02-14 10:30:00 WIT"), "2024-02-14T10:30:00+09:00");
    }

    #[test]
    fn without_an_offset_is_wib() {
        assert_eq!(rfc("2024-02-14 10:30:00"), "2024-02-14T10:30:00+07:00");
        assert_eq!(rfc("2024-02-14T10:30:00"), "2024-02-14T10:30:00+07:00");
        assert_eq!(
            rfc("2024-02-14T10:30:00.5"),
            "2024-02-14T10:30:00.500+07:00"
        );
        assert_eq!(rfc("2024-02-14 10:30"), "2024-02-14T10:30:00+07:00");
        assert_eq!(rfc("2024-02-14"), "2024-02-14T00:00:00+07:00");
    }

    #[test]
    fn unix_seconds_and_millis() {
        // 2024-02-14T03:30:00Z
        assert_eq!(rfc("1707881400"), "2024-02-14T10:30:00+07:00");
        assert_eq!(rfc("1707881400123"), "2024-02-14T10:30:00.123+07:00");
        assert!(parse_flexible_datetime("170788140").is_none());
        assert!(parse_flexible_datetime("17078814001").is_none());
        assert!(parse_flexible_datetime("99999999999999999999999").is_none());
    }

    #[test]
    fn x_format() {
        assert_eq!(
            rfc("Wed Feb 14 10:30:00 +0700 2024"),
            "2024-02-14T10:30:00+07:00"
        );
        assert_eq!(
            rfc("Mon Oct 20 17:11:38 +0000 2025"),
            "2025-10-20T17:11:38+00:00"
        );
    }

    #[test]
    fn garbage_and_impossible_dates_are_refused() {
        for s in [
            "",
            "   ",
            "kemarin",
            "14/02/2024",
            "2024-02-30",
            "2024-13-01 10:00:00",
            "2024-02-14 25:00:00",
            "2024-02-14 10:30:00 +9999",
            "Z",
            "UTC",
            "2024-02-14 10:30:00 +Z",
            "Wed Feb 31 10:30:00 +0700 2024",
            "2024-02-14 10:30:00 WIB WIB",
            "2024-02-14 WIB",
            "Wed Feb 14 10:30:00 2024 UTC",
        ] {
            assert!(
                parse_flexible_datetime(s).is_none(),
                "{s:?} should not parse"
            );
        }
    }
}
