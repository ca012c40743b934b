//! `report`: what a checklist's maintainers need to improve it, from one session, as
//! Markdown to paste into an issue: the checklist's id, version hash and `verified` date,
//! the path taken (answers, each step's status), the steps skipped, the notes, the moves
//! back, the time spent waiting against the expected delay, and the outcome.
//!
//! No value recorded at a step is in it, ever: only how many of a step's values were
//! filled. Nor are dates (only durations), the session id, or the path of a checklist file
//! (it may name the person). Skip reasons and notes are the person's own words and may name
//! anyone or anything, so they are left out (the report says how many) unless
//! [`Options::with_text`] asks for them, and then they are masked ([`mask`]) and shown as
//! code, so that they cannot turn into links, mentions or markup where they are pasted.

mod mask;

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::checklist::Step;
use crate::export::escape_markdown as escape;
use crate::i18n::{Strings, fill};
use crate::labels;
use crate::session::{EventKind, Session, SessionStatus, StepStatus, Timestamp};
pub use mask::Masker;

/// What shapes a report besides the session.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The words of its labels; checklist texts are read in their language.
    pub strings: &'static Strings,
    /// Include skip reasons and notes, masked.
    pub with_text: bool,
    /// Now: how long a wait still running has lasted.
    pub now: Timestamp,
}

/// How many skip reasons and notes the person wrote in `session`: what a report leaves out
/// without [`Options::with_text`].
pub fn free_texts(session: &Session) -> (usize, usize) {
    let reasons = session
        .steps
        .iter()
        .filter(|r| {
            r.skip_reason
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty())
        })
        .count();
    let notes = session.steps.iter().map(|r| r.notes.len()).sum();
    (reasons, notes)
}

