//! `simcancel new <id>`: writes a skeleton checklist into the person's checklist folder (or
//! `-o FILE`), never over an existing file. Its first line points editors to the JSON
//! Schema: the repository's `docs/` copy when the file is written into a checkout's
//! `checklists/`, else a copy written beside the file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow, bail};

use super::context::Context;
use super::output;
use crate::checklist::{JSON_SCHEMA, JSON_SCHEMA_FILE, skeleton};
use crate::cli::NewArgs;
use crate::clock;
use crate::fsutil::{self, Replace};
use crate::i18n::fill;

/// Where a bundled checklist finds the schema, from `checklists/`.
const REPOSITORY_SCHEMA: &str = "../docs/checklist.schema.json";

/// Where any other finds it: the copy `new` writes beside it.
const JSON_SCHEMA_FILE_DIRECTIVE: &str = "./checklist.schema.json";

/// Writes the skeleton of checklist `args.id`.
pub fn run(cx: &Context, args: NewArgs) -> Result<ExitCode> {
    let t = &cx.strings().new;
    let id = args.id;
    let path: PathBuf = match args.output {
        Some(path) => {
            if path.file_name().and_then(|n| n.to_str()) != Some(&format!("{id}.toml")) {
                bail!(fill(
                    t.wrong_name,
                    &[("path", &path.display()), ("id", &id)]
                ));
            }
            path
        }
        None => {
            let dir = cx
                .sources
                .user_dir
                .clone()
                .ok_or_else(|| anyhow!(fill(t.no_folder, &[("id", &id)])))?;
            std::fs::create_dir_all(&dir).map_err(|e| {
                anyhow!("{e}").context(fill(
                    cx.strings().export.no_folder,
                    &[("dir", &dir.display())],
                ))
            })?;
            dir.join(format!("{id}.toml"))
        }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let in_repository = dir.join(REPOSITORY_SCHEMA).is_file();
    let directive = if in_repository {
        REPOSITORY_SCHEMA
    } else {
        JSON_SCHEMA_FILE_DIRECTIVE
    };
    let today = clock::now()?.date_naive();
    // The id was checked by the command line, and the directive is one of two constants.
    let text = skeleton(&id, today, directive).context("a checklist id")?;
    // Private and atomic like every file simcancel writes, and never over an existing
    // file: checked before the write, and again by the rename itself.
    fsutil::write_atomic(&path, text.as_bytes(), Replace::Never).map_err(|e| match e {
        fsutil::Error::Exists { .. } => anyhow!(fill(t.exists, &[("path", &path.display())])),
        e => output::file_error(e, &path, cx.strings()),
    })?;
    let validate = format!("simcancel validate {}", path.display());
    super::note(&fill(
        t.written,
        &[("path", &path.display()), ("validate", &validate)],
    ));
    if !in_repository {
        write_schema(&dir.join(JSON_SCHEMA_FILE), cx)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the schema beside the skeleton unless the same copy is already there (an older
/// one is replaced: the file is simcancel's own).
fn write_schema(path: &Path, cx: &Context) -> Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|s| s == JSON_SCHEMA) {
        return Ok(());
    }
    fsutil::write_atomic(path, JSON_SCHEMA.as_bytes(), Replace::Always)
        .map_err(|e| output::file_error(e, path, cx.strings()))?;
    super::note(&fill(
        cx.strings().new.schema_written,
        &[("path", &path.display())],
    ));
    Ok(())
}
