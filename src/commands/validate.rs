//! `simcancel validate <file-or-dir>...`: every problem in every file, as `path:line:col`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use super::messages;
use crate::checklist::{
    Diagnostic, Problem, ReadError, Rules, checklist_files, parse_with, read_file,
};
use crate::i18n::fill;
use crate::parallel;

/// Checks the files (folders: their `.toml` files) and prints every problem. Exit 1 if any
/// error was found. `strict`: the bundled catalogue's rules, and no stale checklist.
pub fn run(cx: &Context, paths: &[PathBuf], strict: bool) -> Result<ExitCode> {
    let s = cx.strings();
    let rules = if strict {
        Rules::strict(crate::clock::now()?.date_naive())
    } else {
        Rules::USER
    };
    // One write at the end, not one per line (standard output is line-buffered).
    let mut out = BufWriter::new(std::io::stdout().lock());
    // What to report on, in order: a file to check, or a folder that cannot be listed.
    let mut items: Vec<std::result::Result<PathBuf, Diagnostic>> = Vec::new();
    let mut empty_dirs = 0usize;
    for path in paths {
        if path.is_dir() {
            match dir_files(path) {
                Ok(list) if list.is_empty() => {
                    super::say(
                        &mut out,
                        &fill(s.catalog.validate_no_files, &[("path", &path.display())]),
                    )?;
                    empty_dirs += 1;
                }
                Ok(list) => items.extend(list.into_iter().map(Ok)),
                Err(reason) => items.push(Err(Diagnostic::file(path, Problem::Unreadable(reason)))),
            }
        } else {
            items.push(Ok(path.clone()));
        }
    }
    let files = items.iter().filter(|i| i.is_ok()).count();
    // Each file is checked on its own, so on every core; the report keeps their order.
    let diags: Vec<Diagnostic> = parallel::map(&items, |item| match item {
        Ok(file) => check_file(file, rules),
        Err(unreadable) => vec![unreadable.clone()],
    })
    .into_iter()
    .flatten()
    .collect();
    for d in &diags {
        super::say(&mut out, &messages::diagnostic(d, s))?;
    }
    // Before the summary on standard error, so that a terminal shows them in this order.
    out.flush()?;
    let errors = diags.iter().filter(|d| d.is_error()).count() + empty_dirs;
    let warnings = diags.iter().filter(|d| !d.is_error()).count();
    super::note(&fill(
        s.catalog.validate_summary,
        &[
            ("files", &files),
            ("errors", &errors),
            ("warnings", &warnings),
        ],
    ));
    Ok(if errors > 0 {
        ExitCode::from(crate::exit::ERROR)
    } else {
        ExitCode::SUCCESS
    })
}

/// The problems of one file. Two files of one folder cannot share an id: each id must
/// match its file name.
fn check_file(path: &Path, rules: Rules) -> Vec<Diagnostic> {
    if crate::letter::is_template_file(path) {
        return crate::letter::check_template_file(path);
    }
    match read_file(path) {
        Err(d) => vec![*d],
        Ok(src) => match parse_with(&src, path, rules) {
            Ok((_, warnings)) => warnings,
            Err(diags) => diags,
        },
    }
}

fn dir_files(dir: &Path) -> std::result::Result<Vec<PathBuf>, ReadError> {
    let mut files = checklist_files(dir)?;
    // Letter templates live beside the checklists (in the folder or its `letters/`).
    files.extend(crate::letter::template_files(dir));
    files.sort();
    Ok(files)
}
