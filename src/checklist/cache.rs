//! What `list` shows, without parsing every file every time.
//!
//! `list` needs a few fields per checklist. Parsing and validating 1,000 files in full takes
//! far longer than reading them, so each file's summary is cached in
//! `<cache dir>/simcancel/catalog-v1-<hash of the source>.json` (one file per source, so
//! listing one folder never reads another's entries), keyed by path, size and modification
//! time (in nanoseconds). A file whose size or time changed is parsed again; a cache that is missing,
//! damaged or from another version is rebuilt. The cache is only ever an optimisation: if it
//! cannot be written, `list` still works.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::{Error, Origin, Sources, bundled_files, read_file};
use super::diagnostic::Diagnostic;
use super::load::parse_str;
use super::model::{Checklist, Difficulty, Kind};
use super::text::Text;
use crate::fsutil;
use crate::parallel;

/// The fields `list` shows of one checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Checklist id.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Provider.
    pub provider: String,
    /// Country code.
    pub country: String,
    /// Kinds of line.
    pub kinds: Vec<Kind>,
    /// Difficulty.
    pub difficulty: Difficulty,
    /// Last checked against its sources.
    pub verified: NaiveDate,
    /// Where it came from (not cached: it follows from the folder).
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Summary {
    fn of(c: &Checklist) -> Summary {
        Summary {
            id: c.id.clone(),
            name: c.name.clone(),
            provider: c.provider.clone(),
            country: c.country.clone(),
            kinds: c.kinds.clone(),
            difficulty: c.difficulty,
            verified: c.verified,
            origin: None,
        }
    }
}

/// What `list` found: one summary per id (later sources win), and the files skipped with
/// how many problems each has.
#[derive(Debug, Default)]
pub struct Summaries {
    /// Sorted by id.
    pub rows: Vec<Summary>,
    /// Files that could not be loaded, with their problem count.
    pub skipped: Vec<(PathBuf, usize)>,
}

#[derive(Default, Serialize, Deserialize)]
struct CacheFile {
    version: String,
    /// The source this file caches (guards against hash collisions).
    source: String,
    files: HashMap<PathBuf, Cached>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Cached {
    size: u64,
    mtime: u128,
    /// `None` when the file has errors.
    summary: Option<Summary>,
    /// Number of errors when `summary` is `None`.
    problems: usize,
}

/// One source's cache file, loaded, looked up and written back if it changed.
struct SourceCache {
    path: Option<PathBuf>,
    file: CacheFile,
    dirty: bool,
}

impl SourceCache {
    /// The cache of the source named `key` (`bundled` or a folder path), one file each so
    /// that listing one folder never reads another folder's entries.
    fn open(cache_dir: Option<&Path>, key: &str) -> SourceCache {
        let path = cache_dir.map(|d| d.join(format!("catalog-v1-{:016x}.json", fast_hash(key))));
        let file = path
            .as_ref()
            .and_then(|p| fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<CacheFile>(&b).ok())
            .filter(|c| c.version == env!("CARGO_PKG_VERSION") && c.source == key)
            .unwrap_or_else(|| CacheFile {
                version: env!("CARGO_PKG_VERSION").to_string(),
                source: key.to_string(),
                files: HashMap::new(),
            });
        SourceCache {
            path,
            file,
            dirty: false,
        }
    }

    /// The entry for `key`, if it was cached with this stamp.
    fn lookup(&self, key: &Path, (size, mtime): (u64, u128)) -> Option<&Cached> {
        self.file
            .files
            .get(key)
            .filter(|c| c.size == size && c.mtime == mtime)
    }

    /// Remembers the entry computed for `key` when its stamp was `stamp`.
    fn remember(&mut self, key: &Path, (size, mtime): (u64, u128), fresh: &Cached) {
        self.file.files.insert(
            key.to_path_buf(),
            Cached {
                size,
                mtime,
                ..fresh.clone()
            },
        );
        self.dirty = true;
    }

    /// Forgets the files that are not in `present` and writes the cache back if anything
    /// changed.
    fn finish<'a>(mut self, present: impl IntoIterator<Item = &'a Path>) {
        let present: HashSet<&Path> = present.into_iter().collect();
        let before = self.file.files.len();
        self.file.files.retain(|p, _| present.contains(p.as_path()));
        if (self.dirty || self.file.files.len() != before)
            && let Some(path) = &self.path
        {
            // The cache only saves time: failing to write it must not fail `list`.
            let _ = write_cache(path, &self.file);
        }
    }
}

