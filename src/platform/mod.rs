//! Platform readers: each knows one platform's export, recognises it, and turns it into items.

pub mod bluesky;
pub mod dates;
pub mod facebook;
pub mod generic;
pub(crate) mod handover;
pub(crate) mod html;
pub mod instagram;
pub(crate) mod json;
pub(crate) mod kit;
pub mod linkedin;
pub mod mastodon;
pub(crate) mod outline;
pub(crate) mod problems;
pub mod reddit;
pub mod telegram;
#[cfg(test)]
pub(crate) mod test_support;
pub mod tiktok;
pub mod twitter;
pub mod youtube;

use std::collections::BTreeMap;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, Platform};

/// Column names for generic CSV/JSONL input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenericColumns {
    pub text: String,
    pub id: Option<String>,
    pub time: Option<String>,
}

impl Default for GenericColumns {
    fn default() -> Self {
        GenericColumns {
            text: "text".into(),
            id: None,
            time: None,
        }
    }
}

/// What a reader made of one archive.
#[derive(Debug, Default)]
pub struct Reading {
    /// The account's handle, when the archive names it.
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub items: Vec<Item>,
    /// Every entry of the archive, recognised or not: what `jejak inspect` shows.
    pub files: Vec<FileUse>,
    /// Files that could not be read, or whose content was not what was expected.
    pub errors: Vec<InputError>,
    /// Things read but not the account's to audit, counted by reason (other people's messages
    /// in a chat export, deleted posts); they reach `summary.json`'s `excluded`.
    pub excluded: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileUse {
    pub path: String,
    pub status: FileStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileStatus {
    /// Read; this many items came from it.
    Read { items: usize },
    /// Read to complete items of other files (X's long-post notes): `completed` items got
    /// their full text from it, and `items` came from it alone.
    Completes { completed: usize, items: usize },
    /// Recognised as account metadata (handle, manifest) rather than items.
    Metadata,
    /// Not used, with the reason (`"not audited: ad data"`, `"unknown file"`).
    Ignored { reason: String },
    /// Recognised but could not be read; the error is in `Reading::errors`.
    Failed,
}

impl FileStatus {
    /// Every entry's status before reading: ignored with its reason when the reader has no use
    /// for it, otherwise `Failed` until the file is read and says otherwise (so a file the
    /// reader forgets never passes for read).
    pub fn initial(ignored: impl IntoIterator<Item = Option<&'static str>>) -> Vec<FileStatus> {
        ignored
            .into_iter()
            .map(|reason| match reason {
                Some(reason) => FileStatus::Ignored {
                    reason: reason.to_owned(),
                },
                None => FileStatus::Failed,
            })
            .collect()
    }
}

/// One platform's export reader.
pub trait PlatformReader: Sync {
    fn platform(&self) -> Platform;

    /// How strongly the entry list looks like this platform's export: 0 = not at all, higher
    /// is surer. Detection picks the highest score.
    fn recognise(&self, entries: &[Entry]) -> u32;

    /// Reads every item; problems go to `Reading::errors`, never a panic.
    fn read(&self, archive: &Archive, columns: &GenericColumns) -> Reading;

    /// Reads every item and hands them to `sink` a batch at a time, each item once, so an
    /// audit can check and drop each batch before the next is read. The returned `Reading`
    /// holds everything but the items. By default the whole reading is one batch, in the
    /// order `read` lists them; the readers whose files grow large make batches as they go
    /// (X a chunk of posts at a time, Instagram and Facebook every 8k items; Facebook holds
    /// back only the album photos no item shows until the last album file is read).
    /// Nothing an audit reports depends on the order of items within an account.
    fn read_batches(
        &self,
        archive: &Archive,
        columns: &GenericColumns,
        sink: &mut dyn FnMut(Batch<'_>),
    ) -> Reading {
        let mut reading = self.read(archive, columns);
        let items = std::mem::take(&mut reading.items);
        sink(Batch {
            handle: reading.handle.as_deref(),
            items,
        });
        reading
    }
}

/// Items a reader hands over before it has finished the archive.
pub struct Batch<'a> {
    /// The account's handle, when the reader knows it already (X reads it first).
    pub handle: Option<&'a str>,
    pub items: Vec<Item>,
}

/// Every reader, most specific first.
pub fn readers() -> Vec<&'static dyn PlatformReader> {
    vec![
        &twitter::TwitterReader,
        &facebook::FacebookReader,
        &tiktok::TiktokReader,
        &telegram::TelegramReader,
        &linkedin::LinkedinReader,
        &youtube::YoutubeReader,
        &reddit::RedditReader,
        &mastodon::MastodonReader,
        &bluesky::BlueskyReader,
        &instagram::InstagramReader,
        &generic::GenericReader,
    ]
}

/// The reader that recognises the archive best, if any does.
pub fn detect(entries: &[Entry]) -> Option<&'static dyn PlatformReader> {
    readers()
        .into_iter()
        .map(|r| (r.recognise(entries), r))
        .filter(|(score, _)| *score > 0)
        .max_by_key(|(score, _)| *score)
        .map(|(_, r)| r)
}
