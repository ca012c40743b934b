//! The record: everything every format shows of a session, built once from the session,
//! with personal values already masked when `--redact` asks for it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Timelike};
use serde::Serialize;

use super::Options;
use super::events::event_text;
use super::redact::{mask, origin};
use super::reminders::{Reminder, reminders};
use crate::checklist::{Answer, Confidence, Footnotes, Phase, Source, Step};
use crate::i18n::Strings;
use crate::labels;
use crate::labels::SourceText;
use crate::session::{
    Event, Progress, Session, SessionStatus, StepRecord, StepStatus, Timestamp, WaitOutcome,
};

/// The checklist a session followed, as the record shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ChecklistInfo {
    /// Checklist id.
    pub id: String,
    /// Display name in the record's language.
    pub name: String,
    /// The operator.
    pub provider: String,
    /// ISO country code.
    pub country: String,
    /// SHA-256 of the checklist file when the session began: its version.
    pub hash: String,
    /// Where it was loaded from.
    pub origin: String,
    /// When its content was last checked against its sources.
    pub verified: NaiveDate,
    /// Where its steps come from.
    pub sources: Vec<String>,
    /// Customer-service phone.
    pub phone: Option<String>,
    /// A customer-service number callable from abroad.
    pub phone_abroad: Option<String>,
    /// Customer-service e-mail.
    pub email: Option<String>,
    /// How to reach customer service, in the record's language, when the checklist says.
    pub contact_note: Option<String>,
    /// Postal address for letters, one line per line.
    pub postal: Vec<String>,
    /// The footnote numbers of the contact details' sources.
    pub contact_cite: Vec<usize>,
}

/// A source of the checklist as the record lists it: numbered as its footnote markers
/// say, or without a number when nothing cites it (a format-1 checklist's sources).
#[derive(Clone, Debug)]
pub struct SourceRow {
    /// Its footnote number.
    pub number: Option<usize>,
    /// The source.
    pub source: Source,
}

impl SourceRow {
    /// The source in the record's words.
    pub fn text(&self) -> SourceText<'_> {
        SourceText {
            source: &self.source,
            number: self.number,
            low: self.source.confidence == Some(Confidence::Low),
        }
    }
}

impl ChecklistInfo {
    /// The phones and the e-mail, as far as known (`phone · phone abroad · e-mail`).
    pub(super) fn phone_and_email(&self) -> Option<String> {
        let known: Vec<&str> = [
            self.phone.as_deref(),
            self.phone_abroad.as_deref(),
            self.email.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!known.is_empty()).then(|| known.join(" · "))
    }
}

/// One answered question.
#[derive(Clone, Debug, Serialize)]
pub struct AnswerRow {
    /// Question id.
    pub id: String,
    /// The question, in the record's language.
    pub question: String,
    /// The stored answer: `yes`, `no` or a choice id.
    pub value: String,
    /// The answer in the record's language.
    pub label: String,
}

/// One recorded value.
#[derive(Clone, Debug, Serialize)]
pub struct InputRow {
    /// Input id.
    pub id: String,
    /// Its label in the record's language.
    pub label: String,
    /// The value, or its mask when redacted.
    pub value: String,
    /// Marked personal by the checklist (values not in the checklist count as personal).
    pub personal: bool,
    /// Whether `value` is a mask.
    pub masked: bool,
}

/// One note.
#[derive(Clone, Debug, Serialize)]
pub struct NoteRow {
    /// When it was written.
    pub at: Timestamp,
    /// The text, or its mask when redacted.
    pub text: String,
    /// Whether `text` is a mask.
    pub masked: bool,
}

/// The waiting period of a `wait` step.
#[derive(Clone, Debug, Serialize)]
pub struct WaitRow {
    /// The expected wait from the checklist (`5d`), when it gives one.
    pub expected: Option<String>,
    /// When waiting began; absent until the step is reached.
    pub began: Option<Timestamp>,
    /// The due date; absent until the step is reached.
    pub due: Option<Timestamp>,
    /// The day the confirmation came.
    pub received: Option<NaiveDate>,
    /// What that answer said, when the person recorded it.
    pub outcome: Option<WaitOutcome>,
}

