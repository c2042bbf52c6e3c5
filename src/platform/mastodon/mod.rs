//! Mastodon account archive reader ("Request your archive": a `.zip` or `.tar.gz`, unpacked
//! or not): `outbox.json` (posts, replies, quotes, boosts, direct messages), `likes.json`
//! (favourites) and `actor.json` (handle, display name, bio and profile fields).
//!
//! Decisions:
//! - The handle is `name@instance` (from `preferredUsername` and the actor's host): a bare
//!   name is ambiguous across instances.
//! - Likes carry only the liked post's URL: id, target and permalink are that URL.
//! - Bookmarks are ignored (private, not the account's acts); media files are listed as
//!   media, their paths are recorded on the posts that attach them.
//! - The JSON is read as a tree (not typed structs): Mastodon 4.2 archives repeat
//!   `@context` keys, which a typed reader rejects, and fields vary between versions.

mod actor;
mod files;
mod html;
mod likes;
mod outbox;

#[cfg(test)]
mod tests;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, Platform};
use crate::platform::problems::Problems;
use crate::platform::{FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

use files::Role;

pub struct MastodonReader;

impl PlatformReader for MastodonReader {
    fn platform(&self) -> Platform {
        Platform::Mastodon
    }

    /// `outbox.json` is the archive; `actor.json` with it is certain. `likes.json` alone could
    /// be anything.
    fn recognise(&self, entries: &[Entry]) -> u32 {
        let roles: Vec<Role> = entries.iter().map(files::role).collect();
        let has = |role: Role| roles.contains(&role);
        if !has(Role::Outbox) && !has(Role::Actor) {
            return 0;
        }
        let mut score = 0;
        if has(Role::Outbox) {
            score += 60;
        }
        if has(Role::Actor) {
            score += 25;
        }
        if has(Role::Likes) {
            score += 10;
        }
        score
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let entries = archive.entries();
        let roles: Vec<Role> = entries.iter().map(files::role).collect();
        let mut status: Vec<FileStatus> =
            FileStatus::initial(roles.iter().map(|role| match role {
                Role::Ignored(reason) => Some(*reason),
                _ => None,
            }));
        let mut reading = Reading::default();
        let indices = |wanted: Role| {
            (0..entries.len())
                .filter(|&i| roles[i] == wanted)
                .collect::<Vec<_>>()
        };

        let mut followers = None;
        for index in indices(Role::Actor) {
            let path = &entries[index].path;
            let Some(text) = load(archive, path, &mut reading.errors) else {
                continue;
            };
            match actor::read(&text, path) {
                Ok(found) => {
                    status[index] = match &found.profile {
                        Some(_) => FileStatus::Read { items: 1 },
                        None => FileStatus::Metadata,
                    };
                    if reading.handle.is_none() {
                        reading.handle = found.handle;
                        reading.display_name = found.display_name;
                        followers = found.followers;
                    }
                    reading.items.extend(found.profile);
                }
                Err(message) => reading.errors.push(InputError::new(
                    archive.describe(path),
                    format!("{message}; expected {ACTOR_SHAPE}"),
                )),
            }
        }

        let entry_paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        let context = outbox::Context {
            followers: followers.as_deref(),
            entry_paths: &entry_paths,
        };
        for index in indices(Role::Outbox) {
            status[index] = read_items(
                archive,
                &entries[index].path,
                OUTBOX_SHAPE,
                &mut reading,
                |text, file, problems| outbox::read(text, file, &context, problems),
            );
        }
        for index in indices(Role::Likes) {
            status[index] = read_items(
                archive,
                &entries[index].path,
                LIKES_SHAPE,
                &mut reading,
                likes::read,
            );
        }

        reading.files = entries
            .iter()
            .zip(status)
            .map(|(entry, status)| FileUse {
                path: entry.path.clone(),
                status,
            })
            .collect();
        reading
    }
}

const OUTBOX_SHAPE: &str =
    "an ActivityStreams collection `{\"type\": \"OrderedCollection\", \"orderedItems\": [{\"type\": \"Create\", …}, …]}`";
const LIKES_SHAPE: &str =
    "an ActivityStreams collection `{\"type\": \"OrderedCollection\", \"orderedItems\": [\"https://…\", …]}`";
const ACTOR_SHAPE: &str = "an ActivityPub actor `{\"type\": \"Person\", \"preferredUsername\": …}`";

fn load(archive: &Archive, path: &str, errors: &mut Vec<InputError>) -> Option<String> {
    match archive.read_text(path) {
        Ok(text) => Some(text),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// Reads one file of items; problems inside it become one error naming the file.
fn read_items(
    archive: &Archive,
    path: &str,
    shape: &str,
    reading: &mut Reading,
    parse: impl FnOnce(&str, &str, &mut Problems) -> Result<(usize, Vec<Item>), String>,
) -> FileStatus {
    let Some(text) = load(archive, path, &mut reading.errors) else {
        return FileStatus::Failed;
    };
    let shown = archive.describe(path);
    let mut problems = Problems::default();
    match parse(&text, path, &mut problems) {
        Ok((found, items)) => {
            reading.errors.extend(problems.into_error(&shown, found));
            let status = FileStatus::Read { items: items.len() };
            reading.items.extend(items);
            status
        }
        Err(message) => {
            reading.errors.push(InputError::new(
                shown,
                format!("{message}; expected {shape}"),
            ));
            FileStatus::Failed
        }
    }
}
