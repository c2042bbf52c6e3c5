//! Messenger threads (`messages/inbox/<thread>/message_N.json`): `{"participants": [{"name"}],
//! "messages": [{"sender_name", "timestamp_ms", "content", "photos", "share"}], "title"}`.
//! Only the account's own messages are its acts; they are `message` items with audience
//! `direct`, which the audit counts but does not audit unless asked.

use serde_json::{Map, Value};

use crate::model::{Audience, Item, ItemKind};
use crate::platform::outline::{self, Outline};

use super::entries::Context;
use super::value::{array, as_text, epoch, hashtags, links, object, text};

/// The participants' names of a thread file.
pub fn participants(file: &Value) -> Vec<String> {
    file.as_object()
        .map(|obj| {
            array(obj, "participants")
                .iter()
                .filter_map(|p| match p {
                    Value::Object(p) => text(p, "name"),
                    other => as_text(other),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The thread's title (the other person, or the group chat's name).
pub fn title(file: &Outline) -> Option<String> {
    as_text(&outline::member(file, "title")?)
}

/// The item of one message, or `None` when someone else sent it. `owner` is the account's
/// name when known; without it every message is kept.
pub fn read(
    ctx: &Context,
    entry: &Value,
    position: usize,
    owner: Option<&str>,
    thread: Option<&str>,
) -> Result<Option<Item>, String> {
    let Some(obj) = entry.as_object() else {
        return Err(format!(
            "found {} where a message object was expected",
            super::sections::kind_of(entry)
        ));
    };
    let sender = text(obj, "sender_name");
    if let (Some(owner), Some(sender)) = (owner, sender.as_deref()) {
        if owner != sender {
            return Ok(None);
        }
    }
    let mut item = ctx.item(ItemKind::Message, position);
    item.audience = Audience::Direct;
    item.created_at = obj
        .get("timestamp_ms")
        .and_then(|v| epoch(v, true))
        .or_else(|| obj.get("timestamp").and_then(|v| epoch(v, false)));
    let mut texts: Vec<String> = text(obj, "content").into_iter().collect();
    if let Some(share) = object(obj, "share") {
        if let Some(shared) = text(share, "share_text") {
            if !texts.contains(&shared) {
                texts.push(shared);
            }
        }
        if let Some(link) = text(share, "link") {
            item.urls.push(link);
        }
    }
    item.text = texts.join("\n");
    for url in links(&item.text) {
        if !item.urls.contains(&url) {
            item.urls.push(url);
        }
    }
    item.hashtags = hashtags(&item.text);
    item.media = media(obj, ctx);
    item.target = thread.map(str::to_owned);
    Ok(Some(item))
}

fn media(obj: &Map<String, Value>, ctx: &Context) -> Vec<crate::model::Media> {
    let mut out = Vec::new();
    for key in ["photos", "videos", "gifs", "audio_files", "files"] {
        for m in array(obj, key) {
            if let Some(uri) = m.as_object().and_then(|m| text(m, "uri")) {
                out.push(crate::model::Media {
                    path: ctx.resolver.resolve(&uri),
                    gps: None,
                });
            }
        }
    }
    if let Some(uri) = object(obj, "sticker").and_then(|s| text(s, "uri")) {
        out.push(crate::model::Media {
            path: ctx.resolver.resolve(&uri),
            gps: None,
        });
    }
    out
}
