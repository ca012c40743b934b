//! One file per subcommand; [`dispatch`] resolves the global options and calls it.

mod completions;

use std::process::ExitCode;

use anyhow::Result;

use crate::app::App;
use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    let app = App::from_args(cli.global)?;
    match cli.command {
        Command::Completions(args) => completions::run(args.shell),
        Command::List(_) | Command::Show(_) | Command::Validate(_) => {
            anyhow::bail!("{}: not built yet", app.lang)
        }
    }
}
