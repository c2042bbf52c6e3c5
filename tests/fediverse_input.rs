//! Mastodon `.tar.gz` and Bluesky `.car` inputs through the command line: a folder holding
//! both is a batch of two accounts.

mod common;

use common::*;

fn tar_gz(from: &std::path::Path, to: &std::path::Path) {
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(to).unwrap(),
        flate2::Compression::default(),
    );
    let mut tar = tar::Builder::new(gz);
    tar.append_dir_all(".", from).unwrap();
    tar.into_inner().unwrap().finish().unwrap();
}

#[test]
fn a_folder_of_a_mastodon_tar_gz_and_a_bluesky_car_is_two_accounts() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("arsip");
    std::fs::create_dir_all(&batch).unwrap();
    tar_gz(
        &repo().join("tests/fixtures/mastodon/basic"),
        &batch.join("archive-20240201123456-abc.tar.gz"),
    );
    std::fs::copy(
        repo().join("tests/fixtures/bluesky/basic/dewi.contoh.id.20250101120000.car"),
        batch.join("dewi.contoh.id.20250101120000.car"),
    )
    .unwrap();
    let out = tmp.path().join("laporan");
    let code = audit(&[batch.to_str().unwrap()], &out);
    assert!(code == 0 || code == 1, "exit {code}");
    let summary = read_json(&out.join("summary.json"));
    let accounts = summary["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 2, "{summary:#}");
    let by_platform = |p: &str| {
        accounts
            .iter()
            .find(|a| a["platform"] == p)
            .unwrap_or_else(|| panic!("no {p} account: {summary:#}"))
    };
    let masto = by_platform("mastodon");
    assert_eq!(masto["account"], "sari_asn@kota.social");
    assert_eq!(masto["items"]["like"], 3);
    assert_eq!(masto["items"]["message"], 1);
    assert_eq!(masto["items"]["post"], 3);
    assert!(masto["errors"].as_array().unwrap().is_empty(), "{masto:#}");
    let bsky = by_platform("bluesky");
    assert_eq!(bsky["account"], "dewi.contoh.id");
    assert_eq!(bsky["items"]["post"], 2);
    assert_eq!(bsky["items"]["quote"], 2);
    assert_eq!(bsky["items"]["follow"], 2);
    assert!(bsky["errors"].as_array().unwrap().is_empty(), "{bsky:#}");
    assert!(
        summary["errors"].as_array().unwrap().is_empty(),
        "{summary:#}"
    );
}

#[test]
fn a_corrupt_tar_gz_is_reported_with_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("archive-rusak.tar.gz");
    std::fs::write(&bad, b"\x1f\x8b\x08\x00rusak").unwrap();
    let output = jejak().arg("inspect").arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("archive-rusak.tar.gz"), "{text}");
}
