//! YouTube reader: the `YouTube and YouTube Music` part of a Google Takeout (zip or folder),
//! in English, Indonesian (`YouTube dan YouTube Music`, `komentar`) or Spanish (`YouTube y
//! YouTube Music`, `comentarios`).
//!
//! Read: comments CSV → `comment` (both column orders: before June 2024 `Comment ID` first,
//! after it `Channel ID` first — columns are found by name); live chat CSV → `comment` on the
//! live video; the video metadata CSV (own uploads) → `post` (title and description, audience
//! from the privacy column); subscriptions CSV → `follow` of the channel.
//!
//! Decisions:
//! - Takeout translates folder names, file names and headers. Files are recognised by words
//!   in their names (`comment`/`comentario`/`komentar`, `chat`, `video`, `subscri…`/
//!   `suscrip…`/`langganan`) and columns by their English, Spanish or Indonesian header.
//! - Comment text is either plain text or JSON rich text: `{"takeoutSegments":[{"text":…}]}`
//!   (old) or `{"text":…},{"text":…}` fragments (new, read as a JSON list); the segments'
//!   texts are joined.
//! - Watch and search history are not the account's speech: ignored with that reason.
//! - Comments and live chat messages are public; an unreadable timestamp keeps the item
//!   without a date and is reported.

use serde_json::Value;

use crate::archive::{Archive, Entry};
use crate::model::{Audience, Item, ItemKind, Platform};
use crate::platform::kit::{self, meaningful, Problems, Run, Table};
use crate::platform::{dates, GenericColumns, PlatformReader, Reading};

pub struct YoutubeReader;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Comments,
    LiveChat,
    Videos,
    Subscriptions,
    History,
}

/// The folder names Takeout gives YouTube's part in the supported languages.
fn in_youtube(path: &str) -> bool {
    let lower = path.to_lowercase();
    lower.contains("youtube") || lower.starts_with("takeout/")
}

fn role(entry: &Entry) -> Option<Role> {
    let name = kit::lower_name(entry);
    let path = entry.path.to_lowercase();
    let folders = path.rsplit_once('/').map_or("", |(f, _)| f);
    if name.ends_with(".csv") {
        if name.contains("chat") {
            return Some(Role::LiveChat);
        }
        if name.contains("comment") || name.contains("comentario") || name.contains("komentar") {
            return Some(Role::Comments);
        }
        if name.contains("subscri") || name.contains("suscrip") || name.contains("langganan") {
            return Some(Role::Subscriptions);
        }
        let video_name = matches!(
            name.as_str(),
            "videos.csv" | "vídeos.csv" | "video.csv" | "vídeo.csv"
        );
        if video_name || (name.contains("video") && folders.contains("metada")) {
            return Some(Role::Videos);
        }
        return None;
    }
    let history = ["history", "historial", "histori", "riwayat"]
        .iter()
        .any(|w| folders.contains(w) || name.contains(w));
    let viewing = [
        "watch",
        "search",
        "reproduc",
        "búsqueda",
        "busqueda",
        "tontonan",
        "penelusuran",
    ]
    .iter()
    .any(|w| name.contains(w));
    if history || viewing {
        return Some(Role::History);
    }
    None
}

impl PlatformReader for YoutubeReader {
    fn platform(&self) -> Platform {
        Platform::Youtube
    }

    fn recognise(&self, entries: &[Entry]) -> u32 {
        let mut score = 0;
        for e in entries.iter().filter(|e| in_youtube(&e.path)) {
            score += match role(e) {
                Some(Role::Comments) | Some(Role::LiveChat) | Some(Role::Videos) => 30,
                Some(Role::History) | Some(Role::Subscriptions) => 15,
                None => 0,
            };
            if e.path.to_lowercase().contains("youtube") {
                score += 10;
            }
        }
        score.min(100)
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let mut run = Run::new(archive);
        for (index, entry) in archive.entries().iter().enumerate() {
            match role(entry) {
                Some(Role::History) => run.ignore(
                    index,
                    "not audited: watch and search history are not the account's own speech",
                ),
                Some(role) => read_file(&mut run, index, role),
                None if !in_youtube(&entry.path) => {
                    run.ignore(index, "not part of YouTube's Takeout data")
                }
                None => {}
            }
        }
        run.finish()
    }
}

