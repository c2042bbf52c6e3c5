//! TikTok reader: `user_data_tiktok.json` (and the older `user_data.json`) from "Download your
//! data" with the JSON option.
//!
//! Lists are found by their key anywhere in the tree, not by a fixed path, because TikTok
//! renames the sections (`Activity` → `Your Activity`, likes moved under `Likes and Favorites`,
//! `Video`/`Videos`, `Post`/`Posts`) while the list keys stay recognisable:
//! - own videos: `VideoList` / `PostList` under a video or post section → `post` (caption =
//!   `Title`, place tag = `Location` as a geotag name, audience from `WhoCanView`);
//! - `CommentsList` → `comment` (public);
//! - `ItemFavoriteList` (Like List) → `like`; `FavoriteVideoList` → `like` as well (a
//!   favourite endorses the video the same way; the export gives only the link and date);
//! - `Following` (Following List) → `follow` of `@UserName`;
//! - `ReviewsList` (Poi Review) → `check_in` at `PlaceName`, the review text as text;
//! - `Most Recent Location Data` → a `profile` item carrying the last GPS fix / region;
//! - `ProfileMap.bioDescription` → a `profile` item; `userName` is the handle;
//! - direct messages (`ChatHistory`): the owner's own are `message` (direct); the other
//!   side's are counted under `excluded` as `others_messages`.
//!
//! Decisions:
//! - Dates have no offset; TikTok writes them in UTC, so they are read as UTC.
//! - `RecentlyDeletedPosts` are counted as excluded (`deleted`), like X's deleted posts: no
//!   longer public, nothing left to clean up.
//! - Watch, search, share and login history, followers, settings and shopping data are not
//!   the account's speech and are not read.
//! - Likes are public only when `Who Can View Videos I Liked` says `Everyone`; otherwise (and
//!   for favourites, private by default) the audience is unknown. "Only me" videos get an
//!   unknown audience: private, but not a message, and they can be made public again.
//! - Ids: the video id from a `/video/<id>` link when there is one, else `<list>-<n>`.

use serde_json::{Map, Value};

use crate::archive::{Archive, Entry};
use crate::model::{Audience, Item, ItemKind, Location, LocationOrigin, Platform};
use crate::platform::kit::{self, meaningful, parse_utc, Problems, Run};
use crate::platform::{GenericColumns, PlatformReader, Reading};

pub struct TiktokReader;

const SHAPE: &str = "TikTok's `user_data_tiktok.json`: a JSON object of sections \
     (`Video`, `Comment`, `Activity`…)";

impl PlatformReader for TiktokReader {
    fn platform(&self) -> Platform {
        Platform::Tiktok
    }

