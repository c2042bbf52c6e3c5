//! The compiled rulebook: one multi-pattern pass per normalised text finds every phrase of
//! every rule; regexes run only for rules whose keywords were found; then each touched rule
//! checks its conditions and exceptions. Built once, shared read-only by all threads.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::ops::Range;

use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap;

use crate::model::{Evidence, Finding, Item, Severity};
use crate::report::{Lang, RuleInfo};
use crate::rules::automaton::Automaton;
use crate::rules::calendar::{Calendar, Election};
use crate::rules::load::{Rule, RuleError, Rulebook};
use crate::rules::places;
use crate::rules::prefilter::{GateBuilder, GatedRegex, LiteralGate, Precompiled, Present};
use crate::rules::schema::{LocationTrigger, PatternTarget};
use crate::rules::validators::{has_address_at, longest_digit_run, Validator};
use crate::text::{normalize_into, normalize_phrase, NormalizedText};

/// Evidence spans kept per finding; more add nothing a reviewer needs.
const MAX_EVIDENCE: usize = 12;

/// What a phrase means to a rule that uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Trigger,
    NearA(u16),
    NearB(u16),
    Context,
    Unless,
    Keyword,
    /// A phrase of the rule's k-th weighted signal.
    Signal(u16),
}

/// A weighted signal, compiled; its phrases are in the shared automaton.
struct CompiledSignal {
    weight: i64,
    patterns: Vec<GatedRegex>,
    pattern_on: PatternTarget,
    absent: bool,
    min_words: Option<usize>,
}

struct CompiledRule {
    rule: Rule,
    patterns: Vec<GatedRegex>,
    /// The validator's own candidate pattern, when the rule has a validator but no patterns.
    validator_pattern: Option<GatedRegex>,
    unless_patterns: Vec<GatedRegex>,
    /// The rule is woken on every text only to try its patterns: it is skipped when the
    /// literals they need are not all in the text they run on.
    woken_by_patterns: bool,
    signals: Vec<CompiledSignal>,
    domains: Vec<String>,
    /// Lower-cased `host_words`.
    host_words: Vec<String>,
    unless_domains: Vec<String>,
    info: RuleInfo,
}

/// The rulebook compiled for matching.
pub struct Engine {
    rules: Vec<CompiledRule>,
    /// Every phrase, padded with a space on either side (pattern ids `0..phrases.len()`),
    /// then every literal of `literal_gates[0]`.
    automaton: Automaton,
    /// Every literal of `literal_gates[1]`, by id, for the original text.
    original_automaton: Automaton,
    /// The automaton's phrases, normalised, by pattern index.
    phrases: Vec<String>,
    /// The patterns on the normalised text that no literal can rule out, in one set: a match
    /// wakes the rule that owns it (`gate_owners`).
    pattern_gate: RegexSet,
    gate_owners: Vec<usize>,
    /// The literals the regexes of every rule need, on the normalised [0] and original [1]
    /// text: a regex whose literals are absent is not run.
    literal_gates: [LiteralGate; 2],
    /// Whether regexes with word boundaries are first tried in their loose form on non-ASCII texts
    /// (off only in tests that compare the result with every regex run).
    regex_gates: bool,
    /// For each phrase of the automaton: the rules that use it and how.
    phrase_uses: Vec<Vec<(usize, Role)>>,
    /// Multi-word phrases written as one word (`gantipresiden`), as hashtags run words
    /// together: the joined form → the phrase's index.
    joined_phrases: FxHashMap<String, usize>,
    always: Vec<usize>,
    /// Rules judged over the whole account, not item by item.
    account_rules: Vec<usize>,
    calendar: Calendar,
    url: Regex,
    origin: String,
}

/// Whose item is being checked, and in which language findings are titled.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext<'a> {
    pub account: &'a str,
    pub lang: Lang,
}

/// A phrase found in the normalised text: the rule that uses it, how, and where
/// (normalised byte range).
type Hit = (usize, Role, Range<usize>);

/// The hits of one rule, sorted by role; within a role, in the order they were found.
#[derive(Clone, Copy)]
struct RuleHits<'h> {
    hits: &'h [Hit],
}

impl<'h> RuleHits<'h> {
    fn role(self, role: Role) -> RoleHits<'h> {
        let start = self.hits.partition_point(|h| h.1 < role);
        let len = self.hits[start..].partition_point(|h| h.1 == role);
        RoleHits(&self.hits[start..start + len])
    }
}

/// The hits of one rule in one role.
#[derive(Clone, Copy)]
struct RoleHits<'h>(&'h [Hit]);

impl<'h> RoleHits<'h> {
    fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    fn iter(self) -> impl Iterator<Item = &'h Range<usize>> + 'h {
        self.0.iter().map(|h| &h.2)
    }
}

/// Buffers of a check, kept per thread and reused from item to item.
#[derive(Default)]
struct CheckScratch {
    normalized: NormalizedText,
    /// The normalised text with a space on either side, for the phrase automaton.
    padded: String,
    hits: Vec<Hit>,
    /// Ids of the literals of the normalised [0] and original [1] text's gates found in them.
    literals: [Vec<usize>; 2],
    /// Rules to evaluate: hit by a phrase, woken by a pattern, or always.
    touched: Vec<usize>,
}

impl CheckScratch {
    /// Keeps one huge text from pinning its buffers (the normalised text's among them, which
    /// is as long as `padded`) for the life of the thread.
    fn trim(&mut self) {
        let many = 1 << 12;
        if self.padded.capacity() > 1 << 16
            || self.hits.capacity() > many
            || self.literals.iter().any(|l| l.capacity() > many)
            || self.touched.capacity() > many
        {
            *self = CheckScratch::default();
        }
    }
}

thread_local! {
    static CHECK_SCRATCH: RefCell<CheckScratch> = RefCell::new(CheckScratch::default());
}

