//! A Facebook export end to end: an unpacked folder whose sub-folders (`posts/`, `groups/`…)
//! are parts of one account, not a batch, and its campaign group and follow audited.

mod common;

use common::*;

#[test]
fn unpacked_facebook_folder_is_one_account() {
    let fixture = repo().join("tests/fixtures/facebook/old-2022");
    let output = jejak().arg("inspect").arg(&fixture).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert_eq!(text.matches("platform: Facebook").count(), 1, "{text}");
    assert!(text.contains("account:  budi.santoso.contoh"), "{text}");

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("report");
    let code = audit(&[fixture.to_str().unwrap()], &out);
    assert_eq!(code, 1, "findings expected");
    let summary = read_json(&out.join("summary.json"));
    let account = &summary["accounts"][0];
    assert_eq!(account["platform"], "facebook");
    assert_eq!(account["items"]["post"], 10);
    assert_eq!(account["items"]["message"], 2);
    // The account's own messages are direct: counted, excluded from the audit unless asked.
    // The other participant's message is not the account's words: counted apart.
    assert_eq!(account["excluded"]["private"], 2, "{account}");
    assert_eq!(account["excluded"]["others_messages"], 1, "{account}");
    let findings = read_jsonl(&out.join("findings.jsonl"));
    assert!(
        findings
            .iter()
            .any(|f| f["kind"] == "group" && f["category"] == "politik"),
        "the campaign group is found: {findings:?}"
    );
}
