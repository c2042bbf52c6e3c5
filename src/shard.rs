//! Spreading one audit over many machines: `jejak audit --shard K/N` audits a deterministic
//! share of the discovered accounts and leaves `shard.json` next to its report; `jejak merge`
//! turns the N shard folders back into exactly the report one run over every input gives.
//!
//! Which shard an account belongs to is decided by a stable hash (FNV-1a, mixed) of its *key*: the
//! INPUT argument's own folder or file name followed by the account's path inside it
//! (`arsip-pegawai/x-budi.zip`). Neither the absolute mount point, nor the order of the
//! arguments, nor the file-system listing, nor the number of other accounts changes it, so
//! machines that mount the inputs at different places still agree, and an archive that one
//! machine sees and another does not moves no other account to another shard (a sorted
//! position would shift every account after it). The merge checks that every shard saw the
//! same set of keys.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::audit::{AccountAudit, AuditOptions, StoredAccount};
use crate::error::InputError;
use crate::model::Finding;
use crate::report::{AccountSummary, Lang};
use crate::rules::Rulebook;
use crate::store::{FindingStore, FromStore};

/// The file a shard leaves in its report folder for the merge.
pub const SHARD_FILE: &str = "shard.json";
/// Changes whenever the shard file's meaning changes; the merge refuses other formats.
pub const FORMAT: &str = "jejak-shard/1";

/// `K/N`: this run audits share K (1-based) of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ShardSpec {
    pub index: u32,
    pub count: u32,
}

impl std::fmt::Display for ShardSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl std::str::FromStr for ShardSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<ShardSpec, String> {
        let expected = "expected K/N with 1 ≤ K ≤ N, e.g. 2/8";
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| format!("{text:?}: {expected}"))?;
        let (Ok(index), Ok(count)) = (k.trim().parse::<u32>(), n.trim().parse::<u32>()) else {
            return Err(format!("{text:?}: {expected}"));
        };
        if index == 0 || index > count {
            return Err(format!("{text:?}: {expected}"));
        }
        Ok(ShardSpec { index, count })
    }
}

impl ShardSpec {
    /// Whether the account with this key is this shard's to audit.
    pub fn owns(self, key: &str) -> bool {
        shard_of(key, self.count) == self.index
    }
}

/// The shard (1-based) of `count` that audits the account with this key.
pub fn shard_of(key: &str, count: u32) -> u32 {
    // FNV-1a spreads similar keys (`batch/x-1.zip`, `batch/x-2.zip`) poorly over a small N;
    // murmur3's finaliser mixes every bit into the high ones the multiply-shift reads.
    let mut h = fnv1a(key.as_bytes());
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    ((u128::from(h) * u128::from(count.max(1))) >> 64) as u32 + 1
}

/// FNV-1a: tiny, specified, and the same on every machine and Rust version (std's hashers
/// promise none of that).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn digest(parts: impl IntoIterator<Item = impl AsRef<[u8]>>) -> String {
    let mut joined = Vec::new();
    for part in parts {
        joined.extend_from_slice(part.as_ref());
        joined.push(0x1f);
    }
    format!("{:016x}", fnv1a(&joined))
}

/// The key of each account: the INPUT argument's name, then the account's path inside it,
/// with `/` between components whatever the platform.
pub fn account_keys(inputs: &[PathBuf], accounts: &[PathBuf]) -> Vec<String> {
    accounts
        .iter()
        .map(|account| {
            // The longest INPUT that holds the account: `batch/` and `batch/a.zip` given
            // together (in either order) still key `batch/a.zip` the same way.
            let input = inputs
                .iter()
                .filter(|input| account.starts_with(input))
                .max_by_key(|input| input.components().count());
            match input {
                Some(input) => {
                    let mut parts = vec![own_name(input)];
                    parts.extend(components(account.strip_prefix(input).unwrap_or(account)));
                    parts.join("/")
                }
                None => components(account).join("/"),
            }
        })
        .collect()
}

