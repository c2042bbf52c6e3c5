//! Bad input gets a clear error naming the file, and the run goes on with everything else.

mod common;

use common::*;

fn errors_text(summary: &serde_json::Value) -> String {
    let mut all: Vec<String> = Vec::new();
    for e in summary["errors"].as_array().unwrap() {
        all.push(format!(
            "{}: {}",
            e["file"].as_str().unwrap(),
            e["message"].as_str().unwrap()
        ));
    }
    for a in summary["accounts"].as_array().unwrap() {
        for e in a["errors"].as_array().unwrap() {
            all.push(format!(
                "{}: {}",
                e["file"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            ));
        }
    }
    all.join("\n")
}

#[test]
fn a_batch_with_one_corrupt_archive_reports_the_other_two_and_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("staf");
    std::fs::create_dir_all(&batch).unwrap();
    zip_dir(&example_archive(), &batch.join("andi.zip"), "");
    zip_dir(
        &example_archive(),
        &batch.join("sari.zip"),
        "twitter-2025-06-30",
    );
    zip_dir(&example_archive(), &batch.join("rusak.zip"), "");
    let bytes = std::fs::read(batch.join("rusak.zip")).unwrap();
    std::fs::write(batch.join("rusak.zip"), &bytes[..bytes.len() / 3]).unwrap();

    let out = tmp.path().join("out");
    let code = audit(&[batch.to_str().unwrap()], &out);
    assert_eq!(code, 2);
    let summary = read_json(&out.join("summary.json"));
    let accounts = summary["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 2, "two readable archives, two accounts");
    let errors = errors_text(&summary);
    assert!(
        errors.contains("rusak.zip"),
        "the corrupt archive is named: {errors}"
    );
    assert!(
        !errors.contains("andi.zip") && !errors.contains("sari.zip"),
        "{errors}"
    );
    // Both readable archives are the same handle: the report keeps them apart.
    let names: Vec<&str> = accounts
        .iter()
        .map(|a| a["account"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["budi_asn_contoh", "budi_asn_contoh (2)"]);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("rusak.zip"),
        "the report shows the error too"
    );
    assert!(!read_jsonl(&out.join("findings.jsonl")).is_empty());
}

#[test]
fn invalid_json_in_tweets_js_is_an_error_naming_the_file_and_other_files_are_still_read() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("arsip");
    copy_dir(&example_archive(), &archive);
    std::fs::write(
        archive.join("data/tweets.js"),
        "window.YTD.tweets.part0 = [ { \"tweet\" : { \"id_str\" : ",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let code = audit(&[archive.to_str().unwrap()], &out);
    assert_eq!(code, 2);
    let summary = read_json(&out.join("summary.json"));
    let errors = errors_text(&summary);
    assert!(errors.contains("tweets.js"), "{errors}");
    assert_eq!(
        summary["accounts"][0]["items"]["like"], 8,
        "likes are still read"
    );
}

#[test]
fn a_truncated_zip_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = tmp.path().join("twitter.zip");
    zip_dir(&example_archive(), &zip, "");
    let bytes = std::fs::read(&zip).unwrap();
    std::fs::write(&zip, &bytes[..bytes.len() - 200]).unwrap();
    let out = tmp.path().join("out");
    assert_eq!(audit(&[zip.to_str().unwrap()], &out), 2);
    let errors = errors_text(&read_json(&out.join("summary.json")));
    assert!(
        errors.contains("twitter.zip") && errors.contains("zip"),
        "{errors}"
    );
}

#[test]
fn an_unknown_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("catatan.docx");
    std::fs::write(&file, "bukan arsip").unwrap();
    let out = tmp.path().join("out");
    assert_eq!(audit(&[file.to_str().unwrap()], &out), 2);
    let errors = errors_text(&read_json(&out.join("summary.json")));
    assert!(
        errors.contains("catatan.docx") && errors.contains("not an export this tool recognises"),
        "{errors}"
    );
}

#[test]
fn an_empty_folder_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("kosong");
    std::fs::create_dir_all(&empty).unwrap();
    let out = tmp.path().join("out");
    assert_eq!(audit(&[empty.to_str().unwrap()], &out), 2);
    let errors = errors_text(&read_json(&out.join("summary.json")));
    assert!(
        errors.contains("kosong") && errors.contains("empty"),
        "{errors}"
    );
    assert!(
        out.join("index.html").exists(),
        "the report is written even when nothing could be read"
    );
}

#[test]
fn a_missing_input_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert_eq!(audit(&["/tidak/ada/arsip.zip"], &out), 2);
    let errors = errors_text(&read_json(&out.join("summary.json")));
    assert!(errors.contains("/tidak/ada/arsip.zip"), "{errors}");
}

#[test]
fn a_manifest_count_above_what_was_read_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("arsip");
    copy_dir(&example_archive(), &archive);
    let likes = std::fs::read_to_string(archive.join("data/like.js")).unwrap();
    // Drop the last like: the manifest still says 8.
    let cut = likes.rfind("{\n    \"like\"").unwrap();
    let shortened = format!("{}]", likes[..cut].trim_end().trim_end_matches(','));
    std::fs::write(archive.join("data/like.js"), shortened).unwrap();
    let out = tmp.path().join("out");
    assert_eq!(audit(&[archive.to_str().unwrap()], &out), 2);
    let errors = errors_text(&read_json(&out.join("summary.json")));
    assert!(
        errors.contains("manifest.js") && errors.contains('8') && errors.contains('7'),
        "{errors}"
    );
}

#[test]
fn usage_errors_exit_2() {
    jejak().args(["audit"]).assert().code(2);
    jejak()
        .args(["audit", "x", "--since", "kemarin"])
        .assert()
        .code(2);
}

#[test]
fn a_reused_report_folder_keeps_no_pages_of_earlier_accounts() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("staf");
    std::fs::create_dir_all(&batch).unwrap();
    zip_dir(&example_archive(), &batch.join("a.zip"), "");
    zip_dir(&example_archive(), &batch.join("b.zip"), "");
    let out = tmp.path().join("out");
    audit(&[batch.to_str().unwrap()], &out);
    assert_eq!(std::fs::read_dir(out.join("accounts")).unwrap().count(), 2);
    audit(&[batch.join("a.zip").to_str().unwrap()], &out);
    let pages: Vec<_> = std::fs::read_dir(out.join("accounts"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(pages.len(), 1, "{pages:?}");
}
