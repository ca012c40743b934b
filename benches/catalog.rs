//! Catalogue benches: what `simcancel list` does over 1,000 realistic checklist files (12 steps,
//! English and Chinese), with a warm cache (the usual case) and a cold one (every file parsed
//! and validated), and over the bundled catalogue alone.
//!
//! Set `SIMCANCEL_BENCH_DIR=/some/dir` to keep the generated files there, e.g. to time the
//! whole process against `cat` with hyperfine (see the README's Performance section).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use simcancel::checklist::{Sources, summaries};

mod common;

fn sources(dirs: Vec<PathBuf>, cache_dir: Option<PathBuf>) -> Sources {
    Sources {
        user_dir: None,
        dirs,
        cache_dir,
    }
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = match std::env::var_os("SIMCANCEL_BENCH_DIR") {
        Some(d) => PathBuf::from(d),
        None => tmp.path().join("checklists"),
    };
    common::write_catalogue(&dir, 1000).expect("write the catalogue");
    let first = summaries(&sources(vec![dir.clone()], None)).unwrap();
    assert_eq!(
        first.rows.len(),
        1000 + simcancel::checklist::bundled_files().len()
    );
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);

    let cache = tmp.path().join("cache");
    let warm = sources(vec![dir.clone()], Some(cache));
    summaries(&warm).unwrap();
    c.bench_function("list 1000 files, warm cache", |b| {
        b.iter(|| black_box(summaries(&warm).unwrap()))
    });
    let cold = sources(vec![dir.clone()], None);
    c.bench_function("list 1000 files, no cache (parse + validate all)", |b| {
        b.iter(|| black_box(summaries(&cold).unwrap()))
    });
    let bundled = sources(vec![], None);
    c.bench_function("list bundled catalogue, no cache", |b| {
        b.iter(|| black_box(summaries(&bundled).unwrap()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
