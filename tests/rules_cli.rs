//! `jejak rules …` and rule files given with `--rules`.

mod common;

use common::*;

#[test]
fn every_built_in_rule_example_passes() {
    let output = jejak().args(["rules", "test"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}

#[test]
fn every_category_has_at_least_one_rule() {
    let output = jejak().args(["rules", "list"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    for category in [
        "politik",
        "hoaks",
        "sara",
        "kebencian",
        "pelecehan",
        "pornografi",
        "radikalisme",
        "rahasia",
        "privasi",
        "lokasi",
        "pemborosan",
        "judi",
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.split_whitespace().nth(1) == Some(category)),
            "no rule for {category}:\n{stdout}"
        );
    }
}

#[test]
fn a_broken_rule_file_names_file_rule_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("lokal.toml"),
        r#"
[[rule]]
id = "judi.contoh-rusak"
category = "judi"
severity = "sangat-tinggi"
title = { id = "Contoh" }
description = { id = "Contoh" }
guideline = "x"
regulation = "y"
action = { id = "z" }
phrases = ["togel"]
[rule.examples]
match = ["togel"]
no_match = ["halo"]
"#,
    )
    .unwrap();
    let output = jejak()
        .args(["rules", "test", "--rules"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("lokal.toml:3"), "{stderr}");
    assert!(stderr.contains("judi.contoh-rusak"), "{stderr}");
    assert!(stderr.contains("sangat-tinggi"), "{stderr}");
}

/// A rule with `pattern`, in a rule folder of its own; returns exit code and stderr of
/// `jejak rules test` on it.
fn rules_test_with_pattern(pattern: &str) -> (Option<i32>, String) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("lokal.toml"),
        format!(
            r#"
[[rule]]
id = "judi.pola-lokal"
category = "judi"
severity = "high"
title = {{ id = "Contoh" }}
description = {{ id = "Contoh" }}
guideline = "x"
regulation = "y"
action = {{ id = "z" }}
patterns = ['{pattern}']
[rule.examples]
match = ["togel"]
no_match = ["halo"]
"#
        ),
    )
    .unwrap();
    let output = jejak()
        .args(["rules", "test", "--rules"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr)
}

#[test]
fn a_pattern_that_does_not_parse_names_file_rule_and_pattern() {
    let (code, stderr) = rules_test_with_pattern(r"(?i)\btogel(");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("lokal.toml:3"), "{stderr}");
    assert!(stderr.contains("judi.pola-lokal"), "{stderr}");
    assert!(stderr.contains("invalid pattern"), "{stderr}");
}

/// A pattern that parses but is beyond the regex size limit only fails when compiled: the
/// engine reports it under the rule's name too.
#[test]
fn a_pattern_too_large_to_compile_names_file_and_rule() {
    let (code, stderr) = rules_test_with_pattern(r"\w{1000}{1000}");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("lokal.toml:3"), "{stderr}");
    assert!(stderr.contains("judi.pola-lokal"), "{stderr}");
    assert!(stderr.contains("cannot be compiled"), "{stderr}");
}

#[test]
fn invalid_toml_names_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("rusak.toml"),
        "[[rule]]\nid = \"a\"\ncategory = \n",
    )
    .unwrap();
    let output = jejak()
        .args(["rules", "list", "--rules"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("rusak.toml:3"), "{stderr}");
}

#[test]
fn an_extra_rule_folder_adds_rules_used_by_the_audit() {
    let tmp = tempfile::tempdir().unwrap();
    let rules = tmp.path().join("aturan");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("lokal.toml"),
        r#"
[[rule]]
id = "rahasia.kode-proyek-lokal"
category = "rahasia"
severity = "medium"
title = { id = "Kode proyek internal", en = "Internal project code" }
description = { id = "Kode proyek internal tidak untuk publik." }
guideline = "Jangan mengunggah konten informasi rahasia, baik pekerjaan, rahasia negara, atau informasi non-publik"
regulation = "UU 14/2008 KIP Pasal 17 huruf i"
action = { id = "Hapus unggahan." }
phrases = ["bubur ayam"]
[rule.examples]
match = ["makan bubur ayam"]
no_match = ["makan bubur kacang"]
"#,
    )
    .unwrap();
    let out = tmp.path().join("out");
    audit(
        &[
            example_archive().to_str().unwrap(),
            "--rules",
            rules.to_str().unwrap(),
        ],
        &out,
    );
    let findings = read_jsonl(&out.join("findings.jsonl"));
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "rahasia.kode-proyek-lokal"));
}

#[test]
fn explain_shows_the_regulation_and_examples() {
    let list = jejak().args(["rules", "list"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&list.stdout);
    let first = stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let output = jejak().args(["rules", "explain", &first]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("regulation:")
            && text.contains("matches:")
            && text.contains("does not match:"),
        "{text}"
    );
    jejak()
        .args(["rules", "explain", "tidak.ada"])
        .assert()
        .code(2);
}

#[test]
fn the_documented_regional_rules_folder_loads_and_its_examples_pass() {
    let output = jejak()
        .args(["rules", "test", "--rules"])
        .arg(repo().join("examples/rules-pilkada"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    let list = jejak()
        .args(["rules", "list", "--rules"])
        .arg(repo().join("examples/rules-pilkada"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&list.stdout).contains("politik."),
        "the regional rules are listed"
    );
}

/// `jejak rules phrases | head` closes the pipe before every phrase is written: the command must
/// not panic, print nothing on stderr, and keep its own exit code. The reading end is closed
/// before the start, so every write fails.
#[test]
fn a_reader_that_stops_early_ends_the_listing_quietly_with_the_commands_own_exit_code() {
    let missing = tempfile::tempdir().unwrap().path().join("tidak-ada");
    let missing = missing.to_str().unwrap();
    for (args, code) in [
        (&["rules", "phrases"][..], 0),
        (&["rules", "list"], 0),
        (&["rules", "explain", "judi.promosi-slot"], 0),
        // An input that cannot be read is trouble even when nobody reads the listing.
        (&["inspect", missing], 2),
    ] {
        let (reading_end, writing_end) = std::io::pipe().unwrap();
        drop(reading_end);
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("jejak"))
            .args(args)
            .stdout(writing_end)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
