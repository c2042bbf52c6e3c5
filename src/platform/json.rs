//! Small helpers the JSON readers share.

use serde_json::Value;

/// What a JSON value is, with its article, for error messages: "found a list, expected an
/// object".
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => NULL,
        Value::Bool(_) => A_BOOLEAN,
        Value::Number(_) => A_NUMBER,
        Value::String(_) => A_STRING,
        Value::Array(_) => A_LIST,
        Value::Object(_) => AN_OBJECT,
    }
}

pub const NULL: &str = "null";
pub const A_BOOLEAN: &str = "a boolean";
pub const A_NUMBER: &str = "a number";
pub const A_STRING: &str = "a string";
pub const A_LIST: &str = "a list";
pub const AN_OBJECT: &str = "an object";
