//! The only way the engine talks to the person: a few prompts that either give an answer
//! or say why none came (end of input, interrupt, Esc), so the engine can stop cleanly with
//! the state already saved.

use std::fmt;

/// Why a prompt gave no answer.
#[derive(Debug)]
pub enum Stop {
    /// Standard input ended (a closed pipe, Ctrl-D).
    EndOfInput,
    /// The person pressed Ctrl-C.
    Interrupted,
    /// The person pressed Esc at a menu: what that means is the menu's [`Escape`].
    Escape,
    /// Reading or writing the terminal failed.
    Io(std::io::Error),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::EndOfInput => f.write_str("end of input"),
            Stop::Interrupted => f.write_str("interrupted"),
            Stop::Escape => f.write_str("left with Esc"),
            Stop::Io(e) => write!(f, "cannot talk to the terminal: {e}"),
        }
    }
}

impl std::error::Error for Stop {}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Stop {
        match e.kind() {
            std::io::ErrorKind::Interrupted => Stop::Interrupted,
            std::io::ErrorKind::UnexpectedEof => Stop::EndOfInput,
            _ => Stop::Io(e),
        }
    }
}

/// What a prompt returns.
pub type Reply<T> = Result<T, Stop>;

/// What Esc does at a menu, as its key hints say; the menu answers [`Stop::Escape`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// Leave without choosing anything (a picker before anything has started).
    Cancel,
    /// Save and leave the walk where it is, as the pause action does.
    Pause,
}

/// A line of text to ask for.
pub struct Ask<'a> {
    /// What to type (the label).
    pub prompt: &'a str,
    /// Shown after the prompt while asking, not in the answer's echo (how to clear a
    /// value, for instance).
    pub hint: Option<&'a str>,
    /// Returned for an empty answer, when given.
    pub default: Option<&'a str>,
    /// Checks the answer as typed before the prompt accepts it: an error is shown and the
    /// question asked again, so no answer looks accepted and is then refused.
    pub check: &'a dyn Fn(&str) -> Result<(), String>,
}

/// A front end: draws prompts and reads answers.
pub trait Prompter {
    /// Shows a block of text (a step screen, a message).
    fn show(&mut self, text: &str) -> Reply<()>;

    /// Shows a short warning or error about the last answer.
    fn warn(&mut self, text: &str) -> Reply<()>;

    /// One of `items`; `default` is preselected; `esc` says what Esc does.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        esc: Escape,
    ) -> Reply<usize>;

    /// One of many `items`, found by what is typed: the item's text, or the other words in
    /// `keys` (one string per item, possibly empty: aliases, names in other languages),
    /// without regard to case, where the front end can filter; Esc cancels.
    fn pick(
        &mut self,
        prompt: &str,
        items: &[String],
        keys: &[String],
        default: usize,
    ) -> Reply<usize>;

    /// A line of text, as typed (not trimmed), once `ask.check` accepts it.
    fn input(&mut self, ask: &Ask) -> Reply<String>;

    /// Yes or no; Esc is no.
    fn confirm(&mut self, prompt: &str, default: bool) -> Reply<bool>;

    /// Width to wrap text at.
    fn width(&self) -> usize;
}
