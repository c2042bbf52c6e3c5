//! Lenient access to the JSON of Meta's exports: numbers that are sometimes strings, lists
//! wrapped in an object under a key that changes between versions, and mojibake in every
//! string.

use chrono::{DateTime, FixedOffset};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::platform::outline::{self, Outline};

use crate::text::repair_mojibake;

/// A string field, mojibake repaired and trimmed; `None` when absent, not a string, or blank.
pub fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(as_text)
}

/// A string value, mojibake repaired and trimmed; `None` when blank or not a string.
pub fn as_text(value: &Value) -> Option<String> {
    let s = value.as_str()?;
    let repaired = repair_mojibake(s);
    let trimmed = repaired.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// A number that may be written as a JSON number or a numeric string.
pub fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An epoch timestamp in seconds (or milliseconds, when the key says so or the number is too
/// large to be seconds), as UTC. Zero and negative times are treated as absent: the exports
/// write 0 for "unknown".
pub fn timestamp(value: &Value) -> Option<DateTime<FixedOffset>> {
    let n = number(value)?;
    if !n.is_finite() || n <= 0.0 {
        return None;
    }
    // Seconds stay below 1e11 until the year 5138; anything larger is milliseconds.
    let utc = if n >= 1e11 {
        DateTime::from_timestamp_millis(n as i64)?
    } else {
        DateTime::from_timestamp(n as i64, 0)?
    };
    Some(utc.fixed_offset())
}

/// The first of `keys` holding a usable timestamp.
pub fn time_of(value: &Value, keys: &[&str]) -> Option<DateTime<FixedOffset>> {
    keys.iter().find_map(|k| value.get(*k).and_then(timestamp))
}

/// The list of records a file holds, each still raw: the top-level array, or the array
/// under the object's key (`ig_stories`, `likes_media_likes`, …). `preferred` keys are tried
/// first; otherwise the object's only array is taken. `None` when the file has no such list.
pub fn records<'a>(root: &Outline<'a>, preferred: &[&str]) -> Option<Vec<&'a RawValue>> {
    match root {
        Outline::Array(list) => Some(list.clone()),
        Outline::Object(map) => {
            if let Some(list) = preferred
                .iter()
                .find_map(|k| map.get(*k).and_then(|&m| outline::list(m)))
            {
                return Some(list);
            }
            let mut arrays = map.values().filter(|&&m| outline::is_array(m));
            match (arrays.next(), arrays.next()) {
                (Some(&only), None) => outline::list(only),
                _ => None,
            }
        }
        Outline::Scalar(_) => None,
    }
}

/// Opens a file's text as JSON, with the position of the first error.
pub fn open(text: &str) -> Result<Outline<'_>, String> {
    Outline::parse(text).map_err(|e| {
        let what = if e.is_eof() {
            "the file ends early (cut off?)"
        } else {
            "the file is not valid JSON"
        };
        format!("{what}: {e}")
    })
}

/// A latitude/longitude pair when both are numbers in range and not the (0, 0) placeholder.
pub fn point(lat: Option<f64>, lon: Option<f64>) -> Option<(f64, f64)> {
    let (lat, lon) = (lat?, lon?);
    let valid = lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && !(lat == 0.0 && lon == 0.0);
    valid.then_some((lat, lon))
}

pub use crate::platform::json::kind_of;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_repaired_and_blank_is_absent() {
        let v = json!({"a": "caf\u{00c3}\u{00a9} ", "b": "  ", "c": 3});
        assert_eq!(text(&v, "a").as_deref(), Some("café"));
        assert_eq!(text(&v, "b"), None);
        assert_eq!(text(&v, "c"), None);
        assert_eq!(text(&v, "missing"), None);
    }

    #[test]
    fn timestamps_in_seconds_millis_and_strings_are_utc() {
        let t = |v: Value| timestamp(&v).map(|d| d.to_rfc3339());
        assert_eq!(
            t(json!(1707881400)),
            Some("2024-02-14T03:30:00+00:00".into())
        );
        assert_eq!(
            t(json!("1707881400")),
            Some("2024-02-14T03:30:00+00:00".into())
        );
        assert_eq!(
            t(json!(1707881400123u64)),
            Some("2024-02-14T03:30:00.123+00:00".into())
        );
        assert_eq!(t(json!(0)), None);
        assert_eq!(t(json!(-5)), None);
        assert_eq!(t(json!("kemarin")), None);
        assert_eq!(t(json!(null)), None);
    }

    #[test]
    fn records_are_found_under_any_single_key() {
        let found = |text: &str, preferred: &[&str]| {
            records(&open(text).unwrap(), preferred).map(|list| list.len())
        };
        assert_eq!(found(r#"{"ig_stories": [1, 2]}"#, &[]), Some(2));
        assert_eq!(found("[1]", &[]), Some(1));
        assert_eq!(found(r#"{"a": [1], "b": [2, 3]}"#, &[]), None);
        assert_eq!(found(r#"{"a": [1], "b": [2, 3]}"#, &["b"]), Some(2));
        assert_eq!(found(r#"{"a": [1], "b": {"c": []}}"#, &[]), Some(1));
        assert_eq!(found(r#"{"a": "x", "b": [2, 3]}"#, &["a"]), Some(2));
        assert_eq!(found(r#""x""#, &[]), None);
    }

    #[test]
    fn points_out_of_range_or_zero_are_refused() {
        assert_eq!(point(Some(-6.2), Some(106.8)), Some((-6.2, 106.8)));
        assert_eq!(point(Some(0.0), Some(0.0)), None);
        assert_eq!(point(Some(91.0), Some(0.5)), None);
        assert_eq!(point(Some(f64::NAN), Some(0.5)), None);
        assert_eq!(point(None, Some(0.5)), None);
    }
}