impl Engine {
    pub fn compile(book: &Rulebook) -> Result<Engine, RuleError> {
        let mut phrase_index: BTreeMap<String, usize> = BTreeMap::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut phrase_uses: Vec<Vec<(usize, Role)>> = Vec::new();
        let mut rules = Vec::with_capacity(book.rules.len());
        let mut always = Vec::new();
        let mut account_rules = Vec::new();
        // Patterns on the normalised text that no literal can rule out, and their rules.
        let mut gate_sources: Vec<String> = Vec::new();
        let mut gate_owners: Vec<usize> = Vec::new();
        let mut literal_builders: [GateBuilder; 2] = Default::default();
        let compiled = Precompiled::new(book.rules.iter().flat_map(|rule| {
            rule.spec
                .regexes()
                .chain(rule.validator.map(|v| v.candidate_pattern()))
        }));

        for (index, rule) in book.rules.iter().enumerate() {
            let spec = &rule.spec;
            let mut add = |raw: &str, role: Role| {
                let phrase = normalize_phrase(raw);
                if phrase.is_empty() {
                    return;
                }
                let id = *phrase_index.entry(phrase.clone()).or_insert_with(|| {
                    phrases.push(phrase);
                    phrase_uses.push(Vec::new());
                    phrases.len() - 1
                });
                if !phrase_uses[id].contains(&(index, role)) {
                    phrase_uses[id].push((index, role));
                }
            };
            let list = |name: &String| book.lists.get(name).map(Vec::as_slice).unwrap_or_default();
            for p in spec.phrases.iter().chain(spec.lists.iter().flat_map(list)) {
                add(p, Role::Trigger);
            }
            for (k, near) in spec.near.iter().enumerate() {
                let k = u16::try_from(k).unwrap_or(u16::MAX);
                for p in near.a.iter().chain(near.a_lists.iter().flat_map(list)) {
                    add(p, Role::NearA(k));
                }
                for p in near.b.iter().chain(near.b_lists.iter().flat_map(list)) {
                    add(p, Role::NearB(k));
                }
            }
            if let Some(context) = &spec.context {
                for p in context
                    .phrases
                    .iter()
                    .chain(context.lists.iter().flat_map(list))
                {
                    add(p, Role::Context);
                }
            }
            for p in spec
                .unless
                .iter()
                .chain(spec.unless_lists.iter().flat_map(list))
            {
                add(p, Role::Unless);
            }
            for p in &spec.keywords {
                add(p, Role::Keyword);
            }
            for (k, signal) in spec.signals.iter().enumerate() {
                let k = u16::try_from(k).unwrap_or(u16::MAX);
                for p in signal
                    .phrases
                    .iter()
                    .chain(signal.lists.iter().flat_map(list))
                {
                    add(p, Role::Signal(k));
                }
            }
            let signals = spec
                .signals
                .iter()
                .map(|signal| {
                    let builder = &mut literal_builders[target_index(signal.pattern_on)];
                    let patterns = signal
                        .patterns
                        .iter()
                        .map(|p| builder.regex(p, &compiled))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok(CompiledSignal {
                        weight: signal.weight,
                        patterns,
                        pattern_on: signal.pattern_on,
                        absent: signal.absent,
                        min_words: signal.min_words,
                    })
                })
                .collect::<Result<Vec<_>, regex::Error>>()
                .map_err(|e| compile_error(rule, e.to_string()))?;
            // Signals found without the automaton (patterns, absences) can only make a rule
            // match without a phrase hit when they weigh enough together; otherwise the rule
            // waits until one of its phrases touches it, and its regexes stay idle.
            let unphrased: i64 = signals
                .iter()
                .filter(|s| s.absent || !s.patterns.is_empty())
                .map(|s| s.weight)
                .sum();
            let signals_always = !signals.is_empty() && unphrased >= spec.min_score;

            let builder = &mut literal_builders[target_index(spec.pattern_on)];
            let patterns = spec
                .patterns
                .iter()
                .map(|p| builder.regex(p, &compiled))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| compile_error(rule, e.to_string()))?;
            let on_original = &mut literal_builders[target_index(PatternTarget::Original)];
            let validator_pattern = match (rule.validator, patterns.is_empty()) {
                (Some(v), true) => Some(
                    on_original
                        .regex(v.candidate_pattern(), &compiled)
                        .map_err(|e| compile_error(rule, e.to_string()))?,
                ),
                _ => None,
            };
            let unless_patterns = spec
                .unless_patterns
                .iter()
                .map(|p| on_original.regex(p, &compiled))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| compile_error(rule, e.to_string()))?;
            let is_always = signals_always
                || (!patterns.is_empty() && spec.keywords.is_empty())
                || validator_pattern.is_some()
                || !spec.domains.is_empty()
                || !spec.host_words.is_empty()
                || spec.location.is_some();
            // A rule that is "always" only because of its unguarded patterns is woken when the
            // literals its patterns need are in the text. Patterns on the normalised text
            // without such literals go into the pattern set below instead: one pass per text
            // for all of them, not one per rule.
            let only_patterns = !signals_always
                && validator_pattern.is_none()
                && spec.domains.is_empty()
                && spec.host_words.is_empty()
                && spec.location.is_none()
                && !patterns.is_empty()
                && spec.keywords.is_empty();
            if spec.location == Some(LocationTrigger::Repeated) {
                account_rules.push(index);
            } else if only_patterns
                && spec.pattern_on == PatternTarget::Normalized
                && !patterns.iter().all(GatedRegex::is_prefiltered)
            {
                for p in &spec.patterns {
                    gate_sources.push(p.clone());
                    gate_owners.push(index);
                }
            } else if is_always {
                always.push(index);
            }
            rules.push(CompiledRule {
                info: rule_info(rule),
                rule: rule.clone(),
                patterns,
                validator_pattern,
                unless_patterns,
                woken_by_patterns: only_patterns,
                signals,
                domains: spec
                    .domains
                    .iter()
                    .map(|d| d.to_ascii_lowercase())
                    .collect(),
                host_words: spec
                    .host_words
                    .iter()
                    .map(|w| w.to_ascii_lowercase())
                    .collect(),
                unless_domains: spec
                    .unless_domains
                    .iter()
                    .map(|d| d.to_ascii_lowercase())
                    .collect(),
            });
        }

        let joined_phrases = phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.contains(' ') && p.split(' ').all(|w| w.chars().all(char::is_alphabetic))
            })
            .map(|(index, p)| (p.replace(' ', ""), index))
            .collect();
        let gate_error = |message: String| RuleError {
            file: "rules".into(),
            line: None,
            rule: None,
            message,
        };
        let [on_normalized, on_original] = literal_builders;
        let literal_gates = [on_normalized.finish(), on_original.finish()];
        // Each phrase is searched with a space on either side, in the text padded the same
        // way: the automaton then reports whole-word matches only, not every phrase that
        // occurs inside a longer word. The literals the regexes on the normalised text need
        // are looked for in the same pass, after the phrases. Case-insensitive, as the
        // literal gate is; the normalised text and the phrases have no ASCII capitals, so
        // phrases match the same either way.
        let mut patterns: Vec<Vec<u8>> = phrases
            .iter()
            .map(|p| format!(" {p} ").into_bytes())
            .collect();
        patterns.extend(literal_gates[0].literals().iter().cloned());
        let automaton = Automaton::new(&patterns).map_err(|e| gate_error(e.to_string()))?;
        let original_automaton =
            Automaton::new(literal_gates[1].literals()).map_err(|e| gate_error(e.to_string()))?;
        let pattern_gate = RegexSet::new(&gate_sources).map_err(|e| gate_error(e.to_string()))?;
        Ok(Engine {
            rules,
            automaton,
            original_automaton,
            phrases,
            pattern_gate,
            gate_owners,
            literal_gates,
            regex_gates: true,
            phrase_uses,
            joined_phrases,
            account_rules,
            always,
            calendar: book.calendar.clone(),
            url: Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("URL pattern is valid"),
            origin: book.origin.clone(),
        })
    }

    /// Every phrase the one multi-pattern pass looks for, normalised.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// What the report says about each rule, by id.
    pub fn rule_infos(&self) -> BTreeMap<String, RuleInfo> {
        self.rules
            .iter()
            .map(|r| (r.info.id.clone(), r.info.clone()))
            .collect()
    }

    /// The same engine with every prefilter switched off, so that every regex runs: tests
    /// compare it with the prefiltered engine.
    #[cfg(test)]
    fn without_prefilters(mut self) -> Engine {
        self.literal_gates = Default::default();
        self.regex_gates = false;
        self
    }

    /// Every rule that matches the item, as findings.
    pub fn check(&self, item: &Item, ctx: CheckContext<'_>) -> Vec<Finding> {
        self.check_only(item, ctx, None)
    }

    /// Like `check`, restricted to one rule when `only` names it (rule examples use this).
    pub fn check_only(
        &self,
        item: &Item,
        ctx: CheckContext<'_>,
        only: Option<&str>,
    ) -> Vec<Finding> {
        CHECK_SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let findings = self.check_with(item, ctx, only, &mut scratch);
                scratch.trim();
                findings
            }
            Err(_) => self.check_with(item, ctx, only, &mut CheckScratch::default()),
        })
    }

    fn check_with(
        &self,
        item: &Item,
        ctx: CheckContext<'_>,
        only: Option<&str>,
        scratch: &mut CheckScratch,
    ) -> Vec<Finding> {
        let CheckScratch {
            normalized,
            padded,
            hits,
            literals,
            touched,
        } = scratch;
        normalize_into(&item.text, normalized);
        let normalized = &*normalized;
        let text = normalized.as_str();
        padded.clear();
        padded.push(' ');
        padded.push_str(text);
        padded.push(' ');

        hits.clear();
        touched.clear();
        literals.iter_mut().for_each(Vec::clear);
        let phrase_count = self.phrases.len();
        let mut hit = |phrase: usize, range: Range<usize>| {
            for &(rule, role) in &self.phrase_uses[phrase] {
                hits.push((rule, role, range.clone()));
            }
        };
        // The phrases (and the normalised text's literals) and the original text's literals
        // in one walk of both texts.
        let [normalized_literals, original_literals] = literals;
        let padded_len = padded.len();
        self.automaton.for_each_match_with(
            padded.as_bytes(),
            |id, end| {
                let start = end - self.automaton.pattern_len(id);
                if id < phrase_count {
                    // ` phrase ` at `s..e` of the padded text is `phrase` at `s..e - 2` of the text.
                    hit(id, start..end - 2);
                } else if start > 0 && end < padded_len {
                    // A literal counts only inside the text, not on the padding.
                    normalized_literals.push(id - phrase_count);
                }
            },
            &self.original_automaton,
            // A gate that requires nothing ignores what is found: nothing to walk.
            if self.literal_gates[1].requires_nothing() {
                &[]
            } else {
                item.text.as_bytes()
            },
            |id, _| original_literals.push(id),
        );
        for (phrase, start, end) in self.joined_words(normalized) {
            hit(phrase, start..end);
        }
        // Stable: within a rule and role, hits stay in the order they were found.
        hits.sort_by_key(|h| (h.0, h.1));
        touched.extend(hits.iter().map(|h| h.0));
        // Identifier rules look for long digit runs or an '@': a text without them cannot
        // hold a NIK, phone number or e-mail, and most texts have none.
        let digits = longest_digit_run(&item.text);
        let has_at = has_address_at(&item.text);
        if !self.gate_owners.is_empty() {
            let woken = self.pattern_gate.matches(text);
            touched.extend(woken.iter().map(|m| self.gate_owners[m]));
        }
        let present = [
            self.literal_gates[0].present_from(normalized.as_str(), normalized_literals),
            self.literal_gates[1].present_from(&item.text, original_literals),
        ];
        for &rule in &self.always {
            let compiled = &self.rules[rule];
            // The cheap identifier test reads the original text: it settles only rules whose
            // candidates are looked for there, not a rule's own patterns on the normalised
            // text (where `3273/0512/…` reads `3273 0512 …`).
            let candidates_on_original = compiled.validator_pattern.is_some()
                || compiled.rule.spec.pattern_on == PatternTarget::Original;
            let could = compiled
                .rule
                .validator
                .is_none_or(|v| !candidates_on_original || v.could_occur(digits, has_at))
                && (!compiled.woken_by_patterns
                    || compiled
                        .patterns
                        .iter()
                        .any(|p| present[target_index(compiled.rule.spec.pattern_on)].allows(p)));
            if could {
                touched.push(rule);
            }
        }
        touched.sort_unstable();
        touched.dedup();

        let mut findings = Vec::new();
        let url_spans = OnceCell::new();
        let mut rest: &[Hit] = hits;
        for &index in touched.iter() {
            let skip = rest.partition_point(|h| h.0 < index);
            let len = rest[skip..].partition_point(|h| h.0 == index);
            let rule_hits = RuleHits {
                hits: &rest[skip..skip + len],
            };
            rest = &rest[skip + len..];
            let compiled = &self.rules[index];
            if only.is_some_and(|id| id != compiled.rule.id()) || !applies_to(&compiled.rule, item)
            {
                continue;
            }
            let texts = Texts {
                item,
                normalized,
                urls: &url_spans,
                url_pattern: &self.url,
                present: &present,
                regex_gates: self.regex_gates,
            };
            if let Some(finding) = self.evaluate(compiled, rule_hits, &texts, ctx) {
                findings.push(finding);
            }
        }
        findings
    }

    /// Words that are a multi-word phrase run together (hashtags: `#gantipresiden`).
    fn joined_words<'t>(
        &'t self,
        normalized: &'t NormalizedText,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        let words = if self.joined_phrases.is_empty() {
            0
        } else {
            normalized.word_count()
        };
        (0..words).filter_map(move |index| {
            let range = normalized.word_range(index).filter(|r| r.len() >= 6)?;
            let word = normalized.as_str().get(range.clone())?;
            self.joined_phrases
                .get(word)
                .map(|&phrase| (phrase, range.start, range.end))
        })
    }

    fn evaluate(
        &self,
        compiled: &CompiledRule,
        hits: RuleHits<'_>,
        texts: &Texts<'_>,
        ctx: CheckContext<'_>,
    ) -> Option<Finding> {
        let Texts {
            item, normalized, ..
        } = *texts;
        let rule = &compiled.rule;
        let spec = &rule.spec;
        if spec.location == Some(LocationTrigger::Repeated)
            || !hits.role(Role::Unless).is_empty()
            || compiled.unless_patterns.iter().any(|p| {
                texts.could_match(p, PatternTarget::Original) && p.regex.is_match(&item.text)
            })
        {
            return None;
        }
        // Only rules about sites look at an item's links.
        let links = if compiled.domains.is_empty()
            && compiled.host_words.is_empty()
            && compiled.unless_domains.is_empty()
        {
            Vec::new()
        } else {
            links_of(item, texts.urls())
        };
        if links
            .iter()
            .any(|(_, host)| host_matches(host, &compiled.unless_domains))
        {
            return None;
        }
        let role = |r: Role| hits.role(r);
        // A required context that is absent settles it before any regex runs.
        if spec.context.is_some() && role(Role::Context).is_empty() {
            return None;
        }

        // Trigger spans, all as ranges of the ORIGINAL text.
        let mut spans: Vec<Range<usize>> = role(Role::Trigger)
            .iter()
            .map(|r| normalized.original_range(r.start, r.end))
            .collect();
        if !compiled.signals.is_empty() {
            // A rule with signals has no other trigger (the loader sees to it).
            if spec.context.is_some() && role(Role::Context).is_empty() {
                return None;
            }
            spans = signal_evidence(compiled, hits, texts)?;
        }
        let patterns_may_run = !compiled.patterns.is_empty()
            && (spec.keywords.is_empty() || !role(Role::Keyword).is_empty());
        if patterns_may_run {
            for pattern in &compiled.patterns {
                if !texts.could_match(pattern, spec.pattern_on) {
                    continue;
                }
                let pattern = &pattern.regex;
                match spec.pattern_on {
                    PatternTarget::Normalized => {
                        for m in pattern.find_iter(normalized.as_str()) {
                            if m.start() < m.end()
                                && rule.validator.is_none_or(|v| v.is_valid(m.as_str()))
                            {
                                spans.push(normalized.original_range(m.start(), m.end()));
                            }
                        }
                    }
                    PatternTarget::Original => {
                        spans.extend(validated_matches(
                            pattern,
                            &item.text,
                            texts.urls(),
                            rule.validator,
                        ));
                    }
                }
            }
        }
        if let Some(pattern) = &compiled.validator_pattern {
            if texts.could_match(pattern, PatternTarget::Original) {
                spans.extend(validated_matches(
                    &pattern.regex,
                    &item.text,
                    texts.urls(),
                    rule.validator,
                ));
            }
        }
        for (k, near) in spec.near.iter().enumerate() {
            let k = u16::try_from(k).unwrap_or(u16::MAX);
            for a in role(Role::NearA(k)).iter() {
                for b in role(Role::NearB(k)).iter() {
                    let (wa, wb) = (
                        normalized.word_index(a.start),
                        normalized.word_index(b.start),
                    );
                    if wa.abs_diff(wb) <= near.within {
                        spans.push(normalized.original_range(a.start, a.end));
                        spans.push(normalized.original_range(b.start, b.end));
                    }
                }
            }
        }
        // Evidence that is not a span of the text: coordinates, links kept only in metadata.
        let mut elsewhere: Vec<String> = Vec::new();
        for (span, host) in &links {
            let borrowed = compiled
                .host_words
                .iter()
                .any(|w| host.contains(w.as_str()));
            if borrowed || host_matches(host, &compiled.domains) {
                match span {
                    Some(range) => spans.push(range.clone()),
                    None => elsewhere.push(format!("link: {host}")),
                }
            }
        }
        if let Some(trigger) = spec.location {
            elsewhere.extend(location_evidence_text(item, trigger));
        }
        if spans.is_empty() && elsewhere.is_empty() {
            return None;
        }

        if let Some(context) = &spec.context {
            let found = role(Role::Context);
            if found.is_empty() {
                return None;
            }
            if let Some(within) = context.within {
                let context_words: Vec<usize> = found
                    .iter()
                    .map(|r| normalized.word_index(r.start))
                    .collect();
                spans.retain(|span| {
                    let word = word_of_original(normalized, span.start);
                    context_words.iter().any(|&w| w.abs_diff(word) <= within)
                });
                if spans.is_empty() && elsewhere.is_empty() {
                    return None;
                }
            }
        }

        let mut evidence = merge_spans(spans, &item.text);
        evidence.extend(elsewhere.into_iter().map(|text| Evidence {
            start: 0,
            end: 0,
            text,
        }));
        self.finding(rule, item, evidence, ctx)
    }

    /// The finding of `rule` on `item`; `None` when the item's date is outside the elections
    /// the rule is restricted to.
    fn finding(
        &self,
        rule: &Rule,
        item: &Item,
        evidence: Vec<Evidence>,
        ctx: CheckContext<'_>,
    ) -> Option<Finding> {
        let spec = &rule.spec;
        let (severity, election, phase) = self.severity_for(rule, item)?;
        let mut evidence = evidence;
        if spec.resolve_ballot {
            if let Some(e) = election
                .as_deref()
                .and_then(|id| self.calendar.election(id))
            {
                evidence.extend(ballot_notes(e, &evidence));
            }
        }
        Some(Finding {
            account: ctx.account.to_string(),
            platform: item.platform,
            item_id: item.id.clone(),
            kind: item.kind,
            created_at: item.created_at,
            category: rule.category,
            rule: spec.id.clone(),
            severity,
            title: spec.title.get(ctx.lang).to_string(),
            evidence,
            election,
            phase,
            text: item.text.clone(),
            url: item.permalink.clone(),
            source: item.source.to_string(),
            fingerprint: fingerprint(&[item.platform.as_str(), ctx.account, &item.id, &spec.id]),
        })
    }

    /// Whether `check_account` could use the item: an audit that reads an account in batches
    /// keeps only these once a batch is checked.
    pub fn account_rules_need(&self, item: &Item) -> bool {
        self.account_rules
            .iter()
            .any(|&index| applies_to(&self.rules[index].rule, item))
            && !item.coordinates().is_empty()
    }

    /// Account-level rules (`location = "repeated"`): one finding, on the latest item of the
    /// densest place, when enough of the account's pinned points gather there.
    pub fn check_account(
        &self,
        items: &[&Item],
        ctx: CheckContext<'_>,
        only: Option<&str>,
    ) -> Vec<Finding> {
        let mut findings = Vec::new();
        for &index in &self.account_rules {
            let rule = &self.rules[index].rule;
            if only.is_some_and(|id| id != rule.id()) {
                continue;
            }
            let pinned: Vec<(&Item, (f64, f64))> = items
                .iter()
                .copied()
                .filter(|item| applies_to(rule, item))
                .flat_map(|item| {
                    item.coordinates()
                        .into_iter()
                        .map(move |(lat, lon, _)| (item, (lat, lon)))
                })
                .collect();
            let repeats = rule.spec.repeats.unwrap_or(5);
            let radius = rule.spec.radius_m.unwrap_or(200.0);
            let points: Vec<(f64, f64)> = pinned.iter().map(|(_, p)| *p).collect();
            let Some(place) = places::densest_place(&points, radius) else {
                continue;
            };
            let members: Vec<&Item> = place.members.iter().map(|&m| pinned[m].0).collect();
            let distinct: std::collections::BTreeSet<(&str, &str)> = members
                .iter()
                .map(|i| (i.source.file.as_str(), i.id.as_str()))
                .collect();
            if distinct.len() < repeats {
                continue;
            }
            let Some(anchor) = members.iter().copied().max_by(|a, b| {
                a.created_at
                    .cmp(&b.created_at)
                    .then_with(|| b.id.cmp(&a.id))
            }) else {
                continue;
            };
            let text = match ctx.lang {
                Lang::Id => format!(
                    "{} item berlokasi dalam radius {radius:.0} m dari {:.4}, {:.4}",
                    distinct.len(),
                    place.lat,
                    place.lon
                ),
                Lang::En => format!(
                    "{} items located within {radius:.0} m of {:.4}, {:.4}",
                    distinct.len(),
                    place.lat,
                    place.lon
                ),
            };
            findings.extend(self.finding(
                rule,
                anchor,
                vec![Evidence {
                    start: 0,
                    end: 0,
                    text,
                }],
                ctx,
            ));
        }
        findings
    }

    /// Severity, election and phase; `None` when the rule is restricted to elections the
    /// item's date is not in.
    fn severity_for(
        &self,
        rule: &Rule,
        item: &Item,
    ) -> Option<(Severity, Option<String>, Option<String>)> {
        let restricted = !rule.spec.elections.is_empty();
        if !rule.spec.election_aware && !restricted {
            return Some((rule.severity, None, None));
        }
        let Some(when) = item.created_at else {
            // An undated item (an X like) cannot be placed in an election.
            return if restricted {
                None
            } else {
                Some((rule.severity, None, None))
            };
        };
        match self.calendar.phase_at(&when, &rule.spec.elections) {
            Some((election, phase)) => {
                let severity = if rule.spec.election_aware {
                    rule.phase_severity
                        .get(&phase)
                        .copied()
                        .unwrap_or_else(|| phase.default_severity())
                } else {
                    rule.severity
                };
                Some((
                    severity,
                    Some(election.id.clone()),
                    Some(phase.id().to_string()),
                ))
            }
            None if restricted => None,
            None => Some((rule.outside_severity, None, None)),
        }
    }
}

