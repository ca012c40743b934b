//! The only way the engine talks to the person: a few prompts that either give an answer
//! or say why none came (end of input, interrupt), so the engine can stop cleanly with the
//! state already saved.

use std::fmt;

/// Why a prompt gave no answer.
#[derive(Debug)]
pub enum Stop {
    /// Standard input ended (a closed pipe, Ctrl-D).
    EndOfInput,
    /// The person pressed Ctrl-C.
    Interrupted,
    /// Reading or writing the terminal failed.
    Io(std::io::Error),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::EndOfInput => f.write_str("end of input"),
            Stop::Interrupted => f.write_str("interrupted"),
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

/// A front end: draws prompts and reads answers. Validation of values belongs to the
/// engine, which asks again with an explanation.
pub trait Prompter {
    /// Shows a block of text (a step screen, a message).
    fn show(&mut self, text: &str) -> Reply<()>;

    /// Shows a short warning or error about the last answer.
    fn warn(&mut self, text: &str) -> Reply<()>;

    /// One of `items`; `default` is preselected.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Reply<usize>;

    /// One of many `items`, found by what is typed: the item's text, or the other words in
    /// `keys` (one string per item, possibly empty: aliases, names in other languages),
    /// without regard to case.
    fn pick(
        &mut self,
        prompt: &str,
        items: &[String],
        keys: &[String],
        default: usize,
    ) -> Reply<usize>;

    /// A line of text; `default` is returned for an empty answer when given.
    fn input(&mut self, prompt: &str, default: Option<&str>) -> Reply<String>;

    /// Yes or no.
    fn confirm(&mut self, prompt: &str, default: bool) -> Reply<bool>;

    /// Width to wrap text at.
    fn width(&self) -> usize;
}
