//! The domain's typed errors and problems, said in the person's language.
//!
//! The domain never chooses a language: it returns typed values ([`checklist::Error`],
//! [`Problem`], ...). Here each type gets one exhaustive `match` that picks its template in
//! [`crate::i18n`] and fills it, so adding a variant without its message does not compile.
//! Commands use [`Localize`] (or [`Localized`] on a `Result`) to turn an error into the
//! `anyhow::Error` that `main` prints.

use std::path::Path;

use anyhow::anyhow;

use crate::checklist::{
    self, CiteOwner, Diagnostic, ID_PATTERN, MAX_FILE_SIZE, MAX_QUOTE_CHARS, Origin, Problem,
    ReadError, STALE_AFTER_DAYS, Severity,
};
use crate::engine;
use crate::export;
use crate::fsutil;
use crate::i18n::{Strings, fill};
use crate::letter;
use crate::session::{self, FORMAT_VERSION, FileProblem, Mismatch};
use crate::visible::{excerpt, line};

/// A domain error that can be said in the person's language.
pub trait Localize {
    /// The error, worded with `s`, ready to be returned by a command.
    fn localize(self, s: &Strings) -> anyhow::Error;
}

/// [`Localize`] on the error of a `Result`.
pub trait Localized<T> {
    /// The value, or the error worded with `s`.
    fn localized(self, s: &Strings) -> anyhow::Result<T>;
}

impl<T, E: Localize> Localized<T> for Result<T, E> {
    fn localized(self, s: &Strings) -> anyhow::Result<T> {
        self.map_err(|e| e.localize(s))
    }
}

impl Localize for checklist::Error {
    fn localize(self, s: &Strings) -> anyhow::Error {
        let c = &s.catalog;
        anyhow!(match &self {
            checklist::Error::UnreadableFolder { path, reason } => fill(
                c.unreadable_dir,
                &[
                    ("path", &path.display()),
                    ("reason", &read_error(reason, s)),
                ],
            ),
            checklist::Error::NotAnId { id } => fill(c.not_an_id, &[("id", &excerpt(id))]),
            checklist::Error::Ambiguous { query, ids } => fill(
                c.ambiguous,
                &[("query", &excerpt(query)), ("ids", &ids.join(", "))],
            ),
            checklist::Error::Unknown { id, known } => fill(
                c.unknown_checklist,
                &[("id", &excerpt(id)), ("known", &known.join(", "))],
            ),
        })
    }
}

/// Nothing matches `typed`, but these ids come close: "did you mean …?".
pub fn did_you_mean(typed: &str, suggestions: &[&str], s: &Strings) -> anyhow::Error {
    let c = &s.catalog;
    anyhow!(fill(
        c.did_you_mean,
        &[("id", &excerpt(typed)), ("ids", &suggestions.join(c.or))],
    ))
}

impl Localize for engine::Error {
    fn localize(self, s: &Strings) -> anyhow::Error {
        match self {
            engine::Error::Mismatch {
                session,
                mismatch: m,
            } => {
                anyhow!("{session}: {}", mismatch(&m, s))
            }
            engine::Error::Save(e) => e.localize(s),
            // The system's own words, with their cause: not translated.
            engine::Error::Terminal(_) => anyhow::Error::new(self),
        }
    }
}

impl Localize for export::Error {
    fn localize(self, s: &Strings) -> anyhow::Error {
        match &self {
            export::Error::NothingToRemind { session } => {
                anyhow!(fill(s.export.cal_nothing, &[("id", session)]))
            }
            export::Error::Closed { session, status } => {
                let template = match status {
                    session::SessionStatus::Abandoned => s.export.cal_abandoned,
                    session::SessionStatus::Completed | session::SessionStatus::InProgress => {
                        s.export.cal_completed
                    }
                };
                anyhow!(fill(template, &[("id", session)]))
            }
            // A bug rather than something the person can fix: not translated.
            export::Error::Json(_) => anyhow::Error::new(self),
        }
    }
}

