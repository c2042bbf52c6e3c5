//! `outbox.json`: an ActivityStreams `OrderedCollection` whose `orderedItems` are `Create`
//! activities (a `Note`, or a `Question` for polls) and `Announce` activities (boosts: only
//! the boosted post's URL).
//!
//! Decisions:
//! - Audience from the object's `to`/`cc` (the activity's when the object has none): the
//!   Public collection in `to` is public, in `cc` unlisted; a followers collection alone is
//!   followers-only; only named actors is a direct message (`message`, audience direct).
//! - A direct message stays a `message` even when it answers a post: privacy decides how it
//!   is audited, not threading.
//! - The content warning (`summary`) is the account's own words and is audited before the
//!   body; poll options follow the body.
//! - The id is the status id (the last segment of the object's or activity's URL), which is
//!   what Mastodon shows in links; the full URL when there is no such segment.
//! - An attachment's URL is matched to the archive's `media_attachments/…` file when there is
//!   one (instances put a bucket name before it), so the EXIF pass can open the photo.

use crate::platform::json::kind_of;
use chrono::DateTime;
use serde_json::Value;

use crate::model::{Audience, Item, ItemKind, Media, Platform, SourceRef};
use crate::platform::problems::Problems;

use super::html;

pub const PUBLIC: [&str; 3] = [
    "https://www.w3.org/ns/activitystreams#Public",
    "as:Public",
    "Public",
];

/// What the outbox needs from the rest of the archive.
pub struct Context<'a> {
    /// The account's followers collection, from `actor.json`.
    pub followers: Option<&'a str>,
    /// Every entry path of the archive, to find attached media.
    pub entry_paths: &'a [&'a str],
}

/// Reads the outbox: how many activities it holds, and the items.
pub fn read(
    text: &str,
    file: &str,
    context: &Context,
    problems: &mut Problems,
) -> Result<(usize, Vec<Item>), String> {
    let activities = ordered_items(text)?;
    let mut items = Vec::with_capacity(activities.len());
    for (index, activity) in activities.iter().enumerate() {
        let position = index + 1;
        let source = SourceRef {
            file: file.to_owned(),
            position,
        };
        match read_activity(activity, source, context) {
            Ok(item) => items.push(item),
            Err(reason) => problems.skip(position, reason),
        }
    }
    Ok((activities.len(), items))
}

/// The `orderedItems` array of an `OrderedCollection` (also accepts `items`).
pub fn ordered_items(text: &str) -> Result<Vec<Value>, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("is not valid JSON ({e}; cut off or not an export file?)"))?;
    let Value::Object(mut map) = value else {
        return Err(format!(
            "holds {} of JSON at the top, expected an object",
            kind_of(&value)
        ));
    };
    match map.remove("orderedItems").or_else(|| map.remove("items")) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(format!(
            "has `orderedItems` as {}, expected a list",
            kind_of(&other)
        )),
        None => Err("has no `orderedItems` list".into()),
    }
}

fn read_activity(activity: &Value, source: SourceRef, context: &Context) -> Result<Item, String> {
    let Some(kind) = activity.get("type").and_then(Value::as_str) else {
        return Err(format!(
            "an activity without a `type` ({})",
            kind_of(activity)
        ));
    };
    match kind {
        "Create" => read_create(activity, source, context),
        "Announce" => read_announce(activity, source, context),
        other => Err(format!("activity type `{other}` is not read")),
    }
}

