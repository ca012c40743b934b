//! The catalogue: bundled checklists, then the user's config folder, then each
//! `--checklists DIR`, later ones overriding earlier ones by id.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::cache::Summary;
use super::diagnostic::{Diagnostic, Problem, ReadError};
use super::load::{Rules, parse_str, parse_with};
use super::model::{Checklist, Difficulty, Kind};
use super::position::line_col;
use super::schema::is_id;
use super::text::Text;
use crate::fsutil::{self, Links};
use crate::parallel;

mod bundled {
    /// What `list` shows of a bundled checklist, read by `build.rs`.
    pub struct Listed {
        pub id: &'static str,
        pub name: &'static [(&'static str, &'static str)],
        pub provider: &'static [(&'static str, &'static str)],
        pub country: &'static str,
        pub kinds: &'static [&'static str],
        pub difficulty: &'static str,
        pub verified: (u16, u8, u8),
    }

    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The largest checklist file read; anything bigger is refused before reading.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// Where a checklist came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    Bundled,
    /// A file in the user's config folder.
    User(PathBuf),
    /// A file in a `--checklists` folder.
    Dir(PathBuf),
}

/// How a bundled checklist's origin is written in session files and JSON.
pub const BUNDLED_ORIGIN: &str = "bundled";

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str(BUNDLED_ORIGIN),
            Origin::User(p) | Origin::Dir(p) => write!(f, "{}", p.display()),
        }
    }
}

/// One loaded checklist.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The checklist.
    pub checklist: Checklist,
    /// Where it came from.
    pub origin: Origin,
    /// SHA-256 of the file's bytes, in hex.
    pub hash: String,
}

/// A file that was not loaded, with its problems.
#[derive(Clone, Debug)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why (at least one error).
    pub problems: Vec<Diagnostic>,
}

/// Every checklist the person can follow.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    skipped: Vec<Skipped>,
}

/// Why the catalogue, or a checklist in it, cannot be had.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Error {
    /// A `--checklists` folder that cannot be listed.
    #[error("cannot read the checklist folder {}: {reason:?}", path.display())]
    UnreadableFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: ReadError,
    },
    /// Something given as a checklist id that cannot be one (a path, `..`).
    #[error("`{id}` is not a checklist id")]
    NotAnId {
        /// What was given.
        id: String,
    },
    /// A name that matches several checklists where one is needed.
    #[error("`{query}` matches several checklists")]
    Ambiguous {
        /// What was given.
        query: String,
        /// The ids it matches, best first.
        ids: Vec<String>,
    },
    /// No loaded checklist has this id.
    #[error("no checklist `{id}`")]
    Unknown {
        /// What was given.
        id: String,
        /// The ids that exist, sorted.
        known: Vec<String>,
    },
}

/// Where checklists come from besides the bundled ones, and where the catalogue's cache
/// lives: resolved by the command layer from the options and the platform's folders.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// `<config dir>/simcancel/checklists`; it may not exist.
    pub user_dir: Option<PathBuf>,
    /// The `--checklists` folders, in order (later ones override earlier ones by id).
    pub dirs: Vec<PathBuf>,
    /// Where the catalogue cache lives; `None`: no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Sources {
    /// The folders to read after the bundled files, in override order.
    pub(super) fn folders(&self) -> Vec<Folder> {
        let user = self.user_dir.iter().map(|d| Folder {
            dir: d.clone(),
            user: true,
        });
        let given = self.dirs.iter().map(|d| Folder {
            dir: d.clone(),
            user: false,
        });
        user.chain(given).collect()
    }
}

/// A folder of checklist files and the origin its files get.
#[derive(Clone, Debug)]
pub(super) struct Folder {
    pub dir: PathBuf,
    pub user: bool,
}

impl Folder {
    pub(super) fn origin(&self, path: PathBuf) -> Origin {
        if self.user {
            Origin::User(path)
        } else {
            Origin::Dir(path)
        }
    }

    /// The `.toml` files of the folder, sorted. The user's folder may be missing; a
    /// `--checklists` folder must exist.
    pub(super) fn files(&self) -> Result<Vec<PathBuf>, Error> {
        match checklist_files(&self.dir) {
            Ok(files) => Ok(files),
            Err(ReadError::NotFound) if self.user => Ok(vec![]),
            Err(reason) => Err(Error::UnreadableFolder {
                path: self.dir.clone(),
                reason,
            }),
        }
    }
}

/// The `.toml` files directly in `dir` (not folders), sorted.
pub fn checklist_files(dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let rd = fs::read_dir(dir).map_err(|e| {
        // Asked directly: what listing a file gives varies by system (ENOTDIR on Unix,
        // ERROR_DIRECTORY on Windows, ERROR_INVALID_NAME under Wine).
        if dir.metadata().is_ok_and(|m| !m.is_dir()) {
            ReadError::NotAFolder
        } else {
            ReadError::of(&e)
        }
    })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    // All in one folder: ordering the whole paths as bytes orders their names, without
    // `Path`'s comparison component by component (a tenth of the time before any file is
    // parsed, at 1,000 files).
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(files)
}

