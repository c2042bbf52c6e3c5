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

/// A rule file of one rule, `id` and `severity` as given, triggered by `trigger` (a TOML line).
/// It starts with an empty line: the rule's `[[rule]]` is on line 2, its id on line 3.
fn local_rule(id: &str, severity: &str, trigger: &str) -> String {
    format!(
        r#"
[[rule]]
id = "{id}"
category = "judi"
severity = "{severity}"
title = {{ id = "Contoh" }}
description = {{ id = "Contoh" }}
guideline = "x"
regulation = "y"
action = {{ id = "z" }}
{trigger}
[rule.examples]
match = ["togel"]
no_match = ["halo"]
"#
    )
}

/// `jejak rules test` on a rule folder holding `lokal.toml`: exit code and stderr.
fn rules_test_on(rule_file: &str) -> (Option<i32>, String) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("lokal.toml"), rule_file).unwrap();
    let output = jejak()
        .args(["rules", "test", "--rules"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr)
}

#[test]
fn a_broken_rule_file_names_file_rule_and_line() {
    let (code, stderr) = rules_test_on(&local_rule(
        "judi.contoh-rusak",
        "sangat-tinggi",
        r#"phrases = ["togel"]"#,
    ));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("lokal.toml:3"), "{stderr}");
    assert!(stderr.contains("judi.contoh-rusak"), "{stderr}");
    assert!(stderr.contains("sangat-tinggi"), "{stderr}");
}

/// A pattern that does not parse is stopped by the loader; one that parses but is beyond the
/// regex size limit only fails when compiled, and the engine names the rule too.
#[test]
fn a_bad_pattern_names_file_rule_and_what_is_wrong() {
    for (pattern, problem) in [
        (r"(?i)\btogel(", "invalid pattern"),
        (r"\w{1000}{1000}", "cannot be compiled"),
    ] {
        let trigger = format!("patterns = ['{pattern}']");
        let (code, stderr) = rules_test_on(&local_rule("judi.pola-lokal", "high", &trigger));
        assert_eq!(code, Some(2), "{stderr}");
        for expected in ["lokal.toml:3", "judi.pola-lokal", problem] {
            assert!(stderr.contains(expected), "{pattern}: {stderr}");
        }
    }
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
