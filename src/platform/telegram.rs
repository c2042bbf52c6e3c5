//! Telegram Desktop reader: `result.json` from "Export Telegram data" / "Export chat history"
//! with the machine-readable JSON option — the whole-account export (`personal_information`,
//! `chats.list[]`, `left_chats.list[]`) and the single-chat export (`name`, `type`, `messages`).
//!
//! Only the account owner's own messages are items; everyone else's are counted under
//! `excluded` as `others_messages`, so a chat log never passes for the owner's speech:
//! - in channels (`public_channel`, `private_channel`) → `post`, public or followers-only
//!   (subscribers);
//! - in groups → `comment`: `public_supergroup` is public (anyone can read it), private groups
//!   and supergroups are followers-only (members);
//! - in private chats, bot chats and saved messages → `message`, direct (counted, audited
//!   only with `--include-private`);
//! - a forwarded message (`forwarded_from`) → `repost` of the forwarded text, target = its
//!   source, the chat's audience;
//! - `location_information` (a shared location or live location) → a geotag;
//!   photos and files → media paths inside the archive (not when "File not included").
//!
//! Decisions:
//! - The owner is `personal_information.user_id` (`from_id` is `user<id>`). A single-chat
//!   export does not name its exporter: in a personal chat (named after the other person) the
//!   owner is whoever is not that person; saved messages are all the owner's; a channel's
//!   posts are taken as the account's (a channel is exported by whoever audits it); in a
//!   group the owner cannot be told, so its messages are counted as `owner_unknown` and an
//!   error says to export the whole account instead.
//! - Service messages (joined, calls, pins) are not speech and are not counted.
//! - `date_unixtime` (UTC instant) is used; else `date` (local time, no offset → WIB).

use serde_json::{Map, Value};

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Audience, Item, ItemKind, Location, LocationOrigin, Media, Platform};
use crate::platform::kit::{self, Problems, Run};
use crate::platform::{dates, GenericColumns, PlatformReader, Reading};

pub struct TelegramReader;

const SHAPE: &str = "Telegram Desktop's JSON export: an object with `chats.list` (whole \
     account) or `messages` (one chat)";

impl PlatformReader for TelegramReader {
    fn platform(&self) -> Platform {
        Platform::Telegram
    }

    fn recognise(&self, entries: &[Entry]) -> u32 {
        if !entries.iter().any(|e| kit::lower_name(e) == "result.json") {
            return 0;
        }
        // Telegram Desktop puts media in these folders beside result.json.
        let telegram_folders = entries.iter().any(|e| {
            e.path.split('/').any(|f| {
                f.starts_with("ChatExport_") || f.starts_with("DataExport_") || f == "chats"
            })
        });
        if telegram_folders {
            60
        } else {
            40
        }
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let mut run = Run::new(archive);
        for (index, entry) in archive.entries().iter().enumerate() {
            let name = kit::lower_name(entry);
            if name == "result.json" {
                read_file(&mut run, index);
            } else if name.ends_with(".html") || name.ends_with(".css") || name.ends_with(".js") {
                run.ignore(index, "HTML export viewer file (the JSON export is read)");
            } else if entry.path.contains('/') && !name.ends_with(".json") {
                run.ignore(index, "media file");
            }
        }
        run.finish()
    }
}