    fn recognise(&self, entries: &[Entry]) -> u32 {
        entries
            .iter()
            .map(|e| match kit::lower_name(e).as_str() {
                "user_data_tiktok.json" => 70,
                "user_data.json" => 30,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let mut run = Run::new(archive);
        for (index, entry) in archive.entries().iter().enumerate() {
            match kit::lower_name(entry).as_str() {
                "user_data_tiktok.json" | "user_data.json" => read_file(&mut run, index),
                name if is_media(name) => run.ignore(index, "media file"),
                _ => {}
            }
        }
        run.finish()
    }
}

fn is_media(name: &str) -> bool {
    [".mp4", ".jpg", ".jpeg", ".png", ".webp", ".mov"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn read_file(run: &mut Run, index: usize) {
    let Some(text) = run.text(index) else { return };
    let root: Value = match serde_json::from_str(&text) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => return run.fail(index, "is JSON but not an object", SHAPE),
        Err(e) => return run.fail(index, format!("is not readable JSON ({e})"), SHAPE),
    };
    let file = run.entries()[index].path.clone();
    let mut reader = FileReader {
        file,
        position: 0,
        found: 0,
        items: Vec::new(),
        problems: Problems::default(),
        handle: None,
        likes_public: false,
        others: 0,
        deleted: 0,
    };
    // Settings and the handle first: they decide audiences and whose messages are whose.
    reader.scan_settings(&root);
    reader.walk(&root, &mut Vec::new());
    if run.reading.handle.is_none() {
        run.reading.handle = reader.handle.clone();
    }
    run.exclude("others_messages", reader.others);
    run.exclude("deleted", reader.deleted);
    run.done(index, reader.items, reader.found, reader.problems);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Posts,
    Deleted,
    Comments,
    Likes,
    Favourites,
    Following,
    Reviews,
}

/// The section a list belongs to, from its key and the keys above it (lower case).
fn classify(path: &[String], key: &str) -> Option<Section> {
    let key = key.to_lowercase();
    let within = |word: &str| path.iter().any(|p| p.contains(word));
    let history = within("history") || within("brows") || within("watch");
    match key.as_str() {
        "itemfavoritelist" | "likelist" | "likedvideolist" => Some(Section::Likes),
        "favoritevideolist" | "favoritevideos" => Some(Section::Favourites),
        "commentslist" | "commentlist" => Some(Section::Comments),
        "reviewslist" | "reviewlist" => Some(Section::Reviews),
        "following" | "followinglist" if !within("follower") => Some(Section::Following),
        "postlist" | "videolist" | "videos" | "posts" if within("deleted") => {
            Some(Section::Deleted)
        }
        "postlist" | "videolist" | "videos" | "posts"
            if !history && (within("video") || within("post")) =>
        {
            Some(Section::Posts)
        }
        _ => None,
    }
}

struct FileReader {
    file: String,
    /// Running position over every item of the file, so each source is distinct.
    position: usize,
    found: usize,
    items: Vec<Item>,
    problems: Problems,
    handle: Option<String>,
    likes_public: bool,
    others: u64,
    deleted: u64,
}

impl FileReader {
    fn scan_settings(&mut self, value: &Value) {
        let Value::Object(map) = value else { return };
        for (key, child) in map {
            match (key.as_str(), child) {
                // The profile's own name; `UserName` elsewhere names other accounts.
                ("userName", Value::String(name)) if self.handle.is_none() => {
                    self.handle = meaningful(name).map(str::to_owned);
                }
                ("Who Can View Videos I Liked", Value::String(who)) => {
                    self.likes_public = who.eq_ignore_ascii_case("everyone");
                }
                (_, Value::Object(_)) => self.scan_settings(child),
                _ => {}
            }
        }
    }

    fn walk(&mut self, value: &Value, path: &mut Vec<String>) {
        let Value::Object(map) = value else { return };
        for (key, child) in map {
            let lower = key.to_lowercase();
            if let Some(section) = classify(path, key).filter(|_| !child.is_object()) {
                match child {
                    Value::Array(list) => self.list(section, key, list),
                    Value::Null => {}
                    Value::String(s) if meaningful(s).is_none() => {}
                    other => self.problems.skip(
                        self.position + 1,
                        format!(
                            "`{key}` is {}, expected a list",
                            crate::platform::json::kind_of(other)
                        ),
                    ),
                }
                continue;
            }
            match (lower.as_str(), child) {
                ("chathistory", Value::Object(chats)) => self.chats(chats),
                ("locationdata", Value::Object(data)) => self.last_location(data),
                ("profilemap", Value::Object(profile)) => self.profile(profile),
                (_, Value::Object(_)) => {
                    path.push(lower);
                    self.walk(child, path);
                    path.pop();
                }
                _ => {}
            }
        }
    }

    fn next(&mut self) -> usize {
        self.position += 1;
        self.found += 1;
        self.position
    }

    fn list(&mut self, section: Section, key: &str, list: &[Value]) {
        for (n, raw) in list.iter().enumerate() {
            if section == Section::Deleted {
                self.deleted += 1;
                continue;
            }
            let position = self.next();
            let Value::Object(obj) = raw else {
                self.problems.skip(
                    position,
                    format!(
                        "an entry of `{key}` is {}, expected an object",
                        crate::platform::json::kind_of(raw)
                    ),
                );
                continue;
            };
            let item = match section {
                Section::Posts => self.post(obj, n, position),
                Section::Comments => self.comment(obj, n, position),
                Section::Likes | Section::Favourites => self.like(obj, section, n, position),
                Section::Following => self.follow(obj, n, position),
                Section::Reviews => self.review(obj, n, position),
                Section::Deleted => None,
            };
            if let Some(item) = item {
                self.items.push(item);
            }
        }
    }

    fn item(&mut self, kind: ItemKind, id: String, position: usize) -> Item {
        Item::new(
            Platform::Tiktok,
            kind,
            id,
            kit::source(&self.file, position),
        )
    }

    fn date(&mut self, obj: &Map<String, Value>, item: &mut Item) {
        let raw = field(obj, &["Date", "date", "CreateTime"]);
        match raw.as_deref().and_then(meaningful) {
            None => {}
            Some(raw) => match parse_utc(raw) {
                Some(d) => item.created_at = Some(d),
                None => self
                    .problems
                    .gap(item.source.position, format!("unreadable date `{raw}`")),
            },
        }
    }

    fn post(&mut self, obj: &Map<String, Value>, n: usize, position: usize) -> Option<Item> {
        let link = field(obj, &["Link", "VideoLink", "link"]);
        let id = link
            .as_deref()
            .and_then(video_id)
            .unwrap_or_else(|| format!("video-{}", n + 1));
        let mut item = self.item(ItemKind::Post, id, position);
        self.date(obj, &mut item);
        if let Some(title) = field(obj, &["Title", "Caption", "Description"]) {
            if let Some(t) = meaningful(&title) {
                item.text = t.to_owned();
                kit::entities(t, &mut item);
            }
        }
        if let Some(place) = field(obj, &["Location"]).as_deref().and_then(meaningful) {
            item.location = Some(Location {
                lat: None,
                lon: None,
                name: Some(place.to_owned()),
                origin: LocationOrigin::Geotag,
            });
        }
        item.audience = match field(obj, &["WhoCanView"])
            .as_deref()
            .map(str::to_lowercase)
        {
            Some(w) if w == "everyone" || w == "public" => Audience::Public,
            Some(w) if w.contains("friend") || w.contains("follower") => Audience::Followers,
            _ => Audience::Unknown,
        };
        if let Some(link) = link.as_deref().and_then(meaningful) {
            item.media.push(crate::model::Media {
                path: link.to_owned(),
                gps: None,
            });
            if link.contains("/video/") {
                item.permalink = Some(link.to_owned());
            }
        }
        Some(item)
    }

    fn comment(&mut self, obj: &Map<String, Value>, n: usize, position: usize) -> Option<Item> {
        let text = field(obj, &["comment", "Comment", "CommentText"]).unwrap_or_default();
        let mut item = self.item(ItemKind::Comment, format!("comment-{}", n + 1), position);
        self.date(obj, &mut item);
        item.text = text.trim().to_owned();
        kit::entities(&item.text.clone(), &mut item);
        item.audience = Audience::Public;
        if let Some(url) = field(obj, &["url", "Url", "link"])
            .as_deref()
            .and_then(meaningful)
        {
            item.target = Some(url.to_owned());
            item.permalink = Some(url.to_owned());
        }
        if let Some(photo) = field(obj, &["photo"]).as_deref().and_then(meaningful) {
            item.media.push(crate::model::Media {
                path: photo.to_owned(),
                gps: None,
            });
        }
        if item.text.is_empty() && item.media.is_empty() {
            self.problems.gap(position, "a comment without text");
        }
        Some(item)
    }

    fn like(
        &mut self,
        obj: &Map<String, Value>,
        section: Section,
        n: usize,
        position: usize,
    ) -> Option<Item> {
        let link = field(obj, &["link", "Link", "VideoLink"]);
        let Some(link) = link.as_deref().and_then(meaningful).map(str::to_owned) else {
            self.problems.skip(position, "a like without a link");
            return None;
        };
        let prefix = if section == Section::Likes {
            "like"
        } else {
            "favorite"
        };
        let id = video_id(&link).unwrap_or_else(|| format!("{prefix}-{}", n + 1));
        let mut item = self.item(ItemKind::Like, id, position);
        self.date(obj, &mut item);
        item.target = Some(link.clone());
        item.permalink = Some(link);
        item.audience = if section == Section::Likes && self.likes_public {
            Audience::Public
        } else {
            Audience::Unknown
        };
        Some(item)
    }

    fn follow(&mut self, obj: &Map<String, Value>, _n: usize, position: usize) -> Option<Item> {
        let name = field(obj, &["UserName", "username", "userName"]);
        let Some(name) = name.as_deref().and_then(meaningful).map(str::to_owned) else {
            self.problems.skip(position, "a follow without `UserName`");
            return None;
        };
        let name = name.trim_start_matches('@').to_owned();
        let mut item = self.item(ItemKind::Follow, name.clone(), position);
        self.date(obj, &mut item);
        item.target = Some(format!("@{name}"));
        item.permalink = Some(format!("https://www.tiktok.com/@{name}"));
        item.audience = Audience::Public;
        Some(item)
    }

    fn review(&mut self, obj: &Map<String, Value>, n: usize, position: usize) -> Option<Item> {
        let mut item = self.item(ItemKind::CheckIn, format!("review-{}", n + 1), position);
        self.date(obj, &mut item);
        let place = field(obj, &["PlaceName", "Place"]);
        item.location = Some(Location {
            lat: None,
            lon: None,
            name: place.as_deref().and_then(meaningful).map(str::to_owned),
            origin: LocationOrigin::CheckIn,
        });
        item.target = item.location.as_ref().and_then(|l| l.name.clone());
        if let Some(text) = field(obj, &["ReviewText"]).as_deref().and_then(meaningful) {
            item.text = text.to_owned();
        }
        item.audience = Audience::Public;
        Some(item)
    }

    fn last_location(&mut self, data: &Map<String, Value>) {
        let gps = field(data, &["GpsData", "GPS"]);
        let region = field(data, &["LastRegion", "Region"]);
        let gps = gps.as_deref().and_then(meaningful);
        let region = region.as_deref().and_then(meaningful);
        if gps.is_none() && region.is_none() {
            return;
        }
        let position = self.next();
        let mut item = self.item(ItemKind::Profile, "last-location".into(), position);
        self.date(data, &mut item);
        let point = gps.and_then(parse_point);
        if gps.is_some() && point.is_none() {
            self.problems.gap(
                position,
                format!("unreadable GPS data `{}`", gps.unwrap_or("")),
            );
        }
        item.location = Some(Location {
            lat: point.map(|p| p.0),
            lon: point.map(|p| p.1),
            name: region.map(str::to_owned),
            origin: if point.is_some() {
                LocationOrigin::Geotag
            } else {
                LocationOrigin::Profile
            },
        });
        self.items.push(item);
    }

    fn profile(&mut self, profile: &Map<String, Value>) {
        if let Some(bio) = field(profile, &["bioDescription"])
            .as_deref()
            .and_then(meaningful)
        {
            let position = self.next();
            let mut item = self.item(ItemKind::Profile, "bio".into(), position);
            item.text = bio.to_owned();
            kit::entities(bio, &mut item);
            item.audience = Audience::Public;
            if let Some(handle) = &self.handle {
                item.permalink = Some(format!("https://www.tiktok.com/@{handle}"));
            }
            self.items.push(item);
        }
    }

    fn chats(&mut self, chats: &Map<String, Value>) {
        for (chat, messages) in chats {
            let Value::Array(messages) = messages else {
                continue;
            };
            let peer = chat
                .trim_end_matches(':')
                .trim_start_matches("Chat History with ")
                .trim()
                .to_owned();
            for (n, raw) in messages.iter().enumerate() {
                let Value::Object(obj) = raw else {
                    let position = self.next();
                    self.problems
                        .skip(position, "a chat message that is not an object");
                    continue;
                };
                let from = field(obj, &["From", "from"]).unwrap_or_default();
                let own = self.handle.as_deref().is_some_and(|h| h == from.trim());
                if !own {
                    self.others += 1;
                    continue;
                }
                let position = self.next();
                let mut item =
                    self.item(ItemKind::Message, format!("dm-{peer}-{}", n + 1), position);
                self.date(obj, &mut item);
                item.text = field(obj, &["Content", "content"]).unwrap_or_default();
                kit::entities(&item.text.clone(), &mut item);
                item.audience = Audience::Direct;
                item.target = Some(peer.clone());
                self.items.push(item);
            }
        }
    }
}

/// A field by any of its spellings, as text (numbers included).
fn field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    })
}

