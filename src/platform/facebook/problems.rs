//! What went wrong inside one file, summarised as one `InputError` so a file with a thousand
//! bad entries gives one readable message, and nothing is lost silently.

use std::fmt::Display;

use crate::error::InputError;

/// Examples kept per kind of problem; the counts are always complete.
const EXAMPLES: usize = 3;

#[derive(Debug, Default)]
pub struct Problems {
    skipped: usize,
    skipped_examples: Vec<String>,
    gaps: usize,
    gap_examples: Vec<String>,
}

impl Problems {
    /// Entry `where_` could not be used at all.
    pub fn skip(&mut self, where_: impl Display, reason: impl Display) {
        self.skipped += 1;
        if self.skipped_examples.len() < EXAMPLES {
            self.skipped_examples.push(format!("{where_}: {reason}"));
        }
    }

    /// Entry `where_` was kept, but part of it could not be read.
    pub fn gap(&mut self, where_: impl Display, reason: impl Display) {
        self.gaps += 1;
        if self.gap_examples.len() < EXAMPLES {
            self.gap_examples.push(format!("{where_}: {reason}"));
        }
    }

    /// One error for the whole file, or `None` when all went well; `found` is how many
    /// entries the file holds.
    pub fn into_error(self, shown: &str, found: usize) -> Option<InputError> {
        let mut parts = Vec::new();
        if self.skipped > 0 {
            parts.push(format!(
                "{} of {found} entries {} malformed and skipped ({}{})",
                self.skipped,
                if self.skipped == 1 { "was" } else { "were" },
                self.skipped_examples.join("; "),
                more(self.skipped)
            ));
        }
        if self.gaps > 0 {
            parts.push(format!(
                "{} {} kept with a part missing ({}{})",
                self.gaps,
                if self.gaps == 1 {
                    "entry was"
                } else {
                    "entries were"
                },
                self.gap_examples.join("; "),
                more(self.gaps)
            ));
        }
        (!parts.is_empty()).then(|| InputError::new(shown, parts.join("; ")))
    }
}

fn more(count: usize) -> &'static str {
    if count > EXAMPLES {
        "; …"
    } else {
        ""
    }
}
