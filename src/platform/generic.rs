//! Generic CSV / JSONL reader: one item per row (CSV) or line (`.jsonl`, `.ndjson`), for
//! exports from tools jejak has no reader for, or spreadsheets people put together themselves.
//!
//! Columns come from [`GenericColumns`]: the text column (default `text`); the id column (else
//! `id` when present, else the row number); the date column (else the first of `created_at`,
//! `date`, `time`, `timestamp` present, else no dates). Dates are read by
//! [`parse_flexible_datetime`](super::dates::parse_flexible_datetime).
//!
//! Decisions:
//! - Every item is a `post` on platform `generic` with audience `unknown`: a spreadsheet says
//!   nothing about who could see a post.
//! - Column names match exactly first, then ignoring case and surrounding spaces (`Text`,
//!   ` created_at `), so hand-made headers still work.
//! - `SourceRef::position` is the data row number for CSV (1-based, header not counted; rows
//!   that could not be read still count, so numbers match the spreadsheet) and the line number
//!   for JSONL. Messages give physical line numbers.
//! - A missing text column is one error naming the file, the column asked for and the columns
//!   found; the file is `Failed` and gives no items. A named id or date column that is missing
//!   is reported too, but the file is still read (row-number ids, no dates).
//! - A row that cannot be read (a CSV record with the wrong number of fields, a line that is not
//!   a JSON object, a JSON line without the text field) is skipped; one error per file counts
//!   them and shows the first. A date that cannot be read leaves the item without a date, and
//!   is counted in a similar error.
//! - An empty id cell falls back to the row number. In JSONL, `null` counts as empty; arrays
//!   and objects in a used column make the line unreadable.
//! - Hashtags and mentions are stored without `#` / `@`; those inside a URL are not counted.
//!   Trailing sentence punctuation is cut off URLs.
//! - An empty file gives no items and no error.

use std::sync::OnceLock;

use regex::Regex;
use serde_json::{Map, Value};

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, ItemKind, Platform, SourceRef};
use crate::platform::dates::{self, parse_flexible_datetime};
use crate::platform::{FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

pub struct GenericReader;

/// Date columns tried in order when none is named.
const TIME_COLUMNS: [&str; 4] = ["created_at", "date", "time", "timestamp"];
/// The id column used when none is named.
const ID_COLUMN: &str = "id";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Jsonl,
}

fn format_of(path: &str) -> Option<Format> {
    let (_, ext) = path.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    }
}

impl PlatformReader for GenericReader {
    fn platform(&self) -> Platform {
        Platform::Generic
    }

    /// 10 for a lone `.csv`, `.jsonl` or `.ndjson` file, above X's score for a lone
    /// `tweets.csv` (5).
    fn recognise(&self, entries: &[Entry]) -> u32 {
        match entries {
            [only] if format_of(&only.path).is_some() => 10,
            _ => 0,
        }
    }

    fn read(&self, archive: &Archive, columns: &GenericColumns) -> Reading {
        let mut reading = Reading::default();
        for entry in archive.entries() {
            let status = match format_of(&entry.path) {
                Some(format) => read_file(archive, entry, format, columns, &mut reading),
                None => FileStatus::Ignored {
                    reason: "not a .csv, .jsonl or .ndjson file".into(),
                },
            };
            reading.files.push(FileUse {
                path: entry.path.clone(),
                status,
            });
        }
        reading
    }
}

fn read_file(
    archive: &Archive,
    entry: &Entry,
    format: Format,
    asked: &GenericColumns,
    reading: &mut Reading,
) -> FileStatus {
    let shown = archive.describe(&entry.path);
    let text = match archive.read_text(&entry.path) {
        Ok(text) => text,
        Err(e) => {
            reading.errors.push(e);
            return FileStatus::Failed;
        }
    };
    let mut file = FileRead::new(&entry.path);
    let outcome = match format {
        Format::Csv => read_csv(&text, asked, &mut file),
        Format::Jsonl => read_jsonl(&text, asked, &mut file),
    };
    match outcome {
        Ok(()) => {
            let items = file.items.len();
            reading.errors.extend(file.errors(&shown));
            reading.items.append(&mut file.items);
            FileStatus::Read { items }
        }
        Err(message) => {
            reading.errors.push(InputError::new(shown, message));
            FileStatus::Failed
        }
    }
}

