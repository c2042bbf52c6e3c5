//! The normalisation pipeline: specials → words → (join spelled-out letters, leetspeak,
//! reduplication, repeated letters, slang) → output text with a byte map to the original.
//!
//! One pass over the original text for the specials, one for the words, one over the words
//! for the output. Working buffers live in a thread-local scratch and are reused, so a call
//! allocates only what it returns (the text, its map and the word starts), and
//! [`normalize_into`] not even that once its result's buffers are large enough.

use std::cell::RefCell;

use unicode_normalization::char::is_combining_mark;

use super::leet;
use super::scan::{find_specials, Span};
use super::slang::{self, Slang};
use super::tokenize::{tokenize, RawWord, Unit, WordKind};
use super::{hashtag, NormalizedText};

#[derive(Default)]
struct Scratch {
    spans: Vec<Span>,
    units: Vec<Unit>,
    words: Vec<RawWord>,
    joined: Vec<Unit>,
    part: Vec<Unit>,
    collapsed: Vec<Unit>,
    key: String,
}

impl Scratch {
    /// Keeps one huge post from pinning its buffers for the life of the thread.
    fn trim(&mut self) {
        const KEEP: usize = 1 << 12;
        if self.units.capacity() > 16 * KEEP {
            *self = Scratch::default();
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Normalises `original` (see the module documentation of [`crate::text`]).
///
/// Texts longer than `u32::MAX` bytes are normalised up to that length only (archive size
/// limits make this theoretical).
pub fn normalize(original: &str) -> NormalizedText {
    let mut out = NormalizedText::default();
    normalize_into(original, &mut out);
    out
}

/// Like [`normalize`], into `out`, reusing its buffers and keeping their capacity: the rule
/// engine normalises every text of an audit into one result per thread, and drops it after
/// a huge text.
pub fn normalize_into(original: &str, out: &mut NormalizedText) {
    let slang = slang::table();
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => run(original, Some(slang), &mut scratch, out),
        Err(_) => run(original, Some(slang), &mut Scratch::default(), out),
    })
}

/// The same transformation applied to a rule phrase, so phrases and texts meet in the same
/// form: `"Ganti Presiden"` → `"ganti presiden"`, `"maaf"` → `"maf"`, `"gak becus"` →
/// `"tidak becus"`.
///
/// A phrase that normalises to a special token alone (`url`, `email`, `user`, e.g. a phrase
/// `"@akun"`) would match every URL, address or mention: the rule loader should reject it.
pub fn normalize_phrase(phrase: &str) -> String {
    normalize(phrase).text
}

/// The normaliser without the slang table: used to load the table itself.
pub(crate) fn normalize_without_slang(s: &str) -> String {
    let mut out = NormalizedText::default();
    run(s, None, &mut Scratch::default(), &mut out);
    out.text
}

fn run(original: &str, slang: Option<&Slang>, scratch: &mut Scratch, result: &mut NormalizedText) {
    let original = clamp_len(original);
    let Scratch {
        spans,
        units,
        words,
        joined,
        part,
        collapsed,
        key,
    } = scratch;
    spans.clear();
    units.clear();
    words.clear();
    find_specials(original, spans);
    tokenize(original, spans, units, words);

    let mut w = Writer {
        out: Out::reusing(result, original.len()),
        slang,
        collapsed,
        key,
    };
    let mut k = 0;
    while k < words.len() {
        let word = words[k];
        match word.kind {
            WordKind::Token(token) => {
                w.out.begin_word(word.start, None);
                w.out.push_str(token, word.start, word.end);
                k += 1;
            }
            WordKind::Hashtag => {
                let body = &units[word.first as usize..word.last as usize];
                hashtag::for_each_part(body, |p| w.word(p, None));
                k += 1;
            }
            WordKind::Plain => {
                let end = spelled_out_end(words, units, k);
                if end == k + 1 {
                    // A word on its own is changed in place: its units are not read again.
                    let body = &mut units[word.first as usize..word.last as usize];
                    if body.iter().all(|u| u.c.is_ascii_lowercase()) {
                        // Most words: ASCII letters only, which leetspeak and reduplication
                        // (both about digits and symbols) leave as they are.
                        w.word(body, None);
                    } else {
                        leet::apply(body);
                        w.plain(body, part);
                    }
                } else {
                    joined.clear();
                    for x in &words[k..end] {
                        joined.extend_from_slice(&units[x.first as usize..x.last as usize]);
                    }
                    leet::apply(joined);
                    w.plain(joined, part);
                }
                k = end;
            }
        }
    }
    w.out.finish(result);
    scratch.trim();
}

fn clamp_len(s: &str) -> &str {
    let max = u32::MAX as usize;
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Step "separators inside words": a run of at least three one-character words (letters, or
/// leet digits) separated each by the same single `.`, `-`, `_`, `*` or space, with at least
/// three letters, is one word: `b.a.n.g.s.a.t`, `a n j i n g`, `k-o-n-t-o-l`, `b.4.n.g`.
/// Returns the end (exclusive) of the run starting at `k`, or `k + 1`.
fn spelled_out_end(words: &[RawWord], units: &[Unit], k: usize) -> usize {
    let single = |w: &RawWord| -> Option<bool> {
        if w.kind != WordKind::Plain || w.last - w.first != 1 {
            return None;
        }
        let c = units[w.first as usize].c;
        if c.is_alphabetic() {
            Some(true)
        } else if c.is_ascii_digit() && leet::leet_letter(c).is_some() {
            Some(false)
        } else {
            None
        }
    };
    let Some(first_is_letter) = single(&words[k]) else {
        return k + 1;
    };
    let sep = match words.get(k + 1) {
        Some(next) if next.gap != 0 => next.gap,
        _ => return k + 1,
    };
    let mut letters = usize::from(first_is_letter);
    let mut m = k + 1;
    while m < words.len() && words[m].gap == sep {
        match single(&words[m]) {
            Some(is_letter) => letters += usize::from(is_letter),
            None => break,
        }
        m += 1;
    }
    if m - k >= 3 && letters >= 3 {
        m
    } else {
        k + 1
    }
}

/// The output being built: text, a per-byte map to original ranges, and word starts.
struct Out {
    result: NormalizedText,
    last_end: u32,
}

impl Out {
    /// Takes the buffers of `previous`, emptied, with room for a text of `n` bytes. Their
    /// capacity is kept: whoever reuses a result decides when a large one is dropped.
    fn reusing(previous: &mut NormalizedText, n: usize) -> Self {
        let mut result = std::mem::take(previous);
        result.text.clear();
        result.map.clear();
        result.word_starts.clear();
        result.text.reserve(n);
        result.map.reserve(n);
        // Words average well over four bytes with their space.
        result.word_starts.reserve(n / 4 + 1);
        Out {
            result,
            last_end: 0,
        }
    }

    /// Starts a word whose original text starts at `start`; the separating space maps to
    /// `space`, or to the gap between the previous word and this one.
    fn begin_word(&mut self, start: u32, space: Option<[u32; 2]>) {
        if !self.result.text.is_empty() {
            let range = space.unwrap_or([self.last_end.min(start), self.last_end.max(start)]);
            self.result.text.push(' ');
            self.result.map.push(range);
        }
        self.result.word_starts.push(self.result.text.len() as u32);
    }

    fn push(&mut self, c: char, start: u32, end: u32) {
        self.result.text.push(c);
        for _ in 0..c.len_utf8() {
            self.result.map.push([start, end]);
        }
        self.last_end = end;
    }

    /// Pushes `text`, the characters of `units`, each byte mapped to its unit's range.
    fn push_units(&mut self, text: &str, units: &[Unit]) {
        self.result.text.push_str(text);
        if text.len() == units.len() {
            // ASCII: a byte per unit.
            self.result
                .map
                .extend(units.iter().map(|u| [u.start, u.end]));
        } else {
            for u in units {
                for _ in 0..u.c.len_utf8() {
                    self.result.map.push([u.start, u.end]);
                }
            }
        }
        if let Some(last) = units.last() {
            self.last_end = last.end;
        }
    }

    /// Pushes a fixed string (token or slang value, possibly several words), every byte
    /// mapped to `start..end`.
    fn push_str(&mut self, s: &str, start: u32, end: u32) {
        for c in s.chars() {
            self.push(c, start, end);
            if c == ' ' {
                self.result.word_starts.push(self.result.text.len() as u32);
            }
        }
        self.last_end = end;
    }

    fn finish(self, result: &mut NormalizedText) {
        *result = self.result;
    }
}

struct Writer<'a> {
    out: Out,
    slang: Option<&'a Slang>,
    collapsed: &'a mut Vec<Unit>,
    key: &'a mut String,
}

impl Writer<'_> {
    /// Emits one word: repeated letters collapsed, then the slang table.
    fn word(&mut self, units: &[Unit], space: Option<[u32; 2]>) {
        if units.is_empty() {
            return;
        }
        let repeats = units
            .windows(2)
            .any(|pair| pair[0].c == pair[1].c && pair[1].c.is_alphabetic());
        let units: &[Unit] = if repeats {
            let collapsed = &mut *self.collapsed;
            collapsed.clear();
            for &u in units {
                if let Some(last) = collapsed.last_mut() {
                    if last.c == u.c && u.c.is_alphabetic() {
                        last.start = last.start.min(u.start);
                        last.end = last.end.max(u.end);
                        continue;
                    }
                }
                collapsed.push(u);
            }
            collapsed
        } else {
            units
        };
        // The word's text (the slang table's key, and what is written when it is not there)
        // and its original range, in one pass.
        self.key.clear();
        let (mut start, mut end) = (u32::MAX, 0);
        for u in units {
            self.key.push(u.c);
            start = start.min(u.start);
            end = end.max(u.end);
        }
        // A key is at least one byte per character, so a longer word cannot be in the table.
        if let Some(slang) = self.slang.filter(|s| units.len() <= s.max_key_len()) {
            if let Some(value) = slang.get(self.key) {
                self.out.begin_word(start, space);
                self.out.push_str(value, start, end);
                return;
            }
        }
        self.out.begin_word(start, space);
        self.out.push_units(self.key, units);
    }

    /// Emits a plain word after leetspeak, expanding reduplication: a `2` after at least three
    /// letters repeats them (`hati2` → `hati hati`, `anak2nya` → `anak anaknya`,
    /// `org2` → `orang orang`). The copy maps to the letters and the `2` together. A character
    /// left that is neither letter nor digit (an unmapped `@`) splits the word.
    fn plain(&mut self, units: &[Unit], part: &mut Vec<Unit>) {
        part.clear();
        let mut letters = 0usize;
        let mut space = None;
        for (k, &u) in units.iter().enumerate() {
            let redup =
                u.c == '2' && letters >= 3 && units.get(k + 1).is_none_or(|n| n.c.is_alphabetic());
            if redup {
                self.word(part, space);
                part.drain(..part.len() - letters);
                let start = part[0].start;
                for p in part.iter_mut() {
                    p.start = start;
                    p.end = u.end;
                }
                space = Some([u.start, u.end]);
            } else if u.c.is_alphanumeric() || is_combining_mark(u.c) {
                part.push(u);
                letters = if u.c.is_alphabetic() { letters + 1 } else { 0 };
            } else {
                self.word(part, space);
                part.clear();
                space = Some([u.start, u.end]);
                letters = 0;
            }
        }
        self.word(part, space);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `word` writes for `units`, and what leetspeak and `plain` write for them.
    fn both_ways(word: &str) -> (NormalizedText, NormalizedText) {
        let units: Vec<Unit> = word
            .char_indices()
            .map(|(i, c)| Unit {
                c,
                start: i as u32 + 3,
                end: (i + c.len_utf8()) as u32 + 3,
                upper: false,
            })
            .collect();
        let write = |general: bool| {
            let (mut collapsed, mut key, mut part) = (Vec::new(), String::new(), Vec::new());
            let mut result = NormalizedText::default();
            let mut w = Writer {
                out: Out::reusing(&mut result, word.len()),
                slang: Some(slang::table()),
                collapsed: &mut collapsed,
                key: &mut key,
            };
            // A word before, so the space and its map are written too.
            w.word(&units[..1], None);
            let mut body = units.clone();
            if general {
                leet::apply(&mut body);
                w.plain(&body, &mut part);
            } else {
                w.word(&body, None);
            }
            w.out.finish(&mut result);
            result
        };
        (write(false), write(true))
    }

    #[test]
    fn words_of_ascii_letters_skip_leetspeak_and_reduplication_unchanged() {
        // Slang keys, repeated letters, long words, one letter; and a random sample.
        let mut words: Vec<String> = ["yg", "gak", "bgst", "maaf", "bangsaaat", "a", "kkkk"]
            .iter()
            .map(|w| w.to_string())
            .chain(slang::table().iter().map(|(k, _)| k.to_string()))
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        let mut random = crate::test_random::TestRandom::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..5_000 {
            let mut word = String::new();
            for _ in 0..1 + random.below(12) {
                // Few letters, so repeats and slang keys occur.
                word.push(b"aegknty"[random.below(7)] as char);
            }
            words.push(word);
        }
        assert!(words.len() > 5_000);
        for word in &words {
            let (fast, general) = both_ways(word);
            assert_eq!(fast, general, "{word:?}");
        }
        // The check can tell: a word the shortcut must not take comes out differently.
        let (fast, general) = both_ways("b4ngsat");
        assert_ne!(fast, general);
    }

    #[test]
    fn every_byte_of_a_word_maps_to_its_own_character() {
        // Texts the normaliser leaves as they are: each output character must map to the
        // same bytes of the original, in ASCII words and in words of several-byte letters.
        for text in ["halo dunia", "halo بسم ꦲꦏ꧀ 中文 rumah", "ꦲꦏ꧀ x", "ab"] {
            let n = normalize(text);
            assert_eq!(n.as_str(), text);
            for (at, c) in text.char_indices() {
                let end = at + c.len_utf8();
                for byte in at..end {
                    assert_eq!(
                        n.original_range(byte, byte + 1),
                        at..end,
                        "{text:?} at {byte}"
                    );
                }
            }
        }
        // Words the shortcut must leave to leetspeak and reduplication still get them.
        assert_eq!(normalize("b4ngsat hati2").as_str(), "bangsat hati hati");
    }
}
