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
fn the_step_screen_shows_header_bar_body_links_and_contact() {
    let w = walk(TO_SUBMIT);
    let screen = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 80);
    insta::assert_snapshot!(screen, @r"
    Fixture Mobile · 4/7 · submit
    [########............] 3/7

    Title of submit

    Body of submit.

    Links:
      example.invalid: https://example.invalid/account
    Customer service: phone 3900
    ");
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 80);
    assert!(zh.starts_with("Fixture Mobile · 4/7 · 提交\n"), "{zh}");
    assert!(
        zh.contains("submit 的标题") && zh.contains("链接：") && zh.contains("客服：电话 3900"),
        "{zh}"
    );
}

#[test]
fn the_summary_and_the_overdue_wait_say_what_to_do() {
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n5\n");
    let w = walk(&script);
    assert_eq!(w.outcome, Outcome::Paused);
    let later = t("2026-12-09T10:00:00+01:00");
    insta::assert_snapshot!(screens::summary(&w.session, Lang::En.strings(), later), @r"
    Session 0011aabb · Fixture Mobile · started 2026-12-01 · 4/7 done
      – Title of get-rio (not applicable, 2026-12-01)
      – Title of refund-balance (not applicable, 2026-12-01)
      ✓ Title of login (done, 2026-12-01)
      ✓ Title of find-option (done, 2026-12-01)
      ✓ Title of confirm (done, 2026-12-01)
      ✓ Title of submit (done, 2026-12-01)
      → Title of wait-confirmation (next)
      · Title of delete-esim (to do)
      · Title of keep-proof (to do)

    Waiting since 2026-12-01 (8 days); the answer is expected by 2026-12-06.
    Overdue: the answer was expected by 2026-12-06 (3 days ago).
    Contact customer service and give them: Request reference AB1234
    Customer service: phone 3900 · https://example.invalid/support
    ");
    let zh = screens::summary(&w.session, Lang::ZhCn.strings(), later);
    assert!(
        zh.ends_with("已逾期：答复原应在 2026-12-06 前收到（已过 3 天）。\n请联系客服，并提供：Request reference AB1234\n客服：电话 3900 · https://example.invalid/support"),
        "{zh}"
    );
    // Abroad, the number callable from there, when the checklist has one.
    let mut abroad = w.session.clone();
    abroad.checklist.snapshot.contacts.phone_abroad = Some("+33 1 23 45 67 89".into());
    let zh = screens::summary(&abroad, Lang::ZhCn.strings(), later);
    assert!(
        zh.ends_with(
            "客服：电话 3900 · 从国外拨打 +33 1 23 45 67 89 · https://example.invalid/support"
        ),
        "{zh}"
    );
    let en = screens::summary(&abroad, Lang::En.strings(), later);
    assert!(
        en.ends_with("Customer service: phone 3900 · from abroad +33 1 23 45 67 89 · https://example.invalid/support"),
        "{en}"
    );
    // A phone number and no number from abroad: the checklist's note says where it works.
    let mut home_only = w.session.clone();
    home_only.checklist.snapshot.contacts.note = Some(crate::checklist::Text(vec![
        ("en".into(), "3900 works from a French line only.".into()),
        ("zh-CN".into(), "3900 只能从法国线路拨打。".into()),
    ]));
    let zh = screens::summary(&home_only, Lang::ZhCn.strings(), later);
    assert!(
        zh.ends_with(
            "客服：电话 3900 · https://example.invalid/support\n3900 只能从法国线路拨打。"
        ),
        "{zh}"
    );
    abroad.checklist.snapshot.contacts.note = home_only.checklist.snapshot.contacts.note;
    let en = screens::summary(&abroad, Lang::En.strings(), later);
    assert!(!en.contains("French line only"), "{en}");
    // Before the due date: no notification comes, so it says where the date shows.
    let waiting = screens::summary(&w.session, Lang::ZhCn.strings(), t(NOW));
    assert!(
        waiting.ends_with("simcancel 不会主动通知您：`simcancel sessions` 会显示这个日期。加入日历：simcancel export 0011aabb --format ics -o 提醒.ics"),
        "{waiting}"
    );
    let waiting = screens::summary(&w.session, Lang::En.strings(), t(NOW));
    assert!(
        waiting.ends_with("simcancel sends no notification: `simcancel sessions` shows this date. To put it in your calendar: simcancel export 0011aabb --format ics -o reminders.ics"),
        "{waiting}"
    );
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
fn a_command_with_a_placeholder_id_gets_the_session_id() {
    let mut w = walk(TO_SUBMIT);
    w.session.checklist.snapshot.steps[5].body = crate::checklist::Text(vec![
        (
            "en".into(),
            "Keep an export (`simcancel export <id> --format html`); `simcancel guide <id>` opens another checklist.".into(),
        ),
        ("zh-CN".into(), "保存导出记录（`simcancel export <编号> --format html`）。".into()),
    ]);
    let en = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 200);
    assert!(
        en.contains("`simcancel export 0011aabb -o record.html`"),
        "{en}"
    );
    // Only session commands: a checklist id is not a session id.
    assert!(en.contains("`simcancel guide <id>`"), "{en}");
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 200);
    assert!(
        zh.contains("`simcancel export 0011aabb -o 注销记录.html`"),
        "{zh}"
    );
}

