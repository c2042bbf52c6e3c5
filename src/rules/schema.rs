//! The rule file format (TOML), as written by people. `rules/README.md` documents it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::report::Localized;

/// One `rules/*.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
}

/// One rule as written in a rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub category: String,
    pub severity: String,
    pub title: Localized,
    pub description: Localized,
    pub guideline: String,
    pub regulation: String,
    pub action: Localized,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,

    /// Item kinds the rule applies to; empty = every kind.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Audiences the rule applies to; empty = every audience.
    #[serde(default)]
    pub audiences: Vec<String>,

    // Triggers: any one of them makes the rule match.
    /// Phrases matched on word boundaries of the normalised text.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Named word lists (`rules/lists/<name>.txt`), matched like `phrases`.
    #[serde(default)]
    pub lists: Vec<String>,
    /// Regular expressions (Rust `regex` syntax).
    #[serde(default)]
    pub patterns: Vec<String>,
    /// `normalized` (default: lowercase words, see `rules/README.md`) or `original` text.
    #[serde(default)]
    pub pattern_on: PatternTarget,
    /// Weighted evidence: the rule matches when the weights of the distinct signals found add
    /// up to `min_score` (each signal counts once). Replaces the triggers above.
    #[serde(default)]
    pub signals: Vec<SignalSpec>,
    /// The score the signals must reach; required (> 0) with `signals`.
    #[serde(default)]
    pub min_score: i64,
    /// Cheap prefilter: the patterns run only when one of these phrases is in the text.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A named validator every pattern match must pass (`nik`, `nip`, `npwp`, `phone_id`…).
    /// Without `patterns`, the validator's own candidate pattern is used on the original text.
    pub validator: Option<String>,
    /// "A near B": a phrase of `a` within `within` words of a phrase of `b`.
    #[serde(default)]
    pub near: Vec<NearSpec>,
    /// The item reveals a location: `coordinates` (a pinned point) or `any` (also a place name).
    pub location: Option<LocationTrigger>,
    /// With `location = "repeated"`: how many points make a place (default 5)…
    pub repeats: Option<usize>,
    /// …within how many metres of each other (default 200).
    pub radius_m: Option<f64>,

    // Conditions and exceptions.
    /// Context that must also be present for a trigger to count.
    pub context: Option<ContextSpec>,
    /// Phrases that cancel the rule when present anywhere in the text (quoting a debunk…).
    #[serde(default)]
    pub unless: Vec<String>,
    #[serde(default)]
    pub unless_lists: Vec<String>,
    /// Regexes on the ORIGINAL text that cancel the rule (a `[HOAKS]` fact-check label at the
    /// start, say), where case and punctuation carry the meaning.
    #[serde(default)]
    pub unless_patterns: Vec<String>,
    /// Trigger: a link whose host CONTAINS one of these words (`bansos`, `bpjs`): impostor sites
    /// that borrow an agency's name; official hosts go in `unless_domains`.
    #[serde(default)]
    pub host_words: Vec<String>,
    /// Trigger: a link to one of these sites (a host, or any of its subdomains).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Cancel the rule when the item links to one of these sites (official `go.id` sources…).
    #[serde(default)]
    pub unless_domains: Vec<String>,

    // Election awareness.
    /// Severity and the `election`/`phase` fields come from the election calendar.
    #[serde(default)]
    pub election_aware: bool,
    /// Severity per phase id, overriding the defaults (`outside` = no election running).
    #[serde(default)]
    pub phase_severity: BTreeMap<String, String>,
    /// Only within these elections' windows (ids from `elections.toml`): for ballot numbers
    /// and slogans that mean something only in one election.
    #[serde(default)]
    pub elections: Vec<String>,
    /// The matched words name a ballot number or a finger count ("coblos 2", "salam dua
    /// jari"): findings say who that number stood for in the election of the post's date.
    #[serde(default)]
    pub resolve_ballot: bool,

    #[serde(default)]
    pub examples: Examples,
}

impl RuleSpec {
    /// Every regex the rule file writes: its patterns, exception patterns and signal patterns.
    pub fn regexes(&self) -> impl Iterator<Item = &str> {
        self.patterns
            .iter()
            .chain(&self.unless_patterns)
            .chain(self.signals.iter().flat_map(|s| &s.patterns))
            .map(String::as_str)
    }
}

fn enabled_by_default() -> bool {
    true
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternTarget {
    #[default]
    Normalized,
    Original,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationTrigger {
    Coordinates,
    Any,
    /// Account-level: many of the account's pinned points fall within `radius_m` of each
    /// other — a home or workplace that can be inferred.
    Repeated,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearSpec {
    #[serde(default)]
    pub a: Vec<String>,
    #[serde(default)]
    pub a_lists: Vec<String>,
    #[serde(default)]
    pub b: Vec<String>,
    #[serde(default)]
    pub b_lists: Vec<String>,
    pub within: usize,
}

/// One piece of weighted evidence (`[[rule.signals]]`): found when any of its phrases, list
/// phrases or patterns is found — or, with `absent = true`, when none of them is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalSpec {
    pub weight: i64,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub pattern_on: PatternTarget,
    /// The signal is the ABSENCE of its phrases and patterns (a news text without any
    /// attribution). It brings no evidence span and cannot reach `min_score` alone.
    #[serde(default)]
    pub absent: bool,
    /// The signal counts only in texts of at least this many words (absence of attribution
    /// means something in an article, nothing in a one-line tweet).
    pub min_words: Option<usize>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub lists: Vec<String>,
    /// Words between the trigger and the context; absent = anywhere in the text.
    pub within: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default, rename = "match")]
    pub matching: Vec<Example>,
    #[serde(default)]
    pub no_match: Vec<Example>,
}

/// An example is a text, or a table describing an item when the rule needs more than text.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    Item(ExampleItem),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleItem {
    #[serde(default)]
    pub text: String,
    pub kind: Option<String>,
    pub audience: Option<String>,
    /// RFC 3339 or `YYYY-MM-DD` (taken as 12:00 WIB).
    pub date: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub place: Option<String>,
    /// For account-level rules: the example stands for this many items at (almost) the same place.
    pub copies: Option<usize>,
}

/// `rules/elections.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionFile {
    #[serde(default)]
    pub election: Vec<ElectionSpec>,
}

/// One election's calendar. Dates are `YYYY-MM-DD`, in WIB.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionSpec {
    pub id: String,
    pub name: String,
    /// When talk of prospective candidates (bakal calon) starts to matter; default: a year
    /// before registration.
    pub watch_from: Option<String>,
    pub registration: Option<String>,
    /// Candidates formally set (penetapan).
    pub candidates_set: String,
    pub campaign: [String; 2],
    pub quiet: [String; 2],
    pub voting: String,
    /// Result set; the recount phase runs from the day after voting until then.
    pub result: Option<String>,
    /// Who each ballot number stood for in this election (`"2" = "Prabowo–Gibran; partai
    /// Gerindra"`): a "2" means someone else in every election, so findings name it.
    #[serde(default)]
    pub ballot: BTreeMap<String, String>,
    #[serde(default)]
    pub notes: String,
}