/// One step of the record.
#[derive(Clone, Debug, Serialize)]
pub struct StepRow {
    /// 1-based position in the checklist.
    pub number: usize,
    /// Step id.
    pub id: String,
    /// Its phase.
    pub phase: Phase,
    /// Its title in the record's language.
    pub title: String,
    /// Its status.
    pub status: StepStatus,
    /// When the status last changed.
    pub at: Option<Timestamp>,
    /// Why it was skipped.
    pub skip_reason: Option<String>,
    /// Recorded values, in checklist order.
    pub inputs: Vec<InputRow>,
    /// Notes, oldest first.
    pub notes: Vec<NoteRow>,
    /// For a `wait` step.
    pub wait: Option<WaitRow>,
    /// The footnote numbers of the sources of its title and body.
    pub cite: Vec<usize>,
}

/// One entry of the event log.
#[derive(Clone, Debug, Serialize)]
pub struct EventRow {
    /// The event as stored.
    #[serde(flatten)]
    pub event: Event,
    /// What happened, in the record's language.
    pub text: String,
}

/// A session as every format shows it; built once by [`Record::build`].
#[derive(Clone, Debug)]
pub struct Record {
    /// The words of labels and messages; checklist texts are read in the same language.
    pub strings: &'static Strings,
    /// When the export was made.
    pub exported: Timestamp,
    /// Whether personal values, notes and skip reasons are masked.
    pub redacted: bool,
    /// Whether the session is complete; otherwise every format marks it INCOMPLETE.
    pub complete: bool,
    /// Session status.
    pub status: SessionStatus,
    /// Step counts.
    pub progress: Progress,
    /// Session id.
    pub session_id: String,
    /// Language the session was started in.
    pub session_lang: String,
    /// When the session began.
    pub started: Timestamp,
    /// When it was last saved.
    pub updated: Timestamp,
    /// When it was completed or abandoned.
    pub finished: Option<Timestamp>,
    /// The checklist.
    pub checklist: ChecklistInfo,
    /// Its sources, cited ones first in the order of their numbers.
    pub sources: Vec<SourceRow>,
    /// The answers, in the checklist's question order.
    pub answers: Vec<AnswerRow>,
    /// Every step, in order.
    pub steps: Vec<StepRow>,
    /// The event log, oldest first.
    pub events: Vec<EventRow>,
    /// Calendar reminders.
    pub reminders: Vec<Reminder>,
}

impl Record {
    /// Builds the record, masking personal values and notes when `options.redact` is set.
    pub fn build(session: &Session, options: &Options) -> Record {
        let s = options.strings;
        let snap = &session.checklist.snapshot;
        let contacts = &snap.contacts;
        let notes = Footnotes::of(snap);
        let checklist = ChecklistInfo {
            id: session.checklist.id.clone(),
            name: snap.name.get(s.tag()).to_string(),
            provider: snap.provider.get(s.tag()).to_string(),
            country: snap.country.clone(),
            hash: session.checklist.hash.clone(),
            origin: origin(&session.checklist.origin, options.redact),
            verified: snap.verified,
            sources: snap
                .sources
                .iter()
                .map(|s| match &s.url {
                    Some(url) if *url != s.title => format!("{} <{url}>", s.title),
                    _ => s.title.clone(),
                })
                .collect(),
            phone: contacts.phone.clone(),
            phone_abroad: contacts.phone_abroad.clone(),
            email: contacts.email.clone(),
            contact_note: contacts.note.as_ref().map(|n| n.get(s.tag()).to_string()),
            postal: contacts.postal.clone(),
            contact_cite: notes.numbers(&contacts.cite),
        };
        let sources: Vec<SourceRow> = SourceText::list(&notes, None)
            .into_iter()
            .map(|t| SourceRow {
                number: t.number,
                source: t.source.clone(),
            })
            .collect();

        let answers = answer_rows(session, s);
        let records: HashMap<&str, &StepRecord> =
            session.steps.iter().map(|r| (r.id.as_str(), r)).collect();
        let steps: Vec<StepRow> = snap
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let mut row =
                    step_row(i + 1, step, records.get(step.id.as_str()).copied(), options);
                row.cite = notes.numbers(&step.cite);
                row
            })
            .collect();

        let titles: HashMap<&str, &str> = snap
            .steps
            .iter()
            .map(|st| (st.id.as_str(), st.title.get(s.tag())))
            .collect();
        let events = session
            .events
            .iter()
            .map(|e| EventRow {
                text: event_text(e, session, &titles, s),
                event: e.clone(),
            })
            .collect();

        let complete = session.is_complete();
        let reminders = reminders(session, &steps, &checklist, &sources, complete, s);
        Record {
            strings: s,
            exported: options.now,
            redacted: options.redact,
            complete,
            status: session.status,
            progress: session.progress(),
            session_id: session.id.clone(),
            session_lang: session.lang.clone(),
            started: session.created,
            updated: session.updated,
            finished: session.finished,
            checklist,
            sources,
            answers,
            steps,
            events,
            reminders,
        }
    }

    /// The steps that have a waiting period and apply: a wait the answers ruled out is no
    /// wait, and listing it would show it as open in a finished record.
    pub fn waits(&self) -> impl Iterator<Item = (&StepRow, &WaitRow)> {
        self.steps
            .iter()
            .filter(|st| st.status != StepStatus::NotApplicable)
            .filter_map(|st| st.wait.as_ref().map(|w| (st, w)))
    }
}

