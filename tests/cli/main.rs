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
// Pipes, links, modes, umask and the lock file's protocol are Unix's; the store's unit
// tests cover copies and bytes that are not text on Windows too.
#[cfg(unix)]
mod files;
mod fixtures;
mod guide;
mod help;
mod hostile;
mod journey;
mod letter;
mod man;
mod new;
// Drives a Unix pseudo-terminal; Wine has no Windows pseudo-console (ConPTY) to drive instead.
#[cfg(unix)]
mod pty;
mod report;
mod schema;
mod sessions;
mod usability;
mod usage;
mod walkthrough;