fn read_file(run: &mut Run, index: usize) {
    let Some(text) = run.text(index) else { return };
    let root: Map<String, Value> = match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return run.fail(index, "is JSON but not an object", SHAPE),
        Err(e) => return run.fail(index, format!("is not readable JSON ({e})"), SHAPE),
    };
    let path = run.entries()[index].path.clone();
    let folder = path.rsplit_once('/').map(|(f, _)| format!("{f}/"));
    let mut file = FileReader {
        file: path.clone(),
        folder: folder.unwrap_or_default(),
        items: Vec::new(),
        problems: Problems::default(),
        found: 0,
        seen: 0,
        others: 0,
        unknown: 0,
    };
    let owner = root
        .get("personal_information")
        .and_then(|p| p.get("user_id"))
        .and_then(text_of)
        .map(|id| format!("user{id}"));
    if let Some(info) = root.get("personal_information") {
        let name = ["username"]
            .iter()
            .find_map(|k| info.get(*k).and_then(text_of))
            .map(|u| u.trim_start_matches('@').to_owned());
        if run.reading.handle.is_none() {
            run.reading.handle = name.filter(|n| !n.is_empty());
        }
        let display = [info.get("first_name"), info.get("last_name")]
            .into_iter()
            .flatten()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join(" ");
        if !display.trim().is_empty() && run.reading.display_name.is_none() {
            run.reading.display_name = Some(display.trim().to_owned());
        }
    }
    let mut chats: Vec<&Map<String, Value>> = Vec::new();
    let mut whole = false;
    for key in ["chats", "left_chats"] {
        if let Some(section) = root.get(key) {
            whole = true;
            match section.get("list") {
                Some(Value::Array(list)) => {
                    for (n, chat) in list.iter().enumerate() {
                        match chat {
                            Value::Object(chat) => chats.push(chat),
                            _ => file.problems.broken(format!(
                                "`{key}.list` entry {} is not a chat object",
                                n + 1
                            )),
                        }
                    }
                }
                _ => file
                    .problems
                    .broken(format!("`{key}` has no `list` of chats")),
            }
        }
    }
    if !whole {
        if !root.contains_key("messages") {
            return run.fail(index, "has neither `chats` nor `messages`", SHAPE);
        }
        chats.push(&root);
    }
    for chat in chats {
        let owner = match &owner {
            Some(owner) => Owner::Id(owner.clone()),
            None if whole => Owner::Unknown,
            None => single_chat_owner(chat),
        };
        file.chat(chat, &owner);
    }
    if file.unknown > 0 {
        run.reading.errors.push(InputError::new(
            run.archive.describe(&path),
            format!(
                "is a single-chat export of a group: {} messages could not be told apart as the \
                 account's or others'; export the whole account (Settings → Advanced → Export \
                 Telegram data, JSON) so `personal_information` names the owner",
                file.unknown
            ),
        ));
    }
    run.exclude("others_messages", file.others);
    run.exclude("owner_unknown", file.unknown);
    run.done(index, file.items, file.found, file.problems);
}

enum Owner {
    Id(String),
    /// Every message is the owner's (saved messages, a channel's own export).
    Everyone,
    Unknown,
}

fn single_chat_owner(chat: &Map<String, Value>) -> Owner {
    let kind = chat.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "saved_messages" | "public_channel" | "private_channel" => Owner::Everyone,
        "personal_chat" | "bot_chat" => {
            let peer = chat.get("name").and_then(Value::as_str).unwrap_or("");
            let other = messages(chat).iter().find_map(|m| {
                let from = m.get("from").and_then(Value::as_str)?;
                let id = m.get("from_id").and_then(text_of)?;
                (from != peer).then_some(id)
            });
            other.map_or(Owner::Unknown, Owner::Id)
        }
        _ => Owner::Unknown,
    }
}

fn messages(chat: &Map<String, Value>) -> &[Value] {
    match chat.get("messages") {
        Some(Value::Array(list)) => list,
        _ => &[],
    }
}

struct FileReader {
    file: String,
    /// The folder of `result.json`, which media paths are relative to.
    folder: String,
    items: Vec<Item>,
    problems: Problems,
    found: usize,
    /// Messages of every sender seen so far: an item's position in the file.
    seen: usize,
    others: u64,
    unknown: u64,
}

