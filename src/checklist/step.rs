//! The format of a `[[steps]]` table: its keys, its `when` conditions and its inputs.

use toml::Spanned;
use toml::de::DeValue;

use super::diagnostic::{CiteOwner, Problem};
use super::duration::WaitDuration;
use super::model::{Answer, Condition, Input, Phase, Step};
use super::position::{InputSpans, StepSpans};
use super::reader::Reader;
use super::schema::{ID_PATTERN, KEY_PATTERN, optional};

/// The keys allowed in a step.
pub(super) const STEP_KEYS: &[&str] = &[
    "id", "phase", "title", "body", "links", "when", "inputs", "wait", "cite",
];
/// The keys allowed in an input.
pub(super) const INPUT_KEYS: &[&str] = &["id", "label", "personal", "required", "pattern", "help"];

impl Reader<'_> {
    /// One `[[steps]]` table, the `i`-th.
    pub(super) fn step(&mut self, v: &Spanned<DeValue>, i: usize) -> Option<(Step, StepSpans)> {
        let where_ = format!("steps[{i}]");
        let t = self.table(v, "steps")?;
        self.known_keys(t, STEP_KEYS, &where_);
        self.format_2_keys(t);
        let span = v.span();
        let mut spans = StepSpans::default();
        let id = self.get(t, "id", true, &where_, &span).and_then(|v| {
            spans.id = v.span();
            self.id(v, "id", ID_PATTERN)
        });
        let cite = self.cite(t, &mut spans.cite);
        self.facts(
            CiteOwner::Step(id.clone().unwrap_or_default()),
            &cite,
            &[("title", t.get("title")), ("body", t.get("body"))],
        );
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
                cite: cite?,
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
