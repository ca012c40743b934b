//! Files that may hold personal data: private files and folders, and the one atomic write
//! that sessions, `-o` outputs and (without waiting for the disk) the catalogue cache all use.
//!
//! An atomic write puts the new contents in a temporary file (0600) in the same folder,
//! fsyncs it, renames it over the target and fsyncs the folder: a crash at any moment
//! leaves the old file or the new one, never a mix, and the rename survives a power cut.
//!
//! On Windows there are no modes and no folder sync. A new file takes the access list of its
//! folder, and the user's profile (`%APPDATA%`, where sessions live) is open to that user
//! only (and to SYSTEM and administrators), so nothing is changed. The rename (`MoveFileEx`
//! with replace, as `tempfile` does it) is atomic and journaled by NTFS: a crash leaves the
//! old file or the new one; a power cut right after a save may bring back the one before.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Owner read and write only: sessions, exports, letters, lock files.
#[cfg(unix)]
const PRIVATE_FILE_MODE: u32 = 0o600;

/// Owner only: the folder of the sessions.
#[cfg(unix)]
const PRIVATE_DIR_MODE: u32 = 0o700;

/// Whether [`write_atomic`] may replace a file that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Replace it (a session saved again, a cache refreshed, `-o` with `--force`).
    Always,
    /// Refuse, even if the file appears between the check and the rename.
    Never,
}

/// What failed, and where; the target was left as it was.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A folder could not be created.
    #[error("cannot create the folder {}", dir.display())]
    CreateDir {
        /// The folder.
        dir: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// A folder could not be made owner-only (Unix only).
    #[error("cannot make {} private (mode 0700)", dir.display())]
    MakePrivate {
        /// The folder.
        dir: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// No temporary file could be created beside the target.
    #[error("cannot create a temporary file in {}", dir.display())]
    CreateTemp {
        /// The target's folder.
        dir: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// The temporary file could not be written or synced.
    #[error("cannot write a temporary file in {}", dir.display())]
    Write {
        /// The target's folder.
        dir: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// The target exists and [`Replace::Never`] was asked.
    #[error("{} already exists", path.display())]
    Exists {
        /// The target.
        path: PathBuf,
    },
    /// The rename over the target failed.
    #[error("cannot replace {}", path.display())]
    Rename {
        /// The target.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// The folder could not be synced after the rename (Unix only).
    #[error("cannot sync the folder {}", dir.display())]
    SyncDir {
        /// The target's folder.
        dir: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
}

/// Writes `contents` to `path` atomically and durably (see the module's documentation),
/// as an owner-only file.
pub fn write_atomic(path: &Path, contents: &[u8], replace: Replace) -> Result<(), Error> {
    write_through_temp(path, contents, replace, true)
}

/// Like [`write_atomic`] with [`Replace::Always`], but without waiting for the disk: for a
/// file the program can rebuild (the catalogue cache). A crash of the process still
/// leaves the old file or the new one; after a power cut the file may be old, empty or
/// missing, and its reader must treat all three as "no cache". Skipping the two fsyncs
/// saves their latency (milliseconds to tens of milliseconds on a busy disk).
pub fn write_rebuildable(path: &Path, contents: &[u8]) -> Result<(), Error> {
    write_through_temp(path, contents, Replace::Always, false)
}

/// Writes a temporary file beside `path` and renames it over `path`; with `durable`, syncs
/// the file before the rename and the folder after it.
fn write_through_temp(
    path: &Path,
    contents: &[u8],
    replace: Replace,
    durable: bool,
) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if replace == Replace::Never && fs::symlink_metadata(path).is_ok() {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    // Named after the target, so a temporary file left by a crash says what it was.
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("simcancel");
    let prefix = format!(".{stem}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(fs::Permissions::from_mode(PRIVATE_FILE_MODE));
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|source| Error::CreateTemp {
            dir: dir.to_path_buf(),
            source,
        })?;
    tmp.write_all(contents)
        .and_then(|()| {
            if durable {
                tmp.as_file().sync_all()
            } else {
                Ok(())
            }
        })
        .map_err(|source| Error::Write {
            dir: dir.to_path_buf(),
            source,
        })?;
    let renamed = match replace {
        Replace::Always => tmp.persist(path).map(drop),
        // Checked again atomically: the file may have appeared since the first check.
        Replace::Never => tmp.persist_noclobber(path).map(drop),
    };
    match renamed {
        Ok(()) => {}
        Err(e) if replace == Replace::Never && e.error.kind() == io::ErrorKind::AlreadyExists => {
            return Err(Error::Exists {
                path: path.to_path_buf(),
            });
        }
        Err(e) => {
            return Err(Error::Rename {
                path: path.to_path_buf(),
                source: e.error,
            });
        }
    }
    if !durable {
        return Ok(());
    }
    sync_dir(dir)
}

/// The rename is durable only once the folder is on disk too.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), Error> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| Error::SyncDir {
            dir: dir.to_path_buf(),
            source,
        })
}

/// Windows cannot sync a folder (a folder handle cannot be flushed): the journaled rename
/// is the last step.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), Error> {
    Ok(())
}

/// Creates `dir` and its parents, and on Unix makes `dir` owner-only (0700), also when it
/// existed. On Windows it inherits the access list of the folder it is made in.
pub fn create_private_dir(dir: &Path) -> Result<(), Error> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(PRIVATE_DIR_MODE);
    builder.create(dir).map_err(|source| Error::CreateDir {
        dir: dir.to_path_buf(),
        source,
    })?;
    #[cfg(unix)]
    fs::set_permissions(dir, fs::Permissions::from_mode(PRIVATE_DIR_MODE)).map_err(|source| {
        Error::MakePrivate {
            dir: dir.to_path_buf(),
            source,
        }
    })?;
    Ok(())
}

/// Options that create a file owner-only (0600), for files written in place (a lock).
#[cfg(unix)]
pub fn private_open_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.mode(PRIVATE_FILE_MODE);
    options
}

/// Options for files written in place (a lock): on Windows a new file takes its folder's
/// access list, private under the user's profile.
#[cfg(not(unix))]
pub fn private_open_options() -> OpenOptions {
    OpenOptions::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("metadata").permissions().mode() & 0o777
    }

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("record.md");
        write_atomic(&path, b"one", Replace::Always).expect("write");
        write_atomic(&path, b"two", Replace::Always).expect("write again");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["record.md"]);
    }

    #[test]
    fn a_rebuildable_write_replaces_the_file_whole_too() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("cache.json");
        write_rebuildable(&path, b"old").expect("write");
        write_rebuildable(&path, b"new").expect("write again");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn never_replace_keeps_an_existing_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("letter.txt");
        fs::write(&path, "mine").expect("write");
        let err = write_atomic(&path, b"new", Replace::Never).expect_err("exists");
        assert!(matches!(err, Error::Exists { .. }), "{err:?}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "mine");
    }

    #[test]
    fn a_missing_folder_is_a_temporary_file_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nowhere").join("x.json");
        let err = write_atomic(&path, b"{}", Replace::Always).expect_err("no folder");
        assert!(matches!(err, Error::CreateTemp { .. }), "{err:?}");
    }

    // Owner-only modes are a Unix notion (see the module's documentation).
    #[cfg(unix)]
    #[test]
    fn a_private_folder_is_owner_only_even_if_it_existed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sessions = dir.path().join("data").join("sessions");
        fs::create_dir_all(&sessions).expect("mkdir");
        fs::set_permissions(&sessions, fs::Permissions::from_mode(0o755)).expect("chmod");
        create_private_dir(&sessions).expect("private");
        assert_eq!(mode(&sessions), 0o700);
    }
}
