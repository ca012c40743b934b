//! Session benches: one durable save of a 20-step session, loading a 10,000-event session
//! (with its peak memory, from a counting allocator), and listing 200 session files as
//! `sessions` and `resume` do. The save is bounded by the disk's fsync latency; the
//! serialize-only bench shows what the code itself adds.
//!
//! Run: `cargo bench --bench session -- --warm-up-time 1 --measurement-time 3`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use criterion::Criterion;
use simcancel::checklist::{
    Answer, Checklist, Condition, Contacts, Difficulty, Input, Kind, Phase, Question, QuestionKind,
    Source, Step, Text,
};
use simcancel::session::{ChecklistRef, Session, Store};

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

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").expect("time")
}

/// A checklist of `n` steps over every phase, with bilingual texts, inputs and a wait.
fn checklist(n: usize) -> Checklist {
    let steps = (0..n)
        .map(|i| Step {
            id: format!("step-{i}"),
            phase: Phase::ALL[i * Phase::ALL.len() / n],
            title: Text(vec![
                ("en".into(), format!("Step number {i} of the procedure")),
                ("zh-CN".into(), format!("流程的第 {i} 步")),
            ]),
            body: Text(vec![
                ("en".into(), "Log in to the operator's website, open My account, then follow the cancellation link. ".repeat(3)),
                ("zh-CN".into(), "登录运营商网站，打开我的账户，然后点击注销链接。".repeat(3)),
            ]),
            links: vec!["account".into()],
            when: if i == 1 {
                vec![Condition {
                    question: "keep_number".into(),
                    any_of: vec![Answer::Bool(true)],
                }]
            } else {
                vec![]
            },
            inputs: vec![Input {
                id: "reference".into(),
                label: Text::plain("Reference"),
                personal: i % 2 == 0,
                required: false,
                pattern: None,
                help: None,
            }],
            wait: (i == n - 3).then(|| "5d".parse().expect("duration")),
            cite: vec![],
        })
        .collect();
    Checklist {
        schema: 1,
        id: "bench".into(),
        name: Text::plain("Bench Mobile"),
        provider: Text::plain("Bench"),
        network: None,
        aliases: vec![],
        country: "FR".into(),
        kinds: vec![Kind::Prepaid],
        difficulty: Difficulty::Medium,
        flags: vec![],
        verified: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
        sources: vec![Source::legacy("https://example.org/terms")],
        summary: None,
        description: None,
        cite: vec![],
        links: vec![("account".into(), "https://example.org/account".into())],
        contacts: Contacts {
            phone: Some("3900".into()),
            ..Contacts::default()
        },
        letter: None,
        questions: vec![Question {
            id: "keep_number".into(),
            kind: QuestionKind::YesNo,
            text: Text::plain("Keep your number?"),
            help: None,
            at: None,
            cite: vec![],
        }],
        steps,
    }
}

/// A 20-step session with `events` events (notes, inputs, done, back, in turn).
fn session(id: &str, events: usize) -> Session {
    let c = checklist(20);
    let mut s = Session::start(
        id.into(),
        "en",
        ChecklistRef {
            id: c.id.clone(),
            hash: "0".repeat(64),
            origin: "bundled".into(),
            snapshot: c,
        },
        t0(),
    );
    s.answer("keep_number", Answer::Bool(false), t0());
    let mut i = 0;
    while s.events.len() < events {
        let at = t0() + TimeDelta::seconds(i as i64);
        let step = i % 20;
        match i % 4 {
            0 => s.add_note(step, format!("note {i}: called customer service"), at),
            1 => s.set_input(step, "reference", format!("REF{i:06}"), at),
            2 => s.mark_done(step, at),
            _ => s.go_back(step, step.saturating_sub(1), at),
        }
        i += 1;
    }
    s
}

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

    let save_store = Store::new(&dir.path().join("save"));
    let small = session("00000001", 60);
    c.bench_function("save a 20-step session (durable)", |b| {
        b.iter(|| save_store.save(black_box(&small)).expect("save"))
    });

    c.bench_function("serialize a 20-step session (no disk)", |b| {
        b.iter(|| {
            serde_json::to_vec_pretty(black_box(&small))
                .expect("json")
                .len()
        })
    });

    let big_store = Store::new(&dir.path().join("big"));
    let big = session("00000002", 10_000);
    big_store.save(&big).expect("save");
    let big_path = big_store.path(&big.id);
    report_peak_load(&big_path);
    c.bench_function("load a 10,000-event session", |b| {
        b.iter(|| Store::read(black_box(&big_path)).expect("load"))
    });

    let many = Store::new(&dir.path().join("many"));
    for i in 0..200 {
        many.save(&session(&format!("{i:08x}"), 40)).expect("save");
    }
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
