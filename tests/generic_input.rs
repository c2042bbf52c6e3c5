//! Generic CSV / JSONL input: one item per row, an account per file.

mod common;

use common::*;

#[test]
fn csv_with_named_columns_is_audited_with_the_id_column_as_item_id() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("unggahan-pegawai.csv");
    std::fs::write(
        &csv,
        "nomor,isi,tanggal\n\
         a-1,Selamat pagi rekan kerja,2024-03-01 08:00:00\n\
         a-2,\"Slot gacor maxwin hari ini, depo 10k langsung main\",2024-03-02 09:00:00\n\
         a-3,Rapat koordinasi di aula,2024-03-03 10:00:00\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let code = audit(
        &[
            csv.to_str().unwrap(),
            "--text-column",
            "isi",
            "--id-column",
            "nomor",
            "--time-column",
            "tanggal",
        ],
        &out,
    );
    assert_eq!(code, 1);
    let findings = read_jsonl(&out.join("findings.jsonl"));
    assert!(
        findings.iter().all(|f| f["item_id"] == "a-2"),
        "{findings:?}"
    );
    assert!(findings.iter().any(|f| f["category"] == "judi"));
    assert_eq!(findings[0]["account"], "unggahan-pegawai");
    assert_eq!(findings[0]["platform"], "generic");
    assert!(findings[0]["created_at"]
        .as_str()
        .unwrap()
        .starts_with("2024-03-02T09:00:00"));
    let summary = read_json(&out.join("summary.json"));
    assert_eq!(summary["accounts"][0]["items"]["post"], 3);
}

#[test]
fn a_missing_text_column_names_the_columns_found() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("data.csv");
    std::fs::write(&csv, "id,body\n1,halo\n").unwrap();
    let out = tmp.path().join("out");
    assert_eq!(
        audit(&[csv.to_str().unwrap(), "--text-column", "isi"], &out),
        2
    );
    let summary = read_json(&out.join("summary.json"));
    let text = summary.to_string();
    assert!(
        text.contains("data.csv") && text.contains("isi") && text.contains("body"),
        "{text}"
    );
}

#[test]
fn jsonl_lines_are_items() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("posts.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"p1\", \"text\": \"Bocoran soal SKD CPNS lengkap dengan kunci jawaban\", \"created_at\": \"2024-08-20T13:00:00+07:00\"}\n\
         {\"id\": \"p2\", \"text\": \"Hari ini cerah\"}\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    assert_eq!(audit(&[jsonl.to_str().unwrap()], &out), 1);
    let findings = read_jsonl(&out.join("findings.jsonl"));
    assert!(
        findings
            .iter()
            .any(|f| f["item_id"] == "p1" && f["category"] == "rahasia"),
        "{findings:?}"
    );
    assert!(findings.iter().all(|f| f["item_id"] != "p2"));
}
