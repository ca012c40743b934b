//! `export`: the record of a session, in Markdown, JSON, HTML, plain text or iCalendar.
//!
//! A [`Record`] is built once from a session (with the language, the redaction flag and the
//! time of export) and every format renders that same record. Redaction happens while the
//! record is built, so no format can forget it: a masked value never reaches a renderer.

mod html;
mod ics;
mod json;
mod markdown;
mod text;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::checklist::{Answer, Phase, Step};
use crate::i18n::{self, Lang, Strings};
use crate::labels;
use crate::session::{Event, EventKind, Progress, Session, SessionStatus, StepStatus, Timestamp};

pub use html::Html;
pub use ics::Ics;
pub use json::{EXPORT_FORMAT, Json};
pub use markdown::Markdown;
pub use text::PlainText;

/// One output format: renders a [`Record`] to the bytes of a file.
pub trait Exporter {
    /// The whole document. Fails only when the format cannot represent the record (e.g. a
    /// calendar with nothing to remind).
    fn render(&self, record: &Record) -> Result<String>;
}

/// The formats `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown (the default).
    Markdown,
    /// JSON, schema in `docs/export-format.md`.
    Json,
    /// One self-contained, printable HTML file.
    Html,
    /// Plain text wrapped for e-mail.
    Text,
    /// iCalendar reminders (RFC 5545).
    Ics,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Json,
        Format::Html,
        Format::Text,
        Format::Ics,
    ];

    /// The format a file name asks for, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "ics" | "ical" => Some(Format::Ics),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
            Format::Text => "txt",
            Format::Ics => "ics",
        }
    }

    /// The renderer of this format.
    pub fn exporter(self) -> &'static dyn Exporter {
        match self {
            Format::Markdown => &Markdown,
            Format::Json => &Json,
            Format::Html => &Html,
            Format::Text => &PlainText,
            Format::Ics => &Ics,
        }
    }
}

/// Renders `session` in `format`: builds the [`Record`] and hands it to the format.
pub fn export(session: &Session, format: Format, options: &Options) -> Result<String> {
    format.exporter().render(&Record::build(session, options))
}

/// What shapes a record besides the session itself.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Language of the labels and of the checklist texts.
    pub lang: Lang,
    /// Mask personal inputs, notes and skip reasons.
    pub redact: bool,
    /// The time of export (shown, and the calendar's DTSTAMP).
    pub now: Timestamp,
}

/// The mask that replaces a redacted value's hidden part.
pub const MASK: &str = "•••••••";

/// Values shorter than this are masked whole: keeping 2 of 5 characters would give too
/// much away.
const MASK_KEEP_MIN: usize = 6;

/// Masks a personal value, keeping its last 2 characters (`•••••••42`) when it is long
/// enough for that to reveal little. The mask has a fixed length, so it does not tell
/// how long the value was either.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    if chars.len() < MASK_KEEP_MIN {
        return MASK.to_string();
    }
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{MASK}{tail}")
}

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
    /// Customer-service e-mail.
    pub email: Option<String>,
    /// How to reach customer service, in the record's language, when the checklist says.
    pub contact_note: Option<String>,
    /// Postal address for letters, one line per line.
    pub postal: Vec<String>,
}

