//! The part of a session file that `sessions` and the `resume` picker show, read without
//! building the checklist snapshot, inputs, notes or events: listing 200 files stays fast.
//! The skipped parts are still checked to be well-formed JSON.

use serde::Deserialize;

use super::model::{SessionStatus, StepStatus, Timestamp, WaitRecord};
use super::state::{Progress, SessionState, StepView, progress_of, state_of};
use crate::checklist::Text;

/// What a session list shows of one session.
#[derive(Clone, Debug, Deserialize)]
pub struct SessionSummary {
    /// Format version of the file.
    pub format: u32,
    /// Session id.
    pub id: String,
    /// Which checklist, and its name.
    pub checklist: ChecklistSummary,
    /// When the session began.
    #[serde(with = "super::timestamp")]
    pub created: Timestamp,
    /// When anything last happened (the time of the last event).
    #[serde(with = "super::timestamp")]
    pub updated: Timestamp,
    /// In progress, completed or abandoned.
    pub status: SessionStatus,
    /// Status and wait of each step.
    pub steps: Vec<StepSummary>,
}

/// The checklist of a session, as a list shows it.
#[derive(Clone, Debug, Deserialize)]
pub struct ChecklistSummary {
    /// Checklist id.
    pub id: String,
    /// The name from the snapshot.
    pub snapshot: NameOnly,
}

/// The name of a snapshot (the rest is skipped).
#[derive(Clone, Debug, Deserialize)]
pub struct NameOnly {
    /// Display name.
    pub name: Text,
}

/// A step record's status and wait.
#[derive(Clone, Debug, Deserialize)]
pub struct StepSummary {
    /// Its status.
    pub status: StepStatus,
    /// Its wait record.
    #[serde(default)]
    pub wait: Option<WaitRecord>,
}

impl StepView for StepSummary {
    fn status(&self) -> StepStatus {
        self.status
    }

    fn wait(&self) -> Option<&WaitRecord> {
        self.wait.as_ref()
    }
}

impl SessionSummary {
    /// Steps done or skipped, out of those that apply.
    pub fn progress(&self) -> Progress {
        progress_of(&self.steps)
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
    use crate::checklist::Answer;
    use crate::fixtures::walk::{fixture_ref, t};
    use crate::session::Session;

    #[test]
    fn a_summary_agrees_with_the_full_session() {
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
        s.begin_wait(6, t("2026-12-02T09:00:00+01:00"));
        let json = serde_json::to_string_pretty(&s).unwrap();
        let sum: SessionSummary = serde_json::from_str(&json).unwrap();
        let later = t("2026-12-09T09:00:00+01:00");
        assert_eq!(sum.progress(), s.progress());
        assert_eq!(sum.state(later), s.state(later));
        assert_eq!(sum.state(now), s.state(now));
        assert_eq!(Some(sum.updated), s.events.last().map(|e| e.at));
        assert_eq!(sum.checklist.snapshot.name, s.checklist.snapshot.name);
    }
}
