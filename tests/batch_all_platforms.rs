//! An inspectorate's batch: one folder holding one archive per platform, as each platform
//! hands it out (zip, unpacked folder, tar.gz, .car). One run gives one report with every
//! account, its platform and its findings, and `jejak inspect` names each platform.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// (folder name in the batch, fixture, how it is packed, platform expected)
const ARCHIVES: [(&str, &str, Packing, &str); 10] = [
    (
        "x-budi",
        "tests/fixtures/twitter/basic",
        Packing::Zip,
        "twitter",
    ),
    (
        "fb-sari",
        "tests/fixtures/facebook/old-2022",
        Packing::Zip,
        "facebook",
    ),
    (
        "ig-sari",
        "tests/fixtures/instagram/new-2024",
        Packing::Folder,
        "instagram",
    ),
    (
        "tiktok-dewi",
        "tests/fixtures/tiktok/basic",
        Packing::Zip,
        "tiktok",
    ),
    (
        "telegram-agus",
        "tests/fixtures/telegram/account",
        Packing::Folder,
        "telegram",
    ),
    (
        "linkedin-rina",
        "tests/fixtures/linkedin/Basic_LinkedInDataExport_01-02-2025",
        Packing::Zip,
        "linkedin",
    ),
    (
        "takeout-yusuf",
        "tests/fixtures/youtube",
        Packing::Zip,
        "youtube",
    ),
    (
        "reddit-budi",
        "tests/fixtures/reddit/export_budi",
        Packing::Folder,
        "reddit",
    ),
    (
        "mastodon-sari",
        "tests/fixtures/mastodon/basic",
        Packing::TarGz,
        "mastodon",
    ),
    (
        "bluesky-dewi",
        "tests/fixtures/bluesky/basic",
        Packing::Car,
        "bluesky",
    ),
];

#[derive(Clone, Copy)]
enum Packing {
    Zip,
    Folder,
    TarGz,
    Car,
}

fn pack(fixture: &Path, packing: Packing, batch: &Path, name: &str) {
    match packing {
        Packing::Zip => zip_dir(fixture, &batch.join(format!("{name}.zip")), ""),
        Packing::Folder => copy_dir(fixture, &batch.join(name)),
        Packing::TarGz => {
            let file = std::fs::File::create(batch.join(format!("{name}.tar.gz"))).unwrap();
            let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
            let mut tar = tar::Builder::new(gz);
            tar.append_dir_all(".", fixture).unwrap();
            tar.into_inner().unwrap().finish().unwrap();
        }
        Packing::Car => {
            let car = std::fs::read_dir(fixture)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.extension().is_some_and(|e| e == "car"))
                .expect("a .car fixture");
            std::fs::copy(&car, batch.join(car.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn one_batch_of_every_platform_gives_one_report_with_every_account() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("arsip-pegawai");
    std::fs::create_dir_all(&batch).unwrap();
    for (name, fixture, packing, _) in ARCHIVES {
        pack(&repo().join(fixture), packing, &batch, name);
    }

    let out = tmp.path().join("laporan");
    // The TikTok and YouTube fixtures each carry one deliberately unreadable entry: the run
    // says so (exit 2) and still reports every account.
    let code = audit(&[batch.to_str().unwrap()], &out);
    assert_eq!(code, 2, "exit {code}");

    let summary = read_json(&out.join("summary.json"));
    let accounts = summary["accounts"].as_array().unwrap();
    let platforms: BTreeMap<&str, &serde_json::Value> = accounts
        .iter()
        .map(|a| (a["platform"].as_str().unwrap(), a))
        .collect();
    let expected: Vec<&str> = ARCHIVES.iter().map(|a| a.3).collect();
    assert_eq!(accounts.len(), ARCHIVES.len(), "{summary:#}");
    for platform in &expected {
        let account = platforms
            .get(platform)
            .unwrap_or_else(|| panic!("no {platform} account in {summary:#}"));
        let items: u64 = account["items"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert!(items > 0, "{platform} has no items: {account:#}");
        let errors = account["errors"].as_array().unwrap();
        if ["tiktok", "youtube"].contains(platform) {
            assert_eq!(errors.len(), 1, "{platform}: {account:#}");
            let file = errors[0]["file"].as_str().unwrap();
            let packed = ARCHIVES.iter().find(|a| a.3 == *platform).unwrap().0;
            assert!(file.contains(packed), "the error names its archive: {file}");
        } else {
            assert!(errors.is_empty(), "{platform}: {account:#}");
        }
    }
    assert!(
        summary["errors"].as_array().unwrap().is_empty(),
        "{summary:#}"
    );

    // Findings carry the account's platform, and each platform's own page is reachable.
    let findings = read_jsonl(&out.join("findings.jsonl"));
    let with_findings: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|f| f["platform"].as_str().unwrap())
        .collect();
    for platform in ["twitter", "facebook", "instagram"] {
        assert!(
            with_findings.contains(platform),
            "the {platform} fixture holds violations, yet no finding: {with_findings:?}"
        );
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for account in accounts {
        let name = account["account"].as_str().unwrap();
        assert!(index.contains(name), "index.html does not list {name}");
    }
}

#[test]
fn inspect_names_the_platform_of_each_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("arsip");
    std::fs::create_dir_all(&batch).unwrap();
    for (name, fixture, packing, _) in ARCHIVES {
        pack(&repo().join(fixture), packing, &batch, name);
    }
    let output = jejak().arg("inspect").arg(&batch).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).to_lowercase();
    for (_, _, _, platform) in ARCHIVES {
        let shown = match platform {
            "twitter" => "x",
            other => other,
        };
        assert!(
            text.contains(&format!("platform: {shown}"))
                || text.contains(&format!("platform: {platform}")),
            "inspect does not name {platform}:\n{text}"
        );
    }
}
