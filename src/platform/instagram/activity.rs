//! Comments, likes and follows: Meta's "string map" and "string list" records.
//!
//! - comment: `{"media_list_data": [{"uri"}], "string_map_data": {"Comment": {"value"},
//!   "Media Owner": {"value"}, "Time": {"timestamp"}}}`; before 2021 `[time, text, owner]`.
//! - like: `{"title": owner, "string_list_data": [{"href", "value": "👍", "timestamp"}]}`.
//! - follow: `{"title": "" | username, "string_list_data": [{"href", "value"?, "timestamp"}]}`.

use serde_json::{Map, Value};

use super::json::{self, as_text, records, text, timestamp};
use super::Ctx;
use crate::model::{Item, ItemKind, Media};
use crate::platform::dates::parse_flexible_datetime;
use crate::platform::outline::{self, Outline};
use crate::platform::problems::Problems;

const COMMENT_KEYS: [&str; 3] = [
    "comments_media_comments",
    "comments_reels_comments",
    "media_comments",
];
const LIKE_KEYS: [&str; 3] = [
    "likes_media_likes",
    "likes_comment_likes",
    "text_post_app_media_likes",
];
const FOLLOW_KEYS: [&str; 3] = [
    "relationships_following",
    "relationships_following_hashtags",
    "text_post_app_text_post_app_following",
];

/// Reads every record of a list file with `one`, counting malformed ones.
fn each(
    root: &Outline,
    keys: &[&str],
    what: &str,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
    mut one: impl FnMut(&Value, usize) -> Result<Item, String>,
) -> Result<usize, String> {
    let Some(list) = records(root, keys) else {
        return Err(format!("found {} without a list of {what}", root.kind()));
    };
    for (index, &record) in list.iter().enumerate() {
        match outline::entry(record).and_then(|record| one(&record, index + 1)) {
            Ok(item) => emit(item),
            Err(reason) => problems.skip(index + 1, reason),
        }
    }
    Ok(list.len())
}

/// As [`each`], for lists whose records must be objects.
fn each_object(
    root: &Outline,
    keys: &[&str],
    what: &str,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
    mut one: impl FnMut(&Value, usize) -> Result<Item, String>,
) -> Result<usize, String> {
    each(root, keys, what, problems, emit, |record, position| {
        if !record.is_object() {
            return Err(format!(
                "expected an object, found {}",
                json::kind_of(record)
            ));
        }
        one(record, position)
    })
}

/// The time of a like or follow: on its `string_list_data` entry, else on the record.
fn time_of_entry(entry: &Value, record: &Value) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    entry
        .get("timestamp")
        .and_then(timestamp)
        .or_else(|| record.get("timestamp").and_then(timestamp))
}

/// A field of `string_map_data` by any of its names, case-insensitively.
fn field<'v>(map: &'v Map<String, Value>, names: &[&str]) -> Option<&'v Value> {
    map.iter()
        .find(|(k, _)| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
        .map(|(_, v)| v)
}

pub fn read_comments(
    root: &Outline,
    ctx: &Ctx,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
) -> Result<usize, String> {
    each(
        root,
        &COMMENT_KEYS,
        "comments",
        problems,
        emit,
        |record, position| {
            let mut item = ctx.item_of(ItemKind::Comment, position);
            match record {
                Value::Object(object) => {
                    let Some(map) = object.get("string_map_data").and_then(Value::as_object) else {
                        return Err("no `string_map_data`".into());
                    };
                    let comment = field(map, &["Comment", "Komentar"]);
                    let owner = field(map, &["Media Owner", "Pemilik Media"]);
                    let time = field(map, &["Time", "Waktu"])
                        .or_else(|| map.values().find(|v| v.get("timestamp").is_some()));
                    if comment.is_none() && owner.is_none() && time.is_none() {
                        return Err(
                            "no `Comment`, `Media Owner` or `Time` in `string_map_data`".into()
                        );
                    }
                    item.text = comment.and_then(|c| text(c, "value")).unwrap_or_default();
                    item.target = owner.and_then(|o| text(o, "value"));
                    item.created_at = time.and_then(|t| t.get("timestamp")).and_then(timestamp);
                    for m in object
                        .get("media_list_data")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        if let Some(path) = m.get("uri").and_then(Value::as_str).map(str::trim) {
                            if !path.is_empty() {
                                item.media.push(Media {
                                    path: path.to_owned(),
                                    gps: None,
                                });
                            }
                        }
                    }
                }
                // Before 2021: `[time, text, owner]`.
                Value::Array(parts) if parts.len() >= 2 => {
                    item.created_at = parts[0]
                        .as_str()
                        .and_then(parse_flexible_datetime)
                        .or_else(|| timestamp(&parts[0]));
                    item.text = as_text(&parts[1]).unwrap_or_default();
                    item.target = parts.get(2).and_then(as_text);
                }
                other => {
                    return Err(format!(
                        "expected an object with `string_map_data`, found {}",
                        json::kind_of(other)
                    ))
                }
            }
            ctx.finish(&mut item);
            Ok(item)
        },
    )
}