/// The report of `session`, in Markdown.
pub fn render(session: &Session, options: &Options) -> String {
    let s = options.strings;
    let (x, t) = (&s.export, &s.report);
    let snap = &session.checklist.snapshot;
    let masker = Masker::new(
        session
            .steps
            .iter()
            .flat_map(|r| r.inputs.values().map(String::as_str)),
    );
    let text = |raw: &str| code(&masker.mask(raw));
    let mut o = String::with_capacity(4096);
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(o, "### {}\n", fill(t.title, &[("id", &snap.id)]));
    let _ = writeln!(o, "{}\n", t.intro);

    let progress = session.progress();
    let outcome = fill(
        x.progress_value,
        &[
            ("done", &progress.settled()),
            ("total", &progress.applicable()),
        ],
    );
    let origin = if session.checklist.origin == "bundled" {
        t.origin_bundled
    } else {
        t.origin_file
    };
    let stopped = match (session.status, session.current()) {
        (SessionStatus::Completed, _) | (_, None) => x.none.to_string(),
        (_, Some(i)) => step_name(&session.steps[i].id, snap.step(&session.steps[i].id), s),
    };
    let last = session.finished.unwrap_or(session.updated);
    let sittings = 1 + session
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Resumed))
        .count();
    let facts: [(&str, String); 10] = [
        (
            x.checklist,
            format!("`{}` — {}", snap.id, escape(snap.name.get(s.tag()))),
        ),
        (t.version, format!("`{}`", session.checklist.hash)),
        (x.verified, snap.verified.to_string()),
        (x.origin, origin.to_string()),
        ("simcancel", env!("CARGO_PKG_VERSION").to_string()),
        (t.language, escape(&session.lang)),
        (
            t.outcome,
            format!(
                "{}{}{outcome}",
                labels::session_status(session.status, s),
                x.colon
            ),
        ),
        (t.stopped_at, stopped),
        (
            t.days,
            days_between(session.created.date_naive(), last.date_naive()).to_string(),
        ),
        (t.sittings, sittings.to_string()),
    ];
    let _ = writeln!(o, "| | |\n|---|---|");
    for (label, value) in facts {
        let _ = writeln!(o, "| {label} | {value} |");
    }

    let _ = writeln!(o, "\n#### {}\n", x.answers);
    if session.answers.is_empty() {
        let _ = writeln!(o, "{}", x.none);
    }
    for (question, answer) in &session.answers {
        let _ = writeln!(o, "- `{}` = `{answer}`", escape_id(question));
    }

    let _ = writeln!(o, "\n#### {}\n", x.steps);
    let _ = writeln!(
        o,
        "| # | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
        x.step, x.phase, x.status, t.values, x.notes
    );
    for (i, r) in session.steps.iter().enumerate() {
        let step = snap.step(&r.id);
        let phase = step.map_or("", |st| labels::phase(st.phase, s));
        let total = step.map_or(0, |st| st.inputs.len());
        let filled = r.inputs.values().filter(|v| !v.trim().is_empty()).count();
        let values = if total == 0 {
            String::new()
        } else {
            fill(t.recorded, &[("filled", &filled), ("total", &total)])
        };
        let _ = writeln!(
            o,
            "| {} | {} | {phase} | {} | {values} | {} |",
            i + 1,
            step_name(&r.id, step, s),
            labels::step_status(r.status, s),
            if r.notes.is_empty() {
                String::new()
            } else {
                r.notes.len().to_string()
            }
        );
    }

    let _ = writeln!(o, "\n#### {}\n", t.skipped);
    let skipped: Vec<_> = session
        .steps
        .iter()
        .filter(|r| r.status == StepStatus::Skipped)
        .collect();
    if skipped.is_empty() {
        let _ = writeln!(o, "{}", x.none);
    }
    for r in skipped {
        let reason = match r.skip_reason.as_deref() {
            Some(reason) if options.with_text => text(reason),
            Some(_) => format!("*{}*", t.reason_withheld),
            None => x.none.to_string(),
        };
        let name = step_name(&r.id, snap.step(&r.id), s);
        let _ = writeln!(o, "- {name}{}{reason}", x.colon);
    }

    let _ = writeln!(o, "\n#### {}\n", x.notes);
    let noted: Vec<_> = session
        .steps
        .iter()
        .filter(|r| !r.notes.is_empty())
        .collect();
    if noted.is_empty() {
        let _ = writeln!(o, "{}", x.none);
    }
    for r in noted {
        let name = step_name(&r.id, snap.step(&r.id), s);
        if options.with_text {
            for note in &r.notes {
                let _ = writeln!(o, "- {name}{}{}", x.colon, text(&note.text));
            }
        } else {
            let withheld = fill(t.notes_withheld, &[("n", &r.notes.len())]);
            let _ = writeln!(o, "- {name}{}*{withheld}*", x.colon);
        }
    }

    let _ = writeln!(o, "\n#### {}\n", t.back);
    let moves = back_moves(session);
    if moves.is_empty() {
        let _ = writeln!(o, "{}", x.none);
    }
    for ((from, to), n) in moves {
        let from = format!("`{}`", escape_id(&from));
        let line = match to {
            Some(to) => fill(
                t.back_to_step,
                &[
                    ("from", &from),
                    ("to", &format!("`{}`", escape_id(&to))),
                    ("n", &n),
                ],
            ),
            None => fill(t.back_to_questions, &[("from", &from), ("n", &n)]),
        };
        let _ = writeln!(o, "- {line}");
    }

    waits(&mut o, session, options);

    for e in &session.events {
        if let EventKind::ChecklistChanged { hash } = &e.kind {
            let _ = writeln!(o, "\n{}", fill(t.changed, &[("hash", &escape_id(hash))]));
        }
    }

    let (reasons, notes) = free_texts(session);
    if reasons + notes > 0 {
        let line = if options.with_text {
            t.text_masked.to_string()
        } else {
            fill(t.text_withheld, &[("reasons", &reasons), ("notes", &notes)])
        };
        let _ = writeln!(o, "\n---\n\n*{line}*");
    }
    o
}

