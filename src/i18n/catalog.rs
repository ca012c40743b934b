//! Strings of `list`, `show`, `validate` and the checklist loader's problems.

/// Strings of the catalogue commands and the checklist loader.
#[derive(Debug)]
pub struct Catalog {
    /// Column headers of `list`: id, name, provider, country, difficulty, verified, origin.
    pub list_headers: [&'static str; 7],
    /// "error" in `path:line:col: error: ...`.
    pub error: &'static str,
    /// "warning" in `path:line:col: warning: ...`.
    pub warning: &'static str,
    /// Origin of a bundled checklist in `list`.
    pub origin_bundled: &'static str,
    /// `list` with no match. {filters}
    pub list_empty: &'static str,
    /// Summary line of `validate`. {files} {errors} {warnings}
    pub validate_summary: &'static str,
    /// `validate` found no checklist file in a folder. {path}
    pub validate_no_files: &'static str,
    /// A checklist file skipped while loading the catalogue. {path} {count}
    pub skipped_file: &'static str,
    /// No checklist matches, and none comes close. {id} {known}
    pub unknown_checklist: &'static str,
    /// No checklist is named so; these come close. {id} {ids}
    pub did_you_mean: &'static str,
    /// Between two suggestions: " or ".
    pub or: &'static str,
    /// Something given as an id that cannot be one. {id}
    pub not_an_id: &'static str,
    /// A name that matches several checklists. {query} {ids}
    pub ambiguous: &'static str,
    /// A `--checklists` folder that cannot be read. {path} {reason}
    pub unreadable_dir: &'static str,
    /// Labels in `show`.
    pub show_labels: ShowLabels,
    /// What `verified` means, under the date in `show`.
    pub verified_meaning: &'static str,
    /// "asked at step {step}" in `show`.
    pub asked_at: &'static str,
    /// "only when {cond}" in `show`.
    pub only_when: &'static str,
    /// "expected wait: {wait}" in `show`.
    pub expected_wait: &'static str,
    /// Markers of an input in `show`.
    pub input_marks: InputMarks,
    /// Difficulty names.
    pub difficulties: Difficulties,
}

/// The name of each phase, as headers and records show it.
#[derive(Debug)]
pub struct Phases {
    /// Before cancelling.
    pub prepare: &'static str,
    /// Log in.
    pub login: &'static str,
    /// Find the cancel option.
    pub find_option: &'static str,
    /// Confirm.
    pub confirm: &'static str,
    /// Submit.
    pub submit: &'static str,
    /// Wait for the confirmation.
    pub wait: &'static str,
    /// After.
    pub after: &'static str,
}

/// The name of each difficulty, in `list` and `show`.
#[derive(Debug)]
pub struct Difficulties {
    /// A few clicks online.
    pub easy: &'static str,
    /// Some checks or a call.
    pub medium: &'static str,
    /// Letter, call or retention offers.
    pub hard: &'static str,
    /// Only partly possible.
    pub limited: &'static str,
    /// No way to cancel.
    pub impossible: &'static str,
}

/// The labels of `show`'s header lines.
#[derive(Debug)]
pub struct ShowLabels {
    /// "Provider".
    pub provider: &'static str,
    /// "Country".
    pub country: &'static str,
    /// "Kinds".
    pub kinds: &'static str,
    /// "Difficulty".
    pub difficulty: &'static str,
    /// "Flags".
    pub flags: &'static str,
    /// "Verified".
    pub verified: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// "Links".
    pub links: &'static str,
    /// "Contact".
    pub contact: &'static str,
    /// "Questions".
    pub questions: &'static str,
    /// "Steps".
    pub steps: &'static str,
    /// "Origin".
    pub origin: &'static str,
    /// "Network": the network the brand runs on.
    pub network: &'static str,
    /// "Also found as": the aliases the picker matches.
    pub aliases: &'static str,
    /// Before a number callable from abroad.
    pub phone_abroad: &'static str,
}

/// Markers after an input's label in `show`.
#[derive(Debug)]
pub struct InputMarks {
    /// Masked by `export --redact`.
    pub personal: &'static str,
    /// Needed to mark the step done.
    pub required: &'static str,
}

/// The message of each checklist or template problem (the checklist module's `Problem`).
#[derive(Debug)]
pub struct Problems {
    /// The TOML does not parse; `{message}` is the parser's.
    pub syntax: &'static str,
    /// The file is empty.
    pub empty: &'static str,
    /// The file is not UTF-8.
    pub not_utf8: &'static str,
    /// The file is too large; `{size}` (MiB, one decimal), `{max}` (KiB).
    pub too_large: &'static str,
    /// The file cannot be read; `{reason}`.
    pub unreadable: &'static str,
    /// `{key}`, `{table}`, `{expected}` (the keys allowed there).
    pub unknown_key: &'static str,
    /// `{key}`, `{table}`.
    pub missing_key: &'static str,
    /// `{key}`, `{expected}` (what it should be, in English).
    pub wrong_type: &'static str,
    /// `{key}`, `{value}`, `{allowed}`.
    pub unknown_value: &'static str,
    /// `{found}`: a schema this build does not read.
    pub unsupported_schema: &'static str,
    /// `{id}`, `{pattern}`.
    pub bad_id: &'static str,
    /// `{id}`, `{stem}` (the file name without `.toml`).
    pub id_not_file_name: &'static str,
    /// `{what}` (step, question, ...), `{id}`, `{line}` (of the first one).
    pub duplicate: &'static str,
    /// `{question}`: `when` names a question that does not exist.
    pub unknown_question: &'static str,
    /// `{question}`, `{value}`, `{allowed}`.
    pub impossible_answer: &'static str,
    /// `{question}`, `{at}` (the step where it is asked).
    pub asked_too_late: &'static str,
    /// `{step}`: `at` names a step that does not exist.
    pub unknown_step: &'static str,
    /// `{link}`: not in `[links]`.
    pub unknown_link: &'static str,
    /// `{url}`.
    pub not_https: &'static str,
    /// `{reason}` (the duration parser's, in English).
    pub bad_duration: &'static str,
    /// `{reason}` (the regex parser's).
    pub bad_pattern: &'static str,
    /// `{key}`.
    pub no_english_or_chinese: &'static str,
    /// `{tag}`.
    pub bad_language_tag: &'static str,
    /// `{key}`.
    pub empty_value: &'static str,
    /// `{value}`.
    pub bad_country: &'static str,
    /// `{question}`: choices missing on a choice question, or present on a yes-no one.
    pub bad_choices: &'static str,
    /// `{input}`: an input that asks for a secret.
    pub secret_input: &'static str,
    /// `{phase}`: a core phase without a step (a warning).
    pub missing_phase: &'static str,
    /// `wait` on a step outside the `wait` phase (a warning).
    pub wait_outside_wait_phase: &'static str,
    /// `{key}`, `{code}` (`U+001B`): a control character or bidirectional override.
    pub control_character: &'static str,
    /// `{key}`: a format-2 key in a schema-1 file.
    pub needs_schema_2: &'static str,
    /// A source table in a schema-1 file.
    pub sources_form_1: &'static str,
    /// A source string in a schema-2 file.
    pub sources_form_2: &'static str,
    /// `{id}`: `cite` names a source not in `[[sources]]`.
    pub unknown_source: &'static str,
    /// `{id}`: a source nothing cites (a warning).
    pub unused_source: &'static str,
    /// `{chars}`, `{max}`: a quote too long.
    pub quote_too_long: &'static str,
    /// `{key}`, `{found}` (the word with the digit), `{owner}` (one of the `owner_*`).
    pub uncited_fact: &'static str,
    /// `{key}`: a contact detail without `cite`.
    pub uncited_contact: &'static str,
    /// `{verified}`, `{days}`, `{max}`: `validate --strict` on an old checklist.
    pub stale: &'static str,
    /// Where `cite` goes, for `summary` and `description`.
    pub owner_top: &'static str,
    /// Where `cite` goes, for contact details.
    pub owner_contacts: &'static str,
    /// Where `cite` goes, in a question; `{id}`.
    pub owner_question: &'static str,
    /// Where `cite` goes, in a step; `{id}`.
    pub owner_step: &'static str,
    /// `{placeholder}` (with its braces), `{known}`: in a letter template.
    pub unknown_placeholder: &'static str,
    /// A letter template opens `{{` without closing it on the line.
    pub unclosed_placeholder: &'static str,
    /// `{directive}` (the whole `{{if …}}`), `{known}`: a template section tests an unknown name.
    pub unknown_condition: &'static str,
    /// A template's `{{if}}` and `{{end}}` are not paired, nested or alone on their lines.
    pub unpaired_section: &'static str,
}

/// Why a file or folder could not be read (the checklist module's `ReadError`; its `Other` case is
/// the system's own message).
#[derive(Debug)]
pub struct ReadErrors {
    /// It does not exist.
    pub not_found: &'static str,
    /// Permissions forbid it.
    pub permission_denied: &'static str,
    /// A symlink loop.
    pub symlink_loop: &'static str,
    /// A folder where a file was expected.
    pub is_folder: &'static str,
    /// A file where a folder was expected.
    pub not_a_folder: &'static str,
    /// A pipe, socket or device.
    pub not_regular: &'static str,
}
