//! The integration tests: one binary, one harness ([`harness::Env`]), one module per area.

// Each area uses a different part of the harness.
#[allow(dead_code)]
mod harness;

mod browser;
mod catalog;
mod checklists;
mod completions;
mod crash;
mod export;
mod fixtures;
mod guide;
mod help;
mod hostile;
mod journey;
mod letter;
mod man;
// Drives a Unix pseudo-terminal; Wine has no Windows pseudo-console (ConPTY) to drive instead.
#[cfg(unix)]
mod pty;
mod sessions;
mod walkthrough;
