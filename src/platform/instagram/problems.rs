//! Problems inside one file, summarised as one `InputError` so a file with a thousand bad
//! records gives one readable message and nothing is lost silently.

use std::fmt::Display;

use crate::error::InputError;

const EXAMPLES: usize = 3;

#[derive(Debug, Default)]
pub struct Problems {
    skipped: usize,
    examples: Vec<String>,
}

impl Problems {
    /// Record `position` (1-based) could not be used and was skipped.
    pub fn skip(&mut self, position: usize, reason: impl Display) {
        self.skipped += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(format!("record {position}: {reason}"));
        }
    }

    /// One error for the file, or `None` when every record was read.
    pub fn into_error(self, shown: &str, found: usize) -> Option<InputError> {
        if self.skipped == 0 {
            return None;
        }
        let more = if self.skipped > EXAMPLES { "; …" } else { "" };
        let verb = if self.skipped == 1 { "was" } else { "were" };
        Some(InputError::new(
            shown,
            format!(
                "{} of {found} records {verb} malformed and skipped ({}{more})",
                self.skipped,
                self.examples.join("; ")
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_all_and_shows_three() {
        let mut p = Problems::default();
        for i in 1..=4 {
            p.skip(i, "expected an object, found a number");
        }
        let e = p.into_error("a.zip!posts_1.json", 9).unwrap();
        assert!(
            e.message.starts_with("4 of 9 records were malformed"),
            "{e}"
        );
        assert!(e.message.contains("record 3:") && !e.message.contains("record 4:"));
        assert!(e.message.ends_with("; …)"), "{e}");
        assert!(Problems::default().into_error("f", 1).is_none());
    }
}
