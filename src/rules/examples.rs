//! Every rule carries examples that must and must not match; this checks them all, the way
//! `jejak rules test` and the test suite do.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{Audience, Item, ItemKind, Location, LocationOrigin, Platform, SourceRef};
use crate::report::Lang;
use crate::rules::engine::{CheckContext, Engine};
use crate::rules::load::Rulebook;
use crate::rules::schema::{Example, LocationTrigger};

/// One example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFailure {
    pub rule: String,
    pub file: String,
    pub line: Option<usize>,
    pub expected_match: bool,
    pub example: String,
    /// Why the example could not even be built (a bad date), when that is the problem.
    pub problem: Option<String>,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let location = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        };
        match &self.problem {
            Some(problem) => write!(
                f,
                "{location}: rule `{}`: example {:?}: {problem}",
                self.rule, self.example
            ),
            None if self.expected_match => {
                write!(
                    f,
                    "{location}: rule `{}`: should match but does not: {:?}",
                    self.rule, self.example
                )
            }
            None => write!(
                f,
                "{location}: rule `{}`: should not match but does: {:?}",
                self.rule, self.example
            ),
        }
    }
}

/// The outcome of checking every example of every rule.
#[derive(Debug, Default)]
pub struct ExampleReport {
    pub checked: usize,
    pub failures: Vec<ExampleFailure>,
}

pub fn check_examples(book: &Rulebook, engine: &Engine) -> ExampleReport {
    let mut report = ExampleReport::default();
    let ctx = CheckContext {
        account: "contoh",
        lang: Lang::Id,
    };
    for rule in &book.rules {
        let cases = rule
            .spec
            .examples
            .matching
            .iter()
            .map(|e| (e, true))
            .chain(rule.spec.examples.no_match.iter().map(|e| (e, false)));
        for (example, expected_match) in cases {
            report.checked += 1;
            let fail = |problem: Option<String>| ExampleFailure {
                rule: rule.spec.id.clone(),
                file: rule.file.clone(),
                line: rule.line,
                expected_match,
                example: describe(example),
                problem,
            };
            match example_item(example) {
                Ok(item) => {
                    let matched = if rule.spec.location == Some(LocationTrigger::Repeated) {
                        let account = example_account(&item, example);
                        let refs: Vec<&Item> = account.iter().collect();
                        !engine.check_account(&refs, ctx, Some(rule.id())).is_empty()
                    } else {
                        !engine.check_only(&item, ctx, Some(rule.id())).is_empty()
                    };
                    if matched != expected_match {
                        report.failures.push(fail(None));
                    }
                }
                Err(problem) => report.failures.push(fail(Some(problem))),
            }
        }
    }
    report
}

/// An account-level example: `copies` items a few metres apart (each its own post).
fn example_account(item: &Item, example: &Example) -> Vec<Item> {
    let copies = match example {
        Example::Item(spec) => spec.copies.unwrap_or(1),
        Example::Text(_) => 1,
    };
    (0..copies)
        .map(|n| {
            let mut copy = item.clone();
            copy.id = format!("contoh-{}", n + 1);
            if let Some(location) = copy.location.as_mut() {
                location.lat = location.lat.map(|lat| lat + 0.00005 * n as f64);
            }
            copy
        })
        .collect()
}

fn describe(example: &Example) -> String {
    match example {
        Example::Text(text) => text.clone(),
        Example::Item(item) => item.text.clone(),
    }
}

/// The item an example stands for: a public post unless the example says otherwise.
pub fn example_item(example: &Example) -> Result<Item, String> {
    let mut item = Item::new(
        Platform::Generic,
        ItemKind::Post,
        "contoh",
        SourceRef {
            file: "example".into(),
            position: 1,
        },
    );
    item.audience = Audience::Public;
    match example {
        Example::Text(text) => item.text = text.clone(),
        Example::Item(spec) => {
            item.text = spec.text.clone();
            if let Some(kind) = &spec.kind {
                item.kind =
                    ItemKind::parse(kind).ok_or_else(|| format!("unknown kind {kind:?}"))?;
            }
            if let Some(audience) = &spec.audience {
                item.audience = Audience::parse(audience)
                    .ok_or_else(|| format!("unknown audience {audience:?}"))?;
            }
            if let Some(date) = &spec.date {
                item.created_at = Some(parse_example_date(date)?);
            }
            if spec.lat.is_some() || spec.lon.is_some() || spec.place.is_some() {
                let origin = if item.kind == ItemKind::CheckIn {
                    LocationOrigin::CheckIn
                } else {
                    LocationOrigin::Geotag
                };
                item.location = Some(Location {
                    lat: spec.lat,
                    lon: spec.lon,
                    name: spec.place.clone(),
                    origin,
                });
            }
        }
    }
    Ok(item)
}

fn parse_example_date(date: &str) -> Result<DateTime<FixedOffset>, String> {
    if let Ok(when) = DateTime::parse_from_rfc3339(date) {
        return Ok(when);
    }
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| format!("date {date:?} is not YYYY-MM-DD or RFC 3339"))?;
    let wib = crate::platform::dates::wib();
    day.and_hms_opt(12, 0, 0)
        .and_then(|noon| noon.and_local_timezone(wib).single())
        .ok_or_else(|| format!("date {date:?} cannot be placed in WIB"))
}
