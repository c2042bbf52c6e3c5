//! What went wrong inside one file, summarised as a single `InputError` so a file with a
//! thousand bad items gives one readable message, and nothing is lost silently.

use std::fmt::Display;

use crate::error::InputError;

/// Examples kept per kind of problem; the counts are always complete.
const EXAMPLES: usize = 3;

#[derive(Debug, Default)]
pub struct Problems {
    /// Items that could not be used at all.
    skipped: usize,
    skipped_examples: Vec<String>,
    /// Items kept, but with something missing (an unreadable date, no text).
    gaps: usize,
    gap_examples: Vec<String>,
    /// The file stopped being readable part way (cut off, or garbage after an item).
    structure: Option<String>,
}

impl Problems {
    /// Item `position` (1-based) was malformed and skipped.
    pub fn skip(&mut self, position: usize, reason: impl Display) {
        self.skipped += 1;
        if self.skipped_examples.len() < EXAMPLES {
            self.skipped_examples
                .push(format!("item {position}: {reason}"));
        }
    }

    /// Entry `label` ("message 3", "comments entry 2") could not be used at all.
    pub fn skip_at(&mut self, label: impl Display, reason: impl Display) {
        self.skipped += 1;
        if self.skipped_examples.len() < EXAMPLES {
            self.skipped_examples.push(format!("{label}: {reason}"));
        }
    }

    /// Entry `label` was kept, but part of it could not be read.
    pub fn gap_at(&mut self, label: impl Display, reason: impl Display) {
        self.gaps += 1;
        if self.gap_examples.len() < EXAMPLES {
            self.gap_examples.push(format!("{label}: {reason}"));
        }
    }

    /// Item `position` was kept, but part of it could not be read.
    pub fn gap(&mut self, position: usize, reason: impl Display) {
        self.gaps += 1;
        if self.gap_examples.len() < EXAMPLES {
            self.gap_examples.push(format!("item {position}: {reason}"));
        }
    }

    /// Adds problems found separately (one item parsed on another core), as if they had been
    /// recorded here after the ones already here.
    pub fn absorb(&mut self, other: Problems) {
        if other.is_empty() {
            return;
        }
        self.skipped += other.skipped;
        take_examples(&mut self.skipped_examples, other.skipped_examples);
        self.gaps += other.gaps;
        take_examples(&mut self.gap_examples, other.gap_examples);
        if other.structure.is_some() {
            self.structure = other.structure;
        }
    }

    /// The file's structure broke off; items after this point were not read.
    pub fn broken(&mut self, reason: impl Into<String>) {
        self.structure = Some(reason.into());
    }

    #[cfg(test)]
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    pub fn is_empty(&self) -> bool {
        self.skipped == 0 && self.gaps == 0 && self.structure.is_none()
    }

    /// One error for the whole file, or `None` when all went well. `found` is how many items
    /// the file holds.
    pub fn into_error(self, shown: &str, found: usize) -> Option<InputError> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if let Some(structure) = &self.structure {
            parts.push(structure.clone());
        }
        if self.skipped > 0 {
            parts.push(format!(
                "{} of {found} items {} malformed and skipped ({}{})",
                self.skipped,
                were(self.skipped),
                self.skipped_examples.join("; "),
                more(self.skipped)
            ));
        }
        if self.gaps > 0 {
            parts.push(format!(
                "{} {} kept with a part missing ({}{})",
                self.gaps,
                if self.gaps == 1 {
                    "item was"
                } else {
                    "items were"
                },
                self.gap_examples.join("; "),
                more(self.gaps)
            ));
        }
        Some(InputError::new(shown, parts.join("; ")))
    }
}

fn take_examples(examples: &mut Vec<String>, more: Vec<String>) {
    let room = EXAMPLES.saturating_sub(examples.len());
    examples.extend(more.into_iter().take(room));
}

fn were(count: usize) -> &'static str {
    if count == 1 {
        "was"
    } else {
        "were"
    }
}

fn more(count: usize) -> &'static str {
    if count > EXAMPLES {
        "; …"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_problem_no_error() {
        assert!(Problems::default().into_error("f", 3).is_none());
    }

    #[test]
    fn one_error_counts_everything_and_shows_a_few_examples() {
        let mut p = Problems::default();
        for i in 1..=5 {
            p.skip(i, "missing `id_str`");
        }
        p.gap(9, "unreadable date `kemarin`");
        p.broken("the file ends inside item 10 (cut off?)");
        let e = p.into_error("a.zip!data/tweets.js", 10).unwrap();
        assert_eq!(e.file, "a.zip!data/tweets.js");
        assert!(
            e.message
                .contains("5 of 10 items were malformed and skipped"),
            "{e}"
        );
        assert!(e.message.contains("item 3: missing `id_str`"), "{e}");
        assert!(!e.message.contains("item 4:"), "{e}");
        assert!(e.message.contains("; …"), "{e}");
        assert!(
            e.message
                .contains("1 item was kept with a part missing (item 9"),
            "{e}"
        );
        assert!(e.message.starts_with("the file ends inside item 10"), "{e}");
    }
}