impl ChecklistInfo {
    /// The phone and the e-mail, as far as known (`phone · e-mail`).
    fn phone_and_email(&self) -> Option<String> {
        let known: Vec<&str> = [self.phone.as_deref(), self.email.as_deref()]
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

/// Why a reminder exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReminderKind {
    /// The due date of a wait step.
    WaitDue,
    /// An `after` step, one month after the session finished (or after the wait is due).
    After,
}

/// A dated reminder, for the calendar.
#[derive(Clone, Debug, Serialize)]
pub struct Reminder {
    /// Why it exists.
    pub kind: ReminderKind,
    /// The step it is about.
    pub step: String,
    /// The day.
    pub date: NaiveDate,
    /// One-line title.
    pub summary: String,
    /// Longer text.
    pub description: String,
}

/// A value of the record as it is, before a format escapes and lays it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text on one line: a name, a label, a time.
    Text(Cow<'a, str>),
    /// Text that may span lines: what a person typed, or a checklist's note.
    Prose(&'a str),
    /// An identifier (a hash, a session id), set in monospace where the format can.
    Code(&'a str),
    /// A name followed by its identifier in parentheses.
    Named {
        /// The display name.
        name: &'a str,
        /// The identifier, set like [`Value::Code`].
        id: &'a str,
    },
    /// Several values, one a line.
    Lines(&'a [String]),
}

/// A labelled value: one row of a table or one item of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// The label, in the record's language.
    pub label: &'static str,
    /// The value.
    pub value: Value<'a>,
}

impl<'a> Field<'a> {
    fn new(label: &'static str, value: Value<'a>) -> Field<'a> {
        Field { label, value }
    }

    fn text(label: &'static str, value: impl Into<Cow<'a, str>>) -> Field<'a> {
        Field::new(label, Value::Text(value.into()))
    }
}

/// A labelled list under a step (its inputs or its notes): each item's label, and its
/// text as typed, which may span lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    /// The list's label, in the record's language.
    pub label: &'static str,
    /// The items, never empty.
    pub items: Vec<(Cow<'a, str>, &'a str)>,
}

/// A session as every format shows it; built once by [`Record::build`].
#[derive(Clone, Debug)]
pub struct Record {
    /// Language of labels and texts.
    pub lang: Lang,
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
        let lang = options.lang;
        let s = lang.strings();
        let snap = &session.checklist.snapshot;
        let contacts = &snap.contacts;
        let checklist = ChecklistInfo {
            id: session.checklist.id.clone(),
            name: snap.name.get(lang.tag()).to_string(),
            provider: snap.provider.clone(),
            country: snap.country.clone(),
            hash: session.checklist.hash.clone(),
            origin: origin(&session.checklist.origin, options.redact),
            verified: snap.verified,
            sources: snap.sources.clone(),
            phone: contacts.phone.clone(),
            email: contacts.email.clone(),
            contact_note: contacts
                .note
                .as_ref()
                .map(|n| n.get(lang.tag()).to_string()),
            postal: contacts.postal.clone(),
        };