impl FileReader {
    fn chat(&mut self, chat: &Map<String, Value>, owner: &Owner) {
        let kind = chat.get("type").and_then(Value::as_str).unwrap_or("");
        let chat_id = chat.get("id").and_then(text_of).unwrap_or_default();
        let chat_name = chat.get("name").and_then(text_of);
        let (item_kind, audience) = match kind {
            "public_channel" => (ItemKind::Post, Audience::Public),
            "private_channel" => (ItemKind::Post, Audience::Followers),
            "public_supergroup" => (ItemKind::Comment, Audience::Public),
            "private_group" | "private_supergroup" => (ItemKind::Comment, Audience::Followers),
            // personal_chat, bot_chat, saved_messages and anything new: private until known.
            _ => (ItemKind::Message, Audience::Direct),
        };
        if chat.get("messages").is_some_and(|m| !m.is_array()) {
            self.problems
                .broken(format!("chat {chat_id}: `messages` is not a list"));
        }
        for raw in messages(chat) {
            self.seen += 1;
            let position = self.seen;
            let Value::Object(m) = raw else {
                self.found += 1;
                self.problems
                    .skip(position, "a message that is not an object");
                continue;
            };
            if m.get("type").and_then(Value::as_str).unwrap_or("message") != "message" {
                continue;
            }
            let from = m.get("from_id").and_then(text_of);
            let own = match owner {
                Owner::Id(id) => from.as_deref() == Some(id.as_str()),
                Owner::Everyone => true,
                Owner::Unknown => {
                    self.unknown += 1;
                    continue;
                }
            };
            if !own {
                self.others += 1;
                continue;
            }
            self.found += 1;
            let Some(id) = m.get("id").and_then(text_of) else {
                self.problems.skip(position, "a message without `id`");
                continue;
            };
            let forwarded = m.get("forwarded_from").and_then(text_of);
            let kind = if forwarded.is_some() {
                ItemKind::Repost
            } else {
                item_kind
            };
            let mut item = Item::new(
                Platform::Telegram,
                kind,
                format!("{chat_id}/{id}"),
                kit::source(&self.file, position),
            );
            item.audience = audience;
            item.target = forwarded.or_else(|| {
                (item_kind != ItemKind::Post)
                    .then(|| chat_name.clone())
                    .flatten()
            });
            item.created_at = match m.get("date_unixtime").and_then(text_of) {
                Some(unix) => kit::from_unix(&unix),
                None => m
                    .get("date")
                    .and_then(text_of)
                    .and_then(|d| dates::parse_flexible_datetime(&d)),
            };
            if item.created_at.is_none() {
                self.problems
                    .gap(position, "no readable `date_unixtime` or `date`");
            }
            self.text(m, &mut item, position);
            self.location(m, &mut item);
            for key in ["photo", "file", "thumbnail"] {
                if let Some(path) = m.get(key).and_then(Value::as_str) {
                    if !path.starts_with('(') && !path.trim().is_empty() {
                        item.media.push(Media {
                            path: format!("{}{}", self.folder, path),
                            gps: None,
                        });
                    }
                }
            }
            if kind == ItemKind::Post && !chat_id.is_empty() {
                // Public channel links need the channel's username, which the export lacks;
                // the private-link form works for members and admins.
                let bare = chat_id
                    .trim_start_matches("channel")
                    .trim_start_matches('-');
                item.permalink = Some(format!("https://t.me/c/{bare}/{id}"));
            }
            self.items.push(item);
        }
    }

    fn text(&mut self, m: &Map<String, Value>, item: &mut Item, position: usize) {
        let mut text = String::new();
        match m.get("text") {
            Some(Value::String(s)) => text.push_str(s),
            Some(Value::Array(parts)) => {
                for part in parts {
                    match part {
                        Value::String(s) => text.push_str(s),
                        Value::Object(o) => {
                            text.push_str(o.get("text").and_then(Value::as_str).unwrap_or(""))
                        }
                        _ => {}
                    }
                }
            }
            None | Some(Value::Null) => {}
            Some(_) => self
                .problems
                .gap(position, "`text` is neither a string nor a list"),
        }
        if let Some(Value::Object(poll)) = m.get("poll") {
            let mut lines = vec![poll
                .get("question")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()];
            if let Some(Value::Array(answers)) = poll.get("answers") {
                lines.extend(
                    answers
                        .iter()
                        .filter_map(|a| a.get("text").and_then(Value::as_str))
                        .map(|a| format!("- {a}")),
                );
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&lines.join("\n"));
        }
        item.text = text;
        // Entities: `text_entities` lists every part; older exports only have the `text` list.
        let entities = match (m.get("text_entities"), m.get("text")) {
            (Some(Value::Array(e)), _) => e.as_slice(),
            (_, Some(Value::Array(e))) => e.as_slice(),
            _ => &[],
        };
        for entity in entities {
            let Value::Object(e) = entity else { continue };
            let value = e.get("text").and_then(Value::as_str).unwrap_or("").trim();
            match e.get("type").and_then(Value::as_str).unwrap_or("") {
                "link" => kit::push_unique(&mut item.urls, value),
                "text_link" => {
                    if let Some(href) = e.get("href").and_then(Value::as_str) {
                        kit::push_unique(&mut item.urls, href);
                    }
                }
                "mention" => kit::push_unique(&mut item.mentions, value.trim_start_matches('@')),
                "mention_name" => kit::push_unique(&mut item.mentions, value),
                "hashtag" => kit::push_unique(&mut item.hashtags, value.trim_start_matches('#')),
                _ => {}
            }
        }
    }

    fn location(&mut self, m: &Map<String, Value>, item: &mut Item) {
        let Some(Value::Object(loc)) = m.get("location_information") else {
            return;
        };
        let number = |k: &str| {
            loc.get(k).and_then(|v| match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            })
        };
        let name = [m.get("place_name"), m.get("address")]
            .into_iter()
            .flatten()
            .filter_map(text_of)
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        item.location = Some(Location {
            lat: number("latitude"),
            lon: number("longitude"),
            name: (!name.is_empty()).then_some(name),
            origin: LocationOrigin::Geotag,
        });
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