/// Reads a checklist file: refuses what is too big, unreadable or not UTF-8, with one
/// diagnostic naming the file (boxed: with Windows' larger paths it passes 128 bytes).
/// Only a loaded entry needs the file's hash: see [`hash_bytes`].
pub fn read_file(path: &Path) -> Result<String, Box<Diagnostic>> {
    read_stamped(path).map(|(text, _)| text)
}

/// [`read_file`], with the metadata of the file as it was opened, taken before it was read.
pub(super) fn read_stamped(path: &Path) -> Result<(String, fs::Metadata), Box<Diagnostic>> {
    let unreadable = |e: ReadError| Box::new(Diagnostic::file(path, Problem::Unreadable(e)));
    // Only a regular file is opened (a FIFO or device would block or never end), non-blocking
    // and checked again once open: it may have been swapped for a pipe in between.
    let (file, meta) = fsutil::open_regular(path, Links::Follow)
        .map_err(|e| unreadable(ReadError::of_open(path, e)))?;
    let too_large = |size: u64| Box::new(Diagnostic::file(path, Problem::TooLarge { size }));
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_large(meta.len()));
    }
    // Sized from the metadata, so a file is read in one call (plus the one that sees its end).
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(ReadError::of(&e)))?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large(bytes.len() as u64));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, meta)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let (line, col) = line_col(&text, text.len());
            let mut d = Diagnostic::file(path, Problem::NotUtf8);
            d.line = line;
            d.col = col;
            Err(Box::new(d))
        }
    }
}

/// SHA-256 of `bytes`, in lower-case hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Parses one file into an entry, or the reason it was skipped.
fn load_file(path: &Path, origin: Origin) -> Result<Entry, Skipped> {
    let skipped = |problems| Skipped {
        path: path.to_path_buf(),
        problems,
    };
    let src = read_file(path).map_err(|d| skipped(vec![*d]))?;
    // Warnings are for `validate`: a checklist that has only warnings is usable.
    let (checklist, _warnings) = parse_str(&src, path).map_err(skipped)?;
    Ok(Entry {
        checklist,
        origin,
        hash: hash_bytes(src.as_bytes()),
    })
}

/// The bundled files as (file name, contents).
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    bundled::BUNDLED
}

/// What `list` shows of each bundled checklist, in the order of [`bundled_files`]: read by
/// `build.rs`, so nothing is parsed at run time. `None` for a file whose fields do not read
/// back (a bundled checklist is always valid, but the caller then parses that file rather
/// than trust it).
pub(super) fn bundled_summaries() -> impl Iterator<Item = Option<Summary>> {
    bundled::SUMMARIES.iter().map(|l| {
        let (year, month, day) = l.verified;
        Some(Summary {
            id: l.id.to_string(),
            name: text(l.name),
            provider: text(l.provider),
            country: l.country.to_string(),
            kinds: l
                .kinds
                .iter()
                .map(|k| Kind::from_name(k))
                .collect::<Option<_>>()?,
            difficulty: Difficulty::from_name(l.difficulty)?,
            verified: NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())?,
            origin: None,
        })
    })
}

/// A text read by `build.rs`: (language tag, text) pairs in the file's order.
fn text(pairs: &[(&str, &str)]) -> Text {
    Text(
        pairs
            .iter()
            .map(|(tag, text)| (tag.to_string(), text.to_string()))
            .collect(),
    )
}

fn load_bundled(name: &str, src: &str) -> Result<Entry, Skipped> {
    let path = PathBuf::from(name);
    let (checklist, _warnings) =
        parse_with(src, &path, Rules::BUNDLED).map_err(|problems| Skipped {
            path: path.clone(),
            problems,
        })?;
    Ok(Entry {
        checklist,
        origin: Origin::Bundled,
        hash: hash_bytes(src.as_bytes()),
    })
}

