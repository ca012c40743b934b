//! `simcancel guide` and `simcancel resume` in plain mode: every action, `--answer`, back
//! with a changed answer, waits that become overdue, a changed checklist, the lock, and
//! files that cannot be read.

use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{Env, Run, finish};

/// A small checklist: a start question, a conditional step, a required input with a
/// pattern, a wait step with a question asked there, and an after step.
pub const MINI: &str = include_str!("fixtures/mini.toml");

/// The time every test starts at.
pub const DAY1: &str = "2026-12-01T09:00:00+01:00";

/// keep_number = no; login, find and confirm done; the reference typed; submit done.
pub const TO_WAIT: &str = "2\n1\n1\n1\nAB1234\n1\n";

/// A sandbox with the mini checklist and the clock at [`DAY1`].
pub fn mini_env() -> (Env, String) {
    let mut env = Env::new();
    let dir = env.checklist("mini.toml", MINI);
    env.env("SIMCANCEL_NOW", DAY1);
    (env, dir)
}

/// Runs `guide mini` with `extra` arguments and `stdin`.
#[track_caller]
pub fn guide(env: &Env, dir: &str, extra: &[&str], stdin: &str) -> Run {
    let mut args = vec!["--checklists", dir, "guide", "mini"];
    args.extend_from_slice(extra);
    env.run_with_stdin(&args, stdin)
}

/// Runs `resume` with `extra` arguments and `stdin`.
#[track_caller]
pub fn resume(env: &Env, dir: &str, extra: &[&str], stdin: &str) -> Run {
    let mut args = vec!["--checklists", dir, "resume"];
    args.extend_from_slice(extra);
    env.run_with_stdin(&args, stdin)
}

/// The record of step `id` in a saved session.
pub fn step<'a>(session: &'a Value, id: &str) -> &'a Value {
    session["steps"]
        .as_array()
        .and_then(|s| s.iter().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("no step {id} in {session:#}"))
}

/// The `type` of every event of a saved session, in order.
pub fn event_types(session: &Value) -> Vec<String> {
    session["events"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| e["type"].as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_guide_walks_every_step_to_completion() {
    let (env, dir) = mini_env();
    let script = format!("{TO_WAIT}2\n1\n\n1\n1\n");
    let run = guide(&env, &dir, &[], &script).success();
    let id = env.only_session();
    // The whole transcript: every prompt, screen and answer, in order.
    insta::assert_snapshot!(env.scrub(&run.stdout));
    assert_eq!(id.len(), 8);
    let s = env.session_json(&id);
    assert_eq!(s["format"], 2);
    assert_eq!(s["status"], "completed");
    assert_eq!(s["lang"], "en");
    assert_eq!(s["checklist"]["id"], "mini");
    assert_eq!(s["checklist"]["hash"].as_str().map(str::len), Some(64));
    assert_eq!(
        s["checklist"]["snapshot"]["steps"].as_array().map(Vec::len),
        Some(8)
    );
    assert_eq!(s["answers"]["keep_number"], false);
    assert_eq!(s["answers"]["esim"], false);
    assert_eq!(step(&s, "get-rio")["status"], "not-applicable");
    assert_eq!(step(&s, "delete-esim")["status"], "not-applicable");
    assert_eq!(step(&s, "submit")["inputs"]["reference"], "AB1234");
    assert_eq!(step(&s, "wait")["wait"]["due"], "2026-12-06T09:00:00+01:00");
    assert_eq!(step(&s, "wait")["wait"]["received"], "2026-12-01");
    assert_eq!(step(&s, "keep-proof")["status"], "done");
    assert_eq!(step(&s, "keep-proof")["at"], DAY1);
    assert_eq!(
        event_types(&s),
        [
            "started",
            "answered",
            "step-done",
            "step-done",
            "step-done",
            "input-recorded",
            "step-done",
            "answered",
            "wait-started",
            "confirmation-received",
            "step-done",
            "step-done",
            "completed"
        ]
    );
}

// Owner-only modes are a Unix notion; on Windows the profile folder's ACLs keep files private.
#[cfg(unix)]
#[test]
fn session_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.session_path(&id)), 0o600);
    assert_eq!(mode(&env.data_dir().join("sessions")), 0o700);
    let lock = env.data_dir().join("sessions").join(format!(".{id}.lock"));
    assert!(
        !lock.exists(),
        "the guide removes its lock file when it ends"
    );
}

