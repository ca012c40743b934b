//! Session files on disk: `<data-dir>/sessions/<id>.json`, owner-only, saved atomically,
//! locked while a guide runs.
//!
//! Someone else may have put anything in the folder: only regular files named `<id>.json`
//! whose inner id is that name, in UTF-8, are sessions; anything else is listed as
//! unreadable with the reason and never waited on (a pipe), followed (a link) or changed.
//!
//! The lock `.<id>.lock` is taken with `flock` on a file opened without following links;
//! its holder writes its process id into it ([`Store::holder_path`]) and, on Unix, removes
//! it when done. Temporary files a crash left (`.<id>.<random>.tmp`) are removed by whoever
//! next takes the lock.

use std::fs::{self, File};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::model::Session;
use super::summary::SessionSummary;
use crate::fsutil::{self, Links, OpenError, Replace};
use parse::{SessionFile, parse_file};

mod parse;

/// How long a process that finds a session locked waits for the holder's process id: the
/// holder writes it right after taking the lock, so it is missing only for a moment.
const HOLDER_WAIT: Duration = Duration::from_secs(2);

/// How often the lock file is read again while waiting for the holder's process id.
const HOLDER_POLL: Duration = Duration::from_millis(5);

/// How many times a lock taken on a file that was removed meanwhile is taken again.
const MAX_REOPEN: u32 = 100;

/// The folder of session files under a data dir.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something given as a session id that cannot be one.
    #[error("`{prefix}` is not a session id")]
    NotAnId {
        /// What was given.
        prefix: String,
    },
    /// No session id starts with the prefix.
    #[error("no session matches `{prefix}` in {}", dir.display())]
    NoMatch {
        /// What was given.
        prefix: String,
        /// The sessions folder.
        dir: PathBuf,
    },
    /// Several session ids start with the prefix.
    #[error("`{prefix}` matches several sessions ({})", ids.join(", "))]
    Ambiguous {
        /// What was given.
        prefix: String,
        /// The matching ids, sorted.
        ids: Vec<String>,
    },
    /// Another process holds the session's lock.
    #[error("session {id} is open in another process (lock: {})", lock.display())]
    Locked {
        /// The session id.
        id: String,
        /// The process id written in the holder file ([`Store::holder_path`]), if any.
        holder: Option<String>,
        /// The lock file.
        lock: PathBuf,
    },
    /// A session file that cannot be used; it was left untouched.
    #[error("{}: {problem}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: FileProblem,
    },
    /// A file or the folder could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// The session could not be turned into JSON.
    #[error("cannot serialize the session")]
    Serialize(#[source] serde_json::Error),
    /// The lock file is a symbolic link, a pipe or a device: it was left as it is.
    #[error("{} is not a regular file; it cannot be the lock of session {id}", lock.display())]
    LockNotRegular {
        /// The session id.
        id: String,
        /// The lock file.
        lock: PathBuf,
    },
    /// The lock file could not be opened, locked or written.
    #[error("cannot lock {}", path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// Creating the folder or writing the file failed.
    #[error(transparent)]
    Write(#[from] fsutil::Error),
}

/// A session file that could not be read, with the reason.
#[derive(Debug)]
pub struct Unreadable {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it, and where.
    pub problem: FileProblem,
}

/// Why a session file cannot be read. Every case leaves the file untouched.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    /// Reading it failed (the system's message).
    #[error("{0}")]
    Io(String),
    /// It is a symbolic link, a pipe, a socket, a device or a folder.
    #[error("not a regular file")]
    NotRegular,
    /// It is not UTF-8 text; the first invalid byte is on this line.
    #[error("not UTF-8 text (line {line})")]
    NotUtf8 {
        /// The line of the first invalid byte.
        line: usize,
    },
    /// It holds another session than its name says (a copy, or a renamed file): saving it
    /// would write to the other session's file.
    #[error("it holds session {inner}, not {file} as its name says")]
    IdMismatch {
        /// The id inside.
        inner: String,
        /// The id its name gives.
        file: String,
    },
    /// It is not JSON, or not an object (serde's message, with line and column).
    #[error("not a session file: {0}")]
    NotJson(String),
    /// It has no `format` field.
    #[error("not a session file: no `format` field")]
    NoFormat,
    /// It was made by a newer build, with this format version.
    #[error("made by a newer simcancel (session format {0})")]
    Newer(u32),
    /// Its content does not fit the session format (serde's message, with line and column).
    #[error("damaged session file: {0}")]
    Damaged(String),
}

