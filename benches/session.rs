//! Session benches: one durable save after an answer, for sessions of 10 to 10,000 events
//! (the whole file is rewritten, so the cost grows with the log), the same without the disk
//! (serializing only), and the disk's own floor: the same atomic, fsynced write of a
//! one-byte file. Then loading a 10,000-event session (with its peak heap, from a counting
//! allocator) and listing 200 session files as `sessions` and `resume` do.
//!
//! Run: `cargo bench --bench session -- --warm-up-time 1 --measurement-time 3`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{BenchmarkId, Criterion};
use simcancel::fsutil::{Replace, write_atomic};
use simcancel::session::Store;

mod common;

/// Counts live and peak heap bytes, so the bench can report the peak of one load.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers every allocation to the system allocator and only adds bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn report_peak_load(path: &Path) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let loaded = Store::read(path).expect("load");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "peak heap while loading a {}-event session: {:.2} MiB (file {:.2} MiB)",
        loaded.events.len(),
        peak as f64 / (1024.0 * 1024.0),
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / (1024.0 * 1024.0)
    );
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");

    let floor = dir.path().join("floor.txt");
    c.bench_function("durable write of a 1-byte file (the disk's floor)", |b| {
        b.iter(|| write_atomic(&floor, b"x", Replace::Always).expect("write"))
    });

    let save_store = Store::new(&dir.path().join("save"));
    let mut save = c.benchmark_group("save after an answer (durable)");
    for events in [10, 100, 1_000, 10_000] {
        let session = common::session("00000001", events);
        save.bench_with_input(BenchmarkId::from_parameter(events), &session, |b, s| {
            b.iter(|| save_store.save(black_box(s)).expect("save"))
        });
    }
    save.finish();

    let mut serialize = c.benchmark_group("serialize (no disk)");
    for events in [10, 100, 1_000, 10_000] {
        let session = common::session("00000001", events);
        serialize.bench_with_input(BenchmarkId::from_parameter(events), &session, |b, s| {
            b.iter(|| serde_json::to_vec_pretty(black_box(s)).expect("json").len())
        });
    }
    serialize.finish();

    let big_store = Store::new(&dir.path().join("big"));
    let big = common::session("00000002", 10_000);
    big_store.save(&big).expect("save");
    let big_path = big_store.path(&big.id);
    report_peak_load(&big_path);
    c.bench_function("load a 10,000-event session", |b| {
        b.iter(|| Store::read(black_box(&big_path)).expect("load"))
    });

    let many = dir.path().join("many");
    common::write_sessions(&many, 200, 40);
    let many = Store::new(&many);
    c.bench_function("list 200 sessions (full)", |b| {
        b.iter(|| many.list().expect("list").sessions.len())
    });
    c.bench_function("list 200 sessions (summaries, as `sessions`)", |b| {
        b.iter(|| many.list_summaries().expect("list").sessions.len())
    });
    c.bench_function("find one of 200 sessions by id", |b| {
        b.iter(|| many.find(black_box("000000c7")).expect("find"))
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