/// The waiting table: for each wait step reached, the checklist's expected delay against
/// the days waited, and how the wait ended.
fn waits(o: &mut String, session: &Session, options: &Options) {
    let s = options.strings;
    let t = &s.report;
    let _ = writeln!(o, "\n#### {}\n", t.waits);
    let rows: Vec<_> = session
        .steps
        .iter()
        .filter_map(|r| Some((r, r.wait.as_ref()?)))
        .collect();
    if rows.is_empty() {
        let _ = writeln!(o, "{}", s.export.none);
        return;
    }
    let h = &t.wait_header;
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        h[0], h[1], h[2], h[3], h[4]
    );
    for (r, w) in rows {
        let step = session.checklist.snapshot.step(&r.id);
        let expected_hours = step.and_then(|st| st.wait).map(|d| d.hours);
        let running = w.received.is_none() && session.status == SessionStatus::InProgress;
        let end = match (w.received, r.at) {
            (Some(day), _) => day,
            _ if running => options.now.date_naive(),
            (None, Some(at)) => at.date_naive(),
            (None, None) => session.updated.date_naive(),
        };
        let waited_days = days_between(w.began.date_naive(), end);
        let days = |n: f64| fill(t.n_days, &[("n", &number(n))]);
        let waited = if running {
            fill(t.so_far, &[("waited", &days(waited_days as f64))])
        } else {
            days(waited_days as f64)
        };
        let expected = expected_hours.map(|h| f64::from(h) / 24.0);
        let difference = expected.map_or_else(String::new, |e| {
            let d = waited_days as f64 - e;
            let sign = if d > 0.0 { "+" } else { "" };
            format!("{sign}{}", days(d))
        });
        let outcome = if w.received.is_some() {
            t.received
        } else if running {
            t.waiting
        } else {
            t.no_confirmation
        };
        let _ = writeln!(
            o,
            "| {} | {} | {waited} | {difference} | {outcome} |",
            step_name(&r.id, step, s),
            expected.map_or_else(String::new, days),
        );
    }
}

/// Each move back (to a step, or to the questions when `None`) with how many times it was
/// made, in the order first made.
fn back_moves(session: &Session) -> Vec<((String, Option<String>), usize)> {
    let mut moves: Vec<((String, Option<String>), usize)> = Vec::new();
    for e in &session.events {
        let key = match &e.kind {
            EventKind::WentBack { from, to } => (from.clone(), Some(to.clone())),
            EventKind::BackToQuestions { from } => (from.clone(), None),
            _ => continue,
        };
        match moves.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => moves.push((key, 1)),
        }
    }
    moves
}

/// A step as the report names it: its id as code, its title when the checklist has it.
fn step_name(id: &str, step: Option<&Step>, s: &Strings) -> String {
    match step {
        Some(st) => format!("`{}` {}", escape_id(id), escape(st.title.get(s.tag()))),
        None => format!("`{}`", escape_id(id)),
    }
}

/// An id from the session file, safe inside a code span: ids are `[a-z0-9-]`, but a file
/// edited by hand could hold anything.
fn escape_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_alphanumeric() || "-_.".contains(*c))
        .collect()
}

/// Free text as one inline code span: no markup, link or mention can come out of it. Line
/// breaks become ` ↵ ` and other control characters are dropped, so it stays on one line.
fn code(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\n' | '\r' => flat.push_str(" ↵ "),
            c if c.is_control() => {}
            c => flat.push(c),
        }
    }
    let longest_run = flat.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // A span that starts or ends with a backtick needs a space inside its fence.
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

/// Whole days from `start` to `end`.
fn days_between(start: NaiveDate, end: NaiveDate) -> i64 {
    (end - start).num_days()
}

/// A number of days, without a decimal when whole.
fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n:.1}")
    }
}

#[cfg(test)]
mod tests;
