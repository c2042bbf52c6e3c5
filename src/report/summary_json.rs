//! `summary.json`: per-account coverage and counts, and the run's errors.

use serde::Serialize;

use crate::report::RunSummary;

#[derive(Serialize)]
struct SummaryFile<'a> {
    tool: &'static str,
    version: &'static str,
    rules: &'a str,
    accounts: &'a [crate::report::AccountSummary],
    errors: &'a [crate::error::InputError],
}

/// Writes the file as it serialises (a batch of thousands of accounts is never held as text).
pub fn write(
    summary: &RunSummary,
    rules_origin: &str,
    mut out: impl std::io::Write,
) -> Result<(), serde_json::Error> {
    let file = SummaryFile {
        tool: "jejak",
        version: env!("CARGO_PKG_VERSION"),
        rules: rules_origin,
        accounts: &summary.accounts,
        errors: &summary.errors,
    };
    serde_json::to_writer_pretty(&mut out, &file)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}
