//! Orchestration: accounts in parallel, each account's items in parallel, every item audited
//! or counted as excluded with its reason, and a broken archive never stopping the batch.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::archive::{Archive, Limits};
use crate::error::InputError;
use crate::model::{Finding, Item, ItemKind, Severity};
use crate::platform::{self, GenericColumns, PlatformReader, Reading};
use crate::report::{AccountSummary, Lang, RunSummary};
use crate::rules::{CheckContext, Engine};

/// Everything that shapes an audit besides the rules.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    pub columns: GenericColumns,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub min_severity: Severity,
    pub include_private: bool,
    pub lang: Lang,
    pub limits: Limits,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            columns: GenericColumns::default(),
            since: None,
            until: None,
            min_severity: Severity::Low,
            include_private: false,
            lang: Lang::Id,
            limits: Limits::default(),
        }
    }
}

/// Why an item that was read was not audited (the ids `summary.json` uses).
pub mod exclusion {
    pub const PRIVATE: &str = "private";
    pub const OUTSIDE_DATE_RANGE: &str = "outside_date_range";
}

/// One archive, opened and read.
pub struct AccountReading {
    pub archive: Archive,
    pub reader: &'static dyn PlatformReader,
    pub reading: Reading,
    /// The account's name in the report: its handle, else the input's file name.
    pub name: String,
}

/// Opens an archive, recognises its platform and reads every item.
pub fn read_account(path: &Path, options: &AuditOptions) -> Result<AccountReading, InputError> {
    let archive = Archive::open(path, options.limits)?;
    if archive.entries().is_empty() {
        return Err(InputError::new(
            path.display().to_string(),
            "holds no files; expected a social-media export",
        ));
    }
    let Some(reader) = platform::detect(archive.entries()) else {
        let names: Vec<&str> = archive
            .entries()
            .iter()
            .take(6)
            .map(|e| e.path.as_str())
            .collect();
        return Err(InputError::new(
            path.display().to_string(),
            format!(
                "is not an export this tool recognises (found: {}); expected e.g. an X archive with data/tweets.js, or a .csv/.jsonl file",
                names.join(", ")
            ),
        ));
    };
    let mut reading = reader.read(&archive, &options.columns);
    // Every reader's items pass here: photo GPS is filled once for all platforms.
    crate::media::apply_exif(&archive, &mut reading);
    let name = reading
        .handle
        .clone()
        .filter(|h| !h.trim().is_empty())
        .unwrap_or_else(|| input_name(path));
    Ok(AccountReading {
        archive,
        reader,
        reading,
        name,
    })
}

fn input_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match name.rsplit_once('.') {
        Some((stem, ext))
            if matches!(
                ext.to_ascii_lowercase().as_str(),
                "zip" | "csv" | "jsonl" | "ndjson"
            ) =>
        {
            stem.to_string()
        }
        _ => name,
    }
}

/// The result of auditing one account.
pub struct AccountAudit {
    pub summary: AccountSummary,
    pub findings: Vec<Finding>,
}

/// The result of the whole run, sorted and ready for the writers.
pub struct AuditOutcome {
    pub summary: RunSummary,
    pub findings: Vec<Finding>,
}

impl AuditOutcome {
    pub fn has_errors(&self) -> bool {
        !self.summary.errors.is_empty()
            || self.summary.accounts.iter().any(|a| !a.errors.is_empty())
    }
}

/// Audits every account in parallel; input errors are collected, never fatal.
pub fn run(
    paths: &[std::path::PathBuf],
    errors: Vec<InputError>,
    engine: &Engine,
    options: &AuditOptions,
    progress: &ProgressBar,
) -> AuditOutcome {
    let mut run_errors = errors;
    let mut audits = Vec::new();
    for result in audit_each(paths, engine, options, progress) {
        match result {
            Ok(audit) => audits.push(audit),
            Err(e) => run_errors.push(e),
        }
    }
    assemble(audits, run_errors)
}

/// Audits every account in parallel, one result per path in the paths' order, names not yet
/// made unique (a shard keeps them so for the merge).
pub fn audit_each(
    paths: &[std::path::PathBuf],
    engine: &Engine,
    options: &AuditOptions,
    progress: &ProgressBar,
) -> Vec<Result<AccountAudit, InputError>> {
    paths
        .par_iter()
        .map(|path| {
            let result = audit_account(path, engine, options);
            progress.inc(1);
            result
        })
        .collect()
}

