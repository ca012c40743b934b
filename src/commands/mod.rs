//! The command layer: one file per subcommand; [`dispatch`] resolves the global options
//! into the commands' [`Context`], turns the clap types into plain option structs, and
//! calls the command. Here, and only here, typed errors become words in the person's
//! language ([`messages`]).
//!
//! Shared by several commands: `context.rs` (the resolved global options),
//! `messages.rs` (typed errors worded), `interactive.rs` (what `guide` and `resume` share),
//! `interrupt.rs` (what a signal does to them),
//! `output.rs` (standard output or a private `-o` file), `table.rs` (plain-text tables),
//! `suggest.rs` ("did you mean …?" when a checklist name finds nothing).

mod completions;
pub mod context;
mod export;
mod guide;
mod interactive;
mod interrupt;
mod letter;
mod list;
pub mod messages;
mod new;
mod output;
mod report;
mod resume;
mod sessions;
mod show;
mod suggest;
mod table;
mod validate;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
pub use context::Context;

/// Writes a line to standard error, its control characters made visible (it may quote a
/// file name or a value). A closed or broken stderr is ignored: `eprintln!` would panic
/// there, and the line only informs.
pub(crate) fn note(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", crate::visible::text(line));
}

/// Writes `text` and a line break to `out`, its control characters made visible: every line
/// a command prints that may hold text from outside simcancel goes through here (or
/// [`note`]).
pub(crate) fn say(out: &mut impl std::io::Write, text: &str) -> std::io::Result<()> {
    writeln!(out, "{}", crate::visible::text(text))
}

/// Whether a write failed because the reader went away (`simcancel list | head`). Windows
/// may say so with ERROR_PIPE_NOT_CONNECTED (233), which the standard library does not
/// count as a broken pipe (it does count ERROR_NO_DATA, 232).
pub fn is_closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe || (cfg!(windows) && e.raw_os_error() == Some(233))
}

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    // `export` and `letter` default to the session's language, so they need to know
    // whether --lang was given rather than taken from the environment.
    let lang_given = cli.global.lang.is_some();
    let cx = Context::resolve(cli.global)?;
    context::set_console_colours();
    match cli.command {
        Command::List(args) => list::run(
            &cx,
            list::ListOptions {
                country: args.country,
                kind: args.kind,
                json: args.json,
            },
        ),
        Command::Show(args) => show::run(
            &cx,
            show::ShowOptions {
                id: args.checklist,
                json: args.json,
            },
        ),
        Command::Validate(args) => validate::run(&cx, &args.paths, args.strict),
        Command::Completions(args) => completions::run(args.shell),
        Command::Export(args) => export::run(&cx, args, lang_given),
        Command::Letter(args) => letter::run(&cx, args, lang_given),
        Command::Report(args) => report::run(&cx, args, lang_given),
        Command::New(args) => new::run(&cx, args),
        Command::Guide(args) => guide::run(&cx, args.checklist.as_deref(), &args.answers),
        Command::Resume(args) => resume::run(&cx, args.session.as_deref(), &args.answers),
        Command::Sessions(args) => sessions::run(&cx, args.all, args.json),
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_closed_pipe_is_recognised_by_kind_and_on_windows_by_code() {
        assert!(super::is_closed_pipe(&Error::from(ErrorKind::BrokenPipe)));
        assert!(!super::is_closed_pipe(&Error::from(
            ErrorKind::PermissionDenied
        )));
        // ERROR_PIPE_NOT_CONNECTED on Windows; no pipe error on Unix.
        let code_233 = Error::from_raw_os_error(233);
        assert_eq!(super::is_closed_pipe(&code_233), cfg!(windows));
    }
}
