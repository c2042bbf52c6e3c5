//! `jejak audit`: read, check, report.

use std::io::IsTerminal;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{lang_of, load_engine, say, Exit};
use crate::audit::{self, AuditOptions};
use crate::cli::{AuditArgs, FailOn, SeverityArg};
use crate::discover::discover;
use crate::model::Severity;
use crate::platform::GenericColumns;
use crate::report::{self, ReportInput};

pub fn run(args: &AuditArgs) -> Exit {
    let lang = lang_of(args.lang);
    let Some(since) = parse_day(args.since.as_deref(), "--since") else {
        return Exit::Trouble;
    };
    let Some(until) = parse_day(args.until.as_deref(), "--until") else {
        return Exit::Trouble;
    };
    let Some((_book, engine)) = load_engine(args.rules.rules.as_deref(), lang) else {
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

    let discovery = discover(&args.input.inputs);
    let progress = progress_bar(discovery.accounts.len() as u64, args.quiet);
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
    let outcome = pool.install(|| {
        audit::run(
            &discovery.accounts,
            discovery.errors,
            &engine,
            &options,
            &progress,
        )
    });
    progress.finish_and_clear();

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
    if let Err(e) = report::write_all(&args.out, &input, engine.origin()) {
        eprintln!("jejak: {e}");
        return Exit::Trouble;
    }

    for e in outcome.summary.errors.iter().chain(
        outcome
            .summary
            .accounts
            .iter()
            .flat_map(|a| a.errors.iter()),
    ) {
        eprintln!("jejak: {e}");
    }
    if !args.quiet {
        let items: u64 = outcome
            .summary
            .accounts
            .iter()
            .flat_map(|a| a.items.values())
            .sum();
        eprintln!(
            "{} {} {}, {} {}, {} {} → {}",
            say(lang, "jejak:", "jejak:"),
            outcome.summary.accounts.len(),
            say(lang, "akun", "accounts"),
            items,
            say(lang, "item", "items"),
            outcome.findings.len(),
            say(lang, "temuan", "findings"),
            args.out.join("index.html").display()
        );
    }
    if outcome.has_errors() {
        return Exit::Trouble;
    }
    let threshold = match args.fail_on {
        FailOn::None => return Exit::Clean,
        FailOn::Any | FailOn::Low => Severity::Low,
        FailOn::Medium => Severity::Medium,
        FailOn::High => Severity::High,
    };
    if outcome.findings.iter().any(|f| f.severity >= threshold) {
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