        let answers = answer_rows(session, lang);
        let records: HashMap<&str, &crate::session::StepRecord> =
            session.steps.iter().map(|r| (r.id.as_str(), r)).collect();
        let steps: Vec<StepRow> = snap
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| step_row(i + 1, step, records.get(step.id.as_str()).copied(), options))
            .collect();

        let titles: HashMap<&str, &str> = snap
            .steps
            .iter()
            .map(|st| (st.id.as_str(), st.title.get(lang.tag())))
            .collect();
        let events = session
            .events
            .iter()
            .map(|e| EventRow {
                text: event_text(e, session, &titles, s, lang),
                event: e.clone(),
            })
            .collect();

        let complete = session.is_complete();
        let reminders = reminders(session, &steps, &checklist, complete, lang);
        Record {
            lang,
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
            answers,
            steps,
            events,
            reminders,
        }
    }

    /// The interface strings in the record's language.
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The steps that have a waiting period.
    pub fn waits(&self) -> impl Iterator<Item = (&StepRow, &WaitRow)> {
        self.steps
            .iter()
            .filter_map(|st| st.wait.as_ref().map(|w| (st, w)))
    }

    /// The INCOMPLETE explanation with the counts filled in.
    pub fn incomplete_note(&self) -> String {
        i18n::fill(
            self.strings().export.incomplete_note,
            &[
                ("done", &self.progress.settled()),
                ("total", &self.progress.applicable()),
            ],
        )
    }

    /// "n of m applicable steps done or skipped".
    pub fn progress_text(&self) -> String {
        i18n::fill(
            self.strings().export.progress_value,
            &[
                ("done", &self.progress.settled()),
                ("total", &self.progress.applicable()),
            ],
        )
    }

    /// The session status in the record's language.
    pub fn status_label(&self) -> &'static str {
        let names = &self.strings().export.session_status;
        match self.status {
            SessionStatus::InProgress => names[0],
            SessionStatus::Completed => names[1],
            SessionStatus::Abandoned => names[2],
        }
    }

    /// A step status in the record's language.
    pub fn step_status_label(&self, status: StepStatus) -> &'static str {
        let names = &self.strings().export.step_status;
        match status {
            StepStatus::Pending => names[0],
            StepStatus::Done => names[1],
            StepStatus::Skipped => names[2],
            StepStatus::NotApplicable => names[3],
        }
    }

    /// A phase name in the record's language.
    pub fn phase_label(&self, phase: Phase) -> &'static str {
        labels::phase(phase, self.strings())
    }

    /// The facts at the head of the record, in order: what every format shows in its
    /// header table.
    pub fn facts(&self) -> [Field<'_>; 15] {
        let x = &self.strings().export;
        let c = &self.checklist;
        [
            Field::new(
                x.checklist,
                Value::Named {
                    name: &c.name,
                    id: &c.id,
                },
            ),
            Field::text(x.provider, c.provider.as_str()),
            Field::text(x.country, c.country.as_str()),
            Field::new(x.checklist_hash, Value::Code(&c.hash)),
            Field::text(x.verified, c.verified.to_string()),
            Field::text(x.origin, c.origin.as_str()),
            Field::new(x.session, Value::Code(&self.session_id)),
            Field::text(x.status, self.status_label()),
            Field::text(x.progress, self.progress_text()),
            Field::text(x.started, human_time(&self.started)),
            Field::text(x.finished, time_or(self.finished.as_ref(), x.none)),
            Field::text(x.updated, human_time(&self.updated)),
            Field::text(x.exported, human_time(&self.exported)),
            Field::new(x.contact, self.contact()),
            if c.sources.is_empty() {
                Field::text(x.sources, x.none)
            } else {
                Field::new(x.sources, Value::Lines(&c.sources))
            },
        ]
    }

    /// How to reach customer service: the phone and the e-mail; without either, the
    /// checklist's note on how to reach them; without that, "none".
    fn contact(&self) -> Value<'_> {
        let c = &self.checklist;
        match c.phone_and_email() {
            Some(known) => Value::Text(known.into()),
            None => match &c.contact_note {
                Some(note) => Value::Prose(note),
                None => Value::Text(self.strings().export.none.into()),
            },
        }
    }

    /// A step's own facts, in order: phase, status, then its time and skip reason when it
    /// has them.
    pub fn step_fields<'a>(&'a self, st: &'a StepRow) -> Vec<Field<'a>> {
        let x = &self.strings().export;
        let mut fields = vec![
            Field::text(x.phase, self.phase_label(st.phase)),
            Field::text(x.status, self.step_status_label(st.status)),
        ];
        if let Some(at) = &st.at {
            fields.push(Field::text(x.time, human_time(at)));
        }
        if let Some(reason) = &st.skip_reason {
            fields.push(Field::new(x.skip_reason, Value::Prose(reason)));
        }
        fields
    }

    /// A step's lists, those that are not empty: its inputs, then its notes.
    pub fn step_groups<'a>(&'a self, st: &'a StepRow) -> Vec<Group<'a>> {
        let x = &self.strings().export;
        let inputs = Group {
            label: x.inputs,
            items: st
                .inputs
                .iter()
                .map(|i| (Cow::Borrowed(i.label.as_str()), i.value.as_str()))
                .collect(),
        };
        let notes = Group {
            label: x.notes,
            items: st
                .notes
                .iter()
                .map(|n| (Cow::Owned(human_time(&n.at)), n.text.as_str()))
                .collect(),
        };
        [inputs, notes]
            .into_iter()
            .filter(|g| !g.items.is_empty())
            .collect()
    }

    /// A waiting period's facts, in order: expected, began, due, received.
    pub fn wait_fields<'a>(&'a self, w: &'a WaitRow) -> [Field<'a>; 4] {
        let x = &self.strings().export;
        [
            Field::text(x.expected, w.expected.as_deref().unwrap_or(x.none)),
            Field::text(x.began, time_or(w.began.as_ref(), x.none)),
            Field::text(x.due, time_or(w.due.as_ref(), x.none)),
            Field::text(
                x.received,
                w.received
                    .map_or(Cow::Borrowed(x.not_received), |d| d.to_string().into()),
            ),
        ]
    }
}

