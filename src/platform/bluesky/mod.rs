//! Bluesky repository export reader: the `.car` file from "Export my data" (or `goat repo
//! export`), alone or inside an archive.
//!
//! The CAR holds the account's whole repository as DAG-CBOR blocks: a commit, the Merkle
//! Search Tree that maps `collection/rkey` keys to records, and the records. Read:
//! `app.bsky.feed.post` (post, reply, quote), `app.bsky.feed.like`, `app.bsky.feed.repost`,
//! `app.bsky.graph.follow` and `app.bsky.actor.profile`. Records of other collections (blocks,
//! lists, threadgates…) are counted per collection and listed on an extra `#other-records`
//! row of the file list as ignored, so nothing disappears silently.
//!
//! Decisions:
//! - The whole `.car` is read into memory (under the archive's entry limit) and its blocks
//!   indexed by CID: the tree must be walked from the commit, and blocks are in no useful
//!   order. Repositories are small (text records; images are separate blobs).
//! - Item ids are the record keys `collection/rkey`: unique in the repository and stable.
//! - The handle is not in the repository; it is taken from the export's file name
//!   (`<handle>.<timestamp>.car`) when it has one, else the account's DID is used.
//! - A post with `reply` is a reply even when it also quotes a post (the quote's link is
//!   kept in `urls`); facet link URLs are the full addresses the text only shortens.
//! - Everything in a repository is public.

mod car;
mod mst;
mod records;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use ipld_core::cid::Cid;
use ipld_core::ipld::Ipld;

use crate::model::Platform;
use crate::platform::problems::Problems;
use crate::platform::{FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

pub struct BlueskyReader;

const SHAPE: &str = "a Bluesky repository export (a CARv1 file of DAG-CBOR blocks)";

fn is_car(entry: &Entry) -> bool {
    entry
        .file_name()
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("car"))
}

impl PlatformReader for BlueskyReader {
    fn platform(&self) -> Platform {
        Platform::Bluesky
    }

    /// A lone `.car` file is a repository export; an archive holding one probably is.
    fn recognise(&self, entries: &[Entry]) -> u32 {
        match entries {
            [only] if is_car(only) => 90,
            _ if entries.iter().any(is_car) => 60,
            _ => 0,
        }
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let mut reading = Reading::default();
        let entry_paths: Vec<&str> = archive.entries().iter().map(|e| e.path.as_str()).collect();
        for entry in archive.entries() {
            if !is_car(entry) {
                let reason = if entry_paths.len() > 1 && looks_like_blob(entry) {
                    "media file (a blob; posts list the blobs they attach)"
                } else {
                    "unknown file"
                };
                reading.files.push(FileUse {
                    path: entry.path.clone(),
                    status: FileStatus::Ignored {
                        reason: reason.into(),
                    },
                });
                continue;
            }
            let (status, other) = read_car(archive, entry, &entry_paths, &mut reading);
            reading.files.push(FileUse {
                path: entry.path.clone(),
                status,
            });
            if !other.is_empty() {
                let total: usize = other.values().sum();
                let list: Vec<String> = other.iter().map(|(c, n)| format!("{c} ({n})")).collect();
                reading.files.push(FileUse {
                    path: format!("{}#other-records", entry.path),
                    status: FileStatus::Ignored {
                        reason: format!(
                            "not audited: {total} records of other collections: {}",
                            list.join(", ")
                        ),
                    },
                });
            }
        }
        reading
    }
}

fn looks_like_blob(entry: &Entry) -> bool {
    let name = entry.file_name();
    name.starts_with("baf") || name.contains("blobs")
}

/// Reads one `.car`: its status, and the count of records per collection not read.
fn read_car(
    archive: &Archive,
    entry: &Entry,
    entry_paths: &[&str],
    reading: &mut Reading,
) -> (FileStatus, BTreeMap<String, usize>) {
    let mut other = BTreeMap::new();
    let shown = archive.describe(&entry.path);
    let bytes = match archive.read(&entry.path) {
        Ok(bytes) => bytes,
        Err(error) => {
            reading.errors.push(error);
            return (FileStatus::Failed, other);
        }
    };
    let fail = |reading: &mut Reading, message: String| {
        reading.errors.push(InputError::new(
            &shown,
            format!("{message}; expected {SHAPE}"),
        ));
        FileStatus::Failed
    };
    let car = match car::read(&bytes) {
        Ok(car) => car,
        Err(message) => return (fail(reading, message), other),
    };
    let Some(root) = car.roots.first() else {
        return (fail(reading, "names no root commit".into()), other);
    };
    let commit = match mst::commit(&car, root) {
        Ok(commit) => commit,
        Err(message) => return (fail(reading, message), other),
    };
    let did = commit.did.clone().unwrap_or_else(|| "unknown".into());
    let mut broken = Vec::new();
    let keys = mst::walk(&car, &commit.data, &mut broken);

    let context = records::Context {
        did: &did,
        file: &entry.path,
        entry_paths,
    };
    let mut problems = Problems::default();
    let mut damage: Vec<String> = car.damage.iter().cloned().collect();
    if !broken.is_empty() {
        damage.push(format!(
            "part of the repository tree could not be read ({})",
            broken.join("; ")
        ));
    }
    if !damage.is_empty() {
        problems.broken(damage.join("; "));
    }
    let mut items = Vec::new();
    for (index, (key, cid)) in keys.iter().enumerate() {
        let position = index + 1;
        let (collection, rkey) = key.split_once('/').unwrap_or((key.as_str(), ""));
        if !records::READ.contains(&collection) {
            *other.entry(collection.to_owned()).or_default() += 1;
            continue;
        }
        let record = match car.decode(cid) {
            Ok(record) => record,
            Err(reason) => {
                problems.skip(position, format!("{key}: {reason}"));
                continue;
            }
        };
        match records::read(collection, rkey, &record, position, &context) {
            Ok(item) => items.push(item),
            Err(reason) => problems.skip(position, reason),
        }
    }
    reading
        .errors
        .extend(problems.into_error(&shown, keys.len()));

    if reading.handle.is_none() {
        reading.handle = handle_from_file_name(entry.file_name()).or(commit.did);
        reading.display_name = display_name(&car, &keys);
    }
    let count = items.len();
    reading.items.extend(items);
    (FileStatus::Read { items: count }, other)
}

/// The profile record's `displayName`, when it has one.
fn display_name(car: &car::Car, keys: &[(String, Cid)]) -> Option<String> {
    let (_, cid) = keys
        .iter()
        .find(|(k, _)| k == "app.bsky.actor.profile/self")?;
    match car::map_get(&car.decode(cid).ok()?, "displayName") {
        Some(Ipld::String(name)) if !name.trim().is_empty() => Some(name.trim().to_owned()),
        _ => None,
    }
}

/// `alice.example.com.20250310005405.car` → `alice.example.com`; `repo.car` → none.
fn handle_from_file_name(name: &str) -> Option<String> {
    let stem = name.rsplit_once('.')?.0;
    let stem = match stem.rsplit_once(['.', '-', '_']) {
        Some((head, stamp)) if stamp.len() >= 8 && stamp.bytes().all(|b| b.is_ascii_digit()) => {
            head
        }
        _ => stem,
    };
    (stem.contains('.') && !stem.starts_with('.')).then(|| stem.to_owned())
}