impl Localize for letter::Error {
    fn localize(self, s: &Strings) -> anyhow::Error {
        let l = &s.letter;
        anyhow!(match &self {
            letter::Error::BadTemplateName { session, name } => fill(
                l.bad_template_name,
                &[("id", session), ("name", name), ("pattern", &ID_PATTERN)],
            ),
            letter::Error::NoLetter {
                checklist,
                provider,
            } => fill(
                l.no_letter,
                &[
                    ("checklist", checklist),
                    ("provider", &provider_name(provider.as_deref(), s)),
                ],
            ),
            letter::Error::Porting { session, checklist } =>
                fill(l.porting, &[("id", session), ("checklist", checklist)],),
            letter::Error::NoEmail {
                session,
                provider,
                french,
                ..
            } => fill(
                if *french {
                    l.no_email_french
                } else {
                    l.no_email_abroad
                },
                &[
                    ("id", session),
                    ("provider", &provider_name(provider.as_deref(), s)),
                ],
            )
            .trim()
            .to_string(),
            letter::Error::NoTemplate {
                file,
                kind,
                searched,
            } => fill(
                l.no_template,
                &[
                    ("name", file),
                    ("kind", &kind.label(s)),
                    ("searched", &searched.join(", ")),
                ],
            ),
            letter::Error::UnreadableTemplate { path, reason } => fill(
                l.unreadable_template,
                &[
                    ("path", &path.display()),
                    ("reason", &read_error(reason, s)),
                ],
            ),
            letter::Error::BadTemplate { origin, problem: p } => fill(
                l.bad_template,
                &[
                    ("at", &format!("{origin}:{}:{}", p.line, p.col)),
                    ("problem", &problem(&p.problem, s)),
                ],
            ),
        })
    }
}

impl Localize for session::Error {
    fn localize(self, s: &Strings) -> anyhow::Error {
        let t = &s.sessions;
        anyhow!(match &self {
            session::Error::NotAnId { prefix } => fill(t.not_an_id, &[("prefix", prefix)]),
            session::Error::NoMatch { prefix, dir } =>
                fill(t.no_match, &[("prefix", prefix), ("dir", &dir.display())],),
            session::Error::Ambiguous { prefix, ids } =>
                fill(t.ambiguous, &[("prefix", prefix), ("ids", &ids.join(", "))],),
            session::Error::Locked { id, holder, lock } => {
                let who = match holder {
                    Some(pid) => fill(t.holder_pid, &[("pid", pid)]),
                    None => t.holder_unknown.to_string(),
                };
                fill(
                    t.locked,
                    &[("id", id), ("who", &who), ("lock", &lock.display())],
                )
            }
            session::Error::Unreadable { path, problem } => {
                format!("{}: {}", path.display(), file_problem(problem, s))
            }
            session::Error::LockNotRegular { id, lock } => {
                fill(t.lock_not_regular, &[("id", id), ("lock", &lock.display())])
            }
            session::Error::Write(fsutil::Error::Shared { dir, mode }) => fill(
                t.shared_data_dir,
                &[("dir", &dir.display()), ("mode", &format!("{mode:04o}"))],
            ),
            // The system's own words, with their cause: not translated.
            session::Error::Read { .. }
            | session::Error::Serialize(_)
            | session::Error::Lock { .. }
            | session::Error::Write(_) => return anyhow::Error::new(self),
        })
    }
}

/// A provider's name inside a sentence: in Chinese, set apart from the characters around it
/// by spaces, as Latin words are; "your operator" when the checklist names none.
fn provider_name(provider: Option<&str>, s: &Strings) -> String {
    match provider {
        Some(p) if s.lang == crate::i18n::Lang::ZhCn => format!(" {p} "),
        Some(p) => p.to_string(),
        None => s.letter.your_operator.to_string(),
    }
}

/// Why a session file cannot be read; the file was left untouched.
pub fn file_problem(p: &FileProblem, s: &Strings) -> String {
    let t = &s.sessions;
    match p {
        FileProblem::Io(message) => message.clone(),
        FileProblem::NotRegular => t.file_not_regular.to_string(),
        FileProblem::NotUtf8 { line } => fill(t.file_not_utf8, &[("line", line)]),
        FileProblem::IdMismatch { inner, file } => {
            fill(t.file_id_mismatch, &[("inner", inner), ("file", file)])
        }
        FileProblem::NotJson(error) => fill(t.file_not_json, &[("error", error)]),
        FileProblem::NoFormat => t.file_no_format.to_string(),
        FileProblem::Newer(version) => fill(
            t.file_newer,
            &[("version", version), ("supported", &FORMAT_VERSION)],
        ),
        FileProblem::Damaged(error) => fill(t.file_damaged, &[("error", error)]),
    }
}

