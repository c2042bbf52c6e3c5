//! Where each audited account's findings and summary wait for the report: on disk, in an
//! unnamed file in the report folder (nobody else can open it, and it disappears when the run
//! ends, however it ends), so a run over thousands of accounts holds only what it sorts and
//! counts them by in memory. The writers then read each account back as they write it. The
//! overview page keeps its table rows the same way ([`SpillFile`]).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::model::{Finding, Severity};
use crate::parallel::collect_in_order;
use crate::report::AccountSummary;

/// A stretch of bytes in a [`SpillFile`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stretch {
    offset: u64,
    len: u64,
}

/// An unnamed, append-only temporary file in a folder: what is appended can be read back by
/// its stretch, from any thread.
pub struct SpillFile {
    file: Mutex<File>,
}

impl SpillFile {
    /// Creates the file in `dir`, which must exist. Each file is its own, so two runs into
    /// one folder cannot read each other's.
    pub fn create_in(dir: &Path) -> std::io::Result<SpillFile> {
        Ok(SpillFile {
            file: Mutex::new(tempfile::tempfile_in(dir)?),
        })
    }

    pub fn append(&self, bytes: &[u8]) -> std::io::Result<Stretch> {
        if bytes.is_empty() {
            return Ok(Stretch::default());
        }
        let mut file = self.lock();
        let offset = file.seek(SeekFrom::End(0))?;
        file.write_all(bytes)?;
        Ok(Stretch {
            offset,
            len: bytes.len() as u64,
        })
    }

    /// Reads a stretch back into `bytes` (replacing what it held).
    pub fn read_into(&self, stretch: Stretch, bytes: &mut Vec<u8>) -> std::io::Result<()> {
        bytes.clear();
        if stretch.len == 0 {
            return Ok(());
        }
        let len = usize::try_from(stretch.len).map_err(std::io::Error::other)?;
        bytes.resize(len, 0);
        let mut file = self.lock();
        file.seek(SeekFrom::Start(stretch.offset))?;
        file.read_exact(bytes)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, File> {
        self.file
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// One account's findings in the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stored {
    stretch: Stretch,
    /// How many findings, and the most serious: the exit code and the run's totals need no
    /// read-back.
    pub count: usize,
    pub worst: Option<Severity>,
}

/// One account's summary in the store. What the run sorts, renames and counts accounts by
/// stays in memory; the rest (counts per kind, reason and category, errors, dates) is read
/// back when a writer needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSummary {
    /// The account's name in the report (the run makes names unique across archives).
    pub account: String,
    pub source: String,
    /// Items read, all kinds together.
    pub items: u64,
    pub has_errors: bool,
    stretch: Stretch,
}

/// Findings as JSON lines, one stretch per account, and each account's summary.
pub struct FindingStore {
    /// The folder, for error messages: the file itself has no name.
    dir: PathBuf,
    file: SpillFile,
}

impl FindingStore {
    /// Creates the store in `dir`, which must exist.
    pub fn create_in(dir: &Path) -> std::io::Result<FindingStore> {
        Ok(FindingStore {
            dir: dir.to_owned(),
            file: SpillFile::create_in(dir)?,
        })
    }

    /// Appends one account's findings (serialised before the file is locked, so accounts
    /// finishing together only wait for each other's write).
    pub fn put(&self, findings: &[Finding]) -> Result<Stored, String> {
        let worst = findings.iter().map(|f| f.severity).max();
        if findings.is_empty() {
            return Ok(Stored::default());
        }
        let mut bytes = Vec::with_capacity(findings.len() * 1024);
        for finding in findings {
            serde_json::to_writer(&mut bytes, finding).map_err(|e| self.failed(&e))?;
            bytes.push(b'\n');
        }
        let stretch = self.file.append(&bytes).map_err(|e| self.failed(&e))?;
        Ok(Stored {
            stretch,
            count: findings.len(),
            worst,
        })
    }

    /// Reads one account's findings back, in the order they were put (the bytes under the
    /// lock, the parsing after it, so accounts rendered in parallel do not wait on it).
    pub fn get(&self, stored: &Stored) -> Result<Vec<Finding>, String> {
        let bytes = self.read(stored.stretch)?;
        // Parsed on every core (in order): a heavy account's tens of thousands of findings are
        // read back while the other accounts are done.
        collect_in_order(
            bytes
                .par_split(|&b| b == b'\n')
                .filter(|line| !line.is_empty())
                .map(serde_json::from_slice),
        )
        .map_err(|e| self.failed(&e))
    }

