//! Orchestration: accounts in parallel, each account's items in parallel, every item audited
//! or counted as excluded with its reason, and a broken archive never stopping the batch.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use chrono::NaiveDate;
use indicatif::ProgressBar;

mod batches;
use batches::{Checked, Checks, DateSpan, Tally};

use crate::archive::{Archive, Limits};
use crate::error::InputError;
use crate::model::{Finding, Item, ItemKind, Severity};
use crate::parallel::InOrder;
use crate::platform::{self, GenericColumns, PlatformReader, Reading};
use crate::report::{AccountSummary, Lang, RunSummary};
use crate::rules::{CheckContext, Engine};
use crate::store::{FindingStore, Stored, StoredSummary};

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
    let (archive, reader) = open_account(path, options)?;
    let mut reading = reader.read(&archive, &options.columns);
    // Every reader's items pass here: photo GPS is filled once for all platforms.
    crate::media::apply_exif(&archive, &mut reading);
    let name = account_name(reading.handle.as_deref(), path);
    Ok(AccountReading {
        archive,
        reader,
        reading,
        name,
    })
}

/// Opens an archive and recognises its platform.
fn open_account(
    path: &Path,
    options: &AuditOptions,
) -> Result<(Archive, &'static dyn PlatformReader), InputError> {
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
    Ok((archive, reader))
}

/// The account's handle, else the input's file name.
fn account_name(handle: Option<&str>, path: &Path) -> String {
    handle
        .filter(|h| !h.trim().is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| input_name(path))
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

/// An audited account whose summary and findings wait in the run's `FindingStore`.
pub struct StoredAccount {
    pub summary: StoredSummary,
    pub findings: Stored,
}

impl AccountAudit {
    /// Moves the findings and the summary into the store; a store that cannot be written is
    /// an error of the account, so the run reports it instead of losing the findings silently.
    pub fn into_store(self, store: &FindingStore) -> Result<StoredAccount, InputError> {
        let stored = store.put(&self.findings).and_then(|findings| {
            let summary = store.put_summary(&self.summary)?;
            Ok(StoredAccount { summary, findings })
        });
        stored.map_err(|message| InputError::new(self.summary.source, message))
    }
}

/// The result of the whole run, sorted and ready for the writers.
pub struct AuditOutcome {
    pub summary: RunSummary,
    /// Each account's findings, in the order of `summary.accounts`.
    pub findings: Vec<Stored>,
}

impl AuditOutcome {
    pub fn has_errors(&self) -> bool {
        !self.summary.errors.is_empty() || self.summary.accounts.iter().any(|a| a.has_errors)
    }

    pub fn finding_count(&self) -> usize {
        self.findings.iter().map(|s| s.count).sum()
    }

    /// The most serious finding of the run.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().filter_map(|s| s.worst).max()
    }
}

/// Audits every account in parallel, one result per path in the paths' order, names not yet
/// made unique (a shard keeps them so for the merge). Each account's findings and summary go
/// to `store` as soon as it is done, so memory holds only a few names and counts per account.
///
/// One worker per thread takes the next account when it is done with one, so no more
/// accounts are being read at once than there are threads, each holding at most its current
/// file's text. A parallel iterator over the paths would leave halves of the list waiting in
/// the threads' queues, where a reader waiting for room among the items in flight (or a
/// check's own parallel loop) could take one up and start another account on top of its own.
/// Broadcast, each worker belongs to its thread: no other thread's wait can take it up.
pub fn audit_each(
    paths: &[std::path::PathBuf],
    engine: &Engine,
    options: &AuditOptions,
    progress: &ProgressBar,
    store: &FindingStore,
) -> Vec<Result<StoredAccount, InputError>> {
    let next = AtomicUsize::new(0);
    let results = InOrder::default();
    rayon::scope(|scope| {
        scope.spawn_broadcast(|_, _| loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = paths.get(index) else {
                break;
            };
            let result = audit_account(path, engine, options).and_then(|a| a.into_store(store));
            progress.inc(1);
            results.push(index, result);
        });
    });
    results.into_vec()
}

