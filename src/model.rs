//! The data model every stage shares: what an account did (`Item`), whose it is (`Account`),
//! and what the rules concluded (`Finding`).

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The platform an archive comes from. Serialised in lower case (`twitter`, `facebook`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Twitter,
    Facebook,
    Instagram,
    Threads,
    Tiktok,
    Mastodon,
    Telegram,
    Linkedin,
    Youtube,
    Reddit,
    Bluesky,
    Generic,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Threads => "threads",
            Platform::Tiktok => "tiktok",
            Platform::Mastodon => "mastodon",
            Platform::Telegram => "telegram",
            Platform::Linkedin => "linkedin",
            Platform::Youtube => "youtube",
            Platform::Reddit => "reddit",
            Platform::Bluesky => "bluesky",
            Platform::Generic => "generic",
        }
    }

    /// The name people know the platform by, for the report.
    pub fn display_name(self) -> &'static str {
        match self {
            Platform::Twitter => "X (Twitter)",
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::Threads => "Threads",
            Platform::Tiktok => "TikTok",
            Platform::Mastodon => "Mastodon",
            Platform::Telegram => "Telegram",
            Platform::Linkedin => "LinkedIn",
            Platform::Youtube => "YouTube",
            Platform::Reddit => "Reddit",
            Platform::Bluesky => "Bluesky",
            Platform::Generic => "CSV/JSONL",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of thing the account did. The vocabulary is fixed by the design card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Post,
    Reply,
    Repost,
    Quote,
    Comment,
    Like,
    Follow,
    Group,
    CheckIn,
    Story,
    Message,
    Profile,
}

impl ItemKind {
    pub const ALL: [ItemKind; 12] = [
        ItemKind::Post,
        ItemKind::Reply,
        ItemKind::Repost,
        ItemKind::Quote,
        ItemKind::Comment,
        ItemKind::Like,
        ItemKind::Follow,
        ItemKind::Group,
        ItemKind::CheckIn,
        ItemKind::Story,
        ItemKind::Message,
        ItemKind::Profile,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Post => "post",
            ItemKind::Reply => "reply",
            ItemKind::Repost => "repost",
            ItemKind::Quote => "quote",
            ItemKind::Comment => "comment",
            ItemKind::Like => "like",
            ItemKind::Follow => "follow",
            ItemKind::Group => "group",
            ItemKind::CheckIn => "check_in",
            ItemKind::Story => "story",
            ItemKind::Message => "message",
            ItemKind::Profile => "profile",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Acting on someone else's content (liking, reposting, following) rather than writing.
    pub fn is_endorsement(self) -> bool {
        matches!(
            self,
            ItemKind::Like | ItemKind::Repost | ItemKind::Follow | ItemKind::Group
        )
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who could see the item.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Public,
    Unlisted,
    Followers,
    Direct,
    #[default]
    Unknown,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Unlisted => "unlisted",
            Audience::Followers => "followers",
            Audience::Direct => "direct",
            Audience::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        [
            Audience::Public,
            Audience::Unlisted,
            Audience::Followers,
            Audience::Direct,
            Audience::Unknown,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// Where a location came from: it decides how sure we are that it is the owner's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationOrigin {
    Geotag,
    PhotoExif,
    CheckIn,
    Profile,
}

impl LocationOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            LocationOrigin::Geotag => "geotag",
            LocationOrigin::PhotoExif => "photo_exif",
            LocationOrigin::CheckIn => "check_in",
            LocationOrigin::Profile => "profile",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Place name or address, as the archive gives it.
    pub name: Option<String>,
    pub origin: LocationOrigin,
}

impl Location {
    /// True when the location pins a point (not just a city name).
    pub fn has_coordinates(&self) -> bool {
        matches!((self.lat, self.lon), (Some(lat), Some(lon))
            if lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
            && !(lat == 0.0 && lon == 0.0))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Media {
    /// Path of the media file inside the archive, or its URL.
    pub path: String,
    /// Latitude and longitude from the photo's EXIF data, when the archive has it.
    pub gps: Option<(f64, f64)>,
}

/// Where in the archive an item was read: the evidence trail and the unit of coverage.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SourceRef {
    /// File inside the archive (`data/tweets.js`), or the input file itself.
    pub file: String,
    /// 1-based position of the item in that file (array index + 1, or CSV data row).
    pub position: usize,
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.file, self.position)
    }
}

/// One thing the account did, in the same shape whatever the platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub platform: Platform,
    pub kind: ItemKind,
    pub id: String,
    pub created_at: Option<DateTime<FixedOffset>>,
    /// The account's own words; for likes and reposts, the liked or reposted text when known.
    pub text: String,
    pub urls: Vec<String>,
    pub hashtags: Vec<String>,
    pub mentions: Vec<String>,
    pub location: Option<Location>,
    pub media: Vec<Media>,
    pub audience: Audience,
    /// The account or post acted on (likes, follows, replies).
    pub target: Option<String>,
    pub permalink: Option<String>,
    pub source: SourceRef,
    /// The author marked the item sensitive (Mastodon's `sensitive`: media hidden behind a
    /// warning), when the platform has such a flag.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

impl Item {
    /// A new item with only the fields every reader knows; the rest start empty.
    pub fn new(
        platform: Platform,
        kind: ItemKind,
        id: impl Into<String>,
        source: SourceRef,
    ) -> Item {
        Item {
            platform,
            kind,
            id: id.into(),
            created_at: None,
            text: String::new(),
            urls: Vec::new(),
            hashtags: Vec::new(),
            mentions: Vec::new(),
            location: None,
            media: Vec::new(),
            audience: Audience::Unknown,
            target: None,
            permalink: None,
            source,
            sensitive: false,
        }
    }