/// A path's last name, resolving `.`, `..` and the like to the folder they stand for.
fn own_name(path: &Path) -> String {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    name(path)
        .or_else(|| std::fs::canonicalize(path).ok().and_then(|p| name(&p)))
        .unwrap_or_default()
}

fn components(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Everything besides the accounts that must be the same in every shard of one audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// The jejak version and the rulebook's content (not where its files were).
    pub rules: String,
    /// `--since`, `--until`, `--min-severity`, `--include-private`, the column names, limits.
    pub options: String,
    pub lang: Lang,
    /// How many accounts were discovered in all, and a digest of their keys.
    pub discovered: usize,
    pub discovered_keys: String,
}

/// The rulebook's fingerprint: its rules, lists and calendar, without the folder paths the
/// rule files were read from (machines mount `--rules DIR` at different places).
pub fn rules_fingerprint(book: &Rulebook) -> String {
    let mut book = book.clone();
    for rule in &mut book.rules {
        rule.file.clear();
    }
    book.origin.clear();
    // Every collection in the rulebook is ordered (Vec, BTreeMap), so its Debug text is
    // deterministic; the version is part of it because the engine's matching may change.
    digest([env!("CARGO_PKG_VERSION").to_string(), format!("{book:?}")])
}

pub fn options_fingerprint(options: &AuditOptions) -> String {
    let AuditOptions {
        columns,
        since,
        until,
        min_severity,
        include_private,
        lang: _,
        limits,
    } = options;
    digest([format!(
        "{columns:?}|{since:?}|{until:?}|{min_severity:?}|{include_private:?}|{limits:?}"
    )])
}

pub fn discovered_digest(keys: &[String]) -> String {
    let mut sorted: Vec<&String> = keys.iter().collect();
    sorted.sort();
    digest(sorted)
}

/// One account as the shard audited it, before the names were made unique: the merge makes
/// them unique across all shards, as one run does.
#[derive(Serialize)]
struct AccountOut<'a> {
    key: &'a str,
    summary: FromStore<'a>,
    findings: FromStore<'a>,
}

#[derive(Serialize)]
struct FailedOut<'a> {
    key: &'a str,
    error: &'a InputError,
}

#[derive(Serialize)]
struct ShardOut<'a> {
    format: &'static str,
    shard: ShardSerde,
    fingerprints: &'a Fingerprints,
    rules_origin: &'a str,
    /// Errors of the INPUT arguments themselves: every shard sees them; the merge keeps one copy.
    input_errors: &'a [InputError],
    accounts: Vec<AccountOut<'a>>,
    /// This shard's accounts that could not be read at all.
    failed: Vec<FailedOut<'a>>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct ShardSerde {
    index: u32,
    count: u32,
}

/// Writes the shard file: `results` are this shard's accounts, `keys` their keys in the same
/// order, their summaries and findings read from `store` one account at a time.
#[allow(clippy::too_many_arguments)]
pub fn write(
    out: impl std::io::Write,
    spec: ShardSpec,
    fingerprints: &Fingerprints,
    rules_origin: &str,
    input_errors: &[InputError],
    keys: &[String],
    results: &[Result<StoredAccount, InputError>],
    store: &FindingStore,
) -> Result<(), serde_json::Error> {
    let mut accounts = Vec::new();
    let mut failed = Vec::new();
    for (key, result) in keys.iter().zip(results) {
        match result {
            Ok(audit) => accounts.push(AccountOut {
                key,
                summary: store.summary_out(&audit.summary),
                findings: store.findings_out(&audit.findings),
            }),
            Err(error) => failed.push(FailedOut { key, error }),
        }
    }
    let file = ShardOut {
        format: FORMAT,
        shard: ShardSerde {
            index: spec.index,
            count: spec.count,
        },
        fingerprints,
        rules_origin,
        input_errors,
        accounts,
        failed,
    };
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer(&mut out, &file)?;
    use std::io::Write;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}

#[derive(Deserialize)]
struct AccountIn {
    key: String,
    summary: AccountSummary,
    findings: Vec<Finding>,
}