/// "nomor urut 2 di Pemilu 2024: Prabowo–Gibran…" for every ballot number the evidence names
/// (digits, "02", or a finger count in words), once each.
fn ballot_notes(election: &Election, evidence: &[Evidence]) -> Vec<Evidence> {
    let mut numbers: Vec<u32> = evidence
        .iter()
        .flat_map(|e| e.text.split(|c: char| !c.is_alphanumeric()))
        .filter_map(ballot_number)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .into_iter()
        .filter_map(|n| {
            election.ballot(n).map(|who| Evidence {
                start: 0,
                end: 0,
                text: format!("nomor urut {n} ({}): {who}", election.name),
            })
        })
        .collect()
}

/// The ballot number a word stands for: `2`, `02`, `coblos02` (a hashtag), `dua`.
fn ballot_number(word: &str) -> Option<u32> {
    const WORDS: [&str; 5] = ["satu", "dua", "tiga", "empat", "lima"];
    let lower = word.to_lowercase();
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return u32::try_from(i + 1).ok();
    }
    let digits = lower.trim_start_matches(|c: char| c.is_alphabetic());
    if (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok().filter(|n| *n > 0)
    } else {
        None
    }
}

/// The evidence of a rule with weighted signals, or `None` when the distinct signals found
/// weigh less than `min_score`. Phrase signals come from the automaton; the regexes of the
/// other signals run only when they could still bring the score to the threshold.
fn signal_evidence(
    compiled: &CompiledRule,
    hits: RuleHits<'_>,
    texts: &Texts<'_>,
) -> Option<Vec<Range<usize>>> {
    let Texts {
        item, normalized, ..
    } = *texts;
    let spec = &compiled.rule.spec;
    let role = |r: Role| hits.role(r);
    // Counted only for a signal with a minimum length: most rules with signals have none.
    let words = OnceCell::new();
    let words = || {
        *words.get_or_init(|| {
            normalized
                .as_str()
                .split(' ')
                .filter(|w| !w.is_empty())
                .count()
        })
    };
    // With `context.within`, a signal counts only where it is near the context.
    let context_words: Option<(Vec<usize>, usize)> =
        spec.context.as_ref().and_then(|c| c.within).map(|within| {
            let at = role(Role::Context)
                .iter()
                .map(|r| normalized.word_index(r.start))
                .collect();
            (at, within)
        });
    let near_context = |span: &Range<usize>| match &context_words {
        None => true,
        Some((at, within)) => {
            let word = word_of_original(normalized, span.start);
            at.iter().any(|&w| w.abs_diff(word) <= *within)
        }
    };

    let mut score: i64 = 0;
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut pending: Vec<&CompiledSignal> = Vec::new();
    for (k, signal) in compiled.signals.iter().enumerate() {
        if signal.min_words.is_some_and(|n| words() < n) {
            continue;
        }
        let k = u16::try_from(k).unwrap_or(u16::MAX);
        let phrase_hits = role(Role::Signal(k));
        if signal.absent {
            if phrase_hits.is_empty() {
                pending.push(signal);
            }
            continue;
        }
        let found: Vec<Range<usize>> = phrase_hits
            .iter()
            .map(|r| normalized.original_range(r.start, r.end))
            .filter(|r| near_context(r))
            .collect();
        if !found.is_empty() {
            score += signal.weight;
            spans.extend(found);
        } else if !signal.patterns.is_empty() {
            pending.push(signal);
        }
    }
    // A signal none of whose patterns could match (its literals are absent) is settled
    // without running: not found, or, for an absence, present.
    let could = |signal: &CompiledSignal| {
        signal
            .patterns
            .iter()
            .any(|p| texts.could_match(p, signal.pattern_on))
    };
    let mut open: Vec<&CompiledSignal> = Vec::new();
    for signal in pending {
        match (could(signal), signal.absent) {
            (true, _) => open.push(signal),
            (false, true) => score += signal.weight,
            (false, false) => {}
        }
    }
    // Signals that a prefilter narrowed down are the cheap ones: run them first, so that a
    // miss can settle the rule before the expensive ones run.
    open.sort_by_key(|signal| !signal.patterns.iter().all(GatedRegex::is_prefiltered));
    let mut potential: i64 = open.iter().map(|s| s.weight).sum();
    for signal in open {
        if score + potential < spec.min_score {
            return None;
        }
        potential -= signal.weight;
        let target_text = match signal.pattern_on {
            PatternTarget::Normalized => normalized.as_str(),
            PatternTarget::Original => item.text.as_str(),
        };
        if signal.absent {
            if !signal
                .patterns
                .iter()
                .any(|p| p.regex.is_match(target_text))
            {
                score += signal.weight;
            }
            continue;
        }
        let mut found: Vec<Range<usize>> = Vec::new();
        for pattern in &signal.patterns {
            if !texts.could_match(pattern, signal.pattern_on) {
                continue;
            }
            match signal.pattern_on {
                PatternTarget::Normalized => found.extend(
                    pattern
                        .regex
                        .find_iter(target_text)
                        .filter(|m| m.start() < m.end())
                        .map(|m| normalized.original_range(m.start(), m.end())),
                ),
                PatternTarget::Original => {
                    found.extend(validated_matches(
                        &pattern.regex,
                        target_text,
                        texts.urls(),
                        None,
                    ));
                }
            }
        }
        found.retain(|r| near_context(r));
        if !found.is_empty() {
            score += signal.weight;
            spans.extend(found);
        }
    }
    (score >= spec.min_score && !spans.is_empty()).then_some(spans)
}

