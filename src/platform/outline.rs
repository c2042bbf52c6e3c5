//! A JSON document opened one level at a time, for the exports that put every entry of a
//! kind in one file (a Facebook `your_posts_1.json`, an Instagram `posts_1.json`): hundreds of
//! megabytes for a heavy account.
//!
//! Parsed whole into a `serde_json::Value`, such a file takes five to eight times its size in
//! memory, all of it at once. Opened here, a list keeps each entry as its raw text (a slice of
//! the file) and an entry is parsed into a `Value` only when it is read, then dropped: what
//! stays is the file's text and the items made from it. The whole document is still checked
//! as JSON when it is opened, so a cut-off or broken file is refused as a whole, with the same
//! error, before any entry is read. The check skips over the entries' values, so three faults
//! it lets through are met only when their entry is parsed, and then spoil only that entry
//! (which is skipped with its reason) instead of the whole file: a lone surrogate escape
//! (`"\ud800"`), a number too large for any float (`1e400`), and nesting deeper than 128
//! levels counted from the top of the file (an entry's own depth is counted from the entry).
//!
//! Objects keep their members by key, sorted, the last of repeated keys winning: what
//! `serde_json::Map` does, so readers see members in the order they always did.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

use super::json;

/// One JSON value with its members (if it has any) still raw.
#[derive(Debug)]
pub enum Outline<'a> {
    Array(Vec<&'a RawValue>),
    Object(BTreeMap<String, &'a RawValue>),
    /// Null, a boolean, a number or a string.
    Scalar(Value),
}

impl<'a> Outline<'a> {
    /// Opens a whole document, checking all of it is valid JSON. The error of a broken one
    /// is the one parsing it into a `Value` gives ("trailing comma at line 3 column 5"),
    /// not the vaguer one of skipping over it.
    pub fn parse(text: &'a str) -> Result<Outline<'a>, serde_json::Error> {
        serde_json::from_str(text).map_err(|skipping| {
            serde_json::from_str::<Checked>(text)
                .err()
                .unwrap_or(skipping)
        })
    }

    /// Opens one member of an outline, one level further.
    pub fn open(member: &'a RawValue) -> Result<Outline<'a>, serde_json::Error> {
        Outline::parse(member.get())
    }

    /// The member under `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&'a RawValue> {
        match self {
            Outline::Object(members) => members.get(key).copied(),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&BTreeMap<String, &'a RawValue>> {
        match self {
            Outline::Object(members) => Some(members),
            _ => None,
        }
    }

    /// What the value is, with its article, for error messages (as [`super::json::kind_of`]).
    pub fn kind(&self) -> &'static str {
        match self {
            Outline::Array(_) => json::A_LIST,
            Outline::Object(_) => json::AN_OBJECT,
            Outline::Scalar(value) => json::kind_of(value),
        }
    }
}

/// A member parsed whole, to be read. The document was checked when it was opened, so this
/// fails only on what that check lets through (see the module documentation).
pub fn value(member: &RawValue) -> Result<Value, serde_json::Error> {
    serde_json::from_str(member.get())
}

/// The entries of a member that is a list, still raw; `None` when it is not a list.
pub fn list(member: &RawValue) -> Option<Vec<&RawValue>> {
    if !is_array(member) {
        return None;
    }
    match Outline::open(member) {
        Ok(Outline::Array(entries)) => Some(entries),
        _ => None,
    }
}

/// An entry of a list parsed whole, or why it cannot be read (a reason for the file's
/// problems: the entry is skipped, the others are read).
pub fn entry(member: &RawValue) -> Result<Value, String> {
    // serde_json counts the position from the start of the entry, not of the file.
    value(member).map_err(|e| format!("not valid JSON ({e} of the entry)"))
}

/// A member of an object, parsed whole (a small one: a title, a flag); `None` when absent.
pub fn member(outline: &Outline, key: &str) -> Option<Value> {
    value(outline.get(key)?).ok()
}

/// What a member is, with its article, told from its first character (as
/// [`json::kind_of`] tells a parsed value).
pub fn kind(member: &RawValue) -> &'static str {
    match member.get().trim_start().as_bytes().first() {
        Some(b'[') => json::A_LIST,
        Some(b'{') => json::AN_OBJECT,
        Some(b'"') => json::A_STRING,
        Some(b't' | b'f') => json::A_BOOLEAN,
        Some(b'n') => json::NULL,
        _ => json::A_NUMBER,
    }
}

/// Whether a member is a list, told from its first character without parsing it.
pub fn is_array(member: &RawValue) -> bool {
    member.get().trim_start().starts_with('[')
}

/// Whether a member is an object, told from its first character without parsing it.
pub fn is_object(member: &RawValue) -> bool {
    member.get().trim_start().starts_with('{')
}

/// A value read as `serde_json::Value` reads one, building nothing: the same errors, none of
/// the memory.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckedVisitor)
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Checked, S::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Checked, M::Error> {
        while map.next_key::<Checked>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Outline<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OutlineVisitor(std::marker::PhantomData))
    }
}

