//! The terminal front end in a real pseudo-terminal: the picker (with "no match", key hints
//! and Esc), a step with an input, a value refused before it is accepted, a value cleared,
//! Esc at a menu, Ctrl-C in the middle of a step, and resume.

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

use crate::guide::{guide, mini_env};
use crate::harness::Env;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
const ESC: &str = "\x1b";
const BACKSPACE: &str = "\x7f";

fn spawn(env: &Env, args: &[&str]) -> Session {
    let mut cmd: Command = env.std_command(args);
    cmd.env("TERM", "xterm-256color");
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(15)));
    s
}

/// Waits for the process to end and returns its exit code.
fn exit_code(mut s: Session) -> i32 {
    s.expect(Eof).expect("end of output");
    match s.get_process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("unexpected end: {other:?}"),
    }
}

/// Presses Down `n` times, then Enter.
fn choose(s: &mut Session, n: usize) {
    for _ in 0..n {
        s.send(DOWN).expect("send");
    }
    s.send(ENTER).expect("send");
}

#[test]
fn the_fuzzy_picker_filters_the_catalogue_and_starts_a_session() {
    let (env, dir) = mini_env();
    let mut s = spawn(&env, &["--checklists", &dir, "guide"]);
    s.expect("Which line do you want to cancel?")
        .expect("picker");
    s.send("mini").expect("type");
    s.expect("Mini Mobile").expect("filtered");
    s.send(ENTER).expect("enter");
    s.expect("Keep your number?").expect("first question");
    choose(&mut s, 1); // no
    s.expect("What now?").expect("step menu");
    choose(&mut s, 4); // pause
    s.expect("saved — resume with: simcancel resume")
        .expect("hint");
    assert_eq!(exit_code(s), 0);
    let session = env.session_json(&env.only_session());
    assert_eq!(session["checklist"]["id"], "mini");
    assert_eq!(session["answers"]["keep_number"], false);
}

