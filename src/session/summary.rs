//! Small read-only facts about a session as a whole (progress, completeness), shared by
//! the commands that report on it.

use super::model::{Session, SessionStatus, StepStatus};

/// How far a session has got, counting only the steps that apply to its answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Steps marked done.
    pub done: usize,
    /// Steps skipped (with a reason).
    pub skipped: usize,
    /// Steps still pending.
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

impl Session {
    /// Counts the steps by status.
    pub fn progress(&self) -> Progress {
        let mut p = Progress::default();
        for r in &self.steps {
            match r.status {
                StepStatus::Done => p.done += 1,
                StepStatus::Skipped => p.skipped += 1,
                StepStatus::Pending => p.pending += 1,
                StepStatus::NotApplicable => p.not_applicable += 1,
            }
        }
        p
    }

    /// Whether the session was completed: its status says so and no applicable step is
    /// still pending. Both are checked so a hand-edited or damaged file cannot pass an
    /// unfinished walk off as complete.
    pub fn is_complete(&self) -> bool {
        self.status == SessionStatus::Completed && self.progress().pending == 0
    }
}
