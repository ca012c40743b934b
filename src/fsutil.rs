//! Files that may hold personal data: owner-only modes, the one atomic write that
//! sessions, `-o` outputs and (without waiting for the disk) the catalogue cache all use,
//! and opening files that someone else may have replaced by a link, a pipe or a device.
//!
//! An atomic write puts the new contents in a temporary file (0600) in the same folder,
//! named `.<target stem>.<6 letters or digits>.tmp` ([`temp_file_target`] recognises one),
//! fsyncs it, renames it over the target and fsyncs the folder: a crash at any moment
//! leaves the old file or the new one, never a mix, and the rename survives a power cut. A
//! crash can leave the temporary file behind; its owner removes it (sessions: see
//! `session::Store`).
//!
//! Reading goes through [`open_regular`]: only regular files are read, a pipe is never
//! waited on (it is opened non-blocking, then refused), and a symbolic link can be refused.
//!
//! On Windows there are no modes and no folder sync. A new file takes the access list of its
//! folder, and the user's profile (`%APPDATA%`, where sessions live) is open to that user
//! only (and to SYSTEM and administrators), so nothing is changed. The rename (`MoveFileEx`
//! with replace, as `tempfile` does it) is atomic and journaled by NTFS: a crash leaves the
//! old file or the new one; a power cut right after a save may bring back the one before.
//! There are no FIFOs among files there; links are still refused where asked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Owner read and write only: sessions, exports, letters, lock files.
#[cfg(unix)]
const PRIVATE_FILE_MODE: u32 = 0o600;

/// Owner only: the folder of the sessions, the cache.
#[cfg(unix)]
const PRIVATE_DIR_MODE: u32 = 0o700;

/// How many random letters and digits name a temporary file.
const TEMP_RANDOM_LEN: usize = 6;

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
    /// A folder that other users may write to, refused by [`refuse_shared_dir`] (Unix only).
    #[error("{} can be changed by other users (mode {mode:04o})", dir.display())]
    Shared {
        /// The folder.
        dir: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
}

/// Whether [`open_regular`] follows a symbolic link that the path itself names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Follow it (a file the person chose, a template in their own folder).
    Follow,
    /// Refuse it (a file in simcancel's own folders: a link there was put by someone else).
    Refuse,
}

/// Why a file was not opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Not a regular file: a pipe, socket, device, folder, or a refused symbolic link.
    #[error("not a regular file")]
    NotRegular,
    /// The system's error.
    #[error(transparent)]
    Io(#[from] io::Error),
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
    builder
        .prefix(&prefix)
        .rand_bytes(TEMP_RANDOM_LEN)
        .suffix(".tmp");
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
    File::open(dir)
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
/// existed, whatever the umask. On Windows it inherits the access list of the folder it is
/// made in.
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

/// Refuses `dir` if users other than its owner may write to it (a group- or world-writable
/// folder, sticky or not): they could replace what simcancel keeps there. A folder that does
/// not exist yet is fine. simcancel never changes the mode of a folder it did not create:
/// it may be shared on purpose.
#[cfg(unix)]
pub fn refuse_shared_dir(dir: &Path) -> Result<(), Error> {
    match fs::metadata(dir) {
        Ok(meta) if meta.mode() & 0o022 != 0 => Err(Error::Shared {
            dir: dir.to_path_buf(),
            mode: meta.mode() & 0o7777,
        }),
        _ => Ok(()),
    }
}

/// On Windows a folder has an access list, not a mode: the user's profile is private, and
/// simcancel does not read access lists. Nothing is refused.
#[cfg(not(unix))]
pub fn refuse_shared_dir(_dir: &Path) -> Result<(), Error> {
    Ok(())
}

/// The stem of the file that the temporary file `name` was written for, if `name` has the
/// shape [`write_atomic`] gives its temporary files: `.<stem>.<6 letters or digits>.tmp`.
pub fn temp_file_target(name: &str) -> Option<&str> {
    let middle = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, random) = middle.rsplit_once('.')?;
    let random_ok =
        random.len() == TEMP_RANDOM_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric());
    (random_ok && !stem.is_empty()).then_some(stem)
}

