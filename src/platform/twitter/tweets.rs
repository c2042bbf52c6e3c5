//! Own posts, replies, reposts and quotes from `tweets.js` / `tweet.js` and their part files.
//! Items are `{"tweet": {…}}`; archives from before 2020 have the fields without the wrapper.

use serde::Deserialize;
use serde_json::Value;

use crate::model::{
    Audience, Item, ItemKind, Location, LocationOrigin, Media, Platform, SourceRef,
};

use super::js_wrapper::convert_in_chunks;
use super::kinds::{classify, Signals};
use super::lenient::{non_blank, JsonText};
use super::problems::Problems;
use super::{dates, html, links};

/// The fields of a tweet the audit uses; everything else in the file is skipped unread.
/// The same struct reads both shapes: `tweet` holds the fields when the item is wrapped.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawTweet<'a> {
    #[serde(borrow)]
    tweet: Option<Box<RawTweet<'a>>>,
    #[serde(borrow)]
    id_str: Option<JsonText<'a>>,
    #[serde(borrow)]
    id: Option<JsonText<'a>>,
    #[serde(borrow)]
    created_at: Option<JsonText<'a>>,
    #[serde(borrow)]
    full_text: Option<JsonText<'a>>,
    #[serde(borrow)]
    text: Option<JsonText<'a>>,
    #[serde(borrow)]
    in_reply_to_status_id_str: Option<JsonText<'a>>,
    #[serde(borrow)]
    in_reply_to_status_id: Option<JsonText<'a>>,
    #[serde(borrow)]
    entities: Option<Entities<'a>>,
    #[serde(borrow)]
    extended_entities: Option<Entities<'a>>,
    /// GeoJSON point, `[lon, lat]`. Kept as a `Value` so an odd shape costs the location only.
    coordinates: Option<Value>,
    /// The same point as `[lat, lon]`.
    geo: Option<Value>,
    #[serde(borrow)]
    place: Option<Place<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Entities<'a> {
    #[serde(borrow)]
    hashtags: Option<Vec<Hashtag<'a>>>,
    #[serde(borrow)]
    urls: Option<Vec<UrlEntity<'a>>>,
    #[serde(borrow)]
    user_mentions: Option<Vec<Mention<'a>>>,
    #[serde(borrow)]
    media: Option<Vec<MediaEntity<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Hashtag<'a> {
    #[serde(borrow)]
    text: Option<JsonText<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UrlEntity<'a> {
    #[serde(borrow)]
    expanded_url: Option<JsonText<'a>>,
    #[serde(borrow)]
    url: Option<JsonText<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Mention<'a> {
    #[serde(borrow)]
    screen_name: Option<JsonText<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MediaEntity<'a> {
    #[serde(borrow)]
    media_url_https: Option<JsonText<'a>>,
    #[serde(borrow)]
    media_url: Option<JsonText<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Place<'a> {
    #[serde(borrow)]
    full_name: Option<JsonText<'a>>,
    #[serde(borrow)]
    name: Option<JsonText<'a>>,
}

/// Reads one tweets file. Returns how many items the file holds and the items made from them;
/// `Err` when the file is not a list of items at all.
#[cfg(test)]
pub fn read(
    text: &str,
    file: &str,
    handle: Option<&str>,
    problems: &mut Problems,
) -> Result<(usize, Vec<Item>), String> {
    let mut items = Vec::new();
    let found = read_chunks(text, file, handle, problems, |chunk| items.extend(chunk))?;
    Ok((found, items))
}

/// Reads one tweets file, handing its items to `each` a chunk at a time in file order, so a
/// 256 MB part file is never whole in memory as items. Returns how many items the file
/// holds; `Err` when the file is not a list of items at all.
pub fn read_chunks(
    text: &str,
    file: &str,
    handle: Option<&str>,
    problems: &mut Problems,
    each: impl FnMut(Vec<Item>),
) -> Result<usize, String> {
    convert_in_chunks(
        text,
        problems,
        |position, raw: RawTweet<'_>, problems| to_item(raw, file, position, handle, problems),
        each,
    )
}