/// An item's texts as the rules see them, with the literals found in each.
#[derive(Clone, Copy)]
struct Texts<'t> {
    item: &'t Item,
    normalized: &'t NormalizedText,
    /// The URLs in the original text, found when a rule first asks.
    urls: &'t OnceCell<Vec<Range<usize>>>,
    url_pattern: &'t Regex,
    present: &'t [Present; 2],
    regex_gates: bool,
}

impl<'t> Texts<'t> {
    fn urls(&self) -> &'t [Range<usize>] {
        self.urls.get_or_init(|| {
            self.url_pattern
                .find_iter(&self.item.text)
                .map(|m| m.range())
                .collect()
        })
    }

    /// Whether `pattern` could match the text it runs on (its required literals are there,
    /// and its loose form matches there).
    fn could_match(&self, pattern: &GatedRegex, on: PatternTarget) -> bool {
        let haystack = match on {
            PatternTarget::Normalized => self.normalized.as_str(),
            PatternTarget::Original => &self.item.text,
        };
        self.present[target_index(on)].allows(pattern)
            && (!self.regex_gates || pattern.may_match(haystack))
    }
}

/// Index of a pattern target in the per-target tables: normalised 0, original 1.
fn target_index(on: PatternTarget) -> usize {
    usize::from(on == PatternTarget::Original)
}