/// Turns audited accounts and errors into the report's order: names made unique, accounts
/// sorted (their findings are sorted within each account, so the accounts' order is the
/// findings' order). One run and a merge of shards both end here, so they agree.
pub fn assemble(mut audits: Vec<StoredAccount>, mut errors: Vec<InputError>) -> AuditOutcome {
    make_names_unique(&mut audits);
    // Renaming can move an account: sorted again.
    sort_accounts(&mut audits);
    let (accounts, findings) = audits.into_iter().map(|a| (a.summary, a.findings)).unzip();
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

/// Two archives of the same handle stay two accounts in the report. Only the summary is
/// renamed: the writers give each finding its account's name as they read it back.
fn make_names_unique(audits: &mut [StoredAccount]) {
    sort_accounts(audits);
    let mut taken: std::collections::BTreeSet<String> =
        audits.iter().map(|a| a.summary.account.clone()).collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for audit in audits.iter_mut() {
        let n = counts.entry(audit.summary.account.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            // `alice (2)` may be another archive's own handle: take the next free number.
            let mut renamed = format!("{} ({})", audit.summary.account, n);
            while taken.contains(&renamed) {
                *n += 1;
                renamed = format!("{} ({})", audit.summary.account, n);
            }
            taken.insert(renamed.clone());
            audit.summary.account = renamed;
        }
    }
}

/// By name, then by input path: the report's order of accounts.
fn sort_accounts(audits: &mut [StoredAccount]) {
    audits.sort_by(|a, b| {
        a.summary
            .account
            .cmp(&b.summary.account)
            .then_with(|| a.summary.source.cmp(&b.summary.source))
    });
}

/// Audits one archive batch by batch (16k posts at a time for X), so memory holds a few
/// batches' items, not the account's: each batch is counted, checked in parallel while the
/// reader goes on (see `batches`) and dropped, keeping only what the account-level rules need.
pub fn audit_account(
    path: &Path,
    engine: &Engine,
    options: &AuditOptions,
) -> Result<AccountAudit, InputError> {
    let (archive, reader) = open_account(path, options)?;
    let mut tally = Tally::default();
    let name: OnceLock<String> = OnceLock::new();
    let checks = Checks::default();
    // Every reader's items pass here: photo GPS is filled once for all platforms.
    let mut exif = crate::media::ExifPass::new(&archive);
    let mut reading = rayon::scope(|scope| {
        reader.read_batches(&archive, &options.columns, &mut |batch| {
            let mut items = batch.items;
            exif.apply(&mut items);
            let account = name.get_or_init(|| account_name(batch.handle, path));
            let ctx = CheckContext {
                account,
                lang: options.lang,
            };
            let audited = tally.count(&items, options);
            checks.spawn(scope, items, audited, engine, ctx);
        })
    });
    reading.errors.extend(exif.finish().1);
    let name = name
        .into_inner()
        .unwrap_or_else(|| account_name(reading.handle.as_deref(), path));
    let ctx = CheckContext {
        account: &name,
        lang: options.lang,
    };
    let Checked {
        mut findings,
        located,
    } = checks.finish();
    let located: Vec<&Item> = located.iter().collect();
    findings.extend(engine.check_account(&located, ctx, None));
    findings.retain(|f| f.severity >= options.min_severity);
    sort_findings(&mut findings);
    let mut per_category: BTreeMap<String, u64> = BTreeMap::new();
    for f in &findings {
        *per_category
            .entry(f.category.as_str().to_string())
            .or_insert(0) += 1;
    }
    let mut excluded = tally.excluded;
    for (reason, count) in &reading.excluded {
        *excluded.entry(reason.clone()).or_insert(0) += count;
    }
    let mut errors = reading.errors;
    errors.sort();
    Ok(AccountAudit {
        summary: AccountSummary {
            account: name,
            platform: reader.platform(),
            source: path.display().to_string(),
            items: tally.items_by_kind,
            excluded,
            findings: per_category,
            errors,
            first_item: tally.span.first(),
            last_item: tally.span.last(),
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
    let mut span = DateSpan::default();
    items.iter().for_each(|item| span.add(item));
    (span.first(), span.last())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Platform;

    fn account(store: &FindingStore, name: &str, source: &str) -> StoredAccount {
        let summary = AccountSummary {
            account: name.into(),
            platform: Platform::Twitter,
            source: source.into(),
            items: BTreeMap::from([("post".to_string(), 2)]),
            excluded: BTreeMap::new(),
            findings: BTreeMap::new(),
            errors: Vec::new(),
            first_item: None,
            last_item: None,
        };
        StoredAccount {
            summary: store.put_summary(&summary).unwrap(),
            findings: Stored::default(),
        }
    }

    /// An X folder archive with two tweets files of `per_file` posts; every seventh post
    /// breaks a rule and every fifth is geotagged at one spot.
    fn heavy_archive(root: &Path, per_file: usize) {
        let data = root.join("data");
        std::fs::create_dir_all(&data).unwrap();
        for (part, file) in ["tweets.js", "tweets-part1.js"].iter().enumerate() {
            let posts: Vec<String> = (0..per_file)
                .map(|n| {
                    let id = part * per_file + n + 1;
                    let text = if n % 7 == 0 {
                        format!("slot gacor maxwin hari ini, depo {n}k")
                    } else {
                        format!("Rapat koordinasi ke-{n} berjalan lancar")
                    };
                    let place = if n % 5 == 0 {
                        r#","coordinates": {"type": "Point", "coordinates": ["107.6098", "-6.9147"]}"#
                    } else {
                        ""
                    };
                    format!(
                        r#"{{"tweet": {{"id_str": "{id}", "created_at": "Mon Jun 03 03:15:{:02} +0000 2024", "full_text": "{text}"{place}}}}}"#,
                        n % 60
                    )
                })
                .collect();
            let text = format!("window.YTD.tweets.part{part} = [{}]", posts.join(",\n"));
            std::fs::write(data.join(file), text).unwrap();
        }
    }

    #[test]
    fn batches_checked_while_reading_give_the_findings_of_checking_in_reading_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("budi");
        // Several chunks per file, so batches are in flight while later ones are read.
        heavy_archive(&root, 40_000);
        let engine = Engine::compile(&crate::rules::Rulebook::load(None).unwrap()).unwrap();
        let options = AuditOptions::default();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let audit = pool
            .install(|| audit_account(&root, &engine, &options))
            .unwrap();

        let read = read_account(&root, &options).unwrap();
        let ctx = CheckContext {
            account: &read.name,
            lang: options.lang,
        };
        let mut expected: Vec<Finding> = read
            .reading
            .items
            .iter()
            .flat_map(|item| engine.check(item, ctx))
            .collect();
        let located: Vec<&Item> = read
            .reading
            .items
            .iter()
            .filter(|item| engine.account_rules_need(item))
            .collect();
        expected.extend(engine.check_account(&located, ctx, None));
        sort_findings(&mut expected);

        assert_eq!(audit.summary.items["post"], 80_000);
        let gambling: std::collections::BTreeSet<&str> = audit
            .findings
            .iter()
            .filter(|f| f.category.as_str() == "judi")
            .map(|f| f.item_id.as_str())
            .collect();
        assert_eq!(gambling.len(), 2 * 40_000_usize.div_ceil(7));
        assert!(
            audit
                .findings
                .iter()
                .any(|f| f.rule == "lokasi.tempat-berulang"),
            "the repeated place is found over every batch"
        );
        assert_eq!(
            serde_json::to_string(&audit.findings).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn a_renamed_account_never_takes_a_name_another_archive_has() {
        let dir = tempfile::tempdir().unwrap();
        let store = FindingStore::create_in(dir.path()).unwrap();
        let account = |name, source| account(&store, name, source);
        let outcome = assemble(
            vec![
                account("alice (2)", "c.zip"),
                account("alice", "b.zip"),
                account("alice", "a.zip"),
            ],
            Vec::new(),
        );
        let names: Vec<(&str, &str)> = outcome
            .summary
            .accounts
            .iter()
            .map(|a| (a.account.as_str(), a.source.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("alice", "a.zip"),
                ("alice (2)", "c.zip"),
                ("alice (3)", "b.zip")
            ]
        );
        // The summary read back carries the name the run gave it.
        let renamed = store.summary(&outcome.summary.accounts[2]).unwrap();
        assert_eq!(
            (renamed.account.as_str(), renamed.source.as_str()),
            ("alice (3)", "b.zip")
        );
        assert_eq!(renamed.items["post"], 2);
    }
}