const ID: &[&str] = &["Comment ID", "ID de comentario", "ID Komentar"];
const PARENT: &[&str] = &[
    "Parent Comment ID",
    "ID de comentario principal",
    "ID Komentar Induk",
];
const VIDEO: &[&str] = &["Video ID", "ID de vídeo", "ID de video", "ID Video"];
const COMMENT_TIME: &[&str] = &[
    "Comment Create Timestamp",
    "Marca de tiempo de creación del comentario",
    "Stempel Waktu Pembuatan Komentar",
];
const COMMENT_TEXT: &[&str] = &["Comment Text", "Texto del comentario", "Teks Komentar"];
const CHAT_ID: &[&str] = &[
    "Live Chat ID",
    "ID del mensaje del chat en directo",
    "ID Chat Live",
];
const CHAT_TIME: &[&str] = &[
    "Live Chat Create Timestamp",
    "Marca de tiempo de creación del mensaje del chat en directo",
    "Stempel Waktu Pembuatan Chat Live",
];
const CHAT_TEXT: &[&str] = &[
    "Live Chat Text",
    "Texto del mensaje del chat en directo",
    "Teks Chat Live",
];

fn read_file(run: &mut Run, index: usize, role: Role) {
    let Some(text) = run.text(index) else { return };
    let mut problems = Problems::default();
    let (anchors, expected): (&[&str], &str) = match role {
        Role::Comments => (COMMENT_TEXT, "YouTube's comments CSV (`…,Comment Text`)"),
        Role::LiveChat => (CHAT_TEXT, "YouTube's live chat CSV (`…,Live Chat Text`)"),
        Role::Videos => (
            VIDEO,
            "YouTube's video metadata CSV (`Video ID,…,Video Title (Original),…`)",
        ),
        Role::Subscriptions => (
            &["Channel ID", "Channel Id", "ID de canal", "ID Channel"],
            "YouTube's subscriptions CSV (`Channel Id,Channel Url,Channel Title`)",
        ),
        Role::History => return,
    };
    let table = match Table::parse(&text, anchors, &mut problems) {
        Ok(t) => t,
        Err(message) => return run.fail(index, message, expected),
    };
    let file = run.entries()[index].path.clone();
    let found = table.rows.len() + table.skipped;
    let col = |names: &[&str]| table.column(names);
    let mut items = Vec::new();
    for (position, row) in &table.rows {
        let get = |c: Option<usize>| Table::get(row, c);
        let source = kit::source(&file, *position);
        let item = match role {
            Role::Comments | Role::LiveChat => {
                let (ids, times, texts) = if role == Role::Comments {
                    (ID, COMMENT_TIME, COMMENT_TEXT)
                } else {
                    (CHAT_ID, CHAT_TIME, CHAT_TEXT)
                };
                let id = meaningful(get(col(ids)))
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("row-{position}"));
                let mut item = Item::new(Platform::Youtube, ItemKind::Comment, id, source);
                item.text = rich_text(get(col(texts)));
                kit::entities(&item.text.clone(), &mut item);
                item.audience = Audience::Public;
                let video = meaningful(get(col(VIDEO)));
                if let Some(video) = video {
                    let watch = format!("https://www.youtube.com/watch?v={video}");
                    item.permalink = Some(if role == Role::Comments {
                        format!("{watch}&lc={}", item.id)
                    } else {
                        watch.clone()
                    });
                    item.target = Some(watch);
                }
                if let Some(parent) = meaningful(get(col(PARENT))) {
                    item.target = Some(format!("comment {parent}"));
                }
                date(&mut item, get(col(times)), &mut problems);
                item
            }
            Role::Videos => {
                let Some(id) = meaningful(get(col(VIDEO))).map(str::to_owned) else {
                    problems.skip(*position, "a video without an id");
                    continue;
                };
                let mut item = Item::new(Platform::Youtube, ItemKind::Post, id, source);
                let title = get(header_with(&table, &["title", "título", "titulo", "judul"]));
                let description = get(header_with(
                    &table,
                    &["description", "descripción", "descripcion", "deskripsi"],
                ));
                item.text = kit::paragraphs(&[title, description]);
                kit::entities(&item.text.clone(), &mut item);
                item.permalink = Some(format!("https://www.youtube.com/watch?v={}", item.id));
                let privacy =
                    get(header_with(&table, &["privacy", "privacidad", "privasi"])).to_lowercase();
                item.audience = match privacy.as_str() {
                    "public" | "público" | "publico" | "publik" => Audience::Public,
                    "unlisted" | "no listado" | "tidak publik" | "tidak terdaftar" => {
                        Audience::Unlisted
                    }
                    _ => Audience::Unknown,
                };
                let created = header_with(&table, &["create", "creación", "creacion", "pembuatan"]);
                let published = header_with(&table, &["publish", "publicación", "publikasi"]);
                let raw = if get(published).is_empty() {
                    get(created)
                } else {
                    get(published)
                };
                date(&mut item, raw, &mut problems);
                item
            }
            Role::Subscriptions => {
                let channel = get(col(&[
                    "Channel Id",
                    "Channel ID",
                    "ID de canal",
                    "ID Channel",
                ]));
                let url = meaningful(get(col(&[
                    "Channel Url",
                    "Channel URL",
                    "URL del canal",
                    "URL Channel",
                ])))
                .map(str::to_owned);
                let title = get(col(&[
                    "Channel Title",
                    "Título del canal",
                    "Nama Channel",
                    "Judul Channel",
                ]));
                if channel.is_empty() && url.is_none() {
                    problems.skip(*position, "a subscription without a channel");
                    continue;
                }
                let id = if channel.is_empty() {
                    format!("subscription-{position}")
                } else {
                    channel.to_owned()
                };
                let mut item = Item::new(Platform::Youtube, ItemKind::Follow, id, source);
                item.text = title.to_owned();
                item.permalink = url.clone().or_else(|| {
                    (!channel.is_empty())
                        .then(|| format!("https://www.youtube.com/channel/{channel}"))
                });
                item.target = item.permalink.clone();
                // Subscriptions are private unless the owner chose to show them.
                item.audience = Audience::Unknown;
                item
            }
            Role::History => continue,
        };
        items.push(item);
    }
    run.done(index, items, found, problems);
}

