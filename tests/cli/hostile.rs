//! Text from outside simcancel is shown, never obeyed (issue 10, item 1): escape sequences
//! and bidi overrides from a hand-edited session, a folder name or typed input reach no
//! terminal as they are, in any command, on stdout or stderr; typed text that holds them
//! is refused in the person's language. JSON output keeps the values as data.

use serde_json::{Value, json};

use crate::guide::{guide, mini_env, resume};
use crate::harness::{Env, Run};

/// Retitles the window, rings, clears the screen and reverses what follows.
pub const EVIL: &str = "G\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}";

/// How [`EVIL`] is shown.
const SHOWN: &str = "G\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}";

/// Asserts that `text` holds no character a terminal would obey: line breaks and tabs
/// aside, no control character and no bidi override.
#[track_caller]
fn assert_inert(what: &str, text: &str) {
    let obeyed: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(obeyed.is_empty(), "{what} lets through {obeyed:?}:\n{text}");
}

/// Asserts both streams of `run` are inert, and returns it.
#[track_caller]
fn inert(what: &str, run: Run) -> Run {
    assert_inert(&format!("{what} (stdout)"), &run.stdout);
    assert_inert(&format!("{what} (stderr)"), &run.stderr);
    run
}

/// A session paused at `find` (login skipped), then edited by hand: the checklist's name,
/// id and provider, a step title and the skip reason hold [`EVIL`].
pub fn hostile_session() -> (Env, String, String) {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n2\nno account\n5\n").success();
    let id = env.only_session();
    let mut session = env.session_json(&id);
    let snapshot = &mut session["checklist"]["snapshot"];
    snapshot["name"] = json!({ "en": EVIL, "zh-CN": EVIL });
    snapshot["provider"] = json!(EVIL);
    snapshot["steps"][2]["title"] = json!({ "en": EVIL });
    session["checklist"]["id"] = json!(format!("mini{EVIL}"));
    session["steps"][1]["skip_reason"] = json!(EVIL);
    let text = serde_json::to_string_pretty(&session).expect("JSON");
    std::fs::write(env.session_path(&id), text).expect("write");
    (env, dir, id)
}

#[test]
fn a_hand_edited_session_is_shown_escaped_by_resume_sessions_export_and_letter() {
    let (env, dir, id) = hostile_session();
    let run = inert("resume", resume(&env, &dir, &[&id], "5\n").success());
    insta::assert_snapshot!("resume_of_a_hand_edited_session", env.scrub(&run.stdout));
    let run = inert("sessions", env.run(&["sessions"]).success());
    assert!(run.stdout.contains(&format!("mini{SHOWN}")), "{run}");
    for format in ["txt", "md", "html"] {
        let run = inert(
            format,
            env.run(&["export", &id, "--format", format]).success(),
        );
        assert!(
            run.stdout.contains("\\u{1b}") && run.stdout.contains("pwned\\u{7}"),
            "{format}: {run}"
        );
    }
    inert(
        "letter",
        env.run(&["letter", &id, "--kind", "letter"])
            .success()
            .stderr_any(),
    );
    // The checklist gives no e-mail address: the refusal names the provider, escaped.
    let email = inert(
        "email",
        env.run(&["letter", &id, "--kind", "email"])
            .code(1)
            .stderr_any(),
    );
    assert!(email.stderr.contains("pwned\\u{7}"), "{email}");
    // JSON is data: the value is kept, escaped by JSON itself.
    let json = env.run(&["export", &id, "--format", "json"]).success();
    assert!(!json.stdout.contains('\u{1b}'));
    let doc: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(doc["checklist"]["provider"], EVIL);
}

// Windows file names cannot hold control characters.
#[cfg(unix)]
#[test]
fn a_file_name_in_the_sessions_folder_cannot_clear_the_screen() {
    let (env, _) = mini_env();
    env.write("data/sessions/\u{1b}[2J\u{1b}]0;pwned\u{7}.json", "{}");
    let run = inert("sessions", env.run(&["sessions"]).success());
    assert!(
        run.stdout
            .contains("\\u{1b}[2J\\u{1b}]0;pwned\\u{7}.json: not a session file"),
        "{run}"
    );
    inert("resume", env.run(&["resume"]).code(1).stderr_any());
}

// Windows file names cannot hold control characters.
#[cfg(unix)]
#[test]
fn a_folder_name_is_shown_escaped_by_list_show_and_validate() {
    let env = Env::new();
    let folder = env.root().join("lists\u{1b}]0;pwned\u{7}");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("mini.toml"), crate::guide::MINI).expect("write");
    let dir = folder.display().to_string();
    let list = inert("list", env.run(&["--checklists", &dir, "list"]).success());
    assert!(
        list.stdout.contains("lists\\u{1b}]0;pwned\\u{7}/mini.toml"),
        "{list}"
    );
    let show = inert(
        "show",
        env.run(&["--checklists", &dir, "show", "mini"]).success(),
    );
    insta::assert_snapshot!("show_from_a_hostile_folder", env.scrub(&show.stdout));
    std::fs::write(folder.join("broken.toml"), "id = \n").expect("write");
    let run = inert(
        "validate",
        env.run(&["validate", &dir]).code(1).stderr_any(),
    );
    assert!(
        run.stdout.starts_with(&format!(
            "{}/lists\\u{{1b}}]0;pwned\\u{{7}}/broken.toml:1:",
            env.root().display()
        )),
        "{run}"
    );
}

#[test]
fn typed_text_with_control_characters_is_refused_in_the_persons_language() {
    let (env, dir) = mini_env();
    // A note typed with an escape sequence, then without.
    let run = inert(
        "guide",
        guide(
            &env,
            &dir,
            &[],
            "2\n3\nPUK \u{1b}[2J\nasked for the PUK\n5\n",
        )
        .success(),
    );
    assert!(
        run.stdout.contains(
            "! `PUK \\u{1b}[2J` holds control characters (shown as \\u{…}), which your record cannot keep: type it again without them."
        ),
        "{run}"
    );
    let id = env.only_session();
    let session = env.session_json(&id);
    assert_eq!(session["steps"][1]["notes"][0]["text"], "asked for the PUK");
    let run = inert(
        "resume",
        resume(
            &env,
            &dir,
            &["--lang", "zh-CN", &id],
            "2\n跳过\u{7}\n不需要\n5\n",
        )
        .success(),
    );
    assert!(
        run.stdout.contains(
            "! `跳过\\u{7}` 中含有控制字符（显示为 \\u{…}），记录中不能保存：请去掉后重新输入。"
        ),
        "{run}"
    );
    assert_eq!(env.session_json(&id)["steps"][1]["skip_reason"], "不需要");
}
