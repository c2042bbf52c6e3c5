//! `profile_information.json`: `{"profile_v2": {"name": {"full_name"}, "username",
//! "intro_bio", "about_me", "current_city": {"name"}, …}}`. The names name the account; the
//! bio is the account's own public words and becomes a `profile` item, with the current
//! city as a profile location.

use serde_json::Value;

use crate::model::{Item, ItemKind, Location, LocationOrigin};

use super::entries::Context;
use super::value::{hashtags, links, object, text};

pub struct Profile {
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub item: Option<Item>,
}

pub fn read(ctx: &Context, value: &Value) -> Result<Profile, String> {
    let top = value
        .as_object()
        .ok_or_else(|| format!("found {} at the top", super::sections::kind_of(value)))?;
    let profile = object(top, "profile_v2")
        .or_else(|| object(top, "profile"))
        .ok_or("no `profile_v2` object")?;
    let display_name = object(profile, "name")
        .and_then(|n| text(n, "full_name"))
        .or_else(|| text(profile, "name"));
    let handle = text(profile, "username");
    let texts: Vec<String> = ["intro_bio", "about_me", "bio", "favorite_quotes"]
        .iter()
        .filter_map(|k| text(profile, k))
        .collect();
    let city = object(profile, "current_city").and_then(|c| text(c, "name"));
    let item = (!texts.is_empty() || city.is_some()).then(|| {
        let mut item = ctx.item(ItemKind::Profile, 1);
        item.text = texts.join("\n");
        item.urls = links(&item.text);
        item.hashtags = hashtags(&item.text);
        item.location = city.map(|name| Location {
            lat: None,
            lon: None,
            name: Some(name),
            origin: LocationOrigin::Profile,
        });
        item.permalink = text(profile, "profile_uri");
        item
    });
    Ok(Profile {
        handle,
        display_name,
        item,
    })
}
