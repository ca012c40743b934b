//! Every user-facing string of the interface, in English (`en.rs`) and Simplified Chinese
//! (`zh_cn.rs`).
//!
//! Strings are fields of plain structs, so a string missing in one language is a compile
//! error rather than a blank on screen. Templates use `{name}` placeholders filled by [`fill`].
//! Checklist content is translated in the checklist files, not here.

mod en;
mod zh_cn;

use std::fmt;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// The BCP 47 tag used in checklists and session files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Reads a tag such as `en`, `en_GB.UTF-8`, `zh-CN`, `zh_CN.UTF-8` or `zh`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let base = lower.split(['.', '@']).next().unwrap_or("");
        if base == "zh" || base.starts_with("zh-") || base.starts_with("zh_") {
            Some(Lang::ZhCn)
        } else if base == "en" || base.starts_with("en-") || base.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set and not empty decides; Chinese locales give Chinese, anything else English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// The interface strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::ZhCn => &zh_cn::STRINGS,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Replaces each `{name}` in `template` with its value from `args`.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `--help` of one language.
pub struct Help {
    /// Headings: usage, commands, arguments, options.
    pub headings: [&'static str; 4],
    /// Help of the built-in flags: `--help`, `--version`.
    pub flags: [&'static str; 2],
    /// An argument's text followed by its possible values; `{text}`, `{values}`.
    pub values: &'static str,
    /// Texts by place: `""` is the program's about, `"list"` a command's, `"list.country"`
    /// an argument's (global ones under `""`: `".lang"`). Empty: the doc comments in
    /// `cli.rs` (English) are used as they are.
    pub texts: &'static [(&'static str, &'static str)],
}

/// Rewrites the clap command's help texts and headings into `lang`. English is what the doc
/// comments of `cli.rs` say, so it is returned unchanged.
pub fn localize_help(cmd: clap::Command, lang: Lang) -> clap::Command {
    let help = &lang.strings().help;
    if help.texts.is_empty() {
        return cmd;
    }
    localize_command(cmd, "", help)
}

fn localize_command(mut cmd: clap::Command, path: &str, help: &Help) -> clap::Command {
    let text = |key: String| help.texts.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    if let Some(about) = text(path.to_string()) {
        cmd = cmd.about(about).long_about(None);
    }
    let [usage, commands, arguments, options] = help.headings;
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(help.flags[0])
                .help_heading(options),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(help.flags[1])
                .help_heading(options),
        );
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let key = format!("{path}.{id}");
        let heading = if positional { arguments } else { options };
        let translated = text(key);
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(heading);
            let Some(t) = translated else { return a };
            // clap lists possible values under an English label: name them in the text.
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() || !a.get_action().takes_values() {
                return a.help(t).long_help(None);
            }
            let t = fill(help.values, &[("text", &t), ("values", &values.join(", "))]);
            a.help(t).long_help(None).hide_possible_values(true)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |sc| localize_command(sc, &name, help));
    }
    cmd
}

/// All interface strings of one language, grouped by the part of the program that shows them.
pub struct Strings {
    /// Shared words: phases, statuses, labels.
    pub common: Common,
    /// `list`, `show`, `validate` and the checklist loader.
    pub catalog: Catalog,
    /// `export`: every label of the exported record.
    pub export: Export,
    /// `letter`: the frame around the French letter and its translation.
    pub letter: Letter,
    /// `guide` and `resume`: the walk through a checklist.
    pub guide: Guide,
    /// `sessions`: the list of sessions and their states.
    pub sessions: Sessions,
    /// `--help`.
    pub help: Help,
}