/// What [`Store::list`] found: the readable sessions with their paths, newest activity
/// first, and the files that could not be read.
#[derive(Debug, Default)]
pub struct Listing {
    /// Readable sessions.
    pub sessions: Vec<(PathBuf, Session)>,
    /// Files that could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// Readable files with what they held, and the unreadable ones.
type Scanned<T> = (Vec<(PathBuf, T)>, Vec<Unreadable>);

/// What [`Store::list_summaries`] found.
#[derive(Debug, Default)]
pub struct SummaryListing {
    /// Readable sessions, newest activity first.
    pub sessions: Vec<(PathBuf, SessionSummary)>,
    /// Files that could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// A lock on one session, held while a guide runs. Dropping it removes the lock file (on
/// Unix) and releases the lock; a process that ends without dropping it (a kill) releases
/// the lock all the same, and the file is removed by the next holder. On Windows the lock
/// file stays: without a stable file identity to compare, removing it could let two
/// processes lock two different files of one name.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still held, and only if it is still the file locked: a process
        // that opened it in the meantime sees it is gone once it gets the lock, and opens
        // the path again.
        if cfg!(unix) && fsutil::is_same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

impl Store {
    /// The store under `data_dir` (nothing is created until the first save).
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("sessions"),
        }
    }

    /// The sessions folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of session `id`.
    pub fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// The file of session `id`'s lock.
    pub fn lock_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!(".{id}.lock"))
    }

    /// The file that names the process holding session `id`'s lock: the lock file itself
    /// on Unix; a file beside it on Windows, where a locked file cannot be read by others.
    pub fn holder_path(&self, id: &str) -> PathBuf {
        if cfg!(windows) {
            self.dir.join(format!(".{id}.pid"))
        } else {
            self.lock_path(id)
        }
    }

    /// Makes the folder ready for writing: refuses a data folder that other users may
    /// write to (they could swap the sessions folder), then creates the sessions folder
    /// owner-only.
    fn prepare(&self) -> Result<(), Error> {
        if let Some(data_dir) = self.dir.parent() {
            fsutil::refuse_shared_dir(data_dir)?;
        }
        fsutil::create_private_dir(&self.dir)?;
        Ok(())
    }

    /// Saves durably and privately: see [`fsutil::write_atomic`]. A crash at any moment
    /// leaves the old file or the new one.
    pub fn save(&self, session: &Session) -> Result<(), Error> {
        self.prepare()?;
        let mut json = serde_json::to_vec_pretty(session).map_err(Error::Serialize)?;
        json.push(b'\n');
        fsutil::write_atomic(&self.path(&session.id), &json, Replace::Always)?;
        Ok(())
    }

    /// Reads one session file; a file that does not parse, or comes from a newer format,
    /// is an error naming the file and what is wrong with it (with the line, for JSON).
    pub fn read(path: &Path) -> Result<Session, Error> {
        let unreadable = |problem| Error::Unreadable {
            path: path.to_path_buf(),
            problem,
        };
        let bytes = fsutil::read_regular(path, Links::Refuse).map_err(|e| match e {
            OpenError::NotRegular => unreadable(FileProblem::NotRegular),
            OpenError::Io(source) => Error::Read {
                path: path.to_path_buf(),
                source,
            },
        })?;
        parse_file(path, &bytes).map_err(unreadable)
    }

    /// Every session file, newest activity first, and the ones that could not be read.
    pub fn list(&self) -> Result<Listing, Error> {
        let (mut ok, bad) = self.scan::<Session>()?;
        ok.sort_by(|a, b| b.1.updated.cmp(&a.1.updated).then(a.1.id.cmp(&b.1.id)));
        Ok(Listing {
            sessions: ok,
            unreadable: bad,
        })
    }

    /// Like [`Store::list`], reading only what a list shows ([`SessionSummary`]): much
    /// faster on many or long sessions. Type errors inside the skipped parts are found
    /// when the session is opened, not here.
    pub fn list_summaries(&self) -> Result<SummaryListing, Error> {
        let (mut ok, bad) = self.scan::<SessionSummary>()?;
        ok.sort_by(|a, b| b.1.updated.cmp(&a.1.updated).then(a.1.id.cmp(&b.1.id)));
        Ok(SummaryListing {
            sessions: ok,
            unreadable: bad,
        })
    }

    /// Reads every session file as `T`, setting aside those that cannot be read.
    fn scan<T: DeserializeOwned + SessionFile>(&self) -> Result<Scanned<T>, Error> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok((vec![], vec![])),
            Err(source) => return Err(self.unreadable_dir(source)),
        };
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for entry in entries {
            let path = entry.map_err(|source| self.unreadable_dir(source))?.path();
            if !is_session_file(&path) {
                continue;
            }
            let read = fsutil::read_regular(&path, Links::Refuse).map_err(|e| match e {
                OpenError::NotRegular => FileProblem::NotRegular,
                OpenError::Io(e) => FileProblem::Io(e.to_string()),
            });
            match read.and_then(|bytes| parse_file(&path, &bytes)) {
                Ok(s) => ok.push((path, s)),
                Err(problem) => bad.push(Unreadable { path, problem }),
            }
        }
        bad.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((ok, bad))
    }

    fn unreadable_dir(&self, source: io::Error) -> Error {
        Error::Read {
            path: self.dir.clone(),
            source,
        }
    }

    /// Finds a session by its id or a unique prefix of it, and reads it.
    pub fn find(&self, prefix: &str) -> Result<(PathBuf, Session), Error> {
        let path = self.locate(prefix)?;
        let session = Store::read(&path)?;
        Ok((path, session))
    }

    /// The file of the session whose id is `prefix` or uniquely starts with it, without
    /// reading it (for a caller that reads it under the lock).
    pub fn locate(&self, prefix: &str) -> Result<PathBuf, Error> {
        // Ids are lower-case hex; a prefix typed in capitals means the same session.
        let prefix = prefix.to_ascii_lowercase();
        if !is_id_shaped(&prefix) {
            return Err(Error::NotAnId { prefix });
        }
        let prefix = prefix.as_str();
        let exact = self.path(prefix);
        if exact.is_file() {
            return Ok(exact);
        }
        let mut matches: Vec<PathBuf> = match fs::read_dir(&self.dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| is_session_file(p))
                .filter(|p| {
                    p.file_stem()
                        .and_then(|s| s.to_str())
                        .is_some_and(|s| s.starts_with(prefix))
                })
                .collect(),
            Err(e) if e.kind() == ErrorKind::NotFound => vec![],
            Err(source) => return Err(self.unreadable_dir(source)),
        };
        matches.sort();
        match matches.len() {
            0 => Err(Error::NoMatch {
                prefix: prefix.to_string(),
                dir: self.dir.clone(),
            }),
            1 => Ok(matches.remove(0)),
            _ => Err(Error::Ambiguous {
                prefix: prefix.to_string(),
                ids: matches
                    .iter()
                    .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(String::from))
                    .collect(),
            }),
        }
    }

    /// Takes the lock of session `id`, or says which process holds it; then removes the
    /// temporary files a crash left for this session (no one else can be writing them).
    pub fn lock(&self, id: &str) -> Result<SessionLock, Error> {
        let lock = self.acquire(id, HOLDER_WAIT)?;
        self.remove_temp_files_of(id);
        Ok(lock)
    }

    /// Removes the temporary files that crashes left in the folder: for each session that
    /// has some, its lock is tried, and only a session no process holds is cleaned (a
    /// running guide may be writing its temporary file right now). Returns how many were
    /// removed; a folder that cannot be read or written is left as it is.
    pub fn remove_stale_temp_files(&self) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut ids: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| fsutil::temp_file_target(&name).map(String::from))
            .filter(|id| is_id_shaped(id))
            .collect();
        ids.sort();
        ids.dedup();
        ids.iter()
            .filter_map(|id| {
                let lock = self.acquire(id, Duration::ZERO).ok()?;
                let removed = self.remove_temp_files_of(id);
                drop(lock);
                Some(removed)
            })
            .sum()
    }

    /// Takes the lock; if it is held, waits up to `wait` for the holder's process id.
    fn acquire(&self, id: &str, wait: Duration) -> Result<SessionLock, Error> {
        self.prepare()?;
        let path = self.lock_path(id);
        let holder_file = self.holder_path(id);
        let lock_error = |source| Error::Lock {
            path: path.clone(),
            source,
        };
        let deadline = Instant::now() + wait;
        let mut reopened = 0;
        loop {
            let mut file = fsutil::open_lock_file(&path).map_err(|e| match e {
                OpenError::NotRegular => Error::LockNotRegular {
                    id: id.to_string(),
                    lock: path.clone(),
                },
                OpenError::Io(source) => lock_error(source),
            })?;
            match file.try_lock() {
                Ok(()) => {
                    // Its last holder may have removed it after it was opened here: this
                    // lock is then on a file no one else will open. Open the path again
                    // (each holder removes it once, so this ends; a path that keeps
                    // changing is an error rather than a loop).
                    if !fsutil::is_same_file(&file, &path) {
                        reopened += 1;
                        if reopened > MAX_REOPEN {
                            return Err(lock_error(io::Error::other(
                                "the lock file keeps being replaced",
                            )));
                        }
                        continue;
                    }
                    let pid = format!("{}\n", std::process::id());
                    let written = if holder_file == path {
                        file.set_len(0)
                            .and_then(|()| file.write_all(pid.as_bytes()))
                    } else {
                        fs::write(&holder_file, &pid)
                    };
                    written.map_err(lock_error)?;
                    return Ok(SessionLock { file, path });
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let holder = holder_pid(&file, &holder_file);
                    if holder.is_some() || Instant::now() >= deadline {
                        return Err(Error::Locked {
                            id: id.to_string(),
                            holder,
                            lock: path,
                        });
                    }
                    std::thread::sleep(HOLDER_POLL);
                }
                Err(fs::TryLockError::Error(e)) => return Err(lock_error(e)),
            }
        }
    }

    /// Removes `.<id>.<random>.tmp` files; the caller holds the session's lock, so none is
    /// being written. Returns how many were removed.
    fn remove_temp_files_of(&self, id: &str) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        entries
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .and_then(fsutil::temp_file_target)
                    .is_some_and(|target| target == id)
            })
            // A folder with that name is not a temporary file of ours.
            .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
            .filter(|e| fs::remove_file(e.path()).is_ok())
            .count()
    }
}

/// The process id a lock holder wrote: on Unix read from the open lock file itself (the
/// path may already name another file), on Windows from the holder file beside it.
fn holder_pid(file: &File, holder_file: &Path) -> Option<String> {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::fs::FileExt;
        let _ = holder_file;
        let mut buf = [0u8; 32];
        let n = file.read_at(&mut buf, 0).ok()?;
        buf[..n].to_vec()
    };
    #[cfg(not(unix))]
    let bytes = {
        let _ = file;
        fs::read(holder_file).ok()?
    };
    let text = std::str::from_utf8(&bytes).ok()?.trim();
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.to_string())
}

/// Whether `s` could be a session id: what [`Store::locate`] accepts.
fn is_id_shaped(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn is_session_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.'))
}

#[cfg(test)]
mod tests;
