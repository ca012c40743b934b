//! What a value typed at a step's input means before it is recorded: kept, cleared, or a
//! value — a phone number written any of the usual ways becomes one form — and, when it
//! does not have the expected form, words that say what the form is.

use regex::Regex;

use crate::checklist::Input;
use crate::i18n::{Strings, fill};

/// The well-known input id of the line's phone number (the letters read it too).
const LINE_NUMBER: &str = "line_number";

/// The well-known input id of the holder's name.
pub const HOLDER_NAME: &str = "holder_name";

/// Typed to clear a value.
pub const CLEAR: &str = "-";

/// What the person typed at an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// Nothing: the value stays as it is (or absent).
    Keep,
    /// `-`, or only spaces typed over a value: the screen shows it empty, so it is cleared.
    Clear,
    /// A value, normalised.
    Value(String),
}

impl Typed {
    /// Reads what a prompt returned for `input` (the default when nothing was typed).
    pub fn read(input: &Input, raw: &str) -> Typed {
        let value = raw.trim();
        if value == CLEAR || (value.is_empty() && !raw.is_empty()) {
            Typed::Clear
        } else if value.is_empty() {
            Typed::Keep
        } else if input.id == LINE_NUMBER {
            Typed::Value(phone(value))
        } else {
            Typed::Value(value.to_string())
        }
    }
}

/// The checks of one input: required, and the pattern its whole value must match.
pub struct Rules<'a> {
    input: &'a Input,
    pattern: Option<Regex>,
    help: Option<String>,
    has_value: bool,
    strings: &'a Strings,
}

impl<'a> Rules<'a> {
    /// The rules of `input`; `has_value` when a value is already recorded.
    pub fn new(input: &'a Input, has_value: bool, strings: &'a Strings) -> Rules<'a> {
        Rules {
            input,
            // An invalid pattern is rejected by the checklist validator; if one slips
            // through, the value is taken as typed rather than blocking the person.
            pattern: input
                .pattern
                .as_deref()
                .and_then(|p| Regex::new(&format!("^(?:{p})$")).ok()),
            help: input
                .help
                .as_ref()
                .map(|h| h.get(strings.tag()).to_string()),
            has_value,
            strings,
        }
    }

    /// What was typed, as it is recorded: [`Typed::read`], and a value written in groups
    /// (`01P 123 456 ABC`, as a code is read out) without its spaces when only that form has
    /// the pattern's shape.
    pub fn read(&self, raw: &str) -> Typed {
        match (Typed::read(self.input, raw), &self.pattern) {
            (Typed::Value(v), Some(re)) if !re.is_match(&v) => {
                let joined: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                Typed::Value(if re.is_match(&joined) { joined } else { v })
            }
            (typed, _) => typed,
        }
    }

    /// Whether what was typed can be recorded; if not, why, saying what the form is.
    pub fn check(&self, raw: &str) -> Result<(), String> {
        let g = &self.strings.guide;
        match self.read(raw) {
            Typed::Keep if self.input.required && !self.has_value => Err(g.input_required.into()),
            Typed::Clear if self.input.required => Err(g.input_required.into()),
            Typed::Keep | Typed::Clear => Ok(()),
            Typed::Value(v) => match &self.pattern {
                Some(re) if !re.is_match(&v) => Err(self.wrong_form(raw.trim())),
                _ => Ok(()),
            },
        }
    }

    /// "`12345` does not have the expected form: 12 letters and digits. You typed 5."
    fn wrong_form(&self, typed: &str) -> String {
        let g = &self.strings.guide;
        let n = typed.chars().filter(|c| !c.is_whitespace()).count();
        match &self.help {
            Some(help) => fill(
                g.input_pattern,
                &[
                    ("value", &typed),
                    ("help", &help.trim().trim_end_matches(['.', '。'])),
                    ("n", &n),
                ],
            ),
            None => fill(g.input_pattern_no_help, &[("value", &typed)]),
        }
    }
}

