//! Small helpers the JSON readers share.

use serde_json::Value;

/// What a JSON value is, with its article, for error messages: "found a list, expected an
/// object".
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