/// The columns of one file, as they are actually named there.
struct Resolved {
    text: String,
    id: Option<String>,
    time: Option<String>,
    /// Named columns that are missing: reported, but the file is still read.
    warnings: Vec<String>,
}

/// Finds `name` among `found`: exactly, else ignoring case and surrounding spaces.
fn find_column<'f>(found: &'f [String], name: &str) -> Option<&'f String> {
    found.iter().find(|c| *c == name).or_else(|| {
        let name = name.trim();
        found.iter().find(|c| c.trim().eq_ignore_ascii_case(name))
    })
}

fn list_columns(found: &[String]) -> String {
    const SHOWN: usize = 30;
    if found.is_empty() {
        return "none".into();
    }
    let mut list = found
        .iter()
        .take(SHOWN)
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if found.len() > SHOWN {
        list.push_str(&format!(" and {} more", found.len() - SHOWN));
    }
    list
}

fn resolve(found: &[String], asked: &GenericColumns) -> Result<Resolved, String> {
    let Some(text) = find_column(found, &asked.text) else {
        return Err(format!(
            "has no column `{}` for the post text (columns found: {}); name the text column with --text-column",
            asked.text,
            list_columns(found)
        ));
    };
    let mut warnings = Vec::new();
    let id = match &asked.id {
        Some(name) => {
            let column = find_column(found, name);
            if column.is_none() {
                warnings.push(format!(
                    "has no column `{name}` for the item id (columns found: {}); items are numbered by row instead",
                    list_columns(found)
                ));
            }
            column
        }
        None => find_column(found, ID_COLUMN),
    };
    let time = match &asked.time {
        Some(name) => {
            let column = find_column(found, name);
            if column.is_none() {
                warnings.push(format!(
                    "has no column `{name}` for the date (columns found: {}); items have no date",
                    list_columns(found)
                ));
            }
            column
        }
        None => TIME_COLUMNS
            .iter()
            .find_map(|name| find_column(found, name)),
    };
    Ok(Resolved {
        text: text.clone(),
        id: id.cloned(),
        time: time.cloned(),
        warnings,
    })
}

/// Problems of one kind in one file: how many, and the first.
#[derive(Debug, Default)]
struct Tally {
    count: usize,
    first: Option<(u64, String)>,
}

impl Tally {
    fn add(&mut self, line: u64, reason: impl Into<String>) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((line, reason.into()));
        }
    }
}

/// What one file gave: items, and problems to report once.
struct FileRead<'a> {
    path: &'a str,
    items: Vec<Item>,
    warnings: Vec<String>,
    bad_rows: Tally,
    bad_dates: Tally,
}

