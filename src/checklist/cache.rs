//! What `list` shows, without parsing every file every time.
//!
//! `list` needs a few fields per checklist. Parsing and validating 1,000 files in full takes
//! far longer than reading them, so each file's summary is cached in
//! `<cache dir>/simcancel/catalog-v1.json`, keyed by path, size and modification time (in
//! nanoseconds). A file whose size or time changed is parsed again; a cache that is missing,
//! damaged or from another version is rebuilt. The cache is only ever an optimisation: if it
//! cannot be written, `list` still works.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::{Origin, bundled_files, sources};
use super::load::parse_str;
use super::model::{Checklist, Difficulty, Kind, Text};
use crate::app::App;

const CACHE_FILE: &str = "catalog-v1.json";

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

/// The summaries of every checklist, using and refreshing the cache.
pub fn summaries(app: &App) -> Result<Summaries> {
    let cache_path = app.cache_dir.as_ref().map(|d| d.join(CACHE_FILE));
    let mut cache = cache_path
        .as_ref()
        .and_then(|p| fs::read(p).ok())
        .and_then(|b| serde_json::from_slice::<CacheFile>(&b).ok())
        .filter(|c| c.version == env!("CARGO_PKG_VERSION"))
        .unwrap_or_else(|| CacheFile {
            version: env!("CARGO_PKG_VERSION").to_string(),
            files: HashMap::new(),
        });
    let mut dirty = false;
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut out = Summaries::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut put = |rows: &mut Vec<Summary>, s: Summary| match by_id.get(&s.id) {
        Some(&i) => rows[i] = s,
        None => {
            by_id.insert(s.id.clone(), rows.len());
            rows.push(s);
        }
    };

    for (name, src) in bundled_files() {
        match parse_str(src, Path::new(name)) {
            Ok((c, _)) => {
                let mut s = Summary::of(&c);
                s.origin = Some(Origin::Bundled);
                put(&mut out.rows, s);
            }
            Err(problems) => out.skipped.push((PathBuf::from(name), problems.len())),
        }
    }

    for source in sources(app) {
        let mut ids_here: HashMap<String, PathBuf> = HashMap::new();
        for path in source.files(app.lang)? {
            seen.push(path.clone());
            let stamp = fs::metadata(&path).ok().map(|m| {
                let mtime = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), mtime)
            });
            let cached = match (stamp, cache.files.get(&path)) {
                (Some((size, mtime)), Some(c)) if c.size == size && c.mtime == mtime => c.clone(),
                _ => {
                    let fresh = summarize(&path);
                    if let Some((size, mtime)) = stamp {
                        cache.files.insert(
                            path.clone(),
                            Cached {
                                size,
                                mtime,
                                ..fresh.clone()
                            },
                        );
                        dirty = true;
                    }
                    fresh
                }
            };
            match cached.summary {
                Some(mut s) => {
                    if ids_here.contains_key(&s.id) {
                        out.skipped.push((path, 1));
                        continue;
                    }
                    ids_here.insert(s.id.clone(), path.clone());
                    s.origin = Some(if source.user {
                        Origin::User(path)
                    } else {
                        Origin::Dir(path)
                    });
                    put(&mut out.rows, s);
                }
                None => out.skipped.push((path, cached.problems)),
            }
        }
    }
    out.rows.sort_by(|a, b| a.id.cmp(&b.id));

    let before = cache.files.len();
    cache.files.retain(|p, _| seen.contains(p) || p.exists());
    dirty |= cache.files.len() != before;
    if dirty && let Some(path) = cache_path {
        // The cache only saves time: failing to write it must not fail `list`.
        let _ = write_cache(&path, &cache);
    }
    Ok(out)
}

/// Reads and parses one file for the cache.
fn summarize(path: &Path) -> Cached {
    let result = super::catalog::read_file(path)
        .map_err(|d| vec![d])
        .and_then(|(src, _)| parse_str(&src, path).map(|(c, _)| c));
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

fn write_cache(path: &Path, cache: &CacheFile) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&serde_json::to_vec(cache)?)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
