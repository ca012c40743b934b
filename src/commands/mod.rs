//! One file per subcommand; [`dispatch`] resolves the global options, turns the clap types
//! into plain option structs, and calls the command.

mod completions;
mod export;
mod guide;
mod letter;
mod list;
mod messages;
mod output;
mod resume;
mod sessions;
mod show;
mod table;
mod validate;
mod walk;

use std::process::ExitCode;

use anyhow::Result;

use crate::app::App;
use crate::cli::{Cli, Command};

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
    let app = App::from_args(cli.global)?;
    match cli.command {
        Command::List(args) => list::run(
            &app,
            list::ListOptions {
                country: args.country,
                kind: args.kind,
                json: args.json,
            },
        ),
        Command::Show(args) => show::run(
            &app,
            show::ShowOptions {
                id: args.checklist,
                json: args.json,
            },
        ),
        Command::Validate(args) => validate::run(&app, &args.paths),
        Command::Completions(args) => completions::run(args.shell),
        Command::Export(args) => export::run(&app, args, lang_given),
        Command::Letter(args) => letter::run(&app, args, lang_given),
        Command::Guide(args) => guide::run(&app, args.checklist.as_deref(), &args.answers),
        Command::Resume(args) => resume::run(&app, args.session.as_deref(), &args.answers),
        Command::Sessions(args) => sessions::run(&app, args.all, args.json),
    }
}
