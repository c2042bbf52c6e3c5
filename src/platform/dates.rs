//! Dates as exports and spreadsheets write them. A time without an offset is taken as WIB
//! (UTC+07:00), where most of the people audited live and the election calendar is defined.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("WIB offset is valid")
}

/// Parses RFC 3339, `YYYY-MM-DD HH:MM:SS` (optionally with ` +0700`, `+07:00`, `Z` or ` UTC`),
/// `YYYY-MM-DDTHH:MM:SS`, `YYYY-MM-DD`, unix seconds (10 digits) or milliseconds (13 digits),
/// and X's `Mon Oct 20 17:11:38 +0000 2025`.
pub fn parse_flexible_datetime(text: &str) -> Option<DateTime<FixedOffset>> {
    let s = text.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = s.parse().ok()?;
        let utc = match s.len() {
            10 => chrono::Utc.timestamp_opt(n, 0).single()?,
            13 => chrono::Utc.timestamp_millis_opt(n).single()?,
            _ => return None,
        };
        return Some(utc.fixed_offset());
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_str(s, "%a %b %d %H:%M:%S %z %Y") {
        return Some(d);
    }
    for format in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S %:z",
        "%Y-%m-%d %H:%M:%S%:z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, format) {
            return Some(d);
        }
    }
    let (local, utc) = match s.strip_suffix(" UTC").or_else(|| s.strip_suffix('Z')) {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let offset = if utc {
        FixedOffset::east_opt(0).expect("UTC offset is valid")
    } else {
        wib()
    };
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(local, format) {
            return offset.from_local_datetime(&naive).single();
        }
    }
    let day = NaiveDate::parse_from_str(local, "%Y-%m-%d").ok()?;
    offset
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(s: &str) -> String {
        parse_flexible_datetime(s)
            .map(|d| d.to_rfc3339())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn every_accepted_shape() {
        assert_eq!(
            rfc("2024-03-02T09:00:00+07:00"),
            "2024-03-02T09:00:00+07:00"
        );
        assert_eq!(rfc("2024-03-02 09:00:00"), "2024-03-02T09:00:00+07:00");
        assert_eq!(
            rfc("2024-03-02 09:00:00 +0000"),
            "2024-03-02T09:00:00+00:00"
        );
        assert_eq!(rfc("2024-03-02 09:00:00 UTC"), "2024-03-02T09:00:00+00:00");
        assert_eq!(rfc("2024-03-02T09:00:00Z"), "2024-03-02T09:00:00+00:00");
        assert_eq!(rfc("2024-03-02T09:00:00"), "2024-03-02T09:00:00+07:00");
        assert_eq!(rfc("2024-03-02"), "2024-03-02T00:00:00+07:00");
        assert_eq!(rfc("1709344800"), "2024-03-02T02:00:00+00:00");
        assert_eq!(rfc("1709344800000"), "2024-03-02T02:00:00+00:00");
        assert_eq!(
            rfc("Mon Oct 20 17:11:38 +0000 2025"),
            "2025-10-20T17:11:38+00:00"
        );
    }

    #[test]
    fn nonsense_is_none() {
        for s in ["", "kemarin", "2024-13-01", "12345", "2024-02-30 10:00:00"] {
            assert_eq!(rfc(s), "none", "{s}");
        }
    }
}
