//! Engine tests: scripted walks through the plain prompter on the fixture checklist, and a
//! property test over random answer sequences.

use std::cell::Cell;

use chrono::TimeDelta;
use proptest::prelude::*;

use super::*;
use crate::checklist::Answer;
use crate::fixtures::walk::{fixture_ref, t};
use crate::i18n::Lang;
use crate::session::{Applies, EventKind, SessionStatus, applicability};

const NOW: &str = "2026-12-01T09:00:00+01:00";

// Typed and stored text with control characters.
mod hidden;
// The step screen, the wait status and the summary, at a width.
mod screen_text;

struct Walk {
    outcome: Outcome,
    session: Session,
    saves: Vec<Session>,
    output: String,
}

fn new_session() -> Session {
    Session::start("0011aabb".into(), "en", fixture_ref(), t(NOW))
}

fn walk_on(session: Session, script: &str, lang: Lang) -> Walk {
    walk_with_clock(session, script, lang, &|| t(NOW))
}

/// A walk reading the time from `clock`.
fn walk_with_clock(
    mut session: Session,
    script: &str,
    lang: Lang,
    clock: &dyn Fn() -> Timestamp,
) -> Walk {
    let mut saves = Vec::new();
    let mut saver = |s: &Session| -> Result<(), session::Error> {
        saves.push(s.clone());
        Ok(())
    };
    let mut prompter = PlainPrompter::new(script.as_bytes(), Vec::new(), lang.strings());
    let outcome = Engine::new(
        &mut session,
        &mut prompter,
        &mut saver,
        clock,
        lang.strings(),
    )
    .run()
    .expect("walk");
    let output = String::from_utf8(prompter.into_output()).expect("utf-8");
    Walk {
        outcome,
        session,
        saves,
        output,
    }
}

fn walk(script: &str) -> Walk {
    walk_on(new_session(), script, Lang::En)
}

fn status(s: &Session, id: &str) -> StepStatus {
    s.record(id).map(|r| r.status).expect("step")
}

/// keep_number=no, has_balance=no, then login, find-option and confirm done.
const TO_SUBMIT: &str = "2\n2\n1\n1\n1\n";

#[test]
fn a_full_walk_records_inputs_and_the_confirmation_and_completes() {
    let script = format!(
        "{TO_SUBMIT}bad\nAB1234\n\n1\n1\n1\n2026-13-01\n2026-12-05\n2026-11-30\n2026-12-01\n2\n1\n1\n"
    );
    let w = walk(&script);
    assert_eq!(w.outcome, Outcome::Completed, "{}", w.output);
    let s = &w.session;
    assert_eq!(s.status, SessionStatus::Completed);
    assert_eq!(status(s, "get-rio"), StepStatus::NotApplicable);
    assert_eq!(status(s, "delete-esim"), StepStatus::Done);
    let submit = s.record("submit").expect("submit");
    assert_eq!(
        submit.inputs.get("reference").map(String::as_str),
        Some("AB1234")
    );
    assert!(
        !submit.inputs.contains_key("email"),
        "empty optional input not recorded"
    );
    let wait = s
        .record("wait-confirmation")
        .and_then(|r| r.wait.clone())
        .expect("wait");
    assert_eq!(
        wait.received.map(|d| d.to_string()).as_deref(),
        Some("2026-12-01")
    );
    assert_eq!(wait.outcome, Some(crate::session::WaitOutcome::Refused));
    assert_eq!(wait.due, t("2026-12-06T09:00:00+01:00"));
    assert!(w.output.contains(
        "! `bad` does not have the expected form: two letters and four digits, e.g. AB1234. You typed 3 characters."
    ), "{}", w.output);
    assert!(w.output.contains("`2026-13-01` is not a date"));
    assert!(w.output.contains("2026-12-05 is after today"));
    // Issue 15: a day before the wait began (the request was sent by then) is refused.
    assert!(w.output.contains(
        "! 2026-11-30 is before this wait began (2026-12-01, the day you reached this step after sending the request)"
    ), "{}", w.output);
    assert!(w.output.contains("What did the answer say?\n  1. Done as asked\n  2. Refused\n  3. Store credit or points only, no money back\n  4. Only partly\n"), "{}", w.output);
    assert_eq!(s.progress().to_string(), "7/7");
    assert_eq!(w.saves.last(), Some(s), "the final state is saved");
}

