//! Facebook reader: the JSON option of "Download your information", zipped or unpacked, in
//! its three layouts (`posts/…` ≤2022, `your_activity_across_facebook/…` 2023,
//! `your_facebook_activity/…` 2024+). Files are found by name anywhere in the tree; inside
//! a file, the key of each list (`comments_v2`, `group_comments_v2`, …) says what it holds.
//!
//! Read: own posts with their attachments (photos and videos with EXIF position, places,
//! links, polls, events, notes) and tags; posts in groups and on other timelines; stories;
//! comments (in groups too); group memberships; likes and reactions; pages liked; pages
//! and people followed; check-ins; photos and videos of albums; Messenger messages; the
//! profile's bio. Every other file is listed as ignored with the reason.
//!
//! Decisions:
//! - Every string goes through `repair_mojibake`: Facebook writes each UTF-8 byte as its own
//!   `\u00XX` code point.
//! - Times are epoch seconds (milliseconds in Messenger) and kept in UTC.
//! - Facebook gives no ids: an item's id is `file#position`, stable for the same download.
//! - Audience is `unknown` (the export does not say who could see a post), `direct` for
//!   messages.
//! - A post that is only a place (no words, no photo) is a `check_in`; a post with words and
//!   a place is a `post` whose location is the check-in.
//! - Titles are localised ("PROFILE har kommenteret …"). What was acted on is taken after a
//!   known English or Indonesian verb ("likes", "menyukai"), else the whole title is kept.
//! - Likes keep only the title ("Budi likes Sari's post."): what was liked becomes the
//!   item's text and target. Groups, pages and follows carry the name as text and target,
//!   so the rules about campaign pages and groups can read it.
//! - A group the account left keeps its item (membership history) but with no text, so no
//!   rule reads leaving as joining.
//! - Album and video files mostly repeat photos already attached to posts: those only add
//!   their EXIF position to the post (`Completes`); the others become posts of their own.
//!   Their lists are read before the posts, so no post waits in memory for them. A media
//!   list under a media key inside a file of a known other role (no export seen has one) is
//!   not read ahead: a photo it repeats from a post becomes a photo of its own.
//! - Messages: only the account's own (sender = the profile's name, or the one name every
//!   thread shares); when the account's name cannot be told, every message is kept.
//! - A JSON file with an unknown name is still read: if it holds a known list it is used,
//!   else it is ignored as account data. An HTML-only download gets an error saying so.

mod attachments;
mod entries;
mod files;
mod media;
mod messages;
mod profile;
mod sections;
mod value;

