//! Strings of the commands for checklist authors and maintainers: `report` (the rest it
//! shares with the record, [`super::Export`]) and `new`.

/// Labels of the feedback report for a checklist's maintainers.
#[derive(Debug)]
pub struct Report {
    /// Heading; `{id}` is the checklist id.
    pub title: &'static str,
    /// What the report is, and what it leaves out.
    pub intro: &'static str,
    /// "Version (SHA-256 of the file)".
    pub version: &'static str,
    /// Where the checklist came from, when bundled.
    pub origin_bundled: &'static str,
    /// Where it came from otherwise (the path is not shown: it may name the person).
    pub origin_file: &'static str,
    /// "Language" of the session.
    pub language: &'static str,
    /// "Outcome".
    pub outcome: &'static str,
    /// "Stopped at" (the first pending step).
    pub stopped_at: &'static str,
    /// "Sittings": how many times the guide was run on the session.
    pub sittings: &'static str,
    /// Days from the start to the last activity.
    pub days: &'static str,
    /// "Values recorded" column; its cells are [`Report::recorded`].
    pub values: &'static str,
    /// How many of a step's values were recorded; `{filled}`, `{total}`.
    pub recorded: &'static str,
    /// "Skipped steps".
    pub skipped: &'static str,
    /// In place of a skip reason that is not included.
    pub reason_withheld: &'static str,
    /// In place of a step's notes that are not included; `{n}`.
    pub notes_withheld: &'static str,
    /// "Going back".
    pub back: &'static str,
    /// A move back; `{from}`, `{to}` (step ids), `{n}` times.
    pub back_to_step: &'static str,
    /// A move back to the start questions; `{from}`, `{n}` times.
    pub back_to_questions: &'static str,
    /// "Waiting".
    pub waits: &'static str,
    /// Columns of the waiting table.
    pub wait_header: [&'static str; 5],
    /// A number of days; `{n}`.
    pub n_days: &'static str,
    /// A wait still running; `{waited}`.
    pub so_far: &'static str,
    /// The confirmation came.
    pub received: &'static str,
    /// Still waiting for the confirmation.
    pub waiting: &'static str,
    /// The session ended without a confirmation recorded.
    pub no_confirmation: &'static str,
    /// The checklist file changed during the session; `{hash}` (the new one).
    pub changed: &'static str,
    /// Free text left out; `{reasons}`, `{notes}`.
    pub text_withheld: &'static str,
    /// Free text included, masked.
    pub text_masked: &'static str,
    /// On standard error, when free text was left out; `{n}`, `{id}`.
    pub hint_with_text: &'static str,
}

/// What `new` says.
#[derive(Debug)]
pub struct NewChecklist {
    /// After writing; `{path}`, `{validate}` (the command to check it).
    pub written: &'static str,
    /// After writing the JSON Schema beside it; `{path}`.
    pub schema_written: &'static str,
    /// The file exists; `{path}`.
    pub exists: &'static str,
    /// `-o` names a file that is not `<id>.toml`; `{path}`, `{id}`.
    pub wrong_name: &'static str,
    /// No user checklist folder; `{id}`.
    pub no_folder: &'static str,
}
