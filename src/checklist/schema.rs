//! The checklist format: which keys each table has, which are required, and how each value
//! becomes part of a [`Checklist`]. Every reference (question, step, link) is recorded with
//! its span so [`super::validate`] can check it afterwards.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::Problem;
use super::duration::WaitDuration;
use super::model::*;
use super::position::{InputSpans, QuestionSpans, Span, Spans, StepSpans};
use super::reader::Reader;
use super::text::Text;

/// The keys allowed at the top level of a checklist.
const TOP_KEYS: &[&str] = &[
    "schema",
    "id",
    "name",
    "provider",
    "country",
    "kinds",
    "difficulty",
    "flags",
    "verified",
    "sources",
    "summary",
    "letter",
    "links",
    "contacts",
    "questions",
    "steps",
];
const CONTACT_KEYS: &[&str] = &["phone", "email", "postal", "note"];
const QUESTION_KEYS: &[&str] = &["id", "kind", "text", "help", "at", "choices"];
const CHOICE_KEYS: &[&str] = &["id", "label"];
const STEP_KEYS: &[&str] = &[
    "id", "phase", "title", "body", "links", "when", "inputs", "wait",
];
const INPUT_KEYS: &[&str] = &["id", "label", "personal", "required", "pattern", "help"];

impl Reader<'_> {
    pub(super) fn id(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        pattern: &'static str,
    ) -> Option<String> {
        let s = self.string(v, key)?;
        if !is_id(&s, pattern == KEY_PATTERN) {
            self.error(v.span(), Problem::BadId { id: s, pattern });
            return None;
        }
        Some(s)
    }

    /// Walks the whole document.
    pub(super) fn checklist(
        &mut self,
        root: &DeTable,
        root_span: Span,
    ) -> (Option<Checklist>, Spans) {
        let mut spans = Spans::default();
        self.known_keys(root, TOP_KEYS, "top level");
        let top = "top level";

        let schema = self
            .get(root, "schema", true, top, &root_span)
            .and_then(|v| match v.get_ref() {
                DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()).ok() {
                    Some(n) if n == i64::from(SCHEMA_VERSION) => Some(SCHEMA_VERSION),
                    Some(n) => {
                        self.error(v.span(), Problem::UnsupportedSchema { found: n });
                        None
                    }
                    None => {
                        self.wrong_type(v, "schema", "the number 1");
                        None
                    }
                },
                _ => {
                    self.wrong_type(v, "schema", "the number 1");
                    None
                }
            });
        let id = self.get(root, "id", true, top, &root_span).and_then(|v| {
            spans.id = Some(v.span());
            self.id(v, "id", ID_PATTERN)
        });
        let name = self
            .get(root, "name", true, top, &root_span)
            .and_then(|v| self.text(v, "name"));
        let provider = self
            .get(root, "provider", true, top, &root_span)
            .and_then(|v| self.string(v, "provider"));
        let country = self
            .get(root, "country", true, top, &root_span)
            .and_then(|v| {
                let c = self.string(v, "country")?;
                if is_country(&c) {
                    Some(c)
                } else {
                    self.error(v.span(), Problem::BadCountry { value: c });
                    None
                }
            });
        let kinds = self
            .get(root, "kinds", true, top, &root_span)
            .and_then(|v| self.many_of::<Kind>(v, "kinds"));
        let difficulty = self
            .get(root, "difficulty", true, top, &root_span)
            .and_then(|v| self.one_of::<Difficulty>(v, "difficulty"));
        let flags = match root.get("flags") {
            Some(v) => self.many_of::<Flag>(v, "flags"),
            None => Some(vec![]),
        };
        let verified = self
            .get(root, "verified", true, top, &root_span)
            .and_then(|v| self.date(v, "verified"));
        let sources = self
            .get(root, "sources", true, top, &root_span)
            .and_then(|v| self.strings(v, "sources"))
            .map(|list| {
                for s in &list {
                    self.check_source_url(s);
                }
                list.into_iter()
                    .map(Spanned::into_inner)
                    .collect::<Vec<_>>()
            });
        let summary = root.get("summary").map(|v| self.text(v, "summary"));
        let letter = root.get("letter").map(|v| self.id(v, "letter", ID_PATTERN));

        let links = match root.get("links") {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => {
                    let mut out = Vec::new();
                    for (k, val) in t.iter() {
                        let name = k.get_ref().to_string();
                        if !is_id(&name, true) {
                            self.error(
                                k.span(),
                                Problem::BadId {
                                    id: name.clone(),
                                    pattern: KEY_PATTERN,
                                },
                            );
                        }
                        if let Some(url) = self.string(val, &name) {
                            if !url.starts_with("https://") {
                                self.error(val.span(), Problem::NotHttps { url: url.clone() });
                            }
                            spans.links.push(k.span());
                            out.push((name, url));
                        }
                    }
                    Some(out)
                }
                _ => {
                    self.wrong_type(v, "links", "a table of name = \"https://...\"");
                    None
                }
            },
            None => Some(vec![]),
        };

        let contacts = match root.get("contacts") {
            Some(v) => self.contacts(v),
            None => Some(Contacts::default()),
        };

        let questions = match root.get("questions") {
            Some(v) => self.array(v, "questions").and_then(|arr| {
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in arr.iter().enumerate() {
                    match self.question(item, i) {
                        Some((q, s)) => {
                            out.push(q);
                            spans.questions.push(s);
                        }
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }),
            None => Some(vec![]),
        };

        let steps = self
            .get(root, "steps", true, top, &root_span)
            .and_then(|v| {
                let arr = self.array(v, "steps")?;
                spans.first_step_table = arr.iter().next().map(|s| s.span());
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in arr.iter().enumerate() {
                    match self.step(item, i) {
                        Some((s, sp)) => {
                            out.push(s);
                            spans.steps.push(sp);
                        }
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            });

        let checklist = (|| {
            Some(Checklist {
                schema: schema?,
                id: id?,
                name: name?,
                provider: provider?,
                country: country?,
                kinds: kinds?,
                difficulty: difficulty?,
                flags: flags?,
                verified: verified?,
                sources: sources?,
                summary: optional(summary)?,
                links: links?,
                contacts: contacts?,
                letter: optional(letter)?,
                questions: questions?,
                steps: steps?,
            })
        })();
        (checklist, spans)
    }

    fn check_source_url(&mut self, s: &Spanned<String>) {
        let v = s.get_ref();
        if v.contains("://") && !v.starts_with("https://") {
            self.error(s.span(), Problem::NotHttps { url: v.clone() });
        }
    }

    fn contacts(&mut self, v: &Spanned<DeValue>) -> Option<Contacts> {
        let t = self.table(v, "contacts")?;
        self.known_keys(t, CONTACT_KEYS, "[contacts]");
        let phone = t.get("phone").map(|v| self.string(v, "phone"));
        let email = t.get("email").map(|v| self.string(v, "email"));
        let postal = t.get("postal").map(|v| {
            self.strings(v, "postal")
                .map(|l| l.into_iter().map(Spanned::into_inner).collect::<Vec<_>>())
        });
        let note = t.get("note").map(|v| self.text(v, "note"));
        Some(Contacts {
            phone: optional(phone)?,
            // Format 2 reads it; a format-1 file has none.
            phone_abroad: None,
            email: optional(email)?,
            postal: optional(postal)?.unwrap_or_default(),
            note: optional(note)?,
        })
    }

    fn question(&mut self, v: &Spanned<DeValue>, i: usize) -> Option<(Question, QuestionSpans)> {
        let where_ = format!("questions[{i}]");
        let t = self.table(v, "questions")?;
        self.known_keys(t, QUESTION_KEYS, &where_);
        let span = v.span();
        let mut spans = QuestionSpans::default();
        let id = self.get(t, "id", true, &where_, &span).and_then(|v| {
            spans.id = v.span();
            self.id(v, "id", KEY_PATTERN)
        });
        let text = self
            .get(t, "text", true, &where_, &span)
            .and_then(|v| self.text(v, "text"));
        let help = t.get("help").map(|v| self.text(v, "help"));
        let at = t.get("at").map(|v| {
            spans.at = Some(v.span());
            self.id(v, "at", ID_PATTERN)
        });
        let form = self
            .get(t, "kind", true, &where_, &span)
            .and_then(|v| self.one_of::<AnswerForm>(v, "kind"));
        let choices = t.get("choices");
        let kind = match (form, choices) {
            (Some(AnswerForm::YesNo), None) => Some(QuestionKind::YesNo),
            (Some(AnswerForm::Choice), Some(cv)) => {
                let arr = self.array(cv, "choices")?;
                let mut out = Vec::new();
                let mut ok = true;
                for c in arr.iter() {
                    match self.choice(c, &where_) {
                        Some(choice) => {
                            spans.choices.push(c.span());
                            out.push(choice);
                        }
                        None => ok = false,
                    }
                }
                if !ok {
                    None
                } else if out.is_empty() {
                    self.error(
                        cv.span(),
                        Problem::BadChoices {
                            question: id.clone().unwrap_or_default(),
                        },
                    );
                    None
                } else {
                    Some(QuestionKind::Choice(out))
                }
            }
            (Some(_), c) => {
                self.error(
                    c.map_or(span.clone(), Spanned::span),
                    Problem::BadChoices {
                        question: id.clone().unwrap_or_default(),
                    },
                );
                None
            }
            (None, _) => None,
        };
        Some((
            Question {
                id: id?,
                kind: kind?,
                text: text?,
                help: optional(help)?,
                at: optional(at)?,
            },
            spans,
        ))
    }

    fn choice(&mut self, v: &Spanned<DeValue>, where_: &str) -> Option<Choice> {
        match v.get_ref() {
            DeValue::String(_) => {
                let id = self.id(v, "choices", KEY_PATTERN)?;
                Some(Choice {
                    label: Text::plain(id.clone()),
                    id,
                })
            }
            DeValue::Table(t) => {
                let w = format!("{where_}.choices");
                self.known_keys(t, CHOICE_KEYS, &w);
                let span = v.span();
                let id = self
                    .get(t, "id", true, &w, &span)
                    .and_then(|v| self.id(v, "id", KEY_PATTERN));
                let label = self
                    .get(t, "label", true, &w, &span)
                    .and_then(|v| self.text(v, "label"));
                Some(Choice {
                    id: id?,
                    label: label?,
                })
            }
            _ => {
                self.wrong_type(v, "choices", "a choice id or { id = ..., label = ... }");
                None
            }
        }
    }

    fn step(&mut self, v: &Spanned<DeValue>, i: usize) -> Option<(Step, StepSpans)> {
        let where_ = format!("steps[{i}]");
        let t = self.table(v, "steps")?;
        self.known_keys(t, STEP_KEYS, &where_);
        let span = v.span();
        let mut spans = StepSpans::default();
        let id = self.get(t, "id", true, &where_, &span).and_then(|v| {
            spans.id = v.span();
            self.id(v, "id", ID_PATTERN)
        });
        let phase = self
            .get(t, "phase", true, &where_, &span)
            .and_then(|v| self.one_of::<Phase>(v, "phase"));
        let title = self
            .get(t, "title", true, &where_, &span)
            .and_then(|v| self.text(v, "title"));
        let body = self
            .get(t, "body", true, &where_, &span)
            .and_then(|v| self.text(v, "body"));
        let links = match t.get("links") {
            Some(v) => self.strings(v, "links").map(|l| {
                spans.links = l.iter().map(Spanned::span).collect();
                l.into_iter().map(Spanned::into_inner).collect()
            }),
            None => Some(vec![]),
        };
        let when = match t.get("when") {
            Some(v) => self.when(v, &mut spans),
            None => Some(vec![]),
        };
        let wait = t.get("wait").map(|v| {
            spans.wait = Some(v.span());
            let s = self.string(v, "wait")?;
            match s.parse::<WaitDuration>() {
                Ok(d) => Some(d),
                Err(reason) => {
                    self.error(v.span(), Problem::BadDuration { reason });
                    None
                }
            }
        });
        let inputs = match t.get("inputs") {
            Some(v) => self.array(v, "inputs").and_then(|arr| {
                let mut out = Vec::new();
                let mut ok = true;
                for (j, item) in arr.iter().enumerate() {
                    match self.input(item, &format!("{where_}.inputs[{j}]")) {
                        Some((input, s)) => {
                            out.push(input);
                            spans.inputs.push(s);
                        }
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }),
            None => Some(vec![]),
        };
        Some((
            Step {
                id: id?,
                phase: phase?,
                title: title?,
                body: body?,
                links: links?,
                when: when?,
                inputs: inputs?,
                wait: optional(wait)?,
            },
            spans,
        ))
    }

    fn when(&mut self, v: &Spanned<DeValue>, spans: &mut StepSpans) -> Option<Vec<Condition>> {
        let t = self.table(v, "when")?;
        let mut out = Vec::new();
        let mut ok = true;
        for (k, val) in t.iter() {
            let mut value_spans = Vec::new();
            let mut any_of = Vec::new();
            let mut push = |reader: &mut Self, item: &Spanned<DeValue>| match item.get_ref() {
                DeValue::Boolean(b) => {
                    value_spans.push(item.span());
                    any_of.push(Answer::Bool(*b));
                }
                DeValue::String(s) => {
                    value_spans.push(item.span());
                    any_of.push(Answer::Choice(s.to_string()));
                }
                _ => {
                    reader.wrong_type(
                        item,
                        k.get_ref(),
                        "true, false, a choice id or an array of choice ids",
                    );
                    ok = false;
                }
            };
            match val.get_ref() {
                DeValue::Array(arr) => {
                    for item in arr.iter() {
                        push(self, item);
                    }
                }
                _ => push(self, val),
            }
            spans.when.push((k.span(), value_spans));
            out.push(Condition {
                question: k.get_ref().to_string(),
                any_of,
            });
        }
        ok.then_some(out)
    }

    fn input(&mut self, v: &Spanned<DeValue>, where_: &str) -> Option<(Input, InputSpans)> {
        let t = self.table(v, "inputs")?;
        self.known_keys(t, INPUT_KEYS, where_);
        let span = v.span();
        let mut spans = InputSpans::default();
        let id = self.get(t, "id", true, where_, &span).and_then(|v| {
            spans.id = v.span();
            self.id(v, "id", KEY_PATTERN)
        });
        let label = self
            .get(t, "label", true, where_, &span)
            .and_then(|v| self.text(v, "label"));
        let personal = t.get("personal").map(|v| self.boolean(v, "personal"));
        let required = t.get("required").map(|v| self.boolean(v, "required"));
        let pattern = t.get("pattern").map(|v| {
            spans.pattern = Some(v.span());
            self.string(v, "pattern")
        });
        let help = t.get("help").map(|v| self.text(v, "help"));
        Some((
            Input {
                id: id?,
                label: label?,
                personal: optional(personal)?.unwrap_or(false),
                required: optional(required)?.unwrap_or(false),
                pattern: optional(pattern)?,
                help: optional(help)?,
            },
            spans,
        ))
    }
}

/// The pattern of checklist and step ids.
pub const ID_PATTERN: &str = "[a-z0-9-]+";
/// The pattern of question, choice, input and link names.
pub const KEY_PATTERN: &str = "[a-z0-9_-]+";

/// Whether `s` is a valid id: `[a-z0-9-]+`, or `[a-z0-9_-]+` with `underscore`.
pub fn is_id(s: &str, underscore: bool) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || (underscore && b == b'_')
        })
}

fn is_country(s: &str) -> bool {
    s == "INT" || (s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()))
}

/// An optional key's outcome: absent is fine (`Some(None)`), present but invalid fails the
/// checklist (`None`), present and valid is kept.
fn optional<T>(v: Option<Option<T>>) -> Option<Option<T>> {
    match v {
        None => Some(None),
        Some(None) => None,
        Some(Some(x)) => Some(Some(x)),
    }
}
