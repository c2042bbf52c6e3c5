//! Text normalisation for rule matching, with an exact map back to the original text.
//!
//! Rules (phrase lists, regexes) match the normalised text; evidence is highlighted in the
//! original, so every byte of the normalised text knows which original bytes produced it.
//!
//! The normalised text is lowercase words separated by single spaces, with no space at either
//! end, so a phrase matches on word boundaries exactly when the bytes around a match are a
//! space or the edge of the text. What happens, in order:
//!
//! 1. **Specials** (`scan.rs`): URLs (`http://`, `https://`, `www.`) become the single token
//!    `url`, e-mail addresses `email`, mentions (`@budi`) `user`, each mapped to the whole span
//!    — so domain fragments and usernames such as `@anjingkampung` never produce findings
//!    (who is mentioned is in the item's `mentions` list). Hashtags keep their words.
//! 2. **Folding** (`fold.rs`): compatibility decomposition (NFKD: fullwidth, 𝐛𝐨𝐥𝐝, ⓒⓘⓡⓒⓛⓔⓓ
//!    letters and ligatures become plain letters), Unicode lowercase, accents dropped
//!    (`é` → `e`); letters of other scripts are kept, with the vowel signs they need.
//!    Zero-width characters do not split words.
//! 3. **Words** (`tokenize.rs`): runs of letters and digits; everything else (punctuation,
//!    emoji, symbols) separates words.
//! 4. **Hashtags** (`hashtag.rs`): `#2019GantiPresiden` → `2019 ganti presiden` (case changes,
//!    letter↔digit changes, `_`); `#gantipresiden` stays one word.
//! 5. **Spelled-out words**: at least three single letters joined by the same single `.`, `-`,
//!    `_`, `*` or space form one word (`b.a.n.g.s.a.t`, `a n j i n g`).
//! 6. **Leetspeak** (`leet.rs`): digits between letters (`b4ngs4t`, `t0l0l`), `@`/`$` between
//!    letters (`b@ngsat`). Numbers and codes (`2019`, `covid19`, `p3k`) are left alone; `2`
//!    is never a letter.
//! 7. **Reduplication**: `hati2` → `hati hati`, `anak2nya` → `anak anaknya`.
//! 8. **Repeated letters**: every run of one letter collapses (`bangsaaat` → `bangsat`, and
//!    also `maaf` → `maf`); digits never collapse. Rule phrases get the same treatment through
//!    [`normalize_phrase`], so they still meet.
//! 9. **Slang** (`slang.rs`, `rules/lexicon/slang.tsv`): whole words to canonical spellings
//!    (`yg` → `yang`, `gak` → `tidak`, `bgst` → `bangsat`), possibly several words.
//!
//! Facebook/Instagram mojibake is not repaired here: readers call [`repair_mojibake`] on the
//! text first, so evidence offsets refer to the text shown in the report.

mod fold;
mod hashtag;
mod leet;
mod mojibake;
mod normalize;
mod scan;
mod slang;
mod tokenize;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use hashtag::split_hashtag;
pub use mojibake::repair_mojibake;
pub use normalize::{normalize, normalize_into, normalize_phrase};
pub(crate) use scan::starts_with_ignore_case;

/// The token that replaces a URL in the normalised text.
pub const URL_TOKEN: &str = tokenize::URL_TOKEN;
/// The token that replaces an e-mail address in the normalised text.
pub const EMAIL_TOKEN: &str = tokenize::EMAIL_TOKEN;
/// The token that replaces an `@mention` in the normalised text.
pub const MENTION_TOKEN: &str = tokenize::MENTION_TOKEN;

/// A normalised text and the map from its bytes back to the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalizedText {
    text: String,
    /// For each byte of `text`, the original byte range that produced it.
    map: Vec<[u32; 2]>,
    /// Byte offset in `text` where each word starts.
    word_starts: Vec<u32>,
}

impl NormalizedText {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Byte range in the ORIGINAL text that produced normalised bytes `start..end`
    /// (`start < end`, both on char boundaries of the normalised text). The result is always
    /// on char boundaries of the original. Out-of-range or empty input yields an empty range
    /// instead of panicking.
    pub fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        let end = end.min(self.map.len());
        if start >= end {
            let at = match self.map.get(start) {
                Some(r) => r[0],
                None => self.map.last().map_or(0, |r| r[1]),
            };
            return at as usize..at as usize;
        }
        let (mut lo, mut hi) = (u32::MAX, 0);
        for r in &self.map[start..end] {
            lo = lo.min(r[0]);
            hi = hi.max(r[1]);
        }
        lo as usize..hi as usize
    }

    /// Word index (0-based) of the word containing normalised byte offset `pos`, for
    /// "A near B within N words". A space counts with the word before it.
    pub fn word_index(&self, pos: usize) -> usize {
        self.word_starts
            .partition_point(|&s| s as usize <= pos)
            .saturating_sub(1)
    }

    /// Number of words in the normalised text.
    pub fn word_count(&self) -> usize {
        self.word_starts.len()
    }

    /// Byte range in the normalised text of word `index`.
    pub fn word_range(&self, index: usize) -> Option<Range<usize>> {
        let start = *self.word_starts.get(index)? as usize;
        let end = match self.word_starts.get(index + 1) {
            Some(&next) => next as usize - 1,
            None => self.text.len(),
        };
        Some(start..end)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }
}
