//! Instagram export reader (the JSON option of "Download your information"), zipped or
//! unpacked, with the Threads data Meta puts inside it.
//!
//! Read: posts (`posts_1.json` and part files, old and new folders, and the pre-2021
//! `media.json`), reels, IGTV and archived posts, stories, own comments on posts and reels,
//! liked posts and comments, accounts and hashtags followed, direct messages, and the profile
//! (`personal_information.json`: handle, name, bio, website, private or not). Threads
//! (`your_instagram_activity/threads/`): posts and replies, likes and follows, as items with
//! platform `threads`. Every other file is listed as ignored with the reason.
//!
//! Decisions:
//! - One archive is one account: an export holding Instagram and Threads data is one
//!   account of platform `instagram` whose Threads items say `threads`.
//! - Ids: the export has no post ids, so an item's id is its file name and 1-based position
//!   (`posts_1.json#3`; messages `<thread folder>/message_1.json#5`); stable for an archive.
//! - Captions: the post's `title` when it has one (multi-media posts), else the distinct
//!   titles of its media joined (single-media posts carry it on `media[0]`).
//! - `exif_data` latitude/longitude in the JSON is the photo's GPS as Instagram read it: it
//!   sets the media's `gps` and, without a tagged place, the item's location (`photo_exif`).
//!   A tagged place (`location`) is a `geotag` and wins.
//! - Audience: own posts, stories, reels, Threads posts, follows and the profile are
//!   `public`, or `followers` when `personal_information.json` says the account is private;
//!   comments and likes are `unknown` (the other account decides who sees them); messages
//!   are `direct`.
//! - Threads does not mark replies in `threads_and_replies.json`; all its items are `post`.
//! - Likes carry no liked text (the `value` is only the 👍 marker): target = the post's owner
//!   (`title`), else the link; permalink = the link.
//! - Saved posts and collections are ignored: private bookmarks nobody else sees. Followers,
//!   Meta's inferred locations (`profile_based_in.json`, `last_known_location.json`), ads and
//!   login records are ignored too, each with its reason.
//! - Messages from other participants are left out once the owner's name is known (see
//!   `messages.rs`); the file's `Read { items }` counts the own messages.
//! - Timestamps are unix seconds (messages: milliseconds) and become UTC times.

mod account;
mod activity;
mod files;
mod json;
mod messages;
mod posts;
mod text;

#[cfg(test)]
mod tests;

use crate::platform::outline::Outline;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};
use crate::platform::handover::{self, Handover};
use crate::platform::{Batch, FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

use crate::platform::problems::Problems;
use files::Role;

pub struct InstagramReader;

impl PlatformReader for InstagramReader {
    fn platform(&self) -> Platform {
        Platform::Instagram
    }

    /// Scores the names only Instagram exports use; generic names (`following.json`,
    /// `stories.json`) count little so they never outweigh another platform's own files.
    fn recognise(&self, entries: &[Entry]) -> u32 {
        let mut score = 0u32;
        let mut seen = std::collections::BTreeSet::new();
        for entry in entries {
            let path = entry.path.to_ascii_lowercase();
            if path.split('/').any(|f| f == "your_instagram_activity") {
                seen.insert(("activity", 50));
            }
            let points = match files::role(entry) {
                Role::Media {
                    platform: Platform::Threads,
                    ..
                } => ("threads", 40),
                Role::Media {
                    kind: ItemKind::Post,
                    ..
                } if entry.file_name().to_ascii_lowercase().starts_with("posts_") => ("posts", 25),
                Role::Comments if path.contains("post_comments") => ("comments", 20),
                Role::Likes { .. } if path.contains("liked_posts") => ("likes", 20),
                Role::Following { .. } if path.contains("followers_and_following") => {
                    ("following", 15)
                }
                Role::Following { .. } => ("following-name", 5),
                Role::Media {
                    kind: ItemKind::Story,
                    ..
                } => ("stories", 5),
                Role::Personal => ("personal", 10),
                Role::OldMedia => ("old-media", 10),
                _ => continue,
            };
            seen.insert(points);
        }
        for (_, points) in seen {
            score += points;
        }
        score.min(100)
    }

    fn read(&self, archive: &Archive, columns: &GenericColumns) -> Reading {
        handover::read_all(|sink| self.read_batches(archive, columns, sink))
    }

    /// A batch at a time as the files are read, in the order `read` lists them: a heavy
    /// account's posts are checked while its likes and comments are read.
    fn read_batches(
        &self,
        archive: &Archive,
        _columns: &GenericColumns,
        sink: &mut dyn FnMut(Batch<'_>),
    ) -> Reading {
        let mut run = Run::new(archive, Handover::new(sink));
        run.read();
        run.finish()
    }
}

/// Where an item comes from and how a reader fills its common fields.
pub(crate) struct Ctx<'a> {
    file: &'a str,
    id_prefix: String,
    platform: Platform,
    kind: ItemKind,
    /// Who sees the account's own posts.
    audience: Audience,
}

impl Ctx<'_> {
    fn item(&self, position: usize) -> Item {
        self.item_of(self.kind, position)
    }

    fn item_of(&self, kind: ItemKind, position: usize) -> Item {
        Item::new(
            self.platform,
            kind,
            format!("{}#{position}", self.id_prefix),
            SourceRef {
                file: self.file.to_owned(),
                position,
            },
        )
    }

    /// Entities from the text, and the audience of the item's kind.
    fn finish(&self, item: &mut Item) {
        let (hashtags, mentions, urls) = text::entities(&item.text);
        item.hashtags = hashtags;
        item.mentions = mentions;
        item.urls = urls;
        item.audience = match item.kind {
            ItemKind::Message => Audience::Direct,
            ItemKind::Comment | ItemKind::Like => Audience::Unknown,
            _ => self.audience,
        };
    }
}