/// Turns audited accounts and errors into the report's order: names made unique, findings
/// and accounts sorted. One run and a merge of shards both end here, so they agree.
pub fn assemble(mut audits: Vec<AccountAudit>, mut errors: Vec<InputError>) -> AuditOutcome {
    make_names_unique(&mut audits);
    let mut findings: Vec<Finding> = audits
        .iter_mut()
        .flat_map(|a| std::mem::take(&mut a.findings))
        .collect();
    sort_findings(&mut findings);
    let mut accounts: Vec<AccountSummary> = audits.into_iter().map(|a| a.summary).collect();
    accounts.sort_by(|a, b| {
        a.account
            .cmp(&b.account)
            .then_with(|| a.source.cmp(&b.source))
    });
    errors.sort();
    AuditOutcome {
        summary: RunSummary { accounts, errors },
        findings,
    }
}

/// The contract's order: account, time, item id, rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        a.account
            .cmp(&b.account)
            .then_with(|| a.created_at.cmp(&b.created_at))
            .then_with(|| a.item_id.cmp(&b.item_id))
            .then_with(|| a.rule.cmp(&b.rule))
    });
}

/// Two archives of the same handle stay two accounts in the report.
fn make_names_unique(audits: &mut [AccountAudit]) {
    audits.sort_by(|a, b| {
        a.summary
            .account
            .cmp(&b.summary.account)
            .then_with(|| a.summary.source.cmp(&b.summary.source))
    });
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for audit in audits.iter_mut() {
        let n = counts.entry(audit.summary.account.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let renamed = format!("{} ({})", audit.summary.account, n);
            for f in &mut audit.findings {
                f.account = renamed.clone();
            }
            audit.summary.account = renamed;
        }
    }
}

pub fn audit_account(
    path: &Path,
    engine: &Engine,
    options: &AuditOptions,
) -> Result<AccountAudit, InputError> {
    let AccountReading {
        reader,
        reading,
        name,
        ..
    } = read_account(path, options)?;
    let platform = reader.platform();
    let mut items_by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
    let (first, last) = date_range(&reading.items);
    let mut audited: Vec<&Item> = Vec::with_capacity(reading.items.len());
    for item in &reading.items {
        *items_by_kind
            .entry(item.kind.as_str().to_string())
            .or_insert(0) += 1;
        match exclusion_reason(item, options) {
            Some(reason) => *excluded.entry(reason.to_string()).or_insert(0) += 1,
            None => audited.push(item),
        }
    }
    for (reason, count) in &reading.excluded {
        *excluded.entry(reason.clone()).or_insert(0) += count;
    }
    let ctx = CheckContext {
        account: &name,
        lang: options.lang,
    };
    let mut findings: Vec<Finding> = audited
        .par_iter()
        .flat_map_iter(|item| engine.check(item, ctx))
        .collect();
    findings.extend(engine.check_account(&audited, ctx, None));
    findings.retain(|f| f.severity >= options.min_severity);
    sort_findings(&mut findings);
    let mut per_category: BTreeMap<String, u64> = BTreeMap::new();
    for f in &findings {
        *per_category
            .entry(f.category.as_str().to_string())
            .or_insert(0) += 1;
    }
    let mut errors = reading.errors;
    errors.sort();
    Ok(AccountAudit {
        summary: AccountSummary {
            account: name,
            platform,
            source: path.display().to_string(),
            items: items_by_kind,
            excluded,
            findings: per_category,
            errors,
            first_item: first,
            last_item: last,
        },
        findings,
    })
}

fn exclusion_reason(item: &Item, options: &AuditOptions) -> Option<&'static str> {
    let private = item.kind == ItemKind::Message || item.audience == crate::model::Audience::Direct;
    if private && !options.include_private {
        return Some(exclusion::PRIVATE);
    }
    if let Some(when) = item.created_at {
        let day = when
            .with_timezone(&crate::platform::dates::wib())
            .date_naive();
        if options.since.is_some_and(|since| day < since)
            || options.until.is_some_and(|until| day > until)
        {
            return Some(exclusion::OUTSIDE_DATE_RANGE);
        }
    }
    None
}

/// Earliest and latest dated items, as RFC 3339.
pub fn date_range(items: &[Item]) -> (Option<String>, Option<String>) {
    let dates = items.iter().filter_map(|i| i.created_at);
    let first = dates.clone().min().map(|d| d.to_rfc3339());
    let last = dates.max().map(|d| d.to_rfc3339());
    (first, last)
}
