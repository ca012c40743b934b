//! The catalogue: bundled checklists, then the user's config folder, then each
//! `--checklists DIR`, later ones overriding earlier ones by id.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use sha2::{Digest, Sha256};

use super::diagnostic::{Diagnostic, Problem, ReadError};
use super::load::{is_id, parse_str};
use super::model::Checklist;
use crate::app::App;
use crate::i18n::{Lang, fill};

mod bundled {
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

impl Origin {
    /// In the person's language: "bundled" or the file path.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Origin::Bundled => lang.strings().catalog.origin_bundled.to_string(),
            Origin::User(p) | Origin::Dir(p) => p.display().to_string(),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str("bundled"),
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
    /// The language of the errors `get` returns.
    lang: Lang,
}

/// A folder of checklist files and the origin its files get.
#[derive(Clone, Debug)]
pub(super) struct Source {
    pub dir: PathBuf,
    pub user: bool,
}

/// The folders to read after the bundled files, in override order.
pub(super) fn sources(app: &App) -> Vec<Source> {
    let mut out = Vec::new();
    if let Some(d) = &app.user_checklists {
        out.push(Source {
            dir: d.clone(),
            user: true,
        });
    }
    out.extend(app.checklist_dirs.iter().map(|d| Source {
        dir: d.clone(),
        user: false,
    }));
    out
}

impl Source {
    fn origin(&self, path: PathBuf) -> Origin {
        if self.user {
            Origin::User(path)
        } else {
            Origin::Dir(path)
        }
    }

    /// The `.toml` files of the folder, sorted. The user's folder may be missing; a
    /// `--checklists` folder must exist.
    pub(super) fn files(&self, lang: Lang) -> Result<Vec<PathBuf>> {
        match checklist_files(&self.dir) {
            Ok(files) => Ok(files),
            Err(ReadError::NotFound) if self.user => Ok(vec![]),
            Err(e) => bail!(
                "{}",
                fill(
                    lang.strings().catalog.unreadable_dir,
                    &[
                        ("path", &self.dir.display()),
                        ("reason", &(lang.strings().catalog.read_error)(&e))
                    ]
                )
            ),
        }
    }
}

/// The `.toml` files directly in `dir` (not folders), sorted.
pub fn checklist_files(dir: &Path) -> std::result::Result<Vec<PathBuf>, ReadError> {
    let rd = fs::read_dir(dir).map_err(|e| ReadError::of(&e))?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads a checklist file: refuses what is too big, unreadable or not UTF-8, with one
/// diagnostic naming the file.
pub fn read_file(path: &Path) -> std::result::Result<(String, String), Diagnostic> {
    let unreadable = |e: ReadError| Diagnostic::file(path, Problem::Unreadable(e));
    let meta = fs::metadata(path).map_err(|e| unreadable(ReadError::of(&e)))?;
    if meta.is_dir() {
        return Err(unreadable(ReadError::IsFolder));
    }
    // A FIFO or device would block or never end: only regular files are read.
    if !meta.is_file() {
        return Err(unreadable(ReadError::NotRegular));
    }
    let too_large = |size: u64| Diagnostic::file(path, Problem::TooLarge { size });
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes))
        .map_err(|e| unreadable(ReadError::of(&e)))?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large(bytes.len() as u64));
    }
    let hash = hash_bytes(&bytes);
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, hash)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let (line, col) = super::diagnostic::line_col(&text, text.len());
            let mut d = Diagnostic::file(path, Problem::NotUtf8);
            d.line = line;
            d.col = col;
            Err(d)
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
fn load_file(path: &Path, origin: Origin) -> std::result::Result<Entry, Skipped> {
    let skipped = |problems| Skipped {
        path: path.to_path_buf(),
        problems,
    };
    let (src, hash) = read_file(path).map_err(|d| skipped(vec![d]))?;
    // Warnings are for `validate`: a checklist that has only warnings is usable.
    let (checklist, _warnings) = parse_str(&src, path).map_err(skipped)?;
    Ok(Entry {
        checklist,
        origin,
        hash,
    })
}

/// The bundled files as (file name, contents).
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    bundled::BUNDLED
}

fn load_bundled(name: &str, src: &str) -> std::result::Result<Entry, Skipped> {
    let path = PathBuf::from(name);
    let (checklist, _warnings) = parse_str(src, &path).map_err(|problems| Skipped {
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
    /// [`Catalog::skipped_lines`]); a `--checklists` folder that cannot be read is an error.
    pub fn load(app: &App) -> Result<Catalog> {
        let mut cat = Catalog {
            lang: app.lang,
            ..Catalog::default()
        };
        for (name, src) in bundled_files() {
            match load_bundled(name, src) {
                Ok(e) => cat.insert(e),
                Err(s) => cat.skipped.push(s),
            }
        }
        for source in sources(app) {
            for path in source.files(app.lang)? {
                match load_file(&path, source.origin(path.clone())) {
                    Ok(e) => cat.insert(e),
                    Err(s) => cat.skipped.push(s),
                }
            }
        }
        cat.entries
            .sort_by(|a, b| a.checklist.id.cmp(&b.checklist.id));
        Ok(cat)
    }

    fn insert(&mut self, entry: Entry) {
        match self
            .entries
            .iter_mut()
            .find(|e| e.checklist.id == entry.checklist.id)
        {
            Some(slot) => *slot = entry,
            None => self.entries.push(entry),
        }
    }

    /// Every loaded checklist, sorted by id.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// One line per skipped file, for stderr.
    pub fn skipped_lines(&self, lang: Lang) -> Vec<String> {
        self.skipped
            .iter()
            .map(|s| skipped_line(lang, &s.path, s.problems.len()))
            .collect()
    }

    /// The checklist with this id, or an error that says what ids exist.
    pub fn get(&self, id: &str) -> Result<&Entry> {
        let s = self.lang.strings();
        if !is_id(id, false) {
            bail!("{}", fill(s.catalog.not_an_id, &[("id", &id)]));
        }
        match self.entries.iter().find(|e| e.checklist.id == id) {
            Some(e) => Ok(e),
            None => {
                let known: Vec<&str> = self
                    .entries
                    .iter()
                    .map(|e| e.checklist.id.as_str())
                    .collect();
                bail!(
                    "{}",
                    fill(
                        s.catalog.unknown_checklist,
                        &[("id", &id), ("known", &known.join(", "))]
                    )
                )
            }
        }
    }
}

/// "skipping PATH: N problem(s); run `simcancel validate PATH`".
pub fn skipped_line(lang: Lang, path: &Path, count: usize) -> String {
    fill(
        lang.strings().catalog.skipped_file,
        &[("path", &path.display()), ("count", &count)],
    )
}
