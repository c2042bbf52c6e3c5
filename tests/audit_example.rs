//! The example archive shipped in the repository, audited end to end.

mod common;

use std::collections::BTreeSet;

use common::*;

#[test]
fn example_archive_finds_each_planted_breach_and_nothing_on_ordinary_posts() {
    let out = tempfile::tempdir().unwrap();
    let code = audit(&[example_archive().to_str().unwrap()], out.path());
    assert_eq!(code, 1, "findings exist, so the exit code is 1");

    let findings = read_jsonl(&out.path().join("findings.jsonl"));
    let categories: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["category"].as_str().unwrap())
        .collect();
    for expected in [
        "politik",
        "hoaks",
        "pelecehan",
        "privasi",
        "pemborosan",
        "judi",
        "rahasia",
        "lokasi",
    ] {
        assert!(
            categories.contains(expected),
            "expected a `{expected}` finding; got {categories:?}"
        );
    }
    // Harmless posts that share words with rules stay clean.
    for harmless in [
        "Antrean nomor 2",
        "Rahasia dapur ibu",
        "Slot parkir",
        "Anjing tetangga",
        "Pilih menu sehat",
        "Presiden meresmikan",
    ] {
        let hit: Vec<_> = findings
            .iter()
            .filter(|f| f["text"].as_str().unwrap().contains(harmless))
            .collect();
        assert!(
            hit.is_empty(),
            "`{harmless}` should raise nothing, got {hit:?}"
        );
    }
    // Every finding carries the contract's fields.
    for f in &findings {
        for field in [
            "account",
            "platform",
            "item_id",
            "kind",
            "category",
            "rule",
            "severity",
            "title",
            "evidence",
            "text",
            "source",
            "fingerprint",
        ] {
            assert!(!f[field].is_null(), "field {field} missing in {f}");
        }
        assert_eq!(f["account"], "budi_asn_contoh");
        assert_eq!(f["platform"], "twitter");
    }
}