#[test]
fn every_answer_is_saved_before_the_next_prompt() {
    let w = walk(TO_SUBMIT);
    assert_eq!(w.outcome, Outcome::EndOfInput);
    let last = w.saves.last().expect("saved");
    assert_eq!(last, &w.session, "nothing happened after the last save");
    assert_eq!(status(last, "confirm"), StepStatus::Done);
    for pair in w.saves.windows(2) {
        assert!(
            pair[1].events.starts_with(&pair[0].events),
            "events only appended"
        );
        assert!(
            pair[1].events.len() > pair[0].events.len(),
            "saves only after a change"
        );
    }
}

#[test]
fn back_to_the_questions_with_a_changed_answer_brings_in_steps_and_keeps_records() {
    // Login done, a note on find-option, back to login, back to the questions, keep_number
    // becomes yes: get-rio now applies and comes first; find-option keeps its note.
    let script = "2\n2\n1\n3\ncall first\n4\n4\n1\n\n1\n5\n";
    let w = walk(script);
    assert_eq!(w.outcome, Outcome::Paused, "{}", w.output);
    let s = &w.session;
    assert_eq!(s.answers.get("keep_number"), Some(&Answer::Bool(true)));
    assert_eq!(status(s, "get-rio"), StepStatus::Done);
    assert_eq!(status(s, "refund-balance"), StepStatus::NotApplicable);
    assert_eq!(status(s, "login"), StepStatus::Pending, "reopened by back");
    assert_eq!(s.record("find-option").map(|r| r.notes.len()), Some(1));
    let kinds: Vec<&str> = s
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::WentBack { .. } => Some("back"),
            EventKind::BackToQuestions { .. } => Some("questions"),
            EventKind::Paused => Some("paused"),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["back", "questions", "paused"]);
}

#[test]
fn going_back_to_a_step_asks_its_questions_again() {
    // At the wait step (esim is asked there: yes), back to submit and done again: esim is
    // not asked again. Confirmation received, then back from delete-esim to the wait step:
    // esim is asked again, and "no" makes delete-esim not apply.
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n4\n\n\n1\n1\n\n1\n4\n2\n");
    let w = walk(&script);
    assert_eq!(w.outcome, Outcome::EndOfInput, "{}", w.output);
    assert_eq!(
        w.output.matches("Question esim?").count(),
        2,
        "{}",
        w.output
    );
    let s = &w.session;
    assert_eq!(status(s, "submit"), StepStatus::Done);
    assert_eq!(status(s, "wait-confirmation"), StepStatus::Pending);
    assert_eq!(status(s, "delete-esim"), StepStatus::NotApplicable);
    assert!(
        w.output
            .contains("Answer received on 2026-12-01: Done as asked."),
        "{}",
        w.output
    );
}

#[test]
fn skip_needs_a_reason_and_abandon_needs_a_confirmation() {
    let script = "2\n2\n2\n\nno account\n6\nn\n6\ny\n";
    let w = walk(script);
    assert_eq!(w.outcome, Outcome::Abandoned, "{}", w.output);
    let login = w.session.record("login").expect("login");
    assert_eq!(login.status, StepStatus::Skipped);
    assert_eq!(login.skip_reason.as_deref(), Some("no account"));
    assert!(w.output.contains("Please give a reason"));
    assert_eq!(w.session.status, SessionStatus::Abandoned);
    assert!(w.session.finished.is_some());
}

#[test]
fn a_note_stays_on_the_step() {
    let w = walk("2\n2\n3\nasked for the PUK\n3\n\n5\n");
    assert_eq!(w.outcome, Outcome::Paused);
    let login = w.session.record("login").expect("login");
    assert_eq!(login.status, StepStatus::Pending);
    assert_eq!(login.notes.len(), 1);
    assert!(w.output.contains("Note saved (1 on this step)."));
    assert!(w.output.contains("Empty note: nothing saved."));
}

