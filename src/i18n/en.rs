//! English interface strings.

use super::{Catalog, Common, Strings};
use crate::checklist::Problem;

/// The English strings.
pub(super) static STRINGS: Strings = Strings {
    common: Common {
        phases: [
            "prepare",
            "log in",
            "find the option",
            "confirm",
            "submit",
            "wait",
            "after",
        ],
        yes: "yes",
        no: "no",
    },
    catalog: Catalog {
        list_headers: [
            "ID",
            "NAME",
            "PROVIDER",
            "COUNTRY",
            "DIFFICULTY",
            "VERIFIED",
            "ORIGIN",
        ],
        error: "error",
        warning: "warning",
        problem,
        origin_bundled: "bundled",
        list_empty: "No checklist matches {filters}. Run `simcancel list` without filters to see them all.",
        validate_summary: "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
        validate_no_files: "{path}: no .toml checklist files in this folder",
        skipped_file: "skipping {path}: {count} problem(s); run `simcancel validate {path}` to see them",
        unknown_checklist: "no checklist `{id}`; known ones: {known}. Run `simcancel list` to see them all",
        not_an_id: "`{id}` is not a checklist id: ids use only a-z, 0-9 and -, with no `/` or `..` (see `simcancel list`)",
        unreadable_dir: "cannot read the checklist folder {path}: {reason}; check the --checklists path",
        unreadable_path: "cannot read {path}: {reason}",
        show_labels: [
            "Provider",
            "Country",
            "Kinds",
            "Difficulty",
            "Flags",
            "Verified",
            "Sources",
            "Links",
            "Contact",
            "Questions",
            "Steps",
            "Origin",
        ],
        verified_meaning: "the date this checklist was last checked against the sources below (stored copies of public pages), not a confirmation from the operator",
        asked_at: "asked at step {step}",
        only_when: "only when {cond}",
        expected_wait: "expected wait: {wait}",
        input_marks: ["personal", "required"],
        difficulties: ["easy", "medium", "hard", "limited", "impossible"],
    },
};

/// The message of a checklist problem, in English.
pub(super) fn problem(p: &Problem) -> String {
    match p {
        Problem::Syntax(m) => format!("TOML syntax: {m}"),
        Problem::Empty => "the file is empty; a checklist needs at least schema, id, name and steps (see docs/checklist-format.md)".into(),
        Problem::NotUtf8 => "the file is not UTF-8 text; save it as UTF-8".into(),
        Problem::TooLarge { size } => format!(
            "the file is {:.1} MiB; a checklist may be at most {} KiB — is this the right file?",
            *size as f64 / 1_048_576.0,
            crate::checklist::MAX_FILE_SIZE / 1024
        ),
        Problem::Unreadable(reason) => format!("cannot read the file: {reason}"),
        Problem::UnknownKey { key, table, expected } => format!(
            "unknown key `{key}` in {table}; expected one of: {}",
            expected.join(", ")
        ),
        Problem::MissingKey { key, table } => format!("missing key `{key}` in {table}"),
        Problem::WrongType { key, expected } => format!("`{key}` must be {expected}"),
        Problem::UnknownValue { key, value, allowed } => format!(
            "unknown {key} `{value}`; use one of: {}",
            allowed.join(", ")
        ),
        Problem::UnsupportedSchema { found } => format!(
            "schema {found} is not supported: this simcancel reads schema 1 (a newer file needs a newer simcancel)"
        ),
        Problem::BadId { id, pattern } => format!(
            "`{id}` is not a valid id: use only {pattern} (at most 64 characters)"
        ),
        Problem::IdNotFileName { id, stem } => format!(
            "id `{id}` does not match the file name `{stem}.toml`; rename the file to `{id}.toml` or change the id"
        ),
        Problem::Duplicate { what, id, first_line } => format!(
            "duplicate {what} id `{id}` (first defined on line {first_line})"
        ),
        Problem::UnknownQuestion { question } => format!(
            "`when` names the question `{question}`, which is not defined in [[questions]]"
        ),
        Problem::ImpossibleAnswer { question, value, allowed } => format!(
            "question `{question}` can never answer {value}; its answers are: {}",
            allowed.join(", ")
        ),
        Problem::AskedTooLate { question, at } => format!(
            "this step needs question `{question}`, which is asked only later, at step `{at}`; move the step after `{at}` or ask the question earlier"
        ),
        Problem::UnknownStep { step } => format!("`at` names the step `{step}`, which does not exist"),
        Problem::UnknownLink { link } => format!(
            "link `{link}` is not defined in [links]; add it there or fix the name"
        ),
        Problem::NotHttps { url } => format!("`{url}` is not an https:// URL; only https links are allowed"),
        Problem::BadDuration { reason } => format!("bad wait duration: {reason}"),
        Problem::BadPattern { reason } => format!("`pattern` is not a valid regular expression: {reason}"),
        Problem::NoEnglishOrChinese { key } => format!(
            "`{key}` has neither an `en` nor a `zh-CN` text; add at least one"
        ),
        Problem::BadLanguageTag { tag } => format!(
            "`{tag}` is not a language tag; use tags like en, zh-CN, fr"
        ),
        Problem::EmptyValue { key } => format!("`{key}` is empty"),
        Problem::BadCountry { value } => format!(
            "`{value}` is not a country: use a two-letter upper-case ISO code (FR) or INT for international"
        ),
        Problem::BadChoices { question } => format!(
            "question `{question}`: a `choice` question needs a non-empty `choices` array, and a `yes-no` question has none"
        ),
        Problem::SecretInput { input } => format!(
            "input `{input}` asks for a password, PIN or card code; simcancel must never ask for or store secrets — remove it"
        ),
        Problem::MissingPhase { phase } => format!(
            "no step in the core phase `{phase}`; every checklist should cover login, find-option, confirm, submit and wait"
        ),
        Problem::WaitOutsideWaitPhase => "`wait` is set on a step outside the `wait` phase; it sets a due date, so put it on a wait step".into(),
    }
}
