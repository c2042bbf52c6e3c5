//! The word pass: walks the original text once and cuts it into raw words made of folded
//! characters ([`Unit`]s), each remembering the original bytes it came from.
//!
//! A word is a run of letters and digits (plus the combining marks of scripts that need them).
//! `@` and `$` between two letters stay inside the word (`b@ngsat`) for the leetspeak step; a
//! `*` between two letters is dropped without splitting the word (`b*ngsat` → `bngsat`).
//! Everything else separates words; the separator is remembered when it is a single `.`, `-`,
//! `_`, `*` or space, so that `b.a.n.g.s.a.t` can be joined later.

use unicode_normalization::char::is_combining_mark;

use super::fold::{fold_char, is_ignorable};
use super::scan::{Span, SpanKind};

/// One folded character with the original byte range that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    pub c: char,
    pub start: u32,
    pub end: u32,
    /// The original character was uppercase (hashtags split on case changes).
    pub upper: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    Plain,
    /// A hashtag body, still to be split into words. May contain `_` units as boundaries.
    Hashtag,
    /// A whole span replaced by one fixed token (`url`, `email`, `user`).
    Token(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawWord {
    pub kind: WordKind,
    /// Index range into the unit buffer.
    pub first: u32,
    pub last: u32,
    /// Original byte range of the whole word.
    pub start: u32,
    pub end: u32,
    /// The single separator byte before this word (`.`, `-`, `_`, `*`, space), or 0.
    pub gap: u8,
}

pub(crate) const URL_TOKEN: &str = "url";
pub(crate) const EMAIL_TOKEN: &str = "email";
pub(crate) const MENTION_TOKEN: &str = "user";

struct Tokenizer<'a> {
    units: &'a mut Vec<Unit>,
    words: &'a mut Vec<RawWord>,
    /// First unit of the word being built (== units.len() when none).
    word_first: usize,
    /// Gap byte of the word being built.
    word_gap: u8,
    /// Separator characters seen since the last word, and the last one if it is joinable.
    sep_count: u32,
    sep_byte: u8,
}

