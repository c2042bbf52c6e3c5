//! Repository records → items. A record is a DAG-CBOR map with a `$type`; its key
//! `collection/rkey` comes from the tree.

use chrono::{DateTime, FixedOffset};
use ipld_core::ipld::Ipld;

use crate::model::{Audience, Item, ItemKind, Media, Platform, SourceRef};
use crate::platform::dates::parse_flexible_datetime;

use super::car::map_get;

pub const POST: &str = "app.bsky.feed.post";
pub const LIKE: &str = "app.bsky.feed.like";
pub const REPOST: &str = "app.bsky.feed.repost";
pub const FOLLOW: &str = "app.bsky.graph.follow";
pub const PROFILE: &str = "app.bsky.actor.profile";

/// The collections read; every other one is counted and reported.
pub const READ: [&str; 5] = [POST, LIKE, REPOST, FOLLOW, PROFILE];

pub struct Context<'a> {
    pub did: &'a str,
    pub file: &'a str,
    /// Entry paths of the archive, to find exported blobs by their CID.
    pub entry_paths: &'a [&'a str],
}

/// One record as an item. `Err` says why it could not be read.
pub fn read(
    collection: &str,
    rkey: &str,
    record: &Ipld,
    position: usize,
    context: &Context,
) -> Result<Item, String> {
    if !matches!(record, Ipld::Map(_)) {
        return Err(format!("{collection}/{rkey} is not a record map"));
    }
    let kind = match collection {
        POST => ItemKind::Post,
        LIKE => ItemKind::Like,
        REPOST => ItemKind::Repost,
        FOLLOW => ItemKind::Follow,
        _ => ItemKind::Profile,
    };
    let mut item = Item::new(
        Platform::Bluesky,
        kind,
        format!("{collection}/{rkey}"),
        SourceRef {
            file: context.file.to_owned(),
            position,
        },
    );
    // Everything in a Bluesky repository is public.
    item.audience = Audience::Public;
    item.created_at = string(record, "createdAt").and_then(date);
    match collection {
        POST => read_post(&mut item, rkey, record, context),
        LIKE | REPOST => {
            let uri = map_get(record, "subject")
                .and_then(|s| string(s, "uri"))
                .ok_or_else(|| format!("{collection}/{rkey} has no `subject.uri`"))?;
            item.target = Some(uri.to_owned());
            item.permalink = web_url(uri).or_else(|| Some(uri.to_owned()));
        }
        FOLLOW => {
            let did = string(record, "subject")
                .ok_or_else(|| format!("{collection}/{rkey} has no `subject` DID"))?;
            item.target = Some(did.to_owned());
            item.permalink = Some(format!("https://bsky.app/profile/{did}"));
        }
        _ => {
            let parts: Vec<&str> = [string(record, "displayName"), string(record, "description")]
                .into_iter()
                .flatten()
                .collect();
            item.text = parts.join("\n\n");
            item.permalink = Some(format!("https://bsky.app/profile/{}", context.did));
        }
    }
    Ok(item)
}

fn read_post(item: &mut Item, rkey: &str, record: &Ipld, context: &Context) {
    item.text = string(record, "text").unwrap_or_default().to_owned();
    item.permalink = Some(format!(
        "https://bsky.app/profile/{}/post/{rkey}",
        context.did
    ));
    if let Some(Ipld::List(facets)) = map_get(record, "facets") {
        for facet in facets {
            let span = map_get(facet, "index").and_then(|index| {
                let start = integer(index, "byteStart")?;
                let end = integer(index, "byteEnd")?;
                item.text.get(start..end)
            });
            let Some(Ipld::List(features)) = map_get(facet, "features") else {
                continue;
            };
            for feature in features {
                let kind = string(feature, "$type").unwrap_or_default();
                if kind.ends_with("#link") {
                    if let Some(uri) = string(feature, "uri") {
                        push_unique(&mut item.urls, uri);
                    }
                } else if kind.ends_with("#mention") {
                    // The handle as written in the text; the DID when the span is unusable.
                    let handle = span
                        .map(|s| s.trim().trim_start_matches('@'))
                        .filter(|s| !s.is_empty());
                    if let Some(name) = handle.or(string(feature, "did")) {
                        let name = name.to_owned();
                        push_unique(&mut item.mentions, &name);
                    }
                } else if kind.ends_with("#tag") {
                    if let Some(tag) = string(feature, "tag") {
                        push_unique(&mut item.hashtags, tag.trim_start_matches('#'));
                    }
                }
            }
        }
    }
    let reply_to = map_get(record, "reply")
        .and_then(|r| map_get(r, "parent"))
        .and_then(|p| string(p, "uri"));
    let mut quoted = None;
    if let Some(embed) = map_get(record, "embed") {
        read_embed(item, embed, &mut quoted, context);
    }
    if let Some(parent) = reply_to {
        item.kind = ItemKind::Reply;
        item.target = Some(parent.to_owned());
    } else if let Some(quoted) = quoted {
        item.kind = ItemKind::Quote;
        item.target = Some(quoted);
    }
}

