//! Writers for the run's results: `findings.jsonl`, `findings.csv`, `summary.json`, HTML.

pub mod files;
pub mod findings_csv;
pub mod findings_jsonl;
pub mod html;
pub mod i18n;
pub mod summary_json;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::InputError;
use std::io::Write;

use rayon::prelude::*;

use crate::model::{Category, Platform};
use crate::store::{FindingStore, Stored};

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

/// Everything one run produced, ready for the writers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunSummary {
    pub accounts: Vec<AccountSummary>,
    /// Errors that belong to no account (an input that is not an archive at all).
    pub errors: Vec<InputError>,
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
    findings: Vec<crate::model::Finding>,
    jsonl: Vec<u8>,
    html: html::RenderedAccount,
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
    let mut jsonl = buffered("findings.jsonl")?;
    let mut csv = findings_csv::Writer::new(buffered("findings.csv")?)
        .map_err(|e| fail("findings.csv", &e))?;
    let mut html = html::HtmlWriter::new(out_dir, input).map_err(|e| fail("index.html", &e))?;
    let accounts: Vec<(usize, &AccountSummary, &Stored)> = input
        .summary
        .accounts
        .iter()
        .zip(input.findings)
        .enumerate()
        .map(|(index, (account, stored))| (index, account, stored))
        .collect();
    // Accounts are rendered a window at a time on every core and written in order, so memory
    // holds a window's findings and pages, never the run's.
    let window = rayon::current_num_threads() * 8;
    for accounts in accounts.chunks(window) {
        let rendered: Vec<Result<Rendered, String>> = accounts
            .par_iter()
            .map(|&(index, account, stored)| {
                let mut findings = input.store.get(stored)?;
                // The name the account has in this report (made unique across archives).
                for finding in &mut findings {
                    finding.account.clone_from(&account.account);
                }
                let mut jsonl = Vec::new();
                findings_jsonl::write(&findings, &mut jsonl)
                    .map_err(|e| fail("findings.jsonl", &e))?;
                let html = html
                    .render(index, account, &findings)
                    .map_err(|e| fail("accounts", &e))?;
                Ok(Rendered {
                    findings,
                    jsonl,
                    html,
                })
            })
            .collect();
        for rendered in rendered {
            let rendered = rendered?;
            jsonl
                .write_all(&rendered.jsonl)
                .map_err(|e| fail("findings.jsonl", &e))?;
            csv.write(&rendered.findings)
                .map_err(|e| fail("findings.csv", &e))?;
            html.add(rendered.html).map_err(|e| fail("accounts", &e))?;
        }
    }
    jsonl.flush().map_err(|e| fail("findings.jsonl", &e))?;
    csv.finish().map_err(|e| fail("findings.csv", &e))?;
    let summary =
        summary_json::render(input.summary, rules_origin).map_err(|e| fail("summary.json", &e))?;
    files::write_private(&out_dir.join("summary.json"), &summary)
        .map_err(|e| fail("summary.json", &e))?;
    html.finish().map_err(|e| fail("index.html", &e))
}
