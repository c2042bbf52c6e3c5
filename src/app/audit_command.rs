//! `jejak audit`: read, check, report.

use std::io::IsTerminal;
use std::path::Path;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{lang_of, load_engine, say, Exit};
use crate::audit::{self, AuditOptions, AuditOutcome};
use crate::cli::{AuditArgs, FailOn, SeverityArg};
use crate::discover::discover;
use crate::model::Severity;
use crate::platform::GenericColumns;
use crate::report::{self, Lang, ReportInput};
use crate::rules::Engine;
use crate::shard;
use crate::store::FindingStore;

pub fn run(args: &AuditArgs) -> Exit {
    let lang = lang_of(args.lang);
    let Some(since) = parse_day(args.since.as_deref(), "--since") else {
        return Exit::Trouble;
    };
    let Some(until) = parse_day(args.until.as_deref(), "--until") else {
        return Exit::Trouble;
    };
    let Some((book, engine)) = load_engine(args.rules.rules.as_deref(), lang) else {
        return Exit::Trouble;
    };
    let options = AuditOptions {
        columns: GenericColumns {
            text: args.input.text_column.clone(),
            id: args.input.id_column.clone(),
            time: args.input.time_column.clone(),
        },
        since,
        until,
        min_severity: severity_of(args.min_severity),
        include_private: args.include_private,
        lang,
        ..AuditOptions::default()
    };

    let mut discovery = discover(&args.input.inputs);
    // A shard audits its share of the accounts; the INPUT errors stay in every shard's report,
    // as they are in one run's, and the merge keeps one copy of them.
    let (paths, keys) = match args.shard {
        Some(spec) => {
            let keys = shard::account_keys(&args.input.inputs, &discovery.accounts);
            discovery
                .accounts
                .iter()
                .zip(keys)
                .filter(|(_, key)| spec.owns(key))
                .map(|(path, key)| (path.clone(), key))
                .unzip()
        }
        // Moved, not copied: without a shard nothing reads the discovered list again.
        None => (std::mem::take(&mut discovery.accounts), Vec::new()),
    };
    let progress = progress_bar(paths.len() as u64, args.quiet);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("jejak: --jobs: {e}");
            return Exit::Trouble;
        }
    };
    let Some(store) = open_store(&args.out) else {
        return Exit::Trouble;
    };
    let results = pool.install(|| audit::audit_each(&paths, &engine, &options, &progress, &store));
    progress.finish_and_clear();

    if let Some(spec) = args.shard {
        let all_keys = shard::account_keys(&args.input.inputs, &discovery.accounts);
        let fingerprints = shard::Fingerprints {
            rules: shard::rules_fingerprint(&book),
            options: shard::options_fingerprint(&options),
            lang,
            discovered: all_keys.len(),
            discovered_keys: shard::discovered_digest(&all_keys),
        };
        let path = args.out.join(shard::SHARD_FILE);
        let written = report::files::create_private(&path)
            .map_err(|e| e.to_string())
            .and_then(|file| {
                shard::write(
                    file,
                    spec,
                    &fingerprints,
                    engine.origin(),
                    &discovery.errors,
                    &keys,
                    &results,
                    &store,
                )
                .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            eprintln!("jejak: {}: cannot be written: {e}", path.display());
            return Exit::Trouble;
        }
    }
    // The report is rendered on the same threads as the audit (`--jobs`).
    pool.install(|| {
        finish(
            assemble(results, discovery.errors),
            &store,
            &engine,
            lang,
            &args.out,
            args.shard.is_some(),
            args.quiet,
            args.fail_on,
        )
    })
}

/// The report folder, created before the audit so the findings' store can live in it.
pub(crate) fn open_store(out: &Path) -> Option<FindingStore> {
    let opened = report::files::create_private_dir(out).and_then(|()| FindingStore::create_in(out));
    match opened {
        Ok(store) => Some(store),
        Err(e) => {
            eprintln!("jejak: {}: cannot be written: {e}", out.display());
            None
        }
    }
}

fn assemble(
    results: impl IntoIterator<Item = Result<audit::StoredAccount, crate::error::InputError>>,
    mut errors: Vec<crate::error::InputError>,
) -> AuditOutcome {
    let mut audits = Vec::new();
    for result in results {
        match result {
            Ok(audit) => audits.push(audit),
            Err(e) => errors.push(e),
        }
    }
    audit::assemble(audits, errors)
}

/// Writes the report, prints the errors and the summary line, and gives the exit code: the
/// same for one run, a shard and a merge. `is_shard`: the folder holds a shard file written
/// by this run; otherwise one left by an earlier run is removed.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finish(
    outcome: AuditOutcome,
    store: &FindingStore,
    engine: &Engine,
    lang: Lang,
    out: &Path,
    is_shard: bool,
    quiet: bool,
    fail_on: FailOn,
) -> Exit {
    let infos = engine.rule_infos();
    let elections = engine
        .calendar()
        .elections()
        .iter()
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    let input = ReportInput {
        summary: &outcome.summary,
        findings: &outcome.findings,
        store,
        rules: &infos,
        lang,
        elections: &elections,
        generator: format!(
            "jejak {} · {} {}",
            env!("CARGO_PKG_VERSION"),
            engine.rule_count(),
            say(lang, "aturan", "rules")
        ),
    };
    if let Err(e) = report::write_all(out, &input, engine.origin()) {
        eprintln!("jejak: {e}");
        return Exit::Trouble;
    }
    // A folder reused from a shard run is no longer a shard: a stale shard file would let a
    // later merge take old results for this folder's.
    if !is_shard {
        let _ = std::fs::remove_file(out.join(shard::SHARD_FILE));
    }

    for e in &outcome.summary.errors {
        eprintln!("jejak: {e}");
    }
    match outcome.summary.account_errors(store) {
        Ok(errors) => errors.iter().for_each(|(_, e)| eprintln!("jejak: {e}")),
        Err(e) => eprintln!("jejak: {e}"),
    }
    if !quiet {
        let items: u64 = outcome.summary.accounts.iter().map(|a| a.items).sum();
        eprintln!(
            "{} {} {}, {} {}, {} {} → {}",
            say(lang, "jejak:", "jejak:"),
            outcome.summary.accounts.len(),
            say(lang, "akun", "accounts"),
            items,
            say(lang, "item", "items"),
            outcome.finding_count(),
            say(lang, "temuan", "findings"),
            out.join("index.html").display()
        );
    }
    if outcome.has_errors() {
        return Exit::Trouble;
    }
    let threshold = match fail_on {
        FailOn::None => return Exit::Clean,
        FailOn::Any | FailOn::Low => Severity::Low,
        FailOn::Medium => Severity::Medium,
        FailOn::High => Severity::High,
    };
    if outcome.worst().is_some_and(|worst| worst >= threshold) {
        Exit::Findings
    } else {
        Exit::Clean
    }
}

fn severity_of(arg: SeverityArg) -> Severity {
    match arg {
        SeverityArg::Low => Severity::Low,
        SeverityArg::Medium => Severity::Medium,
        SeverityArg::High => Severity::High,
    }
}

/// `None` (after printing why) when the date is malformed; `Some(None)` when absent.
fn parse_day(value: Option<&str>, flag: &str) -> Option<Option<NaiveDate>> {
    match value {
        None => Some(None),
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => Some(Some(day)),
            Err(_) => {
                eprintln!("jejak: {flag} {text:?}: expected a date YYYY-MM-DD");
                None
            }
        },
    }
}

fn progress_bar(accounts: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(accounts), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos}/{len} accounts [{bar:30}] {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