#[derive(Deserialize)]
struct FailedIn {
    key: String,
    error: InputError,
}

#[derive(Deserialize)]
struct ShardIn {
    format: String,
    shard: ShardSerde,
    fingerprints: Fingerprints,
    input_errors: Vec<InputError>,
    accounts: Vec<AccountIn>,
    failed: Vec<FailedIn>,
}

/// One shard folder, read back.
pub struct Shard {
    pub dir: PathBuf,
    pub spec: ShardSpec,
    pub fingerprints: Fingerprints,
    pub input_errors: Vec<InputError>,
    pub accounts: Vec<StoredAccount>,
    pub failed: Vec<InputError>,
    /// Every account key, read or failed, to check each belongs to this shard.
    pub keys: Vec<String>,
}

/// Reads a shard folder's `shard.json`, its findings going to `store`; the error says what is
/// wrong and what was expected.
pub fn read(dir: &Path, store: &FindingStore) -> Result<Shard, String> {
    let path = dir.join(SHARD_FILE);
    let bytes = std::fs::read(&path).map_err(|e| {
        format!(
            "{}: cannot be read ({e}); expected the folder of a `jejak audit --shard K/N` run",
            path.display()
        )
    })?;
    let file: ShardIn = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{}: is not a shard file ({e}); expected the {SHARD_FILE} of `jejak audit --shard K/N`",
            path.display()
        )
    })?;
    if file.format != FORMAT {
        return Err(format!(
            "{}: format {:?}, expected {FORMAT:?} (written by another jejak version)",
            path.display(),
            file.format
        ));
    }
    let spec = format!("{}/{}", file.shard.index, file.shard.count)
        .parse::<ShardSpec>()
        .map_err(|e| format!("{}: shard {e}", path.display()))?;
    let mut keys = Vec::new();
    let mut accounts = Vec::with_capacity(file.accounts.len());
    for a in file.accounts {
        keys.push(a.key);
        let audit = AccountAudit {
            summary: a.summary,
            findings: a.findings,
        };
        accounts.push(audit.into_store(store).map_err(|e| e.to_string())?);
    }
    let failed = file
        .failed
        .into_iter()
        .map(|f| {
            keys.push(f.key);
            f.error
        })
        .collect();
    Ok(Shard {
        dir: dir.to_path_buf(),
        spec,
        fingerprints: file.fingerprints,
        input_errors: file.input_errors,
        accounts,
        failed,
        keys,
    })
}

/// What a set of shard folders holds, checked to be one audit.
pub struct Combined {
    pub accounts: Vec<StoredAccount>,
    /// Input errors (once) and every shard's unreadable accounts.
    pub errors: Vec<InputError>,
    pub fingerprints: Fingerprints,
    /// Shards of the set that were not given (only with `allow_partial`).
    pub missing: Vec<ShardSpec>,
}

