//! A JSON scalar read as text, borrowed from the file when possible.
//!
//! X writes every number as a JSON string (`"id_str" : "1980321021254390009"`,
//! `"count" : "356"`), but older archives and hand-edited files sometimes carry real numbers.
//! `JsonText` accepts both, keeps big ids exact, and borrows the file's text when the string has
//! no escapes, so reading a large `tweets.js` copies as little as possible.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonText<'a>(pub Cow<'a, str>);

impl<'a> JsonText<'a> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

/// The text of an optional field, `None` when absent, `null` or blank.
pub fn non_blank<'s>(value: &'s Option<JsonText<'_>>) -> Option<&'s str> {
    value
        .as_ref()
        .map(|v| v.as_str().trim())
        .filter(|s| !s.is_empty())
}

impl<'de: 'a, 'a> Deserialize<'de> for JsonText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor<'a>(PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
            type Value = JsonText<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Owned(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Owned(v.to_string())))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Owned(v.to_string())))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Owned(v.to_string())))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(JsonText(Cow::Owned(v.to_string())))
            }
        }

        deserializer.deserialize_any(TextVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        v: Option<JsonText<'a>>,
    }

    fn probe(json: &str) -> Option<JsonText<'_>> {
        serde_json::from_str::<Probe>(json).unwrap().v
    }

    #[test]
    fn plain_strings_are_borrowed_from_the_input() {
        let v = probe(r#"{"v": "1980321021254390009"}"#).unwrap();
        assert!(matches!(v.0, Cow::Borrowed("1980321021254390009")));
    }

    #[test]
    fn escaped_strings_are_decoded() {
        let v = probe(r#"{"v": "baris\nbaru \"kutip\""}"#).unwrap();
        assert_eq!(v.as_str(), "baris\nbaru \"kutip\"");
    }

    #[test]
    fn numbers_keep_every_digit() {
        assert_eq!(
            probe(r#"{"v": 1980321021254390009}"#).unwrap().as_str(),
            "1980321021254390009"
        );
        assert_eq!(probe(r#"{"v": -122.5}"#).unwrap().as_str(), "-122.5");
    }

    #[test]
    fn null_and_blank_are_absent() {
        assert!(probe(r#"{"v": null}"#).is_none());
        assert_eq!(non_blank(&probe(r#"{"v": "  "}"#)), None);
        assert_eq!(non_blank(&probe(r#"{"v": " x "}"#)), Some("x"));
    }

    #[test]
    fn objects_are_refused() {
        assert!(serde_json::from_str::<Probe>(r#"{"v": {"a": 1}}"#).is_err());
    }
}