#[test]
fn a_bad_input_is_explained_and_asked_again() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n1\n1\n1\n\nab12\nAB1234\n5\n")
        .success()
        .stdout_has("Request reference (required): \n! This value is required: please type it.")
        .stdout_has("Request reference (required): ab12\n")
        .stdout_has(
            "! `ab12` does not have the expected form: Two letters and four digits, e.g. AB1234. You typed 4 characters.",
        );
    let s = env.session_json(&env.only_session());
    assert_eq!(step(&s, "submit")["inputs"]["reference"], "AB1234");
    assert_eq!(
        step(&s, "submit")["status"],
        "pending",
        "paused before done"
    );
}

#[test]
fn skip_asks_a_reason_and_note_stays_on_the_step() {
    let (env, dir) = mini_env();
    guide(
        &env,
        &dir,
        &[],
        "2\n3\nforgot my password\n2\n\nno account online\n5\n",
    )
    .success()
    .stdout_has("Note saved (1 on this step).")
    .stdout_has("! Please give a reason");
    let s = env.session_json(&env.only_session());
    let login = step(&s, "login");
    assert_eq!(login["status"], "skipped");
    assert_eq!(login["skip_reason"], "no account online");
    assert_eq!(login["notes"][0]["text"], "forgot my password");
    assert_eq!(login["notes"][0]["at"], DAY1);
}

#[test]
fn pause_and_end_of_input_say_how_to_resume() {
    let (env, dir) = mini_env();
    let run = guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    assert!(
        run.stdout
            .ends_with(&format!("saved — resume with: simcancel resume {id}\n")),
        "{run}"
    );
    assert_eq!(
        event_types(&env.session_json(&id))
            .last()
            .map(String::as_str),
        Some("paused")
    );

    let (env, dir) = mini_env();
    let run = guide(&env, &dir, &[], "2\n1\n").success();
    let id = env.only_session();
    assert!(
        run.stdout
            .contains(&format!("saved — resume with: simcancel resume {id}")),
        "{run}"
    );
    let s = env.session_json(&id);
    assert_eq!(
        step(&s, "login")["status"],
        "done",
        "the last answer was saved"
    );
}

#[test]
fn abandon_asks_for_confirmation() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n6\nn\n6\ny\n")
        .success()
        .stdout_has("Abandon this session? It stays in `simcancel sessions --all` but cannot be resumed. [y/N]")
        .stdout_has("abandoned.");
    let id = env.only_session();
    let s = env.session_json(&id);
    assert_eq!(s["status"], "abandoned");
    assert_eq!(s["finished"], DAY1);
    resume(&env, &dir, &[&id], "").code(1).stderr_has(&format!(
        "session {id} was abandoned; start again with `simcancel guide mini`"
    ));
}

#[test]
fn resume_shows_the_summary_and_continues_at_the_first_pending_step() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n1\n2\nlater\n5\n").success();
    let id = env.only_session();
    let run = resume(&env, &dir, &[&id[..3]], "1\n5\n")
        .success()
        .stdout_has(&format!(
            "Session {id} · Mini Mobile · started 2026-12-01 · 2/7 done"
        ))
        .stdout_has("  – Get the RIO (not applicable, 2026-12-01)")
        .stdout_has("  ✓ Log in (done, 2026-12-01)")
        .stdout_has("  ↷ Find the option (skipped, 2026-12-01): later")
        .stdout_has("  → Confirm (next)")
        .stdout_has("Mini Mobile · 3/7 · confirm");
    assert!(
        !run.stdout.contains("Keep your number?"),
        "answered questions are not asked again"
    );
    let s = env.session_json(&id);
    assert_eq!(step(&s, "confirm")["status"], "done");
    assert!(event_types(&s).contains(&"resumed".to_string()));
}

