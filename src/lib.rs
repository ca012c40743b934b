//! simcancel: walks a person through cancelling a mobile line, SIM, eSIM or travel roaming
//! card, and keeps a dated record.
//!
//! The binary is a thin shell around [`run`]; the domain lives in [`checklist`], [`session`],
//! and the interface strings in [`i18n`].

#[cfg(not(unix))]
compile_error!(
    "simcancel supports Unix-like systems (Linux, macOS): it relies on owner-only file modes"
);

pub mod app;
pub mod checklist;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod export;
pub mod guide;
pub mod i18n;
pub mod letter;
pub mod session;

use std::process::ExitCode;

use clap::Parser;

/// Process exit codes, as documented in the README.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// An error: bad input, a file that cannot be read, a failed check.
    pub const ERROR: u8 = 1;
    /// The command line itself is wrong (clap's own code).
    pub const USAGE: u8 = 2;
    /// Interrupted by Ctrl-C; the session was saved.
    pub const INTERRUPTED: u8 = 130;
}

/// Parses the command line from the process arguments and runs the command.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = cli::Cli::parse();
    commands::dispatch(cli)
}
