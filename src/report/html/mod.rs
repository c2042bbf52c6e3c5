//! The HTML report: an overview page and one page per account, rendered through the tera
//! templates in `templates/`. Archive text reaches the templates only as plain strings, so
//! the templates' autoescaping covers every byte of it; highlighting is done by splitting the
//! text into marked and unmarked segments, never by building HTML here.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::model::{Category, Finding, Severity};
use crate::parallel::collect_in_order;
use crate::report::files::{create_private, create_private_dir, write_private};
use crate::report::i18n;
use crate::report::{AccountSummary, Lang, ReportInput};

mod account_page;
mod cards;
mod overview_rows;

use overview_rows::{OverviewRows, COVERAGE_MARKER, OVERVIEW_MARKER};

const BASE: &str = include_str!("../../../templates/base.html");
const INDEX: &str = include_str!("../../../templates/index.html");
const ACCOUNT: &str = include_str!("../../../templates/account.html");
const PAGER: &str = include_str!("../../../templates/pager.html");
const OVERVIEW_ROW: &str = include_str!("../../../templates/overview_row.html");
const COVERAGE_ROW: &str = include_str!("../../../templates/coverage_row.html");
const STYLE: &str = include_str!("../../../templates/style.css");
const SCRIPT: &str = include_str!("../../../templates/report.js");

#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("template {0}: {1}")]
    Template(String, String),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}")]
    Store(String),
}

#[derive(Serialize)]
struct Counted {
    name: String,
    count: u64,
}

/// An account in the overview: its two table rows, rendered when the account was, and what
/// the overview sorts and sums them by.
struct IndexRow {
    worst: &'static str,
    high: u64,
    findings: u64,
    items: u64,
    name: String,
    overview: String,
    coverage: String,
}

#[derive(Serialize)]
struct AccountRow {
    name: String,
    platform: &'static str,
    source: String,
    href: String,
    items: u64,
    excluded: u64,
    findings: u64,
    high: u64,
    medium: u64,
    low: u64,
    errors: usize,
    worst: &'static str,
    kinds: Vec<Counted>,
    reasons: Vec<Counted>,
    first: String,
    last: String,
}

#[derive(Serialize)]
struct CategoryRow {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    high: u64,
    medium: u64,
    low: u64,
    total: u64,
}

#[derive(Serialize)]
struct ErrorRow {
    account: String,
    file: String,
    message: String,
}

/// One account's pages, rendered and not yet written.
pub struct RenderedAccount {
    row: IndexRow,
    pages: Vec<(String, String)>,
    per_category: BTreeMap<Category, SeverityCounts>,
}

#[derive(Default, Clone, Copy)]
struct SeverityCounts {
    high: u64,
    medium: u64,
    low: u64,
}

impl SeverityCounts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::High => self.high += 1,
            Severity::Medium => self.medium += 1,
            Severity::Low => self.low += 1,
        }
    }
    fn merge(&mut self, other: SeverityCounts) {
        self.high += other.high;
        self.medium += other.medium;
        self.low += other.low;
    }
    fn total(self) -> u64 {
        self.high + self.medium + self.low
    }
    fn worst(self) -> &'static str {
        if self.high > 0 {
            "high"
        } else if self.medium > 0 {
            "medium"
        } else if self.low > 0 {
            "low"
        } else {
            "none"
        }
    }
}

fn templates() -> Result<Tera, HtmlError> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html"]);
    // A template another extends or includes is added before it.
    for (name, body) in [
        ("base.html", BASE),
        ("pager.html", PAGER),
        ("overview_row.html", OVERVIEW_ROW),
        ("coverage_row.html", COVERAGE_ROW),
        ("index.html", INDEX),
        ("account.html", ACCOUNT),
    ] {
        tera.add_raw_template(name, body)
            .map_err(|e| HtmlError::Template(name.into(), e.to_string()))?;
    }
    Ok(tera)
}

/// The file name of an account's page: its position and a readable slug.
pub fn account_file(index: usize, name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    format!("{:03}-{slug}.html", index + 1)
}

/// The HTML report being written: a page (or pages) per account as each account's findings
/// come, then the overview, which needs only the accounts' counts.
pub struct HtmlWriter<'i> {
    input: &'i ReportInput<'i>,
    tera: Tera,
    out_dir: PathBuf,
    accounts_dir: PathBuf,
    rows: OverviewRows,
    total_items: u64,
    written: BTreeSet<String>,
    per_category: BTreeMap<Category, SeverityCounts>,
    totals: SeverityCounts,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> HtmlError {
    let shown = path.display().to_string();
    move |e| HtmlError::Io(shown, e)
}

