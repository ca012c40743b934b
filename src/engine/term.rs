//! The terminal front end: menus and pickers are simcancel's own list prompt ([`Menu`]:
//! key hints, Esc, "no match"); dialoguer draws inputs (checked before they are accepted)
//! and confirmations. Ctrl-C inside a raw-mode prompt comes back as an `Interrupted` I/O
//! error; the cursor a prompt hid is shown again before the engine stops.

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input};

use super::menu::Menu;
use super::prompter::{Ask, Escape, Prompter, Reply, Stop};
use crate::i18n::Strings;

/// Prompts drawn on the terminal.
pub struct DialoguerPrompter {
    term: Term,
    theme: ColorfulTheme,
    strings: &'static Strings,
}

impl DialoguerPrompter {
    /// A prompter on standard output, speaking with `strings`.
    pub fn new(strings: &'static Strings) -> Self {
        DialoguerPrompter {
            term: Term::stdout(),
            theme: ColorfulTheme::default(),
            strings,
        }
    }

    /// Turns an I/O error into a [`Stop`], showing the cursor again first.
    fn stop(&self, io: std::io::Error) -> Stop {
        // Best effort: if the terminal is gone, there is no cursor to restore.
        let _ = self.term.show_cursor();
        Stop::from(io)
    }

    fn menu(&self, menu: &Menu) -> Reply<usize> {
        match menu.interact(&self.term) {
            Ok(Some(i)) => Ok(i),
            Ok(None) => Err(Stop::Escape),
            Err(e) => Err(self.stop(e)),
        }
    }
}

impl Prompter for DialoguerPrompter {
    fn show(&mut self, text: &str) -> Reply<()> {
        self.term.write_line(text)?;
        Ok(())
    }

    fn warn(&mut self, text: &str) -> Reply<()> {
        let styled = console::style(format!("! {text}")).yellow();
        self.term.write_line(&styled.to_string())?;
        Ok(())
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        esc: Escape,
    ) -> Reply<usize> {
        let g = &self.strings.guide;
        self.menu(&Menu {
            prompt,
            items,
            keys: None,
            default,
            hints: match esc {
                Escape::Pause => g.keys_menu_pause,
                Escape::Cancel => g.keys_menu_cancel,
            },
            no_match: g.no_match,
        })
    }

    fn pick(
        &mut self,
        prompt: &str,
        items: &[String],
        keys: &[String],
        default: usize,
    ) -> Reply<usize> {
        let g = &self.strings.guide;
        self.menu(&Menu {
            prompt,
            items,
            keys: Some(keys),
            default,
            hints: g.keys_pick,
            no_match: g.no_match,
        })
    }

    fn input(&mut self, ask: &Ask) -> Reply<String> {
        let shown = match ask.hint {
            Some(hint) => format!("{} {hint}", ask.prompt),
            None => ask.prompt.to_string(),
        };
        let check = ask.check;
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(shown)
            .with_post_completion_text(ask.prompt)
            .allow_empty(true)
            .validate_with(move |v: &String| check(v));
        if let Some(d) = ask.default.filter(|d| !d.is_empty()) {
            input = input.default(d.to_string());
        }
        input.interact_text_on(&self.term).map_err(|e| {
            let dialoguer::Error::IO(io) = e;
            self.stop(io)
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Reply<bool> {
        Confirm::with_theme(&self.theme)
            .with_prompt(prompt)
            .default(default)
            .interact_on_opt(&self.term)
            .map(|answer| answer.unwrap_or(false))
            .map_err(|e| {
                let dialoguer::Error::IO(io) = e;
                self.stop(io)
            })
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }
}
