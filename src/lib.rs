//! jejak: audits social-media account archives against the social-media guidelines for
//! Indonesian civil servants (ASN).

pub mod archive;
pub mod error;
pub mod model;
pub mod platform;
pub mod text;
