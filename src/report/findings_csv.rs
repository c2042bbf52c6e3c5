//! `findings.csv`: the same rows as `findings.jsonl`, for spreadsheets. UTF-8 with a byte-order
//! mark so Excel shows Indonesian text and emoji correctly.

use crate::model::Finding;

pub const COLUMNS: [&str; 16] = [
    "account",
    "platform",
    "item_id",
    "kind",
    "created_at",
    "category",
    "rule",
    "severity",
    "title",
    "evidence",
    "election",
    "phase",
    "text",
    "url",
    "source",
    "fingerprint",
];

/// The CSV file being written, account by account.
pub struct Writer<W: std::io::Write> {
    out: W,
}

impl<W: std::io::Write> Writer<W> {
    /// Starts the file: the byte-order mark and the header.
    pub fn new(mut out: W) -> Result<Writer<W>, csv::Error> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut header = csv::Writer::from_writer(Vec::new());
        header.write_record(COLUMNS)?;
        out.write_all(&into_bytes(header)?)?;
        Ok(Writer { out })
    }

    /// Rows made by [`rows`], in the order given.
    pub fn write_rows(&mut self, rows: &[u8]) -> Result<(), csv::Error> {
        Ok(self.out.write_all(rows)?)
    }

    pub fn finish(mut self) -> Result<(), csv::Error> {
        Ok(self.out.flush()?)
    }
}

/// One row per finding, as the bytes of the file.
pub fn rows(findings: &[Finding]) -> Result<Vec<u8>, csv::Error> {
    super::bytes_on_every_core(findings, rows_on_one_core)
}

fn rows_on_one_core(findings: &[Finding]) -> Result<Vec<u8>, csv::Error> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    for f in findings {
        let evidence = f
            .evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        let created = f.created_at.map(|d| d.to_rfc3339()).unwrap_or_default();
        csv.write_record([
            f.account.as_str(),
            f.platform.as_str(),
            &f.item_id,
            f.kind.as_str(),
            &created,
            f.category.as_str(),
            &f.rule,
            f.severity.as_str(),
            &f.title,
            &evidence,
            f.election.as_deref().unwrap_or(""),
            f.phase.as_deref().unwrap_or(""),
            &csv_safe(&f.text),
            f.url.as_deref().unwrap_or(""),
            &f.source,
            &f.fingerprint,
        ])?;
    }
    into_bytes(csv)
}

fn into_bytes(csv: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, csv::Error> {
    csv.into_inner().map_err(|e| e.into_error().into())
}

/// A cell starting with `=`, `+`, `-` or `@` is a formula to a spreadsheet; archive text must
/// never run as one, so it is prefixed with an apostrophe.
fn csv_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Severity;

    #[test]
    fn rows_made_on_every_core_are_the_rows_of_each_finding_in_order() {
        let findings = Finding::numbered(super::super::FINDINGS_PER_CHUNK * 2 + 7, Severity::High);
        let one_at_a_time: Vec<u8> = findings
            .iter()
            .flat_map(|f| rows_on_one_core(std::slice::from_ref(f)).unwrap())
            .collect();
        assert_eq!(rows(&findings).unwrap(), one_at_a_time);

        let mut file = Writer::new(Vec::new()).unwrap();
        file.write_rows(&rows(&findings).unwrap()).unwrap();
        let bytes = file.out;
        let mut reader = csv::Reader::from_reader(&bytes["\u{feff}".len()..]);
        assert_eq!(
            reader.headers().unwrap(),
            &csv::StringRecord::from(&COLUMNS[..])
        );
        let ids: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[2].to_string())
            .collect();
        let expected: Vec<String> = (0..findings.len()).map(|n| n.to_string()).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn formulas_in_archive_text_are_defused() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("@user halo"), "'@user halo");
        assert_eq!(csv_safe("halo"), "halo");
    }
}
