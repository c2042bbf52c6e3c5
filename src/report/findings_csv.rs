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
    csv: csv::Writer<W>,
}

impl<W: std::io::Write> Writer<W> {
    /// Starts the file: the byte-order mark and the header.
    pub fn new(mut out: W) -> Result<Writer<W>, csv::Error> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(COLUMNS)?;
        Ok(Writer { csv })
    }

    /// One row per finding.
    pub fn write(&mut self, findings: &[Finding]) -> Result<(), csv::Error> {
        for f in findings {
            let evidence = f
                .evidence
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ");
            let created = f.created_at.map(|d| d.to_rfc3339()).unwrap_or_default();
            self.csv.write_record([
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
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), csv::Error> {
        Ok(self.csv.flush()?)
    }
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

    #[test]
    fn formulas_in_archive_text_are_defused() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("@user halo"), "'@user halo");
        assert_eq!(csv_safe("halo"), "halo");
    }
}
