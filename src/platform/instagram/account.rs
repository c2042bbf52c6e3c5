//! `personal_information.json`: `{"profile_user": [{"string_map_data": {"Username": {"value"},
//! "Name": {"value"}, "Bio": {"value"}, "Website": {"value"}, "Private Account": {"value"}}}]}`.

use serde_json::Value;

use super::json::{self, records, text};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Profile {
    pub handle: Option<String>,
    pub name: Option<String>,
    pub bio: Option<String>,
    pub website: Option<String>,
    pub private: Option<bool>,
}

pub fn read(root: &Value) -> Result<Profile, String> {
    if root.get("username").is_some() {
        return Ok(Profile {
            handle: text(root, "username").map(|h| h.trim_start_matches('@').to_owned()),
            name: text(root, "name"),
            bio: text(root, "biography"),
            website: text(root, "website"),
            private: root.get("private_account").and_then(Value::as_bool),
        });
    }
    let map = records(root, &["profile_user"])
        .and_then(|list| list.iter().find_map(|r| r.get("string_map_data")))
        .or_else(|| root.get("string_map_data"))
        .and_then(Value::as_object)
        .ok_or_else(|| format!("found {} without `string_map_data`", json::kind_of(root)))?;
    let value = |names: &[&str]| {
        map.iter()
            .find(|(k, _)| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
            .and_then(|(_, v)| text(v, "value"))
    };
    let private = value(&["Private Account", "Akun Pribadi"]).and_then(|v| {
        match v.to_ascii_lowercase().as_str() {
            "true" | "yes" | "ya" | "1" => Some(true),
            "false" | "no" | "tidak" | "0" => Some(false),
            _ => None,
        }
    });
    Ok(Profile {
        handle: value(&["Username", "Nama Pengguna"]).map(|h| h.trim_start_matches('@').to_owned()),
        name: value(&["Name", "Nama"]),
        bio: value(&["Bio"]),
        website: value(&["Website", "Situs Web"]),
        private,
    })
}