fn read_create(activity: &Value, source: SourceRef, context: &Context) -> Result<Item, String> {
    let object = match activity.get("object") {
        Some(object @ Value::Object(_)) => object,
        Some(Value::String(url)) => {
            return Err(format!("`Create` of `{url}` without the post itself"));
        }
        _ => return Err("`Create` without an `object`".into()),
    };
    let id_url = string(object, "id").or_else(|| string(activity, "id"));
    let id = match id_url {
        Some(url) => status_id(url),
        None => format!("{}#{}", source.file, source.position),
    };
    let audience = audience(object, context)
        .unwrap_or_else(|| audience(activity, context).unwrap_or(Audience::Unknown));
    let reply_to = string(object, "inReplyTo");
    let quote_of = string(object, "quote")
        .or_else(|| string(object, "quoteUri"))
        .or_else(|| string(object, "quoteUrl"))
        .or_else(|| string(object, "_misskey_quote"));
    let kind = if audience == Audience::Direct {
        ItemKind::Message
    } else if let Some(_quoted) = quote_of {
        ItemKind::Quote
    } else if reply_to.is_some() {
        ItemKind::Reply
    } else {
        ItemKind::Post
    };
    let mut item = Item::new(Platform::Mastodon, kind, id, source);
    item.audience = audience;
    item.target = match kind {
        ItemKind::Quote => quote_of.map(str::to_owned),
        _ => reply_to.map(str::to_owned),
    };
    item.created_at = string(object, "published")
        .or_else(|| string(activity, "published"))
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    item.permalink = string(object, "url")
        .or(id_url)
        .filter(|u| u.starts_with("http"))
        .map(str::to_owned);
    item.sensitive = object.get("sensitive").and_then(Value::as_bool) == Some(true);

    let mut parts = Vec::new();
    if let Some(warning) = string(object, "summary") {
        parts.push(html::to_text(warning).0);
    }
    if let Some(content) = string(object, "content") {
        let (text, links) = html::to_text(content);
        parts.push(text);
        item.urls = links;
    }
    for options in ["oneOf", "anyOf"] {
        if let Some(Value::Array(choices)) = object.get(options) {
            parts.extend(
                choices
                    .iter()
                    .filter_map(|c| string(c, "name"))
                    .map(|name| format!("- {name}")),
            );
        }
    }
    parts.retain(|p| !p.is_empty());
    item.text = parts.join("\n\n");

    if let Some(Value::Array(tags)) = object.get("tag") {
        for tag in tags {
            let name = string(tag, "name").unwrap_or_default();
            match string(tag, "type") {
                Some("Hashtag") => push_unique(&mut item.hashtags, name.trim_start_matches('#')),
                Some("Mention") => push_unique(&mut item.mentions, name.trim_start_matches('@')),
                _ => {}
            }
        }
    }
    if let Some(Value::Array(attachments)) = object.get("attachment") {
        for attachment in attachments {
            let url = match attachment.get("url") {
                Some(Value::String(url)) => Some(url.as_str()),
                Some(Value::Array(urls)) => urls
                    .iter()
                    .find_map(|u| u.as_str().or_else(|| string(u, "href"))),
                Some(url @ Value::Object(_)) => string(url, "href"),
                _ => None,
            };
            if let Some(url) = url.filter(|u| !u.is_empty()) {
                item.media.push(Media {
                    path: media_path(url, context.entry_paths),
                    gps: None,
                });
            }
        }
    }
    Ok(item)
}

fn read_announce(activity: &Value, source: SourceRef, context: &Context) -> Result<Item, String> {
    let boosted = match activity.get("object") {
        Some(Value::String(url)) => url.as_str(),
        Some(object @ Value::Object(_)) => string(object, "id")
            .or_else(|| string(object, "url"))
            .ok_or("`Announce` of an object without an `id`")?,
        _ => return Err("`Announce` without an `object`".into()),
    };
    let id = match string(activity, "id") {
        Some(url) => status_id(url.trim_end_matches("/activity")),
        None => format!("{}#{}", source.file, source.position),
    };
    let mut item = Item::new(Platform::Mastodon, ItemKind::Repost, id, source);
    item.audience = audience(activity, context).unwrap_or(Audience::Unknown);
    item.created_at =
        string(activity, "published").and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    item.target = Some(boosted.to_owned());
    // A boost has no page of its own; the boosted post is what the reader would open.
    item.permalink = Some(boosted.to_owned());
    if let Some(Value::Object(object)) = activity.get("object") {
        if let Some(content) = object.get("content").and_then(Value::as_str) {
            let (text, links) = html::to_text(content);
            item.text = text;
            item.urls = links;
        }
    }
    Ok(item)
}

/// The audience from `to` and `cc`, or `None` when the object has neither.
pub fn audience(object: &Value, context: &Context) -> Option<Audience> {
    let to = addresses(object.get("to"));
    let cc = addresses(object.get("cc"));
    if object.get("to").is_none() && object.get("cc").is_none() {
        return None;
    }
    let is_public = |a: &&str| PUBLIC.contains(a);
    let is_followers = |a: &&str| context.followers == Some(*a) || a.ends_with("/followers");
    Some(if to.iter().any(is_public) {
        Audience::Public
    } else if cc.iter().any(is_public) {
        Audience::Unlisted
    } else if to.iter().chain(&cc).any(is_followers) {
        Audience::Followers
    } else {
        Audience::Direct
    })
}

fn addresses(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn string<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// `https://kota.social/users/budi/statuses/1093` → `1093`.
fn status_id(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rsplit_once('/') {
        Some((_, last))
            if !last.is_empty() && last.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
        {
            last.to_owned()
        }
        _ => url.to_owned(),
    }
}

/// The archive entry an attachment URL points at, or the URL as written.
fn media_path(url: &str, entry_paths: &[&str]) -> String {
    if let Some(at) = url.find("media_attachments/") {
        let tail = &url[at..];
        if let Some(found) = entry_paths.iter().find(|p| {
            p.ends_with(tail)
                && (p.len() == tail.len() || p.as_bytes()[p.len() - tail.len() - 1] == b'/')
        }) {
            return (*found).to_owned();
        }
    }
    url.trim_start_matches('/').to_owned()
}
