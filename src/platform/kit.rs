//! Plumbing shared by the readers of the simpler exports (TikTok, Telegram, LinkedIn, YouTube,
//! Reddit): a status for every entry, one error per troubled file, CSV tables found by their
//! header names, UTC dates and the links, hashtags and mentions written in plain text.

use std::fmt::Display;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use regex::Regex;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, SourceRef};
use crate::platform::{dates, FileStatus, FileUse, Reading};

pub use crate::platform::problems::Problems;

/// One reading in progress: every entry ends with a status, unknown ones as ignored.
pub struct Run<'a> {
    pub archive: &'a Archive,
    status: Vec<Option<FileStatus>>,
    pub reading: Reading,
}

impl<'a> Run<'a> {
    pub fn new(archive: &'a Archive) -> Run<'a> {
        Run {
            archive,
            status: vec![None; archive.entries().len()],
            reading: Reading::default(),
        }
    }

    pub fn entries(&self) -> &'a [Entry] {
        self.archive.entries()
    }

    pub fn set(&mut self, index: usize, status: FileStatus) {
        self.status[index] = Some(status);
    }

    pub fn ignore(&mut self, index: usize, reason: impl Into<String>) {
        self.set(
            index,
            FileStatus::Ignored {
                reason: reason.into(),
            },
        );
    }

    /// The entry's text, or `None` with the error recorded and the entry marked failed.
    pub fn text(&mut self, index: usize) -> Option<String> {
        let path = &self.entries()[index].path;
        match self.archive.read_text(path) {
            Ok(text) => Some(text),
            Err(error) => {
                self.reading.errors.push(error);
                self.set(index, FileStatus::Failed);
                None
            }
        }
    }

    /// The file is not the expected shape at all: one error, the entry failed.
    pub fn fail(&mut self, index: usize, message: impl Display, expected: &str) {
        let shown = self.archive.describe(&self.entries()[index].path);
        self.reading.errors.push(InputError::new(
            shown,
            format!("{message}; expected {expected}"),
        ));
        self.set(index, FileStatus::Failed);
    }

    /// The items of one file, with what went wrong in it; `found` is how many it holds.
    pub fn done(&mut self, index: usize, items: Vec<Item>, found: usize, problems: Problems) {
        let shown = self.archive.describe(&self.entries()[index].path);
        self.reading
            .errors
            .extend(problems.into_error(&shown, found));
        self.set(index, FileStatus::Read { items: items.len() });
        self.reading.items.extend(items);
    }

    /// Counts things read but not audited (others' messages, deleted posts).
    pub fn exclude(&mut self, reason: &str, count: u64) {
        if count > 0 {
            *self.reading.excluded.entry(reason.to_owned()).or_insert(0) += count;
        }
    }

    pub fn finish(self) -> Reading {
        let mut reading = self.reading;
        reading.files = self
            .archive
            .entries()
            .iter()
            .zip(self.status)
            .map(|(entry, status)| FileUse {
                path: entry.path.clone(),
                status: status.unwrap_or_else(|| FileStatus::Ignored {
                    reason: "unknown file".into(),
                }),
            })
            .collect();
        reading
    }
}

pub fn source(file: &str, position: usize) -> SourceRef {
    SourceRef {
        file: file.to_owned(),
        position,
    }
}

/// A file name folded for matching: lower case, accents kept (localised names are listed).
pub fn lower_name(entry: &Entry) -> String {
    entry.file_name().to_lowercase()
}

/// A date written without an offset by a platform that writes UTC (`2024-11-24 08:53:18`);
/// anything with an offset, a unix time or a date alone goes through the flexible parser.
pub fn parse_utc(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    for format in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
            return Some(Utc.from_utc_datetime(&naive).fixed_offset());
        }
    }
    dates::parse_flexible_datetime(s)
}

/// Unix seconds as an instant in UTC.
pub fn from_unix(s: &str) -> Option<DateTime<FixedOffset>> {
    let n: i64 = s.trim().parse().ok()?;
    DateTime::from_timestamp(n, 0).map(|d| d.fixed_offset())
}

/// Placeholders exports write for "nothing": `N/A`, `None`, `null`, blanks.
pub fn meaningful(s: &str) -> Option<&str> {
    let t = s.trim();
    match t {
        "" | "N/A" | "n/a" | "None" | "null" | "NULL" | "-" => None,
        _ => Some(t),
    }
}

/// Links, hashtags and mentions written in plain text (exports without entity lists).
/// The non-empty parts as paragraphs: a title and a body, a headline and a summary.
pub fn paragraphs(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub fn entities(text: &str, item: &mut Item) {
    static URL: OnceLock<Regex> = OnceLock::new();
    static TAG: OnceLock<Regex> = OnceLock::new();
    static MENTION: OnceLock<Regex> = OnceLock::new();
    let url = URL.get_or_init(|| Regex::new(r"https?://[^\s<>()\[\]]+").expect("valid regex"));
    let tag = TAG.get_or_init(|| Regex::new(r"(?:^|[^\w&/#])#(\w+)").expect("valid regex"));
    let mention =
        MENTION.get_or_init(|| Regex::new(r"(?:^|[^\w/@.])@(\w[\w.]*\w|\w)").expect("valid regex"));
    for m in url.find_iter(text) {
        let u = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '\'']);
        push_unique(&mut item.urls, u);
    }
    for c in tag.captures_iter(text) {
        if c[1].chars().any(|ch| !ch.is_ascii_digit()) {
            push_unique(&mut item.hashtags, &c[1]);
        }
    }
    for c in mention.captures_iter(text) {
        push_unique(&mut item.mentions, &c[1]);
    }
}