/// A phone number in one form: dashes, dots, brackets and the `(0)` written after a country
/// code are dropped; a French number becomes `06 12 34 56 78` or `+33 6 12 34 56 78` (from
/// `0033` too); another number keeps its digits, one space between its groups. Anything
/// that is not a phone number is left as typed, for the pattern to refuse.
pub fn phone(typed: &str) -> String {
    let without_zero = typed.replace("(0)", " ");
    let plus = without_zero.trim_start().starts_with('+');
    let body = without_zero.trim_start().trim_start_matches('+');
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')'))
    {
        return typed.to_string();
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let french = match (plus, digits.as_str()) {
        (false, d) if d.len() == 10 && d.starts_with('0') => Some(("0", &d[1..])),
        (true, d) if d.len() == 11 && d.starts_with("33") => Some(("+33 ", &d[2..])),
        (false, d) if d.len() == 13 && d.starts_with("0033") => Some(("+33 ", &d[4..])),
        _ => None,
    };
    match french {
        // `0` then the nine digits: `06 12 34 56 78`; `+33 ` then them: `+33 6 12 34 56 78`.
        Some((prefix, nine)) => {
            let (first, rest) = nine.split_at(1);
            let pairs: Vec<&str> = rest
                .as_bytes()
                .chunks(2)
                .filter_map(|c| std::str::from_utf8(c).ok())
                .collect();
            format!("{prefix}{first} {}", pairs.join(" "))
        }
        None => {
            let groups: Vec<&str> = body
                .split([' ', '.', '-', '(', ')'])
                .filter(|g| !g.is_empty())
                .collect();
            format!("{}{}", if plus { "+" } else { "" }, groups.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Text;
    use crate::i18n::Lang;

    fn input(id: &str, pattern: Option<&str>, help: Option<&str>, required: bool) -> Input {
        Input {
            id: id.into(),
            label: Text::plain(id),
            personal: true,
            required,
            pattern: pattern.map(String::from),
            help: help.map(|h| {
                Text(vec![
                    ("en".into(), h.into()),
                    ("zh-CN".into(), "RIO 码为 12 位字母和数字。".into()),
                ])
            }),
        }
    }

    #[test]
    fn phone_numbers_written_the_usual_ways_become_one_form() {
        for typed in [
            "06 12 34 56 78",
            "0612345678",
            "06-12-34-56-78",
            "06.12.34.56.78",
            " 06 12 34 56 78 ",
        ] {
            assert_eq!(phone(typed), "06 12 34 56 78", "{typed}");
        }
        for typed in [
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "+33(0)612345678",
            "+33 6-12-34-56-78",
            "0033 6 12 34 56 78",
        ] {
            assert_eq!(phone(typed), "+33 6 12 34 56 78", "{typed}");
        }
        assert_eq!(phone("+86 138-1234-5678"), "+86 138 1234 5678");
        assert_eq!(phone("not a number"), "not a number");
        assert_eq!(phone("+"), "+");
    }

    #[test]
    fn a_phone_number_with_dashes_passes_the_usual_pattern() {
        let line = input(LINE_NUMBER, Some(r"\+?[0-9 .]{6,20}"), None, false);
        let rules = Rules::new(&line, false, Lang::En.strings());
        for typed in ["06-12-34-56-78", "+33 (0)6 12 34 56 78", "06 12 34 56 78"] {
            assert_eq!(rules.check(typed), Ok(()), "{typed}");
        }
        assert_eq!(
            Typed::read(&line, "+33 (0)6 12 34 56 78"),
            Typed::Value("+33 6 12 34 56 78".into())
        );
        assert!(rules.check("06 12 ab").is_err());
    }

    #[test]
    fn a_dash_or_spaces_over_a_value_clear_it_and_nothing_keeps_it() {
        let name = input("customer_number", None, None, false);
        assert_eq!(Typed::read(&name, "-"), Typed::Clear);
        assert_eq!(Typed::read(&name, " - "), Typed::Clear);
        assert_eq!(Typed::read(&name, "   "), Typed::Clear);
        assert_eq!(Typed::read(&name, ""), Typed::Keep);
        assert_eq!(Typed::read(&name, " CL-1 "), Typed::Value("CL-1".into()));
        // A required value cannot be cleared, nor left empty when there is none.
        let required = input("reference", None, None, true);
        let s = Lang::ZhCn.strings();
        assert_eq!(
            Rules::new(&required, true, s).check("-"),
            Err(s.guide.input_required.to_string())
        );
        assert_eq!(Rules::new(&required, true, s).check(""), Ok(()));
        assert!(Rules::new(&required, false, s).check("").is_err());
    }

    #[test]
    fn a_value_of_the_wrong_form_is_told_what_the_form_is() {
        let rio = input(
            "rio",
            Some("[0-9A-Z]{12}"),
            Some("12 letters and digits, from the SMS of 3179."),
            false,
        );
        let en = Rules::new(&rio, false, Lang::En.strings()).check("12345");
        assert_eq!(
            en,
            Err("`12345` does not have the expected form: 12 letters and digits, from the SMS of 3179. You typed 5 characters.".into())
        );
        let zh = Rules::new(&rio, false, Lang::ZhCn.strings()).check("12 345");
        assert_eq!(
            zh,
            Err("`12 345` 的格式不对：RIO 码为 12 位字母和数字。您输入了 5 个字符。".into())
        );
        let bare = input("code", Some("[0-9]{4}"), None, false);
        assert_eq!(
            Rules::new(&bare, false, Lang::ZhCn.strings()).check("12"),
            Err("`12` 的格式不对：请检查后重新输入。".into())
        );
    }

    #[test]
    fn a_code_typed_in_groups_is_recorded_without_its_spaces() {
        let rio = input(
            "rio",
            Some("[0-9A-Za-z+]{12}"),
            Some("12 letters and digits"),
            false,
        );
        let rules = Rules::new(&rio, false, Lang::ZhCn.strings());
        assert_eq!(rules.check("01P 123 456 ABC"), Ok(()));
        assert_eq!(
            rules.read("01P 123 456 ABC"),
            Typed::Value("01P123456ABC".into())
        );
        assert_eq!(
            rules.read("01P123456ABC"),
            Typed::Value("01P123456ABC".into())
        );
        assert!(rules.check("01P 123").is_err());
        // Spaces the pattern allows stay.
        let name = input("holder_name", Some("[A-Za-z ]+"), None, false);
        let rules = Rules::new(&name, false, Lang::En.strings());
        assert_eq!(rules.read("ZHANG Wei"), Typed::Value("ZHANG Wei".into()));
    }

    /// The hint under a bundled checklist's phone number shows forms that are accepted,
    /// and says that dashes are (issue 15: it said "digits, spaces or dots" only).
    #[test]
    fn the_phone_hint_of_every_bundled_checklist_shows_accepted_forms() {
        let mut seen = 0;
        for (file, src) in crate::checklist::bundled_files() {
            let (checklist, _) = crate::checklist::parse_str(src, std::path::Path::new(file))
                .unwrap_or_else(|d| panic!("{file}: {d:?}"));
            for line in checklist
                .steps
                .iter()
                .flat_map(|s| &s.inputs)
                .filter(|i| i.id == LINE_NUMBER)
            {
                seen += 1;
                let rules = Rules::new(line, false, Lang::ZhCn.strings());
                for typed in [
                    "06 12 34 56 78",
                    "+33 6 12 34 56 78",
                    "06-12-34-56-78",
                    "+33 (0)6 12 34 56 78",
                ] {
                    assert_eq!(rules.check(typed), Ok(()), "{file}: {typed}");
                }
                let help = line.help.as_ref().expect("a hint");
                assert!(help.get("en").contains("dashes"), "{file}");
                assert!(help.get("zh-CN").contains("短横线"), "{file}");
            }
        }
        assert!(seen > 10, "{seen}");
    }
}
