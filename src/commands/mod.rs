//! The command layer: one file per subcommand; [`dispatch`] resolves the global options
//! into the commands' [`Context`], turns the clap types into plain option structs, and
//! calls the command. Here, and only here, typed errors become words in the person's
//! language ([`messages`]).
//!
//! Shared by several commands: `context.rs` (the resolved global options),
//! `messages.rs` (typed errors worded), `interactive.rs` (what `guide` and `resume` share),
//! `output.rs` (standard output or a private `-o` file), `table.rs` (plain-text tables),
//! `suggest.rs` ("did you mean …?" for a checklist name that is not an id).

mod completions;
pub mod context;
mod export;
mod guide;
mod interactive;
mod letter;
mod list;
pub mod messages;
mod output;
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

/// Writes a line to standard error. A closed or broken stderr is ignored: `eprintln!`
/// would panic there, and the line only informs.
pub(crate) fn note(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    // `export` and `letter` default to the session's language, so they need to know
    // whether --lang was given rather than taken from the environment.
    let lang_given = cli.global.lang.is_some();
    let cx = Context::resolve(cli.global)?;
    context::set_console_colours();
    let Some(command) = cli.command else {
        // `simcancel` alone: the three commands a newcomer needs, in their language.
        note(cx.strings().common.short_help);
        return Ok(ExitCode::from(crate::exit::USAGE));
    };
    match command {
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
        Command::Validate(args) => validate::run(&cx, &args.paths),
        Command::Completions(args) => completions::run(args.shell),
        Command::Export(args) => export::run(&cx, args, lang_given),
        Command::Letter(args) => letter::run(&cx, args, lang_given),
        Command::Guide(args) => guide::run(&cx, args.checklist.as_deref(), &args.answers),
        Command::Resume(args) => resume::run(&cx, args.session.as_deref(), &args.answers),
        Command::Sessions(args) => sessions::run(&cx, args.all, args.json),
    }
}
