//! The corpus generator (examples/corpus) writes archives `jejak` reads exactly as the
//! generator says: right platform, the item counts it reports, no errors, and findings on
//! the share of posts it made violate (none when it made none).
//!
//! The generator is included by path rather than run as `cargo run --example`: examples have
//! no `CARGO_BIN_EXE_*`, building one from a test is slow and racy, and in-process the test
//! gets the generator's own report of what it wrote to compare with the audit.

#[path = "../examples/corpus/gen/mod.rs"]
mod gen;

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;
use serde_json::Value;

fn config(platform: gen::Choice, accounts: usize, violations: f64, zip: bool) -> gen::Config {
    gen::Config {
        accounts,
        platform,
        size: gen::Size::Posts(120),
        violations,
        zip,
        seed: 5,
        // Small parts so every platform's posts are split and the manifest lists parts.
        part_bytes: 48 << 10,
    }
}

const PLATFORMS: [gen::Platform; 3] = [
    gen::Platform::X,
    gen::Platform::Facebook,
    gen::Platform::Instagram,
];

/// Generates three accounts per platform into `dir`, one batch (`jejak` takes each entry
/// of the folder it is given as one archive).
fn corpus(dir: &Path, violations: f64, zip: bool) -> Vec<gen::AccountReport> {
    let mut reports = Vec::new();
    for platform in PLATFORMS {
        let cfg = config(gen::Choice::One(platform), 3, violations, zip);
        reports.extend(gen::generate(&cfg, dir).expect("the corpus is written"));
    }
    reports
}

/// Audits `dir` and returns (exit code, summary, findings).
fn audit_corpus(dir: &Path, out: &Path) -> (i32, Value, Vec<Value>) {
    let code = audit(&[dir.to_str().unwrap()], out);
    let summary = read_json(&out.join("summary.json"));
    let findings = read_jsonl(&out.join("findings.jsonl"));
    (code, summary, findings)
}

/// Every generated account is in the summary with its platform and exactly its item counts,
/// and nothing went wrong reading it.
fn check_accounts(reports: &[gen::AccountReport], summary: &Value) {
    let accounts = summary["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), reports.len(), "{summary:#}");
    assert!(
        summary["errors"].as_array().unwrap().is_empty(),
        "{summary:#}"
    );
    for report in reports {
        let account = accounts
            .iter()
            .find(|a| a["account"] == report.handle.as_str())
            .unwrap_or_else(|| panic!("@{} is not in the summary", report.handle));
        let platform = report.platform.unwrap().jejak_name();
        assert_eq!(account["platform"], platform, "{account:#}");
        let items: BTreeMap<&str, u64> = account["items"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_u64().unwrap()))
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(items, report.items, "@{} ({platform})", report.handle);
        assert!(
            account["errors"].as_array().unwrap().is_empty(),
            "@{}: {account:#}",
            report.handle
        );
    }
}

/// Items with at least one finding, per account handle.
fn flagged(findings: &[Value]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in findings {
        out.entry(f["account"].as_str().unwrap().to_owned())
            .or_default()
            .insert(f["item_id"].as_str().unwrap().to_owned());
    }
    out
}

#[test]
fn violating_corpus_is_read_whole_and_flagged_at_the_requested_share() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("korpus");
    let requested = 0.2;
    let reports = corpus(&dir, requested, false);
    for r in &reports {
        assert!(r.post_files.len() > 1, "@{}: posts not split", r.handle);
    }

    let (code, summary, findings) = audit_corpus(&dir, &tmp.path().join("laporan"));
    assert_eq!(code, 1, "findings, no errors: exit 1");
    check_accounts(&reports, &summary);

    let flagged = flagged(&findings);
    let authored: u64 = reports.iter().map(|r| r.authored).sum();
    let violating: u64 = reports.iter().map(|r| r.violating()).sum();
    let with_findings: usize = flagged.values().map(BTreeSet::len).sum();
    let share = with_findings as f64 / authored as f64;
    eprintln!(
        "authored {authored}, generated violations {violating}, items with findings {with_findings} ({share:.3})"
    );
    assert!(
        (share - requested).abs() < 0.08,
        "share with findings {share:.3}, requested {requested}"
    );
    for r in &reports {
        let n = flagged.get(&r.handle).map_or(0, BTreeSet::len);
        assert!(
            n > 0,
            "@{}: no finding although {} violations",
            r.handle,
            r.violating()
        );
    }
}

#[test]
fn harmless_corpus_gives_almost_no_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("korpus");
    let reports = corpus(&dir, 0.0, true);
    for r in &reports {
        assert!(
            r.path.extension().is_some_and(|e| e == "zip"),
            "{:?}",
            r.path
        );
        assert_eq!(r.violating(), 0);
    }
    let (code, summary, findings) = audit_corpus(&dir, &tmp.path().join("laporan"));
    check_accounts(&reports, &summary);
    let authored: u64 = reports.iter().map(|r| r.authored).sum();
    let with_findings: usize = flagged(&findings).values().map(BTreeSet::len).sum();
    assert!(
        (with_findings as f64) <= authored as f64 * 0.01,
        "{with_findings} of {authored} harmless items flagged: {:#?}",
        &findings[..findings.len().min(5)]
    );
    assert!(code == 0 || code == 1, "exit {code}");
}

#[test]
fn same_seed_same_archives() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(gen::Choice::Mixed, 3, 0.1, false);
    let a = gen::generate(&cfg, &tmp.path().join("a")).unwrap();
    let b = gen::generate(&cfg, &tmp.path().join("b")).unwrap();
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.items, y.items);
        assert_eq!(x.bytes, y.bytes);
        let files = |root: &Path| {
            let mut all = Vec::new();
            let mut stack = vec![root.to_path_buf()];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_dir() {
                        stack.push(p);
                    } else {
                        all.push((
                            p.strip_prefix(root).unwrap().to_owned(),
                            std::fs::read(&p).unwrap(),
                        ));
                    }
                }
            }
            all.sort();
            all
        };
        assert!(files(&x.path) == files(&y.path), "{:?} differs", x.path);
    }
}
