//! The Instagram fixture through the binary: `jejak inspect` and `jejak audit`, with the
//! location found by the shared EXIF pass in the fixture's photo.

mod common;

use common::*;

fn fixture() -> std::path::PathBuf {
    repo().join("tests/fixtures/instagram/new-2024")
}

#[test]
fn audit_finds_the_photo_gps_of_an_instagram_post() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = tmp.path().join("instagram-sari.zip");
    zip_dir(&fixture(), &zip, "instagram-sari-2024");
    for (input, out) in [
        (fixture(), tmp.path().join("folder")),
        (zip, tmp.path().join("zip")),
    ] {
        let code = audit(&[input.to_str().unwrap()], &out);
        assert_eq!(code, 1, "findings expected for {}", input.display());
        let summary = read_json(&out.join("summary.json"));
        let account = &summary["accounts"][0];
        assert_eq!(account["account"], "sari.asn.contoh");
        assert_eq!(account["platform"], "instagram");
        let items = &account["items"];
        for (kind, n) in [
            ("post", 6),
            ("story", 2),
            ("comment", 3),
            ("like", 4),
            ("follow", 3),
            ("message", 2),
            ("profile", 1),
        ] {
            assert_eq!(items[kind], n, "{kind}: {items}");
        }
        assert_eq!(account["excluded"]["private"], 2);
        assert_eq!(account["excluded"]["others_messages"], 1, "{account}");
        assert_eq!(account["errors"].as_array().unwrap().len(), 0, "{account}");
        let findings = read_jsonl(&out.join("findings.jsonl"));
        let exif: Vec<_> = findings
            .iter()
            .filter(|f| f["item_id"] == "posts_1.json#3" && f["category"] == "lokasi")
            .collect();
        assert_eq!(exif.len(), 1, "{findings:?}");
        let evidence = exif[0]["evidence"][0]["text"].as_str().unwrap();
        assert!(
            evidence.starts_with("photo_exif: -7.79870, 110.36530"),
            "{evidence}"
        );
        assert_eq!(exif[0]["platform"], "instagram");
    }
}

#[test]
fn inspect_lists_instagram_and_threads_files() {
    let output = jejak().arg("inspect").arg(fixture()).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("platform: Instagram"), "{text}");
    assert!(text.contains("account:  sari.asn.contoh"), "{text}");
    assert!(
        text.contains("threads_and_replies.json") && text.contains("read, 2 items"),
        "{text}"
    );
    assert!(text.contains("ignored: not audited: saved items"), "{text}");
}

#[test]
fn an_unpacked_export_is_one_account_and_two_of_them_are_a_batch() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), &tmp.path().join("sari"));
    copy_dir(
        &repo().join("tests/fixtures/instagram/old-2022"),
        &tmp.path().join("lama"),
    );
    let out = tmp.path().join("out");
    let code = audit(&[tmp.path().to_str().unwrap()], &out);
    assert_eq!(code, 1);
    let summary = read_json(&out.join("summary.json"));
    let names = account_names(&summary);
    assert_eq!(names, ["lama", "sari.asn.contoh"], "{summary}");
}