#[test]
fn a_resume_that_ends_before_anything_happens_leaves_the_file_as_it_was() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let path = env.session_path(&id);
    let before = std::fs::read(&path).unwrap();
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&path).unwrap());
    // End of input at the first prompt: nothing was done, nothing is written (a save would
    // rename a new file over it).
    resume(&env, &dir, &[&id], "")
        .success()
        .stdout_has(&format!("simcancel resume {id}"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    #[cfg(unix)]
    {
        let after = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&path).unwrap());
        assert_eq!(after, inode, "the file was not replaced");
    }
    // An answer given on the command line is saved before the first prompt, with the
    // record of the resume.
    resume(&env, &dir, &[&id, "--answer", "esim=yes"], "").success();
    let types = event_types(&env.session_json(&id));
    assert_eq!(types[types.len() - 2..], ["resumed", "answered"]);
}

#[test]
fn resume_without_an_id_picks_the_only_or_asks_among_several() {
    let (mut env, dir) = mini_env();
    resume(&env, &dir, &[], "")
        .code(1)
        .stderr_has("no unfinished session: start one with `simcancel guide`");
    guide(&env, &dir, &[], "2\n5\n").success();
    let first = env.only_session();
    resume(&env, &dir, &[], "5\n")
        .success()
        .stdout_has(&format!("Session {first} ·"));
    env.env("SIMCANCEL_NOW", "2026-12-02T09:00:00+01:00");
    guide(&env, &dir, &[], "2\n5\n").success();
    let ids = env.session_ids();
    let second = ids.iter().find(|i| **i != first).unwrap().clone();
    env.env("SIMCANCEL_NOW", "2026-12-03T09:00:00+01:00");
    let run = resume(&env, &dir, &[], "2\n5\n")
        .success()
        .stdout_has("Which session do you want to continue?")
        .stdout_has(&format!("  1. {second} · Mini Mobile · 0/7 · in progress"))
        .stdout_has(&format!("  2. {first} · Mini Mobile · 0/7 · in progress"));
    assert!(run.stdout.contains(&format!("Session {first} ·")), "{run}");
}

#[test]
fn answers_given_in_advance_are_not_asked_and_bad_ones_exit_2() {
    let (env, dir) = mini_env();
    let run = guide(&env, &dir, &["--answer", "keep_number=yes"], "5\n")
        .success()
        .stdout_has("Mini Mobile · 1/8 · prepare")
        .stdout_has("Get the RIO");
    assert!(!run.stdout.contains("Keep your number?"), "{run}");
    let s = env.session_json(&env.only_session());
    assert_eq!(s["answers"]["keep_number"], true);

    let (env, dir) = mini_env();
    guide(&env, &dir, &["--answer", "porting=yes"], "")
        .code(2)
        .stderr_has("--answer porting: this checklist has no such question; its questions are: keep_number, esim");
    guide(&env, &dir, &["--answer", "esim=maybe"], "")
        .code(2)
        .stderr_has("--answer esim=maybe: not a possible answer; use one of: yes, no");
    guide(&env, &dir, &["--answer", "esim"], "")
        .code(2)
        .stderr_has("ID=VALUE");
    assert!(env.session_ids().is_empty(), "nothing started");
}

#[test]
fn an_answer_changed_on_resume_reevaluates_the_steps() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n1\n5\n").success();
    let id = env.only_session();
    resume(&env, &dir, &[&id, "--answer", "keep_number=yes"], "5\n")
        .success()
        .stdout_has("→ Get the RIO (next)")
        .stdout_has("✓ Log in (done, 2026-12-01)");
}

