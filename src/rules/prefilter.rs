//! Literal prefilters for rule regexes: what every match of a pattern must contain.
//!
//! Most rule patterns cannot match most posts, but a regex only learns that by running, and on
//! texts with emoji or other non-ASCII characters a pattern with Unicode `\b` falls off the
//! fast DFA onto a backtracker. So each pattern is read once, when the rulebook is compiled,
//! for the literals any match must contain: `(?i)\bsifat\s*:\s*(?:rahasia|terbatas)` needs
//! "sifat" *and* ":" *and* one of "rahasia"/"terbatas". One case-insensitive automaton finds
//! every such literal of every rule in a text at once, and a pattern whose requirements are
//! not all present is skipped without running: the result is the same, only sooner.
//!
//! The requirements are conservative by construction: a literal is kept only when every
//! match must contain it, and whatever cannot be proven (large classes, unbounded
//! repetitions of them, single letters or digits that every text has) is simply not
//! required. A pattern with nothing provable has no requirements and always runs.
//!
//! A second gate is for Unicode word boundaries (`\b`), which the regex crate's fast DFA
//! cannot decide on a text with any non-ASCII byte: most posts have an emoji, and on those
//! such a pattern runs on a backtracker (8× its loose form's time on 40,000 posts). Its
//! loose form — the same pattern without its word boundaries, and with every class that
//! holds non-ASCII characters widened to all of them — matches wherever the pattern does
//! (an assertion only ever removes matches, a wider class only adds them) and needs no
//! backtracker, so on a non-ASCII text it runs first and the pattern only where it matched.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use rayon::prelude::*;
use regex::Regex;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

/// At most this many alternatives in one required group; beyond it the group is split or
/// dropped (dropping a requirement is always safe).
const MAX_ALTERNATIVES: usize = 64;

/// A required group: at least one of these byte strings occurs in every match, ASCII letters
/// lower-cased (the automaton matches ASCII case-insensitively).
pub type Group = Vec<Vec<u8>>;

/// A rule regex and the required groups (ids in its [`LiteralGate`]) that must all be present
/// in a text before it can match there.
pub struct GatedRegex {
    pub regex: Regex,
    needs: Box<[u32]>,
    /// The loose form of `regex` (see the module documentation), when it has Unicode word
    /// boundaries: the source, and the regex compiled when a text first needs it. Compiling
    /// every one with the engine cost 80 M instructions more (3 %) on the run of a 20 MB X
    /// account: those no text reaches (their literals absent) stay uncompiled.
    without_word_boundaries: Option<(Box<str>, OnceLock<Option<Regex>>)>,
}

impl GatedRegex {
    /// Whether a prefilter can rule this regex out at all.
    pub fn is_prefiltered(&self) -> bool {
        !self.needs.is_empty()
    }

    /// False only when the regex cannot match `haystack`: a pattern with Unicode word
    /// boundaries is first tried in its loose form on a text the fast DFA cannot search with
    /// them (one with a non-ASCII byte). On an ASCII text the regex itself is as fast.
    pub fn may_match(&self, haystack: &str) -> bool {
        match &self.without_word_boundaries {
            Some((source, compiled)) if !haystack.is_ascii() => compiled
                .get_or_init(|| Regex::new(source).ok())
                .as_ref()
                .is_none_or(|loose| loose.is_match(haystack)),
            _ => true,
        }
    }
}

/// Collects the required groups of every regex of a rulebook that runs on one kind of text
/// (original or normalised), then the gate that tells from the literals found in a text
/// which requirements it holds.
#[derive(Default)]
pub struct GateBuilder {
    group_ids: BTreeMap<Group, u32>,
}

/// Every regex of a rulebook, compiled at once on every core: compiling them is most of the
/// engine's start-up, which every run and every shard of a spread audit pays.
#[derive(Default)]
pub struct Precompiled(HashMap<String, Result<Regex, regex::Error>>);

