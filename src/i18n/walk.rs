//! Strings of `guide`, `resume` and `sessions`.

/// Strings of `guide` and `resume`. Templates name their `{placeholders}`.
#[derive(Debug)]
pub struct Guide {
    /// Prompt of the checklist picker.
    pub pick_checklist: &'static str,
    /// Prompt of the session picker.
    pub pick_session: &'static str,
    /// `{id}`: a session began.
    pub started: &'static str,
    /// Shown before the start questions.
    pub questions_intro: &'static str,
    /// Actions at a step, in menu order: done, skip, note, back, pause, abandon.
    pub action_done: &'static str,
    /// Skip the step (a reason is asked).
    pub action_skip: &'static str,
    /// Add a note to the step.
    pub action_note: &'static str,
    /// Go back to the previous step.
    pub action_back: &'static str,
    /// Save and quit.
    pub action_pause: &'static str,
    /// Give up the session.
    pub action_abandon: &'static str,
    /// At a wait step: the confirmation came.
    pub action_received: &'static str,
    /// Prompt of the action menu.
    pub choose_action: &'static str,
    /// Prompt for the reason of a skip.
    pub skip_reason: &'static str,
    /// A skip reason cannot be empty.
    pub skip_reason_empty: &'static str,
    /// Prompt for a note.
    pub note_prompt: &'static str,
    /// An empty note is not saved.
    pub note_empty: &'static str,
    /// `{n}`: the step now has n notes.
    pub note_saved: &'static str,
    /// Confirmation asked before abandoning.
    pub abandon_confirm: &'static str,
    /// `{id}`: the session was abandoned.
    pub abandoned: &'static str,
    /// `{id}`: every step is finished.
    pub completed: &'static str,
    /// `{id}`: how to continue later (pause, end of input, Ctrl-C).
    pub saved_resume: &'static str,
    /// Prompt for the day the confirmation came (`{today}` is the default).
    pub received_prompt: &'static str,
    /// `{value}` is not a `YYYY-MM-DD` date.
    pub bad_date: &'static str,
    /// `{date}` is after today.
    pub future_date: &'static str,
    /// A required input was left empty.
    pub input_required: &'static str,
    /// `{value}` does not match the input's pattern; `{help}` says what the form is, `{n}`
    /// is how many characters were typed (spaces not counted).
    pub input_pattern: &'static str,
    /// `{value}` does not match the input's pattern, which has no help text.
    pub input_pattern_no_help: &'static str,
    /// After the prompt of an input that has a value: how to clear it.
    pub input_clear_hint: &'static str,
    /// `{label}`: the value was cleared.
    pub input_cleared: &'static str,
    /// `{value}`: the value was recorded in another form than typed (a phone number).
    pub input_saved_as: &'static str,
    /// Asked when the holder's name is typed in Chinese characters (default no: type again).
    pub chinese_name_confirm: &'static str,
    /// `{date}`, `{began}`: the day given is before the wait began.
    pub before_wait: &'static str,
    /// The question after the day the answer came: what did it say?
    pub outcome_prompt: &'static str,
    /// Key hints under a menu of the walk (Esc pauses).
    pub keys_menu_pause: &'static str,
    /// Key hints under a menu whose Esc cancels.
    pub keys_menu_cancel: &'static str,
    /// Key hints under a picker (type to filter, Esc cancels).
    pub keys_pick: &'static str,
    /// A picker's filter matches nothing.
    pub no_match: &'static str,
    /// Marks an input as required, after its label.
    pub input_required_mark: &'static str,
    /// Heading of the links of a step.
    pub links: &'static str,
    /// `{contact}`: the customer-service line of a step.
    pub contact: &'static str,
    /// Label of the phone number.
    pub phone: &'static str,
    /// Label of the number callable from abroad.
    pub phone_abroad: &'static str,
    /// Label of the e-mail address.
    pub email: &'static str,
    /// `{began}`, `{days}`, `{due}`: a wait in progress.
    pub waiting: &'static str,
    /// `{due}`, `{days}`: the wait is over without a confirmation.
    pub overdue: &'static str,
    /// What to give customer service when overdue: `{refs}`, the references recorded.
    pub overdue_refs: &'static str,
    /// What to say to customer service when overdue and no reference was recorded.
    pub overdue_no_refs: &'static str,
    /// While waiting: nothing notifies; where the date shows, and how to put it in a
    /// calendar (`{id}`, the session).
    pub wait_calendar: &'static str,
    /// The file name suggested for the record page (`record.html`).
    pub record_file: &'static str,
    /// The file name suggested for the calendar of reminders (`reminders.ics`).
    pub calendar_file: &'static str,
    /// Between a label and its value (`: `, `：`).
    pub colon: &'static str,
    /// What to do when overdue and the checklist names no contact.
    pub overdue_no_contact: &'static str,
    /// `{date}`: the confirmation came that day.
    pub received_on: &'static str,
    /// `{date}`, `{outcome}`: the answer came that day and said this.
    pub received_on_outcome: &'static str,
    /// `{id}`, `{name}`, `{started}`, `{progress}`: the first line of the resume summary.
    pub summary_title: &'static str,
    /// `{title}`, `{status}`: a summary line of a step not reached yet.
    pub summary_item: &'static str,
    /// `{title}`, `{status}`, `{date}`: a summary line of a step with a dated status.
    pub summary_item_dated: &'static str,
    /// `{reason}`: appended to the summary line of a skipped step.
    pub summary_reason: &'static str,
    /// Status words in the summary: done, skipped, not applicable, pending, next.
    pub status_done: &'static str,
    /// Skipped (followed by the reason).
    pub status_skipped: &'static str,
    /// Not applicable.
    pub status_not_applicable: &'static str,
    /// Still to do.
    pub status_pending: &'static str,
    /// The step the walk continues at.
    pub status_next: &'static str,
    /// `{id}`: the checklist changed since the session began.
    pub checklist_changed: &'static str,
    /// `{id}`: the checklist is no longer installed.
    pub checklist_missing: &'static str,
    /// No session can be resumed.
    pub no_unfinished: &'static str,
    /// `{id}`: the session is completed.
    pub resume_completed: &'static str,
    /// `{id}`, `{checklist}`: the session was abandoned.
    pub resume_abandoned: &'static str,
    /// `{arg}`: an `--answer` without `=`.
    pub answer_syntax: &'static str,
    /// `{question}`, `{valid}`: `--answer` names an unknown question.
    pub answer_unknown: &'static str,
    /// `{question}`, `{value}`, `{valid}`: `--answer` gives an impossible value.
    pub answer_invalid: &'static str,
    /// The catalogue is empty.
    pub no_checklists: &'static str,
    /// End of input in the checklist picker.
    pub pick_eof: &'static str,
    /// End of input in the session picker.
    pub pick_session_eof: &'static str,
    /// Esc in the checklist picker: nothing was started.
    pub pick_cancelled: &'static str,
    /// Esc in the session picker: nothing was resumed.
    pub pick_session_cancelled: &'static str,
    /// Plain mode: the prompt for a menu number.
    pub plain_number: &'static str,
    /// Plain mode, `{n}`: a menu answer that is not a number from 1 to n.
    pub plain_bad_number: &'static str,
    /// A picker's typed text matches nothing. {typed} {n}
    pub plain_no_match: &'static str,
    /// A picker's typed text matches several items, listed after. {typed}
    pub plain_matches: &'static str,
    /// Plain mode: the hint after a yes/no question when the default is yes.
    pub plain_yes_default: &'static str,
    /// Plain mode: the hint after a yes/no question when the default is no.
    pub plain_no_default: &'static str,
    /// Plain mode: a yes/no answer that is neither.
    pub plain_bad_yes_no: &'static str,
    /// `{value}`: typed text holding control characters, refused (shown escaped).
    pub typed_control: &'static str,
}

