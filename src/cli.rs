//! The command line, in plain language.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "jejak",
    version,
    about = "Audit social-media archives against the social-media guidelines for Indonesian civil servants (ASN)",
    long_about = "Reads the archives people download from their social-media accounts (\"Download your data\"), \
checks every past post, reply, repost, like and follow against the ASN social-media guidelines, and writes \
an audit report with the evidence and the regulation behind each finding.\n\n\
Every finding is an indication for a person to review, never a verdict."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit archives and write the report (index.html, findings.jsonl, findings.csv, summary.json).
    Audit(AuditArgs),
    /// Describe archives without auditing: platform, files recognised and ignored, items per kind, dates.
    Inspect(InspectArgs),
    /// List, test or explain the rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Combine the folders of `jejak audit --shard K/N` runs into the report one run over all inputs gives.
    Merge(MergeArgs),
    /// Measure detection quality on labelled posts (CSV): precision, recall, F1, false alarms.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A CSV of labelled posts, e.g. ../shared/eval/dev/hate_abuse_dev.csv.
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,

    /// The column holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,

    /// The column holding the row id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_column: String,

    /// The column holding each post's date (RFC 3339, `YYYY-MM-DD`, unix time…): the election
    /// calendar then applies as in an audit (ballot numbers count only in election windows).
    #[arg(long, value_name = "NAME")]
    pub time_column: Option<String>,

    /// What a label means: `COLUMN=CATEGORY[,CATEGORY]` (positive when the column is 1/true/yes;
    /// `COL1|COL2=…` when any of them is),
    /// `COLUMN:VALUE=CATEGORY` (positive when it equals VALUE), or `*=CATEGORY` (every row).
    /// Repeatable. Without targets, the evaluation sets' own columns are recognised (HS/Abusive,
    /// label, topic); a file with none of them is taken as harmless: no row should raise anything.
    #[arg(long = "target", value_name = "SPEC")]
    pub targets: Vec<String>,

    /// Treat every row as harmless, whatever its columns.
    #[arg(long)]
    pub harmless: bool,

    /// List this many missed positives.
    #[arg(long, value_name = "N", default_value = "0")]
    pub show_misses: usize,

    /// List this many false alarms.
    #[arg(long, value_name = "N", default_value = "0")]
    pub show_false_alarms: usize,

    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia
    Id,
    /// English
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Low,
    Medium,
    High,
}

/// When findings make the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any finding
    Any,
    Low,
    Medium,
    High,
    /// Never: exit 0 even with findings
    None,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Archives to read: a .zip, an unpacked archive folder, a folder holding many archives
    /// (one account each), or a .csv/.jsonl file (one item per row).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// For CSV/JSONL input: the column holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,

    /// For CSV/JSONL input: the column holding the item id (default: `id`, else the row number).
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,

    /// For CSV/JSONL input: the column holding the date (default: created_at, date, time or timestamp).
    #[arg(long, value_name = "NAME")]
    pub time_column: Option<String>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A folder of extra rule files (*.toml, lists/*.txt, elections.toml) that add to or
    /// override the built-in rules by id.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Folder that receives the report.
    #[arg(long, value_name = "DIR", default_value = "jejak-report")]
    pub out: PathBuf,

    #[command(flatten)]
    pub rules: RulesArgs,

    /// Audit only items on or after this date (YYYY-MM-DD, WIB). Undated items are kept.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Audit only items on or before this date (YYYY-MM-DD, WIB). Undated items are kept.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Report only findings at or above this severity.
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "low")]
    pub min_severity: SeverityArg,

    /// Exit with code 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "any")]
    pub fail_on: FailOn,

    /// Worker threads (default: one per CPU core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Language of the report and messages.
    #[arg(long, value_enum, default_value = "id")]
    pub lang: LangArg,

    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,

    /// Also audit direct/private messages (counted but not audited by default).
    #[arg(long)]
    pub include_private: bool,

    /// Audit only share K of N of the discovered accounts (1 ≤ K ≤ N), chosen by a stable hash
    /// of each account's path inside its INPUT; `jejak merge` combines the N report folders.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::shard::ShardSpec>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The report folders of `jejak audit --shard K/N`, one per shard, in any order.
    #[arg(required = true, value_name = "SHARD_DIR")]
    pub shards: Vec<PathBuf>,

    /// Folder that receives the merged report.
    #[arg(long, value_name = "DIR", default_value = "jejak-report")]
    pub out: PathBuf,

    // The same `--rules DIR` the shards were run with: shards made with other rules are refused.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Language of the report (default: the shards' language; it must be theirs).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Exit with code 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "any")]
    pub fail_on: FailOn,

    /// Merge even when shards of the set are missing: the report names them as errors (exit 2).
    #[arg(long)]
    pub allow_partial: bool,

    /// No summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every rule: id, category, severity, title.
    List {
        #[command(flatten)]
        rules: RulesArgs,
        #[arg(long, value_enum, default_value = "id")]
        lang: LangArg,
    },
    /// Check every rule's examples (must match / must not match).
    Test {
        #[command(flatten)]
        rules: RulesArgs,
    },
    /// Print every phrase of every rule, normalised, one per line (for benchmarks and review:
    /// `rg -c -i -F -f <(jejak rules phrases) …`).
    Phrases {
        #[command(flatten)]
        rules: RulesArgs,
    },
    /// Show everything about one rule: what it enforces, the regulation, what it matches, examples.
    Explain {
        /// The rule id, e.g. `judi.promosi-situs`.
        id: String,
        #[command(flatten)]
        rules: RulesArgs,
        #[arg(long, value_enum, default_value = "id")]
        lang: LangArg,
    },
}
