//! `likes.json`: an `OrderedCollection` of the URLs of favourited posts — no text, no date.
//! Its `totalItems`, when present, is not the number of URLs listed, so it is not checked.

use serde_json::Value;

use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};
use crate::platform::problems::Problems;

use super::outbox::ordered_items;
use crate::platform::json::kind_of;

pub fn read(text: &str, file: &str, problems: &mut Problems) -> Result<(usize, Vec<Item>), String> {
    let likes = ordered_items(text)?;
    let mut items = Vec::with_capacity(likes.len());
    for (index, like) in likes.iter().enumerate() {
        let position = index + 1;
        // Usually a URL; a `Like` activity object names it in `object`.
        let url = match like {
            Value::String(url) => Some(url.as_str()),
            Value::Object(_) => match like.get("object") {
                Some(Value::String(url)) => Some(url.as_str()),
                Some(object) => object.get("id").and_then(Value::as_str),
                None => like.get("id").and_then(Value::as_str),
            },
            _ => None,
        }
        .map(str::trim)
        .filter(|u| !u.is_empty());
        let Some(url) = url else {
            problems.skip(
                position,
                format!("{} where a liked post's URL was expected", kind_of(like)),
            );
            continue;
        };
        let mut item = Item::new(
            Platform::Mastodon,
            ItemKind::Like,
            url,
            SourceRef {
                file: file.to_owned(),
                position,
            },
        );
        // Favourites are listed on the post for anyone to see.
        item.audience = Audience::Public;
        item.target = Some(url.to_owned());
        item.permalink = Some(url.to_owned());
        items.push(item);
    }
    Ok((likes.len(), items))
}
