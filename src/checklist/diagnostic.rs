//! Problems found in a checklist file, each with its place (`path:line:col`).
//!
//! This module holds the data only: the command layer says each problem in the person's
//! language (`src/commands/messages.rs`, with the wording in `src/i18n`).

use std::path::{Path, PathBuf};

use super::duration::DurationError;
use super::model::Phase;

/// Whether a problem stops the checklist from loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The checklist can still be used.
    Warning,
    /// The checklist cannot be used.
    Error,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong. Each variant's message is in `src/i18n` (both languages).
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The TOML itself does not parse (the parser's own message).
    Syntax(String),
    /// The file is empty.
    Empty,
    /// The file is not UTF-8.
    NotUtf8,
    /// The file is larger than [`crate::checklist::MAX_FILE_SIZE`].
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// The file cannot be read.
    Unreadable(ReadError),
    /// A key this format does not have.
    UnknownKey {
        /// The key.
        key: String,
        /// Where it is (`top level`, `steps[2]`, ...).
        table: String,
        /// The keys allowed there.
        expected: &'static [&'static str],
    },
    /// A required key is missing.
    MissingKey {
        /// The key.
        key: &'static str,
        /// Where it should be.
        table: String,
    },
    /// A value of the wrong TOML type.
    WrongType {
        /// The key.
        key: String,
        /// What it should be (`a string`, `an array of strings`, ...).
        expected: &'static str,
    },
    /// A value outside a fixed set (phase, kind, difficulty, flag, question kind).
    UnknownValue {
        /// The key.
        key: String,
        /// The value found.
        value: String,
        /// The values allowed.
        allowed: &'static [&'static str],
    },
    /// `schema` is not 1.
    UnsupportedSchema {
        /// The number found.
        found: i64,
    },
    /// An id with characters outside the allowed set.
    BadId {
        /// The id.
        id: String,
        /// The allowed pattern, e.g. `[a-z0-9-]+`.
        pattern: &'static str,
    },
    /// The checklist id differs from the file name.
    IdNotFileName {
        /// The id.
        id: String,
        /// The file name without `.toml`.
        stem: String,
    },
    /// The same id twice.
    Duplicate {
        /// What kind of id (`step`, `question`, `input`, `choice`, `link`).
        what: &'static str,
        /// The id.
        id: String,
        /// The line of the first one.
        first_line: usize,
    },
    /// `when` names a question that does not exist.
    UnknownQuestion {
        /// The name used.
        question: String,
    },
    /// `when` expects an answer the question cannot give.
    ImpossibleAnswer {
        /// The question.
        question: String,
        /// The value written.
        value: String,
        /// The answers the question can give.
        allowed: Vec<String>,
    },
    /// A step's `when` uses a question asked only at a later step.
    AskedTooLate {
        /// The question.
        question: String,
        /// The step where it is asked.
        at: String,
    },
    /// A question's `at` names a step that does not exist.
    UnknownStep {
        /// The name used.
        step: String,
    },
    /// A step's `links` names a link not in `[links]`.
    UnknownLink {
        /// The name used.
        link: String,
    },
    /// A URL that is not https.
    NotHttps {
        /// The URL.
        url: String,
    },
    /// A `wait` that does not parse.
    BadDuration {
        /// What the parser said.
        reason: DurationError,
    },
    /// A `pattern` that is not a valid regular expression.
    BadPattern {
        /// What the regex parser said (first line).
        reason: String,
    },
    /// A text with neither English nor Chinese.
    NoEnglishOrChinese {
        /// The key.
        key: String,
    },
    /// A language tag that is not one.
    BadLanguageTag {
        /// The tag.
        tag: String,
    },
    /// An empty text or string where content is needed.
    EmptyValue {
        /// The key.
        key: String,
    },
    /// A bad country code.
    BadCountry {
        /// The value.
        value: String,
    },
    /// A choice question without choices, or a yes-no question with them.
    BadChoices {
        /// The question.
        question: String,
    },
    /// An input that asks for a secret (password, PIN, card code).
    SecretInput {
        /// The input id.
        input: String,
    },
    /// One of the five core phases has no step (warning).
    MissingPhase {
        /// The phase.
        phase: Phase,
    },
    /// A `wait` on a step outside the `wait` phase.
    WaitOutsideWaitPhase,
    /// A letter template names a placeholder that does not exist.
    UnknownPlaceholder {
        /// The name between the braces.
        name: String,
    },
    /// A letter template opens `{{` without closing it on the same line.
    UnclosedPlaceholder,
}

/// Why a file or folder could not be read, in words a person can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// It does not exist.
    NotFound,
    /// Permissions forbid it.
    PermissionDenied,
    /// A symlink loop.
    SymlinkLoop,
    /// A folder where a file was expected.
    IsFolder,
    /// A file where a folder was expected.
    NotAFolder,
    /// Not a regular file (a pipe, a socket, a device).
    NotRegular,
    /// Anything else: the system's message.
    Other(String),
}

impl ReadError {
    /// Classifies an I/O error.
    pub fn of(e: &std::io::Error) -> ReadError {
        // ELOOP has no stable ErrorKind: it is 40 on Linux and 62 on macOS (numbers that mean
        // other things on Windows).
        if cfg!(unix) && matches!(e.raw_os_error(), Some(40 | 62)) {
            return ReadError::SymlinkLoop;
        }
        match e.kind() {
            std::io::ErrorKind::NotADirectory => ReadError::NotAFolder,
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            _ => ReadError::Other(e.to_string()),
        }
    }
}

impl Diagnostic {
    /// A problem at `line:col` of `path` (1-based; the column counts characters).
    pub fn at(
        severity: Severity,
        path: &Path,
        (line, col): (usize, usize),
        problem: Problem,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            line,
            col,
            problem,
        }
    }

    /// A problem about a whole file (reported at 1:1).
    pub fn file(path: &Path, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            problem,
        }
    }

    /// Whether it stops loading.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
