//! The line-based front end: numbered choices on standard output, one answer per line from
//! any reader. Used with `--plain`, when stdin or stdout is not a terminal, by screen
//! readers, pipes and tests. Everything it writes may hold text from a checklist, a session
//! file or the person: control characters are made visible ([`visible`]).

use std::io::{BufRead, Write};

use super::prompter::{Ask, Escape, Prompter, Reply, Stop};
use crate::i18n::{Strings, fill};
use crate::visible;

/// Numbered prompts over a reader and a writer.
pub struct PlainPrompter<R, W> {
    input: R,
    out: W,
    strings: &'static Strings,
    echo: bool,
    width: usize,
}

impl<R: BufRead, W: Write> PlainPrompter<R, W> {
    /// A prompter reading answers from `input` and writing to `out`.
    pub fn new(input: R, out: W, strings: &'static Strings) -> Self {
        PlainPrompter {
            input,
            out,
            strings,
            echo: false,
            width: 80,
        }
    }

    /// Wraps step screens to `width` columns instead of 80: the width of the terminal the
    /// lines are shown on, when they are (`--plain` in a terminal).
    pub fn width(mut self, width: usize) -> Self {
        self.width = width;
        self
    }

    /// Writes each answer after its prompt, as a terminal's echo would: for answers that
    /// come from a pipe or a file, so the transcript reads prompt by prompt.
    pub fn echo_answers(mut self, echo: bool) -> Self {
        self.echo = echo;
        self
    }

    /// The writer, to read back what was shown (tests).
    pub fn into_output(self) -> W {
        self.out
    }

    /// Reads one line without its line ending; end of input is [`Stop::EndOfInput`].
    fn line(&mut self) -> Reply<String> {
        self.out.flush()?;
        let mut buf = String::new();
        if self.input.read_line(&mut buf)? == 0 {
            // The prompt line had no newline of its own; end it so the next output starts
            // on a fresh line.
            writeln!(self.out)?;
            return Err(Stop::EndOfInput);
        }
        let answer = buf.trim().to_string();
        if self.echo {
            writeln!(self.out, "{}", visible::line(&answer))?;
        }
        Ok(answer)
    }

    fn choose(&mut self, prompt: &str, items: &[String], default: usize) -> Reply<usize> {
        self.numbered(prompt, items, default, |p, line| {
            let found = by_text(items, line);
            if found.is_none() {
                let g = &p.strings.guide;
                writeln!(
                    p.out,
                    "{}",
                    fill(g.plain_bad_number, &[("n", &items.len())])
                )?;
            }
            Ok(found)
        })
    }

    /// Lists `items` numbered and reads a number, or Enter for `default`; anything else
    /// typed goes to `by_typed`, which names the item it means or says why it cannot.
    fn numbered(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        mut by_typed: impl FnMut(&mut Self, &str) -> Reply<Option<usize>>,
    ) -> Reply<usize> {
        writeln!(self.out, "{}", visible::text(prompt))?;
        for (i, item) in items.iter().enumerate() {
            writeln!(self.out, "  {}. {}", i + 1, visible::line(item))?;
        }
        loop {
            let g = &self.strings.guide;
            write!(self.out, "{} [{}]{}", g.plain_number, default + 1, g.colon)?;
            let line = self.line()?;
            if line.is_empty() && default < items.len() {
                return Ok(default);
            }
            if let Ok(n) = line.parse::<usize>()
                && (1..=items.len()).contains(&n)
            {
                return Ok(n - 1);
            }
            if let Some(i) = by_typed(self, &line)? {
                return Ok(i);
            }
        }
    }
}

