//! `export`: the record of a session, in Markdown, JSON, HTML, plain text or iCalendar.
//!
//! A [`Record`] is built once from a session (with the words to show, the redaction flag
//! and the time of export) and every format renders that same record. Redaction happens
//! while the record is built, so no format can forget it: a masked value never reaches a
//! renderer. The module does not choose a language: the command passes the [`Strings`] to
//! use, and checklist texts are read in the same language.
//!
//! - `record.rs`: the record and how it is built from a session;
//! - `redact.rs`: what `--redact` masks;
//! - `fields.rs`: the labelled fields every format lays out, in one order;
//! - `events.rs`: each event of the log in words; `reminders.rs`: the calendar's dates;
//! - `format.rs`: the format registry; `html`, `ics`, `json`, `markdown`, `text`: renderers.

mod events;
mod fields;
mod format;
mod html;
mod ics;
mod json;
mod markdown;
mod record;
mod redact;
mod reminders;
mod text;

use std::borrow::Cow;

use crate::i18n::Strings;
use crate::session::{Session, SessionStatus, Timestamp};
use crate::visible;

pub use fields::{Field, Group, Value};
pub use format::{Exporter, Format};
pub use html::Html;
pub use ics::Ics;
pub use json::{EXPORT_FORMAT, Json};
pub use markdown::{Markdown, escape as escape_markdown};
pub use record::{
    AnswerRow, ChecklistInfo, EventRow, InputRow, NoteRow, Record, StepRow, WaitRow, human_time,
};
pub use redact::{MASK, mask};
pub use reminders::{Reminder, ReminderKind};
pub use text::PlainText;

/// Why a record cannot be written in the format asked for.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A calendar needs at least one reminder, and the unfinished session has nothing open
    /// yet.
    #[error("session {session} has no reminder to put in a calendar yet")]
    NothingToRemind {
        /// The session id.
        session: String,
    },
    /// The session is completed or abandoned: nothing is open, so there is no calendar.
    /// Not a failure: the command says so and succeeds.
    #[error("session {session} is closed ({status}): nothing open to put in a calendar")]
    Closed {
        /// The session id.
        session: String,
        /// Completed or abandoned.
        status: SessionStatus,
    },
    /// The JSON document could not be serialized.
    #[error("cannot serialize the record as JSON")]
    Json(#[source] serde_json::Error),
}

/// Renders `session` in `format`: builds the [`Record`] and hands it to the format.
///
/// The formats people read (Markdown, HTML, plain text) show control characters and bidi
/// overrides from the checklist or the session as `\u{…}` ([`visible::text`]), so a record
/// printed to a terminal or opened in a browser cannot be turned into commands or
/// reordered. JSON escapes them itself and iCalendar drops them.
pub fn export(session: &Session, format: Format, options: &Options) -> Result<String, Error> {
    let rendered = format.exporter().render(&Record::build(session, options))?;
    Ok(match format {
        Format::Markdown | Format::Html | Format::Text => match visible::text(&rendered) {
            Cow::Owned(shown) => shown,
            Cow::Borrowed(_) => rendered,
        },
        Format::Json | Format::Ics => rendered,
    })
}

/// What shapes a record besides the session itself.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The words of labels and messages; checklist texts are read in their language.
    pub strings: &'static Strings,
    /// Mask personal inputs, notes and skip reasons.
    pub redact: bool,
    /// The time of export (shown, and the calendar's DTSTAMP).
    pub now: Timestamp,
}

#[cfg(test)]
pub(crate) mod testing {
    //! What the tests of every format share.
    use super::{Format, Options, export};
    use crate::fixtures;
    use crate::i18n::Lang;
    use crate::session::Session;

    /// Export options at the fixtures' time of export.
    pub fn options(lang: Lang, redact: bool) -> Options {
        Options {
            strings: lang.strings(),
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
    use super::{Format, testing};
    use crate::checklist::Text;
    use crate::fixtures;
    use crate::i18n::Lang;
    use crate::visible;

    #[test]
    fn records_people_read_show_control_characters_and_json_keeps_them() {
        let mut session = fixtures::completed();
        session.checklist.snapshot.provider = Text::plain("G\u{1b}]0;pwned\u{7}\u{1b}[2J");
        session.steps[1].skip_reason = Some("empty \u{202e}llawt\u{9b}".into());
        for format in [Format::Markdown, Format::Html, Format::Text] {
            let out = testing::render(format, &session, Lang::En);
            let hidden: Vec<char> = out
                .chars()
                .filter(|&c| visible::is_hidden(c) && c != '\n')
                .collect();
            assert!(hidden.is_empty(), "{format:?} lets through {hidden:?}");
            // Markdown also puts a backslash before the brackets.
            let shown = out.replace("\\]", "]").replace("\\[", "[");
            assert!(
                shown.contains("G\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"),
                "{format:?}"
            );
            assert!(shown.contains("\\u{202e}llawt\\u{9b}"), "{format:?}");
        }
        let json = testing::render(Format::Json, &session, Lang::En);
        let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(
            doc["checklist"]["provider"], "G\u{1b}]0;pwned\u{7}\u{1b}[2J",
            "JSON is data: it keeps the value, escaped by JSON itself"
        );
    }
}
