//! The rules that need the whole checklist: references between questions, steps and links,
//! duplicates, patterns, secrets, and the five core phases.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::diagnostic::Problem;
use super::model::{Answer, Checklist, Phase, Question, QuestionKind};
use super::position::{Span, Spans};
use super::reader::Reader;

/// Words that mean an input asks for a secret the tool must never store.
static SECRET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(password|passwd|passcode|pin|puk|cvv2?|cvc|mot de passe|code secret|code pin|card code|security code)\b|密码|口令|PIN ?码",
    )
    .expect("the secret-word pattern is valid")
});

/// Checks what the structural walk could not, adding to `reader`'s problems.
pub(super) fn check(reader: &mut Reader, c: &Checklist, spans: &Spans, stem: Option<&str>) {
    if let (Some(stem), Some(span)) = (stem, &spans.id)
        && stem != c.id
    {
        reader.error(
            span.clone(),
            Problem::IdNotFileName {
                id: c.id.clone(),
                stem: stem.to_string(),
            },
        );
    }

    duplicates(
        reader,
        "question",
        c.questions.iter().map(|q| q.id.as_str()),
        spans.questions.iter().map(|s| &s.id),
    );
    duplicates(
        reader,
        "step",
        c.steps.iter().map(|s| s.id.as_str()),
        spans.steps.iter().map(|s| &s.id),
    );

    let step_index: HashMap<&str, usize> = c
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();

    for (q, qs) in c.questions.iter().zip(&spans.questions) {
        if let (Some(at), Some(span)) = (&q.at, &qs.at)
            && !step_index.contains_key(at.as_str())
        {
            reader.error(span.clone(), Problem::UnknownStep { step: at.clone() });
        }
        if let QuestionKind::Choice(choices) = &q.kind {
            duplicates(
                reader,
                "choice",
                choices.iter().map(|ch| ch.id.as_str()),
                qs.choices.iter(),
            );
        }
    }

    for (i, (step, ss)) in c.steps.iter().zip(&spans.steps).enumerate() {
        for (cond, (key_span, value_spans)) in step.when.iter().zip(&ss.when) {
            let Some(q) = c.question(&cond.question) else {
                reader.error(
                    key_span.clone(),
                    Problem::UnknownQuestion {
                        question: cond.question.clone(),
                    },
                );
                continue;
            };
            for (answer, span) in cond.any_of.iter().zip(value_spans) {
                if !q.accepts(answer) {
                    reader.error(
                        span.clone(),
                        Problem::ImpossibleAnswer {
                            question: q.id.clone(),
                            value: literal(answer),
                            allowed: allowed_answers(q),
                        },
                    );
                }
            }
            if let Some(at) = &q.at
                && step_index.get(at.as_str()).is_some_and(|&a| a > i)
            {
                reader.error(
                    key_span.clone(),
                    Problem::AskedTooLate {
                        question: q.id.clone(),
                        at: at.clone(),
                    },
                );
            }
        }
        for (link, span) in step.links.iter().zip(&ss.links) {
            if c.link(link).is_none() {
                reader.error(span.clone(), Problem::UnknownLink { link: link.clone() });
            }
        }
        if step.wait.is_some()
            && step.phase != Phase::Wait
            && let Some(span) = &ss.wait
        {
            reader.warning(span.clone(), Problem::WaitOutsideWaitPhase);
        }
        duplicates(
            reader,
            "input",
            step.inputs.iter().map(|x| x.id.as_str()),
            ss.inputs.iter().map(|s| &s.id),
        );
        for (input, is) in step.inputs.iter().zip(&ss.inputs) {
            let words = input.id.replace(['_', '-'], " ");
            let asks_secret =
                SECRET.is_match(&words) || input.label.0.iter().any(|(_, l)| SECRET.is_match(l));
            if asks_secret {
                reader.error(
                    is.id.clone(),
                    Problem::SecretInput {
                        input: input.id.clone(),
                    },
                );
            }
            if let (Some(p), Some(span)) = (&input.pattern, &is.pattern)
                && let Err(e) = Regex::new(&format!("^(?:{p})$"))
            {
                let reason = e.to_string();
                let reason = reason
                    .lines()
                    .rev()
                    .find(|l| l.starts_with("error:"))
                    .unwrap_or(reason.lines().next().unwrap_or(""))
                    .trim_start_matches("error:")
                    .trim()
                    .to_string();
                reader.error(span.clone(), Problem::BadPattern { reason });
            }
        }
    }

    let at = spans.first_step_table.clone().unwrap_or(0..0);
    for phase in Phase::CORE {
        if !c.steps.iter().any(|s| s.phase == phase) {
            reader.warning(at.clone(), Problem::MissingPhase { phase });
        }
    }
}

/// Reports every id after the first that repeats an earlier one. The first one's line is
/// only looked up when there is a repeat to report.
fn duplicates<'a>(
    reader: &mut Reader,
    what: &'static str,
    ids: impl Iterator<Item = &'a str>,
    spans: impl Iterator<Item = &'a Span>,
) {
    let mut seen: HashMap<&str, &Span> = HashMap::new();
    for (id, span) in ids.zip(spans) {
        match seen.get(id) {
            Some(first) => {
                let first_line = reader.line_of(first);
                reader.error(
                    span.clone(),
                    Problem::Duplicate {
                        what,
                        id: id.to_string(),
                        first_line,
                    },
                );
            }
            None => {
                seen.insert(id, span);
            }
        }
    }
}

fn allowed_answers(q: &Question) -> Vec<String> {
    q.answers().iter().map(literal).collect()
}

/// An answer as it is written in a `when`: `true`, `false` or `"choice"`.
fn literal(a: &Answer) -> String {
    match a {
        Answer::Bool(b) => b.to_string(),
        Answer::Choice(c) => format!("\"{c}\""),
    }
}