impl<'i> HtmlWriter<'i> {
    pub fn new(out_dir: &Path, input: &'i ReportInput<'i>) -> Result<HtmlWriter<'i>, HtmlError> {
        let tera = templates()?;
        let accounts_dir = out_dir.join("accounts");
        create_private_dir(&accounts_dir).map_err(io_error(&accounts_dir))?;
        for (file, body) in [("style.css", STYLE), ("report.js", SCRIPT)] {
            let path = out_dir.join(file);
            write_private(&path, body.as_bytes()).map_err(io_error(&path))?;
        }
        Ok(HtmlWriter {
            input,
            tera,
            out_dir: out_dir.to_owned(),
            accounts_dir,
            rows: OverviewRows::create_in(out_dir).map_err(io_error(out_dir))?,
            total_items: 0,
            written: BTreeSet::new(),
            per_category: BTreeMap::new(),
            totals: SeverityCounts::default(),
        })
    }

    /// Renders the pages of the account at `index` of `input.summary.accounts`, with its
    /// findings; accounts can be rendered on several cores at once, then `add`ed in order.
    pub fn render(
        &self,
        index: usize,
        account: &AccountSummary,
        findings: &[Finding],
    ) -> Result<RenderedAccount, HtmlError> {
        let input = self.input;
        let findings: Vec<&Finding> = findings.iter().collect();
        let mut per_category: BTreeMap<Category, SeverityCounts> = BTreeMap::new();
        for f in &findings {
            per_category.entry(f.category).or_default().add(f.severity);
        }
        let file = account_file(index, &account.account);
        let row = account_row(account, &findings, format!("accounts/{file}"), input.lang);
        let pages = account_page::render_pages(&self.tera, input, account, &row, &findings, &file)?;
        let mut ctx = Context::new();
        ctx.insert("a", &row);
        let render = |name: &str| {
            self.tera
                .render(name, &ctx)
                .map_err(|e| HtmlError::Template(name.into(), e.to_string()))
        };
        let row = IndexRow {
            worst: row.worst,
            high: row.high,
            findings: row.findings,
            items: row.items,
            overview: render("overview_row.html")?,
            coverage: render("coverage_row.html")?,
            name: row.name,
        };
        Ok(RenderedAccount {
            row,
            pages,
            per_category,
        })
    }

    /// Writes an account's pages; accounts are added in the order of `input.summary.accounts`.
    pub fn add(&mut self, rendered: RenderedAccount) -> Result<(), HtmlError> {
        // A heavy account has dozens of pages of half a megabyte: written on every core.
        collect_in_order(rendered.pages.par_iter().map(|(name, html)| {
            let path = self.accounts_dir.join(name);
            write_private(&path, html.as_bytes()).map_err(io_error(&path))
        }))?;
        self.written
            .extend(rendered.pages.into_iter().map(|(name, _)| name));
        for (category, counts) in rendered.per_category {
            let total = self.per_category.entry(category).or_default();
            total.merge(counts);
            self.totals.merge(counts);
        }
        self.total_items += rendered.row.items;
        self.rows
            .push(rendered.row)
            .map_err(io_error(&self.out_dir))
    }

    /// The overview page, once every account is written; pages of an earlier run into the
    /// same folder that this run did not write are removed.
    pub fn finish(self) -> Result<(), HtmlError> {
        let HtmlWriter {
            input,
            tera,
            out_dir,
            accounts_dir,
            mut rows,
            total_items,
            written,
            per_category,
            totals,
        } = self;
        let lang = input.lang;
        remove_stale_pages(&accounts_dir, &written);
        rows.sort();

        let categories: Vec<CategoryRow> = Category::ALL
            .iter()
            .map(|&c| {
                let counts = per_category.get(&c).copied().unwrap_or_default();
                CategoryRow {
                    id: c.as_str(),
                    name: i18n::category_name(c, lang),
                    description: i18n::category_description(c, lang),
                    high: counts.high,
                    medium: counts.medium,
                    low: counts.low,
                    total: counts.total(),
                }
            })
            .collect();
        let mut errors: Vec<ErrorRow> = input
            .summary
            .errors
            .iter()
            .map(|e| ErrorRow {
                account: String::new(),
                file: e.file.clone(),
                message: e.message.clone(),
            })
            .collect();
        let account_errors = input
            .summary
            .account_errors(input.store)
            .map_err(HtmlError::Store)?;
        errors.extend(account_errors.into_iter().map(|(account, e)| ErrorRow {
            account,
            file: e.file,
            message: e.message,
        }));

        let mut ctx = base_context(input, "");
        ctx.insert("account_count", &rows.len());
        ctx.insert("categories", &categories);
        ctx.insert("errors", &errors);
        ctx.insert("total_items", &total_items);
        ctx.insert("total_findings", &totals.total());
        ctx.insert("total_high", &totals.high);
        ctx.insert("total_medium", &totals.medium);
        ctx.insert("total_low", &totals.low);
        // The page without its account rows is small; the rows, megabytes with thousands of
        // accounts, are copied in from disk where the markers stand.
        let page = tera
            .render("index.html", &ctx)
            .map_err(|e| HtmlError::Template("index.html".into(), e.to_string()))?;
        // Without accounts there is no account table, so no overview marker either.
        let markers = [(OVERVIEW_MARKER, false), (COVERAGE_MARKER, true)];
        if !rows.is_empty() && markers.iter().any(|(m, _)| !page.contains(m)) {
            return Err(HtmlError::Template(
                "index.html".into(),
                "has lost a marker for the account rows".into(),
            ));
        }
        let path = out_dir.join("index.html");
        let write = || -> std::io::Result<()> {
            let mut file = BufWriter::new(create_private(&path)?);
            let mut rest = page.as_str();
            for (marker, coverage) in markers {
                if let Some((before, after)) = rest.split_once(marker) {
                    file.write_all(before.as_bytes())?;
                    rows.write_table(coverage, &mut file)?;
                    rest = after;
                }
            }
            file.write_all(rest.as_bytes())?;
            file.flush()
        };
        write().map_err(io_error(&path))
    }
}

