//! Strings of what `export` and `letter` write.

/// Labels of the exported record (`export`), in every format.
#[derive(Debug)]
pub struct Export {
    /// Document title, e.g. "Cancellation record".
    pub title: &'static str,
    /// Between a label and its value: ": " in English, a full-width "：" in Chinese.
    pub colon: &'static str,
    /// The unmistakable mark of an unfinished session.
    pub incomplete: &'static str,
    /// Explains the mark; `{done}`, `{total}`.
    pub incomplete_note: &'static str,
    /// Says that personal values and notes are masked.
    pub redacted_note: &'static str,
    /// "Checklist".
    pub checklist: &'static str,
    /// "Provider".
    pub provider: &'static str,
    /// "Country".
    pub country: &'static str,
    /// "Checklist version" (the hash of the checklist file).
    pub checklist_hash: &'static str,
    /// "Checklist verified on".
    pub verified: &'static str,
    /// "Loaded from".
    pub origin: &'static str,
    /// "Session".
    pub session: &'static str,
    /// "Started".
    pub started: &'static str,
    /// "Finished".
    pub finished: &'static str,
    /// "Last saved".
    pub updated: &'static str,
    /// "Status" (of the session or a step).
    pub status: &'static str,
    /// "Progress".
    pub progress: &'static str,
    /// Progress value; `{done}`, `{total}`.
    pub progress_value: &'static str,
    /// "Exported".
    pub exported: &'static str,
    /// "Customer service".
    pub contact: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// Session statuses.
    pub session_status: SessionStatuses,
    /// "Answers".
    pub answers: &'static str,
    /// "Question".
    pub question: &'static str,
    /// "Answer".
    pub answer: &'static str,
    /// Shown when a list is empty.
    pub none: &'static str,
    /// "Steps".
    pub steps: &'static str,
    /// "Step".
    pub step: &'static str,
    /// "Phase".
    pub phase: &'static str,
    /// "Time" (when a step's status last changed).
    pub time: &'static str,
    /// "Recorded values".
    pub inputs: &'static str,
    /// "Notes".
    pub notes: &'static str,
    /// "Reason for skipping".
    pub skip_reason: &'static str,
    /// Step statuses.
    pub step_status: StepStatuses,
    /// "Waiting periods".
    pub waits: &'static str,
    /// "Expected wait".
    pub expected: &'static str,
    /// "Waiting began".
    pub began: &'static str,
    /// "Due".
    pub due: &'static str,
    /// "Confirmation received".
    pub received: &'static str,
    /// Shown when the confirmation has not come yet.
    pub not_received: &'static str,
    /// "Outcome" (what the answer that ended a wait said).
    pub outcome: &'static str,
    /// The outcomes of a wait.
    pub outcomes: WaitOutcomes,
    /// "Event log".
    pub events: &'static str,
    /// Event log summary line; `{n}`.
    pub events_count: &'static str,
    /// "Event".
    pub event: &'static str,
    /// "The session began".
    pub ev_started: &'static str,
    /// "The session was resumed".
    pub ev_resumed: &'static str,
    /// `{hash}`.
    pub ev_checklist_changed: &'static str,
    /// `{question}`, `{answer}`.
    pub ev_answered: &'static str,
    /// `{step}`, `{input}`.
    pub ev_input_recorded: &'static str,
    /// `{step}`, `{input}`: the person cleared a value.
    pub ev_input_cleared: &'static str,
    /// `{step}`.
    pub ev_step_done: &'static str,
    /// `{step}`.
    pub ev_step_skipped: &'static str,
    /// `{step}`.
    pub ev_note_added: &'static str,
    /// `{from}`, `{to}`.
    pub ev_went_back: &'static str,
    /// `{from}`.
    pub ev_back_to_questions: &'static str,
    /// `{step}`, `{due}`.
    pub ev_wait_started: &'static str,
    /// `{step}`, `{on}`.
    pub ev_confirmation_received: &'static str,
    /// `{step}`, `{on}`, `{outcome}`: the answer came and the person said what it said.
    pub ev_confirmation_outcome: &'static str,
    /// "Paused".
    pub ev_paused: &'static str,
    /// "Completed".
    pub ev_completed: &'static str,
    /// "Abandoned".
    pub ev_abandoned: &'static str,
    /// Calendar name; `{checklist}`.
    pub cal_name: &'static str,
    /// Reminder title for a wait's due date; `{step}`, `{checklist}`.
    pub cal_due: &'static str,
    /// Reminder text for a wait's due date; `{step}`, and `{phone}` the customer-service
    /// line.
    pub cal_due_body: &'static str,
    /// Reminder title for an `after` step; `{step}`, `{checklist}`.
    pub cal_after: &'static str,
    /// Error when an unfinished session has nothing open to put in a calendar; `{id}`.
    pub cal_nothing: &'static str,
    /// Said instead of a calendar for a completed session (not an error); `{id}`.
    pub cal_completed: &'static str,
    /// Said instead of a calendar for an abandoned session (not an error); `{id}`.
    pub cal_abandoned: &'static str,
    /// Printed on stderr after writing a file; `{path}`.
    pub written: &'static str,
    /// Error for `--require-complete`; `{id}`, `{done}`, `{total}`.
    pub require_complete: &'static str,
    /// Error for `--require-complete` on an abandoned session, which `resume` refuses;
    /// `{id}`, `{done}`, `{total}`, `{checklist}`.
    pub require_complete_abandoned: &'static str,
    /// Error when `-o` names an existing file; `{path}`.
    pub exists: &'static str,
    /// Error when neither `--format` nor the extension says the format; `{path}`.
    pub unknown_extension: &'static str,
    /// Error when `-o`'s folder cannot take a new file; `{dir}`.
    pub no_folder: &'static str,
    /// Error when the `-o` file cannot be written or put in place; `{path}`.
    pub write_failed: &'static str,
    /// Error when standard output cannot be written.
    pub stdout_failed: &'static str,
}

