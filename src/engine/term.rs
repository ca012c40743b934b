//! The terminal front end: dialoguer draws menus (with type-to-filter for long lists),
//! inputs and confirmations. Ctrl-C inside a raw-mode prompt comes back as an `Interrupted`
//! I/O error; the cursor dialoguer hid is shown again before the engine stops. Prompts,
//! items, defaults and messages may hold text from a checklist, a session file or the
//! person: control characters are made visible ([`visible`]) before dialoguer draws them.
//!
//! dialoguer's confirmation reads the keys `y` and `n` and says `(y/n)`: that is English,
//! so in any other language a yes/no question is a menu of the language's two words.

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Input, Select};

use super::prompter::{Prompter, Reply, Stop};
use crate::i18n::{Lang, Strings};
use crate::visible;

/// Menu items, each on one line with its control characters made visible.
fn visible_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| visible::line(i).into_owned())
        .collect()
}

/// Prompts drawn with dialoguer on the terminal.
pub struct DialoguerPrompter {
    term: Term,
    theme: ColorfulTheme,
    strings: &'static Strings,
}

impl DialoguerPrompter {
    /// A prompter on standard output, in the language of `strings`.
    pub fn new(strings: &'static Strings) -> Self {
        DialoguerPrompter {
            term: Term::stdout(),
            theme: ColorfulTheme::default(),
            strings,
        }
    }

    /// Turns a dialoguer error into a [`Stop`], showing the cursor again first.
    fn stop(&self, e: dialoguer::Error) -> Stop {
        let dialoguer::Error::IO(io) = e;
        // Best effort: if the terminal is gone, there is no cursor to restore.
        let _ = self.term.show_cursor();
        Stop::from(io)
    }
}

impl Prompter for DialoguerPrompter {
    fn show(&mut self, text: &str) -> Reply<()> {
        self.term.write_line(&visible::text(text))?;
        Ok(())
    }

    fn warn(&mut self, text: &str) -> Reply<()> {
        // Escaped before it is styled: the style's own escape codes must stay.
        let styled = console::style(format!("! {}", visible::text(text))).yellow();
        self.term.write_line(&styled.to_string())?;
        Ok(())
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Reply<usize> {
        Select::with_theme(&self.theme)
            .with_prompt(visible::text(prompt))
            .items(visible_items(items))
            .default(default)
            .interact_on(&self.term)
            .map_err(|e| self.stop(e))
    }

    fn pick(
        &mut self,
        prompt: &str,
        items: &[String],
        keys: &[String],
        default: usize,
    ) -> Reply<usize> {
        // dialoguer filters on what it shows: the other words go after the item.
        let shown: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| match keys.get(i).filter(|k| !k.is_empty()) {
                Some(k) => format!("{item}  · {k}"),
                None => item.clone(),
            })
            .collect();
        FuzzySelect::with_theme(&self.theme)
            .with_prompt(visible::text(prompt))
            .items(visible_items(&shown))
            .default(default)
            .interact_on(&self.term)
            .map_err(|e| self.stop(e))
    }

    fn input(&mut self, prompt: &str, default: Option<&str>) -> Reply<String> {
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(visible::text(prompt))
            .allow_empty(true);
        if let Some(d) = default.filter(|d| !d.is_empty()) {
            input = input.default(visible::line(d).into_owned());
        }
        input.interact_text_on(&self.term).map_err(|e| self.stop(e))
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Reply<bool> {
        if self.strings.lang == Lang::En {
            return Confirm::with_theme(&self.theme)
                .with_prompt(visible::text(prompt))
                .default(default)
                .interact_on(&self.term)
                .map_err(|e| self.stop(e));
        }
        let c = &self.strings.common;
        let items = [c.yes.to_string(), c.no.to_string()];
        let chosen = self.select(prompt, &items, if default { 0 } else { 1 })?;
        Ok(chosen == 0)
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }
}
