//! Shared helpers for the integration tests: run the binary, build archives in temp dirs,
//! read the outputs.
#![allow(dead_code)]

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub fn jejak() -> Command {
    Command::cargo_bin("jejak").expect("the jejak binary is built")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example_archive() -> PathBuf {
    repo().join("examples/x-archive-contoh")
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Zips a folder tree, entries under `prefix/` (as X does: a wrapper folder or none).
pub fn zip_dir(from: &Path, zip_path: &Path, prefix: &str) {
    let mut zip = zip::ZipWriter::new(File::create(zip_path).unwrap());
    let mut stack = vec![from.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let relative = path
            .strip_prefix(from)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let name = if prefix.is_empty() {
            relative
        } else {
            format!("{prefix}/{relative}")
        };
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    zip.finish().unwrap();
}

pub fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line of findings.jsonl is JSON"))
        .collect()
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The account names of a `summary.json`, in its order.
pub fn account_names(summary: &Value) -> Vec<&str> {
    summary["accounts"]
        .as_array()
        .expect("summary.json has an accounts list")
        .iter()
        .map(|a| a["account"].as_str().expect("every account has a name"))
        .collect()
}

/// The rule ids of findings on one item.
pub fn rules_for_item<'a>(findings: &'a [Value], item_id: &str) -> Vec<&'a str> {
    findings
        .iter()
        .filter(|f| f["item_id"] == item_id)
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

/// Runs an audit and returns (exit code, out dir).
pub fn audit(args: &[&str], out: &Path) -> i32 {
    let output = jejak()
        .arg("audit")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .output()
        .unwrap();
    output.status.code().unwrap_or(-1)
}
