//! `simcancel export <session>`: the record of a session in one of five formats.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use super::context::Context;
use super::messages::Localize;
use super::output;
use crate::cli::ExportArgs;
use crate::clock;
use crate::export::{self, Format, Options};
use crate::i18n;
use crate::session::SessionStatus;

/// Exports the session. The language is the session's unless `--lang` was given
/// (`lang_given`), since the record is usually read by the person who walked it.
pub fn run(cx: &Context, args: ExportArgs, lang_given: bool) -> Result<ExitCode> {
    let (session, lang) = cx.session_and_lang(&args.session, lang_given)?;
    let x = &lang.strings().export;
    let format = match (args.format, &args.output) {
        (Some(f), _) => f,
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            anyhow!(i18n::fill(
                x.unknown_extension,
                &[("path", &path.display())]
            ))
        })?,
        (None, None) => Format::Markdown,
    };
    if args.require_complete && !session.is_complete() {
        let p = session.progress();
        // An abandoned session cannot be resumed, so it is not told to finish it that way.
        let template = if session.status == SessionStatus::Abandoned {
            x.require_complete_abandoned
        } else {
            x.require_complete
        };
        bail!(i18n::fill(
            template,
            &[
                ("id", &session.id),
                ("done", &p.settled()),
                ("total", &p.applicable()),
                ("checklist", &session.checklist.id),
            ],
        ));
    }
    let options = Options {
        strings: lang.strings(),
        redact: args.redact,
        now: clock::now()?,
    };
    let rendered = match export::export(&session, format, &options) {
        Ok(rendered) => rendered,
        // A finished session has nothing open to remind of: said, and not a failure.
        Err(closed @ export::Error::Closed { .. }) => {
            super::note(&closed.localize(lang.strings()).to_string());
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e.localize(lang.strings())),
    };
    output::write(
        args.output.as_deref(),
        &rendered,
        args.force,
        lang.strings(),
    )?;
    if let Some(path) = &args.output {
        super::note(&i18n::fill(x.written, &[("path", &path.display())]));
    }
    Ok(ExitCode::SUCCESS)
}
