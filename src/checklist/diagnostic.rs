//! Problems found in a checklist file, each with its place (`path:line:col`).
//!
//! This module holds the data only: the command layer says each problem in the person's
//! language (`src/commands/messages.rs`, with the wording in `src/i18n`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

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
    /// `schema` is neither 1 nor 2.
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
    /// A control character or a bidirectional override in a string (newlines and tabs are
    /// allowed in multi-line texts only).
    ControlCharacter {
        /// The key.
        key: String,
        /// The character.
        code: char,
    },
    /// A key of format 2 in a schema-1 file.
    NeedsSchema2 {
        /// The key.
        key: String,
    },
    /// `sources` written in the other schema's form: strings in schema 2, tables in schema 1.
    SourcesForm {
        /// The file's schema.
        schema: u32,
    },
    /// A `cite` names a source that is not in `[[sources]]`.
    UnknownSource {
        /// The name used.
        id: String,
    },
    /// A source that nothing cites (warning).
    UnusedSource {
        /// Its id.
        id: String,
    },
    /// A `quote` longer than [`crate::checklist::MAX_QUOTE_CHARS`].
    QuoteTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A text that states a number, amount, delay, date, phone number or address, in a
    /// table without `cite` (an error in a bundled checklist, else a warning).
    UncitedFact {
        /// Where `cite` belongs.
        owner: CiteOwner,
        /// The text's key (`body`, `help`, ...).
        key: &'static str,
        /// The word holding the first digit or currency sign (boxed: it keeps every
        /// [`Diagnostic`] small).
        found: Box<str>,
    },
    /// A contact detail in a `[contacts]` without `cite` (an error in a bundled checklist,
    /// else a warning).
    UncitedContact {
        /// The key (`phone`, `email`, ...).
        key: String,
    },
    /// `verified` is older than [`crate::checklist::STALE_AFTER_DAYS`] (`validate --strict`).
    Stale {
        /// Its age in days.
        days: i64,
        /// The date.
        verified: NaiveDate,
    },
    /// A letter template names a placeholder that does not exist.
    UnknownPlaceholder {
        /// The name between the braces.
        name: String,
    },
    /// A letter template opens `{{` without closing it on the same line.
    UnclosedPlaceholder,
    /// A letter template's `{{if name}}` tests something that does not exist.
    UnknownCondition {
        /// The name after `if`.
        name: String,
    },
    /// A letter template's `{{if}}` without its `{{end}}` (or the reverse), one inside
    /// another, or either one sharing its line with other text.
    UnpairedSection,
}

/// The table a `cite` belongs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CiteOwner {
    /// The top level (for `summary` and `description`).
    TopLevel,
    /// `[contacts]`.
    Contacts,
    /// The question with this id.
    Question(String),
    /// The step with this id.
    Step(String),
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
    /// Classifies why [`crate::fsutil::open_regular`] did not open `path`.
    pub fn of_open(path: &Path, e: crate::fsutil::OpenError) -> ReadError {
        match e {
            crate::fsutil::OpenError::NotRegular if path.is_dir() => ReadError::IsFolder,
            crate::fsutil::OpenError::NotRegular => ReadError::NotRegular,
            crate::fsutil::OpenError::Io(e) => ReadError::of(&e),
        }
    }

    /// Classifies an I/O error.
    pub fn of(e: &std::io::Error) -> ReadError {
        use std::io::ErrorKind;
        // ELOOP has no stable ErrorKind yet (`FilesystemLoop` is unstable): its number
        // differs between systems (40 on Linux, 62 on macOS, where 40 is something else),
        // so it is compared with the platform's own constant; Windows has no such error.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::SymlinkLoop;
        }
        match e.kind() {
            ErrorKind::NotFound => ReadError::NotFound,
            ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            ErrorKind::NotADirectory => ReadError::NotAFolder,
            ErrorKind::IsADirectory => ReadError::IsFolder,
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

#[cfg(test)]
mod tests {
    use std::io;

    use super::ReadError;

    #[test]
    fn read_errors_are_classified_by_their_kind() {
        for (kind, expected) in [
            (io::ErrorKind::NotFound, ReadError::NotFound),
            (io::ErrorKind::PermissionDenied, ReadError::PermissionDenied),
            (io::ErrorKind::NotADirectory, ReadError::NotAFolder),
            (io::ErrorKind::IsADirectory, ReadError::IsFolder),
        ] {
            assert_eq!(ReadError::of(&io::Error::from(kind)), expected, "{kind:?}");
        }
    }

    // Symbolic links and errno numbers: Unix.
    #[cfg(unix)]
    #[test]
    fn read_errors_are_classified_by_kind_and_eloop_by_its_own_number() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("file.toml");
        std::fs::write(&file, "x").expect("write");
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        std::os::unix::fs::symlink(&b, &a).expect("link");
        std::os::unix::fs::symlink(&a, &b).expect("link");
        let of = |r: io::Result<Vec<u8>>| ReadError::of(&r.expect_err("an error"));
        assert_eq!(of(std::fs::read(&a)), ReadError::SymlinkLoop);
        assert_eq!(of(std::fs::read(file.join("x"))), ReadError::NotAFolder);
        assert_eq!(of(std::fs::read(dir.path())), ReadError::IsFolder);
        assert_eq!(
            of(std::fs::read(dir.path().join("no"))),
            ReadError::NotFound
        );
        // Another error that happens to have ELOOP's number on some other system (62 is
        // ETIME on Linux) is not a symlink loop.
        let other = if libc::ELOOP == 62 { 40 } else { 62 };
        assert!(matches!(
            ReadError::of(&io::Error::from_raw_os_error(other)),
            ReadError::Other(_)
        ));
    }
}