/// Words used everywhere.
pub struct Common {
    /// Phase names, in [`crate::checklist::Phase::ALL`] order.
    pub phases: [&'static str; 7],
    /// "yes".
    pub yes: &'static str,
    /// "no".
    pub no: &'static str,
}

/// Strings of the catalogue commands and the checklist loader.
pub struct Catalog {
    /// Column headers of `list`: id, name, provider, country, difficulty, verified, origin.
    pub list_headers: [&'static str; 7],
    /// "error" in `path:line:col: error: ...`.
    pub error: &'static str,
    /// "warning" in `path:line:col: warning: ...`.
    pub warning: &'static str,
    /// The message of a checklist problem.
    pub problem: fn(&crate::checklist::Problem) -> String,
    /// Why a file or folder could not be read.
    pub read_error: fn(&crate::checklist::ReadError) -> String,
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
    /// Unknown checklist id. {id} {known}
    pub unknown_checklist: &'static str,
    /// Something given as an id that cannot be one. {id}
    pub not_an_id: &'static str,
    /// A `--checklists` folder that cannot be read. {path} {reason}
    pub unreadable_dir: &'static str,
    /// Labels in `show`: provider, country, kinds, difficulty, flags, verified, sources, links, contact, questions, steps, origin.
    pub show_labels: [&'static str; 12],
    /// What `verified` means, under the date in `show`.
    pub verified_meaning: &'static str,
    /// "asked at step {step}" in `show`.
    pub asked_at: &'static str,
    /// "only when {cond}" in `show`.
    pub only_when: &'static str,
    /// "expected wait: {wait}" in `show`.
    pub expected_wait: &'static str,
    /// Markers of an input in `show`: personal, required.
    pub input_marks: [&'static str; 2],
    /// Difficulty names, in `Difficulty` order: easy, medium, hard, limited, impossible.
    pub difficulties: [&'static str; 5],
}

/// Labels of the exported record (`export`), in every format.
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
    /// Session statuses: in progress, completed, abandoned.
    pub session_status: [&'static str; 3],
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
    /// Step statuses: pending, done, skipped, not applicable.
    pub step_status: [&'static str; 4],
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
    /// Reminder text for a wait's due date; `{phone}` is the customer-service line.
    pub cal_due_body: &'static str,
    /// Reminder title for an `after` step; `{step}`, `{checklist}`.
    pub cal_after: &'static str,
    /// Error when there is nothing to put in a calendar.
    pub cal_nothing: &'static str,
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

/// The frame of `letter`: headings around the French letter and its translation.
pub struct Letter {
    /// Heading above the French text; `{kind}`.
    pub french_heading: &'static str,
    /// Heading above the translation.
    pub translation_heading: &'static str,
    /// Under the translation heading: send the French text, not this one.
    pub translation_note: &'static str,
    /// "letter" and "e-mail", for `{kind}`.
    pub kinds: [&'static str; 2],
    /// The missing-value mark in the translation; `{what}`.
    pub missing: &'static str,
    /// What each missing value is, in the order of [`crate::letter::Field::ALL`].
    pub fields: [&'static str; 9],
    /// Printed on stderr when values are missing; `{n}`.
    pub missing_count: &'static str,
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

/// Strings of `guide` and `resume`. Templates name their `{placeholders}`.
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
    /// `{value}` does not match the input's pattern.
    pub input_pattern: &'static str,
    /// Marks an input as required, after its label.
    pub input_required_mark: &'static str,
    /// Heading of the links of a step.
    pub links: &'static str,
    /// `{contact}`: the customer-service line of a step.
    pub contact: &'static str,
    /// Label of the phone number.
    pub phone: &'static str,
    /// Label of the e-mail address.
    pub email: &'static str,
    /// `{began}`, `{days}`, `{due}`: a wait in progress.
    pub waiting: &'static str,
    /// `{due}`, `{days}`: the wait is over without a confirmation.
    pub overdue: &'static str,
    /// What to do when overdue: contact customer service (`{contact}`).
    pub overdue_contact: &'static str,
    /// What to do when overdue and the checklist names no contact.
    pub overdue_no_contact: &'static str,
    /// `{date}`: the confirmation came that day.
    pub received_on: &'static str,
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
    /// Plain mode: the prompt for a menu number.
    pub plain_number: &'static str,
    /// Plain mode, `{n}`: a menu answer that is not a number from 1 to n.
    pub plain_bad_number: &'static str,
    /// Plain mode: the hint after a yes/no question when the default is yes.
    pub plain_yes_default: &'static str,
    /// Plain mode: the hint after a yes/no question when the default is no.
    pub plain_no_default: &'static str,
    /// Plain mode: a yes/no answer that is neither.
    pub plain_bad_yes_no: &'static str,
    /// `{path}`, `{inner}`, `{file}`: a session file whose id is not its file name.
    pub resume_id_mismatch: &'static str,
}

/// Strings of `sessions`.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_first_set_variable() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::ZhCn);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::ZhCn
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    }

    /// Every place of the command line has a Chinese help text, and every text a place.
    #[test]
    fn chinese_help_covers_every_command_and_argument() {
        use clap::CommandFactory;
        fn places(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            out.push(path.to_string());
            for a in cmd.get_arguments() {
                out.push(format!("{path}.{}", a.get_id()));
            }
            for sc in cmd.get_subcommands() {
                places(sc, sc.get_name(), out);
            }
        }
        let mut wanted = Vec::new();
        places(&crate::cli::Cli::command(), "", &mut wanted);
        let texts: Vec<&str> = Lang::ZhCn
            .strings()
            .help
            .texts
            .iter()
            .map(|(k, _)| *k)
            .collect();
        let missing: Vec<&String> = wanted
            .iter()
            .filter(|w| !texts.contains(&w.as_str()))
            .collect();
        assert!(missing.is_empty(), "no Chinese help for {missing:?}");
        let stale: Vec<&&str> = texts
            .iter()
            .filter(|t| !wanted.iter().any(|w| w == *t))
            .collect();
        assert!(stale.is_empty(), "Chinese help for nothing: {stale:?}");
    }

    #[test]
    fn the_localized_commands_are_valid_clap_commands() {
        use clap::CommandFactory;
        for lang in [Lang::En, Lang::ZhCn] {
            localize_help(crate::cli::Cli::command(), lang).debug_assert();
            let help = localize_help(crate::cli::Cli::command(), lang)
                .render_long_help()
                .to_string();
            let expected = if lang == Lang::En {
                "Usage:"
            } else {
                "用法:"
            };
            assert!(help.contains(expected), "{help}");
        }
        let mut cmd = localize_help(crate::cli::Cli::command(), Lang::ZhCn);
        let export = cmd
            .find_subcommand_mut("export")
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(export.contains("输出格式［默认：取自 -o 文件的扩展名，否则为 md］［可选值：md, json, html, txt, ics］"), "{export}");
        assert!(
            !export.contains("Possible values") && !export.contains("Options:"),
            "{export}"
        );
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_others() {
        assert_eq!(
            fill("{a} and {b}", &[("a", &1), ("b", &"two")]),
            "1 and two"
        );
        assert_eq!(fill("{x} {", &[]), "{x} {");
    }
}
