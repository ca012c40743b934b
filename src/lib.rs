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
pub mod fsutil;
pub mod guide;
pub mod i18n;
pub mod labels;
pub mod letter;
pub mod session;
pub mod vocabulary;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `--help` is drawn before the options are parsed, so its language is read ahead.
    let lang = help_lang(&args);
    let matches = i18n::localize_help(cli::Cli::command(), lang).get_matches_from(args);
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    commands::dispatch(cli)
}

/// The language `--help` is shown in: `--lang X` or `--lang=X` on the command line, else the
/// environment's.
fn help_lang(args: &[std::ffi::OsString]) -> i18n::Lang {
    let given = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.to_str().map(String::from),
            Some(rest) => rest.strip_prefix('=').map(String::from),
            None => None,
        }
    });
    given
        .and_then(|v| i18n::Lang::from_tag(&v))
        .unwrap_or_else(|| i18n::Lang::from_env(|k| std::env::var(k).ok()))
}