/// Matches of a pattern on the original text, outside URLs and passing the validator. When
/// the pattern has a capture group, the group is the candidate (the rest is boundary guard).
fn validated_matches<'t>(
    pattern: &'t Regex,
    text: &'t str,
    urls: &'t [Range<usize>],
    validator: Option<Validator>,
) -> impl Iterator<Item = Range<usize>> + 't {
    pattern.captures_iter(text).filter_map(move |caps| {
        let m = caps.get(1).or_else(|| caps.get(0))?;
        let inside_url = urls.iter().any(|u| u.start < m.end() && m.start() < u.end);
        let valid = validator.is_none_or(|v| v.is_valid(m.as_str()));
        (m.start() < m.end() && !inside_url && valid).then(|| m.range())
    })
}

fn compile_error(rule: &Rule, message: String) -> RuleError {
    RuleError {
        file: rule.file.clone(),
        line: rule.line,
        rule: Some(rule.id().to_string()),
        message: format!("has a pattern that cannot be compiled: {message}"),
    }
}

fn applies_to(rule: &Rule, item: &Item) -> bool {
    (rule.kinds.is_empty() || rule.kinds.contains(&item.kind))
        && (rule.audiences.is_empty() || rule.audiences.contains(&item.audience))
}

/// Every link of the item with its host: those written in the text (with their span) and
/// those only in the archive's metadata (X keeps the expanded URL behind a t.co link).
fn links_of(item: &Item, text_urls: &[Range<usize>]) -> Vec<(Option<Range<usize>>, String)> {
    let mut links: Vec<(Option<Range<usize>>, String)> = text_urls
        .iter()
        .filter_map(|r| host_of(&item.text[r.clone()]).map(|h| (Some(r.clone()), h)))
        .collect();
    for url in &item.urls {
        if let Some(host) = host_of(url) {
            if !links.iter().any(|(_, h)| *h == host) {
                links.push((None, host));
            }
        }
    }
    links
}

/// The lower-case host of a URL, without `www.`.
fn host_of(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_string())
}

