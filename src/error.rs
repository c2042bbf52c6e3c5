//! Errors that name the file, what was found and what was expected.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A problem with one input file. The run goes on; the problem is reported in `summary.json`
/// and in the report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct InputError {
    /// The input path, and the file inside an archive when there is one (`a.zip!data/tweets.js`).
    pub file: String,
    pub message: String,
}

impl InputError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            file: file.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for InputError {}
