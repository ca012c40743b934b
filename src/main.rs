//! The `simcancel` binary: parses the command line, runs it, prints an error once.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match simcancel::run() {
        Ok(code) => code,
        // The reader went away (`simcancel list | head`): nothing left to say to anyone.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Not eprintln!: a closed stderr must not turn an error into a panic. The message
            // may quote a file name or a value from a file: shown, never obeyed.
            let line = format!("simcancel: {err:#}");
            let _ = writeln!(std::io::stderr(), "{}", simcancel::visible::text(&line));
            ExitCode::from(simcancel::exit::ERROR)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(simcancel::commands::is_closed_pipe)
    })
}
