//! Writers for the run's results: `findings.jsonl`, `findings.csv`, `summary.json`, HTML.

pub mod files;
pub mod findings_csv;
pub mod findings_jsonl;
pub mod html;
pub mod i18n;
pub mod summary_json;

use std::collections::BTreeMap;
use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::InputError;
use crate::model::{Category, Platform};
use crate::parallel::collect_in_order;
use crate::store::{FindingStore, Stored, StoredSummary};

/// Language of everything a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Id,
    En,
}

/// Indonesian and English text of one message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct Localized {
    pub id: String,
    #[serde(default)]
    pub en: String,
}

impl Localized {
    /// The text in `lang`, falling back to Indonesian when no English was written.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.id,
        }
    }
}

/// What the report says about a rule next to each of its findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub category: Category,
    pub title: Localized,
    /// Why the rule exists: what it looks for and why that matters.
    pub description: Localized,
    /// The guideline it enforces, quoted or paraphrased from the guideline article.
    pub guideline: String,
    /// Regulation and article.
    pub regulation: String,
    pub action: Localized,
}

/// Per-account coverage and counts, as `summary.json` lists them (read back by `jejak merge`).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct AccountSummary {
    pub account: String,
    pub platform: Platform,
    pub source: String,
    /// Items read, per kind.
    pub items: BTreeMap<String, u64>,
    /// Items read but not audited, per reason.
    pub excluded: BTreeMap<String, u64>,
    /// Findings per category.
    pub findings: BTreeMap<String, u64>,
    pub errors: Vec<InputError>,
    /// Earliest and latest item dates (RFC 3339), when any item is dated.
    pub first_item: Option<String>,
    pub last_item: Option<String>,
}

/// Everything one run produced, ready for the writers: the accounts' summaries wait in the
/// run's store (`ReportInput::store`).
#[derive(Debug, Clone, PartialEq)]
pub struct RunSummary {
    pub accounts: Vec<StoredSummary>,
    /// Errors that belong to no account (an input that is not an archive at all).
    pub errors: Vec<InputError>,
}

impl RunSummary {
    /// Every account's errors with the account's name, in the accounts' order, read back
    /// from the run's store.
    pub fn account_errors(
        &self,
        store: &FindingStore,
    ) -> Result<Vec<(String, InputError)>, String> {
        let mut found = Vec::new();
        for stored in self.accounts.iter().filter(|a| a.has_errors) {
            let AccountSummary {
                account, errors, ..
            } = store.summary(stored)?;
            found.extend(errors.into_iter().map(|e| (account.clone(), e)));
        }
        Ok(found)
    }
}

/// The inputs the HTML writer needs beyond the summary.
pub struct ReportInput<'a> {
    pub summary: &'a RunSummary,
    /// Each account's findings (sorted by time, item id, rule), in the order of
    /// `summary.accounts`.
    pub findings: &'a [Stored],
    pub store: &'a FindingStore,
    /// Looks up the rule behind each finding.
    pub rules: &'a BTreeMap<String, RuleInfo>,
    pub lang: Lang,
    /// jejak version and rulebook description, shown in the footer.
    pub generator: String,
    /// Election names by id, for findings' `election`.
    pub elections: &'a BTreeMap<String, String>,
}

/// One account's part of every output, ready to be written in order.
struct Rendered {
    jsonl: Vec<u8>,
    csv: Vec<u8>,
    html: html::RenderedAccount,
}

/// Findings a rendering window may hold: a few heavy accounts fill it, where a window of
/// accounts alone could hold dozens of them at once.
const WINDOW_FINDINGS: usize = 20_000;

/// Consecutive runs of at most `accounts` accounts and, unless one account alone is more,
/// `WINDOW_FINDINGS` findings; `findings` holds each account's count.
fn windows(findings: &[usize], accounts: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut held) = (0, 0);
    for (index, &count) in findings.iter().enumerate() {
        let full =
            index - start >= accounts.max(1) || (index > start && held + count > WINDOW_FINDINGS);
        if full {
            out.push(start..index);
            (start, held) = (index, 0);
        }
        held += count;
    }
    if start < findings.len() {
        out.push(start..findings.len());
    }
    out
}

/// Findings turned into a file's bytes on one core at a time.
pub(crate) const FINDINGS_PER_CHUNK: usize = 1024;

