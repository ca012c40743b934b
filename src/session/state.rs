//! What is derived from a session and never stored: whether a step applies, the current
//! step, the progress and where the session stands. Computed from the step records alone, so
//! the guide, `sessions` (which reads only a summary of each file) and export all agree.

use super::model::{SessionStatus, StepRecord, StepStatus, Timestamp, WaitRecord};
use crate::checklist::{Answers, Step};

/// Whether a step applies, given the answers so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Every condition holds.
    Yes,
    /// A condition fails on an answer already given.
    No,
    /// No condition fails, but one names a question not answered yet (one asked later, at
    /// a step): the step stays pending until the answer is known.
    Unknown,
}

/// Decides whether `step` applies under `answers`.
pub fn applicability(step: &Step, answers: &Answers) -> Applies {
    let mut unknown = false;
    for c in &step.when {
        match answers.get(&c.question) {
            Some(a) if c.any_of.contains(a) => {}
            Some(_) => return Applies::No,
            None => unknown = true,
        }
    }
    if unknown {
        Applies::Unknown
    } else {
        Applies::Yes
    }
}

/// Where a session stands, as `sessions` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    /// Steps remain and nothing is awaited.
    InProgress,
    /// At a wait step whose due date is still ahead.
    WaitingUntil(Timestamp),
    /// At a wait step whose due date has passed without a confirmation.
    OverdueSince(Timestamp),
    /// Every applicable step is done or skipped.
    Completed,
    /// The person gave up.
    Abandoned,
}

/// How far a session has got: its steps counted by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Steps marked done.
    pub done: usize,
    /// Steps skipped (with a reason).
    pub skipped: usize,
    /// Steps that apply, or may still apply, and are not finished.
    pub pending: usize,
    /// Steps whose `when` does not hold; not counted in [`Progress::applicable`].
    pub not_applicable: usize,
}

impl Progress {
    /// Steps that apply: done, skipped or pending.
    pub fn applicable(&self) -> usize {
        self.done + self.skipped + self.pending
    }

    /// Steps finished with: done or skipped.
    pub fn settled(&self) -> usize {
        self.done + self.skipped
    }
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.settled(), self.applicable())
    }
}

/// What the derived state needs of a step record; implemented by the full record and by the
/// light one `sessions` reads, so both compute the same progress and state.
pub trait StepView {
    /// The step's status.
    fn status(&self) -> StepStatus;
    /// The step's wait record.
    fn wait(&self) -> Option<&WaitRecord>;
}

impl StepView for StepRecord {
    fn status(&self) -> StepStatus {
        self.status
    }

    fn wait(&self) -> Option<&WaitRecord> {
        self.wait.as_ref()
    }
}

/// Index of the first pending step.
pub fn current_of<S: StepView>(steps: &[S]) -> Option<usize> {
    steps.iter().position(|r| r.status() == StepStatus::Pending)
}

/// The steps counted by status.
pub fn progress_of<S: StepView>(steps: &[S]) -> Progress {
    let mut p = Progress::default();
    for r in steps {
        match r.status() {
            StepStatus::Done => p.done += 1,
            StepStatus::Skipped => p.skipped += 1,
            StepStatus::Pending => p.pending += 1,
            StepStatus::NotApplicable => p.not_applicable += 1,
        }
    }
    p
}

/// The current step's wait record, if it has begun and no confirmation came yet.
pub fn open_wait_of<S: StepView>(steps: &[S]) -> Option<&WaitRecord> {
    let idx = current_of(steps)?;
    steps[idx].wait().filter(|w| w.received.is_none())
}

/// Where a session with this status and these steps stands at `now`.
pub fn state_of<S: StepView>(status: SessionStatus, steps: &[S], now: Timestamp) -> SessionState {
    match status {
        SessionStatus::Completed => SessionState::Completed,
        SessionStatus::Abandoned => SessionState::Abandoned,
        SessionStatus::InProgress => match open_wait_of(steps) {
            Some(w) if now >= w.due => SessionState::OverdueSince(w.due),
            Some(w) => SessionState::WaitingUntil(w.due),
            None => SessionState::InProgress,
        },
    }
}