#[test]
fn back_with_a_changed_answer_brings_steps_in_and_keeps_records() {
    let (env, dir) = mini_env();
    // Log in with a note, done; at find: back (to login), back (to the questions), answer
    // keep_number=yes: get-rio now applies and comes first.
    guide(&env, &dir, &[], "2\n3\nused the app\n1\n4\n4\n1\n5\n")
        .success()
        .stdout_has("First, a few questions")
        .stdout_has("Mini Mobile · 1/8 · prepare");
    let s = env.session_json(&env.only_session());
    assert_eq!(s["answers"]["keep_number"], true);
    assert_eq!(step(&s, "get-rio")["status"], "pending");
    assert_eq!(step(&s, "login")["status"], "pending", "reopened by back");
    assert_eq!(
        step(&s, "login")["notes"][0]["text"],
        "used the app",
        "record kept"
    );
    let types = event_types(&s);
    assert!(types.contains(&"went-back".into()) && types.contains(&"back-to-questions".into()));
}

#[test]
fn a_wait_becomes_overdue_and_resume_says_whom_to_contact() {
    let (mut env, dir) = mini_env();
    let script = format!("{TO_WAIT}2\n5\n");
    guide(&env, &dir, &[], &script).success();
    let id = env.only_session();
    env.env("SIMCANCEL_NOW", "2026-12-04T09:00:00+01:00");
    env.run(&["sessions"])
        .success()
        .stdout_has("waiting until 2026-12-06");
    env.env("SIMCANCEL_NOW", "2026-12-09T10:00:00+01:00");
    env.run(&["sessions"])
        .success()
        .stdout_has("overdue since 2026-12-06");
    // The answer came on the 8th, and it was a refusal (issue 15: the outcome is recorded).
    resume(&env, &dir, &[&id], "1\n2026-12-20\n2026-11-30\n2026-12-08\n2\n1\n")
        .success()
        .stdout_has("Waiting since 2026-12-01 (8 days); the answer is expected by 2026-12-06.\nOverdue: the answer was expected by 2026-12-06 (3 days ago).\nContact customer service and give them: Request reference AB1234\nCustomer service: phone 3900 · https://example.org/support\n")
        .stdout_has("! 2026-12-20 is after today")
        .stdout_has("! 2026-11-30 is before this wait began (2026-12-01, the day you reached this step after sending the request): type the day the answer came, 2026-12-01 or later.")
        .stdout_has("What did the answer say?\n  1. Done as asked\n  2. Refused\n")
        .stdout_has("Every step is finished.");
    let s = env.session_json(&id);
    assert_eq!(step(&s, "wait")["wait"]["received"], "2026-12-08");
    assert_eq!(step(&s, "wait")["wait"]["outcome"], "refused");
    env.run(&["export", &id])
        .success()
        .stdout_has("| 2026-12-08 | Refused |");
    assert_eq!(step(&s, "wait")["wait"]["began"], DAY1);
    env.run(&["sessions", "--all"])
        .success()
        .stdout_has("completed");
}

#[test]
fn a_changed_checklist_keeps_the_snapshot_and_says_so() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let before = env.session_json(&id)["checklist"]["hash"].clone();
    env.checklist(
        "mini.toml",
        &MINI.replace("Log in to your account.", "Log in on the new site."),
    );
    resume(&env, &dir, &[&id], "5\n")
        .success()
        .stdout_has("The checklist `mini` changed since this session began; this session keeps the version it started with.")
        .stdout_has("Log in to your account.");
    let s = env.session_json(&id);
    assert_eq!(
        s["checklist"]["hash"], before,
        "the snapshot's hash is kept"
    );
    let changed: Vec<&Value> = s["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "checklist-changed")
        .collect();
    assert_eq!(changed.len(), 1);
    assert_ne!(changed[0]["hash"], before);
    // The second resume does not log the same change again.
    resume(&env, &dir, &[&id], "5\n")
        .success()
        .stdout_has("changed since");
    let s = env.session_json(&id);
    assert_eq!(
        event_types(&s)
            .iter()
            .filter(|t| *t == "checklist-changed")
            .count(),
        1
    );
    // Gone from the catalogue: the saved copy is used.
    std::fs::remove_file(env.root().join("checklists/mini.toml")).unwrap();
    resume(&env, &dir, &[&id], "5\n")
        .success()
        .stdout_has("The checklist `mini` is no longer installed; this session uses the copy saved when it began.");
}