impl Tokenizer<'_> {
    fn in_word(&self) -> bool {
        self.units.len() > self.word_first
    }

    fn push_unit(&mut self, unit: Unit) {
        if !self.in_word() {
            self.word_gap = if self.sep_count == 1 {
                self.sep_byte
            } else {
                0
            };
            self.sep_count = 0;
        }
        self.units.push(unit);
    }

    fn flush(&mut self) {
        if self.in_word() {
            let first = &self.units[self.word_first];
            let last = &self.units[self.units.len() - 1];
            self.words.push(RawWord {
                kind: WordKind::Plain,
                first: self.word_first as u32,
                last: self.units.len() as u32,
                start: first.start,
                end: last.end,
                gap: self.word_gap,
            });
            self.word_first = self.units.len();
        }
    }

    fn separator(&mut self, c: char) {
        self.flush();
        self.sep_count += 1;
        self.sep_byte = match c {
            '.' | '-' | '_' | '*' | ' ' => c as u8,
            _ => 0,
        };
    }

    /// Lets invisible or dropped characters extend the previous unit, so evidence covers
    /// `e` + combining accent as a whole.
    fn extend_last(&mut self, end: u32) {
        if self.in_word() {
            if let Some(last) = self.units.last_mut() {
                last.end = end;
            }
        }
    }

    fn plain_char(&mut self, i: usize, c: char, next: Option<char>) {
        let (start, end) = (i as u32, (i + c.len_utf8()) as u32);
        if is_ignorable(c) {
            self.extend_last(end);
            return;
        }
        if c == '*'
            && self.units.last().is_some_and(|u| u.c.is_alphabetic())
            && self.in_word()
            && next.is_some_and(char::is_alphabetic)
        {
            // A censoring star inside a word (`b*ngsat`, `k*nt*l`) is dropped; the consonant
            // skeleton it leaves is often a known spelling (`bngsat`, `kntl`).
            self.extend_last(end);
            return;
        }
        let upper = c.is_uppercase();
        let mut emitted = false;
        fold_char(c, |d| {
            emitted = true;
            let unit = Unit {
                c: d,
                start,
                end,
                upper,
            };
            if d.is_alphanumeric() {
                self.push_unit(unit);
            } else if is_combining_mark(d) {
                // Marks continue a word; a stray mark is dropped.
                if self.in_word() {
                    self.push_unit(unit);
                }
            } else if (d == '@' || d == '$')
                && self.units.last().is_some_and(|u| u.c.is_alphabetic())
                && self.in_word()
                && next.is_some_and(char::is_alphabetic)
            {
                self.push_unit(unit);
            } else {
                self.separator(d);
            }
        });
        if !emitted {
            self.extend_last(end);
        }
    }

    fn special(&mut self, text: &str, span: Span) {
        self.flush();
        self.sep_count = 0;
        let token = match span.kind {
            SpanKind::Url => URL_TOKEN,
            SpanKind::Email => EMAIL_TOKEN,
            SpanKind::Mention => MENTION_TOKEN,
            SpanKind::Hashtag => {
                self.hashtag(text, span);
                return;
            }
        };
        let at = self.units.len() as u32;
        self.words.push(RawWord {
            kind: WordKind::Token(token),
            first: at,
            last: at,
            start: span.start as u32,
            end: span.end as u32,
            gap: 0,
        });
    }

    /// Folds a hashtag body into units; `_` and anything not alphanumeric become boundary
    /// units. The first unit's range starts at the `#` so evidence includes it.
    fn hashtag(&mut self, text: &str, span: Span) {
        let first = self.units.len();
        let body = span.start + 1;
        for (j, c) in text[body..span.end].char_indices() {
            let (start, end) = ((body + j) as u32, (body + j + c.len_utf8()) as u32);
            if is_ignorable(c) {
                if let Some(last) = self.units[first..].last_mut() {
                    last.end = end;
                }
                continue;
            }
            let upper = c.is_uppercase();
            let units = &mut *self.units;
            let mut emitted = false;
            fold_char(c, |d| {
                emitted = true;
                let boundary = !(d.is_alphanumeric() || is_combining_mark(d));
                units.push(Unit {
                    c: if boundary { '_' } else { d },
                    start,
                    end,
                    upper,
                });
            });
            if !emitted {
                if let Some(last) = units[first..].last_mut() {
                    last.end = end;
                }
            }
        }
        if let Some(u) = self.units.get_mut(first) {
            u.start = span.start as u32;
        }
        self.word_first = self.units.len();
        if self.units.len() > first {
            self.words.push(RawWord {
                kind: WordKind::Hashtag,
                first: first as u32,
                last: self.units.len() as u32,
                start: span.start as u32,
                end: span.end as u32,
                gap: 0,
            });
        }
    }
}

/// Cuts `text` into raw words. `spans` are the specials found by the scanner.
pub(crate) fn tokenize(
    text: &str,
    spans: &[Span],
    units: &mut Vec<Unit>,
    words: &mut Vec<RawWord>,
) {
    let mut t = Tokenizer {
        word_first: units.len(),
        units,
        words,
        word_gap: 0,
        sep_count: 0,
        sep_byte: 0,
    };
    let bytes = text.as_bytes();
    let mut spans = spans.iter().copied();
    let mut next_span = spans.next();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(span) = next_span.filter(|s| s.start == i) {
            t.special(text, span);
            i = span.end.max(i + 1);
            while i < bytes.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            next_span = spans.next();
            continue;
        }
        let b = bytes[i];
        // Most text is ASCII letters and digits: they fold by lower-casing and always belong
        // to a word, so they skip the general path.
        if b.is_ascii_alphanumeric() {
            t.push_unit(Unit {
                c: char::from(b.to_ascii_lowercase()),
                start: i as u32,
                end: i as u32 + 1,
                upper: b.is_ascii_uppercase(),
            });
            i += 1;
            continue;
        }
        // Spaces and punctuation separate words; only `*`, `@` and `$` may stay inside one.
        if b.is_ascii() && !matches!(b, b'*' | b'@' | b'$') {
            t.separator(char::from(b));
            i += 1;
            continue;
        }
        let mut rest = text.get(i..).unwrap_or_default().chars();
        let Some(c) = rest.next() else { break };
        t.plain_char(i, c, rest.next());
        i += c.len_utf8();
    }
    t.flush();
}