/// The first `string_list_data` entry, or the record itself when it has none (newer files
/// put `href` and `timestamp` on the record).
fn first_entry(record: &Value) -> Option<&Value> {
    match record.get("string_list_data") {
        Some(Value::Array(list)) => list.first().or(Some(record)),
        _ => Some(record),
    }
}

/// The account at the end of an Instagram or Threads link (`…/budi.asn/` → `budi.asn`).
fn account_of_link(href: &str) -> Option<String> {
    let rest = href.split_once("://")?.1;
    let path = rest.split(['?', '#']).next()?;
    // The first segment is the host; a bare host names no account.
    let last = path.split('/').skip(1).filter(|s| !s.is_empty()).last()?;
    let name = last.strip_prefix('@').unwrap_or(last);
    (!name.is_empty()).then(|| name.to_owned())
}

fn link(entry: &Value) -> Option<String> {
    text(entry, "href").filter(|h| h.starts_with("http"))
}

pub fn read_likes(
    root: &Outline,
    ctx: &Ctx,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
) -> Result<usize, String> {
    each_object(
        root,
        &LIKE_KEYS,
        "likes",
        problems,
        emit,
        |record, position| {
            let entry = first_entry(record).unwrap_or(record);
            let owner = text(record, "title");
            let href = link(entry);
            if owner.is_none() && href.is_none() && entry.get("timestamp").is_none() {
                return Err("no `title`, `href` or `timestamp`".into());
            }
            let mut item = ctx.item_of(ItemKind::Like, position);
            item.created_at = time_of_entry(entry, record);
            item.target = owner.or_else(|| href.clone());
            item.permalink = href;
            ctx.finish(&mut item);
            Ok(item)
        },
    )
}

pub fn read_following(
    root: &Outline,
    ctx: &Ctx,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
) -> Result<usize, String> {
    let hashtags = root
        .as_object()
        .is_some_and(|m| m.contains_key("relationships_following_hashtags"));
    each_object(
        root,
        &FOLLOW_KEYS,
        "follows",
        problems,
        emit,
        |record, position| {
            let entry = first_entry(record).unwrap_or(record);
            let href = link(entry);
            let account = text(entry, "value")
                .or_else(|| text(record, "title"))
                .or_else(|| href.as_deref().and_then(account_of_link));
            if account.is_none() && href.is_none() {
                return Err("no account name (`value`, `title`) or `href`".into());
            }
            let mut item = ctx.item_of(ItemKind::Follow, position);
            item.created_at = time_of_entry(entry, record);
            item.target = match (account, hashtags) {
                (Some(tag), true) if !tag.starts_with('#') => Some(format!("#{tag}")),
                (account, _) => account.or_else(|| href.clone()),
            };
            item.permalink = href;
            ctx.finish(&mut item);
            Ok(item)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_from_links() {
        assert_eq!(
            account_of_link("https://www.instagram.com/budi.asn/").as_deref(),
            Some("budi.asn")
        );
        assert_eq!(
            account_of_link("https://www.threads.net/@sari_pns").as_deref(),
            Some("sari_pns")
        );
        assert_eq!(
            account_of_link("https://www.instagram.com/_u/dinas_kominfo").as_deref(),
            Some("dinas_kominfo")
        );
        assert_eq!(account_of_link("https://www./"), None);
        assert_eq!(account_of_link("bukan tautan"), None);
    }
}
