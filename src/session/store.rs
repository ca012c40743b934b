//! Session files on disk: `<data-dir>/sessions/<id>.json`, owner-only, saved atomically,
//! locked while a guide runs.

use std::fs::{self, File};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::model::{FORMAT_VERSION, Session};
use super::summary::SessionSummary;
use crate::fsutil::{self, Replace};

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

/// A lock on one session, held while a guide runs; released on drop (or process exit).
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
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

    /// Saves durably and privately: see [`fsutil::write_atomic`]. A crash at any moment
    /// leaves the old file or the new one.
    pub fn save(&self, session: &Session) -> Result<(), Error> {
        fsutil::create_private_dir(&self.dir)?;
        let mut json = serde_json::to_vec_pretty(session).map_err(Error::Serialize)?;
        json.push(b'\n');
        fsutil::write_atomic(&self.path(&session.id), &json, Replace::Always)?;
        Ok(())
    }

    /// Reads one session file; a file that does not parse, or comes from a newer format,
    /// is an error naming the file and what is wrong with it (with the line, for JSON).
    pub fn read(path: &Path) -> Result<Session, Error> {
        let bytes = fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        parse(&bytes).map_err(|problem| Error::Unreadable {
            path: path.to_path_buf(),
            problem,
        })
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
    fn scan<T: DeserializeOwned + Versioned>(&self) -> Result<Scanned<T>, Error> {
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
            match fs::read(&path) {
                Ok(bytes) => match parse(&bytes) {
                    Ok(s) => ok.push((path, s)),
                    Err(problem) => bad.push(Unreadable { path, problem }),
                },
                Err(e) => bad.push(Unreadable {
                    path,
                    problem: FileProblem::Io(e.to_string()),
                }),
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
        if prefix.is_empty()
            || !prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
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

    /// The file that names the process holding session `id`'s lock: the lock file itself
    /// on Unix; a file beside it on Windows, where a locked file cannot be read by others.
    pub fn holder_path(&self, id: &str) -> PathBuf {
        if cfg!(windows) {
            self.dir.join(format!(".{id}.pid"))
        } else {
            self.dir.join(format!(".{id}.lock"))
        }
    }

    /// Takes the lock of session `id`, or says which process holds it.
    pub fn lock(&self, id: &str) -> Result<SessionLock, Error> {
        fsutil::create_private_dir(&self.dir)?;
        let path = self.dir.join(format!(".{id}.lock"));
        let holder = self.holder_path(id);
        let lock_error = |source| Error::Lock {
            path: path.clone(),
            source,
        };
        let mut file = fsutil::private_open_options()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(lock_error)?;
        match file.try_lock() {
            Ok(()) => {
                let pid = format!("{}\n", std::process::id());
                let written = if holder == path {
                    file.set_len(0)
                        .and_then(|()| file.write_all(pid.as_bytes()))
                } else {
                    fsutil::private_open_options()
                        .create(true)
                        .truncate(true)
                        .write(true)
                        .open(&holder)
                        .and_then(|mut f| f.write_all(pid.as_bytes()))
                };
                written.map_err(lock_error)?;
                Ok(SessionLock { _file: file })
            }
            Err(fs::TryLockError::WouldBlock) => {
                let holder = fs::read_to_string(&holder).unwrap_or_default();
                let holder = holder.trim();
                Err(Error::Locked {
                    id: id.to_string(),
                    holder: (!holder.is_empty()).then(|| holder.to_string()),
                    lock: path,
                })
            }
            Err(fs::TryLockError::Error(e)) => Err(lock_error(e)),
        }
    }
}

fn is_session_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.'))
}

/// What carries the format version of a session file: the session, or its summary.
trait Versioned {
    fn format(&self) -> u32;
}

impl Versioned for Session {
    fn format(&self) -> u32 {
        self.format
    }
}

impl Versioned for SessionSummary {
    fn format(&self) -> u32 {
        self.format
    }
}

/// Parses a session file's bytes, refusing newer formats. One pass in the usual case; only
/// when that fails is the `format` field read on its own, so that the message says "newer"
/// rather than pointing at a field this build does not know.
fn parse<T: DeserializeOwned + Versioned>(bytes: &[u8]) -> Result<T, FileProblem> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<u32>,
    }
    let damaged = match serde_json::from_slice::<T>(bytes) {
        Ok(parsed) if parsed.format() <= FORMAT_VERSION => return Ok(parsed),
        Ok(parsed) => return Err(FileProblem::Newer(parsed.format())),
        Err(e) => FileProblem::Damaged(e.to_string()),
    };
    let head: Head =
        serde_json::from_slice(bytes).map_err(|e| FileProblem::NotJson(e.to_string()))?;
    match head.format {
        Some(v) if v > FORMAT_VERSION => Err(FileProblem::Newer(v)),
        None => Err(FileProblem::NoFormat),
        Some(_) => Err(damaged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::walk::{fixture_ref, t};

    fn json(s: &Session) -> String {
        serde_json::to_string(s).expect("json")
    }

    #[test]
    fn a_file_is_read_in_one_pass_and_a_bad_one_says_what_is_wrong() {
        let session = Session::start(
            "0a1b2c3d".into(),
            "en",
            fixture_ref(),
            t("2026-12-01T09:00:00+01:00"),
        );
        let good = json(&session);
        assert_eq!(parse::<Session>(good.as_bytes()), Ok(session.clone()));
        assert_eq!(
            parse::<SessionSummary>(good.as_bytes()).map(|s| s.id),
            Ok(session.id.clone())
        );
        let newer = good.replacen("\"format\":1", "\"format\":7", 1);
        assert_eq!(
            parse::<Session>(newer.as_bytes()),
            Err(FileProblem::Newer(7))
        );
        let newer_and_different = r#"{"format": 8, "something": "else"}"#;
        assert_eq!(
            parse::<Session>(newer_and_different.as_bytes()),
            Err(FileProblem::Newer(8))
        );
        assert!(matches!(
            parse::<Session>(b"{"),
            Err(FileProblem::NotJson(_))
        ));
        assert_eq!(parse::<Session>(b"{}"), Err(FileProblem::NoFormat));
        let damaged = good.replacen("\"status\":\"in-progress\"", "\"status\":\"lost\"", 1);
        assert!(
            matches!(parse::<Session>(damaged.as_bytes()), Err(FileProblem::Damaged(m)) if m.contains("lost")),
        );
    }
}
