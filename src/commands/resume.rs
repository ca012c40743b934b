//! `simcancel resume [<session>]`: continues a session at its first pending step.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::context::Context;
use super::interactive;
use super::messages::{self, Localized};
use crate::checklist::Catalog;
use crate::clock;
use crate::engine::screens;
use crate::i18n::fill;
use crate::session::{SessionStatus, Store};

/// Finds the session (by id or prefix, else the most recent unfinished one, else a
/// picker), locks it, notes a changed checklist, shows the summary and walks on.
pub fn run(cx: &Context, prefix: Option<&str>, raw_answers: &[String]) -> Result<ExitCode> {
    let now = clock::now()?;
    let g = &cx.strings().guide;
    let store = Store::new(&cx.data_dir);
    interactive::install_signal_handler(cx)?;
    let mut prompter = interactive::prompter(cx);
    let path = match prefix {
        Some(p) => store.locate(p).localized(cx.strings())?,
        None => {
            let listing = store.list_summaries().localized(cx.strings())?;
            for bad in &listing.unreadable {
                super::note(&format!(
                    "simcancel: {}",
                    fill(
                        cx.strings().sessions.unreadable,
                        &[
                            ("path", &bad.path.display()),
                            (
                                "reason",
                                &messages::file_problem(&bad.problem, cx.strings())
                            )
                        ]
                    )
                ));
            }
            let mut open: Vec<_> = listing
                .sessions
                .into_iter()
                .filter(|(_, s)| s.is_unfinished())
                .collect();
            match open.len() {
                0 => bail!("{}", g.no_unfinished),
                1 => open.remove(0).0,
                _ => {
                    let items: Vec<String> = open
                        .iter()
                        .map(|(_, s)| {
                            format!(
                                "{} · {} · {} · {}",
                                s.id,
                                s.checklist.snapshot.name.get(cx.lang.tag()),
                                s.progress(),
                                super::sessions::state_text(s.state(now), cx.strings())
                            )
                        })
                        .collect();
                    // The list is newest activity first, so the default is the most recent.
                    match prompter.pick(g.pick_session, &items, &[], 0) {
                        Ok(i) => open.swap_remove(i.min(open.len() - 1)).0,
                        Err(stop) => {
                            return interactive::stopped(
                                &stop,
                                g.pick_session_eof,
                                g.pick_session_cancelled,
                            );
                        }
                    }
                }
            }
        }
    };
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let lock = store.lock(&id).localized(cx.strings())?;
    // Read under the lock, so no other process saves it between reading and walking. A
    // file whose inner id is not its name is refused there: saves go to the file the inner
    // id names, so walking a copy would write over another session.
    let mut session = Store::read(&path).localized(cx.strings())?;
    if let Err(mismatch) = session.check() {
        let reason = fill(
            cx.strings().sessions.left_untouched,
            &[("reason", &messages::mismatch(&mismatch, cx.strings()))],
        );
        bail!("{}: {reason}", path.display());
    }
    match session.status {
        SessionStatus::InProgress => {}
        SessionStatus::Completed => bail!("{}", fill(g.resume_completed, &[("id", &session.id)])),
        SessionStatus::Abandoned => bail!(
            "{}",
            fill(
                g.resume_abandoned,
                &[("id", &session.id), ("checklist", &session.checklist.id)]
            )
        ),
    }
    let answers =
        match interactive::answers_or_usage(cx, &session.checklist.snapshot.questions, raw_answers)
        {
            Ok(a) => a,
            Err(code) => return Ok(code),
        };
    // What the file holds: the engine saves before its first prompt only if more than the
    // resume itself was recorded since (answers given with --answer).
    let on_disk = session.events.len();
    session.resumed(now);
    let checklist_id = session.checklist.id.clone();
    // The snapshot is what the session follows; the catalogue is only read to tell the
    // person that the file changed, so a catalogue problem must not block resuming.
    match Catalog::hash_of(&cx.sources, &checklist_id).localized(cx.strings()) {
        Ok(Some(hash)) => {
            if session.note_checklist_hash(&hash, now) {
                super::say(
                    &mut std::io::stdout(),
                    &fill(g.checklist_changed, &[("id", &checklist_id)]),
                )?;
            }
        }
        Ok(None) => super::say(
            &mut std::io::stdout(),
            &fill(g.checklist_missing, &[("id", &checklist_id)]),
        )?,
        Err(e) => super::note(&format!("simcancel: {e:#}")),
    }
    for (q, a) in answers {
        session.answer(&q, a, now);
    }
    let summary = screens::summary(&session, cx.strings(), now);
    super::say(
        &mut std::io::stdout(),
        &interactive::fitted(cx, prompter.as_ref(), summary),
    )?;
    interactive::run_engine(
        cx,
        &store,
        &lock,
        &mut session,
        Some(on_disk),
        prompter.as_mut(),
    )
}
