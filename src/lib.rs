//! simcancel: walks a person through cancelling a mobile line, SIM, eSIM or travel roaming
//! card, and keeps a dated record.
//!
//! The binary is a thin shell around [`run`]. The layers, each importing only those below
//! it (a test in `tests/layering.rs` keeps it so):
//!
//! - [`cli`] (clap types and the translated `--help`) → [`commands`] (one file per
//!   subcommand, the commands' context, and the messages that word typed errors);
//! - the domain: [`engine`] (the walk behind `guide` and `resume`), [`export`], [`letter`],
//!   [`report`] (which uses the record's Markdown escaping) → [`session`] → [`checklist`];
//! - leaves that anyone may import and that import nothing of the crate: [`i18n`] (every
//!   interface string), [`vocabulary`], [`fsutil`], [`clock`], [`visible`] (text from
//!   outside shown, never obeyed), [`parallel`] (independent jobs on every core); [`labels`]
//!   words the vocabularies of `checklist` and `session`.

pub mod checklist;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod engine;
pub mod export;
#[cfg(any(test, feature = "test-fixtures"))]
#[doc(hidden)]
pub mod fixtures;
pub mod fsutil;
pub mod i18n;
pub mod labels;
pub mod letter;
pub mod parallel;
pub mod report;
pub mod session;
pub mod visible;
pub mod vocabulary;
pub mod width;

use std::io::Write;
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
    /// Interrupted by Ctrl-C; the session was saved. On Unix the process then ends by the
    /// signal itself (SIGINT for Ctrl-C), which a shell reports as 128 + 2 = 130 and a
    /// calling script sees as an interrupt; where there are no signals, it exits with 130.
    pub const INTERRUPTED: u8 = 130;
}

/// Parses the command line from the process arguments and runs the command.
pub fn run() -> anyhow::Result<ExitCode> {
    #[cfg(windows)]
    utf8_console_output();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The help texts matter only when clap prints something itself (--help, a usage
    // error): only then is the command rebuilt in the person's language, which is read
    // from the raw arguments since the options are not parsed yet.
    let lang = || cli::help::help_lang(&args);
    let matches = match cli::Cli::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => e.exit(),
        // `simcancel` alone (or with options only): a newcomer to welcome rather than an
        // error to explain, with the three commands they need in their language; exit 2
        // still, as for any missing command.
        Err(e) if e.kind() == clap::error::ErrorKind::MissingSubcommand => {
            let _ = writeln!(std::io::stderr(), "{}", lang().strings().common.short_help);
            return Ok(ExitCode::from(exit::USAGE));
        }
        Err(_) => cli::help::localize(cli::Cli::command(), lang())
            .try_get_matches_from(&args)
            .unwrap_or_else(|e| cli::errors::exit(e, lang())),
    };
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| cli::errors::exit(e, lang()));
    commands::dispatch(cli)
}

/// Sets the console's output code page to UTF-8. What simcancel itself prints to a console
/// window is already right (the standard library writes it as UTF-16); the code page is
/// for the bytes it writes into a pipe that another program shows in the same console
/// (`simcancel --lang zh-CN show generic | more`), which would otherwise turn Chinese into noise.
/// Without a console (output to a file or a test's pipe) it fails, harmlessly.
#[cfg(windows)]
fn utf8_console_output() {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        // BOOL SetConsoleOutputCP(UINT wCodePageID): a number in, no pointer.
        safe fn SetConsoleOutputCP(code_page: u32) -> i32;
    }
    const CP_UTF8: u32 = 65001;
    SetConsoleOutputCP(CP_UTF8);
}