impl Catalog {
    /// Loads every checklist from every source. Files with errors are skipped (see
    /// [`Catalog::skipped`]); a `--checklists` folder that cannot be read is an error.
    pub fn load(sources: &Sources) -> Result<Catalog, Error> {
        /// One file to load: bundled, or in a folder.
        enum Job<'a> {
            Bundled(&'a str, &'a str),
            File(PathBuf, Origin),
        }
        let mut jobs: Vec<Job> = bundled_files()
            .iter()
            .map(|(name, src)| Job::Bundled(name, src))
            .collect();
        for folder in sources.folders() {
            for path in folder.files()? {
                let origin = folder.origin(path.clone());
                jobs.push(Job::File(path, origin));
            }
        }
        // Each file is parsed on its own, on every core; later ones override earlier ones
        // by id, so the results are applied in order.
        let loaded = parallel::map(&jobs, |job| match job {
            Job::Bundled(name, src) => load_bundled(name, src),
            Job::File(path, origin) => load_file(path, origin.clone()),
        });
        let mut cat = Catalog::default();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for result in loaded {
            match result {
                Ok(entry) => match by_id.get(&entry.checklist.id) {
                    Some(&i) => cat.entries[i] = entry,
                    None => {
                        by_id.insert(entry.checklist.id.clone(), cat.entries.len());
                        cat.entries.push(entry);
                    }
                },
                Err(s) => cat.skipped.push(s),
            }
        }
        cat.entries
            .sort_by(|a, b| a.checklist.id.cmp(&b.checklist.id));
        Ok(cat)
    }

    /// The hash of the file that [`Catalog::load`] would take checklist `id` from (`None`:
    /// no source has it), reading only the files that can hold it: a checklist's id must
    /// match its file name, so only `<id>.toml` in each folder, the last folder first, then
    /// the bundled one. A folder's file counts only if it loads, as in the catalogue; the
    /// bundled files are not parsed again here: the tests keep every one of them valid.
    pub fn hash_of(sources: &Sources, id: &str) -> Result<Option<String>, Error> {
        // Not an id (a path, `..`): no file can hold it, and none is opened.
        if !is_id(id, false) {
            return Ok(None);
        }
        let name = format!("{id}.toml");
        let mut candidates = Vec::new();
        for folder in sources.folders() {
            // Listed, as by `load`: a folder that cannot be read is the same error, and a
            // folder named `<id>.toml` is not a checklist.
            let path = folder.dir.join(&name);
            if folder.files()?.contains(&path) {
                candidates.push((path, folder));
            }
        }
        for (path, folder) in candidates.into_iter().rev() {
            if let Ok(entry) = load_file(&path, folder.origin(path.clone())) {
                return Ok(Some(entry.hash));
            }
        }
        Ok(bundled_files()
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, src)| hash_bytes(src.as_bytes())))
    }

    /// Every loaded checklist, sorted by id.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The files that were not loaded, with their problems.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The checklist with this id.
    pub fn get(&self, id: &str) -> Result<&Entry, Error> {
        if !is_id(id, false) {
            return Err(Error::NotAnId { id: id.to_string() });
        }
        self.entries
            .iter()
            .find(|e| e.checklist.id == id)
            .ok_or_else(|| Error::Unknown {
                id: id.to_string(),
                known: self
                    .entries
                    .iter()
                    .map(|e| e.checklist.id.clone())
                    .collect(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `hash_of` must agree with: the hash of the entry the whole catalogue has.
    fn loaded_hash(sources: &Sources, id: &str) -> Option<String> {
        let catalog = Catalog::load(sources).expect("catalogue");
        catalog.get(id).ok().map(|e| e.hash.clone())
    }

    #[test]
    fn what_build_rs_read_of_each_bundled_checklist_is_what_the_loader_reads() {
        let listed: Vec<Option<Summary>> = bundled_summaries().collect();
        assert_eq!(listed.len(), bundled_files().len());
        for ((name, src), listed) in bundled_files().iter().zip(listed) {
            let (parsed, _) = parse_with(src, Path::new(name), Rules::BUNDLED).expect(name);
            assert_eq!(listed, Some(Summary::of(&parsed)), "{name}");
        }
    }

    #[test]
    fn the_hash_of_one_checklist_is_the_one_the_whole_catalogue_has() {
        let first = tempfile::tempdir().expect("temp dir");
        let second = tempfile::tempdir().expect("temp dir");
        let generic = bundled_files()
            .iter()
            .find(|(name, _)| *name == "generic.toml")
            .expect("generic is bundled")
            .1;
        let changed = generic.replacen("\n", "\n# edited\n", 1);
        fs::write(first.path().join("generic.toml"), &changed).expect("write");
        // A file with errors does not override: the earlier source's file counts.
        fs::write(second.path().join("generic.toml"), "schema = 1\n").expect("write");
        fs::write(second.path().join("orange.toml"), &changed).expect("write");
        let sources = Sources {
            user_dir: None,
            dirs: vec![first.path().to_path_buf(), second.path().to_path_buf()],
            cache_dir: None,
        };
        for id in [
            "generic",
            "orange",
            "sfr",
            "nowhere",
            "../generic",
            "Generic",
        ] {
            assert_eq!(
                Catalog::hash_of(&sources, id).expect("hash"),
                loaded_hash(&sources, id),
                "{id}"
            );
        }
        assert_eq!(
            Catalog::hash_of(&sources, "generic").expect("hash"),
            Some(hash_bytes(changed.as_bytes()))
        );
        let missing = Sources {
            dirs: vec![first.path().join("gone")],
            ..Sources::default()
        };
        assert!(matches!(
            Catalog::hash_of(&missing, "generic"),
            Err(Error::UnreadableFolder { .. })
        ));
    }
}
