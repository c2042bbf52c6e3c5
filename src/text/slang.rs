//! The slang and abbreviation table (`rules/lexicon/slang.tsv`), compiled into the binary.
//!
//! Format: one `slang<TAB>canonical` pair a line; `#` starts a comment line; blank lines are
//! ignored. Keys and values are normalised when the table is loaded (without slang, so there
//! is no chaining), which means `nggak` and `ngak` are the same key (repeated letters collapse)
//! and a value such as `maaf` is stored as `maf`, exactly as it appears in normalised text.
//! A key must normalise to one word; a value may be several words.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

const SOURCE: &str = include_str!("../../rules/lexicon/slang.tsv");

#[derive(Debug, Default)]
pub(crate) struct Slang {
    /// Looked up for every word of every text: a fast hash, as keys are not attacker-chosen
    /// (they come from the built-in table).
    map: FxHashMap<Box<str>, Box<str>>,
    /// Length in bytes of the longest key: longer words skip the lookup.
    max_key_len: usize,
}

/// One parsed line of the table, before normalisation (for the table's own tests).
#[cfg(test)]
pub(crate) fn raw_entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    SOURCE.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some(line.split_once('\t').unwrap_or((line, "")))
    })
}

impl Slang {
    /// Parses a table. `normalize_word` is the normaliser without slang.
    pub(crate) fn parse(source: &str, mut normalize_word: impl FnMut(&str) -> String) -> Self {
        let mut table = Slang::default();
        for line in source.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once('\t') else {
                continue;
            };
            let key = normalize_word(key);
            let value = normalize_word(value);
            if key.is_empty() || key.contains(' ') || value.is_empty() || key == value {
                continue;
            }
            table.max_key_len = table.max_key_len.max(key.len());
            table.map.insert(key.into(), value.into());
        }
        table
    }

    /// Length in bytes of the longest key.
    pub(crate) fn max_key_len(&self) -> usize {
        self.max_key_len
    }

    /// The canonical form of a normalised word, if the table has one.
    pub(crate) fn get(&self, word: &str) -> Option<&str> {
        if word.len() > self.max_key_len {
            return None;
        }
        self.map.get(word).map(|v| &**v)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map.iter().map(|(k, v)| (&**k, &**v))
    }
}

/// The built-in table, parsed on first use.
pub(crate) fn table() -> &'static Slang {
    static TABLE: OnceLock<Slang> = OnceLock::new();
    TABLE.get_or_init(|| Slang::parse(SOURCE, super::normalize::normalize_without_slang))
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize_without_slang;
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_line_is_a_valid_entry() {
        let mut seen: std::collections::HashMap<String, (String, &str)> = Default::default();
        let mut count = 0;
        for (key, value) in raw_entries() {
            count += 1;
            assert!(!value.is_empty(), "line without TAB or value: {key:?}");
            assert_eq!(key, key.trim(), "stray whitespace in key {key:?}");
            assert_eq!(value, value.trim(), "stray whitespace in value {value:?}");
            let k = normalize_without_slang(key);
            let v = normalize_without_slang(value);
            assert!(
                !k.is_empty() && !k.contains(' '),
                "key {key:?} does not normalise to one word: {k:?}"
            );
            assert_ne!(k, v, "entry {key:?} maps to itself");
            if let Some((prev_v, prev_key)) = seen.get(&k) {
                panic!("key {key:?} duplicates {prev_key:?} (both normalise to {k:?}; values {prev_v:?} / {v:?})");
            }
            seen.insert(k, (v, key));
        }
        assert_eq!(table().len(), count);
        assert!((150..=300).contains(&count), "table has {count} entries");
    }

    #[test]
    fn values_are_canonical_so_nothing_chains() {
        let keys: HashSet<&str> = table().iter().map(|(k, _)| k).collect();
        for (k, v) in table().iter() {
            for word in v.split(' ') {
                assert!(
                    !keys.contains(word),
                    "value of {k:?} contains {word:?}, which is itself a key"
                );
            }
        }
    }

    #[test]
    fn keys_are_collapsed_at_load_time() {
        let t = table();
        assert_eq!(t.get("yg"), Some("yang"));
        assert_eq!(t.get("ngak"), Some("tidak")); // from `nggak`
        assert_eq!(t.get("nggak"), None); // text never contains an uncollapsed word
        assert_eq!(t.get("bgt"), Some("banget"));
        assert_eq!(t.get("mksh"), Some("terima kasih"));
        assert_eq!(
            t.get("anjir"),
            None,
            "`anjir` is a mild exclamation, kept apart"
        );
        assert_eq!(t.get("kk"), None, "`KK` is the family card (privacy rules)");
        assert_eq!(t.get("pd"), None, "`PD` is a party abbreviation");
        assert_eq!(t.get("averyveryverylongwordnotinthetable"), None);
    }

    #[test]
    fn parser_skips_comments_blank_and_malformed_lines() {
        let src = "# comment\n\nyg\tyang\nno tab here\nGAAAK\ttidak\n  # indented comment\r\nx\t\n";
        let t = Slang::parse(src, normalize_without_slang);
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("gak"), Some("tidak"));
        assert_eq!(t.get("yg"), Some("yang"));
    }
}
