//! Direct messages: `messages/inbox/<thread>/message_1.json` (`{"participants": [{"name"}],
//! "messages": [{"sender_name", "timestamp_ms", "content", "photos": [{"uri"}], "share":
//! {"link"}}], "title"}`). Only the account's own messages are its words: when the owner's
//! name is known, messages from other participants are left out; when it is not, every
//! message is kept (they are private and only audited with `--include-private`).

use serde_json::Value;

use super::json::{self, as_text, text, time_of};
use super::text::entities;
use super::Ctx;
use crate::model::{Audience, Item, ItemKind, Media};
use crate::platform::outline::{self, Outline};
use crate::platform::problems::Problems;

pub struct Messages {
    pub items: Vec<Item>,
    /// Messages in the file, own or not.
    pub found: usize,
    /// Messages left out because another participant sent them.
    pub others: usize,
}

pub fn read(
    root: &Outline,
    ctx: &Ctx,
    owner: Option<&str>,
    problems: &mut Problems,
) -> Result<Messages, String> {
    let Some(list) = root.get("messages").and_then(outline::list) else {
        return Err(format!("found {} without `messages`", root.kind()));
    };
    let title = outline::member(root, "title").as_ref().and_then(as_text);
    let mut out = Messages {
        items: Vec::new(),
        found: list.len(),
        others: 0,
    };
    for (index, &message) in list.iter().enumerate() {
        let position = index + 1;
        let message = match outline::entry(message) {
            Ok(message) => message,
            Err(reason) => {
                problems.skip(position, reason);
                continue;
            }
        };
        let message = &message;
        if !message.is_object() {
            problems.skip(
                position,
                format!("expected an object, found {}", json::kind_of(message)),
            );
            continue;
        }
        let sender = text(message, "sender_name");
        if let (Some(owner), Some(sender)) = (owner, &sender) {
            if sender != owner {
                out.others += 1;
                continue;
            }
        }
        let mut item = ctx.item_of(ItemKind::Message, position);
        item.text = text(message, "content").unwrap_or_default();
        item.created_at = time_of(message, &["timestamp_ms", "timestamp"]);
        item.target = title.clone();
        for key in ["photos", "videos", "audio_files", "files", "gifs"] {
            for m in message
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(path) = text(m, "uri") {
                    item.media.push(Media { path, gps: None });
                }
            }
        }
        ctx.finish(&mut item);
        if let Some(share) = message.get("share") {
            if let Some(link) = text(share, "link") {
                if !item.urls.contains(&link) {
                    item.urls.push(link);
                }
            }
            if item.text.is_empty() {
                if let Some(shared) = text(share, "share_text") {
                    let (tags, mentions, _) = entities(&shared);
                    item.text = shared;
                    item.hashtags = tags;
                    item.mentions = mentions;
                }
            }
        }
        item.audience = Audience::Direct;
        out.items.push(item);
    }
    Ok(out)
}
