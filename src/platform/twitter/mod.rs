//! X (Twitter) archive reader: the zip from "Download an archive of your data", unpacked or
//! not, and the pre-2019 Grailbird archive (`tweets.csv`).
//!
//! Read: own posts, replies, reposts and quotes (`tweets*.js`, `tweet.js`, part files, or
//! `tweets.csv`), the full text of long posts (`note-tweet.js`), likes (`like.js`), follows
//! (`following.js`) and the profile (`profile.js`); the handle comes from `account.js` or the
//! manifest. `manifest.js` counts are checked against what was read so truncation is visible.
//! Every other file is listed as ignored with the reason.
//!
//! Decisions:
//! - `deleted-tweets.js` is ignored: deleted posts are no longer public, so they are not
//!   something the owner still has to clean up.
//! - `follower.js` is ignored: being followed is not the account's own act.
//! - Direct messages and community posts are not read in this version (ignored with a reason).
//! - Notes are read before the tweets files, and each chunk of posts takes its notes as it
//!   is read (see `notes::PendingNotes`).
//! - A long-post note that matches no post becomes a `post` item of its own (id = the note
//!   id, no permalink) so its text is still audited.
//!   `note-tweet.js` is `Read { items }` with the number of such orphan items (merged notes
//!   add no item of their own); `Stats` gives the matched count.
//! - Manifest counts are compared with the number of items found in each file (malformed
//!   items included: they are reported separately), so only missing items raise an error.
//! - All posts, likes and follows get audience `public`: X archives hold public posts unless
//!   the account is protected, and likes were public until June 2024 (the archive has no
//!   like dates to tell which).
//! - A post that only starts with `@someone` (X sets `in_reply_to_screen_name` but no status
//!   id) is a `post`, not a `reply`.
//! - The handle is stored without `@`; `account.js` wins over the manifest's `userInfo`.

mod account;
mod dates;
mod files;
mod follows;
mod grailbird_csv;
use super::html;
mod js_wrapper;
mod kinds;
mod lenient;
mod likes;
mod links;
mod manifest;
mod notes;
use super::problems;
mod tweets;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, Platform};
use crate::platform::{Batch, FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

use account::Names;
use files::Role;
use notes::PendingNotes;
use problems::Problems;

pub struct TwitterReader;

/// Figures about one reading that the item list does not show.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Notes read from note-tweet files.
    pub notes: usize,
    /// Notes whose full text replaced a post's cut text.
    pub notes_matched: usize,
    /// Notes that matched no post and became posts of their own.
    pub notes_orphaned: usize,
}

impl PlatformReader for TwitterReader {
    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    /// Scores the files X archives are known by; `manifest.js` with a tweets file is certain.
    fn recognise(&self, entries: &[Entry]) -> u32 {
        let roles: Vec<Role> = entries.iter().map(files::role).collect();
        let has = |role: Role| roles.contains(&role);
        let mut score = [
            (Role::Manifest, 40),
            (Role::Tweets, 30),
            (Role::Account, 15),
            (Role::Likes, 10),
            (Role::Following, 10),
            (Role::Notes, 10),
            (Role::Profile, 5),
        ]
        .into_iter()
        .filter(|(role, _)| has(*role))
        .map(|(_, points)| points)
        .sum::<u32>();
        if has(Role::GrailbirdCsv) {
            // `tweets.csv` alone could be any spreadsheet; with the old viewer's files it is sure.
            let viewer = entries
                .iter()
                .any(|e| matches!(e.file_name(), "tweet_index.js" | "user_details.js"));
            score += if viewer { 30 } else { 5 };
        }
        score.min(100)
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        self.read_with_stats(archive).0
    }

    /// A batch per chunk of a tweets file and per other file: a heavy account's part files are
    /// checked and dropped a chunk at a time.
    fn read_batches(
        &self,
        archive: &Archive,
        _columns: &GenericColumns,
        sink: &mut dyn FnMut(Batch<'_>),
    ) -> Reading {
        let mut run = Run::new(archive);
        run.read(sink);
        run.finish().0
    }
}

impl TwitterReader {
    /// Reads the archive and also returns figures the `Reading` does not carry.
    pub fn read_with_stats(&self, archive: &Archive) -> (Reading, Stats) {
        let mut run = Run::new(archive);
        let mut items = Vec::new();
        run.read(&mut |batch| items.extend(batch.items));
        let (mut reading, stats) = run.finish();
        reading.items = items;
        (reading, stats)
    }
}

/// The state of one reading: each entry's role and status, and items found per file.
struct Run<'a> {
    archive: &'a Archive,
    entries: &'a [Entry],
    roles: Vec<Role>,
    status: Vec<FileStatus>,
    /// Entry path → number of items the file holds (for the manifest check).
    found: HashMap<&'a str, usize>,
    reading: Reading,
    stats: Stats,
    /// Holds the text of the file being read.
    buffer: Vec<u8>,
}

