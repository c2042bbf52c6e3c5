//! One card per flagged item: its text split into highlighted evidence and plain text, and
//! every rule that matched it with the guideline, regulation and recommended action.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Finding;
use crate::report::i18n;
use crate::report::ReportInput;

/// A piece of post text, highlighted when it is evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Segment {
    pub(super) text: String,
    pub(super) mark: bool,
}

/// Splits `text` at the evidence spans (byte offsets). Spans out of range or off a character
/// boundary are ignored; overlapping ones are merged.
pub(super) fn segments(text: &str, spans: &[(usize, usize)]) -> Vec<Segment> {
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

/// One item of the account with every rule of one category that matched it.
#[derive(Serialize)]
pub(super) struct Card {
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

/// The findings of one category grouped by item, in the findings' order: each group is one
/// card, its findings sharing the text with every rule's evidence highlighted together.
pub(super) fn item_groups<'f>(findings: &[&'f Finding]) -> Vec<Vec<&'f Finding>> {
    let mut order: Vec<(&str, &str)> = Vec::new();
    let mut by_item: BTreeMap<(&str, &str), Vec<&'f Finding>> = BTreeMap::new();
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
        .filter_map(|key| by_item.remove(&key))
        .collect()
}

pub(super) fn card(group: &[&Finding], input: &ReportInput<'_>) -> Card {
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
}
