//! Reading Facebook's JSON leniently: every string repaired from mojibake, numbers or strings
//! accepted where either appears, epoch seconds turned into UTC times.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use crate::text::repair_mojibake;

/// The object's string field, repaired and trimmed; `None` when absent, not a string or blank.
pub fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(as_text)
}

/// A string value, repaired and trimmed; `None` when not a string or blank.
pub fn as_text(value: &Value) -> Option<String> {
    let s = value.as_str()?.trim();
    if s.is_empty() {
        return None;
    }
    Some(repair_mojibake(s).into_owned())
}

/// The object's sub-object.
pub fn object<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Map<String, Value>> {
    obj.get(key).and_then(Value::as_object)
}

/// The object's array field, empty when absent or not an array.
pub fn array<'v>(obj: &'v Map<String, Value>, key: &str) -> &'v [Value] {
    obj.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// A number written as a JSON number or a numeric string.
pub fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Epoch seconds (or milliseconds when `millis`) as a UTC time. 0 and negative values, which
/// Facebook writes for "unknown", give `None`.
pub fn epoch(value: &Value, millis: bool) -> Option<DateTime<FixedOffset>> {
    let n = number(value)?;
    if !n.is_finite() || n <= 0.0 {
        return None;
    }
    let utc = if millis {
        DateTime::from_timestamp_millis(n as i64)?
    } else {
        DateTime::from_timestamp(n as i64, 0)?
    };
    Some(utc.fixed_offset())
}

/// The object's time in seconds under the first of `keys` present.
pub fn time_of(obj: &Map<String, Value>, keys: &[&str]) -> Option<DateTime<FixedOffset>> {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .find_map(|v| epoch(v, false))
}

/// `label_values` (the 2024+ shape: `[{"label": "Name", "value": "…"}, …]`): the value of the
/// first label that matches one of `labels` (compared without case).
pub fn label_value(obj: &Map<String, Value>, labels: &[&str]) -> Option<String> {
    let entries = array(obj, "label_values");
    for wanted in labels {
        for entry in entries {
            let Some(entry) = entry.as_object() else {
                continue;
            };
            let label = entry.get("label").and_then(Value::as_str).unwrap_or("");
            if label.trim().eq_ignore_ascii_case(wanted) {
                if let Some(v) = text(entry, "value") {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// The name of what an entry is about (a page, a group, a followed profile): `name`,
/// `data[].name`, or the `label_values` name.
pub fn name_of(obj: &Map<String, Value>) -> Option<String> {
    text(obj, "name")
        .or_else(|| {
            array(obj, "data")
                .iter()
                .filter_map(Value::as_object)
                .find_map(|d| text(d, "name"))
        })
        .or_else(|| label_value(obj, &["Name", "Title", "Page", "Group"]))
}

/// Words after which a Facebook title names what was acted on, in English and Indonesian
/// (the languages the audited accounts use); other languages fall back to the whole title.
const ACTS: [&str; 26] = [
    " likes ",
    " liked ",
    " loves ",
    " reacted to ",
    " commented on ",
    " replied to ",
    " posted in ",
    " wrote on ",
    " shared ",
    " was at ",
    " checked in at ",
    " is at ",
    " joined ",
    " followed ",
    " menyukai ",
    " mengomentari ",
    " membalas ",
    " menanggapi ",
    " memposting di ",
    " memposting ke ",
    " mengirim ke ",
    " menulis di ",
    " membagikan ",
    " berada di ",
    " bergabung dengan ",
    " mengikuti ",
];

/// What a title like "Budi likes Relawan Desa's post." says was acted on ("Relawan Desa's
/// post"); the whole title, without its final full stop, when no known phrasing is found.
pub fn title_target(title: &str) -> String {
    // Where the earliest-ending phrasing ends: overlapping matches come in order of their
    // ends, so it is the first one.
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    let automaton = AUTOMATON.get_or_init(|| AhoCorasick::new(ACTS).expect("fixed phrasings"));
    let found = automaton
        .find_overlapping_iter(title)
        .next()
        .map(|m| m.end());
    let rest = match found {
        Some(at) => &title[at..],
        None => title,
    };
    let rest = rest.trim().trim_end_matches('.').trim();
    if rest.is_empty() {
        title.trim().to_owned()
    } else {
        rest.to_owned()
    }
}

/// `#tags` in text, without the `#`, in order, each once.
pub fn hashtags(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (at, _) in text.match_indices('#') {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '&')
        {
            continue;
        }
        let tag: String = text[at + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !tag.is_empty() && !tag.chars().all(|c| c.is_ascii_digit()) && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// `http(s)://` links written in text.
pub fn links(text: &str) -> Vec<String> {
    // Most posts have no link: one search of the whole text settles them, not two per word.
    if !text.contains("http") {
        return Vec::new();
    }
    text.split_whitespace()
        .filter_map(|word| {
            let start = word.find("http://").or_else(|| word.find("https://"))?;
            let url = word[start..].trim_end_matches(['.', ',', ')', '!', '?', ';', ':', '"']);
            (url.len() > "https://".len()).then(|| url.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_their_target() {
        assert_eq!(
            title_target("Budi likes Relawan Desa's post."),
            "Relawan Desa's post"
        );
        assert_eq!(
            title_target("Budi mengomentari kiriman Sari."),
            "kiriman Sari"
        );
        assert_eq!(
            title_target("PROFILE har kommenteret PERSONs opslag."),
            "PROFILE har kommenteret PERSONs opslag"
        );
        assert_eq!(title_target("Budi likes ."), "Budi likes .");
        // The phrasing that ends first decides, wherever the others are.
        assert_eq!(
            title_target("Budi shared Sari's post that Ani likes."),
            "Sari's post that Ani likes"
        );
        assert_eq!(
            title_target("Budi checked in at Warung Ani is at."),
            "Warung Ani is at"
        );
        assert_eq!(
            title_target("Ani is at home, checked in at nine."),
            "home, checked in at nine"
        );
    }

    #[test]
    fn epoch_zero_is_unknown() {
        assert!(epoch(&Value::from(0), false).is_none());
        assert_eq!(
            epoch(&Value::from(1707881400), false).unwrap().to_rfc3339(),
            "2024-02-14T03:30:00+00:00"
        );
        assert_eq!(
            epoch(&Value::from("1707881400123"), true)
                .unwrap()
                .to_rfc3339(),
            "2024-02-14T03:30:00.123+00:00"
        );
    }

    #[test]
    fn tags_and_links_in_text() {
        assert_eq!(
            hashtags("Ayo #Pemilu2024 dan #pemilu2024, bukan C#, #123"),
            ["Pemilu2024", "pemilu2024"]
        );
        assert_eq!(
            links("lihat https://contoh.id/a. dan (http://b.id)"),
            ["https://contoh.id/a", "http://b.id"]
        );
        assert_eq!(links("lihat (xhttps://c.id/b)"), ["https://c.id/b"]);
        assert!(links("tanpa tautan: contoh.id, http saja").is_empty());
    }
}
