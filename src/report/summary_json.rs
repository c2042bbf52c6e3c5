//! `summary.json`: per-account coverage and counts, and the run's errors.

use serde::{Serialize, Serializer};

use crate::report::RunSummary;
use crate::store::{FindingStore, StoredSummary};

#[derive(Serialize)]
struct SummaryFile<'a> {
    tool: &'static str,
    version: &'static str,
    rules: &'a str,
    accounts: Accounts<'a>,
    errors: &'a [crate::error::InputError],
}

/// The accounts' summaries, read back from the store one at a time as they are written.
struct Accounts<'a> {
    store: &'a FindingStore,
    accounts: &'a [StoredSummary],
}

impl Serialize for Accounts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.accounts.iter().map(|s| self.store.summary_out(s)))
    }
}

/// Writes the file as it serialises (a batch of thousands of accounts is never held as text,
/// nor their summaries as values).
pub fn write(
    summary: &RunSummary,
    store: &FindingStore,
    rules_origin: &str,
    mut out: impl std::io::Write,
) -> Result<(), serde_json::Error> {
    let file = SummaryFile {
        tool: "jejak",
        version: env!("CARGO_PKG_VERSION"),
        rules: rules_origin,
        accounts: Accounts {
            store,
            accounts: &summary.accounts,
        },
        errors: &summary.errors,
    };
    serde_json::to_writer_pretty(&mut out, &file)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}