/// The first column whose name contains one of `words` (localised headers vary in form).
fn header_with(table: &Table, words: &[&str]) -> Option<usize> {
    (0..table.width()).find(|&i| {
        table.header_name(i).is_some_and(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w))
                && !["language", "idioma", "bahasa"]
                    .iter()
                    .any(|x| h.contains(x))
        })
    })
}

fn date(item: &mut Item, raw: &str, problems: &mut Problems) {
    if let Some(raw) = meaningful(raw) {
        item.created_at = dates::parse_flexible_datetime(raw);
        if item.created_at.is_none() {
            problems.gap(
                item.source.position,
                format!("unreadable timestamp `{raw}`"),
            );
        }
    }
}

/// Takeout's comment text: plain, `{"takeoutSegments":[…]}` or `{"text":…},{"text":…}`.
pub fn rich_text(raw: &str) -> String {
    let t = raw.trim();
    if !t.starts_with('{') {
        return t.to_owned();
    }
    let parsed: Option<Value> = serde_json::from_str::<Value>(t)
        .ok()
        .or_else(|| serde_json::from_str::<Value>(&format!("[{t}]")).ok());
    let Some(value) = parsed else {
        return t.to_owned();
    };
    let segments: Vec<&Value> = match &value {
        Value::Object(o) => match o.get("takeoutSegments") {
            Some(Value::Array(list)) => list.iter().collect(),
            _ => vec![&value],
        },
        Value::Array(list) => list.iter().collect(),
        _ => Vec::new(),
    };
    segments
        .iter()
        .filter_map(|s| s.get("text").and_then(Value::as_str))
        .collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_shapes() {
        assert_eq!(
            rich_text(r#"{"takeoutSegments":[{"text":"Mantap "},{"text":"pak!"}]}"#),
            "Mantap pak!"
        );
        assert_eq!(
            rich_text(r#"{"text":"baris satu"},{"text":"\n"},{"text":"baris dua"}"#),
            "baris satu\nbaris dua"
        );
        assert_eq!(rich_text(r#"{"text":"satu"}"#), "satu");
        assert_eq!(rich_text("teks biasa"), "teks biasa");
        assert_eq!(rich_text("{rusak"), "{rusak");
    }

    #[test]
    fn localised_file_names() {
        let r = |p: &str| {
            role(&Entry {
                path: p.into(),
                size: 1,
            })
        };
        assert_eq!(
            r("Takeout/YouTube and YouTube Music/comments/comments.csv"),
            Some(Role::Comments)
        );
        assert_eq!(
            r("Takeout/YouTube y YouTube Music/comentarios/comentarios.csv"),
            Some(Role::Comments)
        );
        assert_eq!(
            r("Takeout/YouTube dan YouTube Music/komentar/komentar.csv"),
            Some(Role::Comments)
        );
        assert_eq!(
            r("Takeout/YouTube y YouTube Music/mensajes del chat en directo/mensajes del chat en directo.csv"),
            Some(Role::LiveChat)
        );
        assert_eq!(
            r("Takeout/YouTube and YouTube Music/video metadata/videos.csv"),
            Some(Role::Videos)
        );
        assert_eq!(
            r("Takeout/YouTube y YouTube Music/historial/historial-de-reproducciones.json"),
            Some(Role::History)
        );
        assert_eq!(
            r("Takeout/YouTube and YouTube Music/history/watch-history.html"),
            Some(Role::History)
        );
    }
}
