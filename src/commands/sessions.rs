//! `simcancel sessions [--all] [--json]`: every session with its progress and state; files
//! that cannot be read are listed with their path, and the others still show. Temporary
//! files that crashes left are removed on the way.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::context::Context;
use super::messages::{self, Localized};
use crate::clock;
use crate::engine::screens::{day, minute};
use crate::exit;
use crate::i18n::{Lang, Strings, fill};
use crate::session::{SessionState, SessionSummary, Store, Timestamp};

/// The state column: `in progress`, `waiting until <date>`, `overdue since <date>`, ...
pub fn state_text(state: SessionState, s: &Strings) -> String {
    let t = &s.sessions;
    match state {
        SessionState::InProgress => t.in_progress.to_string(),
        SessionState::WaitingUntil(d) => fill(t.waiting_until, &[("date", &day(d))]),
        SessionState::OverdueSince(d) => fill(t.overdue_since, &[("date", &day(d))]),
        SessionState::Completed => t.completed.to_string(),
        SessionState::Abandoned => t.abandoned.to_string(),
    }
}

/// One session in `--json` output.
#[derive(Serialize)]
struct JsonSession<'a> {
    id: &'a str,
    checklist: &'a str,
    name: &'a str,
    started: Timestamp,
    last_activity: Timestamp,
    progress: JsonProgress,
    /// `in-progress`, `waiting`, `overdue`, `completed` or `abandoned`.
    state: &'static str,
    /// The due date of the wait, for `waiting` and `overdue`.
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<Timestamp>,
    path: String,
}

#[derive(Serialize)]
struct JsonProgress {
    finished: usize,
    applicable: usize,
}

#[derive(Serialize)]
struct JsonUnreadable {
    path: String,
    /// In English whatever `--lang` says, like the rest of the JSON: scripts read it.
    reason: String,
}

#[derive(Serialize)]
struct JsonListing<'a> {
    sessions: Vec<JsonSession<'a>>,
    unreadable: Vec<JsonUnreadable>,
}

/// Prints the sessions: unfinished ones, or all with `all`.
pub fn run(cx: &Context, all: bool, json: bool) -> Result<ExitCode> {
    let now = clock::now()?;
    let store = Store::new(&cx.data_dir);
    // Temporary files a crash left may hold what was typed: remove those no guide is
    // writing. Best effort: listing works in a folder this user cannot write to.
    store.remove_stale_temp_files();
    let listing = store.list_summaries().localized(cx.strings())?;
    let shown: Vec<&(std::path::PathBuf, SessionSummary)> = listing
        .sessions
        .iter()
        .filter(|(_, s)| all || s.is_unfinished())
        .collect();
    // One write at the end, not one per line (standard output is line-buffered).
    let mut out = BufWriter::new(std::io::stdout().lock());
    if json {
        let doc = JsonListing {
            sessions: shown
                .iter()
                .map(|(path, s)| {
                    let (state, due) = match s.state(now) {
                        SessionState::InProgress => ("in-progress", None),
                        SessionState::WaitingUntil(d) => ("waiting", Some(d)),
                        SessionState::OverdueSince(d) => ("overdue", Some(d)),
                        SessionState::Completed => ("completed", None),
                        SessionState::Abandoned => ("abandoned", None),
                    };
                    let p = s.progress();
                    JsonSession {
                        id: &s.id,
                        checklist: &s.checklist.id,
                        name: s.checklist.snapshot.name.get(cx.lang.tag()),
                        started: s.created,
                        last_activity: s.updated,
                        progress: JsonProgress {
                            finished: p.settled(),
                            applicable: p.applicable(),
                        },
                        state,
                        due,
                        path: path.display().to_string(),
                    }
                })
                .collect(),
            unreadable: listing
                .unreadable
                .iter()
                .map(|u| JsonUnreadable {
                    path: u.path.display().to_string(),
                    reason: messages::file_problem(&u.problem, Lang::En.strings()),
                })
                .collect(),
        };
        // As an io::Error, so that main sees a closed pipe for what it is.
        serde_json::to_writer_pretty(&mut out, &doc).map_err(std::io::Error::from)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::from(exit::OK));
    }
    let t = &cx.strings().sessions;
    if shown.is_empty() {
        let msg = if listing.sessions.is_empty() {
            t.none
        } else {
            t.none_unfinished
        };
        writeln!(out, "{msg}")?;
    } else {
        let rows: Vec<[String; 6]> = shown
            .iter()
            .map(|(_, s)| {
                [
                    s.id.clone(),
                    s.checklist.id.clone(),
                    minute(s.created),
                    s.progress().to_string(),
                    state_text(s.state(now), cx.strings()),
                    minute(s.updated),
                ]
            })
            .collect();
        let header = t.headers.map(String::from);
        super::table::write(&mut out, &header, &rows, super::table::terminal_width())?;
    }
    for bad in &listing.unreadable {
        super::say(
            &mut out,
            &fill(
                t.unreadable,
                &[
                    ("path", &bad.path.display()),
                    (
                        "reason",
                        &messages::file_problem(&bad.problem, cx.strings()),
                    ),
                ],
            ),
        )?;
    }
    out.flush()?;
    Ok(ExitCode::from(exit::OK))
}
