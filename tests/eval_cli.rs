//! `jejak eval` on a small labelled file written here (never the evaluation sets themselves).

mod common;

use common::*;

#[test]
fn eval_prints_precision_recall_and_false_alarms_per_target() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("label.csv");
    std::fs::write(
        &csv,
        "id,text,judi\n\
         a,\"Slot gacor maxwin hari ini, depo 10k langsung main\",1\n\
         b,Situs togel terpercaya deposit pulsa,1\n\
         c,Slot parkir di kantor ditambah,0\n\
         d,Makan siang nasi padang,0\n",
    )
    .unwrap();
    let output = jejak()
        .args(["eval"])
        .arg(&csv)
        .args([
            "--target",
            "judi=judi",
            "--show-misses",
            "5",
            "--show-false-alarms",
            "5",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("4 rows"), "{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("judi=judi"))
        .expect("a line for the target");
    assert!(line.contains("FP 0") && line.contains("TN 2"), "{line}");
    assert!(
        text.contains("negatives with any finding: 0 of 2"),
        "{text}"
    );
}

#[test]
fn a_file_without_label_columns_is_a_harmless_set() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("biasa.csv");
    std::fs::write(
        &csv,
        "id,text,source\n1,Selamat pagi semua,x\n2,Dasar bangsat kau,x\n",
    )
    .unwrap();
    let output = jejak()
        .args(["eval"])
        .arg(&csv)
        .args(["--show-false-alarms", "5"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("harmless set"), "{text}");
    assert!(text.contains("1 of 2"), "{text}");
    assert!(text.contains("FALSE ALARM [harmless] 2"), "{text}");
}

#[test]
fn an_unknown_target_category_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("x.csv");
    std::fs::write(&csv, "id,text\n1,halo\n").unwrap();
    jejak()
        .args(["eval"])
        .arg(&csv)
        .args(["--target", "text=bukan"])
        .assert()
        .code(2);
}

/// The identifier test set: every valid NIK, KK, NIP, NPWP and phone number (with the words
/// people write next to them) is found, and nothing is found on post ids, URLs, dates, prices,
/// counts or numbers that fail the structure checks.
#[test]
fn every_valid_identifier_is_found_and_no_lookalike_is() {
    let csv = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/identifiers/identifiers.csv");
    let table = std::fs::read_to_string(&csv).unwrap();
    let positives = table.lines().skip(1).filter(|l| l.ends_with(",1")).count();
    let negatives = table.lines().skip(1).filter(|l| l.ends_with(",0")).count();
    assert!(
        positives >= 10 && negatives >= 10,
        "the fixture lost its rows"
    );
    let output = jejak()
        .args(["eval"])
        .arg(&csv)
        .args(["--target", "privasi=privasi", "--show-misses", "50"])
        .args(["--show-false-alarms", "50"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("privasi=privasi"))
        .expect("a line for the target");
    let expected = format!("(TP {positives} FP 0 FN 0 TN {negatives})");
    assert!(line.contains(&expected), "expected {expected}\n{text}");
}

/// Invented partisan posts of the 2014–2024 elections (dated, so the calendar applies) and
/// political posts that are not partisan (news, neutrality reminders, a vote reminder): most
/// partisan posts are found, and no neutral one is.
#[test]
fn partisan_posts_are_found_and_neutral_political_posts_are_not() {
    let csv = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/politik/partisan.csv");
    let output = jejak()
        .args(["eval"])
        .arg(&csv)
        .args(["--target", "politik=politik", "--time-column", "created_at"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("politik=politik"))
        .expect("a line for the target");
    let count = |label: &str| -> usize {
        let rest = &line[line.find(&format!("{label} ")).unwrap() + label.len() + 1..];
        rest.split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(count("FP"), 0, "a neutral post was flagged\n{text}");
    assert_eq!(count("TN"), 10, "{text}");
    assert!(count("TP") >= 16, "too few partisan posts found\n{text}");
}
