//! TOML → [`Checklist`], collecting every problem with its place instead of stopping at the
//! first.
//!
//! The file is parsed into toml's spanned tree, then walked by hand: each key is checked
//! against the format, each value converted, and every reference (question, step, link) is
//! recorded with its span so [`super::validate`] can check it afterwards.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::diagnostic::{Diagnostic, Problem, Severity};
use super::model::*;
use super::validate;

/// Byte range in the source.
pub(super) type Span = Range<usize>;

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

const PHASES: &[&str] = &[
    "prepare",
    "login",
    "find-option",
    "confirm",
    "submit",
    "wait",
    "after",
];
const KINDS: &[&str] = &["prepaid", "postpaid", "esim", "travel"];
const DIFFICULTIES: &[&str] = &["easy", "medium", "hard", "limited", "impossible"];
const FLAGS: &[&str] = &[
    "fee",
    "needs-call",
    "needs-letter",
    "needs-id",
    "in-app-only",
    "retention-offer",
    "irreversible",
];
const QUESTION_KINDS: &[&str] = &["yes-no", "choice"];

/// Places of the things [`super::validate`] cross-checks.
#[derive(Default)]
pub(super) struct Spans {
    pub id: Option<Span>,
    pub questions: Vec<QuestionSpans>,
    pub steps: Vec<StepSpans>,
    pub links: Vec<Span>,
    pub first_step_table: Option<Span>,
}

#[derive(Default)]
pub(super) struct QuestionSpans {
    pub id: Span,
    pub at: Option<Span>,
    pub choices: Vec<Span>,
}

#[derive(Default)]
pub(super) struct StepSpans {
    pub id: Span,
    pub wait: Option<Span>,
    pub links: Vec<Span>,
    /// Per condition: the key's span and each value's span.
    pub when: Vec<(Span, Vec<Span>)>,
    pub inputs: Vec<InputSpans>,
}

#[derive(Default)]
pub(super) struct InputSpans {
    pub id: Span,
    pub pattern: Option<Span>,
}

/// Parses and validates one checklist. `path` names the file in messages and gives the file
/// name the id must match. Warnings come back with the checklist; any error means `Err`.
pub fn parse_str(src: &str, path: &Path) -> Result<(Checklist, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut cx = Cx {
        src,
        path,
        diags: Vec::new(),
    };
    if src.trim().is_empty() {
        return Err(vec![Diagnostic::file(path, Problem::Empty)]);
    }
    let (root, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().trim().to_string();
            cx.error(span, Problem::Syntax(msg));
        }
        return Err(cx.diags);
    }
    let (checklist, spans) = cx.checklist(root.get_ref(), root.span());
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string);
    if let Some(c) = &checklist {
        validate::check(&mut cx, c, &spans, stem.as_deref());
    }
    cx.diags.sort_by_key(|d| (d.line, d.col));
    match checklist {
        Some(c) if !cx.diags.iter().any(Diagnostic::is_error) => Ok((c, cx.diags)),
        _ => Err(cx.diags),
    }
}

/// The walk's state: the source and the problems found so far.
pub(super) struct Cx<'a> {
    src: &'a str,
    path: &'a Path,
    diags: Vec<Diagnostic>,
}

