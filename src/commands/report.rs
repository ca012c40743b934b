//! `simcancel report <session>`: feedback on a session for the checklist's maintainers, as
//! Markdown on standard output, ready to paste into an issue.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use super::messages::Localized;
use crate::cli::ReportArgs;
use crate::clock;
use crate::i18n::{Lang, fill};
use crate::report::{self, Options};
use crate::session::Store;

/// Writes the report. Its language is the session's unless `--lang` was given
/// (`lang_given`): the person reads it before sharing it. When skip reasons or notes were
/// left out, standard error says how to include them.
pub fn run(cx: &Context, args: ReportArgs, lang_given: bool) -> Result<ExitCode> {
    let (_, session) = Store::new(&cx.data_dir)
        .find(&args.session)
        .localized(cx.strings())?;
    let lang = if lang_given {
        cx.lang
    } else {
        Lang::from_tag(&session.lang).unwrap_or(cx.lang)
    };
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
