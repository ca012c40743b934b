//! Session files on disk: `<data-dir>/sessions/<id>.json`, owner-only, saved atomically,
//! locked while a guide runs.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow, bail};

use serde::de::DeserializeOwned;

use super::model::{FORMAT_VERSION, Session};
use super::summary::SessionSummary;
use crate::i18n::{Lang, fill};

/// The folder of session files under a data dir.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    /// The language of the errors it returns.
    lang: Lang,
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
#[derive(Clone, Debug)]
pub enum FileProblem {
    /// Reading it failed (the system's message).
    Io(String),
    /// It is not JSON, or not an object (serde's message, with line and column).
    NotJson(String),
    /// It has no `format` field.
    NoFormat,
    /// It was made by a newer build, with this format version.
    Newer(u32),
    /// Its content does not fit the session format (serde's message, with line and column).
    Damaged(String),
}

impl FileProblem {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = &lang.strings().sessions;
        match self {
            FileProblem::Io(e) => e.clone(),
            FileProblem::NotJson(e) => fill(t.file_not_json, &[("error", e)]),
            FileProblem::NoFormat => t.file_no_format.to_string(),
            FileProblem::Newer(v) => fill(
                t.file_newer,
                &[("version", v), ("supported", &FORMAT_VERSION)],
            ),
            FileProblem::Damaged(e) => fill(t.file_damaged, &[("error", e)]),
        }
    }
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
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
    pub fn new(data_dir: &Path, lang: Lang) -> Store {
        Store {
            dir: data_dir.join("sessions"),
            lang,
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

    /// Creates the folder (0700) if needed.
    fn ensure_dir(&self) -> Result<()> {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)
            .with_context(|| format!("cannot create the sessions folder {}", self.dir.display()))?;
        fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700))
            .with_context(|| format!("cannot make {} private (mode 0700)", self.dir.display()))
    }

    /// Saves durably: write a temp file (0600) in the same folder, fsync it, rename it over
    /// the old file, fsync the folder. A crash at any moment leaves the old or the new file.
    pub fn save(&self, session: &Session) -> Result<()> {
        self.ensure_dir()?;
        let path = self.path(&session.id);
        let json = serde_json::to_vec_pretty(session).context("cannot serialize the session")?;
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.", session.id))
            .suffix(".tmp")
            .permissions(private_file())
            .tempfile_in(&self.dir)
            .with_context(|| format!("cannot create a temporary file in {}", self.dir.display()))?;
        tmp.write_all(&json)
            .and_then(|()| tmp.write_all(b"\n"))
            .and_then(|()| tmp.as_file().sync_all())
            .with_context(|| format!("cannot write the session to {}", self.dir.display()))?;
        tmp.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot replace {}", path.display()))?;
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("cannot sync the folder {}", self.dir.display()))?;
        Ok(())
    }

    /// Reads one session file; a file that does not parse, or comes from a newer format,
    /// is an error naming the file (and the line, for JSON errors).
    pub fn load_path(path: &Path) -> Result<Session> {
        Store::load_path_in(path, Lang::En)
    }

    /// Like [`Store::load_path`], saying what is wrong with the file in `lang`.
    pub fn load_path_in(path: &Path, lang: Lang) -> Result<Session> {
        let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        parse(&bytes).map_err(|problem| anyhow!("{}: {}", path.display(), problem.message(lang)))
    }

    /// Every session file, newest activity first, and the ones that could not be read.
    pub fn list(&self) -> Result<Listing> {
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
    pub fn list_summaries(&self) -> Result<SummaryListing> {
        let (mut ok, bad) = self.scan::<SessionSummary>()?;
        ok.sort_by(|a, b| b.1.updated.cmp(&a.1.updated).then(a.1.id.cmp(&b.1.id)));
        Ok(SummaryListing {
            sessions: ok,
            unreadable: bad,
        })
    }

    /// Reads every session file as `T`, setting aside those that cannot be read.
    fn scan<T: DeserializeOwned>(&self) -> Result<Scanned<T>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok((vec![], vec![])),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read {}", self.dir.display()));
            }
        };
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot read {}", self.dir.display()))?
                .path();
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

    /// Finds a session by its id or a unique prefix of it, and reads it.
    pub fn find(&self, prefix: &str) -> Result<(PathBuf, Session)> {
        let path = self.locate(prefix)?;
        let session = Store::load_path(&path)?;
        Ok((path, session))
    }

    /// The file of the session whose id is `prefix` or uniquely starts with it, without
    /// reading it (for a caller that reads it under the lock).
    pub fn locate(&self, prefix: &str) -> Result<PathBuf> {
        let t = &self.lang.strings().sessions;
        // Ids are lower-case hex; a prefix typed in capitals means the same session.
        let prefix = prefix.to_ascii_lowercase();
        let prefix = prefix.as_str();
        if prefix.is_empty()
            || !prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            bail!("{}", fill(t.not_an_id, &[("prefix", &prefix)]));
        }
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
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read {}", self.dir.display()));
            }
        };
        matches.sort();
        match matches.len() {
            0 => bail!(
                "{}",
                fill(
                    t.no_match,
                    &[("prefix", &prefix), ("dir", &self.dir.display())]
                )
            ),
            1 => Ok(matches.remove(0)),
            _ => {
                let ids: Vec<String> = matches
                    .iter()
                    .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(String::from))
                    .collect();
                bail!(
                    "{}",
                    fill(
                        t.ambiguous,
                        &[("prefix", &prefix), ("ids", &ids.join(", "))]
                    )
                )
            }
        }
    }

    /// Takes the lock of session `id`, or says which process holds it.
    pub fn lock(&self, id: &str) -> Result<SessionLock> {
        self.ensure_dir()?;
        let path = self.dir.join(format!(".{id}.lock"));
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0)?;
                writeln!(file, "{}", std::process::id())?;
                Ok(SessionLock { _file: file })
            }
            Err(fs::TryLockError::WouldBlock) => {
                let t = &self.lang.strings().sessions;
                let holder = fs::read_to_string(&path).unwrap_or_default();
                let holder = holder.trim();
                let who = if holder.is_empty() {
                    t.holder_unknown.to_string()
                } else {
                    fill(t.holder_pid, &[("pid", &holder)])
                };
                bail!(
                    "{}",
                    fill(
                        t.locked,
                        &[("id", &id), ("who", &who), ("lock", &path.display())]
                    )
                )
            }
            Err(fs::TryLockError::Error(e)) => {
                Err(e).with_context(|| format!("cannot lock {}", path.display()))
            }
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

/// Parses a session file's bytes, refusing newer formats before reading the rest so the
/// message says "newer" rather than pointing at a field this build does not know.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> std::result::Result<T, FileProblem> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<u32>,
    }
    let head: Head =
        serde_json::from_slice(bytes).map_err(|e| FileProblem::NotJson(e.to_string()))?;
    match head.format {
        Some(v) if v > FORMAT_VERSION => return Err(FileProblem::Newer(v)),
        None => return Err(FileProblem::NoFormat),
        _ => {}
    }
    serde_json::from_slice(bytes).map_err(|e| FileProblem::Damaged(e.to_string()))
}

fn private_file() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o600)
}
