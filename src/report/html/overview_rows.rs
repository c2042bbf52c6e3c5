//! The overview's two table rows per account, kept on disk from the moment each account is
//! rendered until the overview page is written: the overview of thousands of accounts holds
//! only each account's sort keys in memory, not its rows.

use std::io::Write;
use std::path::Path;

use crate::store::{SpillFile, Stretch};

use super::IndexRow;

/// Where the rendered overview page takes the rows. HTML comments cannot come from archive
/// text (it is escaped), so only the template can hold these.
pub(super) const OVERVIEW_MARKER: &str = "<!--jejak:overview-rows-->";
pub(super) const COVERAGE_MARKER: &str = "<!--jejak:coverage-rows-->";

struct Entry {
    rank: u8,
    high: u64,
    findings: u64,
    name: String,
    overview: Stretch,
    coverage: Stretch,
}

pub(super) struct OverviewRows {
    file: SpillFile,
    entries: Vec<Entry>,
}

impl OverviewRows {
    pub(super) fn create_in(dir: &Path) -> std::io::Result<OverviewRows> {
        Ok(OverviewRows {
            file: SpillFile::create_in(dir)?,
            entries: Vec::new(),
        })
    }

    pub(super) fn push(&mut self, row: IndexRow) -> std::io::Result<()> {
        let overview = self.file.append(row.overview.as_bytes())?;
        let coverage = self.file.append(row.coverage.as_bytes())?;
        self.entries.push(Entry {
            rank: severity_rank(row.worst),
            high: row.high,
            findings: row.findings,
            name: row.name,
            overview,
            coverage,
        });
        Ok(())
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The inspector sees the most serious accounts first.
    pub(super) fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            a.rank
                .cmp(&b.rank)
                .then_with(|| b.high.cmp(&a.high))
                .then_with(|| b.findings.cmp(&a.findings))
                .then_with(|| a.name.cmp(&b.name))
        });
    }

    /// Writes every account's row of one table, in the sorted order.
    pub(super) fn write_table(&self, coverage: bool, out: &mut impl Write) -> std::io::Result<()> {
        let mut row = Vec::new();
        for entry in &self.entries {
            let stretch = if coverage {
                entry.coverage
            } else {
                entry.overview
            };
            self.file.read_into(stretch, &mut row)?;
            out.write_all(&row)?;
        }
        Ok(())
    }
}

fn severity_rank(worst: &str) -> u8 {
    match worst {
        "high" => 0,
        "medium" => 1,
        "low" => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, worst: &'static str, high: u64, findings: u64) -> IndexRow {
        IndexRow {
            worst,
            high,
            findings,
            items: 1,
            name: name.into(),
            overview: format!("<tr>{name}</tr>"),
            coverage: format!("<tr>{name} cov</tr>"),
        }
    }

    #[test]
    fn rows_come_back_most_serious_first_in_both_tables() {
        let dir = tempfile::tempdir().unwrap();
        let mut rows = OverviewRows::create_in(dir.path()).unwrap();
        rows.push(row("clean", "none", 0, 0)).unwrap();
        rows.push(row("b", "high", 1, 5)).unwrap();
        rows.push(row("a", "high", 1, 5)).unwrap();
        rows.push(row("more", "high", 3, 3)).unwrap();
        rows.push(row("low", "low", 0, 9)).unwrap();
        rows.sort();
        let (mut overview, mut coverage) = (Vec::new(), Vec::new());
        rows.write_table(false, &mut overview).unwrap();
        rows.write_table(true, &mut coverage).unwrap();
        assert_eq!(
            String::from_utf8(overview).unwrap(),
            "<tr>more</tr><tr>a</tr><tr>b</tr><tr>low</tr><tr>clean</tr>"
        );
        assert_eq!(
            String::from_utf8(coverage).unwrap(),
            "<tr>more cov</tr><tr>a cov</tr><tr>b cov</tr><tr>low cov</tr><tr>clean cov</tr>"
        );
        // The rows wait in a file without a name.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