impl<'a> FileRead<'a> {
    fn new(path: &'a str) -> FileRead<'a> {
        FileRead {
            path,
            items: Vec::new(),
            warnings: Vec::new(),
            bad_rows: Tally::default(),
            bad_dates: Tally::default(),
        }
    }

    /// Makes the item of one readable row.
    fn push(&mut self, row: Row, columns: &Resolved) {
        let id = match row.id {
            Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
            _ => row.position.to_string(),
        };
        let mut item = Item::new(
            Platform::Generic,
            ItemKind::Post,
            id,
            SourceRef {
                file: self.path.to_owned(),
                position: row.position,
            },
        );
        if let (Some(value), Some(column)) = (row.time, &columns.time) {
            if !value.trim().is_empty() {
                item.created_at = parse_flexible_datetime(&value);
                if item.created_at.is_none() {
                    self.bad_dates
                        .add(row.line, format!("`{value}` in column `{column}`"));
                }
            }
        }
        let entities = Entities::find(&row.text);
        item.urls = entities.urls;
        item.hashtags = entities.hashtags;
        item.mentions = entities.mentions;
        item.text = row.text;
        self.items.push(item);
    }

    fn errors(&self, shown: &str) -> Vec<InputError> {
        let mut errors: Vec<InputError> = self
            .warnings
            .iter()
            .map(|w| InputError::new(shown, w.clone()))
            .collect();
        if let Some((line, reason)) = &self.bad_rows.first {
            let n = self.bad_rows.count;
            let rows = if n == 1 { "row" } else { "rows" };
            errors.push(InputError::new(
                shown,
                format!("{n} {rows} could not be read (first at line {line}: {reason})"),
            ));
        }
        if let Some((line, reason)) = &self.bad_dates.first {
            let n = self.bad_dates.count;
            let dates = if n == 1 { "date" } else { "dates" };
            errors.push(InputError::new(
                shown,
                format!(
                    "{n} {dates} could not be read, the items are kept without a date (first at line {line}: {reason}; expected {})",
                    dates::EXPECTED
                ),
            ));
        }
        errors
    }
}

/// One readable row, its values already picked out.
struct Row {
    position: usize,
    line: u64,
    text: String,
    id: Option<String>,
    time: Option<String>,
}

fn read_csv(text: &str, asked: &GenericColumns, file: &mut FileRead) -> Result<(), String> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("has a header row that cannot be read ({e}); expected a CSV file"))?
        .iter()
        .map(str::to_owned)
        .collect();
    let columns = resolve(&header, asked)?;
    let index = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| header.iter().position(|h| h == n))
    };
    let text_index = index(&Some(columns.text.clone()));
    let (id_index, time_index) = (index(&columns.id), index(&columns.time));
    file.warnings.extend(columns.warnings.iter().cloned());

    let mut lines = LineCounter::new(text);
    for (index, record) in reader.records().enumerate() {
        let position = index + 1;
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                let get = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::to_owned);
                let row = Row {
                    position,
                    line,
                    text: get(text_index).unwrap_or_default(),
                    id: get(id_index),
                    time: get(time_index),
                };
                file.push(row, &columns);
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                file.bad_rows.add(line, csv_reason(&e));
            }
        }
    }
    Ok(())
}

/// Line numbers from byte offsets. The csv crate counts lines wrongly in CRLF files (a record
/// after `\r\n` is reported on the previous line, at the `\n`), so lines are counted here.
struct LineCounter<'t> {
    text: &'t [u8],
    /// Offset counted up to, and the line number there.
    at: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record the csv crate places at `byte`: line ends there are skipped to
    /// reach the record's first character. Offsets only grow while a file is read.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.at {
            // Not expected; count again from the top rather than give a wrong number.
            self.at = 0;
            self.line = 1;
        }
        let newlines = self.text[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.at = start;
        self.line
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            let fields = if *len == 1 { "field" } else { "fields" };
            format!("{len} {fields} where the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}

fn read_jsonl(text: &str, asked: &GenericColumns, file: &mut FileRead) -> Result<(), String> {
    let mut objects: Vec<(u64, Map<String, Value>)> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let number = index as u64 + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => {
                for key in map.keys() {
                    if !keys.contains(key) {
                        keys.push(key.clone());
                    }
                }
                objects.push((number, map));
            }
            Ok(other) => file.bad_rows.add(
                number,
                format!(
                    "expected a JSON object, found {}",
                    crate::platform::json::kind_of(&other)
                ),
            ),
            Err(e) => file.bad_rows.add(number, json_reason(&e)),
        }
    }
    if objects.is_empty() {
        return Ok(());
    }
    let columns = resolve(&keys, asked)?;
    file.warnings.extend(columns.warnings.iter().cloned());
    for (line, map) in objects {
        match json_row(&map, &columns, line) {
            Ok(row) => file.push(row, &columns),
            Err(reason) => file.bad_rows.add(line, reason),
        }
    }
    Ok(())
}

fn json_row(map: &Map<String, Value>, columns: &Resolved, line: u64) -> Result<Row, String> {
    let text = match lookup(map, &columns.text) {
        Some(value) => json_scalar(value, &columns.text)?.unwrap_or_default(),
        None => return Err(format!("no field `{}`", columns.text)),
    };
    let optional = |name: &Option<String>| -> Result<Option<String>, String> {
        match name.as_ref().and_then(|n| lookup(map, n).map(|v| (n, v))) {
            Some((n, value)) => json_scalar(value, n),
            None => Ok(None),
        }
    };
    Ok(Row {
        position: usize::try_from(line).unwrap_or(usize::MAX),
        line,
        text,
        id: optional(&columns.id)?,
        time: optional(&columns.time)?,
    })
}

