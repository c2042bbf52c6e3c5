//! `personal_information.json`: `{"profile_user": [{"string_map_data": {"Username": {"value"},
//! "Name": {"value"}, "Bio": {"value"}, "Website": {"value"}, "Private Account": {"value"}}}]}`.

use serde_json::Value;

use super::json::{as_text, records, text};
use crate::platform::outline::{self, Outline};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Profile {
    pub handle: Option<String>,
    pub name: Option<String>,
    pub bio: Option<String>,
    pub website: Option<String>,
    pub private: Option<bool>,
}

pub fn read(root: &Outline) -> Result<Profile, String> {
    let field = |key: &str| outline::member(root, key).as_ref().and_then(as_text);
    if root.get("username").is_some() {
        return Ok(Profile {
            handle: field("username").map(|h| h.trim_start_matches('@').to_owned()),
            name: field("name"),
            bio: field("biography"),
            website: field("website"),
            private: outline::member(root, "private_account").and_then(|v| v.as_bool()),
        });
    }
    let map = records(root, &["profile_user"])
        .and_then(|list| {
            list.iter().find_map(|&r| {
                let mut record = outline::value(r).ok()?;
                record.get_mut("string_map_data").map(Value::take)
            })
        })
        .or_else(|| outline::member(root, "string_map_data"));
    let map = map
        .as_ref()
        .and_then(Value::as_object)
        .ok_or_else(|| format!("found {} without `string_map_data`", root.kind()))?;
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
