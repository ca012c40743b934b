//! The `simcancel` binary: parses the command line, runs it, prints an error once.

use std::process::ExitCode;

fn main() -> ExitCode {
    match simcancel::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("simcancel: {err:#}");
            ExitCode::from(simcancel::exit::ERROR)
        }
    }
}