impl Precompiled {
    pub fn new<'p>(patterns: impl Iterator<Item = &'p str>) -> Precompiled {
        let mut distinct: Vec<&str> = patterns.collect();
        distinct.sort_unstable();
        distinct.dedup();
        Precompiled(
            distinct
                .into_par_iter()
                .map(|p| (p.to_string(), Regex::new(p)))
                .collect(),
        )
    }

    /// The compiled `pattern`; one not given to `new` is compiled now.
    fn get(&self, pattern: &str) -> Result<Regex, regex::Error> {
        self.0
            .get(pattern)
            .cloned()
            .unwrap_or_else(|| Regex::new(pattern))
    }
}

impl GateBuilder {
    /// Takes `pattern` from `compiled` and registers what it requires.
    pub fn regex(
        &mut self,
        pattern: &str,
        compiled: &Precompiled,
    ) -> Result<GatedRegex, regex::Error> {
        let regex = compiled.get(pattern)?;
        // A pattern that does not parse has been refused by `get`.
        let hir = regex_syntax::Parser::new().parse(pattern).ok();
        let mut needs = Vec::new();
        for group in hir.as_ref().map(required_groups_of).unwrap_or_default() {
            let next = u32::try_from(self.group_ids.len()).unwrap_or(u32::MAX);
            needs.push(*self.group_ids.entry(group).or_insert(next));
        }
        let needs = needs.into_boxed_slice();
        Ok(GatedRegex {
            regex,
            needs,
            without_word_boundaries: hir.as_ref().and_then(without_word_boundaries),
        })
    }

    /// The gate: every literal with the groups it satisfies. Its literals are searched by
    /// whoever walks the text (the engine, along with its other patterns).
    pub fn finish(self) -> LiteralGate {
        let mut literal_ids: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
        let mut literal_groups: Vec<Vec<u32>> = Vec::new();
        for (group, id) in &self.group_ids {
            for literal in group {
                let next = literal_groups.len();
                let index = *literal_ids.entry(literal.clone()).or_insert(next);
                if index == next {
                    literal_groups.push(Vec::new());
                }
                literal_groups[index].push(*id);
            }
        }
        let mut literals: Vec<(&Vec<u8>, usize)> =
            literal_ids.iter().map(|(l, &i)| (l, i)).collect();
        literals.sort_by_key(|&(_, i)| i);
        LiteralGate {
            literals: literals.iter().map(|(l, _)| l.to_vec()).collect(),
            literal_groups,
            groups: self.group_ids.len(),
        }
    }
}

/// Every required literal of a rulebook's regexes, and which requirements each satisfies.
#[derive(Default)]
pub struct LiteralGate {
    /// The literals, by id, ASCII letters lower-cased.
    literals: Vec<Vec<u8>>,
    /// For each literal, the groups it satisfies.
    literal_groups: Vec<Vec<u32>>,
    groups: usize,
}

impl LiteralGate {
    /// Whether no regex needs any literal here (the default gate): it rules nothing out,
    /// and its literals need not be looked for.
    pub fn requires_nothing(&self) -> bool {
        self.groups == 0
    }

    /// The literals by id, for the search that looks for them (ASCII case-insensitively).
    pub fn literals(&self) -> &[Vec<u8>] {
        &self.literals
    }

    /// The requirements present in `text`, given the ids of the literals a search done
    /// elsewhere found in it (every occurrence, or at least one per literal present).
    pub fn present_from(&self, text: &str, found: &[usize]) -> Present {
        Present {
            found: self.groups_found(text, found.iter().copied()),
        }
    }

    /// Which groups the found literals satisfy; `None` when every regex must run.
    fn groups_found(&self, text: &str, literals: impl Iterator<Item = usize>) -> Option<GroupBits> {
        if self.requires_nothing() || has_non_ascii_fold(text) {
            return None;
        }
        let mut found = GroupBits::new(self.groups);
        for literal in literals {
            for &group in self.literal_groups.get(literal).into_iter().flatten() {
                found.insert(group as usize);
            }
        }
        Some(found)
    }
}

