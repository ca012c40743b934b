//! Catalogue benches: what `simcancel list` does over 1,000 realistic checklist files (12 steps,
//! English and Chinese), with a warm cache (the usual case) and a cold one (every file parsed
//! and validated), and over the bundled catalogue alone.
//!
//! Set `SIMCANCEL_BENCH_DIR=/some/dir` to keep the generated files there, e.g. to time the
//! whole process against `cat` with hyperfine (see the README's Performance section).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use simcancel::checklist::{Sources, summaries};

/// A realistic checklist: 12 steps with bilingual titles and bodies, questions, inputs.
fn realistic(id: &str, n: usize) -> String {
    let mut s = format!(
        r#"schema = 1
id = "{id}"
name = {{ en = "Provider {n} prepaid", zh-CN = "运营商 {n} 预付费卡" }}
provider = "Provider {n}"
country = "FR"
kinds = ["prepaid", "esim"]
difficulty = "medium"
flags = ["needs-letter"]
verified = 2026-11-25
sources = ["https://www.service-public.fr/", "service-public.fr F22486"]
summary = {{ en = "How to cancel a prepaid line at provider {n}.", zh-CN = "如何注销运营商 {n} 的预付费线路。" }}

[links]
account = "https://www.example.org/account"
help = "https://www.example.org/help"

[contacts]
phone = "0800 000 {n:03}"
note = {{ en = "Free from a French line.", zh-CN = "从法国线路拨打免费。" }}

[[questions]]
id = "keep_number"
kind = "yes-no"
text = {{ en = "Keep your number with another operator?", zh-CN = "是否要把号码转到其他运营商继续使用？" }}
"#
    );
    let phases = [
        "prepare",
        "prepare",
        "prepare",
        "prepare",
        "login",
        "find-option",
        "confirm",
        "submit",
        "wait",
        "after",
        "after",
        "after",
    ];
    for (i, phase) in phases.iter().enumerate() {
        s.push_str(&format!(
            r#"
[[steps]]
id = "step-{i}"
phase = "{phase}"
title = {{ en = "Step {i}: do the thing", zh-CN = "第 {i} 步：完成这件事" }}
body = {{ en = """
Open the customer area, look for the option described here and follow the screens until the
operator confirms. Keep any reference it shows; you may need it if a charge appears later.""", zh-CN = """
打开客户专区，找到这里描述的选项，按屏幕提示操作，直到运营商确认。
保留显示的任何编号；如果以后出现扣费，您可能需要它。""" }}
links = ["help"]
"#
        ));
        if *phase == "wait" {
            s.push_str("wait = \"10d\"\n");
        }
        if i == 7 {
            s.push_str(
                "\n  [[steps.inputs]]\n  id = \"reference\"\n  label = { en = \"Reference\", zh-CN = \"编号\" }\n",
            );
        }
    }
    s
}

fn write_catalogue(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for n in 0..count {
        let id = format!("provider-{n:04}");
        std::fs::write(dir.join(format!("{id}.toml")), realistic(&id, n)).unwrap();
    }
}

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
    write_catalogue(&dir, 1000);
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