/// A timestamp for people: `2026-11-03 10:20 +01:00` (chrono's `%Y-%m-%d %H:%M %:z`).
/// Written digit by digit: it is called twice per event of the log, and chrono's formatter
/// took a sixth of the export of a long session. Years outside 0-9999 and offsets with
/// seconds, which chrono writes its own way, go to chrono.
pub fn human_time(t: &Timestamp) -> String {
    let offset = t.offset().local_minus_utc();
    // Shifted once: each accessor of the zoned time would add the offset again.
    let local = t.naive_local();
    if !(0..=9999).contains(&local.year()) || offset % 60 != 0 {
        return t.format("%Y-%m-%d %H:%M %:z").to_string();
    }
    let minutes = offset.unsigned_abs() / 60;
    let mut out = *b"0000-00-00 00:00 +00:00";
    for (at, width, n) in [
        (0, 4, local.year().unsigned_abs()),
        (5, 2, local.month()),
        (8, 2, local.day()),
        (11, 2, local.hour()),
        (14, 2, local.minute()),
        (18, 2, minutes / 60),
        (21, 2, minutes % 60),
    ] {
        let mut n = n;
        for digit in out[at..at + width].iter_mut().rev() {
            *digit = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    if offset < 0 {
        out[17] = b'-';
    }
    // Only ASCII digits and punctuation were written.
    String::from_utf8_lossy(&out).into_owned()
}

fn answer_rows(session: &Session, s: &Strings) -> Vec<AnswerRow> {
    let snap = &session.checklist.snapshot;
    let row = |id: &str, a: &Answer| {
        let q = snap.question(id);
        AnswerRow {
            id: id.to_string(),
            question: q.map_or_else(|| id.to_string(), |q| q.text.get(s.tag()).to_string()),
            value: a.to_string(),
            label: labels::answer(q, a, s),
        }
    };
    // Checklist order first, then answers to questions the snapshot no longer has.
    let mut rows: Vec<AnswerRow> = snap
        .questions
        .iter()
        .filter_map(|q| session.answers.get(&q.id).map(|a| row(&q.id, a)))
        .collect();
    rows.extend(
        session
            .answers
            .iter()
            .filter(|(id, _)| snap.question(id).is_none())
            .map(|(id, a)| row(id, a)),
    );
    rows
}

fn step_row(number: usize, step: &Step, record: Option<&StepRecord>, options: &Options) -> StepRow {
    let tag = options.strings.tag();
    let redact = options.redact;
    let mut inputs = Vec::new();
    let mut notes = Vec::new();
    let mut wait = step.wait.map(|d| WaitRow {
        expected: Some(d.to_string()),
        began: None,
        due: None,
        received: None,
        outcome: None,
    });
    if let Some(r) = record {
        for def in &step.inputs {
            if let Some(v) = r.inputs.get(&def.id) {
                inputs.push(input_row(
                    &def.id,
                    def.label.get(tag),
                    v,
                    def.personal,
                    redact,
                ));
            }
        }
        // A value whose input is not in the snapshot is shown under its id; not knowing
        // whether it is personal, redaction masks it.
        for (id, v) in &r.inputs {
            if !step.inputs.iter().any(|d| &d.id == id) {
                inputs.push(input_row(id, id, v, true, redact));
            }
        }
        notes = r
            .notes
            .iter()
            .map(|n| NoteRow {
                at: n.at,
                text: if redact {
                    mask(&n.text)
                } else {
                    n.text.clone()
                },
                masked: redact,
            })
            .collect();
        if let Some(w) = &r.wait {
            wait = Some(WaitRow {
                expected: step.wait.map(|d| d.to_string()),
                began: Some(w.began),
                due: Some(w.due),
                received: w.received,
                outcome: w.outcome,
            });
        }
    }
    StepRow {
        number,
        id: step.id.clone(),
        phase: step.phase,
        title: step.title.get(tag).to_string(),
        status: record.map_or(StepStatus::Pending, |r| r.status),
        at: record.and_then(|r| r.at),
        // A skip reason is typed like a note and may hold as much: masked like one.
        skip_reason: record.and_then(|r| r.skip_reason.as_deref()).map(|reason| {
            if redact {
                mask(reason)
            } else {
                reason.to_string()
            }
        }),
        inputs,
        notes,
        wait,
        cite: vec![],
    }
}

fn input_row(id: &str, label: &str, value: &str, personal: bool, redact: bool) -> InputRow {
    let masked = redact && personal;
    InputRow {
        id: id.to_string(),
        label: label.to_string(),
        value: if masked {
            mask(value)
        } else {
            value.to_string()
        },
        personal,
        masked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::redact::MASK;
    use crate::export::testing::options;
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn times_for_people_are_what_chrono_writes() {
        for text in [
            "2026-11-03T10:20:00+01:00",
            "2026-01-09T00:05:59.999-03:30",
            "0001-12-31T23:59:00Z",
            "9999-02-28T07:00:00+14:00",
            "2026-06-30T12:00:00-00:45",
            "2026-11-03T10:20:00+05:45",
        ] {
            let t = chrono::DateTime::parse_from_rfc3339(text).expect(text);
            assert_eq!(
                super::human_time(&t),
                t.format("%Y-%m-%d %H:%M %:z").to_string(),
                "{text}"
            );
        }
        assert_eq!(
            super::human_time(
                &chrono::DateTime::parse_from_rfc3339("2026-11-03T10:20:00+01:00").expect("time")
            ),
            "2026-11-03 10:20 +01:00"
        );
    }

    #[test]
    fn a_completed_session_is_complete_and_an_unfinished_one_is_not() {
        let done = Record::build(&fixtures::completed(), &options(Lang::En, false));
        assert!(done.complete);
        assert_eq!(done.progress.applicable(), 10);
        assert_eq!(done.progress.settled(), 10);
        let open = Record::build(&fixtures::unfinished(), &options(Lang::En, false));
        assert!(!open.complete);
        assert_eq!(open.progress.settled(), 7);
        // A status that claims completion with a pending step is still incomplete.
        let mut lying = fixtures::unfinished();
        lying.status = SessionStatus::Completed;
        assert!(!Record::build(&lying, &options(Lang::En, false)).complete);
    }

    #[test]
    fn redaction_masks_personal_inputs_notes_and_skip_reasons_but_not_other_values() {
        let r = Record::build(&fixtures::completed(), &options(Lang::En, true));
        let inputs: Vec<&InputRow> = r.steps.iter().flat_map(|s| &s.inputs).collect();
        for i in &inputs {
            assert_eq!(i.masked, i.personal, "{i:?}");
            if i.personal {
                assert!(i.value.starts_with(MASK), "{i:?}");
            }
        }
        assert!(inputs.iter().any(|i| i.value == "online form"));
        let notes: Vec<&NoteRow> = r.steps.iter().flat_map(|s| &s.notes).collect();
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.masked && n.text.starts_with(MASK)));
        // A skip reason is free text, like a note.
        let reasons: Vec<&str> = r
            .steps
            .iter()
            .filter_map(|s| s.skip_reason.as_deref())
            .collect();
        assert_eq!(reasons, vec!["••••••• €"]);
    }

    #[test]
    fn redaction_keeps_only_the_file_name_of_a_user_checklist() {
        let mut s = fixtures::completed();
        s.checklist.origin = "/home/jean.dupont/.config/simcancel/checklists/orange.toml".into();
        let r = Record::build(&s, &options(Lang::En, true));
        assert_eq!(r.checklist.origin, "orange.toml");
        let r = Record::build(&s, &options(Lang::En, false));
        assert!(r.checklist.origin.starts_with("/home/jean.dupont/"));
    }
}
