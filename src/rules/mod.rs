//! The rulebook: loading and validating rule files, compiling them into one engine, the
//! election calendar, identifier validators, and checking each rule's own examples.

mod automaton;
pub mod calendar;
pub mod engine;
pub mod examples;
pub mod load;
pub mod places;
mod prefilter;
pub mod schema;
pub mod validators;

pub use engine::{CheckContext, Engine};
pub use load::{Rule, RuleError, Rulebook};
