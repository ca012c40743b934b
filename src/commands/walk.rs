//! What `guide` and `resume` share: the front end for this terminal, the Ctrl-C handler, the
//! engine run with durable saves, and the closing message with its exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Result;

use super::messages::Localized;
use crate::app::App;
use crate::checklist::Question;
use crate::clock;
use crate::exit;
use crate::guide::{self, DialoguerPrompter, Engine, Outcome, PlainPrompter, Prompter};
use crate::i18n::fill;
use crate::session::{Session, Store, Timestamp};

/// The line printed when a signal stops the guide: set once the session exists, since its
/// state is on disk from then on.
static RESUME_HINT: Mutex<Option<String>> = Mutex::new(None);

/// The front end for this run: dialoguer in a terminal, numbered lines otherwise.
pub fn prompter(app: &App) -> Box<dyn Prompter> {
    if app.plain {
        // A terminal echoes what is typed; answers from a pipe are echoed by the prompter.
        let piped = !std::io::stdin().is_terminal();
        Box::new(
            PlainPrompter::new(std::io::stdin().lock(), std::io::stdout(), app.strings())
                .echo_answers(piped),
        )
    } else {
        Box::new(DialoguerPrompter::new())
    }
}

/// Installs the handler for Ctrl-C, SIGTERM and SIGHUP (a closed terminal). The state is
/// saved before every prompt, so the handler only says how to resume, restores the cursor
/// and exits 130.
pub fn install_signal_handler(app: &App) -> Result<()> {
    let plain = app.plain;
    ctrlc::set_handler(move || {
        if !plain {
            // Best effort: the terminal may already be gone.
            let _ = console::Term::stdout().show_cursor();
        }
        let hint = RESUME_HINT.lock().ok().and_then(|h| h.clone());
        if let Some(hint) = hint {
            super::note(&format!("\n{hint}"));
        }
        std::process::exit(i32::from(exit::INTERRUPTED));
    })
    .map_err(|e| anyhow::anyhow!("cannot install the Ctrl-C handler: {e}"))
}

/// The clock the engine reads: `SIMCANCEL_NOW` when set (checked once by the caller, so a
/// later read cannot fail differently), else the local time.
pub fn engine_clock() -> impl Fn() -> Timestamp {
    || clock::now().unwrap_or_else(|_| chrono::Local::now().fixed_offset())
}

/// Checks `--answer` values; a bad one is printed and turned into exit code 2.
pub fn answers_or_usage(
    app: &App,
    questions: &[Question],
    raw: &[String],
) -> std::result::Result<Vec<(String, crate::checklist::Answer)>, ExitCode> {
    guide::parse_answers(questions, raw, app.lang).map_err(|msg| {
        super::note(&format!("simcancel: {msg}"));
        ExitCode::from(exit::USAGE)
    })
}

/// Runs the engine on a locked session and prints how it ended.
pub fn walk(
    app: &App,
    store: &Store,
    session: &mut Session,
    prompter: &mut dyn Prompter,
) -> Result<ExitCode> {
    let g = &app.strings().guide;
    let hint = fill(g.saved_resume, &[("id", &session.id)]);
    if let Ok(mut h) = RESUME_HINT.lock() {
        *h = Some(hint.clone());
    }
    let mut saver = |s: &Session| store.save(s).localized(app.strings());
    let clock = engine_clock();
    let outcome = Engine::new(session, prompter, &mut saver, &clock, app.lang).run()?;
    Ok(match outcome {
        Outcome::Completed => {
            writeln!(
                std::io::stdout(),
                "{}",
                fill(g.completed, &[("id", &session.id)])
            )?;
            ExitCode::from(exit::OK)
        }
        Outcome::Abandoned => {
            writeln!(
                std::io::stdout(),
                "{}",
                fill(g.abandoned, &[("id", &session.id)])
            )?;
            ExitCode::from(exit::OK)
        }
        Outcome::Paused | Outcome::EndOfInput => {
            writeln!(std::io::stdout(), "{hint}")?;
            ExitCode::from(exit::OK)
        }
        Outcome::Interrupted => {
            super::note(&hint);
            ExitCode::from(exit::INTERRUPTED)
        }
    })
}

/// The exit code for a picker that got no answer before any session existed: nothing was
/// chosen, so end of input is an error that says how to choose without a picker.
pub fn stopped(stop: &guide::Stop, eof_message: &str) -> Result<ExitCode> {
    match stop {
        guide::Stop::EndOfInput => anyhow::bail!("{eof_message}"),
        guide::Stop::Interrupted => Ok(ExitCode::from(exit::INTERRUPTED)),
        guide::Stop::Io(e) => Err(anyhow::anyhow!("cannot talk to the terminal: {e}")),
    }
}