/// Whether an open error says the path was a symbolic link that `O_NOFOLLOW` refused:
/// `ELOOP` on Linux and macOS, `EMLINK` on the BSDs.
#[cfg(unix)]
fn is_refused_link(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(code) if code == libc::ELOOP || code == libc::EMLINK)
}

/// Flags that open a file without waiting on a pipe, and without following a link at the
/// path itself when `links` refuses them (Unix; Windows has no such flags, and checks the
/// path before opening).
#[cfg(unix)]
fn no_wait(options: &mut OpenOptions, links: Links) {
    let mut flags = libc::O_NONBLOCK;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    options.custom_flags(flags);
}

#[cfg(not(unix))]
fn no_wait(_options: &mut OpenOptions, _links: Links) {}

/// Whether `e`, from opening a path with [`no_wait`], says the path was a refused link.
fn refused(e: io::Error, links: Links) -> OpenError {
    #[cfg(unix)]
    if links == Links::Refuse && is_refused_link(&e) {
        return OpenError::NotRegular;
    }
    let _ = links;
    OpenError::Io(e)
}

/// Opens `path` for reading if it is a regular file, with the open file's metadata. It is
/// opened non-blocking, so a pipe (a FIFO named like a session file) never hangs the caller,
/// and its type is checked on the open file, so it cannot be swapped between the check and
/// the read.
pub fn open_regular(path: &Path, links: Links) -> Result<(File, fs::Metadata), OpenError> {
    // Checked before opening too: opening a device can have effects of its own.
    let before = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse => fs::symlink_metadata(path),
    }?;
    if !before.is_file() {
        return Err(OpenError::NotRegular);
    }
    let mut options = OpenOptions::new();
    options.read(true);
    no_wait(&mut options, links);
    let file = options.open(path).map_err(|e| refused(e, links))?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    Ok((file, meta))
}