struct Run<'a, 's> {
    archive: &'a Archive,
    entries: &'a [Entry],
    roles: Vec<Role>,
    status: Vec<FileStatus>,
    /// Everything but the items, which go to `out` as they are made.
    reading: Reading,
    out: Handover<'s>,
    audience: Audience,
    owner: Option<String>,
}

impl<'a, 's> Run<'a, 's> {
    fn new(archive: &'a Archive, out: Handover<'s>) -> Run<'a, 's> {
        let entries = archive.entries();
        let roles: Vec<Role> = entries.iter().map(files::role).collect();
        let status = FileStatus::initial(roles.iter().map(|role| match role {
            Role::Ignored(reason) => Some(*reason),
            _ => None,
        }));
        Run {
            archive,
            entries,
            roles,
            status,
            reading: Reading::default(),
            out,
            audience: Audience::Public,
            owner: None,
        }
    }

    fn indices(&self, wanted: impl Fn(&Role) -> bool) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| wanted(&self.roles[i]))
            .collect()
    }

    fn read(&mut self) {
        // The profile first: the audience of posts and the owner of messages depend on it.
        for index in self.indices(|r| *r == Role::Personal) {
            let Some(text) = self.load(index) else {
                continue;
            };
            let Some(root) = self.open(index, &text) else {
                continue;
            };
            match account::read(&root) {
                Ok(profile) => self.use_profile(index, profile),
                Err(message) => self.fail(index, message, PERSONAL_SHAPE),
            }
        }
        for index in 0..self.entries.len() {
            let role = self.roles[index];
            let (kind, platform) = match role {
                Role::Media { kind, platform } => (kind, platform),
                Role::OldMedia => (ItemKind::Post, Platform::Instagram),
                Role::Comments => (ItemKind::Comment, Platform::Instagram),
                Role::Likes { platform } => (ItemKind::Like, platform),
                Role::Following { platform } => (ItemKind::Follow, platform),
                _ => continue,
            };
            let (shape, parse): (&str, Parser) = match role {
                Role::Media { .. } => (POSTS_SHAPE, posts::read),
                Role::OldMedia => (OLD_MEDIA_SHAPE, posts::read_old),
                Role::Comments => (COMMENTS_SHAPE, activity::read_comments),
                Role::Likes { .. } => (LIKES_SHAPE, activity::read_likes),
                _ => (FOLLOWING_SHAPE, activity::read_following),
            };
            let Some(text) = self.load(index) else {
                continue;
            };
            let Some(root) = self.open(index, &text) else {
                continue;
            };
            let ctx = self.ctx(index, kind, platform);
            let mut problems = Problems::default();
            let mut kept = 0;
            let out = &mut self.out;
            let parsed = parse(&root, &ctx, &mut problems, &mut |item| {
                kept += 1;
                out.push(item);
            });
            match parsed {
                Ok(found) => {
                    let shown = self.archive.describe(&self.entries[index].path);
                    self.reading
                        .errors
                        .extend(problems.into_error(&shown, found));
                    self.status[index] = FileStatus::Read { items: kept };
                }
                Err(message) => self.fail(index, message, shape),
            }
        }
        for index in self.indices(|r| *r == Role::Messages) {
            let Some(text) = self.load(index) else {
                continue;
            };
            let Some(root) = self.open(index, &text) else {
                continue;
            };
            let ctx = self.ctx(index, ItemKind::Message, Platform::Instagram);
            let mut problems = Problems::default();
            match messages::read(&root, &ctx, self.owner.as_deref(), &mut problems) {
                Ok(read) => {
                    let shown = self.archive.describe(&self.entries[index].path);
                    self.reading
                        .errors
                        .extend(problems.into_error(&shown, read.found));
                    self.status[index] = FileStatus::Read {
                        items: read.items.len(),
                    };
                    // Other participants' messages are not the account's words, but they are
                    // counted, so a chat never passes for the owner's speech unnoticed.
                    if read.others > 0 {
                        *self
                            .reading
                            .excluded
                            .entry("others_messages".into())
                            .or_default() += read.others as u64;
                    }
                    self.out.extend(read.items);
                }
                Err(message) => self.fail(index, message, MESSAGES_SHAPE),
            }
        }
        self.out.flush();
    }

    fn use_profile(&mut self, index: usize, profile: account::Profile) {
        if self.out.handle.is_none() {
            self.out.handle = profile.handle.clone();
            self.reading.display_name = profile.name.clone();
            self.owner = profile.name.clone();
            if profile.private == Some(true) {
                self.audience = Audience::Followers;
            }
        }
        let words: Vec<&str> = [profile.bio.as_deref(), profile.website.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if words.is_empty() {
            self.status[index] = FileStatus::Metadata;
            return;
        }
        let ctx = self.ctx(index, ItemKind::Profile, Platform::Instagram);
        let mut item = ctx.item(1);
        item.text = words.join("\n");
        ctx.finish(&mut item);
        item.permalink = profile
            .handle
            .as_ref()
            .map(|h| format!("https://www.instagram.com/{h}/"));
        self.status[index] = FileStatus::Read { items: 1 };
        self.out.push(item);
    }

    fn ctx(&self, index: usize, kind: ItemKind, platform: Platform) -> Ctx<'a> {
        let entry = &self.entries[index];
        let id_prefix = if self.roles[index] == Role::Messages {
            // Every conversation has its own `message_1.json`: the thread folder tells them apart.
            let mut parts = entry.path.rsplit('/');
            let name = parts.next().unwrap_or_default();
            match parts.next() {
                Some(thread) => format!("{thread}/{name}"),
                None => name.to_owned(),
            }
        } else {
            entry.file_name().to_owned()
        };
        Ctx {
            file: &entry.path,
            id_prefix,
            platform,
            kind,
            audience: self.audience,
        }
    }

    /// Reads one entry's text; a file that cannot be read is an error naming it.
    fn load(&mut self, index: usize) -> Option<String> {
        match self.archive.read_text(&self.entries[index].path) {
            Ok(text) => Some(text),
            Err(error) => {
                self.reading.errors.push(error);
                None
            }
        }
    }

    /// Opens a file's text as JSON (its lists' entries are parsed as they are read); a file
    /// that is not JSON is an error naming it.
    fn open<'t>(&mut self, index: usize, text: &'t str) -> Option<Outline<'t>> {
        match json::open(text) {
            Ok(root) => Some(root),
            Err(message) => {
                let shown = self.archive.describe(&self.entries[index].path);
                self.reading.errors.push(InputError::new(shown, message));
                None
            }
        }
    }

    fn fail(&mut self, index: usize, message: String, shape: &str) {
        let shown = self.archive.describe(&self.entries[index].path);
        self.reading.errors.push(InputError::new(
            shown,
            format!("{message}; expected {shape}"),
        ));
        self.status[index] = FileStatus::Failed;
    }

    fn finish(self) -> Reading {
        let mut reading = self.reading;
        reading.handle = self.out.handle.clone();
        reading.files = self
            .entries
            .iter()
            .zip(self.status)
            .map(|(entry, status)| FileUse {
                path: entry.path.clone(),
                status,
            })
            .collect();
        reading
    }
}

