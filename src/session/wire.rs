//! Reading an event of the log. The file's form is the derived one (`at`, then `type` and
//! the kind's fields flattened beside it), but serde reads a flattened, internally tagged
//! enum by first copying each event into a tree of owned strings: for a 10,000-event
//! session that was most of the load. Here each event is read in one pass into every field
//! any kind has, then checked against its `type`.

use chrono::NaiveDate;
use serde::de::Deserializer;
use serde::{Deserialize, Serialize};

use super::model::{Event, EventKind, Timestamp, WaitOutcome};
use super::timestamp;
use crate::checklist::Answer;

/// The `type` of an event, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Type {
    Started,
    Resumed,
    ChecklistChanged,
    Answered,
    InputRecorded,
    StepDone,
    StepSkipped,
    NoteAdded,
    WentBack,
    BackToQuestions,
    WaitStarted,
    ConfirmationReceived,
    Paused,
    Completed,
    Abandoned,
}

/// Every field of every kind of event; the `type` says which must be there.
#[derive(Deserialize)]
struct Wire {
    #[serde(with = "timestamp")]
    at: Timestamp,
    #[serde(rename = "type")]
    kind: Type,
    hash: Option<String>,
    question: Option<String>,
    answer: Option<Answer>,
    step: Option<String>,
    input: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default, with = "timestamp::option")]
    due: Option<Timestamp>,
    on: Option<NaiveDate>,
    #[serde(default)]
    cleared: bool,
    outcome: Option<WaitOutcome>,
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let w = Wire::deserialize(deserializer)?;
        fn need<T, E: serde::de::Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::missing_field(field))
        }
        let kind = match w.kind {
            Type::Started => EventKind::Started,
            Type::Resumed => EventKind::Resumed,
            Type::ChecklistChanged => EventKind::ChecklistChanged {
                hash: need(w.hash, "hash")?,
            },
            Type::Answered => EventKind::Answered {
                question: need(w.question, "question")?,
                answer: need(w.answer, "answer")?,
            },
            Type::InputRecorded => EventKind::InputRecorded {
                step: need(w.step, "step")?,
                input: need(w.input, "input")?,
                cleared: w.cleared,
            },
            Type::StepDone => EventKind::StepDone {
                step: need(w.step, "step")?,
            },
            Type::StepSkipped => EventKind::StepSkipped {
                step: need(w.step, "step")?,
            },
            Type::NoteAdded => EventKind::NoteAdded {
                step: need(w.step, "step")?,
            },
            Type::WentBack => EventKind::WentBack {
                from: need(w.from, "from")?,
                to: need(w.to, "to")?,
            },
            Type::BackToQuestions => EventKind::BackToQuestions {
                from: need(w.from, "from")?,
            },
            Type::WaitStarted => EventKind::WaitStarted {
                step: need(w.step, "step")?,
                due: need(w.due, "due")?,
            },
            Type::ConfirmationReceived => EventKind::ConfirmationReceived {
                step: need(w.step, "step")?,
                on: need(w.on, "on")?,
                outcome: w.outcome,
            },
            Type::Paused => EventKind::Paused,
            Type::Completed => EventKind::Completed,
            Type::Abandoned => EventKind::Abandoned,
        };
        Ok(Event { at: w.at, kind })
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::fixtures::walk::t;

    /// How serde reads the derived form, which the file format is.
    #[derive(Debug, Deserialize)]
    struct Derived {
        at: Timestamp,
        #[serde(flatten)]
        kind: EventKind,
    }

    /// One event of every kind (the match makes a new kind fail to compile here).
    fn every_kind() -> Vec<EventKind> {
        let t0 = t("2026-12-01T09:00:00+01:00");
        let s = || "step-1".to_string();
        let all = vec![
            EventKind::Started,
            EventKind::Resumed,
            EventKind::ChecklistChanged { hash: "ab".into() },
            EventKind::Answered {
                question: "esim".into(),
                answer: Answer::Bool(true),
            },
            EventKind::Answered {
                question: "kind".into(),
                answer: Answer::Choice("postpaid".into()),
            },
            EventKind::InputRecorded {
                step: s(),
                input: "reference".into(),
                cleared: false,
            },
            EventKind::InputRecorded {
                step: s(),
                input: "reference".into(),
                cleared: true,
            },
            EventKind::StepDone { step: s() },
            EventKind::StepSkipped { step: s() },
            EventKind::NoteAdded { step: s() },
            EventKind::WentBack {
                from: s(),
                to: "step-0".into(),
            },
            EventKind::BackToQuestions { from: s() },
            EventKind::WaitStarted { step: s(), due: t0 },
            EventKind::ConfirmationReceived {
                step: s(),
                on: t0.date_naive(),
                outcome: None,
            },
            EventKind::ConfirmationReceived {
                step: s(),
                on: t0.date_naive(),
                outcome: Some(WaitOutcome::StoreCredit),
            },
            EventKind::Paused,
            EventKind::Completed,
            EventKind::Abandoned,
        ];
        for k in &all {
            match k {
                EventKind::Started
                | EventKind::Resumed
                | EventKind::ChecklistChanged { .. }
                | EventKind::Answered { .. }
                | EventKind::InputRecorded { .. }
                | EventKind::StepDone { .. }
                | EventKind::StepSkipped { .. }
                | EventKind::NoteAdded { .. }
                | EventKind::WentBack { .. }
                | EventKind::BackToQuestions { .. }
                | EventKind::WaitStarted { .. }
                | EventKind::ConfirmationReceived { .. }
                | EventKind::Paused
                | EventKind::Completed
                | EventKind::Abandoned => {}
            }
        }
        all
    }

    #[test]
    fn every_kind_reads_as_serde_reads_the_derived_form() {
        let at = t("2026-12-01T09:00:00+01:00");
        for kind in every_kind() {
            let written = serde_json::to_string(&Event {
                at,
                kind: kind.clone(),
            })
            .expect("json");
            let ours: Event = serde_json::from_str(&written).expect(&written);
            let theirs: Derived = serde_json::from_str(&written).expect(&written);
            assert_eq!(
                (ours.at, &ours.kind),
                (theirs.at, &theirs.kind),
                "{written}"
            );
            assert_eq!(ours.kind, kind);
        }
    }

    #[test]
    fn what_the_derived_form_refuses_is_refused() {
        for bad in [
            r#"{"at":"2026-12-01T09:00:00+01:00","type":"answered","question":"esim"}"#,
            r#"{"at":"2026-12-01T09:00:00+01:00","type":"went-back","to":"a"}"#,
            r#"{"at":"2026-12-01T09:00:00+01:00","type":"teleported"}"#,
            r#"{"at":"2026-12-01T09:00:00+01:00"}"#,
            r#"{"type":"paused"}"#,
            r#"{"at":"2026-12-01T09:00:00+01:00","type":"step-done","step":3}"#,
        ] {
            assert!(serde_json::from_str::<Derived>(bad).is_err(), "{bad}");
            assert!(serde_json::from_str::<Event>(bad).is_err(), "{bad}");
        }
        // Fields another kind has, or none has, are ignored by both.
        let extra = r#"{"at":"2026-12-01T09:00:00+01:00","type":"paused","step":"x","note":1}"#;
        assert_eq!(
            serde_json::from_str::<Event>(extra).expect(extra).kind,
            serde_json::from_str::<Derived>(extra).expect(extra).kind
        );
    }
}