/// The whole of `path`, read through [`open_regular`].
pub fn read_regular(path: &Path, links: Links) -> Result<Vec<u8>, OpenError> {
    let (mut file, meta) = open_regular(path, links)?;
    // Sized from the open file: a long session is read in one call, not by doubling a
    // buffer (which copied it and touched twice its size in fresh memory).
    // The size is only a hint (a file can grow or lie): at most 64 MiB is reserved ahead.
    let hint = meta.len().min(64 << 20) as usize;
    let mut bytes = Vec::with_capacity(hint + 1);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens or creates the lock file `path` (0600) for reading and writing: never through a
/// symbolic link (its target would be overwritten), never a pipe or a device.
pub fn open_lock_file(path: &Path) -> Result<File, OpenError> {
    // Windows has no O_NOFOLLOW: the path is checked first.
    #[cfg(not(unix))]
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(OpenError::NotRegular);
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    options.mode(PRIVATE_FILE_MODE);
    no_wait(&mut options, Links::Refuse);
    let file = options.open(path).map_err(|e| refused(e, Links::Refuse))?;
    if !file.metadata()?.is_file() {
        return Err(OpenError::NotRegular);
    }
    Ok(file)
}

/// Whether the open `file` is the one `path` names now (same device and inode): not if
/// the path was removed, or replaced, since the file was opened.
#[cfg(unix)]
pub fn is_same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows gives no stable file identity to compare: a lock file there is never removed
/// (see `session::Store`), so the path still names the file that was opened.
#[cfg(not(unix))]
pub fn is_same_file(_file: &File, path: &Path) -> bool {
    path.is_file()
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

    #[test]
    fn temporary_files_are_recognised_by_their_whole_shape() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("0011aabb.json");
        // A write leaves no temporary file; its name's shape is checked on a kept one.
        let kept = tempfile::Builder::new()
            .prefix(".0011aabb.")
            .rand_bytes(TEMP_RANDOM_LEN)
            .suffix(".tmp")
            .tempfile_in(dir.path())
            .expect("temp");
        let name = kept
            .path()
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name");
        assert_eq!(temp_file_target(name), Some("0011aabb"));
        write_atomic(&path, b"{}", Replace::Always).expect("write");
        for other in [
            "0011aabb.json",
            ".0011aabb.lock",
            ".0011aabb.AbC12.tmp",
            ".0011aabb.AbC1234.tmp",
            ".0011aabb.AbC-12.tmp",
            "..AbC123.tmp",
            ".0011aabb.AbC123.tmp.json",
        ] {
            assert_eq!(temp_file_target(other), None, "{other}");
        }
        assert_eq!(temp_file_target(".a.b.AbC123.tmp"), Some("a.b"));
    }

    // Pipes, links, modes: Unix notions (see the module's documentation).
    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_and_a_pipe_does_not_block() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.json");
        fs::write(&file, "{}").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        let fifo = dir.path().join("fifo.json");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(status.success());
        assert_eq!(read_regular(&file, Links::Refuse).expect("file"), b"{}");
        assert_eq!(read_regular(&link, Links::Follow).expect("link"), b"{}");
        for (path, links) in [
            (&link, Links::Refuse),
            (&fifo, Links::Refuse),
            (&fifo, Links::Follow),
        ] {
            let err = read_regular(path, links).expect_err("refused");
            assert!(matches!(err, OpenError::NotRegular), "{path:?}: {err:?}");
        }
        let gone = read_regular(&dir.path().join("gone.json"), Links::Refuse).expect_err("gone");
        assert!(matches!(gone, OpenError::Io(ref e) if e.kind() == io::ErrorKind::NotFound));
    }

    // Pipes, links, modes: Unix notions (see the module's documentation).
    #[cfg(unix)]
    #[test]
    fn a_lock_file_is_never_opened_through_a_link_or_as_a_pipe() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("precious.txt");
        fs::write(&target, "keep me").expect("write");
        let link = dir.path().join(".x.lock");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert!(matches!(open_lock_file(&link), Err(OpenError::NotRegular)));
        assert_eq!(fs::read_to_string(&target).expect("read"), "keep me");
        let fifo = dir.path().join(".y.lock");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(status.success());
        assert!(matches!(open_lock_file(&fifo), Err(OpenError::NotRegular)));
        let fresh = dir.path().join(".z.lock");
        let file = open_lock_file(&fresh).expect("created");
        assert_eq!(mode(&fresh), 0o600);
        assert!(is_same_file(&file, &fresh));
        fs::remove_file(&fresh).expect("remove");
        assert!(!is_same_file(&file, &fresh));
    }

    // Pipes, links, modes: Unix notions (see the module's documentation).
    #[cfg(unix)]
    #[test]
    fn a_folder_others_can_write_to_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        refuse_shared_dir(&data).expect("a missing folder is fine");
        fs::create_dir(&data).expect("mkdir");
        for ok in [0o700, 0o755, 0o750] {
            fs::set_permissions(&data, fs::Permissions::from_mode(ok)).expect("chmod");
            refuse_shared_dir(&data).expect("private enough");
        }
        for shared in [0o777, 0o775, 0o1777, 0o722] {
            fs::set_permissions(&data, fs::Permissions::from_mode(shared)).expect("chmod");
            let err = refuse_shared_dir(&data).expect_err("shared");
            assert!(
                matches!(err, Error::Shared { mode, .. } if mode == shared),
                "{shared:o}: {err:?}"
            );
        }
        assert_eq!(mode(&data), 0o722, "the mode is left as it was");
    }

    // Pipes, links, modes: Unix notions (see the module's documentation).
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