/// A host matches a listed domain when it is that domain or one of its subdomains.
fn host_matches(host: &str, domains: &[String]) -> bool {
    domains.iter().any(|d| {
        host == d
            || host
                .strip_suffix(d.as_str())
                .is_some_and(|sub| sub.ends_with('.'))
    })
}

fn location_evidence_text(item: &Item, trigger: LocationTrigger) -> Option<String> {
    if let Some((lat, lon, origin)) = item.coordinates().first() {
        return Some(format!("{}: {lat:.5}, {lon:.5}", origin.as_str()));
    }
    match (trigger, &item.location) {
        (LocationTrigger::Any, Some(loc)) => loc
            .name
            .as_ref()
            .map(|name| format!("{}: {name}", loc.origin.as_str())),
        _ => None,
    }
}

/// The normalised word index nearest to an original byte offset.
fn word_of_original(normalized: &NormalizedText, original: usize) -> usize {
    let text = normalized.as_str();
    let mut best = 0;
    let mut start = 0;
    for (index, word) in text.split(' ').enumerate() {
        let end = start + word.len();
        if end > start && normalized.original_range(start, end).start <= original {
            best = index;
        }
        start = end + 1;
    }
    best
}

/// Sorted, merged, clamped evidence with the original words.
fn merge_spans(mut spans: Vec<Range<usize>>, text: &str) -> Vec<Evidence> {
    spans.retain(|s| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    });
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
        .into_iter()
        .take(MAX_EVIDENCE)
        .map(|s| Evidence {
            text: text[s.clone()].to_string(),
            start: s.start,
            end: s.end,
        })
        .collect()
}

fn rule_info(rule: &Rule) -> RuleInfo {
    RuleInfo {
        id: rule.spec.id.clone(),
        category: rule.category,
        title: rule.spec.title.clone(),
        description: rule.spec.description.clone(),
        guideline: rule.spec.guideline.clone(),
        regulation: rule.spec.regulation.clone(),
        action: rule.spec.action.clone(),
    }
}

/// FNV-1a over the parts: stable across runs, versions and machines.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::{ItemKind, Location, LocationOrigin, Platform, SourceRef};

    const HEAD: &str = r#"
