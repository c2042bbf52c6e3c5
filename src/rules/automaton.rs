//! The rulebook's multi-pattern automata (its phrases, the literals its regexes need), and
//! the walk that reports every occurrence of every pattern in a text.
//!
//! Every item's text goes through two of them: the phrases on the normalised text and the
//! literals on the original text. A DFA walk is a chain of dependent loads, one per byte,
//! so its speed is the memory latency of that chain, not the instructions around it. Walking
//! both texts in one loop runs two independent chains side by side: on the posts of a 20 MB
//! X account the pair took 604 ns per item against 944 ns one after the other, and
//! aho-corasick's overlapping iterator, which returns to its caller at every match, 1,160 ns
//! (the two automata alone, measured apart from the audit). In a whole audit the gain is
//! smaller, as the rest of the check competes for the same core: 2 % of the user time on a
//! 600 MB X account. The result is the same: the matches of each text, in the order the
//! iterator gives them.

use aho_corasick::automaton::Automaton as Walk;
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{dfa, Anchored, BuildError, MatchKind, StartKind};

/// A set of byte strings found ASCII case-insensitively, every occurrence of each (the
/// standard, overlapping semantics).
pub struct Automaton {
    kind: Kind,
}

/// A DFA where it can be built (fastest); the NFAs for a rulebook too large for one (a
/// user's `--rules` far beyond the built-in one).
enum Kind {
    Dfa(dfa::DFA),
    Contiguous(contiguous::NFA),
    Noncontiguous(noncontiguous::NFA),
}

/// Runs `$body` with `$walk` bound to the automaton of whichever kind `$automaton` holds.
macro_rules! with_walk {
    ($automaton:expr, $walk:ident => $body:expr) => {
        match &$automaton.kind {
            Kind::Dfa($walk) => $body,
            Kind::Contiguous($walk) => $body,
            Kind::Noncontiguous($walk) => $body,
        }
    };
}

impl Automaton {
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<Automaton, BuildError> {
        // No prefilter: a start state with one is "special", and the walk would leave its
        // fast path at every byte read from the start state, which is most of them. The
        // NFA is built once; the faster kinds are made from it.
        let nfa = noncontiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(patterns)?;
        let kind = match dfa::Builder::new()
            .start_kind(StartKind::Unanchored)
            .build_from_noncontiguous(&nfa)
        {
            Ok(dfa) => Kind::Dfa(dfa),
            Err(_) => match contiguous::Builder::new().build_from_noncontiguous(&nfa) {
                Ok(contiguous) => Kind::Contiguous(contiguous),
                Err(_) => Kind::Noncontiguous(nfa),
            },
        };
        Ok(Automaton { kind })
    }

    /// Calls `found(pattern, end)` for every occurrence of every pattern in `haystack`, by
    /// end, then in the order the automaton's state lists them (the order of aho-corasick's
    /// overlapping iterator). The start is `end - pattern_len(pattern)`.
    /// (The engine walks two texts at a time; this is the one-text walk the tests compare
    /// that with.)
    #[cfg(test)]
    pub fn for_each_match(&self, haystack: &[u8], found: impl FnMut(usize, usize)) {
        with_walk!(self, walk => walk_one(walk, haystack, found));
    }

    /// [`for_each_match`](Self::for_each_match) of `self` over `haystack` and of `other` over
    /// `other_haystack`, in one loop (see the module documentation).
    pub fn for_each_match_with(
        &self,
        haystack: &[u8],
        found: impl FnMut(usize, usize),
        other: &Automaton,
        other_haystack: &[u8],
        other_found: impl FnMut(usize, usize),
    ) {
        with_walk!(self, a => with_walk!(other, b => walk_two(
            Side::new(a, haystack, found),
            Side::new(b, other_haystack, other_found),
        )));
    }

    /// Length in bytes of pattern `pattern`.
    pub fn pattern_len(&self, pattern: usize) -> usize {
        let id = aho_corasick::PatternID::new_unchecked(pattern);
        with_walk!(self, walk => walk.pattern_len(id))
    }

    #[cfg(test)]
    fn is_dfa(&self) -> bool {
        matches!(self.kind, Kind::Dfa(_))
    }
}

/// One text being walked: the automaton, where it is, and who hears of its matches.
struct Side<'a, A, F> {
    walk: &'a A,
    haystack: &'a [u8],
    found: F,
    state: aho_corasick::automaton::StateID,
}

impl<'a, A: Walk, F: FnMut(usize, usize)> Side<'a, A, F> {
    fn new(walk: &'a A, haystack: &'a [u8], found: F) -> Self {
        let state = walk
            .start_state(Anchored::No)
            .expect("an unanchored automaton has an unanchored start state");
        let mut side = Side {
            walk,
            haystack,
            found,
            state,
        };
        // An empty pattern matches before the first byte (the iterator reports it there).
        side.report(0);
        side
    }

    /// Reads the byte at `at`.
    #[inline(always)]
    fn step(&mut self, at: usize) {
        self.state = self
            .walk
            .next_state(Anchored::No, self.state, self.haystack[at]);
        self.report(at + 1);
    }

    #[inline(always)]
    fn report(&mut self, end: usize) {
        if self.walk.is_special(self.state) && self.walk.is_match(self.state) {
            for index in 0..self.walk.match_len(self.state) {
                (self.found)(self.walk.match_pattern(self.state, index).as_usize(), end);
            }
        }
    }

    fn finish_from(&mut self, at: usize) {
        for at in at..self.haystack.len() {
            self.step(at);
        }
    }
}