/// Reads a file's records, giving each item to `emit`; returns how many records it holds.
type Parser = fn(&Outline, &Ctx, &mut Problems, &mut dyn FnMut(Item)) -> Result<usize, String>;

const POSTS_SHAPE: &str =
    "a list of posts `[{\"media\": [{\"uri\", \"creation_timestamp\", \"title\"}], …}]` (or an object holding one)";
const OLD_MEDIA_SHAPE: &str =
    "`{\"photos\": [{\"caption\", \"taken_at\", \"path\"}], \"videos\": […]}`";
const COMMENTS_SHAPE: &str =
    "a list of comments `[{\"string_map_data\": {\"Comment\": {\"value\"}, \"Time\": {\"timestamp\"}}}]`";
const LIKES_SHAPE: &str =
    "`{\"likes_media_likes\": [{\"title\", \"string_list_data\": [{\"href\", \"timestamp\"}]}]}`";
const FOLLOWING_SHAPE: &str =
    "`{\"relationships_following\": [{\"string_list_data\": [{\"href\", \"value\", \"timestamp\"}]}]}`";
const MESSAGES_SHAPE: &str =
    "`{\"participants\": […], \"messages\": [{\"sender_name\", \"timestamp_ms\", \"content\"}]}`";
const PERSONAL_SHAPE: &str =
    "`{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\"}, …}}]}`";
