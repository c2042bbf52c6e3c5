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

/// `known` maps a media path to (item index, media index) of the items read so far.
pub fn read(
    ctx: &Context,
    entry: &Value,
    position: usize,
    items: &mut [Item],
    known: &HashMap<String, (usize, usize)>,
    out: &mut MediaRead,
) -> Result<(), String> {
    let Some(obj) = entry.as_object() else {
        return Err(format!(
            "found {} where a photo or video object was expected",
            super::sections::kind_of(entry)
        ));
    };
    let mut attached = Attached::default();
    attachments::add_media(obj, ctx.resolve, &mut attached);
    let Some(media) = attached.media.pop() else {
        return Err("no `uri`".into());
    };
    if let Some(&(item, index)) = known.get(&media.path) {
        let seen = &mut items[item].media[index];
        if seen.gps.is_none() {
            seen.gps = media.gps;
        }
        out.completed += 1;
        return Ok(());
    }
    out.items
        .push(photo(ctx, obj, position, media, attached.texts));
    Ok(())
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