/// Strings of `sessions`.
#[derive(Debug)]
pub struct Sessions {
    /// Column headers: id, checklist, started, progress, state, last activity.
    pub headers: [&'static str; 6],
    /// State: steps remain.
    pub in_progress: &'static str,
    /// `{date}`: waiting for a confirmation due that day.
    pub waiting_until: &'static str,
    /// `{date}`: the confirmation was due that day.
    pub overdue_since: &'static str,
    /// State: finished.
    pub completed: &'static str,
    /// State: given up.
    pub abandoned: &'static str,
    /// No unfinished session (without `--all`).
    pub none_unfinished: &'static str,
    /// No session at all.
    pub none: &'static str,
    /// `{path}`, `{reason}`: a file that cannot be read.
    pub unreadable: &'static str,
    /// `{error}`: a session file that is not JSON.
    pub file_not_json: &'static str,
    /// A session file without a `format` field.
    pub file_no_format: &'static str,
    /// `{version}`, `{supported}`: a session file made by a newer build.
    pub file_newer: &'static str,
    /// `{error}`: a session file whose content does not fit the format.
    pub file_damaged: &'static str,
    /// `{reason}`: appended to a file problem: the file was not changed.
    pub left_untouched: &'static str,
    /// A session whose step records differ from its checklist copy.
    pub mismatch_steps: &'static str,
    /// `{question}`: a session answering a question its checklist copy lacks.
    pub mismatch_answer: &'static str,
    /// `{prefix}`: something given as a session id that cannot be one.
    pub not_an_id: &'static str,
    /// `{prefix}`, `{dir}`: no session id starts with it.
    pub no_match: &'static str,
    /// `{prefix}`, `{ids}`: several session ids start with it.
    pub ambiguous: &'static str,
    /// `{id}`, `{who}`, `{lock}`: the session is open in another process.
    pub locked: &'static str,
    /// `{pid}`: the process holding a lock; `who` in [`Sessions::locked`].
    pub holder_pid: &'static str,
    /// A lock holder whose process id is unknown.
    pub holder_unknown: &'static str,
    /// A session file that is a link, pipe, socket or device.
    pub file_not_regular: &'static str,
    /// `{line}`: a session file that is not UTF-8 text.
    pub file_not_utf8: &'static str,
    /// `{inner}`, `{file}`: a session file whose inner id is not its file name.
    pub file_id_mismatch: &'static str,
    /// `{lock}`, `{id}`: a lock file that is a link, pipe or device.
    pub lock_not_regular: &'static str,
    /// `{dir}`, `{mode}`: a data folder other users may write to.
    pub shared_data_dir: &'static str,
}
