//! `manifest.js` (`window.__THAR_CONFIG = { … }`): the account's names and, per data type, the
//! files X wrote and how many items each holds. Comparing those counts with what was read makes
//! a truncated or incomplete archive visible instead of silently smaller.

use std::collections::HashMap;

use serde::Deserialize;

use crate::archive::Entry;

use super::account::Names;
use super::js_wrapper::{excerpt, payload};
use super::lenient::{non_blank, JsonText};

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawManifest<'a> {
    #[serde(borrow)]
    user_info: Option<UserInfo<'a>>,
    #[serde(borrow)]
    data_types: Option<DataTypes<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct UserInfo<'a> {
    #[serde(borrow)]
    user_name: Option<JsonText<'a>>,
    #[serde(borrow)]
    display_name: Option<JsonText<'a>>,
}

/// The data types whose counts are checked; the others are not read.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct DataTypes<'a> {
    #[serde(borrow)]
    tweets: Option<DataType<'a>>,
    /// The name of the tweets type in archives from 2019–2020.
    #[serde(borrow)]
    tweet: Option<DataType<'a>>,
    #[serde(borrow)]
    like: Option<DataType<'a>>,
    #[serde(borrow)]
    following: Option<DataType<'a>>,
    #[serde(borrow)]
    note_tweet: Option<DataType<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DataType<'a> {
    #[serde(borrow)]
    files: Option<Vec<ManifestFile<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct ManifestFile<'a> {
    #[serde(borrow)]
    file_name: Option<JsonText<'a>>,
    #[serde(borrow)]
    count: Option<JsonText<'a>>,
}

/// One file the manifest lists, with the number of items X says it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub data_type: &'static str,
    pub file_name: String,
    pub count: u64,
}

#[derive(Debug, Default)]
pub struct Manifest {
    pub names: Names,
    pub expected: Vec<Expected>,
    /// Listed files whose count is not a number.
    pub unreadable_counts: Vec<String>,
}

/// Reads the manifest; `Err` when it is not the expected object.
pub fn read(text: &str) -> Result<Manifest, String> {
    let json = payload(text)?;
    let raw: RawManifest = serde_json::from_str(json).map_err(|e| {
        format!(
            "holds `{}`, which is not a manifest object ({e})",
            excerpt(json)
        )
    })?;
    let mut manifest = Manifest::default();
    if let Some(user) = &raw.user_info {
        manifest.names = Names::new(non_blank(&user.user_name), non_blank(&user.display_name));
    }
    let types = raw.data_types.unwrap_or_default();
    let checked = [
        ("tweets", types.tweets),
        ("tweets", types.tweet),
        ("like", types.like),
        ("following", types.following),
        ("noteTweet", types.note_tweet),
    ];
    for (data_type, listed) in checked {
        for file in listed.and_then(|t| t.files).into_iter().flatten() {
            let Some(file_name) = non_blank(&file.file_name) else {
                continue;
            };
            let count = non_blank(&file.count).unwrap_or("0");
            match count.parse::<u64>() {
                Ok(count) => manifest.expected.push(Expected {
                    data_type,
                    file_name: file_name.to_owned(),
                    count,
                }),
                Err(_) => manifest.unreadable_counts.push(format!(
                    "dataTypes.{data_type} gives `{count}` as the count of {file_name}, expected a number"
                )),
            }
        }
    }
    Ok(manifest)
}

/// Compares the manifest's counts with `found` (entry path → items found in that file) and
/// returns one message per file that holds fewer items than the manifest says, or is missing.
pub fn check(manifest: &Manifest, entries: &[Entry], found: &HashMap<&str, usize>) -> Vec<String> {
    let mut messages = manifest.unreadable_counts.clone();
    for expected in manifest.expected.iter().filter(|e| e.count > 0) {
        let Expected {
            data_type,
            file_name,
            count,
        } = expected;
        match locate(entries, file_name) {
            None => messages.push(format!(
                "dataTypes.{data_type} lists {count} items in {file_name}, but the archive has no such file; \
                 the archive looks incomplete"
            )),
            Some(entry) => {
                let read = found.get(entry.path.as_str()).copied().unwrap_or(0);
                if (read as u64) < *count {
                    messages.push(format!(
                        "dataTypes.{data_type} expects {count} items in {file_name}, but {read} were read from {}; \
                         the archive looks truncated",
                        entry.path
                    ));
                }
            }
        }
    }
    messages
}