category = "judi"
severity = "medium"
title = { id = "Judul", en = "Title" }
description = { id = "Uraian" }
guideline = "Pedoman"
regulation = "Peraturan"
action = { id = "Tindakan" }
"#;

    /// An engine holding one rule in category `judi` (ids must start with the category).
    fn engine_with(body: &str) -> Engine {
        let text = format!("[[rule]]\nid = \"judi.uji\"{HEAD}{body}\n[rule.examples]\nmatch = [\"x\"]\nno_match = [\"y\"]\n");
        let book = Rulebook::from_files(&[("uji.toml", &text)]).unwrap_or_else(|e| panic!("{e:?}"));
        Engine::compile(&book).unwrap()
    }

    fn post(text: &str) -> Item {
        let mut item = Item::new(
            Platform::Generic,
            ItemKind::Post,
            "1",
            SourceRef {
                file: "f".into(),
                position: 1,
            },
        );
        item.text = text.into();
        item
    }

    fn check(engine: &Engine, item: &Item) -> Vec<Finding> {
        engine.check(
            item,
            CheckContext {
                account: "a",
                lang: Lang::Id,
            },
        )
    }

    #[test]
    fn phrases_match_whole_words_only_and_evidence_points_at_the_original() {
        let engine = engine_with(r#"phrases = ["slot gacor"]"#);
        let findings = check(&engine, &post("Ayo main SLOT Gacor!!"));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].evidence[0].text, "SLOT Gacor");
        assert!(check(&engine, &post("slot gacoran")).is_empty());
        assert!(check(&engine, &post("reslot gacor")).is_empty());
    }

    #[test]
    fn an_item_checked_after_others_gets_what_it_gets_alone() {
        let engine = engine_with(r#"phrases = ["slot gacor", "judi"]"#);
        let long = format!("{} slot gacor judi", "kata ".repeat(20_000));
        let items = [
            post("slot gacor dan judi, slot gacor lagi"),
            post(&long),
            post("tidak ada apa-apa"),
            post("main judi"),
        ];
        // A new thread starts with fresh check buffers.
        let alone: Vec<Vec<Finding>> = items
            .iter()
            .map(|item| std::thread::scope(|s| s.spawn(|| check(&engine, item)).join().unwrap()))
            .collect();
        for _ in 0..2 {
            for (item, expected) in items.iter().zip(&alone) {
                assert_eq!(&check(&engine, item), expected, "{}", item.text);
            }
        }
        assert_eq!(alone.iter().map(Vec::len).collect::<Vec<_>>(), [1, 1, 0, 1]);
        assert_eq!(alone[0][0].evidence.len(), 3);
    }

    #[test]
    fn unless_cancels_and_context_within_limits_distance() {
        let engine = engine_with("phrases = [\"togel\"]\nunless = [\"ditangkap\"]\ncontext = { phrases = [\"daftar\"], within = 3 }");
        assert_eq!(check(&engine, &post("daftar togel sekarang")).len(), 1);
        assert!(
            check(&engine, &post("bandar togel ditangkap, daftar")).is_empty(),
            "unless cancels"
        );
        assert!(
            check(
                &engine,
                &post("daftar dulu ya nanti kita bahas soal lain lalu togel")
            )
            .is_empty(),
            "context too far"
        );
    }

    #[test]
    fn near_needs_both_sides_within_the_window() {
        let engine = engine_with("near = [{ a = [\"depo\"], b = [\"10k\", \"20k\"], within = 2 }]");
        assert_eq!(check(&engine, &post("depo 10k langsung main")).len(), 1);
        assert!(check(
            &engine,
            &post("depo dulu, nanti kalau ada rezeki lebih baru 10k")
        )
        .is_empty());
        assert!(check(&engine, &post("depo saja")).is_empty());
    }

    #[test]
    fn patterns_run_only_after_a_keyword_and_skip_urls_on_original_text() {
        let engine =
            engine_with("patterns = ['\\d{4}']\npattern_on = \"original\"\nkeywords = [\"kode\"]");
        assert!(
            check(&engine, &post("nomor 1234")).is_empty(),
            "no keyword, no pattern"
        );
        assert_eq!(check(&engine, &post("kode 1234")).len(), 1);
        assert!(
            check(&engine, &post("kode di https://x.com/a/status/1234")).is_empty(),
            "inside a URL"
        );
    }

    #[test]
    fn a_validated_pattern_on_the_normalised_text_is_not_ruled_out_by_the_original() {
        // Normalising turns the slashes into spaces: the original text has no long digit
        // run, the normalised one has the whole number.
        let engine = engine_with("patterns = ['nik (?:[0-9]{4} ?){4}']\nvalidator = \"nik\"");
        let findings = check(&engine, &post("NIK: 3273/0512/0485/0001"));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(check(&engine, &post("NIK: 3273/0512/0485/0000")).is_empty());
    }

    #[test]
    fn pattern_only_rules_are_woken_by_their_literals_or_by_the_pattern_set() {
        // `[0-9]{4}` needs no literal: the set finds it. `kode [0-9]{4}` needs "kode".
        for pattern in ["[0-9]{4}", "kode [0-9]{4}"] {
            let engine = engine_with(&format!("patterns = ['{pattern}']"));
            assert_eq!(check(&engine, &post("KODE 1234")).len(), 1, "{pattern}");
            assert!(check(&engine, &post("kode 12")).is_empty(), "{pattern}");
        }
        let set = engine_with("patterns = ['[0-9]{4}']");
        assert_eq!(set.gate_owners.len(), 1);
        let literal = engine_with("patterns = ['kode [0-9]{4}']");
        assert!(literal.gate_owners.is_empty());
    }

    #[test]
    fn location_trigger_reports_the_coordinates() {
        let engine = engine_with("location = \"coordinates\"");
        let mut item = post("ngopi");
        assert!(check(&engine, &item).is_empty());
        item.location = Some(Location {
            lat: Some(-6.2),
            lon: Some(106.8),
            name: None,
            origin: LocationOrigin::Geotag,
        });
        let findings = check(&engine, &item);
        assert_eq!(findings[0].evidence[0].text, "geotag: -6.20000, 106.80000");
    }

    #[test]
    fn election_aware_severity_follows_the_phase() {
        let engine = engine_with("phrases = [\"coblos\"]\nelection_aware = true\nphase_severity = { pra_pencalonan = \"low\" }");
        let at = |date: &str| {
            let mut item = post("ayo coblos");
            item.created_at = Some(DateTime::parse_from_rfc3339(date).unwrap());
            check(&engine, &item).remove(0)
        };
        let campaign = at("2024-01-15T10:00:00+07:00");
        assert_eq!(
            (
                campaign.severity,
                campaign.election.as_deref(),
                campaign.phase.as_deref()
            ),
            (Severity::High, Some("pemilu-2024"), Some("kampanye"))
        );
        let early = at("2023-05-01T10:00:00+07:00");
        assert_eq!(
            (early.severity, early.phase.as_deref()),
            (Severity::Low, Some("pra_pencalonan"))
        );
        let outside = at("2021-05-01T10:00:00+07:00");
        assert_eq!(
            (outside.severity, outside.election),
            (Severity::Medium, None)
        );
        let undated = check(&engine, &post("ayo coblos")).remove(0);
        assert_eq!((undated.severity, undated.phase), (Severity::Medium, None));
    }

    #[test]
    fn a_ballot_number_is_named_by_the_election_of_the_post_date() {
        let engine = engine_with(
            "patterns = ['\\bcoblos (?:nomor )?\\d+']\nelection_aware = true\nresolve_ballot = true",
        );
        let notes_on = |date: &str, text: &str| -> Vec<String> {
            let mut item = post(text);
            item.created_at = Some(DateTime::parse_from_rfc3339(date).unwrap());
            check(&engine, &item)
                .remove(0)
                .evidence
                .into_iter()
                .filter(|e| e.start == e.end)
                .map(|e| e.text)
                .collect()
        };
        let in_2014 = notes_on("2014-07-01T10:00:00+07:00", "ayo coblos nomor 2");
        let in_2024 = notes_on("2024-02-01T10:00:00+07:00", "ayo coblos nomor 2");
        assert_eq!(in_2014.len(), 1, "{in_2014:?}");
        assert!(in_2014[0].contains("Joko Widodo"), "{in_2014:?}");
        assert!(
            in_2024[0].contains("Prabowo") && in_2024[0].contains("Gibran"),
            "{in_2024:?}"
        );
        // Outside any election, and for a number the calendar does not know, nothing is added.
        assert!(notes_on("2021-05-01T10:00:00+07:00", "ayo coblos 2").is_empty());
        assert!(notes_on("2024-02-01T10:00:00+07:00", "ayo coblos 99").is_empty());
    }

    #[test]
    fn ballot_words_digits_and_hashtags_name_a_number() {
        assert_eq!(ballot_number("2"), Some(2));
        assert_eq!(ballot_number("02"), Some(2));
        assert_eq!(ballot_number("Coblos02"), Some(2));
        assert_eq!(ballot_number("dua"), Some(2));
        assert_eq!(ballot_number("2019"), None);
        assert_eq!(ballot_number("0"), None);
        assert_eq!(ballot_number("nomor"), None);
    }

    #[test]
    fn election_restricted_rules_need_a_date_inside_the_election() {
        let engine = engine_with("phrases = [\"nomor 02\"]\nelections = [\"pemilu-2019\"]");
        let mut item = post("pilih nomor 02");
        assert!(check(&engine, &item).is_empty(), "undated");
        item.created_at = Some(DateTime::parse_from_rfc3339("2019-03-01T10:00:00+07:00").unwrap());
        assert_eq!(
            check(&engine, &item)[0].election.as_deref(),
            Some("pemilu-2019")
        );
        item.created_at = Some(DateTime::parse_from_rfc3339("2024-01-15T10:00:00+07:00").unwrap());
        assert!(check(&engine, &item).is_empty(), "another election");
    }

    #[test]
    fn domains_trigger_on_links_in_text_or_metadata_and_unless_domains_cancel() {
        let engine = engine_with("domains = [\"hoaks-contoh.com\"]\nunless_domains = [\"go.id\"]");
        let findings = check(
            &engine,
            &post("baca https://berita.hoaks-contoh.com/a/b sekarang"),
        );
        assert_eq!(
            findings[0].evidence[0].text,
            "https://berita.hoaks-contoh.com/a/b"
        );
        assert!(
            check(&engine, &post("baca https://nothoaks-contoh.com/a")).is_empty(),
            "a lookalike host"
        );
        let mut item = post("baca ini https://t.co/abc");
        item.urls = vec!["https://hoaks-contoh.com/x".into()];
        assert_eq!(
            check(&engine, &item)[0].evidence[0].text,
            "link: hoaks-contoh.com"
        );
        item.urls.push("https://www.kominfo.go.id/bantahan".into());
        assert!(
            check(&engine, &item).is_empty(),
            "linking an official source cancels"
        );
    }

    #[test]
    fn host_words_find_sites_borrowing_a_name_and_official_domains_cancel() {
        let engine = engine_with("host_words = [\"bansos\"]\nunless_domains = [\"go.id\"]");
        let found = check(
            &engine,
            &post("Daftar di https://bansos-pkh2024.blogspot.com sekarang"),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].evidence[0].text,
            "https://bansos-pkh2024.blogspot.com"
        );
        assert!(check(&engine, &post("Info resmi https://bansos.kemensos.go.id")).is_empty());
        assert!(
            check(&engine, &post("bansos tahap 3 sudah cair")).is_empty(),
            "a word, not a link"
        );
    }

    #[test]
    fn unless_patterns_read_the_original_text() {
        let engine =
            engine_with("phrases = [\"sebarkan\"]\nunless_patterns = ['^\\s*\\[HOAKS\\]']");
        assert_eq!(check(&engine, &post("Sebarkan! bank tutup besok")).len(), 1);
        assert!(check(&engine, &post("[HOAKS] Sebarkan! bank tutup besok")).is_empty());
        assert_eq!(
            check(&engine, &post("ini bukan [HOAKS], sebarkan")).len(),
            1
        );
    }

    #[test]
    fn multi_word_phrases_match_when_run_together_in_a_hashtag() {
        let engine = engine_with("phrases = [\"ganti presiden\", \"main slot\"]");
        let findings = check(&engine, &post("Setuju! #2019gantipresiden"));
        assert_eq!(findings[0].evidence[0].text, "gantipresiden");
        assert_eq!(check(&engine, &post("#GantiPresiden sekarang")).len(), 1);
        assert!(
            check(&engine, &post("#gantipresidennya")).is_empty(),
            "only the whole word"
        );
        assert!(check(&engine, &post("ganti baju presiden")).is_empty());
    }

    #[test]
    fn repeated_places_are_found_over_the_whole_account() {
        let engine = engine_with("location = \"repeated\"\nrepeats = 3\nradius_m = 150");
        let pinned = |id: &str, lat: f64, day: u32| {
            let mut item = post("di rumah");
            item.id = id.into();
            item.location = Some(Location {
                lat: Some(lat),
                lon: Some(106.8),
                name: None,
                origin: LocationOrigin::Geotag,
            });
            item.created_at = Some(
                DateTime::parse_from_rfc3339(&format!("2021-05-{day:02}T10:00:00+07:00")).unwrap(),
            );
            item
        };
        let items = [
            pinned("a", -6.2000, 1),
            pinned("b", -6.2004, 3),
            pinned("c", -6.1997, 2),
            pinned("far", -6.3, 4),
        ];
        let refs: Vec<&Item> = items.iter().collect();
        let ctx = CheckContext {
            account: "a",
            lang: Lang::Id,
        };
        let findings = engine.check_account(&refs, ctx, None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].item_id, "b",
            "the latest item of the place carries the finding"
        );
        assert!(
            findings[0].evidence[0]
                .text
                .starts_with("3 item berlokasi dalam radius 150 m"),
            "{:?}",
            findings[0].evidence
        );
        assert!(
            engine.check_account(&refs[..2], ctx, None).is_empty(),
            "two points are not enough"
        );
        assert!(
            engine.check(&items[0], ctx).is_empty(),
            "not an item-level rule"
        );
    }

    #[test]
    fn kinds_limit_where_a_rule_applies() {
        let engine = engine_with("phrases = [\"togel\"]\nkinds = [\"post\"]");
        let mut item = post("togel");
        assert_eq!(check(&engine, &item).len(), 1);
        item.kind = ItemKind::Like;
        assert!(check(&engine, &item).is_empty());
    }

    const SIGNALS: &str = r#"min_score = 3
