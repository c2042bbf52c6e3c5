//! The HTML report: an overview page and one page per account, rendered through the tera
//! templates in `templates/`. Archive text reaches the templates only as plain strings, so
//! the templates' autoescaping covers every byte of it; highlighting is done by splitting the
//! text into marked and unmarked segments, never by building HTML here.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use tera::{Context, Tera};

use crate::model::{Category, Finding, Severity};
use crate::report::files::{create_private_dir, write_private};
use crate::report::i18n;
use crate::report::{AccountSummary, Lang, ReportInput};

const BASE: &str = include_str!("../../templates/base.html");
const INDEX: &str = include_str!("../../templates/index.html");
const ACCOUNT: &str = include_str!("../../templates/account.html");
const STYLE: &str = include_str!("../../templates/style.css");

#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("template {0}: {1}")]
    Template(String, String),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
}

/// A piece of post text, highlighted when it is evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// Splits `text` at the evidence spans (byte offsets). Spans out of range or off a character
/// boundary are ignored; overlapping ones are merged.
pub fn segments(text: &str, spans: &[(usize, usize)]) -> Vec<Segment> {
    let mut valid: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    valid.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in valid {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in merged {
        if s > at {
            out.push(Segment {
                text: text[at..s].to_string(),
                mark: false,
            });
        }
        out.push(Segment {
            text: text[s..e].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment {
            text: text[at..].to_string(),
            mark: false,
        });
    }
    out
}

/// Only web links become links: anything else (`javascript:`) is shown as text.
fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}

#[derive(Serialize)]
struct Counted {
    name: String,
    count: u64,
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

/// One item of the account with every rule of one category that matched it.
#[derive(Serialize)]
struct Card {
    /// The most serious of its rules.
    severity: &'static str,
    severity_name: &'static str,
    kind: &'static str,
    date: String,
    election: String,
    phase: String,
    segments: Vec<Segment>,
    /// Evidence that is not in the text (coordinates of a geotag, a link in the metadata).
    other_evidence: Vec<String>,
    source: String,
    url: String,
    href: Option<String>,
    rules: Vec<RuleEntry>,
}

/// Why one rule matched: what it enforces and what to do.
#[derive(Serialize)]
struct RuleEntry {
    severity: &'static str,
    severity_name: &'static str,
    title: String,
    description: String,
    guideline: String,
    regulation: String,
    action: String,
    rule: String,
    fingerprint: String,
}

#[derive(Serialize)]
struct Group {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    cards: Vec<Card>,
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
    for (name, body) in [
        ("base.html", BASE),
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

pub fn write_html(out_dir: &Path, input: &ReportInput<'_>) -> Result<(), HtmlError> {
    let tera = templates()?;
    let lang = input.lang;
    let io = |path: &Path| {
        let shown = path.display().to_string();
        move |e| HtmlError::Io(shown, e)
    };
    let accounts_dir = out_dir.join("accounts");
    create_private_dir(&accounts_dir).map_err(io(&accounts_dir))?;
    write_private(&out_dir.join("style.css"), STYLE.as_bytes())
        .map_err(io(&out_dir.join("style.css")))?;

    let mut by_account: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in input.findings {
        by_account.entry(f.account.as_str()).or_default().push(f);
    }

    let mut rows = Vec::new();
    let mut written = std::collections::BTreeSet::new();
    for (index, account) in input.summary.accounts.iter().enumerate() {
        let findings = by_account
            .get(account.account.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let file = account_file(index, &account.account);
        let row = account_row(account, findings, format!("accounts/{file}"), lang);
        let page = render_account(&tera, input, account, &row, findings)?;
        let path = accounts_dir.join(&file);
        write_private(&path, page.as_bytes()).map_err(io(&path))?;
        written.insert(file);
        rows.push(row);
    }
    remove_stale_pages(&accounts_dir, &written);
    // The inspector sees the most serious accounts first.
    let rank = |w: &str| match w {
        "high" => 0,
        "medium" => 1,
        "low" => 2,
        _ => 3,
    };
    rows.sort_by(|a, b| {
        rank(a.worst)
            .cmp(&rank(b.worst))
            .then_with(|| b.high.cmp(&a.high))
            .then_with(|| b.findings.cmp(&a.findings))
            .then_with(|| a.name.cmp(&b.name))
    });

    let mut per_category: BTreeMap<Category, SeverityCounts> = BTreeMap::new();
    let mut totals = SeverityCounts::default();
    for f in input.findings {
        per_category.entry(f.category).or_default().add(f.severity);
        totals.add(f.severity);
    }
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
    for account in &input.summary.accounts {
        errors.extend(account.errors.iter().map(|e| ErrorRow {
            account: account.account.clone(),
            file: e.file.clone(),
            message: e.message.clone(),
        }));
    }

    let mut ctx = base_context(input, "");
    ctx.insert("accounts", &rows);
    ctx.insert("categories", &categories);
    ctx.insert("errors", &errors);
    ctx.insert("total_items", &rows.iter().map(|r| r.items).sum::<u64>());
    ctx.insert("total_findings", &totals.total());
    ctx.insert("total_high", &totals.high);
    ctx.insert("total_medium", &totals.medium);
    ctx.insert("total_low", &totals.low);
    let page = tera
        .render("index.html", &ctx)
        .map_err(|e| HtmlError::Template("index.html".into(), e.to_string()))?;
    let path = out_dir.join("index.html");
    write_private(&path, page.as_bytes()).map_err(io(&path))
}

/// A report folder reused from an earlier run must not keep pages of accounts that are no
/// longer in it: only the pages this run wrote stay.
fn remove_stale_pages(dir: &Path, written: &std::collections::BTreeSet<String>) {
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

fn render_account(
    tera: &Tera,
    input: &ReportInput<'_>,
    account: &AccountSummary,
    row: &AccountRow,
    findings: &[&Finding],
) -> Result<String, HtmlError> {
    let lang = input.lang;
    let mut groups: Vec<Group> = Vec::new();
    for category in Category::ALL {
        let in_category: Vec<&Finding> = findings
            .iter()
            .copied()
            .filter(|f| f.category == category)
            .collect();
        let cards = cards(&in_category, input);
        if !cards.is_empty() {
            groups.push(Group {
                id: category.as_str(),
                name: i18n::category_name(category, lang),
                description: i18n::category_description(category, lang),
                cards,
            });
        }
    }
    let errors: Vec<ErrorRow> = account
        .errors
        .iter()
        .map(|e| ErrorRow {
            account: account.account.clone(),
            file: e.file.clone(),
            message: e.message.clone(),
        })
        .collect();
    let mut ctx = base_context(input, "../");
    ctx.insert("account", row);
    ctx.insert("groups", &groups);
    ctx.insert("errors", &errors);
    tera.render("account.html", &ctx)
        .map_err(|e| HtmlError::Template("account.html".into(), e.to_string()))
}

/// One card per item: the findings of one category on the same item share the text, with
/// every rule's evidence highlighted together.
fn cards(findings: &[&Finding], input: &ReportInput<'_>) -> Vec<Card> {
    let mut order: Vec<(&str, &str)> = Vec::new();
    let mut by_item: BTreeMap<(&str, &str), Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        let key = (f.source.as_str(), f.item_id.as_str());
        let entry = by_item.entry(key).or_default();
        if entry.is_empty() {
            order.push(key);
        }
        entry.push(f);
    }
    order
        .into_iter()
        .filter_map(|key| by_item.get(&key))
        .map(|group| card(group, input))
        .collect()
}

fn card(group: &[&Finding], input: &ReportInput<'_>) -> Card {
    let lang = input.lang;
    let first = group[0];
    let evidence = group.iter().flat_map(|f| f.evidence.iter());
    let spans: Vec<(usize, usize)> = evidence
        .clone()
        .filter(|e| e.end > e.start)
        .map(|e| (e.start, e.end))
        .collect();
    let mut other_evidence: Vec<String> = evidence
        .filter(|e| e.end <= e.start)
        .map(|e| e.text.clone())
        .collect();
    other_evidence.dedup();
    let date = match first.created_at {
        // Shown in WIB, the time the election calendar and most readers live in.
        Some(d) => d
            .with_timezone(&crate::platform::dates::wib())
            .format("%Y-%m-%d %H:%M WIB")
            .to_string(),
        None => i18n::ui(lang)
            .get("undated")
            .copied()
            .unwrap_or_default()
            .to_string(),
    };
    let with_election = group
        .iter()
        .find(|f| f.election.is_some())
        .copied()
        .unwrap_or(first);
    let election = with_election
        .election
        .as_ref()
        .map(|id| {
            input
                .elections
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone())
        })
        .unwrap_or_default();
    let mut sorted: Vec<&Finding> = group.to_vec();
    sorted.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule.cmp(&b.rule))
    });
    let worst = sorted[0].severity;
    let rules = sorted
        .iter()
        .map(|f| {
            let info = input.rules.get(&f.rule);
            RuleEntry {
                severity: f.severity.as_str(),
                severity_name: i18n::severity_name(f.severity, lang),
                title: f.title.clone(),
                description: info
                    .map(|i| i.description.get(lang).to_string())
                    .unwrap_or_default(),
                guideline: info.map(|i| i.guideline.clone()).unwrap_or_default(),
                regulation: info.map(|i| i.regulation.clone()).unwrap_or_default(),
                action: info
                    .map(|i| i.action.get(lang).to_string())
                    .unwrap_or_default(),
                rule: f.rule.clone(),
                fingerprint: f.fingerprint.clone(),
            }
        })
        .collect();
    Card {
        severity: worst.as_str(),
        severity_name: i18n::severity_name(worst, lang),
        kind: i18n::kind_name(first.kind, lang),
        date,
        election,
        phase: with_election
            .phase
            .as_deref()
            .map(|p| i18n::phase_name(p, lang))
            .unwrap_or_default(),
        segments: segments(&first.text, &spans),
        other_evidence,
        source: first.source.clone(),
        url: first.url.clone().unwrap_or_default(),
        href: first.url.as_deref().and_then(safe_href),
        rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_mark_exact_spans_merge_overlaps_and_skip_bad_ones() {
        let s = segments("dasar bangsat kau", &[(6, 13), (8, 10), (100, 120), (0, 0)]);
        assert_eq!(
            s,
            vec![
                Segment {
                    text: "dasar ".into(),
                    mark: false
                },
                Segment {
                    text: "bangsat".into(),
                    mark: true
                },
                Segment {
                    text: " kau".into(),
                    mark: false
                },
            ]
        );
        // "é" is two bytes: a span ending inside it is ignored.
        let s = segments("café ok", &[(3, 4)]);
        assert_eq!(
            s,
            vec![Segment {
                text: "café ok".into(),
                mark: false
            }]
        );
        assert_eq!(
            segments("", &[]),
            vec![Segment {
                text: String::new(),
                mark: false
            }]
        );
    }

    #[test]
    fn only_web_links_become_hrefs() {
        assert_eq!(
            safe_href("https://x.com/a/status/1").as_deref(),
            Some("https://x.com/a/status/1")
        );
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href(" JaVaScRiPt:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
    }

    #[test]
    fn account_files_are_numbered_and_slugged() {
        assert_eq!(account_file(0, "Budi_ASN"), "001-budi_asn.html");
        assert_eq!(account_file(11, "a b/../c"), "012-a-b----c.html");
    }
}
