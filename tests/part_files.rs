//! A heavy X account is audited a part file at a time; what needs the whole account (the
//! place tagged again and again, the date range, the counts) must not notice.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn geotagged(id: u32, day: u32, lat: f64, lon: f64) -> String {
    serde_json::json!({"tweet": {
        "id_str": id.to_string(), "id": id.to_string(),
        "created_at": chrono::NaiveDate::from_ymd_opt(2024, 6, day)
            .unwrap()
            .and_hms_opt(3, 15, 0)
            .unwrap()
            .format("%a %b %d %H:%M:%S +0000 %Y")
            .to_string(),
        "full_text": format!("Pagi yang cerah, hari ke-{day}"),
        "entities": {"hashtags": [], "user_mentions": [], "urls": []},
        "coordinates": {"type": "Point", "coordinates": [lon.to_string(), lat.to_string()]}
    }})
    .to_string()
}

/// `per_file` geotagged posts at one spot in each of `tweets.js` and `tweets-part1.js`.
fn write_archive(root: &Path, per_file: u32) {
    let data = root.join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(
        data.join("account.js"),
        r#"window.YTD.account.part0 = [{"account": {"username": "budi_asn", "accountId": "7"}}]"#,
    )
    .unwrap();
    for (part, file) in ["tweets.js", "tweets-part1.js"].iter().enumerate() {
        let posts: Vec<String> = (0..per_file)
            .map(|n| {
                let day = 1 + part as u32 * 10 + n;
                geotagged(100 * (part as u32 + 1) + n, day, -6.9147, 107.6098)
            })
            .collect();
        let text = format!("window.YTD.tweets.part{part} = [{}]", posts.join(",\n"));
        fs::write(data.join(file), text).unwrap();
    }
}

fn repeated_place_findings(per_file: u32) -> (Vec<serde_json::Value>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("budi");
    write_archive(&archive, per_file);
    let out = dir.path().join("out");
    audit(&[archive.to_str().unwrap()], &out);
    let findings = read_jsonl(&out.join("findings.jsonl"))
        .into_iter()
        .filter(|f| f["rule"] == "lokasi.tempat-berulang")
        .collect();
    (findings, read_json(&out.join("summary.json")))
}

#[test]
fn a_place_tagged_across_part_files_counts_every_post() {
    // 3 + 3 posts at one spot: neither file alone reaches the rule's 5, the account does.
    let (findings, summary) = repeated_place_findings(3);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let evidence = findings[0]["evidence"].to_string();
    assert!(evidence.contains("6 item"), "{evidence}");
    // The latest post of the place carries the finding (in `tweets-part1.js`).
    assert_eq!(findings[0]["item_id"], "202");
    let account = &summary["accounts"][0];
    assert_eq!(account["items"]["post"], 6);
    assert_eq!(account["first_item"], "2024-06-01T03:15:00+00:00");
    assert_eq!(account["last_item"], "2024-06-13T03:15:00+00:00");
}

#[test]
fn two_posts_per_file_stay_below_the_rule() {
    let (findings, _) = repeated_place_findings(2);
    assert!(findings.is_empty(), "{findings:#?}");
}