/// The status of a session, in the record.
#[derive(Debug)]
pub struct SessionStatuses {
    /// Steps remain.
    pub in_progress: &'static str,
    /// Every applicable step is done or skipped.
    pub completed: &'static str,
    /// Given up.
    pub abandoned: &'static str,
}

/// What the answer that ended a wait said, as the guide offers it and the record shows it.
#[derive(Debug)]
pub struct WaitOutcomes {
    /// Done as asked.
    pub granted: &'static str,
    /// Refused.
    pub refused: &'static str,
    /// Store credit or points only.
    pub store_credit: &'static str,
    /// Only partly.
    pub partial: &'static str,
}

/// The status of a step, in the record.
#[derive(Debug)]
pub struct StepStatuses {
    /// Not finished.
    pub pending: &'static str,
    /// Done.
    pub done: &'static str,
    /// Skipped, with a reason.
    pub skipped: &'static str,
    /// Its conditions do not hold.
    pub not_applicable: &'static str,
}

/// The frame of `letter`: headings around the text to send and its translation, and what
/// `letter` says beside them.
#[derive(Debug)]
pub struct Letter {
    /// Heading above a registered letter to a French operator; `{language}`.
    pub heading_letter: &'static str,
    /// Heading above a request to paste into a seller's form or chat; `{language}`.
    pub heading_request: &'static str,
    /// Heading above an e-mail; `{language}`.
    pub heading_email: &'static str,
    /// The name of French, for `{language}`.
    pub french: &'static str,
    /// The name of English, for `{language}`.
    pub english: &'static str,
    /// Heading above the translation.
    pub translation_heading: &'static str,
    /// Under the translation heading: send the text above (in `{language}`), not this one.
    pub translation_note: &'static str,
    /// After the letter: where the operator's address or e-mail comes from. {sources}
    pub contacts_source: &'static str,
    /// "letter" and "e-mail", for `{kind}`.
    pub kinds: LetterKinds,
    /// The missing-value mark in the translation; `{what}`.
    pub missing: &'static str,
    /// What each missing value is.
    pub fields: FieldLabels,
    /// Printed on stderr when values are missing; `{n}`, `{mark}` (the mark in the text to
    /// send).
    pub missing_count: &'static str,
    /// Printed on stderr when the holder's name is in Chinese characters.
    pub chinese_name: &'static str,
    /// How the translation writes the date: a chrono `strftime` pattern.
    pub date_format: &'static str,
    /// Who to write to when the checklist names no provider (the generic one).
    pub your_operator: &'static str,
    /// Error: no letter fits the checklist; `{checklist}`, `{provider}`.
    pub no_letter: &'static str,
    /// Error: the session ports the number, so the person sends no cancellation; `{id}`
    /// (the session), `{checklist}`.
    pub porting: &'static str,
    /// Error: an e-mail was asked for a French operator without a known address; `{id}`
    /// (the session), `{provider}`.
    pub no_email_french: &'static str,
    /// Error: an e-mail was asked for a seller abroad without a known address; `{id}`,
    /// `{provider}`.
    pub no_email_abroad: &'static str,
    /// Error: no template of that name; `{name}`, `{kind}`, `{searched}`.
    pub no_template: &'static str,
    /// Error: a template file exists but cannot be read; `{path}`, `{reason}`.
    pub unreadable_template: &'static str,
    /// Error: a template has a problem; `{at}` (`file:line:col`), `{problem}`.
    pub bad_template: &'static str,
    /// Error: the session names a template that is not a valid name; `{name}`, `{pattern}`,
    /// `{id}` (the session).
    pub bad_template_name: &'static str,
}

/// What each value of a letter is, in the `[TO FILL IN: ...]` mark of the translation.
#[derive(Debug)]
pub struct FieldLabels {
    /// The holder's full name.
    pub holder_name: &'static str,
    /// The holder's postal address.
    pub holder_address: &'static str,
    /// The mobile line's number.
    pub line_number: &'static str,
    /// The customer or contract number.
    pub customer_number: &'static str,
    /// The online request's reference.
    pub reference: &'static str,
    /// A travel eSIM's order number.
    pub order_number: &'static str,
    /// Why the refund is asked for.
    pub reason: &'static str,
    /// The operator's name.
    pub operator_name: &'static str,
    /// The operator's postal address for cancellations.
    pub operator_address: &'static str,
    /// The operator's e-mail address for cancellations.
    pub operator_email: &'static str,
    /// The date.
    pub date: &'static str,
}

/// The two kinds of letter, as headings and errors name them.
#[derive(Debug)]
pub struct LetterKinds {
    /// A registered letter.
    pub letter: &'static str,
    /// An e-mail.
    pub email: &'static str,
}
