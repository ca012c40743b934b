//! The terminal front end in a real pseudo-terminal: the picker (with "no match", key hints
//! and Esc), a step with an input, a value refused before it is accepted, a value cleared,
//! Esc at a menu, Ctrl-C in the middle of a step (in both languages, in a menu and in a
//! typed answer), a hand-edited session shown escaped, a yes/no question in Chinese, and
//! resume.

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

use crate::guide::{guide, mini_env};
use crate::harness::Env;

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
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

/// Waits for the process to end after Ctrl-C: it must end by SIGINT, so that a calling
/// shell sees the interrupt (status 130). Returns what it wrote since the last match.
fn interrupted(mut s: Session) -> String {
    let rest = s.expect(Eof).expect("end of output");
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    match s.get_process().wait().expect("wait") {
        WaitStatus::Signaled(_, Signal::SIGINT, _) => rest,
        other => panic!("expected an end by SIGINT, got {other:?}:\n{rest}"),
    }
}

/// Asserts that `output` holds `line` once, starting a line of its own.
#[track_caller]
fn once_on_its_own_line(output: &str, line: &str) {
    assert_eq!(output.matches(line).count(), 1, "{output:?}");
    let before = &output[..output.find(line).expect("found")];
    assert!(
        before.trim_end_matches('\r').ends_with('\n'),
        "{line:?} is glued to the line before: {output:?}"
    );
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
    let rest = interrupted(s);
    once_on_its_own_line(&rest, "saved — resume with");
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
fn ctrl_c_mid_step_saves_restores_the_cursor_says_so_once_and_ends_by_sigint() {
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
    let rest = interrupted(s);
    let hint = rest.find("saved — resume with").expect("the resume line");
    assert!(
        rest[..hint].contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    let id = env.only_session();
    once_on_its_own_line(
        &rest,
        &format!("saved — resume with: simcancel resume {id}"),
    );
    let lock = env.data_dir().join("sessions").join(format!(".{id}.lock"));
    assert!(!lock.exists(), "the lock file goes with the process");
    let session = env.session_json(&id);
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
    // One key at a time, each answered by a redraw: keys that arrive together are not
    // always read as several.
    for _ in 0..3 {
        s.send("z").expect("type");
        s.expect("no match").expect("said so");
    }
    // Erasing the filter brings the list back.
    s.send(BACKSPACE).expect("erase");
    s.send(BACKSPACE).expect("erase");
    s.send(BACKSPACE).expect("erase");
    s.expect("Mini Mobile").expect("list back");
    s.send(ESC).expect("esc");
    s.expect("Nothing chosen: no session was started.")
        .expect("cancelled");
    assert_eq!(exit_code(s), 0);
    assert!(env.session_ids().is_empty(), "nothing was started");
}

/// A key pressed while the picker redraws is not lost: the terminal stays in raw mode for
/// the whole prompt, so a Backspace that arrives between two key reads is not taken by the
/// terminal's own line editing (which erased nothing and dropped it, about one time in
/// five).
#[test]
fn a_key_pressed_while_the_picker_redraws_is_not_lost() {
    let (env, dir) = mini_env();
    let mut s = spawn(&env, &["--checklists", &dir, "guide"]);
    s.expect("type to filter").expect("key hints");
    s.set_expect_timeout(Some(Duration::from_secs(3)));
    for round in 0..60 {
        for _ in 0..3 {
            s.send("z").expect("type");
            s.expect("no match")
                .unwrap_or_else(|e| panic!("round {round}: a z was lost: {e}"));
        }
        // As a held key sends them: the second comes while the first is being drawn.
        for _ in 0..3 {
            s.send(BACKSPACE).expect("erase");
        }
        s.expect("Mini Mobile")
            .unwrap_or_else(|e| panic!("round {round}: a Backspace was lost: {e}"));
    }
    s.set_expect_timeout(Some(Duration::from_secs(15)));
    s.send(ESC).expect("esc");
    assert_eq!(exit_code(s), 0);
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

#[test]
fn ctrl_c_in_chinese_says_how_to_resume_once() {
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
    s.expect("接下来做什么？").expect("menu");
    s.send(ENTER).expect("done");
    s.expect("接下来做什么？").expect("menu");
    s.send(CTRL_C).expect("ctrl-c");
    let rest = interrupted(s);
    let id = env.only_session();
    once_on_its_own_line(
        &rest,
        &format!("已保存 — 继续请运行：simcancel resume {id}"),
    );
}

#[test]
fn ctrl_c_in_a_typed_answer_starts_the_resume_line_on_a_line_of_its_own() {
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
    choose(&mut s, 2); // a note
    s.expect("Note").expect("note prompt");
    s.send("half a no").expect("type");
    s.expect("half a no").expect("echoed");
    s.send(CTRL_C).expect("ctrl-c");
    let rest = interrupted(s);
    once_on_its_own_line(&rest, "saved — resume with");
}

#[test]
fn a_hand_edited_session_reaches_the_terminal_escaped_and_typed_control_characters_are_refused() {
    let (env, dir, id) = crate::hostile::hostile_session();
    let mut s = spawn(&env, &["--checklists", &dir, "resume", &id]);
    let screen = s.expect("What now?").expect("menu");
    let mut shown = String::from_utf8_lossy(screen.as_bytes()).into_owned();
    // The summary and the step screen show the session's values escaped.
    assert!(shown.contains("\\u{1b}]0;pwned\\u{7}"), "{shown:?}");
    choose(&mut s, 2); // a note
    s.expect("Note").expect("note prompt");
    // dialoguer drops ASCII control keys itself; a pasted bidi override gets through to it.
    s.send("evil\u{202e}txt.exe\r")
        .expect("a note with an override");
    s.expect("holds control characters").expect("refused");
    s.expect("Note").expect("asked again");
    s.send("asked for the PUK\r").expect("a plain note");
    s.expect("What now?").expect("menu");
    choose(&mut s, 4); // pause
    let rest = s.expect(Eof).expect("end of output");
    shown.push_str(&String::from_utf8_lossy(rest.as_bytes()));
    let found = s.get_process().wait().expect("wait");
    assert!(matches!(found, WaitStatus::Exited(_, 0)), "{found:?}");
    // dialoguer draws with escape sequences of its own; the session's must not be among them.
    for raw in ["\x1b]0;pwned", "\x1b[2J", "\u{202e}"] {
        assert!(
            !shown.contains(raw),
            "{raw:?} reached the terminal: {shown:?}"
        );
    }
    let session = env.session_json(&id);
    assert_eq!(session["steps"][2]["notes"][0]["text"], "asked for the PUK");
    assert_eq!(
        session["steps"][2]["notes"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn a_yes_no_question_in_chinese_is_a_choice_of_words_not_y_n_keys() {
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
    s.expect("接下来做什么？").expect("step menu");
    choose(&mut s, 5); // 放弃此会话
    s.expect("确定放弃此会话吗？").expect("the question");
    // 否 is preselected: the menu is drawn with both words, and no English keys.
    let menu = s.expect("否").expect("the choices");
    let drawn = String::from_utf8_lossy(menu.before()).to_string();
    assert!(drawn.contains('是'), "{drawn:?}");
    assert!(!drawn.contains("y/n"), "{drawn:?}");
    s.send(UP).expect("send");
    s.send(ENTER).expect("send");
    s.expect("已放弃。").expect("abandoned");
    assert_eq!(exit_code(s), 0);
    let session = env.session_json(&env.only_session());
    assert_eq!(session["status"], "abandoned");
}
