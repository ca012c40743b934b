//! Kill -9 at 100+ moments of a scripted session: after every kill the session file (if one
//! was written yet) parses, and `resume` continues from the last answer it recorded.

use std::collections::BTreeSet;
use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::guide::{MINI, resume};
use crate::harness::{Env, finish};

const KILLS: u32 = 120;

/// A full walk with many saves: ten notes on the first step, then every step.
fn script() -> String {
    let mut s = String::from("2\n");
    for i in 0..10 {
        s.push_str(&format!("3\nnote {i}\n"));
    }
    s.push_str("1\n1\n1\nAB1234\n1\n2\n1\n\n1\n1\n");
    s
}

fn sandbox() -> (Env, String) {
    let mut env = Env::new();
    let dir = env.checklist("mini.toml", MINI);
    env.env("SIMCANCEL_NOW", "2026-12-01T09:00:00+01:00");
    (env, dir)
}

/// Starts the scripted guide and kills it after `delay`.
fn kill_after(env: &Env, dir: &str, delay: Duration) {
    let mut child = env.spawn(&["--checklists", dir, "guide", "mini"]);
    if let Some(mut stdin) = child.stdin.take() {
        // The process may already be gone at long delays' end; a broken pipe is fine.
        let _ = stdin.write_all(script().as_bytes());
    }
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = finish(child);
}

/// The id of the first pending step of a saved session.
fn first_pending(session: &Value) -> Option<String> {
    session["steps"]
        .as_array()?
        .iter()
        .find(|r| r["status"] == "pending")
        .and_then(|r| r["id"].as_str().map(String::from))
}

#[test]
fn a_kill_at_any_moment_leaves_a_file_that_resumes_from_the_last_answer() {
    // How long an uninterrupted walk takes here, to spread the kills over it.
    let (env, dir) = sandbox();
    let start = Instant::now();
    env.run_with_stdin(&["--checklists", &dir, "guide", "mini"], &script())
        .success()
        .stdout_has("Every step is finished");
    let full = start.elapsed().max(Duration::from_millis(5));

    let mut event_counts = BTreeSet::new();
    for i in 0..KILLS {
        let (env, dir) = sandbox();
        // From 0 to 1.2× the full run, so some kills land after the end.
        let delay = full.mul_f64(1.2 * f64::from(i) / f64::from(KILLS));
        kill_after(&env, &dir, delay);
        let ids = env.session_ids();
        assert!(ids.len() <= 1, "kill {i}: several sessions {ids:?}");
        let Some(id) = ids.first() else {
            event_counts.insert(0);
            continue;
        };
        let text = std::fs::read_to_string(env.session_path(id)).expect("read");
        let saved: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("kill {i} after {delay:?}: broken file: {e}\n{text}"));
        let events = saved["events"].as_array().map(Vec::len).unwrap_or(0);
        event_counts.insert(events);
        if saved["status"] == "completed" {
            resume(&env, &dir, &[id], "")
                .code(1)
                .stderr_has("is completed");
            continue;
        }
        let run = resume(&env, &dir, &[id], "").success();
        match first_pending(&saved) {
            Some(next) => {
                let title = saved["checklist"]["snapshot"]["steps"]
                    .as_array()
                    .and_then(|s| s.iter().find(|st| st["id"] == next.as_str()))
                    .and_then(|st| st["title"]["en"].as_str().or(st["title"].as_str()))
                    .unwrap_or_default()
                    .to_string();
                assert!(
                    run.stdout.contains(&format!("→ {title} (next)")),
                    "kill {i}: resume does not continue at {next}:\n{run}"
                );
            }
            None => assert!(run.stdout.contains("Every step is finished"), "{run}"),
        }
        let after = env.session_json(id);
        let before_events = &saved["events"].as_array().cloned().unwrap_or_default();
        let after_events = after["events"].as_array().cloned().unwrap_or_default();
        assert!(
            after_events.starts_with(before_events),
            "kill {i}: resume rewrote the event log"
        );
        assert_eq!(
            after["answers"], saved["answers"],
            "kill {i}: answers changed"
        );
    }
    assert!(
        event_counts.len() >= 8,
        "the kills landed at too few distinct moments: {event_counts:?}"
    );
}
