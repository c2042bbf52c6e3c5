//! jejak: audits social-media account archives against the social-media guidelines for
//! Indonesian civil servants (ASN).

pub mod app;
pub mod archive;
pub mod audit;
pub mod cli;
pub mod discover;
pub mod error;
pub mod eval;
pub mod media;
pub mod memory;
pub mod model;
pub(crate) mod parallel;
pub mod platform;
pub mod report;
pub mod rules;
pub mod shard;
pub mod store;
#[cfg(test)]
mod test_random;
pub mod text;
