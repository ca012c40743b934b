//! The checklist format: which keys each table has, which are required, and how each value
//! becomes part of a [`Checklist`] (steps in [`super::step`], sources and citations in
//! [`super::citation`]). Every reference (question, step, link, source) is recorded with its
//! span so [`super::validate`] can check it afterwards.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{CiteOwner, Problem};
use super::model::*;
use super::position::{QuestionSpans, Span, Spans};
use super::reader::Reader;
use super::text::Text;

/// The keys allowed at the top level of a checklist.
pub(super) const TOP_KEYS: &[&str] = &[
    "schema",
    "id",
    "name",
    "provider",
    "network",
    "aliases",
    "country",
    "kinds",
    "difficulty",
    "flags",
    "verified",
    "sources",
    "summary",
    "description",
    "cite",
    "letter",
    "links",
    "contacts",
    "questions",
    "steps",
];
pub(super) const CONTACT_KEYS: &[&str] =
    &["phone", "phone_abroad", "email", "postal", "note", "cite"];
pub(super) const QUESTION_KEYS: &[&str] = &["id", "kind", "text", "help", "at", "choices", "cite"];
pub(super) const CHOICE_KEYS: &[&str] = &["id", "label"];
/// The keys that only format 2 has, wherever they appear.
const FORMAT_2_KEYS: &[&str] = &["network", "aliases", "description", "cite", "phone_abroad"];

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

    /// Reports the keys of `table` that only format 2 has, in a schema-1 file.
    pub(super) fn format_2_keys(&mut self, table: &DeTable) {
        if self.version != Some(1) {
            return;
        }
        for (k, _) in table.iter() {
            if FORMAT_2_KEYS.contains(&k.get_ref().as_ref()) {
                self.error(
                    k.span(),
                    Problem::NeedsSchema2 {
                        key: k.get_ref().to_string(),
                    },
                );
            }
        }
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
                    Some(n)
                        if (i64::from(OLDEST_SCHEMA)..=i64::from(SCHEMA_VERSION)).contains(&n) =>
                    {
                        u32::try_from(n).ok()
                    }
                    Some(n) => {
                        self.error(v.span(), Problem::UnsupportedSchema { found: n });
                        None
                    }
                    None => {
                        self.wrong_type(v, "schema", "the number 1 or 2");
                        None
                    }
                },
                _ => {
                    self.wrong_type(v, "schema", "the number 1 or 2");
                    None
                }
            });
        self.version = schema;
        self.format_2_keys(root);
        let id = self.get(root, "id", true, top, &root_span).and_then(|v| {
            spans.id = Some(v.span());
            self.id(v, "id", ID_PATTERN)
        });
        let name = self
            .get(root, "name", true, top, &root_span)
            .and_then(|v| self.text(v, "name"));
        let provider = self
            .get(root, "provider", true, top, &root_span)
            .and_then(|v| self.text(v, "provider"));
        let network = root.get("network").map(|v| self.string(v, "network"));
        let aliases = match root.get("aliases") {
            Some(v) => self
                .strings(v, "aliases")
                .map(|l| l.into_iter().map(Spanned::into_inner).collect()),
            None => Some(vec![]),
        };
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
            .and_then(|v| {
                spans.verified = Some(v.span());
                self.date(v, "verified")
            });
        let sources = self
            .get(root, "sources", true, top, &root_span)
            .and_then(|v| self.sources(v, &mut spans));
        let summary = root.get("summary").map(|v| self.text(v, "summary"));
        let description = root.get("description").map(|v| self.text(v, "description"));
        let cite = self.cite(root, &mut spans.cite);
        self.facts(
            CiteOwner::TopLevel,
            &cite,
            &[
                ("summary", root.get("summary")),
                ("description", root.get("description")),
            ],
        );
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
            Some(v) => self.contacts(v, &mut spans),
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
                network: optional(network)?,
                aliases: aliases?,
                country: country?,
                kinds: kinds?,
                difficulty: difficulty?,
                flags: flags?,
                verified: verified?,
                sources: sources?,
                summary: optional(summary)?,
                description: optional(description)?,
                cite: cite?,
                links: links?,
                contacts: contacts?,
                letter: optional(letter)?,
                questions: questions?,
                steps: steps?,
            })
        })();
        (checklist, spans)
    }

    fn contacts(&mut self, v: &Spanned<DeValue>, spans: &mut Spans) -> Option<Contacts> {
        let t = self.table(v, "contacts")?;
        self.known_keys(t, CONTACT_KEYS, "[contacts]");
        self.format_2_keys(t);
        let cite = self.cite(t, &mut spans.contacts_cite);
        self.contacts_cited(t, &cite);
        let phone = t.get("phone").map(|v| self.string(v, "phone"));
        let phone_abroad = t
            .get("phone_abroad")
            .map(|v| self.string(v, "phone_abroad"));
        let email = t.get("email").map(|v| self.string(v, "email"));
        let postal = t.get("postal").map(|v| {
            self.strings(v, "postal")
                .map(|l| l.into_iter().map(Spanned::into_inner).collect::<Vec<_>>())
        });
        let note = t.get("note").map(|v| self.text(v, "note"));
        Some(Contacts {
            phone: optional(phone)?,
            phone_abroad: optional(phone_abroad)?,
            email: optional(email)?,
            postal: optional(postal)?.unwrap_or_default(),
            note: optional(note)?,
            cite: cite?,
        })
    }

    fn question(&mut self, v: &Spanned<DeValue>, i: usize) -> Option<(Question, QuestionSpans)> {
        let where_ = format!("questions[{i}]");
        let t = self.table(v, "questions")?;
        self.known_keys(t, QUESTION_KEYS, &where_);
        self.format_2_keys(t);
        let span = v.span();
        let mut spans = QuestionSpans::default();
        let id = self.get(t, "id", true, &where_, &span).and_then(|v| {
            spans.id = v.span();
            self.id(v, "id", KEY_PATTERN)
        });
        let cite = self.cite(t, &mut spans.cite);
        let mut texts = vec![("text", t.get("text")), ("help", t.get("help"))];
        if let Some(DeValue::Array(choices)) = t.get("choices").map(Spanned::get_ref) {
            texts.extend(choices.iter().filter_map(|c| match c.get_ref() {
                DeValue::Table(c) => Some(("label", c.get("label"))),
                _ => None,
            }));
        }
        self.facts(
            CiteOwner::Question(id.clone().unwrap_or_default()),
            &cite,
            &texts,
        );
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
                cite: cite?,
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
pub(super) fn optional<T>(v: Option<Option<T>>) -> Option<Option<T>> {
    match v {
        None => Some(None),
        Some(None) => None,
        Some(Some(x)) => Some(Some(x)),
    }
}