/// Checklists name `simcancel export` and `simcancel letter` alone; on the screen they are
/// commands that work as copied: with the session's id, the record into a page.
#[test]
fn a_bare_export_or_letter_command_gets_the_session_id() {
    let mut w = walk(TO_SUBMIT);
    w.session.checklist.snapshot.steps[5].body = crate::checklist::Text(vec![
        (
            "en".into(),
            "Keep the record (`simcancel export`) and send the letter (`simcancel letter`).".into(),
        ),
        (
            "zh-CN".into(),
            "保存记录（`simcancel export`），寄出信函（`simcancel letter`）。".into(),
        ),
    ]);
    let en = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 200);
    assert!(
        en.contains("(`simcancel export 0011aabb -o record.html`) and send the letter (`simcancel letter 0011aabb`)"),
        "{en}"
    );
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 200);
    assert!(
        zh.contains("（`simcancel export 0011aabb -o 注销记录.html`），寄出信函（`simcancel letter 0011aabb`）"),
        "{zh}"
    ); // "with --format ics" (as checklists put it, over a line break): one command.
    w.session.checklist.snapshot.steps[5].body = crate::checklist::Text(vec![
        (
            "en".into(),
            "`simcancel export` with\n`--format ics` puts it in your calendar; `simcancel export` with `--format html` gives a page.".into(),
        ),
        ("zh-CN".into(), "`simcancel export` 加上\n`--format ics` 可以把它加入日历。".into()),
    ]);
    let en = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 200);
    assert!(
        en.contains("`simcancel export 0011aabb --format ics -o reminders.ics` puts it in your calendar; `simcancel export 0011aabb -o record.html` gives a page."),
        "{en}"
    );
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 200);
    assert!(
        zh.contains("`simcancel export 0011aabb --format ics -o 提醒.ics` 可以把它加入日历。"),
        "{zh}"
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

#[test]
fn the_step_screen_fits_a_narrow_terminal_sources_and_wait_included() {
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n5\n");
    let mut w = walk(&script);
    let snap = &mut w.session.checklist.snapshot;
    snap.sources.push(crate::checklist::Source {
        id: "long".into(),
        title: "Médiateur des communications électroniques : comment y recourir ?".into(),
        url: Some("https://roquesteron.fr/demarches-administratives/?xml=F14373".into()),
        publisher: Some("Service-public.fr (DILA)".into()),
        retrieved: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
        quote: Some("Tous les opérateurs ou fournisseurs disposent d'un service clients et d'un service consommateurs.".into()),
        confidence: None,
    });
    let wait = snap
        .steps
        .iter()
        .position(|s| s.wait.is_some())
        .expect("a wait");
    snap.steps[wait].cite.push("long".into());
    // A body whose last line nearly fills the width: its markers go to the next line.
    snap.steps[wait].body = crate::checklist::Text(vec![(
        "zh-CN".into(),
        "请把实际答复记为这一步的结果，到期仍无消息请再次询问客服。".into(),
    )]);
    let screen = screens::step_screen(&w.session, wait, Lang::ZhCn.strings(), t(NOW), 60);
    for line in screen.lines() {
        assert!(
            textwrap::core::display_width(line) <= 60,
            "{line:?} is wider than 60 columns:\n{screen}"
        );
    }
    // The quote stays under its source; the command to copy keeps `--format` whole.
    assert!(screen.contains("\n      “Tous les opérateurs"), "{screen}");
    assert!(screen.contains("--format ics"), "{screen}");
}

/// `--plain` in a terminal: the numbered lines fit the terminal's width, not 80 columns.
#[test]
fn a_plain_prompter_wraps_its_screens_to_the_width_it_is_given() {
    let mut session = new_session();
    let long = "找出一张账单、合同或开户时收到的欢迎邮件，需要准备持有人姓名和邮寄地址、手机号码以及客户号。";
    for step in session.checklist.snapshot.steps.iter_mut() {
        step.body = crate::checklist::Text(vec![("zh-CN".into(), format!("Body of {long}"))]);
    }
    let mut saver = |_: &Session| -> Result<(), session::Error> { Ok(()) };
    let mut prompter =
        PlainPrompter::new("2\n2\n5\n".as_bytes(), Vec::new(), Lang::ZhCn.strings()).width(40);
    let clock = || t(NOW);
    Engine::new(
        &mut session,
        &mut prompter,
        &mut saver,
        &clock,
        Lang::ZhCn.strings(),
    )
    .run()
    .expect("walk");
    let output = String::from_utf8(prompter.into_output()).expect("utf-8");
    let screen = output
        .split("\n\n")
        .find(|part| part.starts_with("Body of"))
        .expect("a body");
    for line in screen.lines() {
        assert!(
            textwrap::core::display_width(line) <= 40,
            "{line:?}\n{output}"
        );
    }
    assert!(screen.lines().count() > 2, "{screen}");
}
