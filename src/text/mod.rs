//! TEMPORARY stub (replaced by the real normaliser): lowercases and splits into words.
use std::borrow::Cow;
use std::ops::Range;

pub struct NormalizedText {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    word_starts: Vec<usize>,
}

impl NormalizedText {
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        self.starts[start] as usize..self.ends[end - 1] as usize
    }
    pub fn word_index(&self, pos: usize) -> usize {
        self.word_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1)
    }
}

pub fn normalize(original: &str) -> NormalizedText {
    let mut text = String::new();
    let (mut starts, mut ends, mut word_starts) = (Vec::new(), Vec::new(), Vec::new());
    let mut in_word = false;
    for (i, c) in original.char_indices() {
        if c.is_alphanumeric() {
            if !in_word {
                if !text.is_empty() {
                    text.push(' ');
                    starts.push(i as u32);
                    ends.push(i as u32);
                }
                word_starts.push(text.len());
                in_word = true;
            }
            for l in c.to_lowercase() {
                let before = text.len();
                text.push(l);
                for _ in before..text.len() {
                    starts.push(i as u32);
                    ends.push((i + c.len_utf8()) as u32);
                }
            }
        } else {
            in_word = false;
        }
    }
    NormalizedText {
        text,
        starts,
        ends,
        word_starts,
    }
}

pub fn normalize_phrase(phrase: &str) -> String {
    normalize(phrase).text
}

pub fn split_hashtag(tag: &str) -> String {
    tag.trim_start_matches('#').to_lowercase()
}

pub fn repair_mojibake(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}
