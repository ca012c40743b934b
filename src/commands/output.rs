//! Where `export` and `letter` put their result: standard output, or a private file written
//! atomically (temp file in the same folder, fsync, rename, fsync of the folder) that is
//! never overwritten without `--force`, since it holds personal data.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::i18n::{self, Lang};

/// Writes `contents` to `path` (mode 0600), or to standard output when `path` is `None`.
/// An existing file is an error unless `force`.
pub fn write(path: Option<&Path>, contents: &str, force: bool, lang: Lang) -> Result<()> {
    let x = &lang.strings().export;
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return match out
            .write_all(contents.as_bytes())
            .and_then(|()| out.flush())
        {
            // The reader stopped early (`| head`): what it wanted was written.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context(x.stdout_failed),
        };
    };
    let exists = || i18n::fill(x.exists, &[("path", &path.display())]);
    let failed = || i18n::fill(x.write_failed, &[("path", &path.display())]);
    if !force && fs::symlink_metadata(path).is_ok() {
        bail!(exists());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".simcancel.")
        .suffix(".tmp")
        .permissions(private_file())
        .tempfile_in(dir)
        .with_context(|| i18n::fill(x.no_folder, &[("dir", &dir.display())]))?;
    tmp.write_all(contents.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(failed)?;
    if force {
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(failed)?;
    } else {
        // Checked again atomically: the file may have appeared since the first check.
        match tmp.persist_noclobber(path) {
            Ok(_) => {}
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => bail!(exists()),
            Err(e) => return Err(e.error).with_context(failed),
        }
    }
    // The rename is durable only once the folder is on disk too.
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(failed)?;
    Ok(())
}

fn private_file() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o600)
}
