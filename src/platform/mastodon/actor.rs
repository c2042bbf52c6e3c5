//! `actor.json`: the account's ActivityPub `Person` — handle, display name, bio and profile
//! fields.

use serde_json::Value;

use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};

use super::html;
use crate::platform::json::kind_of;

#[derive(Debug, Default)]
pub struct Actor {
    /// `name@instance`, without `@` in front.
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub followers: Option<String>,
    /// The bio and profile fields, when there are any.
    pub profile: Option<Item>,
}

pub fn read(text: &str, file: &str) -> Result<Actor, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("is not valid JSON ({e}; cut off or not an export file?)"))?;
    if !value.is_object() {
        return Err(format!(
            "holds {} of JSON at the top, expected an object",
            kind_of(&value)
        ));
    }
    let get = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let instance = get("id")
        .or_else(|| get("url"))
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .filter(|host| !host.is_empty());
    let handle = get("preferredUsername").map(|user| match instance {
        Some(host) => format!("{user}@{host}"),
        None => user.to_owned(),
    });
    let mut actor = Actor {
        handle,
        display_name: get("name").map(str::to_owned),
        followers: get("followers").map(str::to_owned),
        profile: None,
    };

    let mut parts = Vec::new();
    let mut urls = Vec::new();
    if let Some(bio) = get("summary") {
        let (text, links) = html::to_text(bio);
        parts.push(text);
        urls.extend(links);
    }
    // Profile fields (`PropertyValue`: "Web" → a link) are shown on the profile page too.
    if let Some(Value::Array(fields)) = value.get("attachment") {
        for field in fields {
            let name = field
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let Some(shown) = field.get("value").and_then(Value::as_str) else {
                continue;
            };
            let (text, links) = html::to_text(shown);
            parts.push(format!("{}: {text}", html::to_text(name).0));
            for link in links {
                if !urls.contains(&link) {
                    urls.push(link);
                }
            }
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    if !parts.is_empty() {
        let mut item = Item::new(
            Platform::Mastodon,
            ItemKind::Profile,
            "profile",
            SourceRef {
                file: file.to_owned(),
                position: 1,
            },
        );
        item.text = parts.join("\n\n");
        item.urls = urls;
        item.audience = Audience::Public;
        item.permalink = get("url").or(get("id")).map(str::to_owned);
        actor.profile = Some(item);
    }
    Ok(actor)
}