#[test]
fn a_second_process_on_the_same_session_is_refused() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let mut first = env.spawn(&["--checklists", &dir, "resume", &id]);
    let holder = env.holder_file(&id);
    let pid = first.id().to_string();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::fs::read_to_string(&holder)
        .map(|s| s.trim() != pid)
        .unwrap_or(true)
    {
        assert!(
            Instant::now() < deadline,
            "the first process never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    resume(&env, &dir, &[&id], "5\n")
        .code(1)
        .stderr_has(&format!("session {id} is open in simcancel process {pid}"));
    first.stdin.take().unwrap().write_all(b"5\n").unwrap();
    finish(first).success();
    resume(&env, &dir, &[&id], "5\n").success();
}

// Sends SIGINT with kill(1); a Windows console Ctrl-C event cannot be sent to a piped child.
#[cfg(unix)]
#[test]
fn ctrl_c_in_plain_mode_leaves_the_saved_state_and_ends_by_sigint() {
    let (env, dir) = mini_env();
    let mut child = env.spawn(&["--checklists", &dir, "guide", "mini"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"2\n1\n").unwrap();
    stdin.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let done = env
            .session_ids()
            .first()
            .map(|id| {
                std::fs::read_to_string(env.session_path(id))
                    .map(|t| t.contains("\"step-done\""))
                    .unwrap_or(false)
            })
            .unwrap_or(false);
        if done {
            break;
        }
        assert!(Instant::now() < deadline, "the guide never saved the step");
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let id = env.only_session();
    // The calling shell sees the interrupt (status 130), not an ordinary exit.
    finish(child)
        .killed_by(libc::SIGINT)
        .stderr_is(&format!("\nsaved — resume with: simcancel resume {id}\n"));
    drop(stdin);
    let s = env.session_json(&id);
    assert_eq!(step(&s, "login")["status"], "done");
    let lock = env.data_dir().join("sessions").join(format!(".{id}.lock"));
    assert!(
        !lock.exists(),
        "the interrupted guide removes its lock file"
    );
}

#[test]
fn a_damaged_or_newer_file_is_reported_with_its_path_and_never_overwritten() {
    let (env, dir) = mini_env();
    let damaged = "{\n  \"format\": 1,\n  \"id\": oops\n}\n";
    let path = env.write("data/sessions/deadbeef.json", damaged);
    resume(&env, &dir, &["deadbeef"], "").code(1).stderr_is(&format!(
        "simcancel: {}: not a session file: expected value at line 3 column 9; it was left untouched\n",
        path.display()
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);

    let newer = "{\"format\": 99, \"id\": \"cafebabe\"}\n";
    let path = env.write("data/sessions/cafebabe.json", newer);
    resume(&env, &dir, &["cafe"], "")
        .code(1)
        .stderr_has(&path.display().to_string())
        .stderr_has("made by a newer simcancel (session format 99");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_copy_under_another_name_is_refused_rather_than_saved_over_its_original() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let original = std::fs::read_to_string(env.session_path(&id)).unwrap();
    let copy = env.write("data/sessions/backup1.json", &original);
    resume(&env, &dir, &["backup1"], "1\n5\n")
        .code(1)
        .stderr_has(&format!(
            "{}: it holds session {id}, not backup1 as its name says",
            copy.display()
        ));
    assert_eq!(
        std::fs::read_to_string(env.session_path(&id)).unwrap(),
        original
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), original);
    resume(&env, &dir, &["--lang", "zh-CN", "backup1"], "")
        .code(1)
        .stderr_has(&format!("其中是会话 {id}，而不是文件名所示的 backup1"));
}

#[test]
fn the_picker_lists_the_catalogue() {
    let (env, dir) = mini_env();
    // Without input: the list is shown, then end of input is an error naming the way out.
    let first = env
        .run_with_stdin(&["--checklists", &dir, "guide"], "")
        .code(1)
        .stdout_has("Which line do you want to cancel? (type to filter)")
        .stdout_has("Any French operator (generic procedure) (FR) [generic]")
        .stderr_has("end of input before a checklist was chosen");
    let (n, count) = {
        let items: Vec<&str> = first
            .stdout
            .lines()
            .filter(|l| l.starts_with("  "))
            .collect();
        let mini = items
            .iter()
            .find(|l| l.ends_with(". Mini Mobile (FR) [mini]"))
            .unwrap_or_else(|| panic!("mini is not listed:\n{first}"));
        let n: usize = mini.trim().split('.').next().unwrap().parse().unwrap();
        (n, items.len())
    };
    let run = env
        .run_with_stdin(
            &["--checklists", &dir, "guide"],
            &format!("zzz\n{n}\n2\n5\n"),
        )
        .success()
        .stdout_has(&format!(
            "Nothing matches “zzz”: type a number from 1 to {count}, or another name."
        ));
    assert!(run.stdout.contains("Keep your number?"), "{run}");
    assert_eq!(
        env.session_json(&env.only_session())["checklist"]["id"],
        "mini"
    );
    // A name finds it too, in any case; a name several share lists them to choose from.
    let (env, dir) = mini_env();
    env.run_with_stdin(&["--checklists", &dir, "guide"], "MINI MOB\n2\n5\n")
        .success()
        .stdout_has("Keep your number?");
    assert_eq!(
        env.session_json(&env.only_session())["checklist"]["id"],
        "mini"
    );
}

#[test]
fn the_guide_speaks_chinese() {
    let (env, dir) = mini_env();
    let run = env
        .run_with_stdin(
            &["--lang", "zh-CN", "--checklists", &dir, "guide", "mini"],
            "2\n5\n",
        )
        .success()
        .stdout_has("保留号码吗？")
        .stdout_has("  1. 是\n  2. 否")
        .stdout_has("迷你移动 · 1/7 · 登录")
        .stdout_has("接下来做什么？")
        .stdout_has("  5. 暂停（保存并退出）")
        .stdout_has("已保存 — 继续请运行：simcancel resume");
    assert!(run.stdout.contains("客服：电话 3900"), "{run}");
    let s = env.session_json(&env.only_session());
    assert_eq!(s["lang"], "zh-CN");
}

#[test]
fn the_bundled_generic_checklist_can_be_walked_as_the_readme_shows() {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", DAY1);
    let run = env
        .run_with_stdin(
            &[
                "guide",
                "generic",
                "--answer",
                "plan=contract",
                "--answer",
                "keep_number=no",
                "--answer",
                "engagement=none",
                "--answer",
                "phone_financed=no",
                "--answer",
                "has_balance=no",
                "--answer",
                "phone_locked=no",
            ],
            "\n\n\n\n1\n5\n",
        )
        .success()
        .stdout_has("Any French operator (generic procedure)")
        .stdout_has("Gather the details of the line");
    let id = env.only_session();
    assert!(
        run.stdout
            .ends_with(&format!("saved — resume with: simcancel resume {id}\n")),
        "{run}"
    );
    let s = env.session_json(&id);
    assert_eq!(s["checklist"]["origin"], "bundled");
    assert_eq!(step(&s, "gather-details")["status"], "done");
    assert_eq!(step(&s, "use-balance")["status"], "not-applicable");
}

#[test]
fn a_hand_edited_file_that_no_longer_matches_its_snapshot_is_refused() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let mut s = env.session_json(&id);
    s["steps"].as_array_mut().unwrap().truncate(2);
    let edited = serde_json::to_string_pretty(&s).unwrap();
    std::fs::write(env.session_path(&id), &edited).unwrap();
    resume(&env, &dir, &[&id], "5\n")
        .code(1)
        .stderr_has("its step records do not match the checklist copy");
    assert_eq!(
        std::fs::read_to_string(env.session_path(&id)).unwrap(),
        edited
    );
}

#[test]
fn a_broken_stderr_does_not_turn_a_usage_error_into_a_panic() {
    let (env, dir) = mini_env();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = env
        .std_command(&["--checklists", &dir, "guide", "mini", "--answer", "nope=1"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(writer)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2), "{status}");
}