impl<'a> Run<'a> {
    fn new(archive: &'a Archive) -> Run<'a> {
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
            found: HashMap::new(),
            reading: Reading::default(),
            stats: Stats::default(),
            buffer: Vec::new(),
        }
    }

    fn indices(&self, role: Role) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.roles[i] == role)
            .collect()
    }

    fn read(&mut self, sink: &mut dyn FnMut(Batch<'_>)) {
        // Names first: permalinks need the handle.
        let mut manifests = Vec::new();
        for index in self.indices(Role::Manifest) {
            let parsed = self.parse(index, MANIFEST_SHAPE, |text, _, _| {
                manifest::read(text).map(|m| (0, m))
            });
            if let Some(parsed) = parsed {
                self.status[index] = FileStatus::Metadata;
                manifests.push((index, parsed));
            }
        }
        let mut names = Names::default();
        for index in self.indices(Role::Account) {
            let parsed = self.parse(index, ACCOUNT_SHAPE, |text, _, problems| {
                account::read_account(text, problems).map(|n| (1, n))
            });
            if let Some(parsed) = parsed {
                self.status[index] = FileStatus::Metadata;
                if names.handle.is_none() {
                    names = parsed;
                }
            }
        }
        for (_, manifest) in &manifests {
            names.handle = names.handle.or_else(|| manifest.names.handle.clone());
            names.display_name = names
                .display_name
                .or_else(|| manifest.names.display_name.clone());
        }
        let handle = names.handle.clone();
        let handle = handle.as_deref();
        self.reading.handle = names.handle;
        self.reading.display_name = names.display_name;
        let mut emit = |items: Option<Vec<Item>>| {
            if let Some(items) = items.filter(|items| !items.is_empty()) {
                sink(Batch { handle, items });
            }
        };

        // Notes first, so each chunk of posts is complete when it is handed over.
        let (mut notes, note_files) = self.read_notes();
        for index in self.indices(Role::Tweets) {
            let mut read = 0;
            let parsed = self.parse(index, TWEETS_SHAPE, |text, file, problems| {
                let found = tweets::read_chunks(text, file, handle, problems, |mut posts| {
                    read += posts.len();
                    notes.merge_into(&mut posts);
                    emit(Some(posts));
                })?;
                Ok((found, ()))
            });
            if parsed.is_some() {
                self.status[index] = FileStatus::Read { items: read };
            }
        }
        emit(Some(self.settle_notes(notes, note_files)));
        for index in self.indices(Role::Likes) {
            emit(self.read_items(index, LIKES_SHAPE, likes::read));
        }
        for index in self.indices(Role::Following) {
            emit(self.read_items(index, FOLLOWING_SHAPE, follows::read));
        }
        for index in self.indices(Role::Profile) {
            emit(
                self.read_items(index, PROFILE_SHAPE, |text, file, problems| {
                    account::read_profile(text, file, handle, problems)
                }),
            );
        }
        for index in self.indices(Role::GrailbirdCsv) {
            emit(self.read_items(
                index,
                "the Grailbird `tweets.csv` columns",
                |text, file, problems| grailbird_csv::read(text, file, handle, problems),
            ));
        }

        for (index, manifest) in &manifests {
            let shown = self.archive.describe(&self.entries[*index].path);
            for message in manifest::check(manifest, self.entries, &self.found) {
                self.reading.errors.push(InputError::new(&shown, message));
            }
        }
    }

    /// Long posts: every note file is read before the tweets files, whose posts take their
    /// notes as they are read. Returns the notes and each note file's index and note count.
    fn read_notes(&mut self) -> (PendingNotes, Vec<(usize, usize)>) {
        let mut all = Vec::new();
        let mut note_files = Vec::new();
        for index in self.indices(Role::Notes) {
            if let Some(notes) = self.parse(index, NOTES_SHAPE, notes::read) {
                self.stats.notes += notes.len();
                note_files.push((index, notes.len()));
                all.extend(notes);
            }
        }
        (PendingNotes::new(all), note_files)
    }

    /// Once the tweets files are read: the note files' status, and the items still to hand
    /// over: posts held back for their notes (now completed), then the notes that matched no
    /// post as items of their own.
    fn settle_notes(&mut self, notes: PendingNotes, note_files: Vec<(usize, usize)>) -> Vec<Item> {
        let mut merged = notes.finish();
        self.stats.notes_matched = merged.matched;
        self.stats.notes_orphaned = merged.orphans.len();
        for (index, notes_in_file) in note_files {
            let path = &self.entries[index].path;
            let items = merged
                .orphans
                .iter()
                .filter(|i| &i.source.file == path)
                .count();
            self.status[index] = FileStatus::Completes {
                completed: notes_in_file.saturating_sub(items),
                items,
            };
        }
        merged.completed.append(&mut merged.orphans);
        merged.completed
    }

    /// Reads a file of items and records its status.
    fn read_items(
        &mut self,
        index: usize,
        shape: &str,
        parse: impl FnOnce(&str, &str, &mut Problems) -> Result<(usize, Vec<Item>), String>,
    ) -> Option<Vec<Item>> {
        let items = self.parse(index, shape, parse)?;
        self.status[index] = FileStatus::Read { items: items.len() };
        Some(items)
    }

    /// Loads one entry and parses it. Problems inside the file become one error naming it; a
    /// file that cannot be read or is not the expected `shape` becomes an error and `Failed`.
    fn parse<T>(
        &mut self,
        index: usize,
        shape: &str,
        parse: impl FnOnce(&str, &str, &mut Problems) -> Result<(usize, T), String>,
    ) -> Option<T> {
        let entries = self.entries;
        let path = entries[index].path.as_str();
        // One buffer for every file of the archive (the part files are up to 256 MB each).
        let mut buffer = std::mem::take(&mut self.buffer);
        let parsed = self.parse_text(path, &mut buffer, shape, parse);
        self.buffer = buffer;
        parsed
    }

    fn parse_text<T>(
        &mut self,
        path: &'a str,
        buffer: &mut Vec<u8>,
        shape: &str,
        parse: impl FnOnce(&str, &str, &mut Problems) -> Result<(usize, T), String>,
    ) -> Option<T> {
        let text = match self.archive.read_text_into(path, buffer) {
            Ok(text) => text,
            Err(error) => {
                self.reading.errors.push(error);
                return None;
            }
        };
        let shown = self.archive.describe(path);
        let mut problems = Problems::default();
        match parse(text, path, &mut problems) {
            Ok((found, value)) => {
                self.found.insert(path, found);
                self.reading
                    .errors
                    .extend(problems.into_error(&shown, found));
                Some(value)
            }
            Err(message) => {
                let message = format!("{message}; expected {shape}");
                self.reading.errors.push(InputError::new(shown, message));
                None
            }
        }
    }

    fn finish(self) -> (Reading, Stats) {
        let mut reading = self.reading;
        reading.files = self
            .entries
            .iter()
            .zip(self.status)
            .map(|(entry, status)| FileUse {
                path: entry.path.clone(),
                status,
            })
            .collect();
        (reading, self.stats)
    }
}

const TWEETS_SHAPE: &str = "`window.YTD.tweets.part0 = [ {\"tweet\": {…}}, … ]`";
const NOTES_SHAPE: &str = "`window.YTD.note_tweet.part0 = [ {\"noteTweet\": {…}}, … ]`";
const LIKES_SHAPE: &str = "`window.YTD.like.part0 = [ {\"like\": {…}}, … ]`";
const FOLLOWING_SHAPE: &str = "`window.YTD.following.part0 = [ {\"following\": {…}}, … ]`";
const ACCOUNT_SHAPE: &str = "`window.YTD.account.part0 = [ {\"account\": {…}} ]`";
const PROFILE_SHAPE: &str = "`window.YTD.profile.part0 = [ {\"profile\": {…}} ]`";
const MANIFEST_SHAPE: &str = "`window.__THAR_CONFIG = { \"dataTypes\": {…}, … }`";