/// Words of a [`GroupBits`] kept inline: 512 groups, well above the built-in rulebook's.
const INLINE_WORDS: usize = 8;

/// A set of group ids, one bit each. Every text gets one: inline for a rulebook of usual size,
/// so it costs no allocation per text.
enum GroupBits {
    Inline([u64; INLINE_WORDS]),
    Heap(Vec<u64>),
}

impl GroupBits {
    fn new(groups: usize) -> GroupBits {
        let words = groups.div_ceil(64);
        if words <= INLINE_WORDS {
            GroupBits::Inline([0; INLINE_WORDS])
        } else {
            GroupBits::Heap(vec![0; words])
        }
    }

    fn words(&self) -> &[u64] {
        match self {
            GroupBits::Inline(words) => words,
            GroupBits::Heap(words) => words,
        }
    }

    fn insert(&mut self, group: usize) {
        let words = match self {
            GroupBits::Inline(words) => &mut words[..],
            GroupBits::Heap(words) => &mut words[..],
        };
        words[group / 64] |= 1 << (group % 64);
    }

    fn contains(&self, group: usize) -> bool {
        self.words()
            .get(group / 64)
            .is_some_and(|word| word & (1 << (group % 64)) != 0)
    }
}

/// Which required groups a text holds; `None` inside when every regex must run anyway.
pub struct Present {
    found: Option<GroupBits>,
}

impl Present {
    /// Whether `regex` could match the text (it then still has to run to tell).
    pub fn allows(&self, regex: &GatedRegex) -> bool {
        self.found
            .as_ref()
            .is_none_or(|found| regex.needs.iter().all(|&g| found.contains(g as usize)))
    }
}

/// The pattern of `hir` with every Unicode word-boundary assertion taken out, to compile
/// when needed; `None` when it has none.
fn without_word_boundaries(hir: &Hir) -> Option<(Box<str>, OnceLock<Option<Regex>>)> {
    if !hir.properties().look_set().contains_word_unicode() {
        return None;
    }
    let source = strip_word_boundaries(hir).to_string().into_boxed_str();
    Some((source, OnceLock::new()))
}

/// The loose form of `hir`: no Unicode word boundaries, and every class that holds
/// non-ASCII characters widened to all of them. Both only add matches; the second makes the
/// regex compile several times faster (a case-insensitive `\w` or `[^.\n]` is thousands
/// of UTF-8 ranges) and costs nothing on ASCII text, where it decides exactly as before.
fn strip_word_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if is_unicode_word_boundary(*look) => Hir::empty(),
        HirKind::Class(Class::Unicode(class)) if !class.is_ascii() => {
            let mut wide = class.clone();
            wide.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            wide.union(&ClassUnicode::new([ClassUnicodeRange::new(
                '\u{80}',
                char::MAX,
            )]));
            Hir::class(Class::Unicode(wide))
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(strip_word_boundaries(&rep.sub)),
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(strip_word_boundaries(&cap.sub)),
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(strip_word_boundaries).collect()),
        HirKind::Alternation(alts) => {
            Hir::alternation(alts.iter().map(strip_word_boundaries).collect())
        }
        _ => hir.clone(),
    }
}