#[cfg(test)]
mod tests {
    use super::super::scan::find_specials;
    use super::*;

    fn words(text: &str) -> Vec<(String, &str, u8)> {
        let mut spans = Vec::new();
        find_specials(text, &mut spans);
        let (mut units, mut words) = (Vec::new(), Vec::new());
        tokenize(text, &spans, &mut units, &mut words);
        words
            .iter()
            .map(|w| {
                let s: String = match w.kind {
                    WordKind::Token(t) => t.to_string(),
                    _ => units[w.first as usize..w.last as usize]
                        .iter()
                        .map(|u| u.c)
                        .collect(),
                };
                (s, &text[w.start as usize..w.end as usize], w.gap)
            })
            .collect()
    }

    /// The word pass one character at a time, with no ASCII shortcut: what `tokenize` must
    /// give on every text.
    fn tokenize_by_chars(text: &str, spans: &[Span]) -> (Vec<Unit>, Vec<RawWord>) {
        let (mut units, mut words) = (Vec::new(), Vec::new());
        let mut t = Tokenizer {
            word_first: 0,
            units: &mut units,
            words: &mut words,
            word_gap: 0,
            sep_count: 0,
            sep_byte: 0,
        };
        let mut spans = spans.iter().peekable();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if let Some(&&span) = spans.peek() {
                if i == span.start {
                    spans.next();
                    t.special(text, span);
                    while chars.next_if(|&(j, _)| j < span.end).is_some() {}
                    continue;
                }
            }
            let next = chars.peek().map(|&(_, n)| n);
            t.plain_char(i, c, next);
        }
        t.flush();
        (units, words)
    }

    #[test]
    fn the_ascii_shortcut_changes_nothing() {
        const PIECES: [&str; 28] = [
            "!",
            ",",
            "\n",
            "~",
            "a",
            "B",
            "z",
            "4",
            "0",
            "2",
            " ",
            ".",
            "-",
            "_",
            "*",
            "@",
            "$",
            "#",
            "é",
            "É",
            "\u{301}",
            "\u{200B}",
            "ꦏ",
            "😂",
            "Ｂ",
            "https://x.id/a",
            "www.b.id",
            "c@d.co",
        ];
        let mut random = crate::test_random::TestRandom::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..random.below(14) {
                text.push_str(PIECES[random.below(PIECES.len())]);
            }
            let mut spans = Vec::new();
            find_specials(&text, &mut spans);
            let (mut units, mut words) = (Vec::new(), Vec::new());
            tokenize(&text, &spans, &mut units, &mut words);
            assert_eq!(
                (units, words),
                tokenize_by_chars(&text, &spans),
                "text {text:?}"
            );
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let w = words("Halo, dunia!! 2019 covid19 😂😂 ok");
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["halo", "dunia", "2019", "covid19", "ok"]);
        assert_eq!(w[0].1, "Halo");
    }

    #[test]
    fn at_and_dollar_only_between_letters() {
        let w = words("b@ngsat $etan ba$ta @ a@ ");
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["b@ngsat", "etan", "ba$ta", "a"]);
    }

    #[test]
    fn censoring_star_between_letters_is_dropped() {
        let w = words("b*ngsat *penting* a * b 3*4");
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["bngsat", "penting", "a", "b", "3", "4"]);
        assert_eq!(w[0].1, "b*ngsat");
    }

    #[test]
    fn single_separators_are_remembered() {
        let w = words("b.a-n  g");
        let gaps: Vec<u8> = w.iter().map(|x| x.2).collect();
        assert_eq!(gaps, [0, b'.', b'-', 0]);
    }

    #[test]
    fn invisible_characters_do_not_split_and_accents_stay_with_their_letter() {
        let w = words("ban\u{200B}gsat cafe\u{0301}!");
        assert_eq!(w[0].0, "bangsat");
        assert_eq!(w[1].0, "cafe");
        assert_eq!(w[1].1, "cafe\u{0301}");
    }

    #[test]
    fn specials_become_tokens_or_hashtag_words() {
        let w = words("cek https://x.id/anjing @anjingkampung a@b.co #GantiPresiden");
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["cek", "url", "user", "email", "gantipresiden"]);
        assert_eq!(w[4].1, "#GantiPresiden");
    }
}