impl Cx<'_> {
    pub(super) fn error(&mut self, span: Span, problem: Problem) {
        self.diags.push(Diagnostic::at(
            Severity::Error,
            self.path,
            self.src,
            span,
            problem,
        ));
    }

    pub(super) fn warning(&mut self, span: Span, problem: Problem) {
        self.diags.push(Diagnostic::at(
            Severity::Warning,
            self.path,
            self.src,
            span,
            problem,
        ));
    }

    pub(super) fn line_of(&self, span: &Span) -> usize {
        super::diagnostic::line_col(self.src, span.start).0
    }

    /// Reports keys of `table` that are not in `allowed`.
    fn known_keys(&mut self, table: &DeTable, allowed: &'static [&'static str], where_: &str) {
        for (k, _) in table.iter() {
            if !allowed.contains(&k.get_ref().as_ref()) {
                self.error(
                    k.span(),
                    Problem::UnknownKey {
                        key: k.get_ref().to_string(),
                        table: where_.to_string(),
                        expected: allowed,
                    },
                );
            }
        }
    }

    fn get<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &'static str,
        required: bool,
        where_: &str,
        table_span: &Span,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        let v = table.get(key);
        if v.is_none() && required {
            self.error(
                table_span.clone(),
                Problem::MissingKey {
                    key,
                    table: where_.to_string(),
                },
            );
        }
        v
    }

    fn string(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => {
                if s.trim().is_empty() {
                    self.error(v.span(), Problem::EmptyValue { key: key.into() });
                    None
                } else {
                    Some(s.to_string())
                }
            }
            _ => {
                self.wrong_type(v, key, "a string");
                None
            }
        }
    }

    fn wrong_type(&mut self, v: &Spanned<DeValue>, key: &str, expected: &'static str) {
        self.error(
            v.span(),
            Problem::WrongType {
                key: key.into(),
                expected,
            },
        );
    }

    fn boolean(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, "true or false");
                None
            }
        }
    }

    fn array<'t, 'i>(&mut self, v: &'t Spanned<DeValue<'i>>, key: &str) -> Option<&'t DeArray<'i>> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(v, key, "an array");
                None
            }
        }
    }

    fn strings(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Vec<Spanned<String>>> {
        let arr = self.array(v, key)?;
        let mut out = Vec::new();
        for item in arr.iter() {
            if let Some(s) = self.string(item, key) {
                out.push(Spanned::new(item.span(), s));
            }
        }
        Some(out)
    }

    fn one_of<T: Copy>(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        allowed: &'static [&'static str],
        values: &[T],
    ) -> Option<T> {
        let s = self.string(v, key)?;
        match allowed.iter().position(|a| *a == s) {
            Some(i) => Some(values[i]),
            None => {
                self.error(
                    v.span(),
                    Problem::UnknownValue {
                        key: key.into(),
                        value: s,
                        allowed,
                    },
                );
                None
            }
        }
    }

    fn many_of<T: Copy>(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        allowed: &'static [&'static str],
        values: &[T],
    ) -> Option<Vec<T>> {
        let arr = self.array(v, key)?;
        let mut out = Vec::new();
        let mut ok = true;
        for item in arr.iter() {
            match self.one_of(item, key, allowed, values) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A text: a string (English) or a table of language tag → string.
    fn text(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Text> {
        match v.get_ref() {
            DeValue::String(_) => self.string(v, key).map(Text::plain),
            DeValue::Table(t) => {
                let mut out = Vec::new();
                for (tag, val) in t.iter() {
                    let tag_str = tag.get_ref().to_string();
                    if !is_language_tag(&tag_str) {
                        self.error(tag.span(), Problem::BadLanguageTag { tag: tag_str });
                        continue;
                    }
                    if let Some(s) = self.string(val, key) {
                        out.push((tag_str, s));
                    }
                }
                let text = Text(out);
                if !["en", "zh-CN", "zh"].iter().any(|t| text.has(t)) {
                    self.error(v.span(), Problem::NoEnglishOrChinese { key: key.into() });
                    return None;
                }
                Some(text)
            }
            _ => {
                self.wrong_type(v, key, "a string or a table of language = text");
                None
            }
        }
    }

    fn id(&mut self, v: &Spanned<DeValue>, key: &str, pattern: &'static str) -> Option<String> {
        let s = self.string(v, key)?;
        if !is_id(&s, pattern == KEY_PATTERN) {
            self.error(v.span(), Problem::BadId { id: s, pattern });
            return None;
        }
        Some(s)
    }

    /// Walks the whole document.
    fn checklist(&mut self, root: &DeTable, root_span: Span) -> (Option<Checklist>, Spans) {
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
            .and_then(|v| {
                self.many_of(
                    v,
                    "kinds",
                    KINDS,
                    &[Kind::Prepaid, Kind::Postpaid, Kind::Esim, Kind::Travel],
                )
            });
        let difficulty = self
            .get(root, "difficulty", true, top, &root_span)
            .and_then(|v| {
                self.one_of(
                    v,
                    "difficulty",
                    DIFFICULTIES,
                    &[
                        Difficulty::Easy,
                        Difficulty::Medium,
                        Difficulty::Hard,
                        Difficulty::Limited,
                        Difficulty::Impossible,
                    ],
                )
            });
        let flags = match root.get("flags") {
            Some(v) => self.many_of(
                v,
                "flags",
                FLAGS,
                &[
                    Flag::Fee,
                    Flag::NeedsCall,
                    Flag::NeedsLetter,
                    Flag::NeedsId,
                    Flag::InAppOnly,
                    Flag::RetentionOffer,
                    Flag::Irreversible,
                ],
            ),
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

    fn date(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<NaiveDate> {
        let DeValue::Datetime(dt) = v.get_ref() else {
            self.wrong_type(v, key, "a date like 2026-11-25 (without quotes)");
            return None;
        };
        match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
            }
            _ => {
                self.wrong_type(v, key, "a date like 2026-11-25 (without quotes)");
                None
            }
        }
    }

    fn check_source_url(&mut self, s: &Spanned<String>) {
        let v = s.get_ref();
        if v.contains("://") && !v.starts_with("https://") {
            self.error(s.span(), Problem::NotHttps { url: v.clone() });
        }
    }

    fn table<'t, 'i>(&mut self, v: &'t Spanned<DeValue<'i>>, key: &str) -> Option<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(v, key, "a table");
                None
            }
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
        let kind_name = self
            .get(t, "kind", true, &where_, &span)
            .and_then(|v| self.one_of(v, "kind", QUESTION_KINDS, &[false, true]));
        let choices = t.get("choices");
        let kind = match (kind_name, choices) {
            (Some(false), None) => Some(QuestionKind::YesNo),
            (Some(true), Some(cv)) => {
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
            .and_then(|v| self.one_of(v, "phase", PHASES, &Phase::ALL));
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
            let mut push = |cx: &mut Self, item: &Spanned<DeValue>| match item.get_ref() {
                DeValue::Boolean(b) => {
                    value_spans.push(item.span());
                    any_of.push(Answer::Bool(*b));
                }
                DeValue::String(s) => {
                    value_spans.push(item.span());
                    any_of.push(Answer::Choice(s.to_string()));
                }
                _ => {
                    cx.wrong_type(
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

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// A small valid checklist; tests replace parts of it.
    const BASE: &str = r#"schema = 1
id = "demo"
name = { en = "Demo", zh-CN = "演示" }
provider = "Demo"
country = "FR"
kinds = ["prepaid"]
difficulty = "easy"
verified = 2026-11-25
sources = ["https://example.org/"]

[links]
home = "https://example.org/"

[[questions]]
id = "keep"
kind = "yes-no"
text = { en = "Keep?", zh-CN = "保留？" }

[[questions]]
id = "os"
kind = "choice"
text = "Which phone?"
choices = ["ios", { id = "android", label = { en = "Android", zh-CN = "安卓" } }]
at = "submit"

[[steps]]
id = "login"
phase = "login"
title = "Log in"
body = "Log in."
links = ["home"]

[[steps]]
id = "find"
phase = "find-option"
title = "Find"
body = "Find it."
when = { keep = false }

[[steps]]
id = "confirm"
phase = "confirm"
title = "Confirm"
body = "Confirm."

[[steps]]
id = "submit"
phase = "submit"
title = "Submit"
body = "Submit."

  [[steps.inputs]]
  id = "reference"
  label = "Reference"
  pattern = '[A-Z0-9]+'

[[steps]]
id = "wait"
phase = "wait"
title = "Wait"
body = "Wait."
wait = "5d"
when = { os = ["ios", "android"] }
"#;

    fn path() -> &'static Path {
        Path::new("demo.toml")
    }

    /// The rendered problems of `src`, one per line, in English.
    fn problems(src: &str) -> Vec<String> {
        match parse_str(src, path()) {
            Ok((_, warnings)) => warnings.iter().map(|d| d.render(Lang::En)).collect(),
            Err(diags) => diags.iter().map(|d| d.render(Lang::En)).collect(),
        }
    }

    /// `BASE` with `from` replaced by `to` (which must occur).
    fn with(from: &str, to: &str) -> String {
        assert!(BASE.contains(from), "{from:?} not in BASE");
        BASE.replacen(from, to, 1)
    }

    #[test]
    fn the_base_fixture_is_valid_and_complete() {
        let (c, warnings) = parse_str(BASE, path()).expect("valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(c.id, "demo");
        assert_eq!(c.name.get(Lang::ZhCn), "演示");
        assert_eq!(c.steps.len(), 5);
        assert_eq!(c.steps[4].wait.unwrap().hours, 120);
        assert_eq!(c.steps[4].when[0].any_of.len(), 2);
        let QuestionKind::Choice(ch) = &c.questions[1].kind else {
            panic!("choice")
        };
        assert_eq!(ch[0].label.get(Lang::En), "ios");
        assert_eq!(ch[1].label.get(Lang::ZhCn), "安卓");
        assert_eq!(c.link("home"), Some("https://example.org/"));
    }

    #[test]
    fn syntax_errors_point_at_the_place() {
        let p = problems(&with("provider = \"Demo\"", "provider = \"Demo"));
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0] == "demo.toml:4:17: error: TOML syntax: invalid basic string, expected `\"`",
            "{p:?}"
        );
    }

    #[test]
    fn unknown_keys_are_reported_everywhere_in_one_run() {
        let src = with(
            "provider = \"Demo\"",
            "provider = \"Demo\"\ncolour = \"red\"",
        )
        .replace("title = \"Confirm\"", "title = \"Confirm\"\nbodyy = \"x\"");
        let p = problems(&src);
        assert_eq!(
            p,
            [
                "demo.toml:5:1: error: unknown key `colour` in top level; expected one of: schema, id, name, provider, country, kinds, difficulty, flags, verified, sources, summary, letter, links, contacts, questions, steps",
                "demo.toml:45:1: error: unknown key `bodyy` in steps[2]; expected one of: id, phase, title, body, links, when, inputs, wait",
            ]
        );
    }

    #[test]
    fn missing_required_keys() {
        let p = problems(&with("provider = \"Demo\"\n", ""));
        assert_eq!(
            p,
            ["demo.toml:1:1: error: missing key `provider` in top level"]
        );
        let p = problems(&with("title = \"Find\"\n", ""));
        assert_eq!(p.len(), 1);
        assert!(
            p[0].contains("error: missing key `title` in steps[1]"),
            "{p:?}"
        );
    }

    #[test]
    fn unknown_phase_kind_difficulty_and_flag() {
        let src = with("phase = \"confirm\"", "phase = \"confirmation\"")
            .replace(
                "kinds = [\"prepaid\"]",
                "kinds = [\"prepaid\", \"satellite\"]",
            )
            .replace(
                "difficulty = \"easy\"",
                "difficulty = \"trivial\"\nflags = [\"free\"]",
            );
        let p = problems(&src);
        assert_eq!(
            p,
            [
                "demo.toml:6:21: error: unknown kinds `satellite`; use one of: prepaid, postpaid, esim, travel",
                "demo.toml:7:14: error: unknown difficulty `trivial`; use one of: easy, medium, hard, limited, impossible",
                "demo.toml:8:10: error: unknown flags `free`; use one of: fee, needs-call, needs-letter, needs-id, in-app-only, retention-offer, irreversible",
                "demo.toml:43:9: error: unknown phase `confirmation`; use one of: prepare, login, find-option, confirm, submit, wait, after",
            ]
        );
    }

    #[test]
    fn duplicate_step_question_and_input_ids() {
        let src = with("id = \"confirm\"", "id = \"find\"")
            .replace("id = \"os\"", "id = \"keep\"")
            .replace(
                "  pattern = '[A-Z0-9]+'",
                "  pattern = '[A-Z0-9]+'\n\n  [[steps.inputs]]\n  id = \"reference\"\n  label = \"Again\"",
            );
        let p = problems(&src);
        assert!(
            p.contains(
                &"demo.toml:20:6: error: duplicate question id `keep` (first defined on line 15)"
                    .to_string()
            ),
            "{p:?}"
        );
        assert!(
            p.contains(
                &"demo.toml:41:6: error: duplicate step id `find` (first defined on line 34)"
                    .to_string()
            ),
            "{p:?}"
        );
        assert!(
            p.iter().any(|l| l.contains(
                "demo.toml:58:8: error: duplicate input id `reference` (first defined on line 53)"
            )),
            "{p:?}"
        );
    }

    #[test]
    fn ids_must_be_well_formed_and_match_the_file_name() {
        let p = problems(&with("id = \"demo\"", "id = \"Demo_1\""));
        assert_eq!(
            p,
            [
                "demo.toml:2:6: error: `Demo_1` is not a valid id: use only [a-z0-9-]+ (at most 64 characters)"
            ]
        );
        let p = problems(&with("id = \"demo\"", "id = \"other\""));
        assert_eq!(
            p,
            [
                "demo.toml:2:6: error: id `other` does not match the file name `demo.toml`; rename the file to `other.toml` or change the id"
            ]
        );
    }

    #[test]
    fn when_must_name_a_known_question_and_a_possible_answer() {
        let p = problems(&with("when = { keep = false }", "when = { kept = false }"));
        assert_eq!(
            p,
            [
                "demo.toml:38:10: error: `when` names the question `kept`, which is not defined in [[questions]]"
            ]
        );
        let p = problems(&with(
            "when = { keep = false }",
            "when = { keep = \"maybe\" }",
        ));
        assert_eq!(
            p,
            [
                "demo.toml:38:17: error: question `keep` can never answer \"maybe\"; its answers are: true, false"
            ]
        );
        let p = problems(&with(
            "when = { os = [\"ios\", \"android\"] }",
            "when = { os = [\"ios\", \"windows\"] }",
        ));
        assert_eq!(
            p,
            [
                "demo.toml:63:23: error: question `os` can never answer \"windows\"; its answers are: \"ios\", \"android\""
            ]
        );
    }

    #[test]
    fn a_question_asked_after_the_step_that_needs_it() {
        let p = problems(&with("when = { keep = false }", "when = { os = \"ios\" }"));
        assert_eq!(
            p,
            [
                "demo.toml:38:10: error: this step needs question `os`, which is asked only later, at step `submit`; move the step after `submit` or ask the question earlier"
            ]
        );
        let p = problems(&with("at = \"submit\"", "at = \"nowhere\""));
        assert_eq!(
            p,
            ["demo.toml:24:6: error: `at` names the step `nowhere`, which does not exist"]
        );
    }

    #[test]
    fn undefined_links_and_non_https_urls() {
        let p = problems(&with("links = [\"home\"]", "links = [\"home\", \"help\"]"));
        assert_eq!(
            p,
            [
                "demo.toml:31:18: error: link `help` is not defined in [links]; add it there or fix the name"
            ]
        );
        let p = problems(&with(
            "home = \"https://example.org/\"",
            "home = \"http://example.org/\"",
        ));
        assert_eq!(
            p,
            [
                "demo.toml:12:8: error: `http://example.org/` is not an https:// URL; only https links are allowed"
            ]
        );
        let p = problems(&with(
            "sources = [\"https://example.org/\"]",
            "sources = [\"ftp://example.org/\"]",
        ));
        assert_eq!(p.len(), 1);
        assert!(
            p[0].starts_with("demo.toml:9:12: error: `ftp://example.org/` is not an https:// URL")
        );
    }

    #[test]
    fn bad_durations_and_patterns() {
        let p = problems(&with("wait = \"5d\"", "wait = \"5 days\""));
        assert_eq!(p.len(), 1);
        assert!(
            p[0].starts_with(
                "demo.toml:62:8: error: bad wait duration: `5 days` has an unknown unit"
            ),
            "{p:?}"
        );
        let p = problems(&with("pattern = '[A-Z0-9]+'", "pattern = '[A-Z0-9+'"));
        assert_eq!(p.len(), 1);
        assert!(
            p[0].starts_with("demo.toml:55:13: error: `pattern` is not a valid regular expression: unclosed character class"),
            "{p:?}"
        );
    }

    #[test]
    fn a_text_needs_english_or_chinese() {
        let p = problems(&with(
            "name = { en = \"Demo\", zh-CN = \"演示\" }",
            "name = { fr = \"Démo\" }",
        ));
        assert_eq!(
            p,
            [
                "demo.toml:3:8: error: `name` has neither an `en` nor a `zh-CN` text; add at least one"
            ]
        );
    }

    #[test]
    fn a_missing_core_phase_is_a_warning_not_an_error() {
        let src = with("phase = \"confirm\"", "phase = \"prepare\"");
        let (_, warnings) = parse_str(&src, path()).expect("loads despite the warning");
        let p: Vec<String> = warnings.iter().map(|d| d.render(Lang::En)).collect();
        assert_eq!(
            p,
            [
                "demo.toml:26:1: warning: no step in the core phase `confirm`; every checklist should cover login, find-option, confirm, submit and wait"
            ]
        );
    }

    #[test]
    fn inputs_may_not_ask_for_secrets() {
        for (id, label) in [
            ("password", "Your password"),
            ("sim_pin", "SIM"),
            ("code", "Card code"),
            ("mdp", "Mot de passe"),
            ("x", "{ en = \"Code\", zh-CN = \"服务密码\" }"),
        ] {
            let label = if label.starts_with('{') {
                label.to_string()
            } else {
                format!("\"{label}\"")
            };
            let src = with(
                "  id = \"reference\"\n  label = \"Reference\"",
                &format!("  id = \"{id}\"\n  label = {label}"),
            );
            let p = problems(&src);
            assert_eq!(
                p,
                [format!(
                    "demo.toml:53:8: error: input `{id}` asks for a password, PIN or card code; simcancel must never ask for or store secrets — remove it"
                )],
                "{id}"
            );
        }
        // Words that merely contain the letters are fine.
        let ok = with(
            "label = \"Reference\"",
            "label = \"Pinned spinner reference\"",
        );
        assert!(problems(&ok).is_empty());
    }

    #[test]
    fn unsupported_schema_and_wrong_types() {
        let p = problems(&with("schema = 1", "schema = 2"));
        assert_eq!(
            p,
            [
                "demo.toml:1:10: error: schema 2 is not supported: this simcancel reads schema 1 (a newer file needs a newer simcancel)"
            ]
        );
        let p = problems(&with("verified = 2026-11-25", "verified = \"2026-11-25\""));
        assert_eq!(
            p,
            ["demo.toml:8:12: error: `verified` must be a date like 2026-11-25 (without quotes)"]
        );
    }

    #[test]
    fn an_empty_file_is_one_clear_error() {
        let p = problems("  \n");
        assert_eq!(
            p,
            [
                "demo.toml:1:1: error: the file is empty; a checklist needs at least schema, id, name and steps (see docs/checklist-format.md)"
            ]
        );
    }

    #[test]
    fn docs_example_is_valid() {
        let doc = include_str!("../../docs/checklist-format.md");
        let start = doc.find("```toml\nschema = 1").expect("the full example") + "```toml\n".len();
        let end = start + doc[start..].find("```").expect("end of the example");
        let (c, warnings) =
            parse_str(&doc[start..end], Path::new("example.toml")).unwrap_or_else(|d| {
                panic!(
                    "{}",
                    d.iter()
                        .map(|d| d.render(Lang::En))
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            });
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(c.questions[1].at.as_deref(), Some("remove-profile"));
        assert_eq!(c.contacts.postal.len(), 3);
        assert_eq!(c.letter.as_deref(), Some("generic"));
        assert!(c.steps.iter().any(|s| s.inputs.iter().any(|i| i.required)));
    }

    #[test]
    fn messages_are_translated() {
        let diags = parse_str(&with("id = \"demo\"", "id = \"other\""), path()).unwrap_err();
        assert_eq!(
            diags[0].render(Lang::ZhCn),
            "demo.toml:2:6: 错误: 编号 `other` 与文件名 `demo.toml` 不一致；请把文件改名为 `other.toml`，或修改编号"
        );
    }
}
