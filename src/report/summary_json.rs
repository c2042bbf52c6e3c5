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

pub fn render(summary: &RunSummary, rules_origin: &str) -> Result<Vec<u8>, serde_json::Error> {
    let file = SummaryFile {
        tool: "jejak",
        version: env!("CARGO_PKG_VERSION"),
        rules: rules_origin,
        accounts: &summary.accounts,
        errors: &summary.errors,
    };
    let mut out = serde_json::to_vec_pretty(&file)?;
    out.push(b'\n');
    Ok(out)
}
