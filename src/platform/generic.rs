//! Generic input: a `.csv` or `.jsonl` file with one item per row, for exports jejak has no
//! reader for and for inspectorates' own collections. An account per file.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, ItemKind, Platform, SourceRef};
use crate::platform::dates::parse_flexible_datetime;
use crate::platform::{FileStatus, FileUse, GenericColumns, PlatformReader, Reading};

pub struct GenericReader;

const ID_FALLBACKS: [&str; 1] = ["id"];
const TIME_FALLBACKS: [&str; 4] = ["created_at", "date", "time", "timestamp"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Jsonl,
}

fn format_of(path: &str) -> Option<Format> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        Some(Format::Csv)
    } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        Some(Format::Jsonl)
    } else {
        None
    }
}

impl PlatformReader for GenericReader {
    fn platform(&self) -> Platform {
        Platform::Generic
    }

    /// A lone CSV/JSONL file; a fallback that any platform reader outranks.
    fn recognise(&self, entries: &[Entry]) -> u32 {
        match entries {
            [only] if format_of(&only.path).is_some() => 10,
            _ => 0,
        }
    }

    fn read(&self, archive: &Archive, columns: &GenericColumns) -> Reading {
        let mut reading = Reading::default();
        let Some(entry) = archive.entries().first() else {
            return reading;
        };
        let shown = archive.describe(&entry.path);
        let Some(format) = format_of(&entry.path) else {
            reading
                .errors
                .push(InputError::new(shown, "is not a .csv or .jsonl file"));
            return reading;
        };
        let text = match archive.read_text(&entry.path) {
            Ok(text) => text,
            Err(e) => {
                reading.errors.push(e);
                reading.files.push(FileUse {
                    path: entry.path.clone(),
                    status: FileStatus::Failed,
                });
                return reading;
            }
        };
        let rows = match format {
            Format::Csv => csv_rows(&text),
            Format::Jsonl => Ok(jsonl_rows(&text)),
        };
        let rows = match rows {
            Ok(rows) => rows,
            Err(message) => {
                reading.errors.push(InputError::new(shown, message));
                reading.files.push(FileUse {
                    path: entry.path.clone(),
                    status: FileStatus::Failed,
                });
                return reading;
            }
        };
        let mut problems = Problems::default();
        let mut items = Vec::new();
        let Some(chosen) = choose_columns(&rows.columns, columns) else {
            reading.errors.push(InputError::new(
                shown,
                format!(
                    "has no column {:?} for the text (columns found: {}); name it with --text-column",
                    columns.text,
                    rows.columns.join(", ")
                ),
            ));
            reading.files.push(FileUse {
                path: entry.path.clone(),
                status: FileStatus::Failed,
            });
            return reading;
        };
        for row in rows.rows {
            match row {
                Row::Bad { line, reason } => problems.bad_row(line, reason),
                Row::Fields {
                    line,
                    position,
                    fields,
                } => {
                    let get = |name: &Option<String>| {
                        name.as_ref()
                            .and_then(|n| fields.get(n))
                            .map(|v| v.trim().to_string())
                    };
                    let id = get(&chosen.id)
                        .filter(|v| !v.is_empty())
                        .unwrap_or_else(|| position.to_string());
                    let mut item = Item::new(
                        Platform::Generic,
                        ItemKind::Post,
                        id,
                        SourceRef {
                            file: entry.path.clone(),
                            position,
                        },
                    );
                    item.text = fields.get(&chosen.text).cloned().unwrap_or_default();
                    if let Some(stamp) = get(&chosen.time).filter(|v| !v.is_empty()) {
                        match parse_flexible_datetime(&stamp) {
                            Some(when) => item.created_at = Some(when),
                            None => problems.bad_date(line, &stamp),
                        }
                    }
                    item.hashtags = hashtag_re()
                        .captures_iter(&item.text)
                        .map(|c| c[1].to_string())
                        .collect();
                    item.urls = url_re()
                        .find_iter(&item.text)
                        .map(|m| m.as_str().to_string())
                        .collect();
                    items.push(item);
                }
            }
        }
        problems.report(&shown, &mut reading.errors);
        reading.files.push(FileUse {
            path: entry.path.clone(),
            status: FileStatus::Read { items: items.len() },
        });
        reading.items = items;
        reading
    }
}

struct ChosenColumns {
    text: String,
    id: Option<String>,
    time: Option<String>,
}

fn choose_columns(found: &[String], asked: &GenericColumns) -> Option<ChosenColumns> {
    let has = |name: &str| found.iter().any(|c| c == name);
    if !has(&asked.text) {
        return None;
    }
    let fallback = |given: &Option<String>, names: &[&str]| match given {
        Some(name) => Some(name.clone()),
        None => names.iter().find(|n| has(n)).map(|n| (*n).to_string()),
    };
    Some(ChosenColumns {
        text: asked.text.clone(),
        id: fallback(&asked.id, &ID_FALLBACKS),
        time: fallback(&asked.time, &TIME_FALLBACKS),
    })
}

enum Row {
    Fields {
        line: usize,
        position: usize,
        fields: BTreeMap<String, String>,
    },
    Bad {
        line: usize,
        reason: String,
    },
}

struct Rows {
    columns: Vec<String>,
    rows: Vec<Row>,
}

fn csv_rows(text: &str) -> Result<Rows, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| format!("has no readable header row ({e}); expected a CSV with column names"))?
        .iter()
        .map(|c| c.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let position = index + 1;
        match record {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(position + 1, |p| p.line() as usize);
                let fields = columns
                    .iter()
                    .cloned()
                    .zip(record.iter().map(str::to_string))
                    .collect();
                rows.push(Row::Fields {
                    line,
                    position,
                    fields,
                });
            }
            Err(e) => {
                let line = e.position().map_or(position + 1, |p| p.line() as usize);
                rows.push(Row::Bad {
                    line,
                    reason: e.to_string(),
                });
            }
        }
    }
    Ok(Rows { columns, rows })
}