/// A field by name: exactly, else ignoring case and surrounding spaces.
fn lookup<'m>(map: &'m Map<String, Value>, name: &str) -> Option<&'m Value> {
    map.get(name).or_else(|| {
        let name = name.trim();
        map.iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

fn json_scalar(value: &Value, name: &str) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(format!(
            "field `{name}` holds {}, expected a string or a number",
            crate::platform::json::kind_of(other)
        )),
    }
}

/// serde_json's message without its `at line 1 column N` (every line is line 1 to it).
fn json_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(head) => format!("invalid JSON at column {}: {head}", e.column()),
        None => format!("invalid JSON: {message}"),
    }
}

/// URLs, hashtags and mentions found in a text.
#[derive(Debug, Default, PartialEq)]
struct Entities {
    urls: Vec<String>,
    hashtags: Vec<String>,
    mentions: Vec<String>,
}

fn url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\bhttps?://\S+").expect("URL pattern compiles"))
}

fn hashtag_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}_&#/])#([\p{L}\p{N}_]+)").expect("hashtag pattern compiles")
    })
}

fn mention_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}_@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
            .expect("mention pattern compiles")
    })
}

/// Cuts sentence punctuation off the end of a URL, and closing brackets it did not open.
fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let before = url.len();
        url = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '…', '»', '”', '’']);
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
            if url.ends_with(close) && url.matches(open).count() < url.matches(close).count() {
                url = &url[..url.len() - close.len_utf8()];
            }
        }
        if url.len() == before {
            return url;
        }
    }
}