unless = ["cek fakta"]
[[rule.signals]]
weight = 2
phrases = ["heboh", "gempar"]
[[rule.signals]]
weight = 1
patterns = ['!{3,}']
pattern_on = "original"
[[rule.signals]]
weight = 1
phrases = ["sebarkan"]
"#;

    #[test]
    fn signals_below_the_threshold_do_not_match_and_together_they_do() {
        let engine = engine_with(SIGNALS);
        assert!(check(&engine, &post("Heboh, pasar malam dibuka")).is_empty());
        assert!(
            check(&engine, &post("heboh gempar heboh")).is_empty(),
            "one signal counts once, however often it is found"
        );
        assert!(check(&engine, &post("Sebarkan!!!")).is_empty(), "1 + 1 < 3");
        let findings = check(&engine, &post("HEBOH!!! Bank tutup besok"));
        assert_eq!(findings.len(), 1);
        let evidence: Vec<&str> = findings[0]
            .evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(evidence, ["HEBOH!!!"], "merged spans of both signals");
        assert_eq!(check(&engine, &post("Gempar, sebarkan")).len(), 1);
    }

    #[test]
    fn unless_cancels_signals() {
        let engine = engine_with(SIGNALS);
        assert!(check(&engine, &post("Cek fakta: HEBOH!!! bank tutup besok")).is_empty());
    }

    #[test]
    fn absent_signals_count_only_in_long_enough_texts_and_never_alone() {
        let engine = engine_with(
            r#"min_score = 2
[[rule.signals]]
weight = 1
phrases = ["ternyata"]
[[rule.signals]]
weight = 1
absent = true
phrases = ["kata", "menurut"]
patterns = ['\(\d+/\d+\)']
pattern_on = "original"
min_words = 5
"#,
        );
        assert_eq!(
            check(&engine, &post("Ternyata air laut naik lima meter besok")).len(),
            1
        );
        assert!(
            check(&engine, &post("ternyata begitu")).is_empty(),
            "too short"
        );
        assert!(check(&engine, &post("Ternyata air laut naik, kata BMKG hari ini")).is_empty());
        assert!(check(&engine, &post("Ternyata air laut naik lima meter (2/3)")).is_empty());
        assert!(check(&engine, &post("air laut naik lima meter besok pagi")).is_empty());
    }

    #[test]
    fn signals_are_validated_when_loading() {
        let load = |body: &str| {
            let text = format!("[[rule]]\nid = \"judi.uji\"{HEAD}{body}\n[rule.examples]\nmatch = [\"x\"]\nno_match = [\"y\"]\n");
            Rulebook::from_files(&[("uji.toml", &text)])
                .err()
                .map(|e| e[0].to_string())
                .unwrap_or_default()
        };
        let cases = [
            ("min_score = 2\nphrases = [\"a\"]", "no [[rule.signals]]"),
            ("[[rule.signals]]\nweight = 1\nphrases = [\"a\"]", "no min_score"),
            ("min_score = 1\n[[rule.signals]]\nweight = 0\nphrases = [\"a\"]", "weight 0"),
            ("min_score = 1\n[[rule.signals]]\nweight = 1", "nothing to find"),
            ("min_score = 3\n[[rule.signals]]\nweight = 1\nphrases = [\"a\"]", "can never match"),
            ("min_score = 1\nphrases = [\"b\"]\n[[rule.signals]]\nweight = 1\nphrases = [\"a\"]", "also phrases"),
            ("min_score = 2\n[[rule.signals]]\nweight = 2\nabsent = true\nphrases = [\"a\"]\n[[rule.signals]]\nweight = 1\nphrases = [\"b\"]", "absence cannot"),
        ];
        for (body, expected) in cases {
            let error = load(body);
            assert!(
                error.starts_with("uji.toml")
                    && error.contains("judi.uji")
                    && error.contains(expected),
                "{body:?} → {error:?}"
            );
        }
    }

    #[test]
    fn prefilters_never_change_a_finding() {
        // Every example of the built-in rulebook, plus texts that hold a required literal in
        // an unusual form (Kelvin sign, long s, other case) or a word boundary next to a
        // non-ASCII character (emoji, bold digits), checked with and without them.
        let book = Rulebook::load(None).unwrap_or_else(|e| panic!("{e:?}"));
        let gated = Engine::compile(&book).unwrap();
        let ungated = Engine::compile(&book).unwrap().without_prefilters();
        let mut items: Vec<Item> = book
            .rules
            .iter()
            .flat_map(|r| {
                r.spec
                    .examples
                    .matching
                    .iter()
                    .chain(&r.spec.examples.no_match)
            })
            .filter_map(|e| crate::rules::examples::example_item(e).ok())
            .collect();
        // The same examples with an emoji, which normalisation drops, and a letter it keeps:
        // regexes with word boundaries on either text then meet their loose form first.
        let non_ascii: Vec<Item> = items
            .iter()
            .map(|item| Item {
                text: format!("{} 中🙏", item.text),
                ..item.clone()
            })
            .collect();
        items.extend(non_ascii);
        for text in [
            "SIFAT: RAHASIA, jangan disebar",
            "Sifat : \u{212A}onfidensial dan ſangat rahasia",
            "ſifat: rahasia",
            "HEBOH!!! TERBONGKAR SEMUA RAHASIA PEJABAT INI",
            "Coblos 02 ya 🙏",
            "Alhamdulillah kebeli jam tangan 𝟭𝟮𝟬 juta, self reward 🎉",
            "OOTD hari ini 😍 total outfit 50 juta",
            "Tas baru 75jt🔥 kado dari suami",
            "Hubungi 0812-3456-7890 ☎️ untuk info",
            "NIK saya 3273012505900001 🙏 tolong dibantu",
            "SIFAT: RAHASIA ⚠️ jangan disebar",
        ] {
            items.push(post(text));
        }
        let ctx = CheckContext {
            account: "uji",
            lang: Lang::Id,
        };
        let mut fired = 0;
        for item in &items {
            let a = gated.check(item, ctx);
            let b = ungated.check(item, ctx);
            assert_eq!(a, b, "{:?}", item.text);
            fired += a.len();
        }
        assert!(
            fired > items.len() / 3,
            "the examples must exercise the rules"
        );
    }

    #[test]
    fn fingerprint_is_stable_and_distinguishes_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&["twitter", "budi", "1", "judi.x"]).len(), 16);
    }
}
