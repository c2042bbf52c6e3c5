//! Loading the rulebook: the built-in files, then `--rules DIR` adding or overriding, then
//! validation that names the file, the rule and the line of every problem.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::model::{Audience, Category, ItemKind, Severity};
use crate::rules::calendar::{Calendar, Election, Phase};
use crate::rules::schema::{ElectionFile, RuleFile, RuleSpec};
use crate::rules::validators::Validator;
use crate::text::{EMAIL_TOKEN, MENTION_TOKEN, URL_TOKEN};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// A problem in a rule file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: Option<usize>,
    pub rule: Option<String>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, ": rule `{rule}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RuleError {}

/// A rule that passed validation, with its typed fields and where it was written.
#[derive(Debug, Clone)]
pub struct Rule {
    pub spec: RuleSpec,
    pub category: Category,
    pub severity: Severity,
    pub kinds: Vec<ItemKind>,
    pub audiences: Vec<Audience>,
    pub validator: Option<Validator>,
    pub phase_severity: BTreeMap<Phase, Severity>,
    /// Severity when an election-aware rule meets a date outside every election.
    pub outside_severity: Severity,
    pub file: String,
    pub line: Option<usize>,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.spec.id
    }
}

/// Every rule, word list and election, validated and ready to compile.
#[derive(Debug, Clone)]
pub struct Rulebook {
    pub rules: Vec<Rule>,
    pub lists: BTreeMap<String, Vec<String>>,
    pub calendar: Calendar,
    /// Where the rules came from, for the report's footer.
    pub origin: String,
}

/// A rule file's text with the name to show in errors.
struct SourceFile {
    shown: String,
    relative: String,
    text: String,
}

impl Rulebook {
    /// The built-in rulebook, plus `extra` (a `--rules DIR`) adding or overriding by id/name.
    pub fn load(extra: Option<&Path>) -> Result<Rulebook, Vec<RuleError>> {
        let mut sources: Vec<SourceFile> = BUILTIN_FILES
            .iter()
            .map(|(relative, text)| SourceFile {
                shown: format!("rules/{relative}"),
                relative: (*relative).to_string(),
                text: (*text).to_string(),
            })
            .collect();
        let mut origin = format!("{} built-in rule files", sources.len());
        if let Some(dir) = extra {
            let added = read_dir_sources(dir).map_err(|e| vec![e])?;
            origin.push_str(&format!(" + {} from {}", added.len(), dir.display()));
            sources.extend(added);
        }
        build(sources, origin)
    }

    /// A rulebook from in-memory files `(path relative to rules/, contents)`, on top of the
    /// built-in calendar and lists only: for tests and tools that carry their own rules.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Rulebook, Vec<RuleError>> {
        let mut sources: Vec<SourceFile> = BUILTIN_FILES
            .iter()
            .filter(|(relative, _)| !relative.ends_with(".toml") || *relative == "elections.toml")
            .map(|(relative, text)| SourceFile {
                shown: format!("rules/{relative}"),
                relative: (*relative).to_string(),
                text: (*text).to_string(),
            })
            .collect();
        sources.extend(files.iter().map(|(relative, text)| SourceFile {
            shown: (*relative).to_string(),
            relative: (*relative).to_string(),
            text: (*text).to_string(),
        }));
        build(sources, format!("{} rule files", files.len()))
    }
}

fn read_dir_sources(dir: &Path) -> Result<Vec<SourceFile>, RuleError> {
    let error = |message: String| RuleError {
        file: dir.display().to_string(),
        line: None,
        rule: None,
        message,
    };
    if !dir.is_dir() {
        return Err(error(
            "is not a folder; expected a folder of rule files (*.toml, lists/*.txt)".into(),
        ));
    }
    let mut found = Vec::new();
    for sub in ["", "lists"] {
        let folder = dir.join(sub);
        let Ok(listing) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in listing.flatten() {
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let wanted = if sub.is_empty() {
                ext == "toml"
            } else {
                ext == "txt"
            };
            if !wanted || !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| RuleError {
                file: path.display().to_string(),
                line: None,
                rule: None,
                message: format!("cannot be read: {e}"),
            })?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let relative = if sub.is_empty() {
                name
            } else {
                format!("lists/{name}")
            };
            found.push(SourceFile {
                shown: path.display().to_string(),
                relative,
                text,
            });
        }
    }
    found.sort_by(|a, b| a.relative.cmp(&b.relative));
    if found.is_empty() {
        return Err(error(
            "holds no rule files; expected *.toml or lists/*.txt".into(),
        ));
    }
    Ok(found)
}