#[cfg(test)]
fn walk_one<A: Walk>(walk: &A, haystack: &[u8], found: impl FnMut(usize, usize)) {
    Side::new(walk, haystack, found).finish_from(0);
}

fn walk_two<A: Walk, B: Walk>(
    mut a: Side<'_, A, impl FnMut(usize, usize)>,
    mut b: Side<'_, B, impl FnMut(usize, usize)>,
) {
    let both = a.haystack.len().min(b.haystack.len());
    for at in 0..both {
        a.step(at);
        b.step(at);
    }
    a.finish_from(both);
    b.finish_from(both);
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind};

    /// Every match as aho-corasick's own overlapping iterator reports it.
    fn by_the_iterator(
        patterns: &[Vec<u8>],
        kind: AhoCorasickKind,
        haystack: &[u8],
    ) -> Vec<(usize, usize)> {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .kind(Some(kind))
            .build(patterns)
            .unwrap();
        automaton
            .find_overlapping_iter(haystack)
            .map(|m| (m.pattern().as_usize(), m.end()))
            .collect()
    }

    fn walked(automaton: &Automaton, haystack: &[u8]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        automaton.for_each_match(haystack, |p, end| found.push((p, end)));
        found
    }

    fn random_patterns(
        random: &mut crate::test_random::TestRandom,
        alphabet: &[u8],
    ) -> Vec<Vec<u8>> {
        (0..1 + random.below(40))
            .map(|_| {
                // Now and then an empty pattern, which matches everywhere.
                (0..random.below(6))
                    .map(|_| alphabet[random.below(alphabet.len())])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_kind_reports_what_the_overlapping_iterator_reports_in_its_order() {
        // Few letters, both cases, a space and a non-ASCII byte: overlaps, shared suffixes
        // and case folding are common.
        let alphabet = b"abAB c\xc3";
        let mut random = crate::test_random::TestRandom::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..400 {
            let patterns = random_patterns(&mut random, alphabet);
            let haystack: Vec<u8> = (0..random.below(60))
                .map(|_| alphabet[random.below(alphabet.len())])
                .collect();
            let expected = by_the_iterator(&patterns, AhoCorasickKind::DFA, &haystack);
            let ours = Automaton::new(&patterns).unwrap();
            assert!(ours.is_dfa());
            assert_eq!(
                walked(&ours, &haystack),
                expected,
                "{patterns:?} {haystack:?}"
            );
            for (p, end) in &expected {
                assert_eq!(
                    haystack[end - ours.pattern_len(*p)..*end].to_ascii_lowercase(),
                    patterns[*p].to_ascii_lowercase()
                );
            }
            // The NFAs a rulebook too large for a DFA gets walk the same (built here with
            // their prefilter on, so their start state is "special" too).
            for kind in [
                Kind::Contiguous(
                    contiguous::Builder::new()
                        .ascii_case_insensitive(true)
                        .build(&patterns)
                        .unwrap(),
                ),
                Kind::Noncontiguous(
                    noncontiguous::Builder::new()
                        .ascii_case_insensitive(true)
                        .build(&patterns)
                        .unwrap(),
                ),
            ] {
                assert_eq!(walked(&Automaton { kind }, &haystack), expected);
            }
        }
    }

    #[test]
    fn two_texts_walked_together_give_each_its_own_matches() {
        let mut random = crate::test_random::TestRandom::new(0x2545_F491_4F6C_DD1D);
        let alphabet = b"xyXY z!";
        for _ in 0..300 {
            let (pa, pb) = (
                random_patterns(&mut random, alphabet),
                random_patterns(&mut random, alphabet),
            );
            let a = Automaton::new(&pa).unwrap();
            // A DFA walked along with an NFA, now and then.
            let b = if random.below(2) == 0 {
                Automaton::new(&pb).unwrap()
            } else {
                Automaton {
                    kind: Kind::Noncontiguous(
                        noncontiguous::Builder::new()
                            .ascii_case_insensitive(true)
                            .build(&pb)
                            .unwrap(),
                    ),
                }
            };
            let text = |random: &mut crate::test_random::TestRandom| -> Vec<u8> {
                (0..random.below(50))
                    .map(|_| alphabet[random.below(alphabet.len())])
                    .collect()
            };
            let (ta, tb) = (text(&mut random), text(&mut random));
            let (mut fa, mut fb) = (Vec::new(), Vec::new());
            a.for_each_match_with(&ta, |p, e| fa.push((p, e)), &b, &tb, |p, e| fb.push((p, e)));
            assert_eq!(fa, walked(&a, &ta));
            assert_eq!(fb, walked(&b, &tb));
        }
    }

    #[test]
    fn an_empty_pattern_matches_at_every_position_as_with_the_iterator() {
        let patterns = vec![Vec::new(), b"a".to_vec()];
        let expected = by_the_iterator(&patterns, AhoCorasickKind::DFA, b"aa");
        assert_eq!(expected.len(), 5, "{expected:?}");
        assert_eq!(walked(&Automaton::new(&patterns).unwrap(), b"aa"), expected);
        let nfa = noncontiguous::Builder::new().build(&patterns).unwrap();
        assert_eq!(
            walked(
                &Automaton {
                    kind: Kind::Noncontiguous(nfa)
                },
                b"aa"
            ),
            expected
        );
        // An empty text: the empty pattern once, at 0.
        assert_eq!(walked(&Automaton::new(&patterns).unwrap(), b""), [(0, 0)]);
        assert_eq!(
            by_the_iterator(&patterns, AhoCorasickKind::DFA, b""),
            [(0, 0)]
        );
    }
}