/// The entry a manifest file name refers to: the same path, the same path under a wrapper
/// folder, or (for flattened copies) the only entry with the same file name.
fn locate<'e>(entries: &'e [Entry], file_name: &str) -> Option<&'e Entry> {
    let file_name = file_name.trim_start_matches("./");
    if let Some(entry) = entries.iter().find(|e| {
        e.path == file_name
            || e.path
                .strip_suffix(file_name)
                .is_some_and(|head| head.ends_with('/'))
    }) {
        return Some(entry);
    }
    let base = file_name.rsplit('/').next().unwrap_or(file_name);
    let mut same_name = entries.iter().filter(|e| e.file_name() == base);
    match (same_name.next(), same_name.next()) {
        (Some(entry), None) => Some(entry),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"window.__THAR_CONFIG = {
      "userInfo": {"accountId": "1", "userName": "budi_asn", "displayName": "Budi"},
      "archiveInfo": {"sizeBytes": "1000"},
      "dataTypes": {
        "account": {"files": [{"fileName": "data/account.js", "count": "1"}]},
        "tweets": {"mediaDirectory": "data/tweets_media", "files": [
          {"fileName": "data/tweets-part1.js", "globalName": "YTD.tweets.part1", "count": "3"},
          {"fileName": "data/tweets-part2.js", "count": "2"}]},
        "like": {"files": [{"fileName": "data/like.js", "count": 4}]},
        "following": {"files": [{"fileName": "data/following.js", "count": "0"}]},
        "noteTweet": {"files": [{"fileName": "data/note-tweet.js", "count": "banyak"}]},
        "tweetsMedia": {"mediaDirectory": "data/tweets_media"}
      }
    };"#;

    fn entry(path: &str) -> Entry {
        Entry {
            path: path.into(),
            size: 1,
        }
    }

    #[test]
    fn names_and_counts_are_read() {
        let m = read(MANIFEST).unwrap();
        assert_eq!(m.names.handle.as_deref(), Some("budi_asn"));
        assert_eq!(m.names.display_name.as_deref(), Some("Budi"));
        let listed: Vec<_> = m
            .expected
            .iter()
            .map(|e| (e.data_type, e.file_name.as_str(), e.count))
            .collect();
        assert_eq!(
            listed,
            [
                ("tweets", "data/tweets-part1.js", 3),
                ("tweets", "data/tweets-part2.js", 2),
                ("like", "data/like.js", 4),
                ("following", "data/following.js", 0),
            ]
        );
        assert_eq!(m.unreadable_counts.len(), 1);
        assert!(m.unreadable_counts[0].contains("`banyak`"));
    }

    #[test]
    fn mismatches_name_type_expected_and_read() {
        let m = read(MANIFEST).unwrap();
        let entries = [
            entry("arsip/data/tweets-part1.js"),
            entry("arsip/data/like.js"),
        ];
        let found = HashMap::from([("arsip/data/tweets-part1.js", 3), ("arsip/data/like.js", 2)]);
        let messages = check(&m, &entries, &found);
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].contains("noteTweet"));
        assert!(messages[1].contains("dataTypes.tweets lists 2 items in data/tweets-part2.js, but the archive has no such file"));
        assert!(
            messages[2].contains("dataTypes.like expects 4 items in data/like.js, but 2 were read")
        );
    }

    #[test]
    fn matching_counts_give_no_message_and_more_is_fine() {
        let m = read(MANIFEST.replace("banyak", "0").as_str()).unwrap();
        // A flattened copy: files at the top level.
        let entries = [
            entry("tweets-part1.js"),
            entry("tweets-part2.js"),
            entry("like.js"),
        ];
        let found = HashMap::from([
            ("tweets-part1.js", 3),
            ("tweets-part2.js", 5),
            ("like.js", 4),
        ]);
        assert!(check(&m, &entries, &found).is_empty());
    }

    #[test]
    fn a_manifest_that_is_not_an_object_fails() {
        assert!(read("window.__THAR_CONFIG = [1, 2]")
            .unwrap_err()
            .contains("not a manifest object"));
        assert!(read("window.__THAR_CONFIG = {\"dataTypes\": ").is_err());
    }
}
