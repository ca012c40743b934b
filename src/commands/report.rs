//! `simcancel report <session>`: feedback on a session for the checklist's maintainers, as
//! Markdown on standard output, ready to paste into an issue.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use crate::cli::ReportArgs;
use crate::clock;
use crate::i18n::fill;
use crate::report::{self, Options};

/// Writes the report. Its language is the session's unless `--lang` was given
/// (`lang_given`): the person reads it before sharing it. When skip reasons or notes were
/// left out, standard error says how to include them.
pub fn run(cx: &Context, args: ReportArgs, lang_given: bool) -> Result<ExitCode> {
    let (session, lang) = cx.session_and_lang(&args.session, lang_given)?;
    let options = Options {
        strings: lang.strings(),
        with_text: args.with_text,
        now: clock::now()?,
    };
    std::io::stdout().write_all(report::render(&session, &options).as_bytes())?;
    let (reasons, notes) = report::free_texts(&session);
    if !args.with_text && reasons + notes > 0 {
        super::note(&fill(
            lang.strings().report.hint_with_text,
            &[("n", &(reasons + notes)), ("id", &session.id)],
        ));
    }
    Ok(ExitCode::SUCCESS)
}