/// A file's bytes for `findings`, made a chunk at a time on every core and joined in order:
/// a heavy account's lines and rows would otherwise wait on one core.
pub(crate) fn bytes_on_every_core<E: Send>(
    findings: &[crate::model::Finding],
    make: impl Fn(&[crate::model::Finding]) -> Result<Vec<u8>, E> + Sync + Send,
) -> Result<Vec<u8>, E> {
    let chunks = collect_in_order(findings.par_chunks(FINDINGS_PER_CHUNK).map(make))?;
    Ok(chunks.concat())
}

/// Writes every output file of the contract into `out_dir`, readable by the owner only. The
/// accounts' findings are read back from the store one account at a time and go to every
/// writer before the next account's are read.
pub fn write_all(
    out_dir: &std::path::Path,
    input: &ReportInput<'_>,
    rules_origin: &str,
) -> Result<(), String> {
    let fail = |file: &str, e: &dyn std::fmt::Display| {
        format!("{}: cannot be written: {e}", out_dir.join(file).display())
    };
    files::create_private_dir(out_dir).map_err(|e| fail("", &e))?;
    let buffered = |file: &str| {
        files::create_private(&out_dir.join(file))
            .map(std::io::BufWriter::new)
            .map_err(|e| fail(file, &e))
    };
    // The summary needs no findings: written first, a run that fails while writing the
    // findings still leaves this run's coverage and errors, not an earlier run's (unless the
    // store itself fails, which the message then names).
    summary_json::write(
        input.summary,
        input.store,
        rules_origin,
        buffered("summary.json")?,
    )
    .map_err(|e| fail("summary.json", &e))?;
    let mut jsonl = buffered("findings.jsonl")?;
    let mut csv = findings_csv::Writer::new(buffered("findings.csv")?)
        .map_err(|e| fail("findings.csv", &e))?;
    let mut html = html::HtmlWriter::new(out_dir, input).map_err(|e| fail("index.html", &e))?;
    // Accounts are rendered a window at a time on every core and written in order, so memory
    // holds a window's findings and pages, never the run's.
    let counts: Vec<usize> = input.findings.iter().map(|s| s.count).collect();
    for window in windows(&counts, rayon::current_num_threads() * 8) {
        let rendered: Vec<Result<Rendered, String>> = window
            .into_par_iter()
            .map(|index| {
                let account = input.store.summary(&input.summary.accounts[index])?;
                let mut findings = input.store.get(&input.findings[index])?;
                // The name the account has in this report (made unique across archives).
                for finding in &mut findings {
                    finding.account.clone_from(&account.account);
                }
                // The pages and the rows at once: a heavy account has one window to itself,
                // and its rows would otherwise wait for its pages on one core.
                let (html, (jsonl, csv)) = rayon::join(
                    || html.render(index, &account, &findings),
                    || {
                        (
                            findings_jsonl::lines(&findings),
                            findings_csv::rows(&findings),
                        )
                    },
                );
                Ok(Rendered {
                    jsonl: jsonl.map_err(|e| fail("findings.jsonl", &e))?,
                    csv: csv.map_err(|e| fail("findings.csv", &e))?,
                    html: html.map_err(|e| fail("accounts", &e))?,
                })
            })
            .collect();
        for rendered in rendered {
            let rendered = rendered?;
            jsonl
                .write_all(&rendered.jsonl)
                .map_err(|e| fail("findings.jsonl", &e))?;
            csv.write_rows(&rendered.csv)
                .map_err(|e| fail("findings.csv", &e))?;
            html.add(rendered.html).map_err(|e| fail("accounts", &e))?;
        }
    }
    jsonl.flush().map_err(|e| fail("findings.jsonl", &e))?;
    csv.finish().map_err(|e| fail("findings.csv", &e))?;
    html.finish().map_err(|e| fail("index.html", &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_hold_a_few_accounts_or_a_bounded_number_of_findings() {
        assert_eq!(windows(&[1, 1, 1, 1, 1], 2), [0..2, 2..4, 4..5]);
        let heavy = WINDOW_FINDINGS / 2 + 1;
        // Two heavy accounts never share a window; one heavier than the bound has its own.
        assert_eq!(
            windows(&[heavy, heavy, 3, WINDOW_FINDINGS * 3, 0], 16),
            [0..1, 1..3, 3..4, 4..5]
        );
        assert!(windows(&[], 16).is_empty());
        assert_eq!(windows(&[5], 0), vec![0..1]);
    }
}
