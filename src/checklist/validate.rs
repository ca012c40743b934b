//! The rules that need the whole checklist: references between questions, steps and links,
//! duplicates, patterns, secrets, the five core phases, and (in [`super::citation`]) the
//! sources and their citations.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use regex::Regex;

use super::citation;
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
                && let Some(reason) = pattern_error(p)
            {
                reader.error(span.clone(), Problem::BadPattern { reason });
            }
        }
    }

    citation::check(reader, c, spans);

    let at = spans.first_step_table.clone().unwrap_or(0..0);
    for phase in Phase::CORE {
        if !c.steps.iter().any(|s| s.phase == phase) {
            reader.warning(at.clone(), Problem::MissingPhase { phase });
        }
    }
}

/// Why an input pattern does not compile, as the engine will compile it (anchored), or
/// `None` if it does. Each distinct pattern is compiled once per process: a catalogue
/// repeats a few patterns across its files, and compiling one costs more than parsing a file.
fn pattern_error(pattern: &str) -> Option<String> {
    static SEEN: LazyLock<Mutex<HashMap<String, Option<String>>>> = LazyLock::new(Mutex::default);
    // Only `get` and `insert` run under the lock, so a poisoned map is still whole.
    if let Some(found) = SEEN
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(pattern)
    {
        return found.clone();
    }
    let found = Regex::new(&format!("^(?:{pattern})$")).err().map(|e| {
        let reason = e.to_string();
        reason
            .lines()
            .rev()
            .find(|l| l.starts_with("error:"))
            .unwrap_or(reason.lines().next().unwrap_or(""))
            .trim_start_matches("error:")
            .trim()
            .to_string()
    });
    SEEN.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(pattern.to_string(), found.clone());
    found
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::diagnostic::Problem;
    use super::super::load::parse_str;

    /// `mini` with a step input whose pattern is `pattern`.
    fn with_pattern(pattern: &str) -> String {
        let mini = include_str!("../../tests/cli/fixtures/mini.toml");
        format!(
            "{mini}\n  [[steps.inputs]]\n  id = \"reference\"\n  label = \"Reference\"\n  pattern = '{pattern}'\n"
        )
    }

    fn pattern_problems(pattern: &str) -> Vec<(usize, Problem)> {
        let problems = match parse_str(&with_pattern(pattern), Path::new("mini.toml")) {
            Ok((_, warnings)) => warnings,
            Err(diags) => diags,
        };
        problems
            .into_iter()
            .filter(|d| matches!(d.problem, Problem::BadPattern { .. }))
            .map(|d| (d.line, d.problem))
            .collect()
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_reported_every_time_it_is_met() {
        assert_eq!(pattern_problems("[A-Z0-9]{4,}"), vec![]);
        let first = pattern_problems("[A-Z");
        assert_eq!(first.len(), 1, "{first:?}");
        let Problem::BadPattern { reason } = &first[0].1 else {
            unreachable!()
        };
        assert!(reason.contains("unclosed character class"), "{reason}");
        // The second time the outcome comes from the memo: the same problem, same place.
        assert_eq!(pattern_problems("[A-Z"), first);
        assert_eq!(pattern_problems("[A-Z0-9]{4,}"), vec![]);
    }
}
