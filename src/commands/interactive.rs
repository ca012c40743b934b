//! The interactive part that `guide` and `resume` share: the front end for this terminal,
//! the Ctrl-C handler, the `--answer` values, the [`Engine`] run with durable saves, and
//! the closing message with its exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Result;

use super::context::Context;
use super::messages::Localized;
use crate::checklist::{Answer, Question};
use crate::clock;
use crate::engine::{DialoguerPrompter, Engine, Outcome, PlainPrompter, Prompter, Stop};
use crate::exit;
use crate::i18n::{Strings, fill};
use crate::session::{Session, Store, Timestamp};

/// The line printed when a signal stops the guide: set once the session exists, since its
/// state is on disk from then on.
static RESUME_HINT: Mutex<Option<String>> = Mutex::new(None);

/// The front end for this run: dialoguer in a terminal, numbered lines otherwise.
pub fn prompter(cx: &Context) -> Box<dyn Prompter> {
    if cx.plain {
        // A terminal echoes what is typed; answers from a pipe are echoed by the prompter.
        let piped = !std::io::stdin().is_terminal();
        Box::new(
            PlainPrompter::new(std::io::stdin().lock(), std::io::stdout(), cx.strings())
                .echo_answers(piped),
        )
    } else {
        Box::new(DialoguerPrompter::new())
    }
}

/// Installs the handler for Ctrl-C, SIGTERM and SIGHUP (a closed terminal). The state is
/// saved before every prompt, so the handler only says how to resume, restores the cursor
/// and exits 130.
pub fn install_signal_handler(cx: &Context) -> Result<()> {
    let plain = cx.plain;
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
    cx: &Context,
    questions: &[Question],
    raw: &[String],
) -> std::result::Result<Vec<(String, Answer)>, ExitCode> {
    parse_answers(questions, raw, cx.strings()).map_err(|msg| {
        super::note(&format!("simcancel: {msg}"));
        ExitCode::from(exit::USAGE)
    })
}

/// Runs the engine on a locked session and prints how it ended. `on_disk`: for a session
/// read from its file, how many events the file holds (see [`Engine::resuming`]).
pub fn run_engine(
    cx: &Context,
    store: &Store,
    session: &mut Session,
    on_disk: Option<usize>,
    prompter: &mut dyn Prompter,
) -> Result<ExitCode> {
    let g = &cx.strings().guide;
    let hint = fill(g.saved_resume, &[("id", &session.id)]);
    if let Ok(mut h) = RESUME_HINT.lock() {
        *h = Some(hint.clone());
    }
    let mut saver = |s: &Session| store.save(s);
    let clock = engine_clock();
    let mut engine = Engine::new(session, prompter, &mut saver, &clock, cx.strings());
    if let Some(events) = on_disk {
        engine = engine.resuming(events);
    }
    let outcome = engine.run().localized(cx.strings())?;
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
pub fn stopped(stop: &Stop, eof_message: &str) -> Result<ExitCode> {
    match stop {
        Stop::EndOfInput => anyhow::bail!("{eof_message}"),
        Stop::Interrupted => Ok(ExitCode::from(exit::INTERRUPTED)),
        Stop::Io(e) => Err(anyhow::anyhow!("cannot talk to the terminal: {e}")),
    }
}

/// Answers given in advance (`--answer ID=VALUE`), checked against the checklist.
fn parse_answers(
    questions: &[Question],
    raw: &[String],
    s: &Strings,
) -> std::result::Result<Vec<(String, Answer)>, String> {
    let g = &s.guide;
    let mut out = Vec::new();
    for arg in raw {
        let Some((id, value)) = arg.split_once('=') else {
            return Err(fill(g.answer_syntax, &[("arg", arg)]));
        };
        let (id, value) = (id.trim(), value.trim());
        let Some(q) = questions.iter().find(|q| q.id == id) else {
            let valid: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
            let valid = if valid.is_empty() {
                "-".to_string()
            } else {
                valid.join(", ")
            };
            return Err(fill(
                g.answer_unknown,
                &[("question", &id), ("valid", &valid)],
            ));
        };
        match q.parse_answer(value) {
            Some(a) => out.push((q.id.clone(), a)),
            None => {
                let valid: Vec<String> = q.answers().iter().map(|a| a.to_string()).collect();
                return Err(fill(
                    g.answer_invalid,
                    &[
                        ("question", &id),
                        ("value", &value),
                        ("valid", &valid.join(", ")),
                    ],
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::walk::fixture_ref;
    use crate::i18n::Lang;

    #[test]
    fn answers_given_in_advance_are_checked() {
        let qs = fixture_ref().snapshot.questions;
        let ok = parse_answers(
            &qs,
            &["keep_number=no".into(), "esim=yes".into()],
            Lang::En.strings(),
        );
        assert_eq!(
            ok.expect("valid"),
            vec![
                ("keep_number".to_string(), Answer::Bool(false)),
                ("esim".to_string(), Answer::Bool(true))
            ]
        );
        let err =
            parse_answers(&qs, &["nope=yes".into()], Lang::En.strings()).expect_err("unknown");
        assert!(err.contains("keep_number, has_balance, esim"), "{err}");
        let err =
            parse_answers(&qs, &["esim=maybe".into()], Lang::En.strings()).expect_err("value");
        assert!(err.contains("use one of: yes, no"), "{err}");
        let err = parse_answers(&qs, &["esim".into()], Lang::En.strings()).expect_err("syntax");
        assert!(err.contains("ID=VALUE"), "{err}");
    }
}
