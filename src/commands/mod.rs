//! One file per subcommand; [`dispatch`] resolves the global options and calls it.

mod completions;
mod export;
mod letter;
mod output;

use std::process::ExitCode;

use anyhow::Result;

use crate::app::App;
use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    // `export` and `letter` default to the session's language, so they need to know
    // whether --lang was given rather than taken from the environment.
    let lang_given = cli.global.lang.is_some();
    let app = App::from_args(cli.global)?;
    match cli.command {
        Command::Completions(args) => completions::run(args.shell),
        Command::Export(args) => export::run(&app, args, lang_given),
        Command::Letter(args) => letter::run(&app, args, lang_given),
        Command::List(_) | Command::Show(_) | Command::Validate(_) => {
            anyhow::bail!("{}: not built yet", app.lang)
        }
    }
}
