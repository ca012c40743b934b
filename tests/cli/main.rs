//! The integration tests: one binary, one harness ([`harness::Env`]), one module per area.

// Each area uses a different part of the harness.
#[allow(dead_code)]
mod harness;

mod catalog;
mod completions;
mod export;
#[allow(dead_code)]
mod fixtures;
mod letter;

mod checklists;
