//! The `simcancel` binary: parses the command line, runs it, prints an error once.

use std::io::Write;
use std::process::ExitCode;

/// mimalloc (its version 2): loading a catalogue allocates and frees many small strings and
/// tables per file, and a long session's export builds megabytes of text. Against the
/// system allocator, in the release binary: cold `list` of 1,000 files 48 → 41 ms, txt export
/// of 10,000 events 21 → 17 ms, and a smaller start (bundled `list` 1.12 → 0.98 million
/// instructions, 156 → 124 page faults). Version 3 started slower (an option read from the
/// environment per allocator setting, a 1 GiB arena reserved at once).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