fn is_unicode_word_boundary(look: Look) -> bool {
    matches!(
        look,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// The groups every match of the pattern `hir` needs, all of them (a conjunction of
/// alternatives). Empty when nothing can be proven.
fn required_groups_of(hir: &Hir) -> Vec<Group> {
    let mut groups = factors(hir);
    groups.retain(is_selective);
    for group in &mut groups {
        group.sort();
        group.dedup();
    }
    groups.sort();
    groups.dedup();
    groups
}

/// Characters that case-insensitive Unicode matching folds onto ASCII letters: `(?i)k` also
/// matches the Kelvin sign and `(?i)s` the long s. The required literals hold the ASCII
/// letter, so a text containing one of these must run every pattern.
pub fn has_non_ascii_fold(text: &str) -> bool {
    // Both texts of every item are asked: the two characters' first bytes are found with
    // memchr, rather than every character decoded to be compared.
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xC5, bytes).any(|at| {
        matches!(
            bytes[at..],
            [0xE2, 0x84, 0xAA, ..] // U+212A KELVIN SIGN
            | [0xC5, 0xBF, ..] // U+017F LATIN SMALL LETTER LONG S
        )
    })
}

/// A group worth requiring: no empty alternative (always present), and no alternative of one
/// byte that nearly every text has (a letter, a digit, a space, sentence punctuation): such a
/// group filters nothing and costs a match per occurrence.
fn is_selective(group: &Group) -> bool {
    !group.is_empty()
        && group.iter().all(|lit| match lit.as_slice() {
            [] => false,
            [b] => {
                !(b.is_ascii_alphanumeric()
                    || b.is_ascii_whitespace()
                    || b".,:;/()-'\"".contains(b))
            }
            _ => true,
        })
}

/// The exact strings `hir` can match, when they are few and short enough to list.
fn exact(hir: &Hir) -> Option<Group> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
        HirKind::Class(class) => class_alternatives(class),
        HirKind::Capture(cap) => exact(&cap.sub),
        HirKind::Concat(parts) => {
            let mut acc: Group = vec![Vec::new()];
            for part in parts {
                acc = product(&acc, &exact(part)?)?;
            }
            Some(acc)
        }
        HirKind::Alternation(alts) => {
            let mut all = Group::new();
            for alt in alts {
                all.extend(exact(alt)?);
                if all.len() > MAX_ALTERNATIVES {
                    return None;
                }
            }
            Some(all)
        }
        HirKind::Repetition(rep) => {
            let max = rep.max?;
            if max > 4 {
                return None;
            }
            let sub = exact(&rep.sub)?;
            let mut all = Group::new();
            let mut power: Group = vec![Vec::new()];
            for count in 0..=max {
                if count >= rep.min {
                    all.extend(power.iter().cloned());
                }
                if count < max {
                    power = product(&power, &sub)?;
                }
            }
            (all.len() <= MAX_ALTERNATIVES).then_some(all)
        }
    }
}

/// What every match of `hir` must contain, as a conjunction of groups.
fn factors(hir: &Hir) -> Vec<Group> {
    if let Some(all) = exact(hir) {
        return vec![all];
    }
    match hir.kind() {
        HirKind::Capture(cap) => factors(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => {
            // `x{2,}` contains `xx`; at worst it contains what one `x` contains.
            let whole = exact(&rep.sub).and_then(|sub| {
                let mut power: Group = vec![Vec::new()];
                for _ in 0..rep.min.min(3) {
                    power = product(&power, &sub)?;
                }
                Some(power)
            });
            match whole {
                Some(power) => vec![power],
                None => factors(&rep.sub),
            }
        }
        HirKind::Concat(parts) => concat_factors(parts),
        HirKind::Alternation(alts) => {
            // One group: the union of each branch's most selective group. A branch that needs
            // nothing makes the whole alternation need nothing.
            let mut union = Group::new();
            for alt in alts {
                let Some(best) = factors(alt)
                    .into_iter()
                    .filter(is_selective)
                    .min_by_key(|g| g.len())
                else {
                    return Vec::new();
                };
                union.extend(best);
                if union.len() > MAX_ALTERNATIVES {
                    return Vec::new();
                }
            }
            vec![union]
        }
        _ => Vec::new(),
    }
}

/// A concatenation: runs of parts with exact strings multiply into one group (`\bsifat` is
/// "sifat"); a part without exact strings ends the run and adds its own factors.
fn concat_factors(parts: &[Hir]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut run: Group = vec![Vec::new()];
    for part in parts {
        match exact(part) {
            Some(strings) => match product(&run, &strings) {
                Some(longer) => run = longer,
                None => {
                    groups.push(std::mem::replace(&mut run, strings));
                }
            },
            None => {
                groups.push(std::mem::replace(&mut run, vec![Vec::new()]));
                groups.extend(factors(part));
            }
        }
    }
    groups.push(run);
    groups
}

/// Every `a` followed by every `b`, if there are not too many.
fn product(a: &Group, b: &Group) -> Option<Group> {
    if a.len().saturating_mul(b.len()) > MAX_ALTERNATIVES {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| {
                b.iter().map(move |y| {
                    let mut joined = x.clone();
                    joined.extend_from_slice(y);
                    joined
                })
            })
            .collect(),
    )
}

