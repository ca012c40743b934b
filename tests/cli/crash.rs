//! Kill -9 at 100+ moments of a scripted session: after every kill the session file (if one
//! was written yet) parses, and `resume` continues from the last answer it recorded.

use std::collections::BTreeSet;
use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::guide::{MINI, resume};
use crate::harness::{Env, finish};

/// Kills per round, spread over the length of one uninterrupted walk.
const KILLS: u32 = 120;

/// Rounds at most: a machine busy with other work can make one round's kills bunch up (the
/// walk measured fast, the killed runs slow), so another round re-measures and goes on
/// until the kills have landed at enough distinct moments.
const ROUNDS: u32 = 4;

/// Distinct moments (event counts in the saved file, 0 for none yet) the kills must reach.
const MOMENTS: usize = 8;

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

/// How long an uninterrupted walk takes now, to spread the kills over it.
fn full_walk() -> Duration {
    let (env, dir) = sandbox();
    let start = Instant::now();
    env.run_with_stdin(&["--checklists", &dir, "guide", "mini"], &script())
        .success()
        .stdout_has("Every step is finished");
    start.elapsed().max(Duration::from_millis(5))
}

/// Kills one scripted walk after `delay`, checks what it left, and returns the number of
/// events the saved file holds (0 when nothing was saved yet).
fn kill_and_check(i: u32, delay: Duration) -> usize {
    let (env, dir) = sandbox();
    kill_after(&env, &dir, delay);
    let ids = env.session_ids();
    assert!(ids.len() <= 1, "kill {i}: several sessions {ids:?}");
    let Some(id) = ids.first() else {
        return 0;
    };
    let text = std::fs::read_to_string(env.session_path(id)).expect("read");
    let saved: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("kill {i} after {delay:?}: broken file: {e}\n{text}"));
    let events = saved["events"].as_array().map(Vec::len).unwrap_or(0);
    if saved["status"] == "completed" {
        resume(&env, &dir, &[id], "")
            .code(1)
            .stderr_has("is completed");
        return events;
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
    events
}

#[test]
fn a_kill_at_any_moment_leaves_a_file_that_resumes_from_the_last_answer() {
    let mut event_counts = BTreeSet::new();
    for round in 0..ROUNDS {
        let full = full_walk();
        for k in 0..KILLS {
            // From 0 to 1.2× the full run, so some kills land after the end; each round
            // shifted by a fraction of a slot, so rounds do not repeat the same moments.
            let slot = f64::from(k) + f64::from(round) / f64::from(ROUNDS);
            let delay = full.mul_f64(1.2 * slot / f64::from(KILLS));
            event_counts.insert(kill_and_check(round * KILLS + k, delay));
        }
        if event_counts.len() >= MOMENTS {
            return;
        }
    }
    panic!("the kills landed at too few distinct moments: {event_counts:?}");
}
