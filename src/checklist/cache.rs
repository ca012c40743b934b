//! What `list` shows, without parsing every file every time.
//!
//! `list` needs a few fields per checklist. Parsing and validating 1,000 files in full takes
//! far longer than reading them, so each file's summary is cached in
//! `<cache dir>/simcancel/catalog-v1-<hash of the folder>.json`, the hash the first 16 hex
//! digits of the SHA-256 of the folder's canonical path (stable across Rust releases, unlike
//! `DefaultHasher`), in an owner-only folder: one file per folder, so listing one folder
//! never reads another's entries. A cache that is missing, damaged, from another version or
//! in another layout (it does not read back) is rebuilt in place; if it cannot be written, `list` still works. The bundled checklists need no
//! cache: `build.rs` reads their summaries into the binary.
//!
//! An entry is used only while the file's [`Stamp`] is unchanged: size, modification time,
//! status-change time (ctime), device and inode. An edit that keeps the size and puts the
//! modification time back (`touch -d`, `cp -p`, `rsync -t`, an archive) still sets the ctime,
//! which nothing but the kernel can set; a file replaced by another (written beside it and
//! renamed over it) has a new inode. What times cannot tell apart is two writes within one
//! tick of the file system's clock (milliseconds, up to 2 s on FAT). So a file changed less
//! than [`SETTLE`] before it was stamped is also cached with a hash of its contents, and until
//! it has settled a match of its stamp is confirmed by reading the file and comparing that
//! hash (still no parse); once settled, the entry is stored again without it.
//!
//! On Windows the standard library gives neither a change time nor a file id, so the stamp
//! is size and modification time only, and every entry keeps its hash: a cached file is
//! always read and hashed (still never parsed) before its entry is used.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::{
    Error, Origin, Sources, bundled_files, bundled_summaries, hash_bytes, read_file, read_stamped,
};
use super::diagnostic::Diagnostic;
use super::load::{Rules, parse_str, parse_with};
use super::model::{Checklist, Difficulty, Kind};
use super::text::Text;
use crate::fsutil::{self, Links};
use crate::parallel;

/// How long after its last change a file's stamp alone is trusted: more than the coarsest
/// timestamp granularity of common file systems (2 s on FAT).
const SETTLE: Duration = Duration::from_secs(3);

/// The fields `list` shows of one checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Checklist id.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Provider.
    pub provider: Text,
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
    pub(super) fn of(c: &Checklist) -> Summary {
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
    /// By file name.
    files: HashMap<String, Cached>,
}

/// What identifies one state of a file: if any part differs, the file changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    /// Modification time, nanoseconds since 1970.
    mtime: i64,
    /// Status-change time (set by the kernel at every change, `utime` included).
    ctime: i64,
    dev: u64,
    ino: u64,
}