/// The item a typed answer names: the whole label (ignoring case), or else the start of
/// exactly one label — so "yes", "是" or "sk" work as well as numbers.
fn by_text(items: &[String], typed: &str) -> Option<usize> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let labels: Vec<String> = items.iter().map(|i| i.trim().to_lowercase()).collect();
    if let Some(i) = labels.iter().position(|l| *l == typed) {
        return Some(i);
    }
    let mut starts = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with(&typed));
    match (starts.next(), starts.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

impl<R: BufRead, W: Write> Prompter for PlainPrompter<R, W> {
    fn show(&mut self, text: &str) -> Reply<()> {
        writeln!(self.out, "{}", visible::text(text))?;
        Ok(())
    }

    fn warn(&mut self, text: &str) -> Reply<()> {
        writeln!(self.out, "! {}", visible::text(text))?;
        Ok(())
    }

    // Lines have no Esc: a numbered menu is left by its own pause or back item.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        _: Escape,
    ) -> Reply<usize> {
        self.choose(prompt, items, default)
    }

    fn pick(
        &mut self,
        prompt: &str,
        items: &[String],
        keys: &[String],
        default: usize,
    ) -> Reply<usize> {
        self.numbered(prompt, items, default, |p, line| {
            let g = &p.strings.guide;
            let typed = line.to_lowercase();
            let hits: Vec<usize> = (0..items.len())
                .filter(|&i| {
                    let key = keys.get(i).map_or("", String::as_str);
                    items[i].to_lowercase().contains(&typed) || key.to_lowercase().contains(&typed)
                })
                .collect();
            let shown = visible::line(line);
            match hits.as_slice() {
                [one] => return Ok(Some(*one)),
                [] => writeln!(
                    p.out,
                    "{}",
                    fill(g.plain_no_match, &[("typed", &shown), ("n", &items.len())])
                )?,
                several => {
                    writeln!(p.out, "{}", fill(g.plain_matches, &[("typed", &shown)]))?;
                    for &i in several {
                        writeln!(p.out, "  {}. {}", i + 1, visible::line(&items[i]))?;
                    }
                }
            }
            Ok(None)
        })
    }

    fn input(&mut self, ask: &Ask) -> Reply<String> {
        let prompt = match ask.hint {
            Some(hint) => format!("{} {hint}", visible::text(ask.prompt)),
            None => visible::text(ask.prompt).into_owned(),
        };
        loop {
            // The language's colon: `: ` in English, `：` in Chinese; none after a question
            // mark (`Why skip this step? `, `为什么跳过这一步？`).
            let colon = match self.strings.guide.colon {
                c if prompt.ends_with(['?', '？']) => c.trim_start_matches([':', '：']),
                c => c,
            };
            match ask.default {
                Some(d) if !d.is_empty() => {
                    write!(self.out, "{prompt} [{}]{colon}", visible::line(d))?;
                }
                _ => write!(self.out, "{prompt}{colon}")?,
            }
            let line = self.line()?;
            let answer = match ask.default {
                Some(d) if line.is_empty() => d.to_string(),
                _ => line,
            };
            match (ask.check)(&answer) {
                Ok(()) => return Ok(answer),
                Err(why) => writeln!(self.out, "! {}", visible::text(&why))?,
            }
        }
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Reply<bool> {
        let g = &self.strings.guide;
        let hint = if default {
            g.plain_yes_default
        } else {
            g.plain_no_default
        };
        let prompt = visible::text(prompt);
        loop {
            write!(self.out, "{prompt} {hint}{}", g.colon)?;
            let line = self.line()?;
            match line.to_lowercase().as_str() {
                "" => return Ok(default),
                "y" | "yes" | "是" | "是的" => return Ok(true),
                "n" | "no" | "否" | "不" => return Ok(false),
                _ => writeln!(self.out, "{}", g.plain_bad_yes_no)?,
            }
        }
    }

    fn width(&self) -> usize {
        self.width
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn prompter(input: &str) -> PlainPrompter<&[u8], Vec<u8>> {
        PlainPrompter::new(input.as_bytes(), Vec::new(), Lang::En.strings())
    }

    fn anything(_: &str) -> Result<(), String> {
        Ok(())
    }

    fn ask<'a>(prompt: &'a str, default: Option<&'a str>) -> Ask<'a> {
        Ask {
            prompt,
            hint: None,
            default,
            check: &anything,
        }
    }

    #[test]
    fn an_answer_the_check_refuses_is_explained_and_asked_again() {
        let mut p = prompter("06-12\n06 12 34 56 78\n").echo_answers(true);
        let digits = |v: &str| {
            if v.chars().filter(char::is_ascii_digit).count() == 10 {
                Ok(())
            } else {
                Err("ten digits, e.g. 06 12 34 56 78".to_string())
            }
        };
        let answer = p
            .input(&Ask {
                prompt: "Number",
                hint: Some("(type - to clear)"),
                default: None,
                check: &digits,
            })
            .unwrap();
        assert_eq!(answer, "06 12 34 56 78");
        let out = String::from_utf8(p.into_output()).unwrap();
        assert_eq!(
            out,
            "Number (type - to clear): 06-12\n! ten digits, e.g. 06 12 34 56 78\nNumber (type - to clear): 06 12 34 56 78\n"
        );
    }

    #[test]
    fn select_numbers_items_and_asks_again_after_a_bad_number() {
        let mut p = prompter("7\nx\n2\n");
        let items = vec!["Done".to_string(), "Skip".to_string()];
        assert_eq!(p.select("What now?", &items, 0, Escape::Pause).unwrap(), 1);
        let out = String::from_utf8(p.into_output()).unwrap();
        insta::assert_snapshot!(out, @r"
        What now?
          1. Done
          2. Skip
        Number [1]: Type a number from 1 to 2, or the start of a choice.
        Number [1]: Type a number from 1 to 2, or the start of a choice.
        Number [1]:
        ");
    }

    #[test]
    fn select_also_takes_a_label_or_the_unique_start_of_one() {
        let items = vec!["yes".to_string(), "no".to_string()];
        assert_eq!(
            prompter("NO\n")
                .select("Keep?", &items, 0, Escape::Pause)
                .unwrap(),
            1
        );
        let actions: Vec<String> = ["Done", "Skip (give a reason)", "Add a note", "Abandon"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            prompter("sk\n")
                .select("What now?", &actions, 0, Escape::Pause)
                .unwrap(),
            1
        );
        // "a" starts two labels: ambiguous, so it is asked again.
        assert_eq!(
            prompter("a\nabandon\n")
                .select("What now?", &actions, 0, Escape::Pause)
                .unwrap(),
            3
        );
        let zh = vec!["是".to_string(), "否".to_string()];
        assert_eq!(
            prompter("否\n")
                .select("保留？", &zh, 0, Escape::Pause)
                .unwrap(),
            1
        );
    }

    #[test]
    fn answers_from_a_pipe_are_echoed_after_their_prompt() {
        let mut p = prompter("2\nJean\n").echo_answers(true);
        let items = vec!["Done".to_string(), "Skip".to_string()];
        assert_eq!(p.select("What now?", &items, 0, Escape::Pause).unwrap(), 1);
        assert_eq!(p.input(&ask("Name", None)).unwrap(), "Jean");
        let out = String::from_utf8(p.into_output()).unwrap();
        assert_eq!(
            out,
            "What now?\n  1. Done\n  2. Skip\nNumber [1]: 2\nName: Jean\n"
        );
    }

    #[test]
    fn an_empty_line_takes_the_default() {
        let mut p = prompter("\n\n\n");
        let items = vec!["a".to_string(), "b".to_string()];
        assert_eq!(p.select("?", &items, 1, Escape::Pause).unwrap(), 1);
        assert_eq!(p.input(&ask("Ref", Some("AB1234"))).unwrap(), "AB1234");
        assert!(!p.confirm("Sure?", false).unwrap());
    }

    #[test]
    fn confirm_accepts_english_and_chinese() {
        let mut p = prompter("maybe\n是\nno\n");
        assert!(p.confirm("Sure?", false).unwrap());
        assert!(!p.confirm("Sure?", true).unwrap());
    }

    #[test]
    fn what_it_writes_shows_control_characters_instead_of_obeying_them() {
        let mut p = prompter("2\nx\u{1b}[2Jy\n").echo_answers(true);
        p.show("Step\u{1b}]0;pwned\u{7}\nbody").unwrap();
        p.warn("bad \u{9b}1m").unwrap();
        let items = vec!["a\u{202e}b".to_string(), "c\nd".to_string()];
        assert_eq!(p.select("Q\u{1b}[H?", &items, 0, Escape::Pause).unwrap(), 1);
        p.input(&ask("Name\u{7}", Some("old\rvalue"))).unwrap();
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(
            !crate::visible::has_hidden(&out.replace('\n', "")),
            "{out:?}"
        );
        insta::assert_snapshot!(out, @r"
        Step\u{1b}]0;pwned\u{7}
        body
        ! bad \u{9b}1m
        Q\u{1b}[H?
          1. a\u{202e}b
          2. c\u{a}d
        Number [1]: 2
        Name\u{7} [old\u{d}value]: x\u{1b}[2Jy
        ");
    }

    #[test]
    fn end_of_input_is_reported_as_such() {
        let mut p = prompter("");
        assert!(matches!(p.input(&ask("Ref", None)), Err(Stop::EndOfInput)));
        let mut p = prompter("9\n");
        let items = vec!["a".to_string()];
        assert!(matches!(
            p.select("?", &items, 0, Escape::Pause),
            Err(Stop::EndOfInput)
        ));
    }
}
