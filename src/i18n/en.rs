//! English interface strings.

use super::{Catalog, Common, Export, Guide, Help, Letter, Sessions, Strings};
use crate::checklist::{Problem, ReadError};

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
        read_error,
        origin_bundled: "bundled",
        list_empty: "No checklist matches {filters}. Run `simcancel list` without filters to see them all.",
        validate_summary: "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
        validate_no_files: "{path}: no .toml checklist files in this folder",
        skipped_file: "skipping {path}: {count} problem(s); run `simcancel validate {path}` to see them",
        unknown_checklist: "no checklist `{id}`; known ones: {known}. Run `simcancel list` to see them all",
        not_an_id: "`{id}` is not a checklist id: ids use only a-z, 0-9 and -, with no `/` or `..` (see `simcancel list`)",
        unreadable_dir: "cannot read the checklist folder {path}: {reason}; check the --checklists path",
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
    export: Export {
        title: "Cancellation record",
        colon: ": ",
        incomplete: "INCOMPLETE",
        incomplete_note: "This session is not finished: {done} of {total} applicable steps are done or skipped. It does not show that the line was cancelled.",
        redacted_note: "Personal values, notes and skip reasons are masked in this copy.",
        checklist: "Checklist",
        provider: "Provider",
        country: "Country",
        checklist_hash: "Checklist version (SHA-256)",
        verified: "Checklist verified on",
        origin: "Loaded from",
        session: "Session",
        started: "Started",
        finished: "Finished",
        updated: "Last saved",
        status: "Status",
        progress: "Progress",
        progress_value: "{done} of {total} applicable steps done or skipped",
        exported: "Exported",
        contact: "Customer service",
        sources: "Sources",
        session_status: ["in progress", "completed", "abandoned"],
        answers: "Answers",
        question: "Question",
        answer: "Answer",
        none: "none",
        steps: "Steps",
        step: "Step",
        phase: "Phase",
        time: "Time",
        inputs: "Recorded values",
        notes: "Notes",
        skip_reason: "Reason for skipping",
        step_status: ["pending", "done", "skipped", "not applicable"],
        waits: "Waiting periods",
        expected: "Expected wait",
        began: "Waiting began",
        due: "Due",
        received: "Confirmation received",
        not_received: "not yet",
        events: "Event log",
        events_count: "Event log ({n} events)",
        event: "Event",
        ev_started: "The session began",
        ev_resumed: "The session was resumed",
        ev_checklist_changed: "The checklist file changed since the session began (now {hash}); the copy taken at the start is kept",
        ev_answered: "Answered \u{201c}{question}\u{201d}: {answer}",
        ev_input_recorded: "Recorded \u{201c}{input}\u{201d} at \u{201c}{step}\u{201d}",
        ev_step_done: "Done: {step}",
        ev_step_skipped: "Skipped: {step}",
        ev_note_added: "Note added at \u{201c}{step}\u{201d}",
        ev_went_back: "Went back from \u{201c}{from}\u{201d} to \u{201c}{to}\u{201d}",
        ev_back_to_questions: "Went back from \u{201c}{from}\u{201d} to the start questions",
        ev_wait_started: "Waiting began at \u{201c}{step}\u{201d}, due {due}",
        ev_confirmation_received: "Confirmation received for \u{201c}{step}\u{201d} on {on}",
        ev_paused: "Paused",
        ev_completed: "Completed",
        ev_abandoned: "Abandoned",
        cal_name: "{checklist}: cancellation reminders",
        cal_due: "Confirmation due: {checklist}",
        cal_due_body: "The operator's confirmation of your cancellation should have arrived by today. If it has not, contact customer service ({phone}) and keep any written answer.",
        cal_after: "{step} ({checklist})",
        cal_nothing: "session {id} has no reminder to put in a calendar yet: no wait step has been reached and the session is not finished; export it again later",
        written: "Wrote {path}",
        require_complete: "session {id} is not finished ({done} of {total} applicable steps done or skipped); finish it with `simcancel resume {id}`, or export without --require-complete to get a copy marked INCOMPLETE",
        require_complete_abandoned: "session {id} was abandoned ({done} of {total} applicable steps done or skipped) and cannot be finished; start again with `simcancel guide {checklist}`, or export without --require-complete to get a copy marked INCOMPLETE",
        exists: "{path} already exists; choose another file with -o, or add --force to overwrite it",
        unknown_extension: "cannot tell the format from the name {path}; use a .md, .json, .html, .txt or .ics extension, or pass --format",
        no_folder: "cannot create a file in {dir}; check that the folder exists and is writable",
        write_failed: "cannot write {path}; check the free space and the folder's permissions",
        stdout_failed: "cannot write to standard output",
    },
    letter: Letter {
        french_heading: "French {kind} to send",
        translation_heading: "Translation (English)",
        translation_note: "For your understanding only: send the French text above, not this translation.",
        kinds: ["letter", "e-mail"],
        missing: "[TO FILL IN: {what}]",
        fields: [
            "your full name",
            "your postal address",
            "the mobile line number",
            "your customer or contract number",
            "the reference of your online request, or delete this line",
            "the operator's name",
            "the operator's postal address for cancellations (see its terms and conditions)",
            "the operator's e-mail address for cancellations",
            "the date",
        ],
        missing_count: "{n} value(s) are missing and marked [\u{c0} COMPL\u{c9}TER : \u{2026}]: fill them in before sending",
        no_template: "no letter template `{name}` of kind {kind} was found (looked in: {searched}); name an existing template in the checklist's `letter` key",
        unreadable_template: "cannot read the letter template {path}: {reason}",
        bad_template: "{at}: {problem}; fix the template (`simcancel validate` lists every problem)",
        bad_template_name: "session {id} names the letter template `{name}`, which is not a template name ({pattern}); the session file may be damaged: start a new session with `simcancel guide`",
    },
    guide: Guide {
        pick_checklist: "Which line do you want to cancel? (type to filter)",
        pick_session: "Which session do you want to continue?",
        started: "Session {id} started. You can stop at any time: it is saved after every answer.",
        questions_intro: "First, a few questions to choose the steps that apply to you.",
        action_done: "Done",
        action_skip: "Skip (give a reason)",
        action_note: "Add a note",
        action_back: "Back",
        action_pause: "Pause (save and quit)",
        action_abandon: "Abandon this session",
        action_received: "Confirmation received",
        choose_action: "What now?",
        skip_reason: "Why skip this step?",
        skip_reason_empty: "Please give a reason: it goes into your record.",
        note_prompt: "Note",
        note_empty: "Empty note: nothing saved.",
        note_saved: "Note saved ({n} on this step).",
        abandon_confirm: "Abandon this session? It stays in `simcancel sessions --all` but cannot be resumed.",
        abandoned: "Session {id} abandoned.",
        completed: "Every step is finished. Keep your record: simcancel export {id}",
        saved_resume: "saved — resume with: simcancel resume {id}",
        received_prompt: "On which day did the confirmation come? (YYYY-MM-DD)",
        bad_date: "`{value}` is not a date: write it like 2026-12-01.",
        future_date: "{date} is after today: give the day the confirmation came.",
        input_required: "This value is required: please type it.",
        input_pattern: "`{value}` does not have the expected form.",
        input_required_mark: "(required)",
        links: "Links:",
        contact: "Customer service: {contact}",
        phone: "phone",
        email: "e-mail",
        waiting: "Waiting since {began} ({days} days); the confirmation is expected by {due}.",
        overdue: "Overdue: the confirmation was expected by {due} ({days} days ago).",
        overdue_contact: "Contact customer service and give your request reference: {contact}",
        overdue_no_contact: "Contact the provider's customer service through its official support page.",
        received_on: "Confirmation received on {date}.",
        summary_title: "Session {id} · {name} · started {started} · {progress} done",
        summary_item: "{title} ({status})",
        summary_item_dated: "{title} ({status}, {date})",
        summary_reason: ": {reason}",
        status_done: "done",
        status_skipped: "skipped",
        status_not_applicable: "not applicable",
        status_pending: "to do",
        status_next: "next",
        checklist_changed: "The checklist `{id}` changed since this session began; this session keeps the version it started with.",
        checklist_missing: "The checklist `{id}` is no longer installed; this session uses the copy saved when it began.",
        no_unfinished: "no unfinished session: start one with `simcancel guide`, or see them all with `simcancel sessions --all`",
        resume_completed: "session {id} is completed; keep its record with `simcancel export {id}`",
        resume_abandoned: "session {id} was abandoned; start again with `simcancel guide {checklist}`",
        answer_syntax: "--answer `{arg}`: write it as ID=VALUE, e.g. --answer keep_number=no",
        answer_unknown: "--answer {question}: this checklist has no such question; its questions are: {valid}",
        answer_invalid: "--answer {question}={value}: not a possible answer; use one of: {valid}",
        no_checklists: "no checklist is installed: add one with --checklists DIR",
        pick_eof: "end of input before a checklist was chosen: name it, e.g. `simcancel guide generic` (see `simcancel list`)",
        pick_session_eof: "end of input before a session was chosen: name it, e.g. `simcancel resume <id>` (see `simcancel sessions`)",
        plain_number: "Number",
        plain_bad_number: "Type a number from 1 to {n}, or the start of a choice.",
        plain_yes_default: "[Y/n]",
        plain_no_default: "[y/N]",
        plain_bad_yes_no: "Answer y (yes) or n (no).",
        resume_id_mismatch: "{path} holds session {inner}, not {file} as its name says (a copy, or a renamed file?); it was left untouched. Resume {inner} itself, or name the file {inner}.json",
    },
    sessions: Sessions {
        headers: [
            "ID",
            "CHECKLIST",
            "STARTED",
            "PROGRESS",
            "STATE",
            "LAST ACTIVITY",
        ],
        in_progress: "in progress",
        waiting_until: "waiting until {date}",
        overdue_since: "overdue since {date}",
        completed: "completed",
        abandoned: "abandoned",
        none_unfinished: "No unfinished session. Start one with `simcancel guide`; `--all` also shows finished ones.",
        none: "No session yet. Start one with `simcancel guide`.",
        unreadable: "unreadable: {path}: {reason}",
        file_not_json: "not a session file: {error}; it was left untouched",
        file_no_format: "not a session file: it has no `format` field; it was left untouched",
        file_newer: "made by a newer simcancel (session format {version}, this build reads {supported}); upgrade simcancel to open it. The file was left untouched",
        left_untouched: "{reason}; it was left untouched",
        mismatch_steps: "its step records do not match the checklist copy it holds (was it edited by hand?)",
        mismatch_answer: "it answers a question `{question}` its checklist copy does not have (was it edited by hand?)",
        not_an_id: "`{prefix}` is not a session id: ids are letters, digits and dashes; run `simcancel sessions` to see them",
        no_match: "no session matches `{prefix}` in {dir}; run `simcancel sessions --all` to see them",
        ambiguous: "`{prefix}` matches several sessions ({ids}); type more of the id",
        locked: "session {id} is open in {who}; finish or pause it there first (lock: {lock})",
        holder_pid: "simcancel process {pid}",
        holder_unknown: "another simcancel process",
        file_damaged: "damaged session file: {error}; it was left untouched",
    },
    help: Help {
        headings: ["Usage", "Commands", "Arguments", "Options"],
        flags: ["Print help", "Print version"],
        values: "{text} [possible values: {values}]",
        texts: &[],
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
        Problem::Unreadable(reason) => format!("cannot read the file: {}", read_error(reason)),
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
        Problem::UnknownPlaceholder { name } => format!(
            "unknown placeholder `{{{{{name}}}}}`; known ones are {}",
            crate::letter::placeholder_names()
        ),
        Problem::UnclosedPlaceholder => {
            "`{{` is not closed by `}}` on the same line".into()
        }
    }
}

/// Why a file or folder could not be read, in English.
pub(super) fn read_error(e: &ReadError) -> String {
    match e {
        ReadError::NotFound => "no such file or folder".into(),
        ReadError::PermissionDenied => "permission denied; check its permissions".into(),
        ReadError::SymlinkLoop => {
            "too many levels of symbolic links (a symlink loop?); fix or remove the link".into()
        }
        ReadError::IsFolder => "it is a folder, not a file".into(),
        ReadError::NotAFolder => "it is a file, not a folder".into(),
        ReadError::NotRegular => "it is not a regular file (a pipe, socket or device)".into(),
        ReadError::Other(m) => m.clone(),
    }
}
