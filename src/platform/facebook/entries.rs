//! One list entry → one item, for every section but messages and media (see `media.rs`,
//! `messages.rs`).

use serde_json::{Map, Value};

use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};

use super::attachments;
use super::sections::Section;
use super::value::{
    array, hashtags, label_value, links, name_of, object, text, time_of, title_target,
};
use super::Resolver;

/// What every entry of one file shares.
pub struct Context<'a> {
    /// The file inside the archive.
    pub file: &'a str,
    /// Turns a `uri` of the export into the entry path inside this archive.
    pub resolver: &'a Resolver,
}

impl Context<'_> {
    pub fn item(&self, kind: ItemKind, position: usize) -> Item {
        Item::new(
            Platform::Facebook,
            kind,
            format!("{}#{position}", self.file),
            SourceRef {
                file: self.file.to_owned(),
                position,
            },
        )
    }
}

/// The item of one entry; `Err` says why the entry cannot be used.
pub fn read(
    ctx: &Context,
    section: Section,
    entry: &Value,
    position: usize,
) -> Result<Item, String> {
    let Some(obj) = entry.as_object() else {
        return Err(format!(
            "found {} where an object was expected",
            super::sections::kind_of(entry)
        ));
    };
    let item = match section {
        Section::Posts
        | Section::GroupPosts
        | Section::OtherTimelinePosts
        | Section::Stories
        | Section::CheckIns => post(ctx, section, obj, position),
        Section::Comments | Section::GroupComments => comment(ctx, obj, position),
        Section::Groups => named(ctx, ItemKind::Group, obj, position)?,
        Section::Reactions => reaction(ctx, obj, position)?,
        Section::PageLikes => named(ctx, ItemKind::Like, obj, position)?,
        Section::Follows => named(ctx, ItemKind::Follow, obj, position)?,
        // Handled by their own modules; never routed here.
        Section::Media | Section::Messages => {
            return Err("internal: media and messages are read elsewhere".into())
        }
    };
    Ok(item)
}

/// Own words of a post-shaped entry: every `data[].post`, then what the attachments say.
fn post(ctx: &Context, section: Section, obj: &Map<String, Value>, position: usize) -> Item {
    let own: Vec<String> = array(obj, "data")
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|d| text(d, "post"))
        .chain(label_value(obj, &["Text", "Post", "Message", "Caption"]))
        .collect();
    let attached = attachments::read(obj, ctx.resolver);
    let kind = match section {
        Section::Stories => ItemKind::Story,
        Section::CheckIns => ItemKind::CheckIn,
        // A post that is only a place (2024+ merge check-ins into the posts file) is a check-in.
        _ if own.is_empty() && attached.place.is_some() && attached.media.is_empty() => {
            ItemKind::CheckIn
        }
        _ => ItemKind::Post,
    };
    let mut item = ctx.item(kind, position);
    item.created_at = time_of(obj, &["timestamp", "creation_timestamp"]);
    let mut texts = own;
    for t in attached.texts {
        if !texts.contains(&t) {
            texts.push(t);
        }
    }
    item.text = texts.join("\n");
    item.urls = links(&item.text);
    for url in attached.urls {
        if !item.urls.contains(&url) {
            item.urls.push(url);
        }
    }
    item.hashtags = hashtags(&item.text);
    item.mentions = attachments::tags(obj);
    item.location = attached.place;
    item.media = attached.media;
    let title = text(obj, "title");
    item.target = match section {
        Section::GroupPosts | Section::OtherTimelinePosts => {
            text(obj, "group").or_else(|| title.as_deref().map(title_target))
        }
        _ => None,
    };
    item
}

/// `{"timestamp", "data": [{"comment": {"comment", "author", "group"}}], "title"}`.
fn comment(ctx: &Context, obj: &Map<String, Value>, position: usize) -> Item {
    let mut item = ctx.item(ItemKind::Comment, position);
    let inner = array(obj, "data")
        .iter()
        .filter_map(Value::as_object)
        .find_map(|d| object(d, "comment"));
    item.created_at =
        time_of(obj, &["timestamp"]).or_else(|| inner.and_then(|c| time_of(c, &["timestamp"])));
    let mut texts: Vec<String> = inner
        .and_then(|c| text(c, "comment"))
        .or_else(|| label_value(obj, &["Comment", "Text"]))
        .into_iter()
        .collect();
    let attached = attachments::read(obj, ctx.resolver);
    for t in attached.texts {
        if !texts.contains(&t) {
            texts.push(t);
        }
    }
    item.text = texts.join("\n");
    item.urls = links(&item.text);
    for url in attached.urls {
        if !item.urls.contains(&url) {
            item.urls.push(url);
        }
    }
    item.hashtags = hashtags(&item.text);
    item.media = attached.media;
    item.location = attached.place;
    let on = text(obj, "title").map(|t| title_target(&t));
    let group = inner.and_then(|c| text(c, "group"));
    item.target = match (on, group) {
        (Some(on), Some(group)) => Some(format!("{on} — {group}")),
        (on, group) => on.or(group),
    };
    item
}

/// Groups joined, pages liked, pages and people followed: the name is what was acted on,
/// and also the item's text, so the rules on campaign pages and groups can read it.
fn named(
    ctx: &Context,
    kind: ItemKind,
    obj: &Map<String, Value>,
    position: usize,
) -> Result<Item, String> {
    let title = text(obj, "title");
    let name = name_of(obj);
    let mut item = ctx.item(kind, position);
    item.created_at = time_of(obj, &["timestamp"]);
    match (name, title) {
        (Some(name), _) => {
            item.text = name.clone();
            item.target = Some(name);
        }
        // A group the account left has only a title ("Budi keluar dari grup X."): it is
        // kept for the membership history, without text, so no rule reads it as a join.
        (None, Some(title)) if kind == ItemKind::Group => {
            item.target = Some(title_target(&title));
        }
        (None, Some(title)) => {
            let target = title_target(&title);
            item.text = target.clone();
            item.target = Some(target);
        }
        (None, None) => return Err("no `name`, `data[].name` or `title`".into()),
    }
    item.permalink = text(obj, "url")
        .or_else(|| label_value(obj, &["URL", "Link"]))
        .filter(|u| u.contains("://"));
    Ok(item)
}

/// `{"timestamp", "data": [{"reaction": {"reaction": "LIKE", "actor"}}], "title"}`; the
/// archive keeps only the title, so what was liked ("Sari's post") is the text and target.
fn reaction(ctx: &Context, obj: &Map<String, Value>, position: usize) -> Result<Item, String> {
    let liked = text(obj, "title")
        .map(|t| title_target(&t))
        .or_else(|| name_of(obj))
        .ok_or("no `title` saying what was liked")?;
    let mut item = ctx.item(ItemKind::Like, position);
    item.created_at = time_of(obj, &["timestamp"]);
    item.text = liked.clone();
    item.target = Some(liked);
    item.permalink = label_value(obj, &["URL", "Link"]).filter(|u| u.contains("://"));
    item.audience = Audience::Unknown;
    Ok(item)
}
