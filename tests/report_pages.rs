//! An account with more findings than one page holds gets numbered pages, every card on
//! exactly one of them, and a rerun into the same folder leaves no page of the earlier run.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;

/// A CSV account whose every row is flagged for gambling.
fn write_flagged(path: &Path, rows: usize) {
    let mut csv = String::from("id,text\n");
    for n in 1..=rows {
        csv.push_str(&format!(
            "p{n},\"Slot gacor hari ini nomor {n}, maxwin modal receh!\"\n"
        ));
    }
    std::fs::write(path, csv).unwrap();
}

/// Audits a CSV account named `file` with `rows` flagged rows; returns the folder, the CSV and
/// the report folder.
fn audit_flagged(file: &str, rows: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join(file);
    write_flagged(&csv, rows);
    let out = tmp.path().join("out");
    audit(&[csv.to_str().unwrap()], &out);
    (tmp, csv, out)
}

fn pages(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out.join("accounts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_large_account_is_split_over_pages_that_hold_every_card_once() {
    let (_tmp, csv, out) = audit_flagged("pegawai.csv", 450);
    assert_eq!(
        pages(&out),
        [
            "001-pegawai-p2.html",
            "001-pegawai-p3.html",
            "001-pegawai.html"
        ]
    );
    let mut seen = BTreeSet::new();
    let mut per_page = Vec::new();
    for name in [
        "001-pegawai.html",
        "001-pegawai-p2.html",
        "001-pegawai-p3.html",
    ] {
        let page = std::fs::read_to_string(out.join("accounts").join(name)).unwrap();
        let cards = page.matches("<article").count();
        per_page.push(cards);
        assert!(page.contains("Halaman"), "{name} has no pager");
        for other in [
            "001-pegawai.html",
            "001-pegawai-p2.html",
            "001-pegawai-p3.html",
        ] {
            if other != name {
                assert!(
                    page.contains(&format!("href=\"{other}\"")),
                    "{name} does not link {other}"
                );
            }
        }
        for sentence in page.split(" nomor ").skip(1) {
            let number: String = sentence.chars().take_while(char::is_ascii_digit).collect();
            assert!(seen.insert(number.clone()), "card {number} is on two pages");
        }
    }
    assert_eq!(per_page, [200, 200, 50]);
    assert_eq!(seen.len(), 450);
    // The overview links the first page.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("accounts/001-pegawai.html"));

    // A smaller rerun into the same folder: one page, the earlier pages gone.
    write_flagged(&csv, 5);
    audit(&[csv.to_str().unwrap()], &out);
    assert_eq!(pages(&out), ["001-pegawai.html"]);
    let page = std::fs::read_to_string(out.join("accounts/001-pegawai.html")).unwrap();
    assert_eq!(page.matches("<article").count(), 5);
    assert!(!page.contains("class=\"pager\""));
}

#[test]
fn account_names_and_paths_are_escaped_in_the_overview_rows() {
    let (_tmp, _, out) = audit_flagged("<img src=x onerror=alert(1)>.csv", 1);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!index.contains("<img"), "raw markup reached the overview");
    // Both tables show the name, escaped: the account table and the coverage table.
    assert!(
        index.matches("&lt;img src=x onerror=alert(1)&gt;").count() >= 2,
        "{index}"
    );
    // The rows took the places of the markers the page was rendered with.
    assert!(!index.contains("<!--jejak:"), "{index}");
}
