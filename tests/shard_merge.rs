//! An inspectorate's batch spread over machines: `jejak audit --shard K/N` on each, then
//! `jejak merge` gives exactly the report one run over the whole batch gives, byte for byte.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// A batch across platforms with two archives of the same X handle (the same fixture twice,
/// under different names), one input that is not an archive (a top-level error) and
/// unreadable parts (account errors). The names are chosen so that of 3 shards each gets
/// some accounts and the two archives of one handle land in different shards.
fn build_batch(root: &Path) -> PathBuf {
    let batch = root.join("arsip-pegawai");
    std::fs::create_dir_all(&batch).unwrap();
    let twitter = repo().join("tests/fixtures/twitter/basic");
    zip_dir(&twitter, &batch.join("x-rina.zip"), "");
    zip_dir(&twitter, &batch.join("x-rina-lama.zip"), "");
    copy_dir(&example_archive(), &batch.join("x-budi"));
    zip_dir(
        &repo().join("tests/fixtures/facebook/old-2022"),
        &batch.join("fb-sari.zip"),
        "",
    );
    copy_dir(
        &repo().join("tests/fixtures/instagram/new-2024"),
        &batch.join("ig-sari"),
    );
    copy_dir(
        &repo().join("tests/fixtures/telegram/account"),
        &batch.join("telegram-agus"),
    );
    zip_dir(
        &repo().join("tests/fixtures/tiktok/basic"),
        &batch.join("tiktok-dewi.zip"),
        "",
    );
    std::fs::copy(
        repo().join("tests/fixtures/generic/posts.csv"),
        batch.join("posts-agus.csv"),
    )
    .unwrap();
    std::fs::write(batch.join("catatan.txt"), "not an archive").unwrap();
    batch
}

/// Every file under `dir` (relative path → bytes), the shard file left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                if rel != "shard.json" {
                    out.insert(rel, std::fs::read(&path).unwrap());
                }
            }
        }
    }
    out
}