/// What one file's lookup found: its cached entry, or a fresh one (with the stamp to
/// remember it by, if the file could be stat'ed).
enum Lookup {
    Hit(Cached),
    Fresh(Option<(u64, u128)>, Cached),
}

/// A quick, non-cryptographic hash (good enough for cache keys).
fn fast_hash(x: &str) -> u64 {
    let mut h = DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// The summaries of every checklist, using and refreshing the cache.
pub fn summaries(sources: &Sources) -> Result<Summaries, Error> {
    let cache_dir = sources.cache_dir.as_deref();
    let mut out = Summaries::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut put = |rows: &mut Vec<Summary>, s: Summary| match by_id.get(&s.id) {
        Some(&i) => rows[i] = s,
        None => {
            by_id.insert(s.id.clone(), rows.len());
            rows.push(s);
        }
    };

    let mut cache = SourceCache::open(cache_dir, "bundled");
    for (name, src) in bundled_files() {
        // Bundled files have no mtime: key them by their length and a hash of the contents.
        let stamp = (src.len() as u64, u128::from(fast_hash(src)));
        let key = Path::new(name);
        let cached = match cache.lookup(key, stamp) {
            Some(hit) => hit.clone(),
            None => {
                let fresh = summary_of(parse_str(src, key).map(|(c, _)| c));
                cache.remember(key, stamp, &fresh);
                fresh
            }
        };
        match cached.summary {
            Some(mut s) => {
                s.origin = Some(Origin::Bundled);
                put(&mut out.rows, s);
            }
            None => out.skipped.push((PathBuf::from(name), cached.problems)),
        }
    }
    cache.finish(bundled_files().iter().map(|(name, _)| Path::new(name)));

    for folder in sources.folders() {
        let files = folder.files()?;
        let key = fs::canonicalize(&folder.dir).unwrap_or_else(|_| folder.dir.clone());
        let mut cache = SourceCache::open(cache_dir, &key.to_string_lossy());
        // Stat'ing, looking up and parsing the files that changed is done for each file on
        // its own, on every core; the cache is updated afterwards, in order.
        let looked = parallel::map(&files, |path| {
            let stamp = stamp_of(path);
            match stamp.and_then(|s| cache.lookup(path, s)) {
                Some(hit) => Lookup::Hit(hit.clone()),
                None => Lookup::Fresh(stamp, summarize(path)),
            }
        });
        for (path, lookup) in files.iter().zip(looked) {
            let cached = match lookup {
                Lookup::Hit(hit) => hit,
                Lookup::Fresh(stamp, fresh) => {
                    if let Some(stamp) = stamp {
                        cache.remember(path, stamp, &fresh);
                    }
                    fresh
                }
            };
            match cached.summary {
                Some(mut s) => {
                    s.origin = Some(folder.origin(path.clone()));
                    put(&mut out.rows, s);
                }
                None => out.skipped.push((path.clone(), cached.problems)),
            }
        }
        cache.finish(files.iter().map(PathBuf::as_path));
    }
    out.rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// A file's size and modification time (in nanoseconds), if it can be stat'ed.
fn stamp_of(path: &Path) -> Option<(u64, u128)> {
    fs::metadata(path).ok().map(|m| {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        (m.len(), mtime)
    })
}

/// Reads and parses one file for the cache.
fn summarize(path: &Path) -> Cached {
    summary_of(
        read_file(path)
            .map_err(|d| vec![*d])
            .and_then(|src| parse_str(&src, path).map(|(c, _)| c)),
    )
}

/// A cache entry (without its stamp) for a parse result.
fn summary_of(result: Result<Checklist, Vec<Diagnostic>>) -> Cached {
    match result {
        Ok(c) => Cached {
            size: 0,
            mtime: 0,
            summary: Some(Summary::of(&c)),
            problems: 0,
        },
        Err(problems) => Cached {
            size: 0,
            mtime: 0,
            summary: None,
            problems: problems.iter().filter(|d| d.is_error()).count().max(1),
        },
    }
}

/// Writes the cache file atomically, creating its folder, without waiting for the disk: a
/// cache lost in a power cut is rebuilt. Errors are dropped by the caller.
fn write_cache(path: &Path, cache: &CacheFile) -> Option<()> {
    let dir = path.parent()?;
    fs::create_dir_all(dir).ok()?;
    let json = serde_json::to_vec(cache).ok()?;
    fsutil::write_rebuildable(path, &json).ok()
}