impl Entities {
    fn find(text: &str) -> Entities {
        let mut found = Entities::default();
        let mut spans = Vec::new();
        for m in url_regex().find_iter(text) {
            let url = trim_url(m.as_str());
            spans.push(m.start()..m.start() + url.len());
            found.urls.push(url.to_owned());
        }
        let outside_urls = |start: usize| !spans.iter().any(|s| s.contains(&start));
        for caps in hashtag_regex().captures_iter(text) {
            if let Some(tag) = caps.get(1) {
                // `#2024` is a number, not a hashtag.
                let has_letter = tag.as_str().chars().any(|c| !c.is_numeric());
                if has_letter && outside_urls(tag.start()) {
                    found.hashtags.push(tag.as_str().to_owned());
                }
            }
        }
        for caps in mention_regex().captures_iter(text) {
            if let Some(name) = caps.get(1) {
                if outside_urls(name.start()) {
                    found.mentions.push(name.as_str().to_owned());
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::archive::Limits;
    use crate::model::Audience;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/generic")
            .join(name)
    }

    fn read_path(path: &Path, columns: &GenericColumns) -> Reading {
        let archive = Archive::open(path, Limits::default()).unwrap();
        GenericReader.read(&archive, columns)
    }

    fn read(name: &str, columns: &GenericColumns) -> Reading {
        read_path(&fixture(name), columns)
    }

    fn ids(reading: &Reading) -> Vec<&str> {
        reading.items.iter().map(|i| i.id.as_str()).collect()
    }

    fn dates(reading: &Reading) -> Vec<Option<String>> {
        reading
            .items
            .iter()
            .map(|i| i.created_at.map(|d| d.to_rfc3339()))
            .collect()
    }

    fn positions(reading: &Reading) -> Vec<usize> {
        reading.items.iter().map(|i| i.source.position).collect()
    }

    fn messages(reading: &Reading) -> Vec<&str> {
        reading.errors.iter().map(|e| e.message.as_str()).collect()
    }

    fn entry(path: &str) -> Entry {
        Entry {
            path: path.into(),
            size: 1,
        }
    }

    #[test]
    fn recognises_a_lone_csv_or_jsonl_file() {
        let reader = GenericReader;
        assert_eq!(reader.recognise(&[entry("posts.csv")]), 10);
        assert_eq!(reader.recognise(&[entry("POSTS.JSONL")]), 10);
        assert_eq!(reader.recognise(&[entry("dump.ndjson")]), 10);
        assert_eq!(reader.recognise(&[entry("notes.txt")]), 0);
        assert_eq!(reader.recognise(&[entry("csv")]), 0);
        assert_eq!(reader.recognise(&[]), 0);
        assert_eq!(
            reader.recognise(&[entry("a.csv"), entry("b.csv")]),
            0,
            "a folder of files is not one generic input"
        );
        // A lone `tweets.csv` is scored 5 by the X reader: the generic reader wins.
        let detected = crate::platform::detect(&[entry("tweets.csv")]).unwrap();
        assert_eq!(detected.platform(), Platform::Generic);
    }

    #[test]
    fn csv_rows_become_posts() {
        let reading = read("posts.csv", &GenericColumns::default());
        assert_eq!(ids(&reading), ["101", "102", "103", "104", "6"]);
        assert_eq!(positions(&reading), [1, 2, 3, 4, 6]);
        assert_eq!(
            dates(&reading),
            [
                Some("2024-02-14T10:30:00+07:00".to_owned()),
                Some("2024-02-10T08:00:00+07:00".to_owned()),
                None,
                None,
                Some("2024-02-14T10:30:00+07:00".to_owned()),
            ]
        );
        let first = &reading.items[0];
        assert_eq!(
            first.text,
            "Selamat pagi #ASNBerAKHLAK https://example.go.id/berita."
        );
        assert_eq!(first.platform, Platform::Generic);
        assert_eq!(first.kind, ItemKind::Post);
        assert_eq!(first.audience, Audience::Unknown);
        assert_eq!(first.hashtags, ["ASNBerAKHLAK"]);
        assert_eq!(first.urls, ["https://example.go.id/berita"]);
        assert_eq!(first.source.file, "posts.csv");
        assert_eq!(first.source.to_string(), "posts.csv#1");
        let multi = &reading.items[1];
        assert_eq!(
            multi.text,
            "Baris pertama\nbaris kedua, dengan \"kutipan\" @bpbd_dki"
        );
        assert_eq!(multi.mentions, ["bpbd_dki"]);
        assert_eq!(
            reading.files,
            [FileUse {
                path: "posts.csv".into(),
                status: FileStatus::Read { items: 5 },
            }]
        );
        let shown = fixture("posts.csv").display().to_string();
        assert!(reading.errors.iter().all(|e| e.file == shown));
        assert_eq!(reading.errors.len(), 2, "{:?}", reading.errors);
        assert_eq!(
            reading.errors[0].message,
            "1 row could not be read (first at line 7: 5 fields where the header has 3)"
        );
        assert!(
            reading.errors[1].message.starts_with(
                "1 date could not be read, the items are kept without a date \
                 (first at line 5: `kemarin sore` in column `created_at`; expected a date like"
            ),
            "{}",
            reading.errors[1]
        );
    }

    #[test]
    fn named_columns_are_used() {
        let columns = GenericColumns {
            text: "Isi Postingan".into(),
            id: Some("No".into()),
            time: Some("Waktu Unggah".into()),
        };
        let reading = read("custom_columns.csv", &columns);
        assert_eq!(ids(&reading), ["1", "2"]);
        assert_eq!(
            reading
                .items
                .iter()
                .map(|i| i.text.as_str())
                .collect::<Vec<_>>(),
            ["Halo semua", "Kontak saya 0812-3456-7890"]
        );
        assert_eq!(
            dates(&reading),
            [None, Some("2024-02-14T09:00:00+07:00".to_owned())]
        );
        assert_eq!(reading.errors.len(), 1);
        assert!(reading.errors[0]
            .message
            .starts_with("1 date could not be read, the items are kept without a date (first at line 2: `14/02/2024` in column `Waktu Unggah`;"), "{}", reading.errors[0]);
    }

    #[test]
    fn column_names_match_ignoring_case_and_a_missing_id_column_is_reported() {
        let columns = GenericColumns {
            text: "isi postingan".into(),
            id: Some("nomor".into()),
            time: None,
        };
        let reading = read("custom_columns.csv", &columns);
        assert_eq!(ids(&reading), ["1", "2"]);
        assert_eq!(dates(&reading), [None, None], "no default date column here");
        assert_eq!(
            messages(&reading),
            [
                "has no column `nomor` for the item id (columns found: `No`, `Waktu Unggah`, \
              `Isi Postingan`, `Jenis`); items are numbered by row instead"
            ]
        );
    }

    #[test]
    fn a_missing_text_column_is_one_error_and_no_items() {
        let reading = read("custom_columns.csv", &GenericColumns::default());
        assert!(reading.items.is_empty());
        assert_eq!(
            reading.errors,
            [InputError::new(
                fixture("custom_columns.csv").display().to_string(),
                "has no column `text` for the post text (columns found: `No`, `Waktu Unggah`, \
                 `Isi Postingan`, `Jenis`); name the text column with --text-column"
            )]
        );
        assert_eq!(reading.files[0].status, FileStatus::Failed);

        let columns = GenericColumns {
            text: "isi".into(),
            ..GenericColumns::default()
        };
        let reading = read("posts.jsonl", &columns);
        assert!(reading.items.is_empty());
        assert_eq!(
            messages(&reading),
            [
                "has no column `isi` for the post text (columns found: `created_at`, `id`, \
              `text`, `judul`); name the text column with --text-column"
            ]
        );
    }

    #[test]
    fn jsonl_lines_become_posts_and_bad_lines_are_counted() {
        let reading = read("posts.jsonl", &GenericColumns::default());
        assert_eq!(ids(&reading), ["1760000000000000001", "3", "8"]);
        assert_eq!(positions(&reading), [1, 3, 8]);
        assert_eq!(
            reading
                .items
                .iter()
                .map(|i| i.text.as_str())
                .collect::<Vec<_>>(),
            [
                "Rapat koordinasi #Pemilu2024 bersama @kpu_ri",
                "42",
                "tanpa id"
            ]
        );
        assert_eq!(
            dates(&reading),
            [
                Some("2025-10-20T17:11:38+00:00".to_owned()),
                None,
                Some("2024-02-15T08:00:00+08:00".to_owned()),
            ]
        );
        assert_eq!(reading.items[0].hashtags, ["Pemilu2024"]);
        assert_eq!(reading.items[0].mentions, ["kpu_ri"]);
        assert_eq!(reading.items[2].source.to_string(), "posts.jsonl#8");
        assert_eq!(
            reading.files,
            [FileUse {
                path: "posts.jsonl".into(),
                status: FileStatus::Read { items: 3 },
            }]
        );
        assert_eq!(reading.errors.len(), 1, "{:?}", reading.errors);
        let message = &reading.errors[0].message;
        assert!(
            message
                .starts_with("4 rows could not be read (first at line 4: invalid JSON at column"),
            "{message}"
        );
        assert!(message.contains("EOF while parsing an object"), "{message}");
    }

    #[test]
    fn jsonl_problems_name_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        for (content, reason) in [
            ("[1, 2]\n", "expected a JSON object, found a list"),
            ("{\"judul\": 1}\n{\"text\": \"a\"}\n", "no field `text`"),
            (
                "{\"text\": {\"a\": 1}}\n{\"text\": \"a\"}\n",
                "field `text` holds an object, expected a string or a number",
            ),
            (
                "{\"text\": \"a\", \"id\": [1]}\n",
                "field `id` holds a list, expected a string or a number",
            ),
        ] {
            std::fs::write(&path, content).unwrap();
            let reading = read_path(&path, &GenericColumns::default());
            let expected = format!("1 row could not be read (first at line 1: {reason})");
            assert_eq!(messages(&reading), [expected.as_str()], "{content:?}");
        }
    }

    #[test]
    fn ndjson_with_unix_times_and_row_numbers_as_ids() {
        let reading = read("timestamps.ndjson", &GenericColumns::default());
        assert_eq!(ids(&reading), ["1", "2"]);
        assert_eq!(
            dates(&reading),
            [
                Some("2024-02-14T10:30:00+07:00".to_owned()),
                Some("2024-02-14T10:30:00.123+07:00".to_owned()),
            ]
        );
        assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    }

    #[test]
    fn empty_unreadable_and_header_only_files() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.csv");
        std::fs::write(&empty, "").unwrap();
        let reading = read_path(&empty, &GenericColumns::default());
        assert!(reading.items.is_empty() && reading.errors.is_empty());
        assert_eq!(reading.files[0].status, FileStatus::Read { items: 0 });

        let header_only = dir.path().join("header.csv");
        std::fs::write(&header_only, "id,text\n").unwrap();
        let reading = read_path(&header_only, &GenericColumns::default());
        assert!(reading.items.is_empty() && reading.errors.is_empty());

        let binary = dir.path().join("binary.csv");
        std::fs::write(&binary, b"text\n\xff\xfe\n").unwrap();
        let reading = read_path(&binary, &GenericColumns::default());
        assert!(reading.items.is_empty());
        assert_eq!(reading.files[0].status, FileStatus::Failed);
        assert!(
            reading.errors[0].message.contains("not UTF-8"),
            "{:?}",
            reading.errors
        );

        let blank = dir.path().join("blank.jsonl");
        std::fs::write(&blank, "\n\n  \n").unwrap();
        let reading = read_path(&blank, &GenericColumns::default());
        assert!(reading.items.is_empty() && reading.errors.is_empty());
    }

    #[test]
    fn a_csv_text_cell_may_be_empty_and_quoted_commas_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, "text,date\n,2024-01-01\n\"a, b\",\n").unwrap();
        let reading = read_path(&path, &GenericColumns::default());
        assert_eq!(
            reading
                .items
                .iter()
                .map(|i| i.text.as_str())
                .collect::<Vec<_>>(),
            ["", "a, b"]
        );
        assert_eq!(ids(&reading), ["1", "2"]);
        assert_eq!(
            dates(&reading),
            [Some("2024-01-01T00:00:00+07:00".to_owned()), None]
        );
        assert!(reading.errors.is_empty());
    }

    #[test]
    fn csv_lines_are_counted_in_crlf_files_and_after_multi_line_fields() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(
            &path,
            "text,date\r\n\"a\r\nb\",x\r\n\r\nc,2024-01-01\r\nd,y\r\ne\r\n",
        )
        .unwrap();
        let reading = read_path(&path, &GenericColumns::default());
        assert_eq!(ids(&reading), ["1", "2", "3"]);
        assert_eq!(reading.items[0].text, "a\r\nb");
        assert_eq!(
            messages(&reading)[0],
            "1 row could not be read (first at line 7: 1 field where the header has 2)"
        );
        assert!(
            messages(&reading)[1].starts_with(
                "2 dates could not be read, the items are kept without a date (first at line 2: `x`"
            ),
            "{:?}",
            reading.errors
        );
    }

    #[test]
    fn other_files_of_a_folder_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "text\nhalo\n").unwrap();
        std::fs::write(dir.path().join("readme.txt"), "x").unwrap();
        let reading = read_path(dir.path(), &GenericColumns::default());
        assert_eq!(reading.items.len(), 1);
        assert_eq!(reading.items[0].source.file, "a.csv");
        assert_eq!(
            reading.files[1],
            FileUse {
                path: "readme.txt".into(),
                status: FileStatus::Ignored {
                    reason: "not a .csv, .jsonl or .ndjson file".into()
                },
            }
        );
    }

    #[test]
    fn entities() {
        let e = Entities::find(
            "Lihat (https://example.go.id/a_(b)) dan https://x.com/#tag, #Pemilu2024 #2024 \
             C#dev &#39; .@budi_s surel budi@example.com @ig.user.",
        );
        assert_eq!(
            e.urls,
            ["https://example.go.id/a_(b)", "https://x.com/#tag"]
        );
        assert_eq!(e.hashtags, ["Pemilu2024"]);
        assert_eq!(e.mentions, ["budi_s", "ig.user"]);
        assert_eq!(Entities::find(""), Entities::default());
        assert_eq!(Entities::find("#a#b").hashtags, ["a"]);
    }
}
