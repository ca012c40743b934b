//! The template language: text with `{{placeholder}}`s and `{{if name}}` … `{{end}}`
//! sections, checked (every placeholder and test known, every placeholder closed on its
//! line, sections paired, not nested and each on lines of their own) and filled in the
//! language of the text to send or in the person's.

use chrono::{Datelike, NaiveDate};

use super::fields::{Field, Test, Values};
use crate::checklist::Problem;
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

/// One piece of a parsed line.
enum Piece<'a> {
    Text(&'a str),
    Field(Field),
}

/// A line that opens or closes a section; what is between its braces decides.
enum Directive {
    /// `{{if name}}`, with the test, or the name when no test has it.
    If(Result<Test, String>),
    /// `{{end}}`.
    End,
}

impl Directive {
    /// What the braces' content `inner` (trimmed) says, if it is a directive.
    fn of(inner: &str) -> Option<Directive> {
        if inner == "end" {
            return Some(Directive::End);
        }
        let name = inner.strip_prefix("if")?;
        if !(name.is_empty() || name.starts_with(char::is_whitespace)) {
            return None;
        }
        let name = name.trim();
        Some(Directive::If(Test::from_name(name).ok_or(name.to_string())))
    }

    /// The directive a whole line is, if it holds nothing else.
    fn line(line: &str) -> Option<(Directive, usize)> {
        let trimmed = line.trim();
        let inner = trimmed.strip_prefix("{{")?.strip_suffix("}}")?;
        if inner.contains("{{") || inner.contains("}}") {
            return None;
        }
        let col = line.chars().take_while(|c| c.is_whitespace()).count() + 1;
        Directive::of(inner.trim()).map(|d| (d, col))
    }
}

/// Splits one line into text and fields, reporting each unknown or unclosed placeholder,
/// and each section directive that does not stand alone on its line, by column.
fn parse_line(line: &str) -> (Vec<Piece<'_>>, Vec<(usize, Problem)>) {
    let mut pieces = Vec::new();
    let mut problems = Vec::new();
    let col = |at: usize| line[..at].chars().count() + 1;
    let mut rest = line;
    let mut offset = 0;
    while let Some(open) = rest.find("{{") {
        pieces.push(Piece::Text(&rest[..open]));
        let after = &rest[open + 2..];
        let at = offset + open;
        let Some(close) = after.find("}}") else {
            problems.push((col(at), Problem::UnclosedPlaceholder));
            pieces.push(Piece::Text(&rest[open..open + 2]));
            offset = at + 2;
            rest = after;
            continue;
        };
        let name = after[..close].trim();
        match Field::from_name(name) {
            Some(f) => pieces.push(Piece::Field(f)),
            None if Directive::of(name).is_some() => {
                problems.push((col(at), Problem::UnpairedSection));
            }
            None => problems.push((
                col(at),
                Problem::UnknownPlaceholder {
                    name: name.to_string(),
                },
            )),
        }
        offset = at + 2 + close + 2;
        rest = &after[close + 2..];
    }
    pieces.push(Piece::Text(rest));
    (pieces, problems)
}

/// Checks a template: every placeholder known and closed, every section's test known,
/// sections paired and not nested. `validate` reports these as `path:line:col: message`.
pub fn check_template(src: &str) -> Vec<TemplateProblem> {
    let mut problems = Vec::new();
    let mut report = |line: usize, col: usize, problem: Problem| {
        problems.push(TemplateProblem { line, col, problem });
    };
    let mut open: Option<(usize, usize)> = None;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        let n = i + 1;
        match Directive::line(line) {
            Some((Directive::If(test), col)) => {
                if let Err(name) = test {
                    report(n, col, Problem::UnknownCondition { name });
                }
                if open.is_some() {
                    report(n, col, Problem::UnpairedSection);
                } else {
                    open = Some((n, col));
                }
            }
            Some((Directive::End, col)) => {
                if open.take().is_none() {
                    report(n, col, Problem::UnpairedSection);
                }
            }
            None => {
                for (col, problem) in parse_line(line).1 {
                    report(n, col, problem);
                }
            }
        }
    }
    if let Some((line, col)) = open {
        report(line, col, Problem::UnpairedSection);
    }
    problems
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
    /// The language tag a checklist text is read in.
    fn tag(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::Person(s) => s.tag(),
        }
    }

    /// The visible mark of a missing value.
    fn missing(self, f: Field) -> String {
        match self {
            Language::French => format!("[À COMPLÉTER : {}]", f.french()),
            Language::Person(s) => i18n::fill(s.letter.missing, &[("what", &f.label(s))]),
        }
    }

    /// The mark of a missing value with `…` for what is missing, as messages show it.
    pub(super) fn mark(self) -> String {
        match self {
            Language::French => "[À COMPLÉTER : …]".to_string(),
            Language::Person(s) => i18n::fill(s.letter.missing, &[("what", &"…")]),
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

/// Fills a template: sections whose test fails are left out, with their `{{if}}` and
/// `{{end}}` lines; returns the text and how many values were missing.
pub(super) fn fill(
    src: &str,
    values: &Values,
    today: NaiveDate,
    lang: Language,
) -> (String, usize) {
    let mut out = String::with_capacity(src.len() + 256);
    let mut missing = 0;
    let mut skipping = false;
    for line in src.split_inclusive('\n') {
        match Directive::line(line) {
            Some((Directive::If(test), _)) => {
                // `validate` reports an unknown test; such a section is left out.
                skipping = !test.is_ok_and(|t| values.holds(t));
                continue;
            }
            Some((Directive::End, _)) => {
                skipping = false;
                continue;
            }
            None if skipping => continue,
            None => {}
        }
        for piece in parse_line(line).0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Field(Field::Date) => out.push_str(&lang.date(today)),
                Piece::Field(f) => match values.get(f, lang.tag()) {
                    Some(lines) => {
                        // On a line of its own, a multi-line value keeps its indentation on
                        // every line (address blocks); inside a sentence its lines are joined
                        // by commas.
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