fn to_item(
    raw: RawTweet<'_>,
    file: &str,
    position: usize,
    handle: Option<&str>,
    problems: &mut Problems,
) -> Option<Item> {
    let mut raw = raw;
    if let Some(inner) = raw.tweet.take() {
        raw = *inner;
    }
    let Some(id) = non_blank(&raw.id_str).or(non_blank(&raw.id)) else {
        problems.skip(position, "no `id_str` (expected a tweet object)");
        return None;
    };
    let id = id.to_owned();

    let mut item = new_public_post(id, file, position, handle);

    match raw.full_text.as_ref().or(raw.text.as_ref()) {
        Some(text) => item.text = html::unescape(text.as_str()).into_owned(),
        None => problems.gap(position, "no `full_text`; kept with empty text"),
    }
    match non_blank(&raw.created_at) {
        Some(date) => match dates::parse(date) {
            Some(parsed) => item.created_at = Some(parsed),
            None => problems.gap(
                position,
                format!(
                    "unreadable `created_at` `{date}`, expected {}",
                    dates::EXPECTED
                ),
            ),
        },
        None => problems.gap(position, "no `created_at`; kept without a date"),
    }

    if let Some(entities) = &raw.entities {
        item.urls = texts(&entities.urls, |u| {
            non_blank(&u.expanded_url).or(non_blank(&u.url))
        });
        item.hashtags = texts(&entities.hashtags, |h| non_blank(&h.text));
        item.mentions = texts(&entities.user_mentions, |m| non_blank(&m.screen_name));
    }
    let media = raw
        .extended_entities
        .as_ref()
        .and_then(|e| e.media.as_ref())
        .or_else(|| raw.entities.as_ref().and_then(|e| e.media.as_ref()));
    item.media = media
        .into_iter()
        .flatten()
        .filter_map(|m| non_blank(&m.media_url_https).or(non_blank(&m.media_url)))
        .map(|path| Media {
            path: path.to_owned(),
            gps: None,
        })
        .collect();
    item.location = location(&raw);

    let signals = Signals {
        own_id: &item.id,
        text: &item.text,
        reply_to_status: non_blank(&raw.in_reply_to_status_id_str)
            .or(non_blank(&raw.in_reply_to_status_id)),
        ..Signals::default()
    };
    let (kind, target) = classify(&signals, item.urls.iter().map(String::as_str));
    item.kind = kind;
    item.target = target;
    Some(item)
}

/// The non-blank texts `pick` finds in an optional entity list.
fn texts<T>(list: &Option<Vec<T>>, pick: impl Fn(&T) -> Option<&str>) -> Vec<String> {
    list.iter()
        .flatten()
        .filter_map(pick)
        .map(str::to_owned)
        .collect()
}

/// The geotag: `coordinates` (`[lon, lat]`) first, else `geo` (`[lat, lon]`); the place name
/// from `place`. A post with only a place gets a location without coordinates.
fn location(raw: &RawTweet<'_>) -> Option<Location> {
    let point = raw
        .coordinates
        .as_ref()
        .and_then(point_pair)
        .map(|(lon, lat)| (lat, lon))
        .or_else(|| raw.geo.as_ref().and_then(point_pair));
    let name = raw
        .place
        .as_ref()
        .and_then(|p| non_blank(&p.full_name).or(non_blank(&p.name)))
        .map(str::to_owned);
    if point.is_none() && name.is_none() {
        return None;
    }
    Some(Location {
        lat: point.map(|(lat, _)| lat),
        lon: point.map(|(_, lon)| lon),
        name,
        origin: LocationOrigin::Geotag,
    })
}

/// The two numbers of a GeoJSON point (`{"type":"Point","coordinates":[a, b]}`), in file order.
/// Numbers may be JSON numbers or strings.
fn point_pair(value: &Value) -> Option<(f64, f64)> {
    let pair = value.get("coordinates")?.as_array()?;
    let number = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    match pair.as_slice() {
        [a, b] => Some((number(a)?, number(b)?)).filter(|(a, b)| a.is_finite() && b.is_finite()),
        _ => None,
    }
}