    /// Appends one account's summary.
    pub fn put_summary(&self, summary: &AccountSummary) -> Result<StoredSummary, String> {
        let bytes = serde_json::to_vec(summary).map_err(|e| self.failed(&e))?;
        let stretch = self.file.append(&bytes).map_err(|e| self.failed(&e))?;
        Ok(StoredSummary {
            account: summary.account.clone(),
            source: summary.source.clone(),
            items: summary.items.values().sum(),
            has_errors: !summary.errors.is_empty(),
            stretch,
        })
    }

    /// Reads one account's summary back, under the name the run gave the account.
    pub fn summary(&self, stored: &StoredSummary) -> Result<AccountSummary, String> {
        let bytes = self.read(stored.stretch)?;
        let mut summary: AccountSummary =
            serde_json::from_slice(&bytes).map_err(|e| self.failed(&e))?;
        summary.account.clone_from(&stored.account);
        Ok(summary)
    }

    /// One account's summary, serialised as it is read back.
    pub fn summary_out<'a>(&'a self, stored: &'a StoredSummary) -> FromStore<'a> {
        FromStore {
            store: self,
            part: Part::Summary(stored),
        }
    }

    /// One account's findings, serialised as they are read back.
    pub fn findings_out<'a>(&'a self, stored: &'a Stored) -> FromStore<'a> {
        FromStore {
            store: self,
            part: Part::Findings(stored),
        }
    }

    fn read(&self, stretch: Stretch) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        self.file
            .read_into(stretch, &mut bytes)
            .map_err(|e| self.failed(&e))?;
        Ok(bytes)
    }

    fn failed(&self, e: &dyn std::fmt::Display) -> String {
        format!(
            "{}: the run's store of findings and summaries failed: {e}",
            self.dir.display()
        )
    }
}

/// Part of an account read back from the store only while it is written out (`summary.json`,
/// `shard.json`), so a writer never holds every account's at once.
pub struct FromStore<'a> {
    store: &'a FindingStore,
    part: Part<'a>,
}

enum Part<'a> {
    Summary(&'a StoredSummary),
    Findings(&'a Stored),
}

impl serde::Serialize for FromStore<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        match self.part {
            Part::Summary(stored) => self
                .store
                .summary(stored)
                .map_err(S::Error::custom)?
                .serialize(serializer),
            Part::Findings(stored) => self
                .store
                .get(stored)
                .map_err(S::Error::custom)?
                .serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_come_back_whole_in_any_order_and_the_folder_shows_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = FindingStore::create_in(dir.path()).unwrap();
        let a = vec![
            Finding::example("a", "1", Severity::Low),
            Finding::example("a", "2", Severity::High),
        ];
        let b = vec![Finding::example("b", "3", Severity::Medium)];
        let stored_a = store.put(&a).unwrap();
        let none = store.put(&[]).unwrap();
        let stored_b = store.put(&b).unwrap();
        assert_eq!((stored_a.count, stored_a.worst), (2, Some(Severity::High)));
        assert_eq!((none.count, none.worst), (0, None));
        assert_eq!(store.get(&stored_b).unwrap(), b);
        assert_eq!(store.get(&stored_a).unwrap(), a);
        assert!(store.get(&none).unwrap().is_empty());
        // The file has no name: the folder stays as it was.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_summary_comes_back_whole_under_the_name_the_run_gave_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = FindingStore::create_in(dir.path()).unwrap();
        let summary = AccountSummary {
            account: "@budi".into(),
            platform: crate::model::Platform::Twitter,
            source: "arsip/budi.zip".into(),
            items: [("post".to_string(), 3), ("like".to_string(), 4)].into(),
            excluded: [("private".to_string(), 1)].into(),
            findings: [("judi".to_string(), 2)].into(),
            errors: vec![crate::error::InputError::new("data/like.js", "terpotong")],
            first_item: Some("2024-01-02T03:04:05+07:00".into()),
            last_item: Some("2024-02-02T03:04:05+07:00".into()),
        };
        let mut stored = store.put_summary(&summary).unwrap();
        store
            .put(&[Finding::example("@budi", "1", Severity::Low)])
            .unwrap();
        assert_eq!(
            (stored.items, stored.has_errors, stored.account.as_str()),
            (7, true, "@budi")
        );
        assert_eq!(store.summary(&stored).unwrap(), summary);
        stored.account = "@budi (2)".into();
        let renamed = store.summary(&stored).unwrap();
        assert_eq!(renamed.account, "@budi (2)");
        assert_eq!(renamed.errors, summary.errors);
    }
}
