//! JSON: the record for other programs. The schema is documented in
//! `docs/export-format.md`; every field is always present (`null` when it has no value), so
//! readers need no guessing. Change the document with the code, and bump [`EXPORT_FORMAT`]
//! for any change an existing reader could misread.

use chrono::NaiveDate;
use serde::Serialize;

use super::{AnswerRow, ChecklistInfo, Error, EventRow, Exporter, Record, Reminder, StepRow};
use crate::checklist::Confidence;
use crate::session::{SessionStatus, Timestamp, WaitOutcome};

/// The version of the JSON export schema.
pub const EXPORT_FORMAT: u32 = 1;

/// The JSON renderer.
#[derive(Clone, Copy, Debug)]
pub struct Json;

#[derive(Serialize)]
struct Document<'a> {
    export_format: u32,
    lang: &'static str,
    exported: Timestamp,
    redacted: bool,
    complete: bool,
    session: SessionPart<'a>,
    checklist: &'a ChecklistInfo,
    citations: Vec<CitationPart<'a>>,
    answers: &'a [AnswerRow],
    steps: &'a [StepRow],
    waits: Vec<WaitPart<'a>>,
    events: &'a [EventRow],
    reminders: &'a [Reminder],
}

#[derive(Serialize)]
struct SessionPart<'a> {
    id: &'a str,
    lang: &'a str,
    status: SessionStatus,
    started: Timestamp,
    updated: Timestamp,
    finished: Option<Timestamp>,
    progress: ProgressPart,
}

#[derive(Serialize)]
struct ProgressPart {
    done: usize,
    skipped: usize,
    pending: usize,
    not_applicable: usize,
    applicable: usize,
}

/// A source as footnote markers point to it: every field present, `null` when a
/// format-1 source does not have it.
#[derive(Serialize)]
struct CitationPart<'a> {
    number: Option<usize>,
    id: Option<&'a str>,
    title: &'a str,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    retrieved: Option<NaiveDate>,
    quote: Option<&'a str>,
    confidence: Option<Confidence>,
}

#[derive(Serialize)]
struct WaitPart<'a> {
    step: &'a str,
    title: &'a str,
    expected: Option<&'a str>,
    began: Option<Timestamp>,
    due: Option<Timestamp>,
    received: Option<NaiveDate>,
    outcome: Option<WaitOutcome>,
}

impl Exporter for Json {
    fn render(&self, r: &Record) -> Result<String, Error> {
        let p = r.progress;
        let doc = Document {
            export_format: EXPORT_FORMAT,
            lang: r.strings.tag(),
            exported: r.exported,
            redacted: r.redacted,
            complete: r.complete,
            session: SessionPart {
                id: &r.session_id,
                lang: &r.session_lang,
                status: r.status,
                started: r.started,
                updated: r.updated,
                finished: r.finished,
                progress: ProgressPart {
                    done: p.done,
                    skipped: p.skipped,
                    pending: p.pending,
                    not_applicable: p.not_applicable,
                    applicable: p.applicable(),
                },
            },
            checklist: &r.checklist,
            citations: r
                .sources
                .iter()
                .map(|row| {
                    let s = &row.source;
                    CitationPart {
                        number: row.number,
                        id: Some(s.id.as_str()).filter(|id| !id.is_empty()),
                        title: &s.title,
                        publisher: s.publisher.as_deref(),
                        url: s.url.as_deref(),
                        retrieved: s.retrieved,
                        quote: s.quote.as_deref(),
                        confidence: s.confidence,
                    }
                })
                .collect(),
            answers: &r.answers,
            steps: &r.steps,
            waits: r
                .waits()
                .map(|(st, w)| WaitPart {
                    step: &st.id,
                    title: &st.title,
                    expected: w.expected.as_deref(),
                    began: w.began,
                    due: w.due,
                    received: w.received,
                    outcome: w.outcome,
                })
                .collect(),
            events: &r.events,
            reminders: &r.reminders,
        };
        let mut out = serde_json::to_string_pretty(&doc).map_err(Error::Json)?;
        out.push('\n');
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::export::Format;
    use crate::export::testing::render;
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn snapshot_completed() {
        insta::assert_snapshot!(render(Format::Json, &fixtures::completed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        let json = render(Format::Json, &fixtures::unfinished(), Lang::En);
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["complete"], false);
        assert_eq!(v["session"]["status"], "in-progress");
        insta::assert_snapshot!(json);
    }

    #[test]
    fn snapshot_chinese() {
        insta::assert_snapshot!(render(Format::Json, &fixtures::chinese(), Lang::ZhCn));
    }
}
