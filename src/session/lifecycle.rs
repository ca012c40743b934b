//! How a session begins and changes: every change appends an event. Nothing here touches
//! the clock or the disk: the caller passes `now`.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::model::{
    ChecklistRef, Event, EventKind, FORMAT_VERSION, Session, SessionStatus, StepRecord, StepStatus,
    Timestamp, WaitOutcome, WaitRecord,
};
use super::state::{
    Applies, Progress, SessionState, applicability, current_of, progress_of, state_of,
};
use crate::checklist::{Answer, Answers};

/// Why a session does not agree with its own checklist copy (a hand-edited file).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Mismatch {
    /// The step records differ from the snapshot's steps.
    #[error("the step records do not match the checklist copy")]
    Steps,
    /// An answer to a question the snapshot does not have.
    #[error("an answer to `{0}`, a question the checklist copy does not have")]
    UnknownAnswer(String),
}

/// A short session id: the first 8 hex digits of SHA-256 over the start time, the process id
/// and the checklist id. `attempt` changes the id when one is already taken.
pub fn new_id(now: Timestamp, pid: u32, checklist: &str, attempt: u32) -> String {
    let mut h = Sha256::new();
    h.update(now.to_rfc3339().as_bytes());
    h.update(now.timestamp_subsec_nanos().to_le_bytes());
    h.update(pid.to_le_bytes());
    h.update(checklist.as_bytes());
    h.update(attempt.to_le_bytes());
    h.finalize()
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Session {
    /// A new session on `checklist`, no question answered yet, every step pending except
    /// those whose conditions cannot hold.
    pub fn start(id: String, lang: &str, checklist: ChecklistRef, now: Timestamp) -> Session {
        let steps = checklist
            .snapshot
            .steps
            .iter()
            .map(|s| StepRecord {
                id: s.id.clone(),
                ..StepRecord::default()
            })
            .collect();
        let mut s = Session {
            format: FORMAT_VERSION,
            id,
            lang: lang.to_string(),
            checklist,
            created: now,
            updated: now,
            status: SessionStatus::InProgress,
            finished: None,
            answers: Answers::new(),
            steps,
            events: Vec::new(),
        };
        s.push(now, EventKind::Started);
        s.reevaluate(now);
        s
    }

    fn push(&mut self, at: Timestamp, kind: EventKind) {
        // A changed file is written by this build: a build that cannot read what this one
        // may have added must refuse it rather than drop it.
        self.format = FORMAT_VERSION;
        self.updated = at;
        self.events.push(Event { at, kind });
    }

    /// Re-applies every step's conditions: a step that no longer applies becomes
    /// `not-applicable`, one that applies again becomes `pending`; done and skipped steps
    /// that still apply keep their status, and no record (inputs, notes) is ever dropped.
    pub fn reevaluate(&mut self, now: Timestamp) {
        for (rec, step) in self.steps.iter_mut().zip(&self.checklist.snapshot.steps) {
            match applicability(step, &self.answers) {
                Applies::No if rec.status != StepStatus::NotApplicable => {
                    rec.status = StepStatus::NotApplicable;
                    rec.at = Some(now);
                }
                Applies::Yes | Applies::Unknown if rec.status == StepStatus::NotApplicable => {
                    rec.status = StepStatus::Pending;
                    rec.at = Some(now);
                }
                _ => {}
            }
        }
    }

    /// Records an answer (if it differs from the one given) and re-evaluates the steps.
    /// Returns whether anything changed.
    pub fn answer(&mut self, question: &str, answer: Answer, now: Timestamp) -> bool {
        if self.answers.get(question) == Some(&answer) {
            return false;
        }
        self.answers.insert(question.to_string(), answer.clone());
        self.push(
            now,
            EventKind::Answered {
                question: question.to_string(),
                answer,
            },
        );
        self.reevaluate(now);
        true
    }

    /// Index of the step to walk next: the first pending one.
    pub fn current(&self) -> Option<usize> {
        current_of(&self.steps)
    }

    /// Index of the last step before `idx` that applies, if any.
    pub fn previous_applicable(&self, idx: usize) -> Option<usize> {
        self.steps[..idx.min(self.steps.len())]
            .iter()
            .rposition(|r| r.status != StepStatus::NotApplicable)
    }

    /// Records an input value (if it differs from the one recorded).
    pub fn set_input(&mut self, idx: usize, input: &str, value: String, now: Timestamp) {
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        if rec.inputs.get(input) == Some(&value) {
            return;
        }
        rec.inputs.insert(input.to_string(), value);
        let step = rec.id.clone();
        self.push(
            now,
            EventKind::InputRecorded {
                step,
                input: input.to_string(),
                cleared: false,
            },
        );
    }

    /// Clears an input value the person no longer wants recorded (if there is one).
    pub fn clear_input(&mut self, idx: usize, input: &str, now: Timestamp) {
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        if rec.inputs.remove(input).is_none() {
            return;
        }
        let step = rec.id.clone();
        self.push(
            now,
            EventKind::InputRecorded {
                step,
                input: input.to_string(),
                cleared: true,
            },
        );
    }

    /// Marks a step done.
    pub fn mark_done(&mut self, idx: usize, now: Timestamp) {
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        rec.status = StepStatus::Done;
        rec.at = Some(now);
        rec.skip_reason = None;
        let step = rec.id.clone();
        self.push(now, EventKind::StepDone { step });
    }

    /// Skips a step, with the reason given.
    pub fn skip(&mut self, idx: usize, reason: String, now: Timestamp) {
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        rec.status = StepStatus::Skipped;
        rec.at = Some(now);
        rec.skip_reason = Some(reason);
        let step = rec.id.clone();
        self.push(now, EventKind::StepSkipped { step });
    }

    /// Adds a timestamped note to a step.
    pub fn add_note(&mut self, idx: usize, text: String, now: Timestamp) {
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        rec.notes.push(super::model::Note { at: now, text });
        let step = rec.id.clone();
        self.push(now, EventKind::NoteAdded { step });
    }

    /// Goes back from step `from` to step `to`, which becomes pending again (its records
    /// are kept, so walking it again shows them as defaults).
    pub fn go_back(&mut self, from: usize, to: usize, now: Timestamp) {
        let (Some(f), Some(rec)) = (
            self.steps.get(from).map(|r| r.id.clone()),
            self.steps.get_mut(to),
        ) else {
            return;
        };
        rec.status = StepStatus::Pending;
        rec.at = Some(now);
        rec.skip_reason = None;
        let t = rec.id.clone();
        self.push(now, EventKind::WentBack { from: f, to: t });
    }

    /// Goes back from step `from` to the start questions.
    pub fn back_to_questions(&mut self, from: usize, now: Timestamp) {
        let Some(f) = self.steps.get(from).map(|r| r.id.clone()) else {
            return;
        };
        self.push(now, EventKind::BackToQuestions { from: f });
    }

    /// Starts the wait of a wait step (once): records when waiting began and the due date.
    pub fn begin_wait(&mut self, idx: usize, now: Timestamp) {
        let Some(hours) = self
            .checklist
            .snapshot
            .steps
            .get(idx)
            .and_then(|s| s.wait)
            .map(|w| w.as_chrono())
        else {
            return;
        };
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        if rec.wait.is_some() {
            return;
        }
        let due = now + hours;
        rec.wait = Some(WaitRecord {
            began: now,
            due,
            received: None,
            outcome: None,
        });
        let step = rec.id.clone();
        self.push(now, EventKind::WaitStarted { step, due });
    }

    /// Records that the awaited answer came on `on`, saying `outcome` when the person said
    /// what it was, and marks the step done.
    pub fn confirmation_received(
        &mut self,
        idx: usize,
        on: NaiveDate,
        outcome: Option<WaitOutcome>,
        now: Timestamp,
    ) {
        let Some(rec) = self.steps.get_mut(idx) else {
            return;
        };
        let began = rec.wait.as_ref().map_or(now, |w| w.began);
        let due = rec.wait.as_ref().map_or(now, |w| w.due);
        rec.wait = Some(WaitRecord {
            began,
            due,
            received: Some(on),
            outcome,
        });
        let step = rec.id.clone();
        self.push(now, EventKind::ConfirmationReceived { step, on, outcome });
        self.mark_done(idx, now);
    }

    /// The person paused.
    pub fn pause(&mut self, now: Timestamp) {
        self.push(now, EventKind::Paused);
    }

    /// The session was continued by `resume`.
    pub fn resumed(&mut self, now: Timestamp) {
        self.push(now, EventKind::Resumed);
    }

    /// The checklist file now has `hash`; records it once per new hash. Returns whether the
    /// checklist differs from the snapshot.
    pub fn note_checklist_hash(&mut self, hash: &str, now: Timestamp) -> bool {
        if hash == self.checklist.hash {
            return false;
        }
        let already = self
            .events
            .iter()
            .rev()
            .any(|e| matches!(&e.kind, EventKind::ChecklistChanged { hash: h } if h == hash));
        if !already {
            self.push(
                now,
                EventKind::ChecklistChanged {
                    hash: hash.to_string(),
                },
            );
        }
        true
    }

    /// Marks the session completed (when no step is pending).
    pub fn complete(&mut self, now: Timestamp) {
        self.status = SessionStatus::Completed;
        self.finished = Some(now);
        self.push(now, EventKind::Completed);
    }

    /// Marks the session abandoned.
    pub fn abandon(&mut self, now: Timestamp) {
        self.status = SessionStatus::Abandoned;
        self.finished = Some(now);
        self.push(now, EventKind::Abandoned);
    }

    /// The steps counted by status.
    pub fn progress(&self) -> Progress {
        progress_of(&self.steps)
    }

    /// Whether the session was completed: its status says so and no applicable step is
    /// still pending. Both are checked so a hand-edited or damaged file cannot pass an
    /// unfinished walk off as complete.
    pub fn is_complete(&self) -> bool {
        self.status == SessionStatus::Completed && self.progress().pending == 0
    }

    /// 1-based position of step `idx` among the applicable steps.
    pub fn position(&self, idx: usize) -> usize {
        self.steps[..idx.min(self.steps.len())]
            .iter()
            .filter(|r| r.status != StepStatus::NotApplicable)
            .count()
            + 1
    }

    /// Checks what serde cannot: one step record per snapshot step, in the same order, and
    /// answers only to known questions. A hand-edited file that fails is refused rather
    /// than walked.
    pub fn check(&self) -> Result<(), Mismatch> {
        let snap = &self.checklist.snapshot;
        if self.steps.len() != snap.steps.len()
            || self
                .steps
                .iter()
                .zip(&snap.steps)
                .any(|(r, s)| r.id != s.id)
        {
            return Err(Mismatch::Steps);
        }
        if let Some(q) = self.answers.keys().find(|q| snap.question(q).is_none()) {
            return Err(Mismatch::UnknownAnswer(q.clone()));
        }
        Ok(())
    }

    /// Where the session stands at `now`.
    pub fn state(&self, now: Timestamp) -> SessionState {
        state_of(self.status, &self.steps, now)
    }

    /// Whether the session can be resumed.
    pub fn is_unfinished(&self) -> bool {
        self.status == SessionStatus::InProgress
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::walk::{fixture_ref, t};

    #[test]
    fn a_new_session_waits_for_answers_before_deciding_conditional_steps() {
        let s = Session::start(
            "0011aabb".into(),
            "en",
            fixture_ref(),
            t("2026-12-01T09:00:00+01:00"),
        );
        assert!(s.steps.iter().all(|r| r.status == StepStatus::Pending));
        assert_eq!(s.progress().to_string(), "0/9");
        assert_eq!(s.current(), Some(0));
        assert_eq!(s.events.len(), 1);
    }

    #[test]
    fn changing_an_answer_keeps_records_of_steps_that_still_apply() {
        let now = t("2026-12-01T09:00:00+01:00");
        let mut s = Session::start("0011aabb".into(), "en", fixture_ref(), now);
        s.answer("keep_number", Answer::Bool(true), now);
        s.answer("has_balance", Answer::Bool(false), now);
        assert_eq!(s.steps[1].status, StepStatus::NotApplicable);
        s.add_note(0, "called 3179".into(), now);
        s.mark_done(0, now);
        s.mark_done(2, now);
        s.answer("keep_number", Answer::Bool(false), now);
        assert_eq!(s.steps[0].status, StepStatus::NotApplicable);
        assert_eq!(s.steps[0].notes.len(), 1, "records are never dropped");
        assert_eq!(s.steps[2].status, StepStatus::Done);
        s.answer("keep_number", Answer::Bool(true), now);
        assert_eq!(s.steps[0].status, StepStatus::Pending);
        assert_eq!(s.current(), Some(0));
        assert!(
            !s.answer("keep_number", Answer::Bool(true), now),
            "same answer: no event"
        );
    }

    #[test]
    fn a_wait_step_is_waiting_then_overdue_then_done() {
        let now = t("2026-12-01T09:00:00+01:00");
        let mut s = Session::start("0011aabb".into(), "en", fixture_ref(), now);
        for q in ["keep_number", "has_balance", "esim"] {
            s.answer(q, Answer::Bool(false), now);
        }
        for i in 0..6 {
            if s.steps[i].status == StepStatus::Pending {
                s.mark_done(i, now);
            }
        }
        assert_eq!(s.current(), Some(6));
        assert_eq!(s.state(now), SessionState::InProgress);
        s.begin_wait(6, now);
        let due = t("2026-12-06T09:00:00+01:00");
        assert_eq!(s.state(now), SessionState::WaitingUntil(due));
        assert_eq!(
            s.state(t("2026-12-07T09:00:00+01:00")),
            SessionState::OverdueSince(due)
        );
        s.begin_wait(6, t("2026-12-03T09:00:00+01:00"));
        assert_eq!(
            s.steps[6].wait.as_ref().map(|w| w.due),
            Some(due),
            "begins once"
        );
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        s.confirmation_received(6, day, None, now);
        assert_eq!(s.steps[6].status, StepStatus::Done);
        assert_eq!(s.state(now), SessionState::InProgress);
        assert_eq!(s.progress().to_string(), "5/6");
    }

    #[test]
    fn a_session_whose_records_do_not_match_its_snapshot_is_refused() {
        let now = t("2026-12-01T09:00:00+01:00");
        let mut s = Session::start("0011aabb".into(), "en", fixture_ref(), now);
        assert_eq!(s.check(), Ok(()));
        s.steps.pop();
        assert!(s.check().is_err());
        let mut s = Session::start("0011aabb".into(), "en", fixture_ref(), now);
        s.answers.insert("nope".into(), Answer::Bool(true));
        assert_eq!(s.check(), Err(Mismatch::UnknownAnswer("nope".into())));
    }

    #[test]
    fn ids_are_eight_hex_digits_and_differ_by_attempt() {
        let now = t("2026-12-01T09:00:00+01:00");
        let a = new_id(now, 42, "generic", 0);
        let b = new_id(now, 42, "generic", 1);
        assert_eq!(a.len(), 8);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn an_older_file_is_written_in_this_format_once_it_changes() {
        let now = t("2026-12-01T09:00:00+01:00");
        let mut s = Session::start("0011aabb".into(), "en", fixture_ref(), now);
        s.format = 1;
        s.steps[0].inputs.insert("note".into(), "x".into());
        s.clear_input(0, "absent", now);
        assert_eq!(s.format, 1, "nothing changed");
        s.clear_input(0, "note", now);
        assert_eq!(s.format, FORMAT_VERSION);
        assert!(s.steps[0].inputs.is_empty());
    }

    #[test]
    fn a_changed_checklist_is_recorded_once_per_hash() {
        let now = t("2026-12-01T09:00:00+01:00");
        let mut s = Session::start("0011aabb".into(), "en", fixture_ref(), now);
        assert!(!s.note_checklist_hash("abc", now));
        assert!(s.note_checklist_hash("def", now));
        assert!(s.note_checklist_hash("def", now));
        let changed = s
            .events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::ChecklistChanged { .. }))
            .count();
        assert_eq!(changed, 1);
    }
}
