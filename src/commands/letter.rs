//! `simcancel letter <session>`: the filled French letter or e-mail and its translation.

use std::process::ExitCode;

use anyhow::Result;

use crate::app::App;
use crate::cli::{LetterArgs, LetterKindArg};
use crate::clock;
use crate::i18n::{self, Lang};
use crate::letter::{self, Kind, TemplateDirs};
use crate::session::Store;

use super::messages::Localized;
use super::output;

/// Writes the letter. The translation is in the session's language unless `--lang` was
/// given (`lang_given`).
pub fn run(app: &App, args: LetterArgs, lang_given: bool) -> Result<ExitCode> {
    let (_, session) = Store::new(&app.data_dir)
        .find(&args.session)
        .localized(app.strings())?;
    let lang = if lang_given {
        app.lang
    } else {
        Lang::from_tag(&session.lang).unwrap_or(app.lang)
    };
    let kind = match args.kind {
        LetterKindArg::Letter => Kind::Letter,
        LetterKindArg::Email => Kind::Email,
    };
    let dirs = TemplateDirs::new(&app.sources);
    let today = clock::now()?.date_naive();
    let filled = letter::render(&session, kind, lang, today, &dirs).localized(lang.strings())?;
    output::write(
        args.output.as_deref(),
        &filled.text,
        args.force,
        lang.strings(),
    )?;
    if filled.missing > 0 {
        let s = &lang.strings().letter;
        super::note(&i18n::fill(s.missing_count, &[("n", &filled.missing)]));
    }
    if let Some(path) = &args.output {
        let x = &lang.strings().export;
        super::note(&i18n::fill(x.written, &[("path", &path.display())]));
    }
    Ok(ExitCode::SUCCESS)
}