/// Why a session does not agree with its own checklist copy.
pub fn mismatch(m: &Mismatch, s: &Strings) -> String {
    let t = &s.sessions;
    match m {
        Mismatch::Steps => t.mismatch_steps.to_string(),
        Mismatch::UnknownAnswer(question) => fill(t.mismatch_answer, &[("question", question)]),
    }
}

/// `path:line:col: error: message`.
pub fn diagnostic(d: &Diagnostic, s: &Strings) -> String {
    let severity = match d.severity {
        Severity::Error => s.catalog.error,
        Severity::Warning => s.catalog.warning,
    };
    format!(
        "{}:{}:{}: {severity}: {}",
        line(&d.path.display().to_string()),
        d.line,
        d.col,
        problem(&d.problem, s)
    )
}

/// What is wrong in a checklist file or letter template. Every value that comes from the
/// file is quoted as an [`excerpt`]: one line of at most 80 characters, control characters
/// made visible, however long or hostile the value.
pub fn problem(p: &Problem, s: &Strings) -> String {
    let t = &s.problems;
    let x = |v: &str| excerpt(v);
    match p {
        Problem::Syntax(message) => fill(t.syntax, &[("message", &line(message))]),
        Problem::Empty => t.empty.to_string(),
        Problem::NotUtf8 => t.not_utf8.to_string(),
        Problem::TooLarge { size } => fill(
            t.too_large,
            &[
                ("size", &format!("{:.1}", *size as f64 / 1_048_576.0)),
                ("max", &(MAX_FILE_SIZE / 1024)),
            ],
        ),
        Problem::Unreadable(reason) => fill(t.unreadable, &[("reason", &read_error(reason, s))]),
        Problem::UnknownKey {
            key,
            table,
            expected,
        } => fill(
            t.unknown_key,
            &[
                ("key", &x(key)),
                ("table", &x(table)),
                ("expected", &expected.join(", ")),
            ],
        ),
        Problem::MissingKey { key, table } => {
            fill(t.missing_key, &[("key", key), ("table", &x(table))])
        }
        Problem::WrongType { key, expected } => {
            fill(t.wrong_type, &[("key", &x(key)), ("expected", expected)])
        }
        Problem::UnknownValue {
            key,
            value,
            allowed,
        } => fill(
            t.unknown_value,
            &[
                ("key", &x(key)),
                ("value", &x(value)),
                ("allowed", &allowed.join(", ")),
            ],
        ),
        Problem::UnsupportedSchema { found } => fill(t.unsupported_schema, &[("found", found)]),
        Problem::BadId { id, pattern } => fill(t.bad_id, &[("id", &x(id)), ("pattern", pattern)]),
        Problem::IdNotFileName { id, stem } => {
            fill(t.id_not_file_name, &[("id", &x(id)), ("stem", &x(stem))])
        }
        Problem::Duplicate {
            what,
            id,
            first_line,
        } => fill(
            t.duplicate,
            &[("what", what), ("id", &x(id)), ("line", first_line)],
        ),
        Problem::UnknownQuestion { question } => {
            fill(t.unknown_question, &[("question", &x(question))])
        }
        Problem::ImpossibleAnswer {
            question,
            value,
            allowed,
        } => fill(
            t.impossible_answer,
            &[
                ("question", &x(question)),
                ("value", &x(value)),
                ("allowed", &x(&allowed.join(", "))),
            ],
        ),
        Problem::AskedTooLate { question, at } => fill(
            t.asked_too_late,
            &[("question", &x(question)), ("at", &x(at))],
        ),
        Problem::UnknownStep { step } => fill(t.unknown_step, &[("step", &x(step))]),
        Problem::UnknownLink { link } => fill(t.unknown_link, &[("link", &x(link))]),
        Problem::NotHttps { url } => fill(t.not_https, &[("url", &x(url))]),
        Problem::BadDuration { reason } => fill(t.bad_duration, &[("reason", reason)]),
        Problem::BadPattern { reason } => fill(t.bad_pattern, &[("reason", &x(reason))]),
        Problem::NoEnglishOrChinese { key } => fill(t.no_english_or_chinese, &[("key", &x(key))]),
        Problem::BadLanguageTag { tag } => fill(t.bad_language_tag, &[("tag", &x(tag))]),
        Problem::EmptyValue { key } => fill(t.empty_value, &[("key", &x(key))]),
        Problem::BadCountry { value } => fill(t.bad_country, &[("value", &x(value))]),
        Problem::BadChoices { question } => fill(t.bad_choices, &[("question", &x(question))]),
        Problem::SecretInput { input } => fill(t.secret_input, &[("input", &x(input))]),
        Problem::MissingPhase { phase } => fill(t.missing_phase, &[("phase", phase)]),
        Problem::WaitOutsideWaitPhase => t.wait_outside_wait_phase.to_string(),
        Problem::ControlCharacter { key, code } => fill(
            t.control_character,
            &[
                ("key", &x(key)),
                ("code", &format!("U+{:04X}", u32::from(*code))),
            ],
        ),
        Problem::NeedsSchema2 { key } => fill(t.needs_schema_2, &[("key", &x(key))]),
        Problem::SourcesForm { schema } => match schema {
            1 => t.sources_form_1,
            _ => t.sources_form_2,
        }
        .to_string(),
        Problem::UnknownSource { id } => fill(t.unknown_source, &[("id", &x(id))]),
        Problem::UnusedSource { id } => fill(t.unused_source, &[("id", &x(id))]),
        Problem::QuoteTooLong { chars } => fill(
            t.quote_too_long,
            &[("chars", chars), ("max", &MAX_QUOTE_CHARS)],
        ),
        Problem::UncitedFact { owner, key, found } => {
            let owner = match owner {
                CiteOwner::TopLevel => t.owner_top.to_string(),
                CiteOwner::Contacts => t.owner_contacts.to_string(),
                CiteOwner::Question(id) => fill(t.owner_question, &[("id", &x(id))]),
                CiteOwner::Step(id) => fill(t.owner_step, &[("id", &x(id))]),
            };
            fill(
                t.uncited_fact,
                &[("key", &x(key)), ("found", &x(found)), ("owner", &owner)],
            )
        }
        Problem::UncitedContact { key } => fill(t.uncited_contact, &[("key", &x(key))]),
        Problem::Stale { days, verified } => fill(
            t.stale,
            &[
                ("verified", verified),
                ("days", days),
                ("max", &STALE_AFTER_DAYS),
            ],
        ),
        Problem::UnknownPlaceholder { name } => fill(
            t.unknown_placeholder,
            &[
                ("placeholder", &format!("{{{{{}}}}}", x(name))),
                ("known", &crate::letter::placeholder_names()),
            ],
        ),
        // The template's own braces are not placeholders: it is used as it is.
        Problem::UnclosedPlaceholder => t.unclosed_placeholder.to_string(),
        Problem::UnknownCondition { name } => fill(
            t.unknown_condition,
            &[
                ("directive", &format!("{{{{if {name}}}}}")),
                ("known", &crate::letter::condition_names()),
            ],
        ),
        Problem::UnpairedSection => t.unpaired_section.to_string(),
    }
}

/// Why a file or folder could not be read.
pub fn read_error(e: &ReadError, s: &Strings) -> String {
    let t = &s.read_errors;
    match e {
        ReadError::NotFound => t.not_found,
        ReadError::PermissionDenied => t.permission_denied,
        ReadError::SymlinkLoop => t.symlink_loop,
        ReadError::IsFolder => t.is_folder,
        ReadError::NotAFolder => t.not_a_folder,
        ReadError::NotRegular => t.not_regular,
        ReadError::Other(message) => return message.clone(),
    }
    .to_string()
}

/// Where a checklist came from: "bundled" in the person's words, or its path.
pub fn origin(o: &Origin, s: &Strings) -> String {
    match o {
        Origin::Bundled => s.catalog.origin_bundled.to_string(),
        Origin::User(p) | Origin::Dir(p) => p.display().to_string(),
    }
}

/// "skipping PATH: N problem(s); run `simcancel validate PATH`".
pub fn skipped(path: &Path, count: usize, s: &Strings) -> String {
    fill(
        s.catalog.skipped_file,
        &[("path", &path.display()), ("count", &count)],
    )
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_v2;
