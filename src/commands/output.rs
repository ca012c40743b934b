//! Where `export` and `letter` put their result: standard output, or a private file written
//! atomically ([`fsutil::write_atomic`]) that is never overwritten without `--force`, since
//! it holds personal data.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, anyhow};

use crate::fsutil::{self, Replace};
use crate::i18n::{Strings, fill};

/// Writes `contents` to `path` (mode 0600), or to standard output when `path` is `None`.
/// An existing file is an error unless `force`.
pub fn write(path: Option<&Path>, contents: &str, force: bool, s: &Strings) -> Result<()> {
    let x = &s.export;
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return match out
            .write_all(contents.as_bytes())
            .and_then(|()| out.flush())
        {
            // The reader stopped early (`| head`): what it wanted was written.
            Err(e) if super::is_closed_pipe(&e) => Ok(()),
            other => other.context(x.stdout_failed),
        };
    };
    let replace = if force {
        Replace::Always
    } else {
        Replace::Never
    };
    fsutil::write_atomic(path, contents.as_bytes(), replace).map_err(|e| file_error(e, path, s))
}

/// What a failed [`fsutil::write_atomic`] to `path` says, in the person's language, with the
/// system's words underneath.
pub(super) fn file_error(e: fsutil::Error, path: &Path, s: &Strings) -> anyhow::Error {
    let x = &s.export;
    let message = match &e {
        fsutil::Error::Exists { path } => fill(x.exists, &[("path", &path.display())]),
        fsutil::Error::CreateTemp { dir, .. } | fsutil::Error::CreateDir { dir, .. } => {
            fill(x.no_folder, &[("dir", &dir.display())])
        }
        fsutil::Error::MakePrivate { .. }
        | fsutil::Error::Shared { .. }
        | fsutil::Error::Write { .. }
        | fsutil::Error::Rename { .. }
        | fsutil::Error::SyncDir { .. } => fill(x.write_failed, &[("path", &path.display())]),
    };
    match std::error::Error::source(&e) {
        Some(cause) => anyhow!("{cause}").context(message),
        None => anyhow!(message),
    }
}
