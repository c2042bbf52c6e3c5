//! `jejak inspect`: what an archive holds, without auditing.

mod common;

use common::*;

#[test]
fn inspect_describes_the_example_archive() {
    let output = jejak()
        .arg("inspect")
        .arg(example_archive())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("X (Twitter)"), "{text}");
    assert!(text.contains("budi_asn_contoh"), "{text}");
    assert!(text.contains("like 8"), "{text}");
    assert!(text.contains("follow 12"), "{text}");
    assert!(
        text.contains("data/tweets.js") && text.contains("read, 50 items"),
        "{text}"
    );
    assert!(
        text.contains("2023-") && text.contains("2025-"),
        "the date range is shown: {text}"
    );
}

#[test]
fn inspect_reports_an_unreadable_archive_with_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("rusak.zip");
    std::fs::write(&bad, b"PK\x03\x04 bukan zip").unwrap();
    let output = jejak().arg("inspect").arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("rusak.zip"));
}