    /// Every pinned point the item reveals: its geotag or check-in and its photos' GPS.
    pub fn coordinates(&self) -> Vec<(f64, f64, LocationOrigin)> {
        let mut out = Vec::new();
        if let Some(loc) = &self.location {
            if loc.has_coordinates() {
                out.push((
                    loc.lat.unwrap_or_default(),
                    loc.lon.unwrap_or_default(),
                    loc.origin,
                ));
            }
        }
        for m in &self.media {
            if let Some((lat, lon)) = m.gps {
                let probe = Location {
                    lat: Some(lat),
                    lon: Some(lon),
                    name: None,
                    origin: LocationOrigin::PhotoExif,
                };
                if probe.has_coordinates() {
                    out.push((lat, lon, LocationOrigin::PhotoExif));
                }
            }
        }
        out
    }
}

/// One archive is one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The handle when the archive names it (`@name`), else the input's file name.
    pub name: String,
    pub platform: Platform,
    /// The input path the account was read from.
    pub source: String,
    /// Base URL for links to the account's posts, when the platform has one.
    pub handle: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "low" | "rendah" => Some(Severity::Low),
            "medium" | "sedang" => Some(Severity::Medium),
            "high" | "tinggi" => Some(Severity::High),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The twelve categories of the design card, in the order the report shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Politik,
    Hoaks,
    Sara,
    Kebencian,
    Pelecehan,
    Pornografi,
    Radikalisme,
    Rahasia,
    Privasi,
    Lokasi,
    Pemborosan,
    Judi,
}

impl Category {
    pub const ALL: [Category; 12] = [
        Category::Politik,
        Category::Hoaks,
        Category::Sara,
        Category::Kebencian,
        Category::Pelecehan,
        Category::Pornografi,
        Category::Radikalisme,
        Category::Rahasia,
        Category::Privasi,
        Category::Lokasi,
        Category::Pemborosan,
        Category::Judi,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Politik => "politik",
            Category::Hoaks => "hoaks",
            Category::Sara => "sara",
            Category::Kebencian => "kebencian",
            Category::Pelecehan => "pelecehan",
            Category::Pornografi => "pornografi",
            Category::Radikalisme => "radikalisme",
            Category::Rahasia => "rahasia",
            Category::Privasi => "privasi",
            Category::Lokasi => "lokasi",
            Category::Pemborosan => "pemborosan",
            Category::Judi => "judi",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span of the item's original text that made a rule match.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offsets into `Finding::text`.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One rule matching one item: an indication for a human to review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub account: String,
    pub platform: Platform,
    pub item_id: String,
    pub kind: ItemKind,
    pub created_at: Option<DateTime<FixedOffset>>,
    pub category: Category,
    pub rule: String,
    pub severity: Severity,
    pub title: String,
    pub evidence: Vec<Evidence>,
    pub election: Option<String>,
    pub phase: Option<String>,
    pub text: String,
    pub url: Option<String>,
    pub source: String,
    pub fingerprint: String,
}

#[cfg(test)]
impl Finding {
    /// A finding for tests, its text on two lines.
    pub fn example(account: &str, id: &str, severity: Severity) -> Finding {
        Finding {
            account: account.into(),
            platform: Platform::Twitter,
            item_id: id.into(),
            kind: ItemKind::Post,
            created_at: None,
            category: Category::Judi,
            rule: "judi.slot".into(),
            severity,
            title: "Judi".into(),
            evidence: Vec::new(),
            election: None,
            phase: None,
            text: format!("teks {id}\nbaris kedua"),
            url: None,
            source: "data/tweets.js#1".into(),
            fingerprint: id.into(),
        }
    }

    /// `count` example findings of one account, their ids 0, 1, 2, ….
    pub fn numbered(count: usize, severity: Severity) -> Vec<Finding> {
        (0..count)
            .map(|n| Finding::example("budi", &n.to_string(), severity))
            .collect()
    }
}