fn run(args: &[&str]) -> (i32, String) {
    let output = jejak().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn shard(batch: &Path, spec: &str, out: &Path, extra: &[&str]) -> i32 {
    let mut args = vec![batch.to_str().unwrap(), "--shard", spec];
    args.extend_from_slice(extra);
    audit(&args, out)
}

fn merge(dirs: &[&Path], out: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["merge".to_string()];
    args.extend(dirs.iter().map(|d| d.to_str().unwrap().to_string()));
    args.extend([
        "--out".into(),
        out.to_str().unwrap().into(),
        "--quiet".into(),
    ]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

/// The keys of the accounts a shard holds.
fn shard_keys(dir: &Path) -> Vec<String> {
    let file = read_json(&dir.join("shard.json"));
    file["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .chain(file["failed"].as_array().unwrap())
        .map(|a| a["key"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn three_shards_merge_into_exactly_the_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = build_batch(tmp.path());

    let single = tmp.path().join("single");
    let single_code = audit(&[batch.to_str().unwrap()], &single);
    // The batch has an input that is not an archive and unreadable parts: exit 2, all reported.
    assert_eq!(single_code, 2);
    let summary = read_json(&single.join("summary.json"));
    let names = account_names(&summary);
    let renamed: Vec<&&str> = names.iter().filter(|n| n.ends_with(" (2)")).collect();
    assert_eq!(renamed.len(), 1, "one handle twice: {names:?}");

    let dirs: Vec<PathBuf> = (1..=3)
        .map(|k| tmp.path().join(format!("shard-{k}")))
        .collect();
    for (k, dir) in dirs.iter().enumerate() {
        let code = shard(&batch, &format!("{}/3", k + 1), dir, &[]);
        assert!(
            code == 2,
            "shard {}: every shard reports the stray input: {code}",
            k + 1
        );
        assert!(dir.join("index.html").is_file() && dir.join("shard.json").is_file());
    }
    // The split is a partition, and the two archives of one handle are in different shards,
    // so the renaming can only be right if the merge does it across shards.
    let keys: Vec<Vec<String>> = dirs.iter().map(|d| shard_keys(d)).collect();
    assert!(keys.iter().all(|k| !k.is_empty()), "{keys:?}");
    let mut all: Vec<&String> = keys.iter().flatten().collect();
    all.sort();
    assert_eq!(all.len(), 8, "{keys:?}");
    all.dedup();
    assert_eq!(all.len(), 8, "{keys:?}");
    let holding = |name: &str| {
        keys.iter()
            .position(|k| k.iter().any(|key| key.ends_with(name)))
    };
    assert_ne!(
        holding("/x-rina.zip"),
        holding("/x-rina-lama.zip"),
        "{keys:?}"
    );

    // The order of the shard folders does not matter.
    let merged = tmp.path().join("merged");
    let (code, stderr) = merge(&[&dirs[2], &dirs[0], &dirs[1]], &merged, &[]);
    assert_eq!(code, single_code, "{stderr}");

    let expected = files(&single);
    let got = files(&merged);
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        got.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &expected {
        assert!(got[name] == *bytes, "{name} differs from the single run");
    }
    for name in [
        "findings.jsonl",
        "findings.csv",
        "summary.json",
        "index.html",
    ] {
        assert!(expected.contains_key(name), "{name}");
    }
    assert!(
        expected
            .keys()
            .filter(|k| k.starts_with("accounts"))
            .count()
            == 8
    );
}

#[test]
fn a_missing_or_repeated_shard_is_named_and_partial_merges_say_what_is_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = build_batch(tmp.path());
    let dirs: Vec<PathBuf> = (1..=3)
        .map(|k| tmp.path().join(format!("shard-{k}")))
        .collect();
    for (k, dir) in dirs.iter().enumerate() {
        shard(&batch, &format!("{}/3", k + 1), dir, &[]);
    }
    let out = tmp.path().join("merged");

    let (code, stderr) = merge(&[&dirs[0], &dirs[2]], &out, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("shard 2/3 missing"), "{stderr}");
    assert!(
        !out.join("index.html").exists(),
        "no report from an incomplete set"
    );

    let (code, stderr) = merge(&[&dirs[0], &dirs[1], &dirs[2], &dirs[1]], &out, &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("shard 2/3 given more than once"),
        "{stderr}"
    );

    let (code, stderr) = merge(&[&dirs[0], &dirs[2]], &out, &["--allow-partial"]);
    assert_eq!(code, 2, "{stderr}");
    let summary = read_json(&out.join("summary.json"));
    let errors = summary["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["file"] == "shard 2/3"),
        "{errors:?}"
    );

    // A folder that is not a shard's (here: a plain report) is refused by name.
    let single = tmp.path().join("single");
    audit(&[batch.to_str().unwrap()], &single);
    let (code, stderr) = merge(&[&single], &out, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("shard.json"), "{stderr}");
}

#[test]
fn shards_made_with_other_rules_or_options_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = build_batch(tmp.path());
    let pilkada = repo().join("examples/rules-pilkada");
    let dirs: Vec<PathBuf> = (1..=2)
        .map(|k| tmp.path().join(format!("shard-{k}")))
        .collect();
    shard(&batch, "1/2", &dirs[0], &[]);
    shard(
        &batch,
        "2/2",
        &dirs[1],
        &["--rules", pilkada.to_str().unwrap()],
    );
    let out = tmp.path().join("merged");
    let (code, stderr) = merge(&[&dirs[0], &dirs[1]], &out, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("other rules"), "{stderr}");

    // Shards that agree with each other but not with the merge's rules.
    shard(
        &batch,
        "1/2",
        &dirs[0],
        &["--rules", pilkada.to_str().unwrap()],
    );
    let (code, stderr) = merge(&[&dirs[0], &dirs[1]], &out, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("other rules"), "{stderr}");
    let (code, stderr) = merge(
        &[&dirs[0], &dirs[1]],
        &out,
        &["--rules", pilkada.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(!stderr.contains("cannot be merged"), "{stderr}");

    shard(
        &batch,
        "2/2",
        &dirs[1],
        &[
            "--rules",
            pilkada.to_str().unwrap(),
            "--min-severity",
            "high",
        ],
    );
    let (code, stderr) = merge(
        &[&dirs[0], &dirs[1]],
        &out,
        &["--rules", pilkada.to_str().unwrap()],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("other options"), "{stderr}");
}

#[test]
fn malformed_shard_specs_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    for spec in ["0/3", "4/3", "x/y", "3", "1/0"] {
        let code = audit(
            &[example_archive().to_str().unwrap(), "--shard", spec],
            &out,
        );
        assert_eq!(code, 2, "--shard {spec}");
    }
    assert!(!out.exists());
}