/// `…/video/7442045703922142486/` → the id.
fn video_id(link: &str) -> Option<String> {
    let rest = link.split("/video/").nth(1)?;
    let id: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!id.is_empty()).then_some(id)
}

/// `"-6.2088, 106.8456"` (or with a space or a slash between) → (lat, lon).
fn parse_point(s: &str) -> Option<(f64, f64)> {
    let mut parts = s
        .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let lat: f64 = parts.next()?.parse().ok()?;
    let lon: f64 = parts.next()?.parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_by_key_whatever_the_wrapper() {
        let p = |s: &[&str]| s.iter().map(|x| x.to_lowercase()).collect::<Vec<_>>();
        assert_eq!(
            classify(&p(&["Video", "Videos"]), "VideoList"),
            Some(Section::Posts)
        );
        assert_eq!(
            classify(&p(&["Your Activity", "Watch History"]), "VideoList"),
            None
        );
        assert_eq!(
            classify(&p(&["Activity", "Video Browsing History"]), "VideoList"),
            None
        );
        assert_eq!(
            classify(&p(&["Video", "RecentlyDeletedPosts"]), "PostList"),
            Some(Section::Deleted)
        );
        assert_eq!(
            classify(
                &p(&["Your Activity", "Likes and Favorites", "Like List"]),
                "ItemFavoriteList"
            ),
            Some(Section::Likes)
        );
        assert_eq!(classify(&p(&["Follower List"]), "FansList"), None);
        assert_eq!(
            classify(&p(&["Activity", "Following List"]), "Following"),
            Some(Section::Following)
        );
    }

    #[test]
    fn ids_and_points() {
        assert_eq!(
            video_id("https://www.tiktokv.com/share/video/7442045703922142486/").as_deref(),
            Some("7442045703922142486")
        );
        assert_eq!(video_id("https://x/storage/v1/abc"), None);
        assert_eq!(parse_point("-6.2088, 106.8456"), Some((-6.2088, 106.8456)));
        assert_eq!(parse_point("N/A"), None);
    }
}
