//! The template language: text with `{{placeholder}}`s, checked (every placeholder known
//! and closed on its line) and filled in French or in the person's language.

use chrono::{Datelike, NaiveDate};

use super::fields::{Field, Values};
use crate::checklist::{Problem, line_col};
use crate::i18n::{self, Strings};

/// A problem in a template, with its 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateProblem {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub col: usize,
    /// What is wrong; its wording is in `src/i18n` like every checklist problem.
    pub problem: Problem,
}

/// One piece of a parsed template.
enum Piece<'a> {
    Text(&'a str),
    Field(Field),
}

/// Splits a template into text and fields, reporting every unknown or unclosed placeholder.
fn parse(src: &str) -> (Vec<Piece<'_>>, Vec<TemplateProblem>) {
    let mut pieces = Vec::new();
    let mut problems = Vec::new();
    let mut rest = src;
    let mut offset = 0;
    while let Some(open) = rest.find("{{") {
        pieces.push(Piece::Text(&rest[..open]));
        let after = &rest[open + 2..];
        let at = offset + open;
        let Some(close) = after.find("}}").filter(|c| !after[..*c].contains('\n')) else {
            let (line, col) = line_col(src, at);
            problems.push(TemplateProblem {
                line,
                col,
                problem: Problem::UnclosedPlaceholder,
            });
            pieces.push(Piece::Text(&rest[open..open + 2]));
            offset = at + 2;
            rest = after;
            continue;
        };
        let name = after[..close].trim();
        match Field::from_name(name) {
            Some(f) => pieces.push(Piece::Field(f)),
            None => {
                let (line, col) = line_col(src, at);
                problems.push(TemplateProblem {
                    line,
                    col,
                    problem: Problem::UnknownPlaceholder {
                        name: name.to_string(),
                    },
                });
            }
        }
        offset = at + 2 + close + 2;
        rest = &after[close + 2..];
    }
    pieces.push(Piece::Text(rest));
    (pieces, problems)
}

/// Checks a template: every placeholder known and closed. `validate` reports these as
/// `path:line:col: message`.
pub fn check_template(src: &str) -> Vec<TemplateProblem> {
    parse(src).1
}

/// The language a filled template is written in: the letter's, or the person's.
#[derive(Clone, Copy, Debug)]
pub(super) enum Language<'a> {
    /// The letter sent to the operator.
    French,
    /// Its translation, in the words of these strings.
    Person(&'a Strings),
}

impl Language<'_> {
    /// The visible mark of a missing value.
    fn missing(self, f: Field) -> String {
        match self {
            Language::French => format!("[À COMPLÉTER : {}]", f.french()),
            Language::Person(s) => i18n::fill(s.letter.missing, &[("what", &f.label(s))]),
        }
    }

    /// A date, written out.
    fn date(self, d: NaiveDate) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let month = FR.get(d.month0() as usize).copied().unwrap_or_default();
        match self {
            Language::French if d.day() == 1 => format!("1er {month} {}", d.year()),
            Language::French => format!("{} {month} {}", d.day(), d.year()),
            Language::Person(s) => d.format(s.letter.date_format).to_string(),
        }
    }
}

/// Fills a template; returns the text and how many values were missing.
pub(super) fn fill(
    src: &str,
    values: &Values,
    today: NaiveDate,
    lang: Language,
) -> (String, usize) {
    let (pieces, _) = parse(src);
    let mut out = String::with_capacity(src.len() + 256);
    let mut missing = 0;
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Field(Field::Date) => out.push_str(&lang.date(today)),
            Piece::Field(f) => match values.get(f) {
                Some(lines) => {
                    // On a line of its own, a multi-line value keeps its indentation on every
                    // line (address blocks); inside a sentence its lines are joined by commas.
                    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
                    let prefix = &out[line_start..];
                    if prefix.chars().all(char::is_whitespace) {
                        let sep = format!("\n{prefix}");
                        out.push_str(&lines.join(&sep));
                    } else {
                        out.push_str(&lines.join(", "));
                    }
                }
                None => {
                    missing += 1;
                    out.push_str(&lang.missing(f));
                }
            },
        }
    }
    (out, missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn unknown_and_unclosed_placeholders_are_reported_with_line_and_column() {
        let problems =
            check_template("Bonjour {{holder_name}},\n  né le {{birth_date}} à {{city\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].col), (2, 9));
        assert_eq!(
            problems[0].problem,
            Problem::UnknownPlaceholder {
                name: "birth_date".into()
            }
        );
        assert_eq!((problems[1].line, problems[1].col), (2, 26));
        assert_eq!(problems[1].problem, Problem::UnclosedPlaceholder);
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 8, 1).expect("date");
        assert_eq!(Language::French.date(d), "1er août 2026");
        let d15 = NaiveDate::from_ymd_opt(2026, 12, 15).expect("date");
        assert_eq!(Language::French.date(d15), "15 décembre 2026");
        assert_eq!(
            Language::Person(Lang::En.strings()).date(d15),
            "15 December 2026"
        );
        assert_eq!(
            Language::Person(Lang::ZhCn.strings()).date(d15),
            "2026年12月15日"
        );
        assert_eq!(
            Language::Person(Lang::En.strings()).date(d),
            "1 August 2026"
        );
        assert_eq!(
            Language::Person(Lang::ZhCn.strings()).date(d),
            "2026年8月1日"
        );
    }
}