/// A public X post as every reader starts it: kind `post` until the text says otherwise.
pub(super) fn new_public_post(
    id: String,
    file: &str,
    position: usize,
    handle: Option<&str>,
) -> Item {
    let permalink = links::permalink(handle, &id);
    let mut item = Item::new(
        Platform::Twitter,
        ItemKind::Post,
        id,
        SourceRef {
            file: file.to_owned(),
            position,
        },
    );
    item.audience = Audience::Public;
    item.permalink = Some(permalink);
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(json_item: &str) -> (Option<Item>, Problems) {
        let text = format!("window.YTD.tweets.part0 = [ {json_item} ]");
        let mut problems = Problems::default();
        let (found, mut items) =
            read(&text, "data/tweets.js", Some("budi_asn"), &mut problems).unwrap();
        assert_eq!(found, 1);
        (items.pop(), problems)
    }

    #[test]
    fn wrapped_tweet_with_every_field() {
        let (item, problems) = read_one(
            r##"{"tweet": {
              "id_str": "1001", "id": "1001",
              "created_at": "Sat Aug 17 03:00:00 +0000 2024",
              "full_text": "Upacara HUT RI &amp; lomba #17an bersama @pemkot_x https://t.co/a https://t.co/b",
              "entities": {
                "hashtags": [{"text": "17an", "indices": ["27", "32"]}],
                "user_mentions": [{"screen_name": "pemkot_x", "id_str": "9"}],
                "urls": [{"url": "https://t.co/a", "expanded_url": "https://pemkot.go.id/hut"}],
                "media": [{"media_url_https": "https://pbs.twimg.com/media/entities.jpg"}]
              },
              "extended_entities": {"media": [
                {"media_url_https": "https://pbs.twimg.com/media/satu.jpg"},
                {"media_url": "http://pbs.twimg.com/media/dua.jpg"}
              ]},
              "favorite_count": "3", "edit_info": {"initial": {"editTweetIds": ["1001"]}}
            }}"##,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let item = item.unwrap();
        assert_eq!(item.id, "1001");
        assert_eq!(item.kind, ItemKind::Post);
        assert_eq!(
            item.text,
            "Upacara HUT RI & lomba #17an bersama @pemkot_x https://t.co/a https://t.co/b"
        );
        assert_eq!(
            item.created_at.unwrap().to_rfc3339(),
            "2024-08-17T03:00:00+00:00"
        );
        assert_eq!(item.hashtags, ["17an"]);
        assert_eq!(item.mentions, ["pemkot_x"]);
        assert_eq!(item.urls, ["https://pemkot.go.id/hut"]);
        let media: Vec<_> = item.media.iter().map(|m| m.path.as_str()).collect();
        assert_eq!(
            media,
            [
                "https://pbs.twimg.com/media/satu.jpg",
                "http://pbs.twimg.com/media/dua.jpg"
            ]
        );
        assert_eq!(item.audience, Audience::Public);
        assert_eq!(
            item.permalink.as_deref(),
            Some("https://x.com/budi_asn/status/1001")
        );
        assert_eq!(
            item.source,
            SourceRef {
                file: "data/tweets.js".into(),
                position: 1
            }
        );
        assert!(item.location.is_none());
    }

    #[test]
    fn unwrapped_pre_2020_tweet_with_text_field() {
        let (item, problems) = read_one(
            r#"{"id_str": "7", "created_at": "Tue Mar 12 01:02:03 +0000 2019", "text": "Lama &lt;3"}"#,
        );
        assert!(problems.is_empty());
        let item = item.unwrap();
        assert_eq!((item.id.as_str(), item.text.as_str()), ("7", "Lama <3"));
    }

    #[test]
    fn numeric_ids_from_hand_made_files_are_kept_exact() {
        let (item, _) = read_one(r#"{"tweet": {"id": 1980321021254390009, "full_text": "x"}}"#);
        assert_eq!(item.unwrap().id, "1980321021254390009");
    }

    #[test]
    fn coordinates_are_lon_lat_and_geo_is_lat_lon() {
        let (item, _) = read_one(
            r#"{"tweet": {"id_str": "1", "full_text": "di kantor", "created_at": "Sat Aug 17 03:00:00 +0000 2024",
              "coordinates": {"type": "Point", "coordinates": ["106.8272", "-6.1754"]},
              "geo": {"type": "Point", "coordinates": ["-6.1754", "106.8272"]},
              "place": {"full_name": "Gambir, Jakarta Pusat", "name": "Gambir"}}}"#,
        );
        let loc = item.unwrap().location.unwrap();
        assert_eq!((loc.lat, loc.lon), (Some(-6.1754), Some(106.8272)));
        assert_eq!(loc.name.as_deref(), Some("Gambir, Jakarta Pusat"));
        assert_eq!(loc.origin, LocationOrigin::Geotag);
        assert!(loc.has_coordinates());
    }

    #[test]
    fn geo_alone_is_read_as_lat_lon() {
        let (item, _) = read_one(
            r#"{"tweet": {"id_str": "1", "full_text": "x", "coordinates": null,
              "geo": {"type": "Point", "coordinates": [-7.2575, 112.7521]}}}"#,
        );
        let loc = item.unwrap().location.unwrap();
        assert_eq!((loc.lat, loc.lon), (Some(-7.2575), Some(112.7521)));
        assert_eq!(loc.name, None);
    }

    #[test]
    fn place_alone_gives_a_name_without_coordinates() {
        let (item, _) = read_one(
            r#"{"tweet": {"id_str": "1", "full_text": "x", "place": {"name": "Bandung"},
              "coordinates": {"type": "Point", "coordinates": ["bukan angka", "1"]}}}"#,
        );
        let loc = item.unwrap().location.unwrap();
        assert_eq!(
            (loc.lat, loc.lon, loc.name.as_deref()),
            (None, None, Some("Bandung"))
        );
        assert!(!loc.has_coordinates());
    }

    #[test]
    fn kinds_from_the_tweet_fields() {
        let (reply, _) = read_one(
            r#"{"tweet": {"id_str": "2", "full_text": "@warga siap", "in_reply_to_status_id_str": "1",
              "in_reply_to_screen_name": "warga"}}"#,
        );
        let reply = reply.unwrap();
        assert_eq!(
            (reply.kind, reply.target.as_deref()),
            (ItemKind::Reply, Some("1"))
        );

        let (mention, _) = read_one(
            r#"{"tweet": {"id_str": "2", "full_text": "@walikota mohon ditinjau", "in_reply_to_screen_name": "walikota",
              "in_reply_to_user_id_str": "8"}}"#,
        );
        assert_eq!(mention.unwrap().kind, ItemKind::Post);

        let (rt, _) = read_one(
            r#"{"tweet": {"id_str": "3", "full_text": "RT @bpbd: Siaga banjir &amp; longsor"}}"#,
        );
        let rt = rt.unwrap();
        assert_eq!(
            (rt.kind, rt.target.as_deref()),
            (ItemKind::Repost, Some("bpbd"))
        );
        assert_eq!(rt.text, "RT @bpbd: Siaga banjir & longsor");

        let (quote, _) = read_one(
            r#"{"tweet": {"id_str": "4", "full_text": "Setuju https://t.co/q",
              "entities": {"urls": [{"url": "https://t.co/q", "expanded_url": "https://x.com/menteri/status/99"}]}}}"#,
        );
        let quote = quote.unwrap();
        assert_eq!(
            (quote.kind, quote.target.as_deref()),
            (ItemKind::Quote, Some("99"))
        );
    }

    #[test]
    fn missing_id_is_skipped_and_gaps_are_reported() {
        let text = r#"window.YTD.tweets.part0 = [
          {"tweet": {"full_text": "tanpa id"}},
          {"tweet": {"id_str": "5", "created_at": "kemarin", "full_text": "ada"}},
          {"like": {"tweetId": "6"}},
          "bukan objek"
        ]"#;
        let mut problems = Problems::default();
        let (found, items) = read(text, "data/tweets.js", None, &mut problems).unwrap();
        assert_eq!(found, 4);
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0].permalink.as_deref(),
            Some("https://x.com/i/web/status/5")
        );
        assert!(items[0].created_at.is_none());
        let e = problems.into_error("a.zip!data/tweets.js", found).unwrap();
        assert!(
            e.message
                .contains("3 of 4 items were malformed and skipped"),
            "{e}"
        );
        assert!(e.message.contains("item 1: no `id_str`"), "{e}");
        assert!(e.message.contains("item 4: invalid type: string"), "{e}");
        assert!(
            e.message.contains("unreadable `created_at` `kemarin`"),
            "{e}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_list_fails() {
        let mut problems = Problems::default();
        let err = read(
            "window.YTD.tweets.part0 = {\"tweet\": 1}",
            "t.js",
            None,
            &mut problems,
        )
        .unwrap_err();
        assert!(err.contains("not a list"), "{err}");
    }
}
