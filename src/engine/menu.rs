//! The terminal's list prompt, for menus and for the pickers: arrow keys move, Enter
//! chooses, Esc leaves (the caller says what that means, and the key hints say it too), and
//! in a picker typed text filters the list — by every word the item is known by, not only
//! the words shown — with "no match" said when nothing is left.
//!
//! dialoguer's `Select` and `FuzzySelect` show a blank list when nothing matches, draw no
//! key hints, ignore Esc in the fuzzy picker and match only the visible label; this is the
//! small part of them simcancel needs, with those four things.

use std::io;

use console::{Key, Term, style};

/// What a list prompt shows and how it filters.
pub struct Menu<'a> {
    /// The question.
    pub prompt: &'a str,
    /// The choices, as shown.
    pub items: &'a [String],
    /// For a picker: per item, the other words it is found by besides its label (its names
    /// in other languages, aliases); `None` for a plain menu, which does not filter.
    pub keys: Option<&'a [String]>,
    /// The item selected first.
    pub default: usize,
    /// The line of key hints under the list.
    pub hints: &'a str,
    /// What an empty filtered list says.
    pub no_match: &'a str,
}

/// The indices of the items whose label or other words (`keys`) hold every word of
/// `filter` (ignoring case), in their order; every item for an empty filter.
pub fn matches(items: &[String], keys: &[String], filter: &str) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    items
        .iter()
        .enumerate()
        .filter(|(i, item)| {
            let text = format!("{item} {}", keys.get(*i).map_or("", String::as_str)).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

impl Menu<'_> {
    /// The question, wrapped to `width` columns rather than cut (a long question is read
    /// whole before choosing), then, in a picker, the filter typed so far.
    fn head(&self, filter: &str, width: usize) -> Vec<String> {
        let opts = textwrap::Options::new(width.saturating_sub(2).max(10))
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        let wrapped = textwrap::wrap(self.prompt, opts);
        let last = wrapped.len().saturating_sub(1);
        wrapped
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let mark = if i == 0 {
                    style("?").yellow().to_string()
                } else {
                    " ".to_string()
                };
                let mut line = format!("{mark} {}", style(part).bold());
                if i == last && self.keys.is_some() {
                    line.push_str(&format!(" {} {filter}", style("›").dim()));
                }
                line
            })
            .collect()
    }

    /// Runs the prompt on `term`: the chosen item's index, or `None` for Esc. The list is
    /// replaced by one line, `✔ prompt · item`, once chosen.
    pub fn interact(&self, term: &Term) -> io::Result<Option<usize>> {
        let mut filter = String::new();
        let mut shown: Vec<usize> = (0..self.items.len()).collect();
        let mut sel = self.default.min(shown.len().saturating_sub(1));
        let mut top = 0;
        let mut drawn = 0;
        term.hide_cursor()?;
        let chosen = loop {
            let (rows, cols) = term.size();
            let cols = usize::from(cols).max(20);
            let mut lines = self.head(&filter, cols - 1);
            // The hints take a line; keep one free for the cursor.
            let visible = usize::from(rows)
                .saturating_sub(lines.len() + 2)
                .clamp(3, 15);
            if sel < top {
                top = sel;
            } else if sel >= top + visible {
                top = sel + 1 - visible;
            }
            term.clear_last_lines(drawn)?;
            if shown.is_empty() {
                lines.push(format!("  {}", style(self.no_match).yellow()));
            }
            for (pos, &i) in shown.iter().enumerate().skip(top).take(visible) {
                let item = &self.items[i];
                lines.push(if pos == sel {
                    format!("{} {}", style("❯").green(), style(item).cyan())
                } else {
                    format!("  {item}")
                });
            }
            lines.push(style(self.hints).dim().to_string());
            for line in &lines {
                term.write_line(&console::truncate_str(line, cols - 1, "…"))?;
            }
            drawn = lines.len();
            term.flush()?;
            match term.read_key()? {
                Key::Escape => break None,
                Key::Enter if !shown.is_empty() => break Some(shown[sel]),
                Key::ArrowUp | Key::BackTab if !shown.is_empty() => {
                    sel = (sel + shown.len() - 1) % shown.len();
                }
                Key::ArrowDown | Key::Tab if !shown.is_empty() => {
                    sel = (sel + 1) % shown.len();
                }
                Key::Home => sel = 0,
                Key::End => sel = shown.len().saturating_sub(1),
                Key::Backspace if self.keys.is_some() && !filter.is_empty() => {
                    filter.pop();
                    shown = matches(self.items, self.keys.unwrap_or_default(), &filter);
                    (sel, top) = (0, 0);
                }
                Key::Char(c) if self.keys.is_some() && !crate::visible::is_hidden(c) => {
                    filter.push(c);
                    shown = matches(self.items, self.keys.unwrap_or_default(), &filter);
                    (sel, top) = (0, 0);
                }
                _ => {}
            }
        };
        term.clear_last_lines(drawn)?;
        if let Some(i) = chosen {
            term.write_line(&format!(
                "{} {} {} {}",
                style("✔").green(),
                style(self.prompt).bold(),
                style("·").dim(),
                style(&self.items[i]).green()
            ))?;
        }
        term.show_cursor()?;
        Ok(chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_typed_must_be_in_the_label_or_the_other_words_ignoring_case() {
        let items: Vec<String> = [
            "Airalo [airalo]",
            "Free Mobile [free-mobile]",
            "Orange [orange]",
        ]
        .map(String::from)
        .to_vec();
        let keys: Vec<String> = ["travel, 流量卡, 远游卡", "", "橙子"]
            .map(String::from)
            .to_vec();
        assert_eq!(matches(&items, &keys, ""), vec![0, 1, 2]);
        assert_eq!(matches(&items, &keys, "AIRALO"), vec![0]);
        assert_eq!(matches(&items, &keys, "流量"), vec![0]);
        assert_eq!(matches(&items, &keys, "free mob"), vec![1]);
        assert_eq!(matches(&items, &keys, "o"), vec![0, 1, 2]);
        assert_eq!(matches(&items, &keys, "nothing"), Vec::<usize>::new());
        // Fewer keys than items: the labels still match.
        assert_eq!(matches(&items, &[], "orange"), vec![2]);
    }

    #[test]
    fn a_long_question_is_wrapped_whole_not_cut() {
        let prompt = "寄给法国运营商的信件需要拉丁字母的姓名，与合同上的写法完全一致（通常与护照相同）。仍要保留这个汉字姓名吗？";
        let items = vec!["是".to_string(), "否".to_string()];
        let menu = Menu {
            prompt,
            items: &items,
            keys: None,
            default: 0,
            hints: "",
            no_match: "",
        };
        let lines: Vec<String> = menu
            .head("", 40)
            .iter()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect();
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            assert!(console::measure_text_width(line) <= 40, "{line:?}");
        }
        let text: String = lines.iter().map(|l| &l[2..]).collect();
        assert_eq!(text, prompt);
        assert!(lines[0].starts_with("? "));
        // A picker shows what was typed after the question's last line.
        let keys = vec![String::new(); 2];
        let picker = Menu {
            keys: Some(&keys),
            ..menu
        };
        let head = picker.head("abc", 40);
        assert!(console::strip_ansi_codes(head.last().unwrap()).ends_with("› abc"));
    }
}