fn jsonl_rows(text: &str) -> Rows {
    let mut columns: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut position = 0;
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(map)) => {
                position += 1;
                let mut fields = BTreeMap::new();
                for (key, value) in map {
                    let text = match value {
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Null => String::new(),
                        other => other.to_string(),
                    };
                    if !columns.contains(&key) {
                        columns.push(key.clone());
                    }
                    fields.insert(key, text);
                }
                rows.push(Row::Fields {
                    line: line_no,
                    position,
                    fields,
                });
            }
            Ok(_) => rows.push(Row::Bad {
                line: line_no,
                reason: "expected a JSON object".into(),
            }),
            Err(e) => rows.push(Row::Bad {
                line: line_no,
                reason: format!("invalid JSON: {e}"),
            }),
        }
    }
    Rows { columns, rows }
}

/// Collects row problems so a file gets one error that says how many and where the first is.
#[derive(Default)]
struct Problems {
    bad_rows: usize,
    first_bad: Option<(usize, String)>,
    bad_dates: usize,
    first_date: Option<(usize, String)>,
}

impl Problems {
    fn bad_row(&mut self, line: usize, reason: String) {
        self.bad_rows += 1;
        self.first_bad.get_or_insert((line, reason));
    }

    fn bad_date(&mut self, line: usize, value: &str) {
        self.bad_dates += 1;
        self.first_date.get_or_insert((line, value.to_string()));
    }

    fn report(self, shown: &str, errors: &mut Vec<InputError>) {
        if let Some((line, reason)) = self.first_bad {
            errors.push(InputError::new(
                shown,
                format!(
                    "{} rows could not be read and were skipped (first at line {line}: {reason})",
                    self.bad_rows
                ),
            ));
        }
        if let Some((line, value)) = self.first_date {
            errors.push(InputError::new(
                shown,
                format!(
                    "{} dates could not be read; those items are audited without a date (first at line {line}: {value:?}; expected e.g. 2024-03-02 09:00:00 or RFC 3339)",
                    self.bad_dates
                ),
            ));
        }
    }
}

fn hashtag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"#(\w+)").expect("hashtag pattern is valid"))
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"https?://\S+").expect("URL pattern is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Limits;

    fn read(name: &str, contents: &str, columns: GenericColumns) -> Reading {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        let archive = Archive::open(&path, Limits::default()).unwrap();
        assert_eq!(GenericReader.recognise(archive.entries()), 10);
        GenericReader.read(&archive, &columns)
    }

    #[test]
    fn csv_with_bom_multiline_field_and_custom_columns() {
        let csv = "\u{feff}nomor,isi,waktu\nx1,\"baris satu\nbaris dua #Tagar\",2024-03-01 08:00:00\nx2,halo https://contoh.id/a,\n";
        let columns = GenericColumns {
            text: "isi".into(),
            id: Some("nomor".into()),
            time: Some("waktu".into()),
        };
        let reading = read("data.csv", csv, columns);
        assert!(reading.errors.is_empty(), "{:?}", reading.errors);
        assert_eq!(reading.items.len(), 2);
        let first = &reading.items[0];
        assert_eq!(
            (first.id.as_str(), first.text.as_str()),
            ("x1", "baris satu\nbaris dua #Tagar")
        );
        assert_eq!(
            first.created_at.unwrap().to_rfc3339(),
            "2024-03-01T08:00:00+07:00"
        );
        assert_eq!(first.hashtags, ["Tagar"]);
        assert_eq!(first.source.position, 1);
        assert_eq!(reading.items[1].urls, ["https://contoh.id/a"]);
        assert_eq!(reading.items[1].created_at, None);
        assert_eq!(reading.files[0].status, FileStatus::Read { items: 2 });
    }

    #[test]
    fn missing_text_column_names_what_was_found() {
        let reading = read("data.csv", "id,body\n1,halo\n", GenericColumns::default());
        assert!(reading.items.is_empty());
        let message = &reading.errors[0].message;
        assert!(
            message.contains("\"text\"") && message.contains("id, body"),
            "{message}"
        );
    }

    #[test]
    fn jsonl_skips_bad_lines_with_one_summary_error_and_uses_row_numbers_without_ids() {
        let jsonl = "{\"text\": \"satu\", \"date\": \"2024-01-02\"}\n\nbukan json\n{\"text\": \"dua\", \"date\": \"besok\"}\n[1]\n";
        let reading = read("posts.jsonl", jsonl, GenericColumns::default());
        let ids: Vec<&str> = reading.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(reading.errors.len(), 2, "{:?}", reading.errors);
        assert!(
            reading.errors[0]
                .message
                .starts_with("2 rows could not be read")
                && reading.errors[0].message.contains("line 3")
        );
        assert!(reading.errors[1].message.contains("\"besok\""));
        assert_eq!(reading.items[1].created_at, None);
    }

    #[test]
    fn a_row_with_the_wrong_field_count_is_skipped_and_counted() {
        let reading = read(
            "data.csv",
            "id,text\n1,halo\n2,a,b\n3,oke\n",
            GenericColumns::default(),
        );
        assert_eq!(reading.items.len(), 2);
        assert!(
            reading.errors[0]
                .message
                .contains("1 rows could not be read"),
            "{:?}",
            reading.errors
        );
    }
}
