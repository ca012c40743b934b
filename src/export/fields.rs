//! The labelled fields every format lays out: the record's facts, each step's fields and
//! lists, each wait's dates — in the record's language, in one order for every format.

use std::borrow::Cow;

use super::record::{Record, StepRow, WaitRow, human_time};
use crate::checklist::{Phase, WaitDuration};
use crate::i18n::fill;
use crate::labels;
use crate::session::{StepStatus, Timestamp};

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
    /// The footnote numbers of the value's sources, shown as markers after it.
    pub cite: &'a [usize],
}

impl<'a> Field<'a> {
    fn new(label: &'static str, value: Value<'a>) -> Field<'a> {
        Field {
            label,
            value,
            cite: &[],
        }
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

impl Record {
    /// The INCOMPLETE explanation with the counts filled in.
    pub fn incomplete_note(&self) -> String {
        fill(
            self.strings.export.incomplete_note,
            &[
                ("done", &self.progress.settled()),
                ("total", &self.progress.applicable()),
            ],
        )
    }

    /// "n of m applicable steps done or skipped".
    pub fn progress_text(&self) -> String {
        fill(
            self.strings.export.progress_value,
            &[
                ("done", &self.progress.settled()),
                ("total", &self.progress.applicable()),
            ],
        )
    }

    /// The session status in the record's language.
    pub fn status_label(&self) -> &'static str {
        labels::session_status(self.status, self.strings)
    }

    /// A step status in the record's language.
    pub fn step_status_label(&self, status: StepStatus) -> &'static str {
        labels::step_status(status, self.strings)
    }

    /// A phase name in the record's language.
    pub fn phase_label(&self, phase: Phase) -> &'static str {
        labels::phase(phase, self.strings)
    }

    /// The facts at the head of the record, in order: what every format shows in its
    /// header table.
    pub fn facts(&self) -> [Field<'_>; 14] {
        let x = &self.strings.export;
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
            Field::text(x.origin, labels::stored_origin(&c.origin, self.strings)),
            Field::new(x.session, Value::Code(&self.session_id)),
            Field::text(x.status, self.status_label()),
            Field::text(x.progress, self.progress_text()),
            Field::text(x.started, human_time(&self.started)),
            Field::text(x.finished, time_or(self.finished.as_ref(), x.none)),
            Field::text(x.updated, human_time(&self.updated)),
            Field::text(x.exported, human_time(&self.exported)),
            Field {
                cite: &c.contact_cite,
                ..Field::new(x.contact, self.contact())
            },
        ]
    }

    /// How to reach customer service: the phones and the e-mail; without any, the
    /// checklist's note on how to reach them; without that, "none".
    fn contact(&self) -> Value<'_> {
        let c = &self.checklist;
        match c.phone_and_email() {
            Some(known) => Value::Text(known.into()),
            None => match &c.contact_note {
                Some(note) => Value::Prose(note),
                None => Value::Text(self.strings.export.none.into()),
            },
        }
    }

    /// A step's own facts, in order: phase, status, then its time and skip reason when it
    /// has them.
    pub fn step_fields<'a>(&'a self, st: &'a StepRow) -> Vec<Field<'a>> {
        let x = &self.strings.export;
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
        let x = &self.strings.export;
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

    /// A waiting period's facts, in order: expected, began, due, received, outcome. A wait
    /// that ended without a confirmation says how (skipped) rather than "not received yet".
    pub fn wait_fields<'a>(&'a self, st: &StepRow, w: &'a WaitRow) -> [Field<'a>; 5] {
        let x = &self.strings.export;
        let received = match (w.received, st.status) {
            (Some(d), _) => d.to_string().into(),
            (None, StepStatus::Pending) => Cow::Borrowed(x.not_received),
            (None, status) => Cow::Borrowed(self.step_status_label(status)),
        };
        let expected = w
            .expected
            .as_deref()
            .and_then(|e| e.parse::<WaitDuration>().ok())
            .map_or(Cow::Borrowed(x.none), |d| {
                labels::wait(d, self.strings).into()
            });
        [
            Field::text(x.expected, expected),
            Field::text(x.began, time_or(w.began.as_ref(), x.none)),
            Field::text(x.due, time_or(w.due.as_ref(), x.none)),
            Field::text(x.received, received),
            Field::text(
                x.outcome,
                w.outcome
                    .map_or(x.none, |o| labels::wait_outcome(o, self.strings)),
            ),
        ]
    }
}