#[test]
fn a_step_with_an_input_is_completed_in_the_terminal() {
    let (env, dir) = mini_env();
    let mut s = spawn(
        &env,
        &[
            "--checklists",
            &dir,
            "guide",
            "mini",
            "--answer",
            "keep_number=no",
        ],
    );
    for _ in 0..3 {
        s.expect("What now?").expect("menu");
        s.send(ENTER).expect("done");
    }
    s.expect("Request reference").expect("input prompt");
    s.send("ab\r").expect("bad value");
    s.expect("does not have the expected form")
        .expect("explained");
    s.send("AB1234\r").expect("good value");
    s.expect("What now?").expect("menu");
    s.send(ENTER).expect("done");
    s.expect("Is it an eSIM?")
        .expect("question at the wait step");
    s.send(CTRL_C).expect("ctrl-c");
    s.expect("saved — resume with").expect("hint");
    assert_eq!(exit_code(s), 130);
    let session = env.session_json(&env.only_session());
    let submit = session["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "submit")
        .unwrap()
        .clone();
    assert_eq!(submit["status"], "done");
    assert_eq!(submit["inputs"]["reference"], "AB1234");
}

#[test]
fn ctrl_c_mid_step_saves_restores_the_cursor_and_exits_130() {
    let (env, dir) = mini_env();
    let mut s = spawn(
        &env,
        &[
            "--checklists",
            &dir,
            "guide",
            "mini",
            "--answer",
            "keep_number=no",
        ],
    );
    s.expect("What now?").expect("menu");
    s.send(ENTER).expect("done");
    s.expect("Find the option").expect("next step");
    s.expect("What now?").expect("menu");
    s.send(CTRL_C).expect("ctrl-c");
    let found = s.expect("saved — resume with").expect("hint");
    let before = String::from_utf8_lossy(found.before()).to_string();
    assert!(
        before.contains("\x1b[?25h"),
        "the cursor is shown again: {before:?}"
    );
    assert_eq!(exit_code(s), 130);
    let session = env.session_json(&env.only_session());
    assert_eq!(session["status"], "in-progress");
    let login = session["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "login")
        .unwrap();
    assert_eq!(login["status"], "done", "the answer before Ctrl-C is kept");
}

#[test]
fn resume_in_the_terminal_shows_the_summary_and_continues() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n1\n5\n").success();
    let id = env.only_session();
    let mut s = spawn(&env, &["--checklists", &dir, "resume"]);
    s.expect(format!("Session {id} · Mini Mobile").as_str())
        .expect("summary");
    s.expect("→ Find the option (next)")
        .expect("next step marked");
    s.expect("What now?").expect("menu");
    s.send(ENTER).expect("done");
    s.expect("Mini Mobile · 3/7 · confirm").expect("walks on");
    s.expect("What now?").expect("menu");
    choose(&mut s, 4); // pause
    s.expect(format!("saved — resume with: simcancel resume {id}").as_str())
        .expect("hint");
    assert_eq!(exit_code(s), 0);
    let session = env.session_json(&id);
    let find = session["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "find")
        .unwrap();
    assert_eq!(find["status"], "done");
}

/// Issue 15, bug 9: a filter that matches nothing says so, the keys are shown, and Esc
/// leaves the picker without starting anything.
#[test]
fn the_picker_says_no_match_shows_its_keys_and_esc_cancels() {
    let (env, dir) = mini_env();
    let mut s = spawn(&env, &["--checklists", &dir, "guide"]);
    s.expect("↑↓ choose · Enter confirm · Esc cancel · type to filter")
        .expect("key hints");
    s.send("zzz").expect("type");
    s.expect("no match").expect("said so");
    for _ in 0..3 {
        s.send(BACKSPACE).expect("erase");
    }
    s.expect("Mini Mobile").expect("the list is back");
    s.send(ESC).expect("esc");
    s.expect("Nothing chosen: no session was started.")
        .expect("cancelled");
    assert_eq!(exit_code(s), 0);
    assert!(env.session_ids().is_empty(), "nothing was started");
}

/// Issue 15, bug 9: Esc at a menu of the walk pauses (saved), and the keys say so.
#[test]
fn esc_at_a_step_menu_pauses_and_says_how_to_resume() {
    let (env, dir) = mini_env();
    let mut s = spawn(
        &env,
        &[
            "--lang",
            "zh-CN",
            "--checklists",
            &dir,
            "guide",
            "mini",
            "--answer",
            "keep_number=no",
        ],
    );
    s.expect("↑↓ 选择 · Enter 确认 · Esc 暂停（已保存）")
        .expect("key hints");
    s.send(ESC).expect("esc");
    s.expect("已保存 — 继续请运行：simcancel resume")
        .expect("hint");
    assert_eq!(exit_code(s), 0);
    let session = env.session_json(&env.only_session());
    let last = session["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["type"], "paused");
}

/// Issue 15, bugs 10 and 1: a phone number that is refused never shows the ✔ of an accepted
/// one, dashes are accepted; and a space typed over a value clears it, as the screen shows.
#[test]
fn a_refused_value_shows_no_tick_and_a_space_clears_a_value() {
    let (env, dir) = crate::usability::env();
    let mut s = spawn(
        &env,
        &[
            "--checklists",
            &dir,
            "guide",
            "contract",
            "--answer",
            "keep_number=no",
            "--answer",
            "has_balance=no",
        ],
    );
    s.expect("Holder's full name").expect("name");
    s.send("Jean Dupont\r").expect("name");
    s.expect("Postal address").expect("address");
    s.send("12 rue des Lilas\r").expect("address");
    s.expect("Phone number of the line").expect("number");
    s.send("06-12\r").expect("too short");
    let refused = s
        .expect("does not have the expected form")
        .expect("refused");
    let before = String::from_utf8_lossy(refused.before()).to_string();
    assert!(
        !before.contains("✔ Phone number"),
        "a ✔ before the refusal: {before:?}"
    );
    // Asked again, with an empty line.
    s.send("06-12-34-56-78\r").expect("good number");
    s.expect("Saved as 06 12 34 56 78.").expect("one form");
    s.expect("Customer or contract number").expect("customer");
    s.send("CL-1\r").expect("customer");
    s.expect("What now?").expect("menu");
    s.send(ENTER).expect("done");
    s.expect("Log in").expect("next step");
    s.expect("What now?").expect("menu");
    choose(&mut s, 3); // back to the details
    for _ in 0..3 {
        s.expect("Enter keeps it").expect("a value to keep");
        s.send(ENTER).expect("keep");
    }
    s.expect("Customer or contract number (Enter keeps it; - clears it)")
        .expect("how to clear");
    s.send(" \r").expect("a space over the value");
    s.expect("Cleared: Customer or contract number.")
        .expect("said");
    s.expect("What now?").expect("menu");
    s.send(ESC).expect("pause");
    s.expect("saved — resume with").expect("hint");
    assert_eq!(exit_code(s), 0);
    let session = env.session_json(&env.only_session());
    let details = &session["steps"][0]["inputs"];
    assert_eq!(details["line_number"], "06 12 34 56 78");
    assert!(details.get("customer_number").is_none(), "{details}");
}