/// Where the checklist came from. A path may name the person (`/home/jean/...`), so a
/// redacted record keeps only the file name.
fn origin(origin: &str, redact: bool) -> String {
    if !redact || origin == "bundled" {
        return origin.to_string();
    }
    Path::new(origin)
        .file_name()
        .map_or_else(|| MASK.to_string(), |n| n.to_string_lossy().into_owned())
}

/// A timestamp for people: `2026-11-03 10:20 +01:00`.
pub fn human_time(t: &Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// [`human_time`], or `none` when there is no time.
fn time_or<'a>(t: Option<&Timestamp>, none: &'a str) -> Cow<'a, str> {
    t.map_or(Cow::Borrowed(none), |t| human_time(t).into())
}

fn answer_rows(session: &Session, lang: Lang) -> Vec<AnswerRow> {
    let snap = &session.checklist.snapshot;
    let s = lang.strings();
    let row = |id: &str, a: &Answer| {
        let q = snap.question(id);
        AnswerRow {
            id: id.to_string(),
            question: q.map_or_else(|| id.to_string(), |q| q.text.get(lang.tag()).to_string()),
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

fn step_row(
    number: usize,
    step: &Step,
    record: Option<&crate::session::StepRecord>,
    options: &Options,
) -> StepRow {
    let lang = options.lang;
    let redact = options.redact;
    let mut inputs = Vec::new();
    let mut notes = Vec::new();
    let mut wait = step.wait.map(|d| WaitRow {
        expected: Some(d.to_string()),
        began: None,
        due: None,
        received: None,
    });
    if let Some(r) = record {
        for def in &step.inputs {
            if let Some(v) = r.inputs.get(&def.id) {
                inputs.push(input_row(
                    &def.id,
                    def.label.get(lang.tag()),
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
            });
        }
    }
    StepRow {
        number,
        id: step.id.clone(),
        phase: step.phase,
        title: step.title.get(lang.tag()).to_string(),
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

fn event_text(
    e: &Event,
    session: &Session,
    titles: &HashMap<&str, &str>,
    s: &Strings,
    lang: Lang,
) -> String {
    let x = &s.export;
    let title = |id: &str| titles.get(id).copied().unwrap_or(id).to_string();
    match &e.kind {
        EventKind::Started => x.ev_started.to_string(),
        EventKind::Resumed => x.ev_resumed.to_string(),
        EventKind::ChecklistChanged { hash } => {
            i18n::fill(x.ev_checklist_changed, &[("hash", hash)])
        }
        EventKind::Answered { question, answer } => {
            let q = session.checklist.snapshot.question(question);
            let text = q.map_or(question.as_str(), |q| q.text.get(lang.tag()));
            let label = labels::answer(q, answer, s);
            i18n::fill(x.ev_answered, &[("question", &text), ("answer", &label)])
        }
        EventKind::InputRecorded { step, input } => {
            let label = session
                .checklist
                .snapshot
                .step(step)
                .and_then(|st| st.inputs.iter().find(|i| &i.id == input))
                .map_or(input.as_str(), |i| i.label.get(lang.tag()));
            i18n::fill(
                x.ev_input_recorded,
                &[("step", &title(step)), ("input", &label)],
            )
        }
        EventKind::StepDone { step } => i18n::fill(x.ev_step_done, &[("step", &title(step))]),
        EventKind::StepSkipped { step } => i18n::fill(x.ev_step_skipped, &[("step", &title(step))]),
        EventKind::NoteAdded { step } => i18n::fill(x.ev_note_added, &[("step", &title(step))]),
        EventKind::WentBack { from, to } => i18n::fill(
            x.ev_went_back,
            &[("from", &title(from)), ("to", &title(to))],
        ),
        EventKind::BackToQuestions { from } => {
            i18n::fill(x.ev_back_to_questions, &[("from", &title(from))])
        }
        EventKind::WaitStarted { step, due } => i18n::fill(
            x.ev_wait_started,
            &[("step", &title(step)), ("due", &human_time(due))],
        ),
        EventKind::ConfirmationReceived { step, on } => i18n::fill(
            x.ev_confirmation_received,
            &[("step", &title(step)), ("on", on)],
        ),
        EventKind::Paused => x.ev_paused.to_string(),
        EventKind::Completed => x.ev_completed.to_string(),
        EventKind::Abandoned => x.ev_abandoned.to_string(),
    }
}

/// The reminders: each reached wait step on its due date, and each applicable `after`
/// step one month after the session finished — or, while it is unfinished, one month after
/// the latest wait is due (the earliest a statement could show a charge after the end).
fn reminders(
    session: &Session,
    steps: &[StepRow],
    checklist: &ChecklistInfo,
    complete: bool,
    lang: Lang,
) -> Vec<Reminder> {
    let x = &lang.strings().export;
    // Without a number or address, the checklist's note says how to reach customer service.
    let phone = checklist
        .phone_and_email()
        .or(checklist.contact_note.clone())
        .unwrap_or_else(|| x.none.to_string());
    let name = checklist.name.as_str();
    let prefix = if complete {
        String::new()
    } else {
        format!("{}: ", x.incomplete)
    };
    let mut out = Vec::new();
    let mut latest_due: Option<Timestamp> = None;
    for st in steps {
        let Some(due) = st.wait.as_ref().and_then(|w| w.due) else {
            continue;
        };
        latest_due = latest_due.max(Some(due));
        out.push(Reminder {
            kind: ReminderKind::WaitDue,
            step: st.id.clone(),
            date: due.date_naive(),
            summary: format!(
                "{prefix}{}",
                i18n::fill(x.cal_due, &[("step", &st.title), ("checklist", &name)])
            ),
            description: i18n::fill(x.cal_due_body, &[("phone", &phone)]),
        });
    }
    let base = session.finished.or(latest_due);
    if let Some(base) = base {
        let snap = &session.checklist.snapshot;
        let date = base
            .date_naive()
            .checked_add_months(Months::new(1))
            .unwrap_or(base.date_naive());
        for st in steps
            .iter()
            .filter(|st| st.phase == Phase::After && st.status != StepStatus::NotApplicable)
        {
            let body = snap.step(&st.id).map_or("", |s| s.body.get(lang.tag()));
            out.push(Reminder {
                kind: ReminderKind::After,
                step: st.id.clone(),
                date,
                summary: format!(
                    "{prefix}{}",
                    i18n::fill(x.cal_after, &[("step", &st.title), ("checklist", &name)])
                ),
                description: body.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! The shared session fixtures (`tests/fixtures/sessions.rs`).
    #![allow(dead_code)]
    use crate::checklist::*;
    use crate::session::*;
    include!("../../tests/fixtures/sessions.rs");
}

#[cfg(test)]
pub(crate) mod testing {
    //! What the tests of every format share.
    use super::{Format, Options, export, fixtures};
    use crate::i18n::Lang;
    use crate::session::Session;

    /// Export options at the fixtures' time of export.
    pub fn options(lang: Lang, redact: bool) -> Options {
        Options {
            lang,
            redact,
            now: fixtures::export_now(),
        }
    }

    /// `session` exported in `format`, unredacted; panics when the format refuses it.
    pub fn render(format: Format, session: &Session, lang: Lang) -> String {
        export(session, format, &options(lang, false))
            .unwrap_or_else(|e| panic!("{format:?} does not render: {e:#}"))
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures;
    use super::testing::{self, options};
    use super::*;

    #[test]
    fn mask_keeps_the_last_two_characters_of_long_values_only() {
        assert_eq!(mask("0612345642"), "•••••••42");
        assert_eq!(mask("  CL-99887766 \n"), "•••••••66");
        assert_eq!(mask("12345"), MASK);
        assert_eq!(mask(""), MASK);
        assert_eq!(mask("张伟先生您好"), "•••••••您好");
    }

    #[test]
    fn the_format_comes_from_the_extension() {
        for f in Format::ALL {
            let name = format!("record.{}", f.extension().to_uppercase());
            assert_eq!(Format::from_path(Path::new(&name)), Some(f));
        }
        assert_eq!(Format::from_path(Path::new("record.pdf")), None);
        assert_eq!(Format::from_path(Path::new("record")), None);
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

    #[test]
    fn reminders_cover_the_due_date_and_each_after_step_a_month_after_finishing() {
        let r = Record::build(&fixtures::completed(), &options(Lang::En, false));
        let got: Vec<(ReminderKind, &str, String)> = r
            .reminders
            .iter()
            .map(|m| (m.kind, m.step.as_str(), m.date.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    ReminderKind::WaitDue,
                    "wait-confirmation",
                    "2026-11-08".into()
                ),
                (ReminderKind::After, "check-statement", "2027-01-05".into()),
                (ReminderKind::After, "delete-esim", "2027-01-05".into()),
            ]
        );
        let open = Record::build(&fixtures::unfinished(), &options(Lang::En, false));
        assert_eq!(open.reminders[1].date.to_string(), "2026-12-08");
        assert!(
            open.reminders
                .iter()
                .all(|m| m.summary.starts_with("INCOMPLETE"))
        );
    }

    #[test]
    fn without_phone_or_email_the_contact_note_says_how_to_reach_them() {
        let mut s = fixtures::completed();
        let contacts = &mut s.checklist.snapshot.contacts;
        contacts.phone = None;
        contacts.email = None;
        contacts.note = Some(crate::checklist::Text(vec![
            ("en".into(), "Ask in any shop of the brand".into()),
            ("zh-CN".into(), "到该品牌任意门店咨询".into()),
        ]));
        for (lang, note) in [
            (Lang::En, "Ask in any shop of the brand"),
            (Lang::ZhCn, "到该品牌任意门店咨询"),
        ] {
            let r = Record::build(&s, &options(lang, false));
            let contact = r
                .facts()
                .into_iter()
                .find(|f| f.label == r.strings().export.contact);
            assert_eq!(contact.map(|f| f.value), Some(Value::Prose(note)));
            for format in [Format::Markdown, Format::Html, Format::Text] {
                let out = testing::render(format, &s, lang);
                assert!(out.contains(note), "{format:?} in {lang:?}:\n{out}");
            }
            let json = testing::render(Format::Json, &s, lang);
            assert!(
                json.contains(&format!("\"contact_note\": \"{note}\"")),
                "{json}"
            );
            assert!(
                r.reminders[0].description.contains(note),
                "{:?}",
                r.reminders
            );
        }
        // With a phone or an e-mail, those are the contact, as before.
        let r = Record::build(&fixtures::completed(), &options(Lang::En, false));
        let contact = r
            .facts()
            .into_iter()
            .find(|f| f.label == "Customer service");
        assert_eq!(
            contact.map(|f| f.value),
            Some(Value::Text("3900 · resiliation@demo.example".into()))
        );
        // With nothing at all, the record says so.
        s.checklist.snapshot.contacts.note = None;
        let r = Record::build(&s, &options(Lang::En, false));
        let contact = r
            .facts()
            .into_iter()
            .find(|f| f.label == "Customer service");
        assert_eq!(contact.map(|f| f.value), Some(Value::Text("none".into())));
    }

    #[test]
    fn events_are_described_with_step_titles_in_the_record_language() {
        let r = Record::build(&fixtures::chinese(), &options(Lang::ZhCn, false));
        assert!(
            r.events.iter().any(|e| e.text == "已完成：登录账户"),
            "{:?}",
            r.events
        );
        assert!(r.events.iter().any(|e| e.text == "回答“是 eSIM 吗？”：是"));
    }
}