impl Stamp {
    #[cfg(unix)]
    fn of(meta: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        let nanos = |secs: i64, nsec: i64| secs.saturating_mul(1_000_000_000).saturating_add(nsec);
        Stamp {
            size: meta.len(),
            mtime: nanos(meta.mtime(), meta.mtime_nsec()),
            ctime: nanos(meta.ctime(), meta.ctime_nsec()),
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }

    /// Size and modification time: all that Windows' metadata in std can tell.
    #[cfg(not(unix))]
    fn of(meta: &fs::Metadata) -> Stamp {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Stamp {
            size: meta.len(),
            mtime,
            ..Stamp::default()
        }
    }

    /// Whether the file's last change was at least [`SETTLE`] before `now` (nanoseconds
    /// since 1970); a time in the future, from a skewed clock, is not settled.
    fn settled(&self, now: i64) -> bool {
        now.saturating_sub(self.mtime.max(self.ctime)) >= SETTLE.as_nanos() as i64
    }

    /// Whether this stamp alone says that the file is unchanged: on Unix once it has
    /// settled; on Windows never (no change time, no file id).
    fn trusted(&self, now: i64) -> bool {
        cfg!(unix) && self.settled(now)
    }
}

#[derive(Clone, Serialize, Deserialize)]
struct Cached {
    stamp: Stamp,
    /// Hash of the contents, kept while the file may change again within one tick of the
    /// file system's clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fingerprint: Option<u64>,
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
    /// The cache of the folder `key` (its canonical path), one file each so that listing
    /// one folder never reads another folder's entries.
    fn open(cache_dir: Option<&Path>, key: &str) -> SourceCache {
        let path = cache_dir.map(|d| d.join(cache_file_name(key)));
        let file = path
            .as_ref()
            .and_then(|p| fsutil::read_regular(p, Links::Refuse).ok())
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

    /// Remembers `entry` for the file named `name`.
    fn remember(&mut self, name: &str, entry: &Cached) {
        self.file.files.insert(name.to_string(), entry.clone());
        self.dirty = true;
    }

    /// Forgets the files that are not in `present` and writes the cache back if anything
    /// changed.
    fn finish<'a>(mut self, present: impl IntoIterator<Item = &'a str>) {
        let present: HashSet<&str> = present.into_iter().collect();
        let before = self.file.files.len();
        self.file
            .files
            .retain(|name, _| present.contains(name.as_str()));
        if (self.dirty || self.file.files.len() != before)
            && let Some(path) = &self.path
        {
            // The cache only saves time: failing to write it must not fail `list`.
            let _ = write_cache(path, &self.file);
        }
    }
}

/// What looking up one file gave, and whether the cache must remember it.
struct Lookup {
    cached: Cached,
    remember: bool,
}

/// The cached entry of a folder's file if it still describes the file, else a fresh one.
fn look_up(cache: &SourceCache, path: &Path, now: i64) -> Lookup {
    let name = path.file_name().and_then(OsStr::to_str);
    let found = name
        .and_then(|n| cache.file.files.get(n))
        .and_then(|entry| {
            let stamp = Stamp::of(&fs::metadata(path).ok()?);
            (entry.stamp == stamp).then_some((entry, stamp))
        });
    let Some((found, stamp)) = found else {
        // No entry (a first run, a new file), or the file changed or went: read afresh.
        let (cached, stamped) = read_afresh(path, now);
        return Lookup {
            cached,
            remember: stamped && name.is_some(),
        };
    };
    let Some(fingerprint) = found.fingerprint else {
        return Lookup {
            cached: found.clone(),
            remember: false,
        };
    };
    // Cached while the file was still changing: only its contents can tell.
    let src = read_file(path);
    match &src {
        Ok(text) if fast_hash(text) == fingerprint => Lookup {
            cached: Cached {
                fingerprint: (!stamp.trusted(now)).then_some(fingerprint),
                ..found.clone()
            },
            remember: stamp.trusted(now),
        },
        _ => Lookup {
            cached: fresh(path, src, stamp, now),
            remember: true,
        },
    }
}

/// The cache file of the folder `key`: the same name for the same folder with every build,
/// so an upgrade reuses (and then refreshes) the cache rather than leaving files.
fn cache_file_name(key: &str) -> String {
    format!("catalog-v1-{}.json", &hash_bytes(key.as_bytes())[..16])
}

/// The summaries of every checklist, using and refreshing the cache.
pub fn summaries(sources: &Sources) -> Result<Summaries, Error> {
    let cache_dir = sources.cache_dir.as_deref();
    let now = now_nanos();
    let mut out = Summaries::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut put = |rows: &mut Vec<Summary>, s: Summary| match by_id.get(&s.id) {
        Some(&i) => rows[i] = s,
        None => {
            by_id.insert(s.id.clone(), rows.len());
            rows.push(s);
        }
    };

    // The bundled checklists are read at build time (`build.rs`); a summary that does not
    // read back is parsed from the source instead.
    for ((name, src), listed) in bundled_files().iter().zip(bundled_summaries()) {
        let listed = match listed {
            Some(s) => Ok(s),
            None => {
                let parsed = parse_with(src, Path::new(name), Rules::BUNDLED).map(|(c, _)| c);
                let cached = summary_of(parsed, Stamp::default());
                cached.summary.ok_or(cached.problems)
            }
        };
        match listed {
            Ok(s) => put(
                &mut out.rows,
                Summary {
                    origin: Some(Origin::Bundled),
                    ..s
                },
            ),
            Err(problems) => out.skipped.push((PathBuf::from(name), problems)),
        }
    }

    for folder in sources.folders() {
        let files = folder.files()?;
        let key = fs::canonicalize(&folder.dir).unwrap_or_else(|_| folder.dir.clone());
        let mut cache = SourceCache::open(cache_dir, &key.to_string_lossy());
        // Stat'ing, looking up and parsing the files that changed is done for each file on
        // its own, on every core; the cache is updated afterwards, in order.
        let looked = parallel::map(&files, |path| look_up(&cache, path, now));
        for (path, Lookup { cached, remember }) in files.iter().zip(looked) {
            if remember && let Some(name) = path.file_name().and_then(OsStr::to_str) {
                cache.remember(name, &cached);
            }
            match cached.summary {
                Some(mut s) => {
                    s.origin = Some(folder.origin(path.clone()));
                    put(&mut out.rows, s);
                }
                None => out.skipped.push((path.clone(), cached.problems)),
            }
        }
        cache.finish(
            files
                .iter()
                .filter_map(|p| p.file_name().and_then(OsStr::to_str)),
        );
    }
    out.rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// Now, in nanoseconds since 1970 (the unit of [`Stamp`]).
fn now_nanos() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// A quick, non-cryptographic hash (good enough for cache keys).
fn fast_hash<T: Hash + ?Sized>(x: &T) -> u64 {
    let mut h = DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// A new entry for the file at `path`, stamped `stamp`, from what reading it gave: with a
/// hash of its contents if it changed too recently for the stamp alone to be trusted.
/// A file without an entry, read and parsed; whether it could be stamped. The stamp is taken
/// from the open file before it is read, so a change in between leaves a stamp that will not
/// match again; a file that cannot be read is stamped by its path, so that its problems are
/// cached too, unless it cannot even be stat'ed.
fn read_afresh(path: &Path, now: i64) -> (Cached, bool) {
    match read_stamped(path) {
        Ok((src, meta)) => (fresh(path, Ok(src), Stamp::of(&meta), now), true),
        Err(d) => match fs::metadata(path) {
            Ok(meta) => (fresh(path, Err(d), Stamp::of(&meta), now), true),
            Err(_) => (fresh(path, Err(d), Stamp::default(), now), false),
        },
    }
}

fn fresh(path: &Path, read: Result<String, Box<Diagnostic>>, stamp: Stamp, now: i64) -> Cached {
    match read {
        Ok(src) => Cached {
            fingerprint: (!stamp.trusted(now)).then(|| fast_hash(&src)),
            ..summary_of(parse_str(&src, path).map(|(c, _)| c), stamp)
        },
        Err(d) => summary_of(Err(vec![*d]), stamp),
    }
}

/// A cache entry for a parse result (without a fingerprint).
fn summary_of(result: Result<Checklist, Vec<Diagnostic>>, stamp: Stamp) -> Cached {
    let (summary, problems) = match result {
        Ok(c) => (Some(Summary::of(&c)), 0),
        Err(problems) => (
            None,
            problems.iter().filter(|d| d.is_error()).count().max(1),
        ),
    };
    Cached {
        stamp,
        fingerprint: None,
        summary,
        problems,
    }
}

/// Writes the cache file atomically, creating its folder owner-only (0700 whatever the
/// umask: the cache names the user's checklist folders), without waiting for the disk: a
/// cache lost in a power cut is rebuilt. Errors are dropped by the caller.
fn write_cache(path: &Path, cache: &CacheFile) -> Option<()> {
    let dir = path.parent()?;
    fsutil::create_private_dir(dir).ok()?;
    let json = serde_json::to_vec(cache).ok()?;
    fsutil::write_rebuildable(path, &json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: i64 = 1_000_000_000;

    #[test]
    fn a_file_is_settled_some_time_after_its_last_change_only() {
        let changed = Stamp {
            mtime: 100 * SECOND,
            ctime: 200 * SECOND,
            ..Stamp::default()
        };
        assert!(!changed.settled(200 * SECOND + 1));
        assert!(
            !changed.settled(202 * SECOND),
            "the ctime counts, not only the mtime"
        );
        assert!(changed.settled(203 * SECOND));
        assert!(
            !changed.settled(150 * SECOND),
            "a change in the future is not settled"
        );
    }

    #[test]
    fn a_recent_file_keeps_a_hash_until_it_has_settled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("mini.toml");
        fs::write(&path, include_str!("../../tests/cli/fixtures/mini.toml")).expect("write");
        let mut cache = SourceCache {
            path: None,
            file: CacheFile::default(),
            dirty: false,
        };
        let now = now_nanos();

        let first = look_up(&cache, &path, now);
        assert!(first.remember && first.cached.summary.is_some());
        assert!(first.cached.fingerprint.is_some(), "just written: hashed");
        cache.remember("mini.toml", &first.cached);

        // Unchanged and now settled: confirmed by its contents, stored again without a hash
        // (on Unix; Windows keeps the hash for good).
        let later = look_up(&cache, &path, now + 10 * SECOND);
        assert_eq!(later.remember, cfg!(unix));
        assert_eq!(later.cached.fingerprint.is_none(), cfg!(unix));
        cache.remember("mini.toml", &later.cached);

        // From then on a hit, not stored again.
        let again = look_up(&cache, &path, now + 20 * SECOND);
        assert!(!again.remember && again.cached.summary.is_some());
    }

    #[test]
    fn cache_names_are_the_sha256_of_the_source_so_every_build_finds_them() {
        // Fixed values: a build with another hasher would name the files differently and
        // leave the old ones behind.
        assert_eq!(
            cache_file_name("/home/me/lists"),
            "catalog-v1-694c12282272751a.json"
        );
    }

    // Owner-only on Unix; on Windows the folder takes the profile's access list.
    #[test]
    fn the_cache_folder_is_owner_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache_dir = dir.path().join("cache").join("simcancel");
        let lists = dir.path().join("lists");
        fs::create_dir(&lists).expect("folder");
        fs::write(
            lists.join("mini.toml"),
            include_str!("../../tests/cli/fixtures/mini.toml"),
        )
        .expect("write");
        let sources = Sources {
            dirs: vec![lists.clone()],
            cache_dir: Some(cache_dir.clone()),
            ..Sources::default()
        };
        summaries(&sources).expect("summaries");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&cache_dir)
                .expect("created")
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o700);
        }
        let names: Vec<String> = fs::read_dir(&cache_dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        let key = fs::canonicalize(&lists).expect("canonical");
        assert_eq!(names, [cache_file_name(&key.to_string_lossy())]);
    }
}