#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::Platform;
use crate::platform::handover::{self, Handover};
use crate::platform::{Batch, FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

use crate::platform::outline::{self, Outline};
use crate::platform::problems::Problems;
use entries::Context;
use files::Role;
use sections::Section;

pub struct FacebookReader;

impl PlatformReader for FacebookReader {
    fn platform(&self) -> Platform {
        Platform::Facebook
    }

    /// Scores the file and folder names only Facebook exports use; each name counts once.
    fn recognise(&self, entries: &[Entry]) -> u32 {
        let mut seen = HashSet::new();
        entries
            .iter()
            .filter_map(|e| {
                let points = files::evidence(e);
                (points > 0 && seen.insert(evidence_key(e))).then_some(points)
            })
            .sum::<u32>()
            .min(100)
    }

    fn read(&self, archive: &Archive, columns: &GenericColumns) -> Reading {
        handover::read_all(|sink| self.read_batches(archive, columns, sink))
    }

    /// A batch at a time as the files are read. The album files' EXIF positions are read
    /// first, so an item with photos or videos goes over as soon as it is made, like the
    /// others; only the album photos no item shows wait (a later album file may still add
    /// its position to them) and go over at the end.
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

/// Marks the item's photos and videos that a media list shows as shown, the first time they
/// are, with the list's position when the item has none of its own, before it is handed
/// over. Photos no album or probed media list shows are not remembered: only a media list
/// inside a file of another role could still ask about them (see the module's decisions).
fn claim_media(
    known: &mut HashMap<String, media::Holder>,
    album_media: &HashMap<String, Option<(f64, f64)>>,
    item: &mut crate::model::Item,
) {
    for media in &mut item.media {
        let Some(&position) = album_media.get(&media.path) else {
            continue;
        };
        if known.contains_key(&media.path) {
            continue;
        }
        if media.gps.is_none() {
            media.gps = position;
        }
        known.insert(media.path.clone(), media::Holder::HandedOver);
    }
}

/// Names that count once: a folder root, or a file name without its part number.
fn evidence_key(entry: &Entry) -> String {
    let lower = entry.path.to_lowercase();
    for root in ["your_facebook_activity", "your_activity_across_facebook"] {
        if lower.split('/').any(|f| f == root) {
            return root.to_owned();
        }
    }
    lower
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".json")
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .to_owned()
}

/// The order files are read in: posts before the photo files that complete them, the
/// profile before messages (the account's name tells its own messages).
const ORDER: [Role; 13] = [
    Role::Profile,
    Role::Posts,
    Role::OtherTimelinePosts,
    Role::GroupPosts,
    Role::Stories,
    Role::CheckIns,
    Role::Comments,
    Role::Reactions,
    Role::PageLikes,
    Role::Follows,
    Role::Groups,
    Role::Probe,
    Role::Media,
];

struct Run<'a, 's> {
    archive: &'a Archive,
    entries: &'a [Entry],
    roles: Vec<Role>,
    status: Vec<FileStatus>,
    /// Everything but the items handed over; its items are the photos and videos of media
    /// lists that no item read before showed, held so a later media list can still add its
    /// position to them.
    reading: Reading,
    out: Handover<'s>,
    resolver: Resolver,
    /// Media path → the item that first showed it.
    known: HashMap<String, media::Holder>,
    /// Media path → the first EXIF position the album files give it, for every photo and
    /// video they list.
    album_media: HashMap<String, Option<(f64, f64)>>,
}

impl<'a, 's> Run<'a, 's> {
    fn new(archive: &'a Archive, out: Handover<'s>) -> Run<'a, 's> {
        let entries = archive.entries();
        let roles: Vec<Role> = entries.iter().map(files::role).collect();
        let status = FileStatus::initial(roles.iter().map(|role| match role {
            Role::Ignored(reason) => Some(*reason),
            _ => None,
        }));
        let unwrapped = entries
            .iter()
            .filter_map(|e| {
                let (_, rest) = e.path.split_once('/')?;
                Some((rest.to_owned(), e.path.clone()))
            })
            .collect();
        Run {
            archive,
            entries,
            roles,
            status,
            reading: Reading::default(),
            out,
            resolver: Resolver {
                unwrapped,
                paths: entries.iter().map(|e| e.path.clone()).collect(),
            },
            known: HashMap::new(),
            album_media: HashMap::new(),
        }
    }

    fn indices(&self, role: Role) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.roles[i] == role)
            .collect()
    }

    fn read(&mut self) {
        self.album_media = self.album_media();
        for role in ORDER {
            for index in self.indices(role) {
                if role == Role::Profile {
                    self.read_profile(index);
                } else {
                    self.read_file(index, role);
                }
            }
        }
        self.read_messages();
        self.check_html_only();
        // No file is left to complete the photos that were waiting.
        self.out.extend(std::mem::take(&mut self.reading.items));
        self.out.flush();
    }

    /// The photos and videos the album files (`Role::Media`, and media lists in files of
    /// unknown names) list, with the first EXIF position they give each, read before
    /// everything else: an item showing the photo gets its position when it is read and goes
    /// to the audit at once instead of waiting for those files. They are read again in their
    /// turn for the rest (their photos no item shows, their counts and errors): a file or
    /// entry that cannot be read gives nothing here and is reported then. In their reading
    /// order, so the first position given wins as it did when the files completed held items.
    fn album_media(&self) -> HashMap<String, Option<(f64, f64)>> {
        let mut listed: HashMap<String, Option<(f64, f64)>> = HashMap::new();
        let files = [Role::Probe, Role::Media].into_iter().flat_map(|role| {
            self.indices(role)
                .into_iter()
                .map(move |index| (role, index))
        });
        for (role, index) in files {
            let path = self.entries[index].path.as_str();
            let Ok(text) = self.archive.read_text(path) else {
                continue;
            };
            let Ok(file) = Outline::parse(&text) else {
                continue;
            };
            let Ok(lists) = sections::lists(&file, role) else {
                continue;
            };
            let ctx = Context {
                file: path,
                resolver: &self.resolver,
            };
            for list in lists.iter().filter(|l| l.section == Section::Media) {
                for &entry in list.entries.iter() {
                    let found = outline::entry(entry)
                        .ok()
                        .and_then(|entry| media::path_and_position(&ctx, &entry));
                    if let Some((media_path, gps)) = found {
                        let first = listed.entry(media_path).or_insert(None);
                        if first.is_none() {
                            *first = gps;
                        }
                    }
                }
            }
        }
        listed
    }

    /// Reads one entry's text; a file that cannot be read is an error.
    fn load(&mut self, index: usize, role: Role) -> Option<String> {
        let path = self.entries[index].path.as_str();
        match self.archive.read_text(path) {
            Ok(text) => Some(text),
            Err(error) => {
                if role == Role::Probe {
                    self.status[index] = FileStatus::Ignored {
                        reason: format!("unknown file, not readable: {}", error.message),
                    };
                } else {
                    self.reading.errors.push(error);
                }
                None
            }
        }
    }

    /// The file parsed, or its error recorded: a file that is not JSON is an error (an
    /// unknown one is only ignored).
    fn parsed<T>(
        &mut self,
        index: usize,
        role: Role,
        parse: Result<T, serde_json::Error>,
    ) -> Option<T> {
        match parse {
            Ok(value) => Some(value),
            Err(e) if role == Role::Probe => {
                self.status[index] = FileStatus::Ignored {
                    reason: format!("unknown file, not valid JSON ({e})"),
                };
                None
            }
            Err(e) => {
                let found = if e.is_eof() {
                    format!("ends before the JSON is complete ({e}); the file looks cut off")
                } else {
                    format!("is not valid JSON ({e})")
                };
                self.fail(index, format!("{found}; expected {}", shape(role)));
                None
            }
        }
    }

    fn fail(&mut self, index: usize, message: String) {
        let shown = self.archive.describe(&self.entries[index].path);
        self.reading.errors.push(InputError::new(shown, message));
        self.status[index] = FileStatus::Failed;
    }

    fn read_profile(&mut self, index: usize) {
        let Some(text) = self.load(index, Role::Profile) else {
            return;
        };
        // A profile is one small object: read whole.
        let Some(value) = self.parsed(index, Role::Profile, serde_json::from_str::<Value>(&text))
        else {
            return;
        };
        let path = self.entries[index].path.clone();
        let ctx = Context {
            file: &path,
            resolver: &self.resolver,
        };
        match profile::read(&ctx, &value) {
            Ok(profile) => {
                self.out.handle = self.out.handle.take().or(profile.handle);
                self.reading.display_name =
                    self.reading.display_name.take().or(profile.display_name);
                self.status[index] = match profile.item {
                    Some(item) => {
                        self.out.push(item);
                        FileStatus::Read { items: 1 }
                    }
                    None => FileStatus::Metadata,
                };
            }
            Err(message) => self.fail(
                index,
                format!("{message}; expected {}", shape(Role::Profile)),
            ),
        }
    }

    fn read_file(&mut self, index: usize, role: Role) {
        let Some(text) = self.load(index, role) else {
            return;
        };
        let Some(file) = self.parsed(index, role, Outline::parse(&text)) else {
            return;
        };
        let lists = match sections::lists(&file, role) {
            Ok(lists) => lists,
            Err(message) => {
                self.fail(index, format!("{message}; expected {}", shape(role)));
                return;
            }
        };
        let lists: Vec<_> = lists
            .into_iter()
            .filter(|l| l.section != Section::Messages)
            .collect();
        if lists.is_empty() {
            if role == Role::Probe {
                self.status[index] = FileStatus::Ignored {
                    reason: files::UNKNOWN_JSON.to_owned(),
                };
            } else {
                let keys = top_keys(&file);
                self.fail(
                    index,
                    format!(
                        "holds no list of entries (found {keys}); expected {}",
                        shape(role)
                    ),
                );
            }
            return;
        }
        let path = self.entries[index].path.clone();
        let shown = self.archive.describe(&path);
        let mut problems = Problems::default();
        let mut photos = 0;
        let mut completed = 0;
        let mut handed = 0;
        let mut found = 0;
        for list in &lists {
            let label = list
                .key
                .as_deref()
                .map(|k| format!("`{k}` "))
                .unwrap_or_default();
            if list.section == Section::Media {
                let ctx = Context {
                    file: &path,
                    resolver: &self.resolver,
                };
                let mut out = media::MediaRead::default();
                for (i, &entry) in list.entries.iter().enumerate() {
                    let position = found + i + 1;
                    let read = outline::entry(entry).and_then(|entry| {
                        media::read(
                            &ctx,
                            &entry,
                            position,
                            &mut self.reading.items,
                            &self.known,
                            &mut out,
                        )
                    });
                    if let Err(reason) = read {
                        problems.skip_at(format!("{label}entry {position}"), reason);
                    }
                }
                completed += out.completed;
                photos += out.items.len();
                // Known from the next list on: a later list repeating one only adds its
                // position; a repeat within this list is a photo of its own, as before.
                self.hold(out.items);
            } else {
                let ctx = Context {
                    file: &path,
                    resolver: &self.resolver,
                };
                for (i, &entry) in list.entries.iter().enumerate() {
                    let position = found + i + 1;
                    let read = outline::entry(entry)
                        .and_then(|entry| entries::read(&ctx, list.section, &entry, position));
                    match read {
                        Ok(mut item) => {
                            if item.created_at.is_none() {
                                problems.gap_at(
                                    format!("{label}entry {position}"),
                                    "no readable `timestamp`",
                                );
                            }
                            claim_media(&mut self.known, &self.album_media, &mut item);
                            self.out.push(item);
                            handed += 1;
                        }
                        Err(reason) => problems.skip_at(format!("{label}entry {position}"), reason),
                    }
                }
            }
            found += list.entries.len();
        }
        self.reading
            .errors
            .extend(problems.into_error(&shown, found));
        let read = photos + handed;
        self.status[index] = if completed > 0 {
            FileStatus::Completes {
                completed,
                items: read,
            }
        } else {
            FileStatus::Read { items: read }
        };
    }

    /// Holds the photos of a media list to the end, each known by its path.
    fn hold(&mut self, photos: Vec<crate::model::Item>) {
        let start = self.reading.items.len();
        self.reading.items.extend(photos);
        for (i, item) in self.reading.items.iter().enumerate().skip(start) {
            for (m, media) in item.media.iter().enumerate() {
                self.known
                    .entry(media.path.clone())
                    .or_insert(media::Holder::Held { item: i, media: m });
            }
        }
    }

    /// Messenger threads, last: the account's name (from the profile, or the one name
    /// every thread shares) tells its own messages from the others'.
    fn read_messages(&mut self) {
        let threads = self.indices(Role::Messages);
        if threads.is_empty() {
            return;
        }
        let mut owner = self.reading.display_name.clone();
        if owner.is_none() {
            owner = self.common_participant(&threads);
        }
        for index in threads {
            let Some(text) = self.load(index, Role::Messages) else {
                continue;
            };
            let Some(file) = self.parsed(index, Role::Messages, Outline::parse(&text)) else {
                continue;
            };
            let path = self.entries[index].path.clone();
            let shown = self.archive.describe(&path);
            let Some(list) = file.get("messages") else {
                let keys = top_keys(&file);
                self.fail(
                    index,
                    format!(
                        "has no `messages` list (found {keys}); expected {}",
                        shape(Role::Messages)
                    ),
                );
                continue;
            };
            let list = match outline::list(list) {
                Some(list) => list,
                None => {
                    self.fail(
                        index,
                        format!(
                            "`messages` is {}; expected {}",
                            outline::kind(list),
                            shape(Role::Messages)
                        ),
                    );
                    continue;
                }
            };
            let thread = messages::title(&file);
            let ctx = Context {
                file: &path,
                resolver: &self.resolver,
            };
            let mut problems = Problems::default();
            let mut items = Vec::new();
            let mut others = 0u64;
            for (i, &entry) in list.iter().enumerate() {
                let read = outline::entry(entry).and_then(|entry| {
                    messages::read(&ctx, &entry, i + 1, owner.as_deref(), thread.as_deref())
                });
                match read {
                    Ok(Some(item)) => items.push(item),
                    // Someone else's message: not the account's words, but counted.
                    Ok(None) => others += 1,
                    Err(reason) => problems.skip_at(format!("message {}", i + 1), reason),
                }
            }
            self.reading
                .errors
                .extend(problems.into_error(&shown, list.len()));
            self.status[index] = FileStatus::Read { items: items.len() };
            if others > 0 {
                *self
                    .reading
                    .excluded
                    .entry("others_messages".into())
                    .or_default() += others;
            }
            self.out.extend(items);
        }
    }

    /// The one name found among the participants of every thread, when there is exactly one.
    fn common_participant(&self, threads: &[usize]) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct Participants {
            #[serde(default)]
            participants: Vec<Value>,
        }
        let mut common: Option<BTreeSet<String>> = None;
        let mut distinct_threads = 0;
        for &index in threads {
            let text = self.archive.read_text(&self.entries[index].path).ok()?;
            let Ok(parsed) = serde_json::from_str::<Participants>(&text) else {
                continue;
            };
            let names: BTreeSet<String> = messages::participants(&Value::Object(
                [("participants".to_owned(), Value::Array(parsed.participants))]
                    .into_iter()
                    .collect(),
            ))
            .into_iter()
            .collect();
            distinct_threads += 1;
            common = Some(match common {
                None => names,
                Some(c) => c.intersection(&names).cloned().collect(),
            });
        }
        let common = common?;
        // One thread of two people cannot tell which of them is the account.
        (distinct_threads > 1 && common.len() == 1).then(|| common.into_iter().next())?
    }

    /// A download in the HTML format holds no JSON this reader can use: say so, rather
    /// than report an account with nothing in it.
    fn check_html_only(&mut self) {
        let read_any = self
            .roles
            .iter()
            .any(|r| !matches!(r, Role::Ignored(_) | Role::Probe));
        let html = self
            .roles
            .iter()
            .position(|r| *r == Role::Ignored(files::HTML));
        if let (false, Some(index)) = (read_any, html) {
            let shown = self.archive.describe(&self.entries[index].path);
            self.reading.errors.push(InputError::new(
                shown,
                "this download is the HTML version of \"Download your information\"; \
                 expected the JSON option (request it again with Format: JSON)",
            ));
        }
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

/// Media `uri`s are relative to the export's root; a download may add a wrapper folder.
struct Resolver {
    /// Entry path without its first folder → entry path.
    unwrapped: HashMap<String, String>,
    paths: HashSet<String>,
}

impl Resolver {
    fn resolve(&self, uri: &str) -> String {
        if self.paths.contains(uri) {
            return uri.to_owned();
        }
        self.unwrapped
            .get(uri)
            .cloned()
            .unwrap_or_else(|| uri.to_owned())
    }
}

fn top_keys(file: &Outline) -> String {
    match file.as_object() {
        Some(obj) if !obj.is_empty() => {
            let keys: Vec<String> = obj.keys().take(5).map(|k| format!("`{k}`")).collect();
            format!("keys {}", keys.join(", "))
        }
        _ => file.kind().to_owned(),
    }
}

/// What a file of each role should look like, for error messages.
fn shape(role: Role) -> &'static str {
    match role {
        Role::Posts => "a list of posts `[{\"timestamp\": …, \"data\": [{\"post\": \"…\"}], \"attachments\": […]}, …]`",
        Role::GroupPosts => "`{\"group_posts_v2\": [{\"timestamp\": …, \"data\": [{\"post\": \"…\"}], \"title\": \"…\"}, …]}`",
        Role::OtherTimelinePosts => "a list of posts `{\"…_v2\": [{\"timestamp\": …, \"data\": [{\"post\": \"…\"}]}, …]}`",
        Role::Stories => "`{\"archived_stories_v2\": [{\"timestamp\": …, \"attachments\": […]}, …]}`",
        Role::Comments => "`{\"comments_v2\": [{\"timestamp\": …, \"data\": [{\"comment\": {\"comment\": \"…\"}}], \"title\": \"…\"}, …]}`",
        Role::Groups => "`{\"groups_joined_v2\": [{\"timestamp\": …, \"data\": [{\"name\": \"…\"}]}, …]}`",
        Role::Reactions => "`{\"reactions_v2\": [{\"timestamp\": …, \"title\": \"…\"}, …]}` or a list of such entries",
        Role::PageLikes => "`{\"page_likes_v2\": [{\"name\": \"…\", \"timestamp\": …}, …]}`",
        Role::Follows => "`{\"following_v3\": [{\"name\": \"…\", \"timestamp\": …}, …]}` or `{\"pages_followed_v2\": […]}`",
        Role::CheckIns => "`{\"checkins_v2\": [{\"timestamp\": …, \"attachments\": [{\"data\": [{\"place\": {…}}]}]}, …]}`",
        Role::Media => "`{\"photos\": [{\"uri\": \"…\", \"creation_timestamp\": …}, …]}` or `{\"videos_v2\": […]}`",
        Role::Messages => "`{\"participants\": […], \"messages\": [{\"sender_name\": \"…\", \"timestamp_ms\": …, \"content\": \"…\"}, …]}`",
        Role::Profile => "`{\"profile_v2\": {\"name\": {\"full_name\": \"…\"}, …}}`",
        Role::Probe | Role::Ignored(_) => "a Facebook JSON file",
    }
}