#[test]
fn campaign_post_carries_election_phase_and_high_severity() {
    let out = tempfile::tempdir().unwrap();
    audit(&[example_archive().to_str().unwrap()], out.path());
    let findings = read_jsonl(&out.path().join("findings.jsonl"));
    let campaign = findings
        .iter()
        .find(|f| {
            f["category"] == "politik" && f["text"].as_str().unwrap().contains("coblos nomor 2")
        })
        .expect("the campaign post is flagged");
    assert_eq!(campaign["election"], "pemilu-2024");
    assert_eq!(campaign["phase"], "kampanye");
    assert_eq!(campaign["severity"], "high");
    let evidence: Vec<&str> = campaign["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(!evidence.is_empty());
    // Evidence offsets point at the original words.
    let text = campaign["text"].as_str().unwrap();
    for e in campaign["evidence"].as_array().unwrap() {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        if end > start {
            assert_eq!(&text[start..end], e["text"].as_str().unwrap());
        }
    }
    assert!(campaign["url"]
        .as_str()
        .unwrap()
        .starts_with("https://x.com/budi_asn_contoh/status/"));
}

#[test]
fn summary_counts_every_item_and_the_html_escapes_archive_text() {
    let out = tempfile::tempdir().unwrap();
    audit(&[example_archive().to_str().unwrap()], out.path());
    let summary = read_json(&out.path().join("summary.json"));
    let account = &summary["accounts"][0];
    assert_eq!(account["account"], "budi_asn_contoh");
    assert_eq!(account["platform"], "twitter");
    assert_eq!(account["items"]["like"], 8);
    assert_eq!(account["items"]["follow"], 12);
    let posts: u64 = ["post", "reply", "repost", "quote"]
        .iter()
        .map(|k| account["items"][k].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(posts, 50);
    assert_eq!(account["items"]["repost"], 1);
    assert_eq!(account["items"]["reply"], 1);
    assert!(
        account["errors"].as_array().unwrap().is_empty(),
        "{}",
        account["errors"]
    );

    let mut html = String::new();
    for entry in walk(out.path()) {
        if entry.extension().is_some_and(|e| e == "html") {
            html.push_str(&std::fs::read_to_string(&entry).unwrap());
        }
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the post text appears escaped"
    );
    assert!(
        !html.contains("<script>alert(1)</script>"),
        "raw archive markup never reaches the report"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn zipped_and_unpacked_archive_give_the_same_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = tmp.path().join("twitter-2025-06-30-contoh.zip");
    zip_dir(&example_archive(), &zip, "");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    audit(&[example_archive().to_str().unwrap()], &a);
    audit(&[zip.to_str().unwrap()], &b);
    let strip = |v: Vec<serde_json::Value>| {
        v.into_iter()
            .map(|f| (f["fingerprint"].clone(), f["evidence"].clone()))
            .collect::<Vec<_>>()
    };
    let (fa, fb) = (
        strip(read_jsonl(&a.join("findings.jsonl"))),
        strip(read_jsonl(&b.join("findings.jsonl"))),
    );
    assert!(!fa.is_empty());
    assert_eq!(fa, fb);
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let input = example_archive();
    let (one, many) = (tmp.path().join("one"), tmp.path().join("many"));
    let run = |out: &std::path::Path, jobs: &str| {
        jejak()
            .args([
                "audit",
                input.to_str().unwrap(),
                "--quiet",
                "--jobs",
                jobs,
                "--out",
            ])
            .arg(out)
            .output()
            .unwrap()
    };
    run(&one, "1");
    run(&many, "4");
    let files_one = walk(&one);
    assert!(
        files_one.len() >= 5,
        "index.html, style.css, findings.jsonl, findings.csv, summary.json, account pages"
    );
    for file in files_one {
        let twin = many.join(file.strip_prefix(&one).unwrap());
        assert_eq!(
            std::fs::read(&file).unwrap(),
            std::fs::read(&twin).unwrap(),
            "{} differs",
            file.display()
        );
    }
}

#[cfg(unix)]
#[test]
fn report_files_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("laporan");
    audit(&[example_archive().to_str().unwrap()], &report);
    assert_eq!(
        std::fs::metadata(&report).unwrap().permissions().mode() & 0o777,
        0o700
    );
    for file in walk(&report) {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
}

#[test]
fn csv_has_a_bom_and_the_same_rows_as_jsonl() {
    let out = tempfile::tempdir().unwrap();
    audit(&[example_archive().to_str().unwrap()], out.path());
    let bytes = std::fs::read(out.path().join("findings.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[0], "account");
    assert_eq!(header.last().unwrap(), "fingerprint");
    let rows = reader.records().count();
    assert_eq!(rows, read_jsonl(&out.path().join("findings.jsonl")).len());
}

#[test]
fn since_and_until_exclude_items_with_a_reason() {
    let out = tempfile::tempdir().unwrap();
    audit(
        &[
            example_archive().to_str().unwrap(),
            "--since",
            "2024-01-01",
            "--until",
            "2024-12-31",
        ],
        out.path(),
    );
    let summary = read_json(&out.path().join("summary.json"));
    let excluded = summary["accounts"][0]["excluded"]["outside_date_range"]
        .as_u64()
        .unwrap();
    assert!(
        excluded > 10,
        "posts of 2023 and 2025 are excluded, got {excluded}"
    );
    for f in read_jsonl(&out.path().join("findings.jsonl")) {
        if let Some(date) = f["created_at"].as_str() {
            assert!(date.starts_with("2024"), "{date} is outside the range");
        }
    }
}

#[test]
fn english_report_and_titles_with_lang_en() {
    let out = tempfile::tempdir().unwrap();
    audit(
        &[example_archive().to_str().unwrap(), "--lang", "en"],
        out.path(),
    );
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(index.contains("lang=\"en\""));
    let findings = read_jsonl(&out.path().join("findings.jsonl"));
    let judi = findings.iter().find(|f| f["category"] == "judi").unwrap();
    let ids = tempfile::tempdir().unwrap();
    audit(&[example_archive().to_str().unwrap()], ids.path());
    let judi_id = read_jsonl(&ids.path().join("findings.jsonl"))
        .into_iter()
        .find(|f| f["category"] == "judi")
        .unwrap();
    assert_ne!(
        judi["title"], judi_id["title"],
        "the English title differs from the Indonesian one"
    );
}

#[test]
fn fail_on_high_and_min_severity_shape_the_exit_code() {
    let out = tempfile::tempdir().unwrap();
    let input = example_archive();
    let code = audit(&[input.to_str().unwrap(), "--fail-on", "none"], out.path());
    assert_eq!(code, 0);
    let code = audit(
        &[input.to_str().unwrap(), "--min-severity", "high"],
        out.path(),
    );
    assert_eq!(code, 1);
    for f in read_jsonl(&out.path().join("findings.jsonl")) {
        assert_eq!(f["severity"], "high");
    }
}

#[test]
fn every_page_is_self_contained_under_a_strict_csp_and_links_resolve() {
    let out = tempfile::tempdir().unwrap();
    audit(&[example_archive().to_str().unwrap()], out.path());
    let pages: Vec<_> = walk(out.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() >= 2, "index and one account page");
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        assert!(
            html.contains("Content-Security-Policy") && html.contains("default-src 'none'"),
            "{}",
            page.display()
        );
        // The only script is the overview's local sorting and filtering file.
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        let is_index = page.file_name().is_some_and(|n| n == "index.html");
        assert_eq!(scripts.len(), usize::from(is_index), "{}", page.display());
        for script in scripts {
            assert!(
                script.starts_with(" src=\"report.js\"></script>"),
                "{script}"
            );
        }
        for remote in [
            "src=\"http",
            "<link rel=\"stylesheet\" href=\"http",
            "@import",
            "url(http",
        ] {
            assert!(
                !html.contains(remote),
                "{} references {remote}",
                page.display()
            );
        }
        // Every local link points at a file that exists.
        for part in html.split("href=\"").skip(1) {
            let target = &part[..part.find('"').unwrap()];
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            let resolved = page.parent().unwrap().join(target);
            assert!(
                resolved.exists(),
                "{} links to missing {target}",
                page.display()
            );
        }
    }
    let css = std::fs::read_to_string(out.path().join("style.css")).unwrap();
    assert!(!css.contains("http"), "the stylesheet loads nothing remote");
    let script = std::fs::read_to_string(out.path().join("report.js")).unwrap();
    for network in [
        "http",
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "sendBeacon",
        "import(",
    ] {
        assert!(!script.contains(network), "the script uses {network}");
    }
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(index.contains("accounts/001-budi_asn_contoh.html"));
    let account =
        std::fs::read_to_string(out.path().join("accounts/001-budi_asn_contoh.html")).unwrap();
    assert!(account.contains("<mark>"), "evidence is highlighted");
    assert!(account.contains("PP 94/2021"), "the regulation is shown");
    assert!(
        account.contains("Masa kampanye"),
        "the election phase is shown"
    );
}

#[test]
fn the_account_page_has_one_card_per_item_and_category() {
    let out = tempfile::tempdir().unwrap();
    audit(&[example_archive().to_str().unwrap()], out.path());
    let findings = read_jsonl(&out.path().join("findings.jsonl"));
    let pairs: BTreeSet<(String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["item_id"].as_str().unwrap().to_string(),
                f["category"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        pairs.len() < findings.len(),
        "the example has items matched by several rules of one category"
    );
    let page =
        std::fs::read_to_string(out.path().join("accounts/001-budi_asn_contoh.html")).unwrap();
    assert_eq!(page.matches("<article").count(), pairs.len());
    // Every rule that matched is still named on the page.
    for f in &findings {
        assert!(page.contains(f["fingerprint"].as_str().unwrap()));
    }
}
