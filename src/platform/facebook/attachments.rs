//! What a post's `attachments` (and a comment's) hold: photos and videos with their EXIF
//! position, a place, shared links, polls, events, notes and plain text.

use serde_json::{Map, Value};

use crate::model::{Location, LocationOrigin, Media};

use super::value::{array, number, object, text};
use super::Resolver;

/// What the attachments add to an item.
#[derive(Debug, Default)]
pub struct Attached {
    /// Captions, poll questions, note and event texts, in order, each once.
    pub texts: Vec<String>,
    pub urls: Vec<String>,
    pub media: Vec<Media>,
    pub place: Option<Location>,
}

impl Attached {
    fn add_text(&mut self, t: Option<String>) {
        if let Some(t) = t {
            if !self.texts.contains(&t) {
                self.texts.push(t);
            }
        }
    }

    fn add_url(&mut self, url: Option<String>) {
        if let Some(url) = url {
            if !self.urls.contains(&url) {
                self.urls.push(url);
            }
        }
    }
}

/// Reads `attachments: [{"data": [{…}, …]}, …]` of one entry.
pub fn read(entry: &Map<String, Value>, resolver: &Resolver) -> Attached {
    let mut out = Attached::default();
    for attachment in array(entry, "attachments") {
        let Some(attachment) = attachment.as_object() else {
            continue;
        };
        for data in array(attachment, "data") {
            if let Some(data) = data.as_object() {
                read_data(data, resolver, &mut out);
            }
        }
    }
    out
}

fn read_data(data: &Map<String, Value>, resolver: &Resolver, out: &mut Attached) {
    if let Some(media) = object(data, "media") {
        add_media(media, resolver, out);
    }
    if let Some(place) = object(data, "place") {
        if out.place.is_none() {
            out.place = place_location(place);
        }
        out.add_url(text(place, "url").filter(|u| u.contains("://")));
    }
    if let Some(link) = object(data, "external_context") {
        out.add_url(text(link, "url"));
        out.add_text(text(link, "name"));
    }
    if let Some(poll) = object(data, "poll") {
        out.add_text(text(poll, "question"));
        for option in array(poll, "options") {
            if let Some(option) = option.as_object() {
                out.add_text(text(option, "option"));
            }
        }
    }
    if let Some(event) = object(data, "event") {
        out.add_text(text(event, "name"));
        out.add_text(text(event, "description"));
        if let Some(place) = object(event, "place") {
            if out.place.is_none() {
                out.place = place_location(place);
            }
        }
    }
    if let Some(note) = object(data, "note") {
        out.add_text(text(note, "title"));
        out.add_text(text(note, "text"));
        for media in array(note, "media") {
            if let Some(media) = media.as_object() {
                add_media(media, resolver, out);
            }
        }
    }
    for key in ["text", "name"] {
        if data.get(key).is_some_and(Value::is_string) {
            out.add_text(text(data, key));
        }
    }
    if let Some(life_event) = object(data, "life_event") {
        out.add_text(text(life_event, "title"));
        if let Some(place) = object(life_event, "place") {
            if out.place.is_none() {
                out.place = place_location(place);
            }
        }
    }
    if let Some(fundraiser) = object(data, "fundraiser") {
        out.add_text(text(fundraiser, "title"));
    }
}

/// One photo or video: its path inside the archive, its caption, and the latitude and
/// longitude of its EXIF data when Facebook kept them.
pub fn add_media(media: &Map<String, Value>, resolver: &Resolver, out: &mut Attached) {
    out.add_text(text(media, "description"));
    if let Some(uri) = text(media, "uri") {
        let path = resolver.resolve(&uri);
        if !out.media.iter().any(|m| m.path == path) {
            out.media.push(Media {
                path,
                gps: exif_gps(media),
            });
        }
    }
}

/// `media_metadata.{photo,video}_metadata.exif_data[].latitude/longitude`.
pub fn exif_gps(media: &Map<String, Value>) -> Option<(f64, f64)> {
    let metadata = object(media, "media_metadata")?;
    ["photo_metadata", "video_metadata"]
        .iter()
        .filter_map(|k| object(metadata, k))
        .flat_map(|m| array(m, "exif_data"))
        .filter_map(Value::as_object)
        .find_map(|exif| {
            let lat = number(exif.get("latitude")?)?;
            let lon = number(exif.get("longitude")?)?;
            Some((lat, lon))
        })
}

/// `{"name", "coordinate": {"latitude", "longitude"}, "address"}`: a named place is a
/// check-in, bare coordinates a geotag.
pub fn place_location(place: &Map<String, Value>) -> Option<Location> {
    let coordinate = object(place, "coordinate");
    let lat = coordinate.and_then(|c| c.get("latitude")).and_then(number);
    let lon = coordinate.and_then(|c| c.get("longitude")).and_then(number);
    let name = text(place, "name");
    let address = text(place, "address");
    let label = match (name, address) {
        (Some(n), Some(a)) if !n.contains(&a) => Some(format!("{n}, {a}")),
        (Some(n), _) => Some(n),
        (None, a) => a,
    };
    if label.is_none() && (lat.is_none() || lon.is_none()) {
        return None;
    }
    let origin = if label.is_some() {
        LocationOrigin::CheckIn
    } else {
        LocationOrigin::Geotag
    };
    Some(Location {
        lat,
        lon,
        name: label,
        origin,
    })
}

/// Tagged people: `[{"name": "…"}]` or `["…"]`.
pub fn tags(entry: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in array(entry, "tags") {
        let name = match tag {
            Value::Object(obj) => text(obj, "name"),
            other => super::value::as_text(other),
        };
        if let Some(name) = name {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}
