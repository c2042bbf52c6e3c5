//! Measuring detection quality on labelled posts: per target (a label column mapped to the
//! categories that should fire), precision, recall and F1, and the false-alarm rate.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Audience, Category, Item, ItemKind, Platform, SourceRef};
use crate::report::Lang;
use crate::rules::{CheckContext, Engine};

/// What a labelled row should raise: any finding in `categories` when `positive` says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// As written: `HS=kebencian,sara`, `label:hoax=hoaks`, `*=hoaks`.
    pub name: String,
    pub column: Option<String>,
    /// The value that makes a row positive; `None` = a truthy value (1, true, yes).
    pub value: Option<String>,
    pub categories: BTreeSet<Category>,
}

impl Target {
    /// Parses `COLUMN=cat,cat`, `COLUMN:VALUE=cat`, or `*=cat` (every row positive).
    pub fn parse(spec: &str) -> Result<Target, String> {
        let (left, right) = spec
            .split_once('=')
            .ok_or_else(|| format!("--target {spec:?}: expected COLUMN=CATEGORY[,CATEGORY…]"))?;
        let mut categories = BTreeSet::new();
        for name in right.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            categories.insert(
                Category::parse(name)
                    .ok_or_else(|| format!("--target {spec:?}: unknown category {name:?}"))?,
            );
        }
        if categories.is_empty() {
            return Err(format!("--target {spec:?}: no category after `=`"));
        }
        let (column, value) = match left.trim() {
            "*" => (None, None),
            other => match other.split_once(':') {
                Some((c, v)) => (Some(c.to_string()), Some(v.to_string())),
                None => (Some(other.to_string()), None),
            },
        };
        Ok(Target {
            name: spec.to_string(),
            column,
            value,
            categories,
        })
    }

    /// A row is positive when any of the `|`-separated columns holds the value (or a truthy
    /// one): `HS_Religion|HS_Race=sara` is SARA hate of either kind.
    fn is_positive(&self, row: &BTreeMap<String, String>) -> bool {
        let Some(columns) = &self.column else {
            return true;
        };
        columns.split('|').any(|column| {
            let cell = row
                .get(column.trim())
                .map(|v| v.trim().to_ascii_lowercase())
                .unwrap_or_default();
            match &self.value {
                Some(value) => cell == value.to_ascii_lowercase(),
                None => matches!(cell.as_str(), "1" | "true" | "yes" | "ya"),
            }
        })
    }
}