fn read_embed(item: &mut Item, embed: &Ipld, quoted: &mut Option<String>, context: &Context) {
    let kind = string(embed, "$type").unwrap_or_default();
    match kind {
        "app.bsky.embed.external" => {
            if let Some(uri) = map_get(embed, "external").and_then(|e| string(e, "uri")) {
                push_unique(&mut item.urls, uri);
            }
        }
        "app.bsky.embed.record" => {
            if let Some(uri) = map_get(embed, "record").and_then(|r| string(r, "uri")) {
                *quoted = Some(uri.to_owned());
                if let Some(url) = web_url(uri) {
                    push_unique(&mut item.urls, &url);
                }
            }
        }
        "app.bsky.embed.recordWithMedia" => {
            if let Some(record) = map_get(embed, "record") {
                read_embed(item, record, quoted, context);
            }
            if let Some(media) = map_get(embed, "media") {
                read_embed(item, media, quoted, context);
            }
        }
        "app.bsky.embed.images" => {
            if let Some(Ipld::List(images)) = map_get(embed, "images") {
                for image in images {
                    if let Some(cid) = map_get(image, "image").and_then(blob_cid) {
                        push_media(item, &cid, context);
                    }
                }
            }
        }
        "app.bsky.embed.video" => {
            if let Some(cid) = map_get(embed, "video").and_then(blob_cid) {
                push_media(item, &cid, context);
            }
        }
        _ => {}
    }
}

/// A blob's CID: `{ref: link}` (current) or `{cid: "…"}` (legacy).
fn blob_cid(blob: &Ipld) -> Option<String> {
    match map_get(blob, "ref") {
        Some(Ipld::Link(cid)) => Some(cid.to_string()),
        _ => string(blob, "cid").map(str::to_owned),
    }
}

/// Blobs are not in the repository; an archive that also holds the exported blobs (named by
/// CID) gets their paths, otherwise the CID stands for the file.
fn push_media(item: &mut Item, cid: &str, context: &Context) {
    let found = context.entry_paths.iter().find(|path| {
        let name = path.rsplit('/').next().unwrap_or(path);
        name == cid
            || name
                .strip_prefix(cid)
                .is_some_and(|rest| rest.starts_with('.'))
    });
    item.media.push(Media {
        path: found.map_or_else(|| cid.to_owned(), |p| (*p).to_owned()),
        gps: None,
    });
}

/// `at://did/app.bsky.feed.post/rkey` → `https://bsky.app/profile/did/post/rkey`.
pub fn web_url(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix("at://")?;
    let mut parts = rest.split('/');
    let (authority, collection, rkey) = (parts.next()?, parts.next()?, parts.next()?);
    (collection == POST && !rkey.is_empty())
        .then(|| format!("https://bsky.app/profile/{authority}/post/{rkey}"))
}

fn string<'v>(value: &'v Ipld, key: &str) -> Option<&'v str> {
    match map_get(value, key) {
        Some(Ipld::String(s)) if !s.trim().is_empty() => Some(s.as_str()),
        _ => None,
    }
}

fn integer(value: &Ipld, key: &str) -> Option<usize> {
    match map_get(value, key) {
        Some(Ipld::Integer(n)) => usize::try_from(*n).ok(),
        _ => None,
    }
}

fn date(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .or_else(|| parse_flexible_datetime(s))
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}
