//! Photos and videos from albums (`album/N.json`), `your_videos.json` and
//! `your_uncategorized_photos.json`. Most of them were posted, so the posts already carry
//! them: such a photo only completes the post's media (its EXIF position) and is not a
//! second item; a photo no post shows becomes a `post` with its caption.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::model::{Item, ItemKind};

use super::attachments::{self, Attached};
use super::entries::Context;
use super::value::{hashtags, links, time_of};

/// The outcome of one media list.
#[derive(Default)]
pub struct MediaRead {
    pub items: Vec<Item>,
    /// Photos that were already on an item read before.
    pub completed: usize,
}

/// Who first showed a photo or video: an item still held here (its index among the held
/// items, and the media's among its media), or one already handed over to the audit, which
/// took the album files' EXIF position when it was read (see `Run::album_media`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Held { item: usize, media: usize },
    HandedOver,
}

/// `known` maps a media path to the item that first showed it, among those read so far.
pub fn read(
    ctx: &Context,
    entry: &Value,
    position: usize,
    items: &mut [Item],
    known: &HashMap<String, Holder>,
    out: &mut MediaRead,
) -> Result<(), String> {
    let (obj, attached, media) = media_of(ctx, entry)?;
    match known.get(&media.path) {
        Some(&Holder::Held { item, media: index }) => {
            let seen = &mut items[item].media[index];
            if seen.gps.is_none() {
                seen.gps = media.gps;
            }
            out.completed += 1;
        }
        Some(Holder::HandedOver) => out.completed += 1,
        None => out
            .items
            .push(photo(ctx, obj, position, media, attached.texts)),
    }
    Ok(())
}

/// The path and EXIF position of an entry of a media list, as `read` takes them: `None`
/// when the entry cannot be read (`read` says why).
pub fn path_and_position(ctx: &Context, entry: &Value) -> Option<(String, Option<(f64, f64)>)> {
    let (_, _, media) = media_of(ctx, entry).ok()?;
    Some((media.path, media.gps))
}

/// The entry's object, its captions and its one photo or video.
fn media_of<'v>(
    ctx: &Context,
    entry: &'v Value,
) -> Result<(&'v Map<String, Value>, Attached, crate::model::Media), String> {
    let Some(obj) = entry.as_object() else {
        return Err(format!(
            "found {} where a photo or video object was expected",
            super::sections::kind_of(entry)
        ));
    };
    let mut attached = Attached::default();
    attachments::add_media(obj, ctx.resolver, &mut attached);
    let Some(media) = attached.media.pop() else {
        return Err("no `uri`".into());
    };
    Ok((obj, attached, media))
}

fn photo(
    ctx: &Context,
    obj: &Map<String, Value>,
    position: usize,
    media: crate::model::Media,
    texts: Vec<String>,
) -> Item {
    let mut item = ctx.item(ItemKind::Post, position);
    item.created_at = time_of(obj, &["creation_timestamp", "timestamp"]);
    item.text = texts.join("\n");
    item.urls = links(&item.text);
    item.hashtags = hashtags(&item.text);
    item.mentions = attachments::tags(obj);
    item.media = vec![media];
    item
}