/// [`human_time`], or `none` when there is no time.
fn time_or<'a>(t: Option<&Timestamp>, none: &'a str) -> Cow<'a, str> {
    t.map_or(Cow::Borrowed(none), |t| human_time(t).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::export::testing::{self, options};
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn without_phone_or_email_the_contact_note_says_how_to_reach_them() {
        let mut s = fixtures::unfinished();
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
                .find(|f| f.label == r.strings.export.contact);
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

    /// Issue 15: a wait the answers ruled out (porting, when the number is not kept) showed
    /// as "not received" in a finished record.
    #[test]
    fn a_wait_that_does_not_apply_is_never_shown_as_open() {
        let mut s = fixtures::completed();
        let snap = &mut s.checklist.snapshot;
        let mut porting = snap.step("wait-confirmation").expect("wait step").clone();
        porting.id = "wait-porting".into();
        porting.title = crate::checklist::Text(vec![
            ("en".into(), "Wait for the number to move".into()),
            ("zh-CN".into(), "等待号码转出".into()),
        ]);
        porting.when = vec![crate::checklist::Condition {
            question: "keep_number".into(),
            any_of: vec![crate::checklist::Answer::Bool(true)],
        }];
        snap.steps.push(porting);
        s.steps.push(crate::session::StepRecord {
            id: "wait-porting".into(),
            status: StepStatus::NotApplicable,
            ..Default::default()
        });
        for lang in [Lang::En, Lang::ZhCn] {
            let r = Record::build(&s, &options(lang, false));
            let waits: Vec<&str> = r.waits().map(|(st, _)| st.id.as_str()).collect();
            assert_eq!(waits, vec!["wait-confirmation"]);
            assert!(r.reminders.iter().all(|m| m.step != "wait-porting"));
            let title = if lang == Lang::En {
                "Wait for the number to move"
            } else {
                "等待号码转出"
            };
            for format in [Format::Markdown, Format::Html, Format::Text] {
                let out = testing::render(format, &s, lang);
                let waits_section = out
                    .split(r.strings.export.waits)
                    .nth(1)
                    .and_then(|rest| rest.split(r.strings.export.events).next())
                    .unwrap_or_else(|| panic!("{format:?}: no waits section:\n{out}"));
                assert!(!waits_section.contains(title), "{format:?}:\n{out}");
                assert!(
                    !waits_section.contains(r.strings.export.not_received),
                    "{format:?}:\n{out}"
                );
                // The step itself is listed as not applicable, not as open.
                assert!(out.contains(title), "{format:?}:\n{out}");
            }
            let json = testing::render(Format::Json, &s, lang);
            let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
            let waits = doc["waits"].as_array().expect("waits");
            assert_eq!(waits.len(), 1, "{json}");
        }
    }

    #[test]
    fn a_skipped_wait_says_skipped_rather_than_not_received() {
        let mut s = fixtures::completed();
        let rec = s
            .steps
            .iter_mut()
            .find(|r| r.id == "wait-confirmation")
            .expect("wait");
        rec.status = StepStatus::Skipped;
        rec.skip_reason = Some("confirmed by phone".into());
        if let Some(w) = &mut rec.wait {
            w.received = None;
        }
        let r = Record::build(&s, &options(Lang::ZhCn, false));
        let (st, w) = r.waits().next().expect("wait");
        let received = r.wait_fields(st, w)[3].value.clone();
        assert_eq!(received, Value::Text("已跳过".into()));
    }
}