struct OutlineVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for OutlineVisitor<'a> {
    type Value = Outline<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Outline<'a>, S::Error> {
        let mut members = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(member) = seq.next_element::<&'de RawValue>()? {
            members.push(member);
        }
        Ok(Outline::Array(members))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Outline<'a>, M::Error> {
        let mut members = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let member = map.next_value::<&'de RawValue>()?;
            members.insert(key, member);
        }
        Ok(Outline::Object(members))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Outline<'a>, E> {
        // serde_json refuses a number too large for a float before it gets here; a value
        // without a JSON form would be null, as in `serde_json::Value`.
        Ok(Outline::Scalar(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }

    fn visit_str<E>(self, v: &str) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Outline<'a>, E> {
        Ok(Outline::Scalar(Value::Null))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(outline: &Outline) -> Vec<String> {
        match outline {
            Outline::Array(list) => list.iter().map(|m| m.get().to_owned()).collect(),
            Outline::Object(map) => map
                .iter()
                .map(|(k, m)| format!("{k}={}", m.get()))
                .collect(),
            Outline::Scalar(v) => vec![v.to_string()],
        }
    }

    #[test]
    fn a_list_keeps_its_entries_raw_and_parses_one_when_asked() {
        let text = r#"[ {"a": [1, 2]}, "x" , 3 ]"#;
        let outline = Outline::parse(text).unwrap();
        assert_eq!(members(&outline), [r#"{"a": [1, 2]}"#, r#""x""#, "3"]);
        let Outline::Array(list) = outline else {
            panic!("a list")
        };
        assert_eq!(value(list[0]).unwrap(), serde_json::json!({"a": [1, 2]}));
        assert!(is_object(list[0]) && !is_array(list[0]));
        let inner = Outline::open(list[0]).unwrap();
        assert!(inner.get("a").is_some_and(is_array));
        assert_eq!(inner.kind(), "an object");
    }

    #[test]
    fn objects_are_sorted_by_key_and_the_last_repeated_key_wins() {
        let text = r#"{"b": 1, "a": 2, "b": 3}"#;
        let outline = Outline::parse(text).unwrap();
        assert_eq!(members(&outline), ["a=2", "b=3"]);
        // The same as a `serde_json::Value` of the document.
        let whole: Value = serde_json::from_str(text).unwrap();
        assert_eq!(whole["b"], 3);
    }

    #[test]
    fn scalars_are_values() {
        for (text, kind) in [
            ("null", "null"),
            ("true", "a boolean"),
            ("-4", "a number"),
            ("1.5", "a number"),
            ("18446744073709551615", "a number"),
            (r#""caf\u00e9""#, "a string"),
        ] {
            let outline = Outline::parse(text).unwrap();
            assert_eq!(outline.kind(), kind, "{text}");
            let Outline::Scalar(v) = outline else {
                panic!("{text} is a scalar")
            };
            assert_eq!(v, serde_json::from_str::<Value>(text).unwrap());
        }
    }

    #[test]
    fn a_broken_document_is_refused_whole_with_the_error_a_value_gives() {
        for text in [
            r#"[{"a": 1}, {"b": "#,
            r#"{"a": [1, 2,]}"#,
            r#"[{"a": 01}]"#,
            "[\"tab\there\"]",
            r#"[{"a": 1}] x"#,
            r#"{"a": {"b": [1 2]}}"#,
            r#"{"a" 1}"#,
            "",
        ] {
            let ours = Outline::parse(text).unwrap_err();
            let whole = serde_json::from_str::<Value>(text).unwrap_err();
            assert_eq!(ours.to_string(), whole.to_string(), "{text}");
            assert_eq!(ours.is_eof(), whole.is_eof(), "{text}");
        }
    }

    #[test]
    fn a_number_out_of_range_passes_the_check_and_fails_in_its_entry() {
        let outline = Outline::parse(r#"[{"a": 1e400}, {"a": 2}]"#).unwrap();
        let Outline::Array(list) = outline else {
            panic!("a list")
        };
        let reason = entry(list[0]).unwrap_err();
        assert!(
            reason.contains("out of range") && reason.contains("of the entry"),
            "{reason}"
        );
        assert_eq!(entry(list[1]).unwrap()["a"], 2);
    }

    #[test]
    fn a_lone_surrogate_passes_the_check_and_fails_in_its_entry() {
        let outline = Outline::parse(r#"[{"a": "\ud800"}, {"a": "ok"}]"#).unwrap();
        let Outline::Array(list) = outline else {
            panic!("a list")
        };
        assert!(value(list[0]).is_err());
        assert_eq!(value(list[1]).unwrap()["a"], "ok");
    }
}
