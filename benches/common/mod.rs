//! Data the benches and `examples/bench-data.rs` share: realistic checklist files and
//! sessions of the bundled `generic` checklist with as many events as asked, so that the
//! criterion benches and the whole-process `hyperfine` commands of the README time the
//! same files.

#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeDelta};
use simcancel::checklist::{Catalog, Sources};
use simcancel::session::{ChecklistRef, Session, Store};

/// A realistic checklist file: 12 steps with bilingual titles and bodies, a question, an
/// input with a pattern, a wait (about 7.9 KB).
pub fn checklist_toml(id: &str, n: usize) -> String {
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
                "\n  [[steps.inputs]]\n  id = \"reference\"\n  label = { en = \"Reference\", zh-CN = \"编号\" }\n  pattern = '[A-Z0-9-]{4,20}'\n",
            );
        }
    }
    s
}

/// Writes `count` checklist files `provider-NNNNN.toml` into `dir`.
pub fn write_catalogue(dir: &Path, count: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for n in 0..count {
        let id = format!("provider-{n:05}");
        std::fs::write(dir.join(format!("{id}.toml")), checklist_toml(&id, n))?;
    }
    Ok(())
}

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").expect("time")
}

/// An unfinished English session of the bundled `generic` checklist (17 steps), with its
/// real hash, and at least `events` events: notes, inputs, steps done and steps gone back
/// to, in turn. The last step stays pending, so `resume` accepts it.
pub fn session(id: &str, events: usize) -> Session {
    let catalog = Catalog::load(&Sources::default()).expect("bundled catalogue");
    let entry = catalog.get("generic").expect("the generic checklist");
    let snapshot = entry.checklist.clone();
    let steps = snapshot.steps.len();
    let input = snapshot
        .steps
        .iter()
        .position(|s| !s.inputs.is_empty())
        .map(|i| (i, snapshot.steps[i].inputs[0].id.clone()));
    let mut s = Session::start(
        id.into(),
        "en",
        ChecklistRef {
            id: "generic".into(),
            hash: entry.hash.clone(),
            origin: "bundled".into(),
            snapshot,
        },
        t0(),
    );
    for q in s.checklist.snapshot.questions.clone() {
        if let Some(a) = q.answers().first() {
            s.answer(&q.id, a.clone(), t0());
        }
    }
    let mut i = 0usize;
    while s.events.len() < events {
        let at = t0() + TimeDelta::seconds(i as i64);
        let step = i % (steps - 1);
        match i % 4 {
            0 => s.add_note(step, format!("note {i}: called customer service again"), at),
            1 => match &input {
                Some((idx, id)) => s.set_input(*idx, id, format!("REF{i:06}"), at),
                None => s.add_note(step, format!("note {i}"), at),
            },
            2 => s.mark_done(step, at),
            _ => s.go_back(step + 1, step, at),
        }
        i += 1;
    }
    s
}

/// Saves `count` sessions of `events` events each under `data_dir` (ids `00000000`,
/// `00000001`, ...), returning the ids.
pub fn write_sessions(data_dir: &Path, count: usize, events: usize) -> Vec<String> {
    let store = Store::new(data_dir);
    let template = session("00000000", events);
    (0..count)
        .map(|n| {
            let mut s = template.clone();
            s.id = format!("{n:08x}");
            store.save(&s).expect("save");
            s.id
        })
        .collect()
}
