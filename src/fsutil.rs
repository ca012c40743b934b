//! Files that may hold personal data: owner-only modes, and the one atomic write that
//! sessions, `-o` outputs and the catalogue cache all use.
//!
//! An atomic write puts the new contents in a temporary file (0600) in the same folder,
//! fsyncs it, renames it over the target and fsyncs the folder: a crash at any moment
//! leaves the old file or the new one, never a mix, and the rename survives a power cut.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Owner read and write only: sessions, exports, letters, lock files.
const PRIVATE_FILE_MODE: u32 = 0o600;

/// Owner only: the folder of the sessions.
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
    /// A folder could not be made owner-only.
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
    /// The folder could not be synced after the rename.
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
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{stem}."))
        .suffix(".tmp")
        .permissions(Permissions::from_mode(PRIVATE_FILE_MODE))
        .tempfile_in(dir)
        .map_err(|source| Error::CreateTemp {
            dir: dir.to_path_buf(),
            source,
        })?;
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
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
    // The rename is durable only once the folder is on disk too.
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| Error::SyncDir {
            dir: dir.to_path_buf(),
            source,
        })
}

/// Creates `dir` and its parents, and makes `dir` owner-only (0700), also when it existed.
pub fn create_private_dir(dir: &Path) -> Result<(), Error> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(PRIVATE_DIR_MODE)
        .create(dir)
        .map_err(|source| Error::CreateDir {
            dir: dir.to_path_buf(),
            source,
        })?;
    fs::set_permissions(dir, Permissions::from_mode(PRIVATE_DIR_MODE)).map_err(|source| {
        Error::MakePrivate {
            dir: dir.to_path_buf(),
            source,
        }
    })
}

/// Options that create a file owner-only (0600), for files written in place (a lock).
pub fn private_open_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.mode(PRIVATE_FILE_MODE);
    options
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["record.md"]);
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

    #[test]
    fn a_private_folder_is_owner_only_even_if_it_existed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sessions = dir.path().join("data").join("sessions");
        fs::create_dir_all(&sessions).expect("mkdir");
        fs::set_permissions(&sessions, Permissions::from_mode(0o755)).expect("chmod");
        create_private_dir(&sessions).expect("private");
        assert_eq!(mode(&sessions), 0o700);
    }
}