#[test]
fn a_note_is_said_saved_only_after_the_save_succeeded() {
    let mut session = new_session();
    // The disk is full when the note is saved.
    let mut saver = |s: &Session| -> Result<(), session::Error> {
        let note = s.events.last().map(|e| &e.kind);
        if matches!(note, Some(EventKind::NoteAdded { .. })) {
            return Err(session::Error::Read {
                path: "sessions/0011aabb.json".into(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            });
        }
        Ok(())
    };
    let mut prompter = PlainPrompter::new(
        "2\n2\n3\nasked for the PUK\n5\n".as_bytes(),
        Vec::new(),
        Lang::En.strings(),
    );
    let clock = || t(NOW);
    let result = Engine::new(
        &mut session,
        &mut prompter,
        &mut saver,
        &clock,
        Lang::En.strings(),
    )
    .run();
    assert!(matches!(result, Err(Error::Save(_))), "{result:?}");
    let output = String::from_utf8(prompter.into_output()).expect("utf-8");
    assert!(output.contains("Note:"), "{output}");
    assert!(!output.contains("Note saved"), "{output}");
}

/// A received day written the Chinese way is recorded as `YYYY-MM-DD`, and the screen says
/// so: what it shows is what is saved.
#[test]
fn a_received_day_written_in_chinese_is_recorded_and_shown_as_saved() {
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n1\n2026年12月1日\n1\n");
    let w = walk_on(new_session(), &script, Lang::ZhCn);
    let wait = w
        .session
        .record("wait-confirmation")
        .and_then(|r| r.wait.clone())
        .expect("wait");
    assert_eq!(
        wait.received.map(|d| d.to_string()).as_deref(),
        Some("2026-12-01"),
        "{}",
        w.output
    );
    assert!(w.output.contains("已保存为 2026-12-01。"), "{}", w.output);
}

#[test]
fn an_overdue_wait_without_a_reference_says_what_to_give_instead() {
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n5\n");
    let mut w = walk(&script);
    for r in &mut w.session.steps {
        r.inputs.clear();
    }
    w.session.checklist.snapshot.contacts = Default::default();
    let later = t("2026-12-09T10:00:00+01:00");
    let en = screens::summary(&w.session, Lang::En.strings(), later);
    assert!(
        en.ends_with("Contact customer service about your request (no reference was recorded here: give your name and the line's number).\nhttps://example.invalid/support"),
        "{en}"
    );
}

#[test]
fn a_value_can_be_cleared_and_the_prompt_says_how() {
    // Submit with an e-mail, back from the wait step to submit, keep the reference (Enter)
    // and clear the e-mail with `-`.
    let script = format!("{TO_SUBMIT}AB1234\nme@example.org\n1\n1\n4\n\n-\n5\n");
    let w = walk(&script);
    assert_eq!(w.outcome, Outcome::Paused, "{}", w.output);
    let submit = w.session.record("submit").expect("submit");
    assert_eq!(
        submit.inputs.get("reference").map(String::as_str),
        Some("AB1234")
    );
    assert!(!submit.inputs.contains_key("email"), "{:?}", submit.inputs);
    assert!(
        w.output.contains(
            "E-mail used (Enter keeps it; - clears it) [me@example.org]: Cleared: E-mail used."
        ),
        "{}",
        w.output
    );
    // The required reference cannot be cleared, so its prompt does not offer it.
    assert!(w.output.contains("Request reference (required) [AB1234]: "));
    let cleared = w.session.events.iter().any(|e| {
        matches!(&e.kind, EventKind::InputRecorded { input, cleared: true, .. } if input == "email")
    });
    assert!(cleared, "the clearing is in the log");
}

#[test]
fn a_name_in_chinese_characters_is_checked_before_it_goes_on_a_french_letter() {
    let mut session = new_session();
    let submit = session
        .checklist
        .snapshot
        .steps
        .iter_mut()
        .find(|st| st.id == "submit")
        .expect("submit");
    submit.inputs[1].id = "holder_name".into();
    // 张伟 refused at the question, then typed in Latin letters.
    let script = format!("{TO_SUBMIT}AB1234\n张伟\nn\nZHANG Wei\n5\n");
    let w = walk_on(session, &script, Lang::ZhCn);
    let submit = w.session.record("submit").expect("submit");
    assert_eq!(
        submit.inputs.get("holder_name").map(String::as_str),
        Some("ZHANG Wei")
    );
    assert!(
        w.output.contains("寄给法国运营商的信件需要拉丁字母的姓名"),
        "{}",
        w.output
    );
}

#[test]
fn the_walk_speaks_chinese() {
    let w = walk_on(new_session(), "2\n2\n", Lang::ZhCn);
    assert!(w.output.contains("接下来做什么？"), "{}", w.output);
    assert!(w.output.contains("1. 已完成"), "{}", w.output);
    assert!(w.output.contains("编号 [1]："), "{}", w.output);
    // A question takes no colon after its question mark.
    let skipped = walk_on(new_session(), "2\n2\n2\n没有账户\n5\n", Lang::ZhCn);
    assert!(
        skipped.output.contains("为什么跳过这一步？"),
        "{}",
        skipped.output
    );
    assert!(!skipped.output.contains("？："), "{}", skipped.output);
    let w = walk_on(new_session(), "2\n2\n1\n2\n没有账户\n5\n", Lang::ZhCn);
    let summary = screens::summary(&w.session, Lang::ZhCn.strings(), t(NOW));
    assert!(
        summary.contains("  ✓ login 的标题（已完成，2026-12-01）"),
        "{summary}"
    );
    assert!(
        summary.contains("  ↷ find-option 的标题（已跳过，2026-12-01）：没有账户"),
        "{summary}"
    );
    assert!(
        summary.contains("  → confirm 的标题（下一步）"),
        "{summary}"
    );
}

/// A clock that moves one minute on at every reading, from `start`: events can only be in
/// order if each one takes its time when it happens.
fn ticking(start: Timestamp) -> impl Fn() -> Timestamp {
    let next = Cell::new(start);
    move || {
        let now = next.get();
        next.set(now + TimeDelta::minutes(1));
        now
    }
}

/// The last event that set the status of step `id`: done, skipped, or reopened by going back.
fn last_status_event<'a>(s: &'a Session, id: &str) -> Option<&'a EventKind> {
    s.events.iter().rev().map(|e| &e.kind).find(|k| match k {
        EventKind::StepDone { step } | EventKind::StepSkipped { step } => step == id,
        EventKind::WentBack { to, .. } => to == id,
        _ => false,
    })
}