pub fn push_unique(list: &mut Vec<String>, value: &str) {
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// A CSV file whose columns are found by name (any of several spellings or languages).
pub struct Table {
    header: Vec<String>,
    /// (1-based data row, record); unreadable rows are reported in `problems`.
    pub rows: Vec<(usize, csv::StringRecord)>,
    /// Rows that could not be parsed (already reported).
    pub skipped: usize,
}

impl Table {
    /// Parses `text`, starting at the first line that names one of `anchors` (so preambles
    /// such as LinkedIn's "Notes:" lines are skipped). Blank lines are not rows.
    pub fn parse(text: &str, anchors: &[&str], problems: &mut Problems) -> Result<Table, String> {
        Table::parse_with(text, anchors, None, problems)
    }

    /// As `parse`, for files that escape quotes with `escape` (LinkedIn writes `\"`) as well
    /// as by doubling them.
    pub fn parse_with(
        text: &str,
        anchors: &[&str],
        escape: Option<u8>,
        problems: &mut Problems,
    ) -> Result<Table, String> {
        let start = header_offset(text, anchors).ok_or_else(|| {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            format!(
                "has no header row naming {} (first line: {:?})",
                anchors.join(" or "),
                first.chars().take(80).collect::<String>()
            )
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .escape(escape)
            .from_reader(&text.as_bytes()[start..]);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| format!("has a header row that cannot be read ({e})"))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        let mut rows = Vec::new();
        let mut position = 0;
        let mut skipped = 0;
        for record in reader.records() {
            match record {
                Ok(record) if record.iter().all(|f| f.trim().is_empty()) => {}
                Ok(record) => {
                    position += 1;
                    rows.push((position, record));
                }
                Err(e) => {
                    position += 1;
                    skipped += 1;
                    problems.skip(position, format!("unreadable CSV row ({e})"));
                }
            }
        }
        Ok(Table {
            header,
            rows,
            skipped,
        })
    }

    /// The index of the first column named like one of `names` (case-insensitive).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|name| {
            self.header.iter().position(|h| {
                h.eq_ignore_ascii_case(name) || h.to_lowercase() == name.to_lowercase()
            })
        })
    }

    pub fn width(&self) -> usize {
        self.header.len()
    }

    pub fn header_name(&self, index: usize) -> Option<&str> {
        self.header.get(index).map(String::as_str)
    }

    pub fn get(record: &csv::StringRecord, column: Option<usize>) -> &str {
        column.and_then(|c| record.get(c)).unwrap_or("").trim()
    }
}

fn header_offset(text: &str, anchors: &[&str]) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let fields: Vec<String> = line
            .trim_end_matches(['\r', '\n'])
            .split(',')
            .map(|f| f.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        if anchors
            .iter()
            .any(|a| fields.iter().any(|f| *f == a.to_lowercase()))
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Platform};

    #[test]
    fn utc_dates_and_placeholders() {
        assert_eq!(
            parse_utc("2024-11-24 08:53:18").unwrap().to_rfc3339(),
            "2024-11-24T08:53:18+00:00"
        );
        assert_eq!(
            parse_utc("2023-01-15 12:34:56 UTC").unwrap().to_rfc3339(),
            "2023-01-15T12:34:56+00:00"
        );
        assert_eq!(
            from_unix("1652135033").unwrap().to_rfc3339(),
            "2022-05-09T22:23:53+00:00"
        );
        assert!(parse_utc("N/A").is_none());
        assert_eq!(meaningful(" N/A "), None);
        assert_eq!(meaningful(" ya "), Some("ya"));
    }

    #[test]
    fn entities_from_plain_text() {
        let mut item = Item::new(Platform::Reddit, ItemKind::Post, "1", source("f", 1));
        entities(
            "Ayo #Pemilu2024 bareng @budi.santoso, lihat https://contoh.id/a. Nomor #1 &#39; email a@b.id",
            &mut item,
        );
        assert_eq!(item.hashtags, ["Pemilu2024"]);
        assert_eq!(item.mentions, ["budi.santoso"]);
        assert_eq!(item.urls, ["https://contoh.id/a"]);
    }

    #[test]
    fn table_skips_a_preamble_and_blank_lines() {
        let text = "Notes:\n\"Catatan, dengan koma\"\n\nFirst Name,Last Name,URL\nSiti,Aminah,https://x\n\n,,\nBudi,,\n";
        let mut problems = Problems::default();
        let table = Table::parse(text, &["First Name"], &mut problems).unwrap();
        assert_eq!(table.rows.len(), 2);
        let c = table.column(&["url"]);
        assert_eq!(Table::get(&table.rows[0].1, c), "https://x");
        assert_eq!(Table::get(&table.rows[1].1, c), "");
        assert!(Table::parse("a,b\n1,2\n", &["Date"], &mut problems).is_err());
    }
}
