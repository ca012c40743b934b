//! The session file: one person's progress through one checklist, as saved in JSON.
//!
//! The format is documented in `docs/session-format.md`; change both together and bump
//! [`FORMAT_VERSION`] for any change an older build could misread.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::timestamp;
use crate::checklist::{Answer, Answers, Checklist};
use crate::vocabulary::vocabulary;

/// The session format this build writes. Files with a higher number are refused, never
/// overwritten; older ones are read, and written in this format once they change.
///
/// 2: a wait's `outcome`, and the `cleared` and `outcome` fields of two events.
pub const FORMAT_VERSION: u32 = 2;

/// A timestamp with its UTC offset (RFC 3339 in JSON).
pub type Timestamp = DateTime<FixedOffset>;

/// One person's walk through one checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Format version of this file.
    pub format: u32,
    /// Short id, also the file name (`<id>.json`).
    pub id: String,
    /// Interface language the session was started in (`en` or `zh-CN`).
    pub lang: String,
    /// The checklist as it was when the session began.
    pub checklist: ChecklistRef,
    /// When the session began.
    #[serde(with = "timestamp")]
    pub created: Timestamp,
    /// When anything last happened: the time of the last event, set with each one.
    #[serde(with = "timestamp")]
    pub updated: Timestamp,
    /// In progress, completed or abandoned.
    pub status: SessionStatus,
    /// When it was completed or abandoned.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::option"
    )]
    pub finished: Option<Timestamp>,
    /// Answers to the checklist's questions, by question id.
    pub answers: Answers,
    /// One record per step of the snapshot, in the same order.
    pub steps: Vec<StepRecord>,
    /// Everything that happened, oldest first; only ever appended to.
    pub events: Vec<Event>,
}

/// Which checklist a session follows, with a copy of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChecklistRef {
    /// The checklist id.
    pub id: String,
    /// SHA-256 of the checklist file's bytes, in hex.
    pub hash: String,
    /// Where it was loaded from (`bundled` or a path).
    pub origin: String,
    /// The checklist as it was when the session began.
    pub snapshot: Checklist,
}

vocabulary! {
    /// Where a session stands as a whole.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum SessionStatus {
        /// Steps remain.
        InProgress => "in-progress",
        /// Every applicable step is done or skipped.
        Completed => "completed",
        /// The person gave up on it.
        Abandoned => "abandoned",
    }
}

/// What became of one step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    /// The step id in the snapshot.
    pub id: String,
    /// Its status.
    pub status: StepStatus,
    /// When the status last changed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::option"
    )]
    pub at: Option<Timestamp>,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_reason: Option<String>,
    /// Recorded values, by input id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, String>,
    /// Notes added at this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// For a `wait` step: when waiting began, the due date and the confirmation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitRecord>,
}

vocabulary! {
    /// The status of a step.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum StepStatus {
        /// Not reached or not finished yet.
        #[default]
        Pending => "pending",
        /// Done.
        Done => "done",
        /// Skipped, with a reason.
        Skipped => "skipped",
        /// Its `when` does not hold for the answers given.
        NotApplicable => "not-applicable",
    }
}

/// A timestamped note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// When it was written.
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    /// What the person wrote.
    pub text: String,
}

/// The waiting period of a `wait` step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitRecord {
    /// When the step was first reached.
    #[serde(with = "timestamp")]
    pub began: Timestamp,
    /// `began` plus the step's `wait` duration.
    #[serde(with = "timestamp")]
    pub due: Timestamp,
    /// The day the confirmation came, once it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<NaiveDate>,
    /// What that answer said, when the person recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<WaitOutcome>,
}

vocabulary! {
    /// What the answer that ended a wait said: the request granted, or not quite.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum WaitOutcome {
        /// Done as asked: cancelled, or refunded in full.
        Granted => "granted",
        /// Refused.
        Refused => "refused",
        /// Only store credit or points, no money back.
        StoreCredit => "store-credit",
        /// Only part of what was asked.
        Partial => "partial",
    }
}

/// One entry of the event log (read by hand, in `wire.rs`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// When it happened.
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What happened. Values typed by the person are kept in the step records, not here, so
/// that the log can be shared without them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EventKind {
    /// The session began.
    Started,
    /// The session was continued by `resume`.
    Resumed,
    /// The checklist file changed since the session began; the snapshot is kept.
    ChecklistChanged {
        /// Hash of the file as it is now.
        hash: String,
    },
    /// A question was answered (or the answer changed).
    Answered {
        /// Question id.
        question: String,
        /// The answer.
        answer: Answer,
    },
    /// A value was recorded at a step, or cleared.
    InputRecorded {
        /// Step id.
        step: String,
        /// Input id.
        input: String,
        /// The person cleared the value.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        cleared: bool,
    },
    /// A step was marked done.
    StepDone {
        /// Step id.
        step: String,
    },
    /// A step was skipped.
    StepSkipped {
        /// Step id.
        step: String,
    },
    /// A note was added to a step.
    NoteAdded {
        /// Step id.
        step: String,
    },
    /// The person went back to an earlier step.
    WentBack {
        /// The step they were on.
        from: String,
        /// The step they went back to.
        to: String,
    },
    /// The person went back from a step to the questions asked at the start, to change
    /// an answer.
    BackToQuestions {
        /// The step they were on.
        from: String,
    },
    /// A wait step was reached.
    WaitStarted {
        /// Step id.
        step: String,
        /// The due date.
        #[serde(with = "timestamp")]
        due: Timestamp,
    },
    /// The confirmation (or another answer) came.
    ConfirmationReceived {
        /// Step id.
        step: String,
        /// The day it came.
        on: NaiveDate,
        /// What it said, when the person recorded it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<WaitOutcome>,
    },
    /// The person paused; the session waits for `resume`.
    Paused,
    /// Every applicable step is done or skipped.
    Completed,
    /// The person abandoned the session.
    Abandoned,
}

impl Session {
    /// The record of a step, by id.
    pub fn record(&self, step: &str) -> Option<&StepRecord> {
        self.steps.iter().find(|r| r.id == step)
    }
}