/// A report folder reused from an earlier run must not keep pages of accounts that are no
/// longer in it: only the pages this run wrote stay.
fn remove_stale_pages(dir: &Path, written: &BTreeSet<String>) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in listing.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.ends_with(".html")
            && name
                .split('-')
                .next()
                .is_some_and(|n| n.len() >= 3 && n.bytes().all(|b| b.is_ascii_digit()));
        if ours && !written.contains(&name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn base_context(input: &ReportInput<'_>, root: &str) -> Context {
    let mut ctx = Context::new();
    ctx.insert("ui", &i18n::ui(input.lang));
    ctx.insert("lang", if input.lang == Lang::En { "en" } else { "id" });
    ctx.insert("root", root);
    ctx.insert("generator", &input.generator);
    ctx
}

fn account_row(
    account: &AccountSummary,
    findings: &[&Finding],
    href: String,
    lang: Lang,
) -> AccountRow {
    let mut counts = SeverityCounts::default();
    for f in findings {
        counts.add(f.severity);
    }
    let kinds = account
        .items
        .iter()
        .map(|(kind, &count)| Counted {
            name: crate::model::ItemKind::parse(kind)
                .map(|k| i18n::kind_name(k, lang).to_string())
                .unwrap_or_else(|| kind.clone()),
            count,
        })
        .collect();
    let reasons = account
        .excluded
        .iter()
        .map(|(reason, &count)| Counted {
            name: i18n::exclusion_reason_name(reason, lang),
            count,
        })
        .collect();
    AccountRow {
        name: account.account.clone(),
        platform: account.platform.display_name(),
        source: account.source.clone(),
        href,
        items: account.items.values().sum(),
        excluded: account.excluded.values().sum(),
        findings: counts.total(),
        high: counts.high,
        medium: counts.medium,
        low: counts.low,
        errors: account.errors.len(),
        worst: counts.worst(),
        kinds,
        reasons,
        first: account
            .first_item
            .as_deref()
            .map(day_of)
            .unwrap_or_default(),
        last: account.last_item.as_deref().map(day_of).unwrap_or_default(),
    }
}

fn day_of(rfc3339: &str) -> String {
    rfc3339.get(..10).unwrap_or(rfc3339).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_files_are_numbered_and_slugged() {
        assert_eq!(account_file(0, "Budi_ASN"), "001-budi_asn.html");
        assert_eq!(account_file(11, "a b/../c"), "012-a-b----c.html");
    }
}
