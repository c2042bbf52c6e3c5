//! Own media: posts, stories, reels, archived posts and Threads posts, which all share one
//! shape (`{"media": [{"uri", "creation_timestamp", "title", "media_metadata"}], "title"?,
//! "creation_timestamp"?}`, or for stories the media object alone), and the pre-2021
//! `media.json`.
//!
//! Single-media posts keep the caption and time on `media[0]`; multi-media posts keep them on
//! the post. The post's own `title` wins; when it is blank the distinct media titles are
//! joined, so no caption is lost.

use serde_json::value::RawValue;
use serde_json::Value;

use super::json::{self, as_text, number, point, records, text, time_of};
use super::Ctx;
use crate::model::{Item, Location, LocationOrigin, Media};
use crate::platform::dates::parse_flexible_datetime;
use crate::platform::outline::{self, Outline};
use crate::platform::problems::Problems;

/// Keys the post lists sit under in the known versions.
const LIST_KEYS: [&str; 6] = [
    "ig_stories",
    "ig_reels_media",
    "ig_archived_post_media",
    "ig_igtv_media",
    "text_post_app_text_posts",
    "ig_profile_picture",
];

pub fn read(
    root: &Outline,
    ctx: &Ctx,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
) -> Result<usize, String> {
    let Some(list) = records(root, &LIST_KEYS) else {
        return Err(format!("found {} without a list of posts", root.kind()));
    };
    for (index, &record) in list.iter().enumerate() {
        let position = index + 1;
        match outline::entry(record).and_then(|record| post(&record, ctx, position)) {
            Ok(item) => emit(item),
            Err(reason) => problems.skip(position, reason),
        }
    }
    Ok(list.len())
}

fn post(record: &Value, ctx: &Ctx, position: usize) -> Result<Item, String> {
    if !record.is_object() {
        return Err(format!(
            "expected an object, found {}",
            json::kind_of(record)
        ));
    }
    let media: Vec<&Value> = match record.get("media") {
        Some(Value::Array(list)) => list.iter().filter(|m| m.is_object()).collect(),
        _ if record.get("uri").is_some() => vec![record],
        _ => Vec::new(),
    };
    let own_title = text(record, "title");
    let own_time = time_of(record, &["creation_timestamp", "taken_at", "timestamp"]);
    if media.is_empty() && own_title.is_none() && own_time.is_none() {
        return Err("no media, caption or time".into());
    }
    let mut item = ctx.item(position);
    item.text = match own_title {
        Some(title) => title,
        None => {
            let mut titles: Vec<String> = Vec::new();
            for title in media.iter().filter_map(|m| text(m, "title")) {
                if !titles.contains(&title) {
                    titles.push(title);
                }
            }
            titles.join("\n")
        }
    };
    item.created_at = own_time.or_else(|| {
        media
            .iter()
            .find_map(|m| time_of(m, &["creation_timestamp", "taken_at"]))
    });
    for m in &media {
        let gps = exif_point(m);
        if let Some(path) = m.get("uri").and_then(Value::as_str).map(str::trim) {
            if !path.is_empty() {
                item.media.push(Media {
                    path: path.to_owned(),
                    gps,
                });
            }
        }
        if item.location.is_none() {
            if let Some((lat, lon)) = gps {
                item.location = Some(Location {
                    lat: Some(lat),
                    lon: Some(lon),
                    name: None,
                    origin: LocationOrigin::PhotoExif,
                });
            }
        }
    }
    // A tagged place is the user's own choice: it wins over the photo's GPS, keeping its name.
    if let Some(place) = std::iter::once(record)
        .chain(media.iter().copied())
        .find_map(place)
    {
        match (&mut item.location, place.has_coordinates()) {
            (Some(found), false) => found.name = found.name.take().or(place.name),
            _ => item.location = Some(place),
        }
    }
    ctx.finish(&mut item);
    Ok(item)
}

/// The first GPS point in `media_metadata.{photo,video}_metadata.exif_data[]`.
fn exif_point(media: &Value) -> Option<(f64, f64)> {
    let metadata = media.get("media_metadata")?;
    ["photo_metadata", "video_metadata"]
        .iter()
        .filter_map(|k| metadata.get(*k)?.get("exif_data")?.as_array())
        .flatten()
        .find_map(|exif| {
            point(
                exif.get("latitude").and_then(number),
                exif.get("longitude").and_then(number),
            )
        })
}

/// A tagged place: `"location": "Name"` or `{"name", "latitude", "longitude"}`.
fn place(value: &Value) -> Option<Location> {
    let raw = value.get("location").or_else(|| value.get("place"))?;
    let (name, coordinates) = match raw {
        Value::String(_) => (as_text(raw), None),
        Value::Object(_) => (
            text(raw, "name").or_else(|| text(raw, "address")),
            point(
                raw.get("latitude").and_then(number),
                raw.get("longitude").and_then(number),
            ),
        ),
        _ => return None,
    };
    if name.is_none() && coordinates.is_none() {
        return None;
    }
    Some(Location {
        lat: coordinates.map(|c| c.0),
        lon: coordinates.map(|c| c.1),
        name,
        origin: LocationOrigin::Geotag,
    })
}

/// The pre-2021 `media.json`: `{"photos": [{"caption", "taken_at", "path", "location"?}],
/// "videos": […], "stories": […]}`; positions run through the sections in that order.
pub fn read_old(
    root: &Outline,
    ctx: &Ctx,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Item),
) -> Result<usize, String> {
    let sections: Vec<(&str, Vec<&RawValue>)> = ["photos", "videos", "stories"]
        .iter()
        .filter_map(|k| Some((*k, outline::list(root.get(k)?)?)))
        .collect();
    if sections.is_empty() {
        return Err(format!(
            "found {} without `photos`, `videos` or `stories`",
            root.kind()
        ));
    }
    let mut position = 0;
    for (section, list) in sections {
        for record in list {
            position += 1;
            let record = match outline::entry(record) {
                Ok(record) => record,
                Err(reason) => {
                    problems.skip(position, reason);
                    continue;
                }
            };
            if !record.is_object() {
                problems.skip(
                    position,
                    format!("expected an object, found {}", json::kind_of(&record)),
                );
                continue;
            }
            let story = section == "stories";
            let mut item = if story {
                ctx.item_of(crate::model::ItemKind::Story, position)
            } else {
                ctx.item(position)
            };
            item.text = text(&record, "caption").unwrap_or_default();
            item.created_at = record.get("taken_at").and_then(|t| {
                t.as_str()
                    .and_then(parse_flexible_datetime)
                    .or_else(|| json::timestamp(t))
            });
            if let Some(path) = text(&record, "path") {
                item.media.push(Media { path, gps: None });
            }
            item.location = place(&record);
            ctx.finish(&mut item);
            emit(item);
        }
    }
    Ok(position)
}