/// The targets the evaluation sets in `../shared/eval` need, from their header.
pub fn preset_targets(columns: &[String]) -> Vec<Target> {
    let has = |c: &str| columns.iter().any(|x| x == c);
    let specs: Vec<&str> = if has("HS") && has("Abusive") {
        vec![
            "Abusive=pelecehan",
            "HS=kebencian,sara",
            "HS_Religion|HS_Race=sara",
            "HS_Religion=sara",
            "HS_Race=sara",
        ]
    } else if has("label") {
        vec!["label:hoax=hoaks"]
    } else if has("topic") {
        vec!["*=hoaks"]
    } else {
        Vec::new()
    };
    specs
        .into_iter()
        .filter_map(|s| Target::parse(s).ok())
        .collect()
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
    pub true_negative: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One row the rules got wrong, for reading.
#[derive(Debug, Clone)]
pub struct Mistake {
    pub target: String,
    pub id: String,
    pub text: String,
    /// Rules that fired (for false alarms).
    pub rules: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Evaluation {
    pub rows: usize,
    /// Rows with at least one finding of any category.
    pub rows_with_findings: usize,
    /// Rows with findings, per category.
    pub per_category: BTreeMap<Category, usize>,
    pub per_target: Vec<(Target, Counts)>,
    pub misses: Vec<Mistake>,
    pub false_alarms: Vec<Mistake>,
    /// Rows flagged while every target says negative (or in a harmless set): by rule id.
    pub alarms_by_rule: BTreeMap<String, usize>,
    pub negatives: usize,
    pub negatives_with_findings: usize,
}

/// Runs the rules over every row and scores them against the targets. With no targets, every
/// row is expected to raise nothing.
/// `time_column`, when given, dates each row's item (so election-bound rules can apply).
pub fn evaluate(
    rows: &[(String, String, BTreeMap<String, String>)],
    targets: &[Target],
    engine: &Engine,
    time_column: Option<&str>,
) -> Evaluation {
    use rayon::prelude::*;
    let ctx = CheckContext {
        account: "eval",
        lang: Lang::Id,
    };
    let results: Vec<(BTreeSet<Category>, Vec<String>)> = rows
        .par_iter()
        .enumerate()
        .map(|(index, (id, text, fields))| {
            let mut item = Item::new(
                Platform::Generic,
                ItemKind::Post,
                id.clone(),
                SourceRef {
                    file: "eval".into(),
                    position: index + 1,
                },
            );
            item.text = text.clone();
            item.audience = Audience::Public;
            item.created_at = time_column
                .and_then(|c| fields.get(c))
                .and_then(|t| crate::platform::dates::parse_flexible_datetime(t));
            let findings = engine.check(&item, ctx);
            let categories = findings.iter().map(|f| f.category).collect();
            let rules = findings.into_iter().map(|f| f.rule).collect();
            (categories, rules)
        })
        .collect();

    let mut eval = Evaluation {
        rows: rows.len(),
        ..Evaluation::default()
    };
    let mut counts = vec![Counts::default(); targets.len()];
    for ((id, text, labels), (found, rules)) in rows.iter().zip(&results) {
        if !found.is_empty() {
            eval.rows_with_findings += 1;
        }
        for c in found {
            *eval.per_category.entry(*c).or_insert(0) += 1;
        }
        let mut any_positive = false;
        for (target, count) in targets.iter().zip(counts.iter_mut()) {
            let positive = target.is_positive(labels);
            any_positive |= positive;
            let predicted = found.iter().any(|c| target.categories.contains(c));
            let mistake = |rules: Vec<String>| Mistake {
                target: target.name.clone(),
                id: id.clone(),
                text: text.clone(),
                rules,
            };
            match (positive, predicted) {
                (true, true) => count.true_positive += 1,
                (true, false) => {
                    count.false_negative += 1;
                    eval.misses.push(mistake(Vec::new()));
                }
                (false, true) => {
                    count.false_positive += 1;
                    eval.false_alarms.push(mistake(rules.clone()));
                }
                (false, false) => count.true_negative += 1,
            }
        }
        if !any_positive {
            eval.negatives += 1;
            if !found.is_empty() {
                eval.negatives_with_findings += 1;
                if targets.is_empty() {
                    eval.false_alarms.push(Mistake {
                        target: "harmless".into(),
                        id: id.clone(),
                        text: text.clone(),
                        rules: rules.clone(),
                    });
                }
                for rule in rules {
                    *eval.alarms_by_rule.entry(rule.clone()).or_insert(0) += 1;
                }
            }
        }
    }
    eval.per_target = targets.iter().cloned().zip(counts).collect();
    eval
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_decide_positives() {
        let t = Target::parse("HS=kebencian,sara").unwrap();
        assert_eq!(t.categories.len(), 2);
        let row = |k: &str, v: &str| BTreeMap::from([(k.to_string(), v.to_string())]);
        assert!(t.is_positive(&row("HS", "1")));
        assert!(!t.is_positive(&row("HS", "0")));
        let t = Target::parse("label:hoax=hoaks").unwrap();
        assert!(t.is_positive(&row("label", "Hoax")));
        assert!(!t.is_positive(&row("label", "valid")));
        assert!(Target::parse("*=hoaks")
            .unwrap()
            .is_positive(&BTreeMap::new()));
        let either = Target::parse("HS_Religion|HS_Race=sara").unwrap();
        let two = |a: &str, b: &str| {
            BTreeMap::from([
                ("HS_Religion".to_string(), a.to_string()),
                ("HS_Race".to_string(), b.to_string()),
            ])
        };
        assert!(either.is_positive(&two("0", "1")));
        assert!(either.is_positive(&two("1", "0")));
        assert!(!either.is_positive(&two("0", "0")));
        assert!(Target::parse("HS=kebencian,bukan").is_err());
        assert!(Target::parse("HS").is_err());
    }

    #[test]
    fn counts_give_precision_recall_and_f1() {
        let c = Counts {
            true_positive: 8,
            false_positive: 2,
            false_negative: 8,
            true_negative: 82,
        };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 0.615_384_6).abs() < 1e-6);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn evaluation_scores_rows_against_the_rules() {
        let book = crate::rules::Rulebook::load(None).unwrap();
        let engine = Engine::compile(&book).unwrap();
        let rows = vec![
            (
                "1".to_string(),
                "slot gacor maxwin hari ini, depo 10k".to_string(),
                BTreeMap::from([("judi".to_string(), "1".to_string())]),
            ),
            (
                "2".to_string(),
                "makan siang nasi padang".to_string(),
                BTreeMap::from([("judi".to_string(), "0".to_string())]),
            ),
        ];
        let eval = evaluate(&rows, &[Target::parse("judi=judi").unwrap()], &engine, None);
        assert_eq!(
            eval.per_target[0].1,
            Counts {
                true_positive: 1,
                false_positive: 0,
                false_negative: 0,
                true_negative: 1
            }
        );
        assert_eq!((eval.negatives, eval.negatives_with_findings), (1, 0));
    }
}