/// A small class as its members, ASCII letters lower-cased. `(?i)s` is `[Ssſ]`: the long s
/// folds onto "s" here ([`has_non_ascii_fold`] covers texts that contain one).
fn class_alternatives(class: &Class) -> Option<Group> {
    const MAX_MEMBERS: u32 = 10;
    let (ranges, of_bytes): (Vec<(u32, u32)>, bool) = match class {
        Class::Unicode(set) => (
            set.ranges()
                .iter()
                .map(|r| (r.start().into(), r.end().into()))
                .collect(),
            false,
        ),
        Class::Bytes(set) => (
            set.ranges()
                .iter()
                .map(|r| (r.start().into(), r.end().into()))
                .collect(),
            true,
        ),
    };
    if ranges
        .iter()
        .map(|&(start, end)| end - start + 1)
        .sum::<u32>()
        > MAX_MEMBERS
    {
        return None;
    }
    let mut members: Group = Vec::new();
    for code in ranges.into_iter().flat_map(|(start, end)| start..=end) {
        let member = match (of_bytes, char::from_u32(code)) {
            (true, _) => vec![u8::try_from(code).unwrap_or(0).to_ascii_lowercase()],
            (false, Some('\u{212A}')) => b"k".to_vec(),
            (false, Some('\u{17F}')) => b"s".to_vec(),
            (false, Some(c)) => c.to_ascii_lowercase().to_string().into_bytes(),
            (false, None) => continue,
        };
        members.push(member);
    }
    members.sort();
    members.dedup();
    Some(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(pattern: &str) -> Vec<Vec<String>> {
        required_groups_of(&regex_syntax::Parser::new().parse(pattern).unwrap())
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|l| String::from_utf8(l).unwrap())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn group_sets_hold_exactly_what_was_put_in_inline_and_on_the_heap() {
        for groups in [1, 64, 65, INLINE_WORDS * 64, INLINE_WORDS * 64 + 1, 2000] {
            let mut set = GroupBits::new(groups);
            assert_eq!(
                matches!(set, GroupBits::Inline(_)),
                groups <= INLINE_WORDS * 64
            );
            let put: Vec<usize> = (0..groups)
                .filter(|g| g % 7 == 3 || *g == groups - 1)
                .collect();
            for &g in &put {
                set.insert(g);
            }
            let held: Vec<usize> = (0..groups + 70).filter(|&g| set.contains(g)).collect();
            assert_eq!(held, put, "{groups} groups");
        }
    }

    fn gated(pattern: &str) -> GatedRegex {
        GateBuilder::default()
            .regex(pattern, &Precompiled::default())
            .unwrap()
    }

    #[test]
    fn word_boundaries_are_tried_without_them_only_on_non_ascii_texts() {
        let price = gated(r"(?i)\b(?:jam|tas)\b[^.\n]{0,25}?\b\d{2,3}\s*(?:jt|juta)\b");
        assert!(price.without_word_boundaries.is_some());
        // Bold digits are Unicode digits: the pattern and its loose form both find them.
        let bold = "Alhamdulillah kebeli jam tangan 𝟭𝟮𝟬 juta 🎉";
        assert!(price.regex.is_match(bold) && price.may_match(bold));
        // Nothing like a price: ruled out before the pattern itself runs.
        assert!(!price.may_match("Antre di bank lama tadi 😅 #pagi"));
        // An ASCII text is left to the regex itself, which is fast there.
        assert!(price.may_match("jam segini"));
        // Without word boundaries the loose form accepts more, never less.
        let joined = "jamtangan 120 juta 🎉";
        assert!(!price.regex.is_match(joined) && price.may_match(joined));
        // `\B` is a Unicode word assertion too; ASCII-only boundaries need no second regex.
        assert!(gated(r"\Bnya").without_word_boundaries.is_some());
        assert!(gated(r"(?-u:\b)jam").without_word_boundaries.is_none());
        assert!(gated(r"^\s*\[HOAKS\]").without_word_boundaries.is_none());
    }

    #[test]
    fn words_around_gaps_are_each_required() {
        // "sangat\s+rahasia" is one branch: either of its words stands for it.
        assert_eq!(
            groups(r"(?i)\bsifat\s*:\s*(?:sangat\s+rahasia|rahasia|terbatas)\b"),
            vec![
                vec!["rahasia".to_string(), "sangat".into(), "terbatas".into()],
                vec!["sifat".into()]
            ]
        );
    }

    #[test]
    fn case_insensitive_letters_become_one_lower_case_literal() {
        assert_eq!(
            groups("(?i)KLASIFIKASI"),
            vec![vec!["klasifikasi".to_string()]]
        );
        assert_eq!(groups("Rahasia"), vec![vec!["rahasia".to_string()]]);
    }

    #[test]
    fn alternations_need_one_branch_and_a_branch_without_literals_cancels_them() {
        assert_eq!(
            groups(r"(?i)\b(?:info|sumber)\s+a1\b"),
            vec![vec!["a1".to_string()], vec!["info".into(), "sumber".into()]]
        );
        assert!(groups(r"(?i)\b(?:info|\p{Lu}+)\s+x")
            .iter()
            .all(|g| g != &["info"]));
        assert!(groups(r"\b[\p{Lu}][\p{Lu}0-9]{2,}").is_empty());
    }

    #[test]
    fn repetitions_require_their_minimum() {
        assert_eq!(groups("!{2,}"), vec![vec!["!!".to_string()]]);
        assert!(
            groups("(?:abc)*x").is_empty(),
            "an optional part is not required"
        );
        assert_eq!(
            groups(r"#(?:ayo)?coblos"),
            vec![vec!["#ayocoblos".to_string(), "#coblos".into()]]
        );
    }

    #[test]
    fn single_letters_digits_and_empty_strings_are_not_worth_requiring() {
        assert!(groups(r"\d{2,3}\s*(?:m|jt)").is_empty());
        assert!(groups(r"(?:x)?").is_empty());
        assert_eq!(groups("#"), vec![vec!["#".to_string()]]);
    }

    #[test]
    fn unparsable_patterns_are_refused_before_their_requirements_are_read() {
        let refused = GateBuilder::default().regex("(unclosed", &Precompiled::default());
        assert!(refused.is_err());
    }

    #[test]
    fn kelvin_sign_and_long_s_are_noticed() {
        assert!(has_non_ascii_fold("\u{212A}lasifikasi"));
        assert!(has_non_ascii_fold("ſifat"));
        assert!(!has_non_ascii_fold("sifat: rahasia ✨"));
        // The same answer as comparing every character, on texts full of their neighbours
        // (other characters that start with the same bytes).
        let pieces = [
            "\u{212A}", "\u{17F}", "\u{2129}", "\u{212B}", "\u{17E}", "\u{140}", "✨", "s", " ",
        ];
        let mut random = crate::test_random::TestRandom::new(0x0123_4567_89AB_CDEF);
        for _ in 0..5_000 {
            let text: String = (0..random.below(8))
                .map(|_| pieces[random.below(pieces.len())])
                .collect();
            assert_eq!(
                has_non_ascii_fold(&text),
                text.contains(['\u{212A}', '\u{17F}']),
                "{text:?}"
            );
        }
    }
}
