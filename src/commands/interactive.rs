//! The interactive part that `guide` and `resume` share: the front end for this terminal,
//! the signals ([`super::interrupt`]), the `--answer` values, the [`Engine`] run with
//! durable saves, and the closing message with its exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use super::interrupt;
use super::messages::Localized;
use crate::checklist::{Answer, Question};
use crate::clock;
use crate::engine::{DialoguerPrompter, Engine, Outcome, PlainPrompter, Prompter, Stop};
use crate::exit;
use crate::i18n::{Strings, fill};
use crate::session::{Session, SessionLock, Store, Timestamp};

/// The front end for this run: dialoguer in a terminal, numbered lines otherwise.
pub fn prompter(cx: &Context) -> Box<dyn Prompter> {
    if cx.plain {
        // A terminal echoes what is typed; answers from a pipe are echoed by the prompter.
        let piped = !std::io::stdin().is_terminal();
        // Numbered lines shown on a terminal (`--plain` there) fit its width; written to a
        // pipe or a file, they keep 80 columns.
        let width = if std::io::stdout().is_terminal() {
            usize::from(console::Term::stdout().size().1).clamp(40, 100)
        } else {
            80
        };
        Box::new(
            PlainPrompter::new(std::io::stdin().lock(), std::io::stdout(), cx.strings())
                .echo_answers(piped)
                .width(width),
        )
    } else {
        Box::new(DialoguerPrompter::new(cx.strings()))
    }
}

/// A message for this run's screen: on a terminal, wrapped between words at its width
/// rather than where the terminal cuts it (inside a command to copy); numbered lines are
/// read by programs too, and stay whole.
pub fn fitted(cx: &Context, prompter: &dyn Prompter, text: String) -> String {
    if cx.plain {
        text
    } else {
        crate::engine::screens::fit(&text, prompter.width())
    }
}

/// Starts listening for Ctrl-C, SIGTERM and SIGHUP (a closed terminal): see
/// [`super::interrupt`].
pub fn install_signal_handler(cx: &Context) -> Result<()> {
    interrupt::install(cx.plain)
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

/// Runs the engine on a saved session whose `lock` this process holds, and prints how it
/// ended. Ctrl-C ends the process here (see [`super::interrupt`]). `on_disk`: for a session
/// read from its file, how many events the file holds (see [`Engine::resuming`]).
pub fn run_engine(
    cx: &Context,
    store: &Store,
    lock: &SessionLock,
    session: &mut Session,
    on_disk: Option<usize>,
    prompter: &mut dyn Prompter,
) -> Result<ExitCode> {
    let g = &cx.strings().guide;
    let hint = fill(g.saved_resume, &[("id", &session.id)]);
    interrupt::walking(hint.clone(), lock.path().to_path_buf());
    let mut saver = |s: &Session| store.save(s);
    let clock = engine_clock();
    let mut engine = Engine::new(session, prompter, &mut saver, &clock, cx.strings());
    if let Some(events) = on_disk {
        engine = engine.resuming(events);
    }
    let outcome = engine.run();
    // Past the walk, this process says how it ended itself (and drops its lock).
    if !matches!(outcome, Ok(Outcome::Interrupted)) {
        interrupt::walked();
    }
    let outcome = outcome.localized(cx.strings())?;
    let fit = |text: String| fitted(cx, prompter, text);
    Ok(match outcome {
        Outcome::Completed => {
            super::say(
                &mut std::io::stdout(),
                &fit(fill(g.completed, &[("id", &session.id)])),
            )?;
            ExitCode::from(exit::OK)
        }
        Outcome::Abandoned => {
            super::say(
                &mut std::io::stdout(),
                &fit(fill(g.abandoned, &[("id", &session.id)])),
            )?;
            ExitCode::from(exit::OK)
        }
        Outcome::Paused | Outcome::EndOfInput => {
            super::say(&mut std::io::stdout(), &fit(hint))?;
            ExitCode::from(exit::OK)
        }
        Outcome::Interrupted => interrupt::interrupted_at_prompt(),
    })
}

/// The exit code for a picker that got no answer before any session existed: nothing was
/// chosen, so end of input is an error that says how to choose without a picker, Esc a
/// choice not to start anything (`cancelled` says so), and Ctrl-C ends the process by
/// SIGINT (nothing to resume yet).
pub fn stopped(stop: &Stop, eof_message: &str, cancelled: &str) -> Result<ExitCode> {
    match stop {
        Stop::EndOfInput => anyhow::bail!("{eof_message}"),
        Stop::Escape => {
            writeln!(std::io::stdout(), "{cancelled}")?;
            Ok(ExitCode::from(exit::OK))
        }
        Stop::Interrupted => interrupt::interrupted_at_prompt(),
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