fn build(sources: Vec<SourceFile>, origin: String) -> Result<Rulebook, Vec<RuleError>> {
    let mut errors = Vec::new();
    let mut lists: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut elections: BTreeMap<String, Election> = BTreeMap::new();
    // Later sources override earlier ones with the same id, so `--rules` can replace a rule.
    let mut rules: BTreeMap<String, Rule> = BTreeMap::new();

    for source in &sources {
        if let Some(name) = source
            .relative
            .strip_prefix("lists/")
            .and_then(|n| n.strip_suffix(".txt"))
        {
            lists.insert(name.to_string(), parse_list(&source.text));
        }
    }
    for source in &sources {
        if !source.relative.ends_with(".toml") {
            continue;
        }
        if source.relative == "elections.toml" {
            match toml::from_str::<ElectionFile>(&source.text) {
                Ok(file) => {
                    for spec in &file.election {
                        match Election::from_spec(spec) {
                            Ok(e) => {
                                elections.insert(e.id.clone(), e);
                            }
                            Err(message) => errors.push(RuleError {
                                file: source.shown.clone(),
                                line: line_of(&source.text, &spec.id),
                                rule: None,
                                message,
                            }),
                        }
                    }
                }
                Err(e) => errors.push(toml_error(source, &e)),
            }
            continue;
        }
        match toml::from_str::<RuleFile>(&source.text) {
            Ok(file) => {
                let mut seen_here = std::collections::BTreeSet::new();
                for spec in file.rule {
                    let line = line_of(&source.text, &spec.id);
                    if !seen_here.insert(spec.id.clone()) {
                        errors.push(RuleError {
                            file: source.shown.clone(),
                            line,
                            rule: Some(spec.id.clone()),
                            message: "is defined twice in this file".into(),
                        });
                        continue;
                    }
                    match validate(spec, &lists) {
                        Ok(mut rule) => {
                            rule.file = source.shown.clone();
                            rule.line = line;
                            rules.insert(rule.spec.id.clone(), rule);
                        }
                        Err((id, message)) => errors.push(RuleError {
                            file: source.shown.clone(),
                            line,
                            rule: Some(id),
                            message,
                        }),
                    }
                }
            }
            Err(e) => errors.push(toml_error(source, &e)),
        }
    }

    // Election ids named by rules must exist once every file is read.
    for rule in rules.values() {
        for id in &rule.spec.elections {
            if !elections.contains_key(id) {
                errors.push(RuleError {
                    file: rule.file.clone(),
                    line: rule.line,
                    rule: Some(rule.spec.id.clone()),
                    message: format!("names election `{id}`, which elections.toml does not define"),
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let rules = rules.into_values().filter(|r| r.spec.enabled).collect();
    Ok(Rulebook {
        rules,
        lists,
        calendar: Calendar::new(elections.into_values().collect()),
        origin,
    })
}

/// One phrase a line; `#` starts a comment; blank lines are skipped.
fn parse_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn toml_error(source: &SourceFile, e: &toml::de::Error) -> RuleError {
    let line = e.span().map(|span| {
        source.text[..span.start.min(source.text.len())]
            .matches('\n')
            .count()
            + 1
    });
    RuleError {
        file: source.shown.clone(),
        line,
        rule: None,
        message: e.message().trim().to_string(),
    }
}

/// The line where `id = "<id>"` is written, so errors point at the rule.
fn line_of(text: &str, id: &str) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.starts_with("id") && line.contains(&quoted)
        })
        .map(|index| index + 1)
}

fn validate(
    spec: RuleSpec,
    lists: &BTreeMap<String, Vec<String>>,
) -> Result<Rule, (String, String)> {
    let id = spec.id.clone();
    let fail = |message: String| Err((id.clone(), message));
    let category = match Category::parse(&spec.category) {
        Some(c) => c,
        None => {
            return fail(format!(
                "has category {:?}; expected one of: {}",
                spec.category,
                category_ids()
            ))
        }
    };
    if !spec.id.starts_with(&format!("{}.", category.as_str())) {
        return fail(format!(
            "id should start with its category: `{}.…`",
            category.as_str()
        ));
    }
    let Some(severity) = Severity::parse(&spec.severity) else {
        return fail(format!(
            "has severity {:?}; expected high, medium or low",
            spec.severity
        ));
    };
    let mut kinds = Vec::new();
    for k in &spec.kinds {
        match ItemKind::parse(k) {
            Some(kind) => kinds.push(kind),
            None => return fail(format!("has kind {k:?}; expected one of: {}", kind_ids())),
        }
    }
    let mut audiences = Vec::new();
    for a in &spec.audiences {
        match Audience::parse(a) {
            Some(audience) => audiences.push(audience),
            None => {
                return fail(format!(
                    "has audience {a:?}; expected public, unlisted, followers, direct or unknown"
                ))
            }
        }
    }
    let validator = match &spec.validator {
        None => None,
        Some(name) => match Validator::parse(name) {
            Some(v) => Some(v),
            None => return fail(format!("names validator {name:?}, which does not exist")),
        },
    };
    let mut phase_severity = BTreeMap::new();
    let mut outside_severity = severity;
    for (phase_id, level) in &spec.phase_severity {
        let Some(level) = Severity::parse(level) else {
            return fail(format!(
                "phase_severity.{phase_id} is {level:?}; expected high, medium or low"
            ));
        };
        if phase_id == "outside" {
            outside_severity = level;
            continue;
        }
        match Phase::ALL.into_iter().find(|p| p.id() == phase_id) {
            Some(phase) => {
                phase_severity.insert(phase, level);
            }
            None => {
                let ids: Vec<_> = Phase::ALL.iter().map(|p| p.id()).collect();
                return fail(format!(
                    "phase_severity names phase {phase_id:?}; expected outside or one of: {}",
                    ids.join(", ")
                ));
            }
        }
    }
    let named_lists = spec
        .lists
        .iter()
        .chain(&spec.unless_lists)
        .chain(
            spec.near
                .iter()
                .flat_map(|n| n.a_lists.iter().chain(&n.b_lists)),
        )
        .chain(spec.context.iter().flat_map(|c| c.lists.iter()))
        .chain(spec.signals.iter().flat_map(|s| s.lists.iter()));
    for name in named_lists {
        if !lists.contains_key(name) {
            return fail(format!(
                "uses list `{name}`, but there is no lists/{name}.txt"
            ));
        }
    }
    let own_phrases = spec
        .phrases
        .iter()
        .chain(&spec.unless)
        .chain(&spec.keywords)
        .chain(spec.near.iter().flat_map(|n| n.a.iter().chain(&n.b)))
        .chain(spec.context.iter().flat_map(|c| c.phrases.iter()))
        .chain(spec.signals.iter().flat_map(|s| s.phrases.iter()));
    for phrase in own_phrases {
        let normalized = crate::text::normalize_phrase(phrase);
        if normalized.is_empty()
            || [URL_TOKEN, EMAIL_TOKEN, MENTION_TOKEN].contains(&normalized.as_str())
        {
            return fail(format!(
                "has phrase {phrase:?}, which normalises to {normalized:?} and would match every URL, e-mail or mention (or nothing)"
            ));
        }
    }
    for pattern in spec.regexes() {
        // Parsed, not compiled: the engine compiles each pattern once and reports what only
        // compiling finds (a pattern too large) under the rule's name as well.
        if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
            return fail(format!("has an invalid pattern {pattern:?}: {e}"));
        }
    }
    for near in &spec.near {
        let a_empty = near.a.is_empty() && near.a_lists.is_empty();
        let b_empty = near.b.is_empty() && near.b_lists.is_empty();
        if a_empty || b_empty || near.within == 0 {
            return fail("has a `near` without phrases on both sides or with within = 0".into());
        }
    }
    for domain in spec.domains.iter().chain(&spec.unless_domains) {
        let is_host = domain.split('.').count() >= 2
            && domain.split('.').all(|label| !label.is_empty())
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if !is_host {
            return fail(format!(
                "has domain {domain:?}; expected a host name like `contoh.co.id` (no scheme, no path)"
            ));
        }
    }
    let repeated = spec.location == Some(crate::rules::schema::LocationTrigger::Repeated);
    if !repeated && (spec.repeats.is_some() || spec.radius_m.is_some()) {
        return fail("has repeats/radius_m, which only apply with location = \"repeated\"".into());
    }
    if spec.repeats.is_some_and(|n| n < 2)
        || spec.radius_m.is_some_and(|r| !(r > 0.0 && r <= 50_000.0))
    {
        return fail("needs repeats ≥ 2 and 0 < radius_m ≤ 50000".into());
    }
    if let Err(message) = validate_signals(&spec, validator.is_some()) {
        return fail(message);
    }
    let has_trigger = !spec.signals.is_empty()
        || !spec.phrases.is_empty()
        || !spec.lists.is_empty()
        || !spec.patterns.is_empty()
        || validator.is_some()
        || !spec.near.is_empty()
        || !spec.domains.is_empty()
        || !spec.host_words.is_empty()
        || spec.location.is_some();
    if !has_trigger {
        return fail(
            "has nothing to match: give phrases, lists, patterns, a validator, near, domains, host_words, location or signals"
                .into(),
        );
    }
    if !spec.keywords.is_empty() && spec.patterns.is_empty() {
        return fail("has keywords but no patterns; keywords only prefilter patterns".into());
    }
    for (field, text) in [
        ("guideline", &spec.guideline),
        ("regulation", &spec.regulation),
        ("title.id", &spec.title.id),
        ("action.id", &spec.action.id),
    ] {
        if text.trim().is_empty() {
            return fail(format!(
                "has an empty `{field}`; every rule names what it enforces and what to do"
            ));
        }
    }
    if spec.examples.matching.is_empty() || spec.examples.no_match.is_empty() {
        return fail("needs examples that must match and examples that must not ([rule.examples] match / no_match)".into());
    }
    Ok(Rule {
        spec,
        category,
        severity,
        kinds,
        audiences,
        validator,
        phase_severity,
        outside_severity,
        file: String::new(),
        line: None,
    })
}

/// Weighted signals: a positive threshold that the signals can reach, positive weights, and
/// no other trigger beside them (a lone trigger would bypass the score).
fn validate_signals(spec: &RuleSpec, has_validator: bool) -> Result<(), String> {
    if spec.signals.is_empty() {
        return if spec.min_score != 0 {
            Err(format!(
                "has min_score = {} but no [[rule.signals]]; min_score only applies to signals",
                spec.min_score
            ))
        } else {
            Ok(())
        };
    }
    if spec.min_score <= 0 {
        return Err(
            "has [[rule.signals]] but no min_score > 0: say how much evidence is needed".into(),
        );
    }
    let other_trigger = !spec.phrases.is_empty()
        || !spec.lists.is_empty()
        || !spec.patterns.is_empty()
        || !spec.keywords.is_empty()
        || has_validator
        || !spec.near.is_empty()
        || !spec.domains.is_empty()
        || !spec.host_words.is_empty()
        || spec.location.is_some();
    if other_trigger {
        return Err("has [[rule.signals]] and also phrases/lists/patterns/keywords/validator/near/domains/host_words/location; with signals, put every trigger into a signal with its weight".into());
    }
    if spec.signals.len() > usize::from(u16::MAX) {
        return Err("has too many signals".into());
    }
    let mut total: i64 = 0;
    for (k, signal) in spec.signals.iter().enumerate() {
        let n = k + 1;
        if signal.weight <= 0 {
            return Err(format!(
                "signal {n} has weight {}; weights must be > 0",
                signal.weight
            ));
        }
        if signal.phrases.is_empty() && signal.lists.is_empty() && signal.patterns.is_empty() {
            return Err(format!(
                "signal {n} has nothing to find: give phrases, lists or patterns"
            ));
        }
        if signal.absent && signal.weight >= spec.min_score {
            return Err(format!(
                "signal {n} is `absent` with weight {} ≥ min_score {}: an absence cannot be the only evidence",
                signal.weight, spec.min_score
            ));
        }
        if signal.min_words == Some(0) {
            return Err(format!(
                "signal {n} has min_words = 0; leave it out instead"
            ));
        }
        total = total.saturating_add(signal.weight);
    }
    if total < spec.min_score {
        return Err(format!(
            "can never match: its signals weigh {total} in all, below min_score {}",
            spec.min_score
        ));
    }
    Ok(())
}

fn category_ids() -> String {
    Category::ALL
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_ids() -> String {
    ItemKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