/// The invariants every saved state must keep.
fn check_invariants(s: &Session) -> std::result::Result<(), TestCaseError> {
    for (rec, step) in s.steps.iter().zip(&s.checklist.snapshot.steps) {
        let na = rec.status == StepStatus::NotApplicable;
        prop_assert_eq!(
            na,
            applicability(step, &s.answers) == Applies::No,
            "step {} status {:?} with answers {:?}",
            &rec.id,
            rec.status,
            &s.answers
        );
        if rec.status == StepStatus::Skipped {
            prop_assert!(rec.skip_reason.as_deref().is_some_and(|r| !r.is_empty()));
        }
        // A finished step says so in the log, and nothing reopened it since.
        let last = last_status_event(s, &rec.id);
        match rec.status {
            StepStatus::Done => prop_assert!(
                matches!(last, Some(EventKind::StepDone { .. })),
                "step {} is done but the log says {:?}",
                &rec.id,
                last
            ),
            StepStatus::Skipped => prop_assert!(
                matches!(last, Some(EventKind::StepSkipped { .. })),
                "step {} is skipped but the log says {:?}",
                &rec.id,
                last
            ),
            StepStatus::Pending | StepStatus::NotApplicable => {}
        }
        if let Some(at) = rec.at {
            prop_assert!(
                at <= s.updated,
                "step {} changed after the session",
                &rec.id
            );
        }
    }
    match s.status {
        SessionStatus::Completed => prop_assert!(s.current().is_none()),
        SessionStatus::Abandoned => prop_assert!(s.finished.is_some()),
        SessionStatus::InProgress => prop_assert!(s.finished.is_none()),
    }
    prop_assert!(
        s.events.windows(2).all(|w| w[0].at <= w[1].at),
        "events out of time order"
    );
    prop_assert_eq!(Some(s.updated), s.events.last().map(|e| e.at));
    let json = serde_json::to_string(s).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Session =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, s, "save/load round-trip");
    Ok(())
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..=7).prop_map(|n| n.to_string()),
        Just(String::new()),
        Just("AB1234".to_string()),
        Just("bad".to_string()),
        Just("2026-11-30".to_string()),
        Just("y".to_string()),
        Just("n".to_string()),
        Just("a note".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_walks_keep_the_invariants(lines in prop::collection::vec(line(), 0..80)) {
        let mut script = lines.join("\n");
        script.push('\n');
        let w = walk_with_clock(new_session(), &script, Lang::En, &ticking(t(NOW)));
        let mut prev: Option<&Session> = None;
        for s in &w.saves {
            check_invariants(s)?;
            if let Some(p) = prev {
                prop_assert!(s.events.starts_with(&p.events), "events are append-only");
            }
            prev = Some(s);
        }
        check_invariants(&w.session)?;
        prop_assert_eq!(w.saves.last(), Some(&w.session), "the final state is saved");
        // Resuming from the last save and walking on keeps the log append-only too.
        let later = ticking(w.session.updated + TimeDelta::minutes(1));
        let resumed = walk_with_clock(w.session.clone(), &script, Lang::En, &later);
        prop_assert!(resumed.session.events.starts_with(&w.session.events));
        check_invariants(&resumed.session)?;
    }
}