/// Checks that the shards belong to one audit and together cover it, then pools them.
/// Every problem is named; with `allow_partial`, missing shards are returned instead.
pub fn combine(mut shards: Vec<Shard>, allow_partial: bool) -> Result<Combined, Vec<String>> {
    let mut problems = Vec::new();
    shards.sort_by(|a, b| a.spec.cmp(&b.spec).then_with(|| a.dir.cmp(&b.dir)));
    let Some(first) = shards.first() else {
        return Err(vec!["no shard folder given".into()]);
    };
    let count = first.spec.count;
    let reference = first.fingerprints.clone();
    let shown = |s: &Shard| format!("{} (shard {})", s.dir.display(), s.spec);

    let mut by_index: BTreeMap<u32, Vec<&Shard>> = BTreeMap::new();
    for shard in &shards {
        by_index.entry(shard.spec.index).or_default().push(shard);
        if shard.spec.count != count {
            problems.push(format!(
                "{}: is a shard of {}, {} is a shard of {count}; all shards must come from one split",
                shown(shard),
                shard.spec.count,
                shown(first)
            ));
            continue;
        }
        let fp = &shard.fingerprints;
        let mismatch = [
            (
                fp.rules != reference.rules,
                "was made with other rules or another jejak version",
            ),
            (
                fp.options != reference.options,
                "was made with other options (--since, --until, --min-severity, --include-private, column names)",
            ),
            (fp.lang != reference.lang, "was made with another --lang"),
            (
                fp.discovered != reference.discovered || fp.discovered_keys != reference.discovered_keys,
                "saw other inputs (a different set of archives)",
            ),
        ];
        for (_, what) in mismatch.iter().filter(|(differs, _)| *differs) {
            problems.push(format!("{}: {what}, unlike {}", shown(shard), shown(first)));
        }
        if let Some(key) = shard.keys.iter().find(|k| !shard.spec.owns(k)) {
            problems.push(format!(
                "{}: holds {key:?}, which belongs to shard {}/{count}",
                shown(shard),
                shard_of(key, count)
            ));
        }
    }
    for (index, given) in &by_index {
        if given.len() > 1 {
            let dirs: Vec<String> = given.iter().map(|s| s.dir.display().to_string()).collect();
            problems.push(format!(
                "shard {index}/{count} given more than once: {}",
                dirs.join(", ")
            ));
        }
    }
    let missing: Vec<ShardSpec> = (1..=count)
        .filter(|i| !by_index.contains_key(i))
        .map(|index| ShardSpec { index, count })
        .collect();
    if !missing.is_empty() && !allow_partial {
        let names: Vec<String> = missing.iter().map(|s| s.to_string()).collect();
        problems.push(format!(
            "shard {} missing (the set is incomplete; --allow-partial merges what is there)",
            names.join(", ")
        ));
    }
    if missing.is_empty() {
        let total: usize = shards.iter().map(|s| s.keys.len()).sum();
        if problems.is_empty() && total != reference.discovered {
            problems.push(format!(
                "the shards hold {total} accounts but {} were discovered",
                reference.discovered
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut errors = first.input_errors.clone();
    let mut accounts = Vec::new();
    for shard in shards {
        errors.extend(shard.failed);
        accounts.extend(shard.accounts);
    }
    for spec in &missing {
        errors.push(InputError::new(
            format!("shard {spec}"),
            "missing from the merge (--allow-partial): its accounts are not in this report",
        ));
    }
    Ok(Combined {
        accounts,
        errors,
        fingerprints: reference,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_only_within_range() {
        assert_eq!(
            "2/8".parse::<ShardSpec>(),
            Ok(ShardSpec { index: 2, count: 8 })
        );
        for bad in ["0/3", "4/3", "x/y", "3", "1/0", "-1/3", ""] {
            assert!(bad.parse::<ShardSpec>().is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_ignore_the_mount_point_and_the_argument_order() {
        let here = account_keys(
            &[PathBuf::from("/mnt/a/batch"), PathBuf::from("/mnt/a/x.zip")],
            &[
                PathBuf::from("/mnt/a/batch/b.zip"),
                PathBuf::from("/mnt/a/x.zip"),
            ],
        );
        let there = account_keys(
            &[PathBuf::from("/data/x.zip"), PathBuf::from("/data/batch")],
            &[
                PathBuf::from("/data/batch/b.zip"),
                PathBuf::from("/data/x.zip"),
            ],
        );
        assert_eq!(here, ["batch/b.zip", "x.zip"]);
        assert_eq!(here, there);
        // The longest INPUT holding an account names it, whichever order they came in.
        let nested = account_keys(
            &[PathBuf::from("b/a.zip"), PathBuf::from("b")],
            &[PathBuf::from("b/a.zip")],
        );
        assert_eq!(nested, ["a.zip"]);
    }

    #[test]
    fn every_key_has_exactly_one_shard() {
        for n in 1..=7 {
            for i in 0..50 {
                let key = format!("batch/pegawai-{i}.zip");
                let owners = (1..=n)
                    .filter(|&k| ShardSpec { index: k, count: n }.owns(&key))
                    .count();
                assert_eq!(owners, 1);
            }
        }
    }
}
