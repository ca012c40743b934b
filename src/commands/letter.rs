//! `simcancel letter <session>`: the filled letter, request or e-mail and its translation.

use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use crate::cli::LetterArgs;
use crate::clock;
use crate::i18n;
use crate::letter::{self, TemplateDirs};

use super::messages::Localized;
use super::output;

/// Writes the letter. The translation is in the session's language unless `--lang` was
/// given (`lang_given`).
pub fn run(cx: &Context, args: LetterArgs, lang_given: bool) -> Result<ExitCode> {
    let (session, lang) = cx.session_and_lang(&args.session, lang_given)?;
    let dirs = TemplateDirs::new(&cx.sources);
    let today = clock::now()?.date_naive();
    let s = lang.strings();
    let filled = letter::render(&session, args.kind, s, today, &dirs).localized(s)?;
    output::write(args.output.as_deref(), &filled.text, args.force, s)?;
    if filled.missing > 0 {
        let count = i18n::fill(
            s.letter.missing_count,
            &[("n", &filled.missing), ("mark", &filled.missing_mark)],
        );
        super::note(&count);
    }
    if filled.chinese_name {
        super::note(s.letter.chinese_name);
    }
    if let Some(path) = &args.output {
        super::note(&i18n::fill(s.export.written, &[("path", &path.display())]));
    }
    Ok(ExitCode::SUCCESS)
}
