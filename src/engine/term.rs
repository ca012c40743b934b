//! The terminal front end: menus and pickers are simcancel's own list prompt ([`Menu`]:
//! key hints, Esc, "no match"); dialoguer draws inputs (checked before they are accepted)
//! and confirmations. Ctrl-C inside a raw-mode prompt comes back as an `Interrupted` I/O
//! error; the cursor a prompt hid is shown again before the engine stops. Prompts, items,
//! defaults and messages may hold text from a checklist, a session file or the person:
//! control characters are made visible ([`visible`]) before anything draws them. The
//! terminal stays in raw mode for the whole of each prompt ([`RawMode`]), so no key typed
//! while it redraws is lost.
//!
//! dialoguer's confirmation reads the keys `y` and `n` and says `(y/n)`: that is English,
//! so in any other language a yes/no question is a menu of the language's two words.

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input};

use super::menu::Menu;
use super::prompter::{Ask, Escape, Prompter, Reply, Stop};
use super::raw::RawMode;
use super::screens;
use crate::i18n::{Lang, Strings};
use crate::visible;

/// Menu items, each on one line with its control characters made visible.
fn visible_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| visible::line(i).into_owned())
        .collect()
}

/// Prompts drawn on the terminal.
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

    /// Turns an I/O error into a [`Stop`], showing the cursor again first.
    fn stop(&self, io: std::io::Error) -> Stop {
        // Best effort: if the terminal is gone, there is no cursor to restore.
        let _ = self.term.show_cursor();
        Stop::from(io)
    }

    fn menu(&self, menu: &Menu) -> Reply<usize> {
        let _raw = RawMode::enter();
        match menu.interact(&self.term) {
            Ok(Some(i)) => Ok(i),
            Ok(None) => Err(Stop::Escape),
            Err(e) => Err(self.stop(e)),
        }
    }
}

impl Prompter for DialoguerPrompter {
    fn show(&mut self, text: &str) -> Reply<()> {
        let width = self.width();
        self.term
            .write_line(&screens::fit(&visible::text(text), width))?;
        Ok(())
    }

    fn warn(&mut self, text: &str) -> Reply<()> {
        // Escaped before it is styled: the style's own escape codes must stay.
        let width = self.width();
        let shown = screens::fit(&format!("! {}", visible::text(text)), width);
        let styled = console::style(shown).yellow();
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
            prompt: &visible::text(prompt),
            items: &visible_items(items),
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
            prompt: &visible::text(prompt),
            items: &visible_items(items),
            keys: Some(keys),
            default,
            hints: g.keys_pick,
            no_match: g.no_match,
        })
    }

    fn input(&mut self, ask: &Ask) -> Reply<String> {
        let shown = match ask.hint {
            Some(hint) => format!("{} {hint}", visible::text(ask.prompt)),
            None => visible::text(ask.prompt).into_owned(),
        };
        let check = ask.check;
        // dialoguer clears as many lines as the message has line breaks: a message the
        // terminal wraps itself would leave its first line behind once the value is right.
        // It is wrapped here, after the two columns of its `✘ `.
        let width = self.width().saturating_sub(2);
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(shown)
            .with_post_completion_text(visible::text(ask.prompt))
            .allow_empty(true)
            .validate_with(move |v: &String| check(v).map_err(|e| screens::fit(&e, width)));
        if let Some(d) = ask.default.filter(|d| !d.is_empty()) {
            input = input.default(visible::line(d).into_owned());
        }
        let _raw = RawMode::enter();
        input.interact_text_on(&self.term).map_err(|e| {
            let dialoguer::Error::IO(io) = e;
            self.stop(io)
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Reply<bool> {
        if self.strings.lang == Lang::En {
            let _raw = RawMode::enter();
            return Confirm::with_theme(&self.theme)
                .with_prompt(visible::text(prompt))
                .default(default)
                .interact_on_opt(&self.term)
                .map(|answer| answer.unwrap_or(false))
                .map_err(|e| {
                    let dialoguer::Error::IO(io) = e;
                    self.stop(io)
                });
        }
        // Esc is no, as in dialoguer's confirmation.
        let c = &self.strings.common;
        let items = [c.yes.to_string(), c.no.to_string()];
        match self.select(prompt, &items, usize::from(!default), Escape::Cancel) {
            Ok(chosen) => Ok(chosen == 0),
            Err(Stop::Escape) => Ok(false),
            Err(stop) => Err(stop),
        }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }
}
