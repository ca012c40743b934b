//! `simcancel sessions`: every state, `--all`, `--json`, unreadable files.

use serde_json::Value;

use crate::guide::{TO_WAIT, guide, mini_env, resume};

#[test]
fn no_session_yet_says_how_to_start() {
    let (env, _) = mini_env();
    env.run(&["sessions"])
        .success()
        .stdout_has("No session yet. Start one with `simcancel guide`.");
    env.run(&["sessions", "--json"])
        .success()
        .stdout_has("\"sessions\": []");
}

#[test]
fn every_state_is_shown_and_finished_ones_only_with_all() {
    let (mut env, dir) = mini_env();
    // A minute apart, so that the lists (newest activity first) have one order.
    let at = |minute: u32| format!("2026-12-01T09:{minute:02}:00+01:00");
    env.env("SIMCANCEL_NOW", &at(0));
    guide(&env, &dir, &[], "2\n1\n5\n").success(); // in progress
    env.env("SIMCANCEL_NOW", &at(1));
    guide(&env, &dir, &[], &format!("{TO_WAIT}2\n5\n")).success(); // waiting
    env.env("SIMCANCEL_NOW", &at(2));
    guide(&env, &dir, &[], "2\n6\ny\n").success(); // abandoned
    env.env("SIMCANCEL_NOW", &at(3));
    guide(&env, &dir, &[], &format!("{TO_WAIT}2\n1\n\n1\n1\n")).success(); // completed
    env.env("SIMCANCEL_NOW", "2026-12-03T09:00:00+01:00");
    // Unfinished ones only, newest activity first; then all of them.
    let run = env.run(&["sessions"]).success();
    insta::assert_snapshot!("unfinished", env.scrub(&run.stdout));
    let all = env.run(&["sessions", "--all"]).success();
    insta::assert_snapshot!("all", env.scrub(&all.stdout));

    env.env("SIMCANCEL_NOW", "2026-12-07T09:00:00+01:00");
    env.run(&["sessions"])
        .success()
        .stdout_has("4/6       overdue since 2026-12-06");

    let json = env.run(&["sessions", "--all", "--json"]).success();
    let doc: Value = serde_json::from_str(&json.stdout).expect("JSON");
    let mut states: Vec<&str> = doc["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    states.sort();
    assert_eq!(states, ["abandoned", "completed", "in-progress", "overdue"]);
    let overdue = doc["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == "overdue")
        .unwrap();
    assert_eq!(overdue["due"], "2026-12-06T09:01:00+01:00");
    assert_eq!(overdue["progress"]["finished"], 4);
    assert_eq!(overdue["progress"]["applicable"], 6);
    assert_eq!(overdue["checklist"], "mini");
    assert_eq!(overdue["name"], "Mini Mobile");
    assert_eq!(overdue["started"], "2026-12-01T09:01:00+01:00");
    assert_eq!(doc["unreadable"], serde_json::json!([]));
}

#[test]
fn finished_sessions_only_point_to_all() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n6\ny\n").success();
    env.run(&["sessions"])
        .success()
        .stdout_has("No unfinished session. Start one with `simcancel guide`; `--all` also shows finished ones.");
}

#[test]
fn an_unreadable_file_is_listed_with_its_path_and_the_others_still_show() {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    let bad = env.write("data/sessions/0badf11e.json", "{ not json");
    let newer = env.write("data/sessions/0000beef.json", "{\"format\": 7}");
    let run = env.run(&["sessions"]).success().stdout_has(&id);
    assert!(
        run.stdout.contains(&format!(
            "unreadable: {}: not a session file",
            bad.display()
        )),
        "{run}"
    );
    assert!(
        run.stdout.contains(&format!(
            "unreadable: {}: made by a newer simcancel",
            newer.display()
        )),
        "{run}"
    );
    let doc: Value =
        serde_json::from_str(&env.run(&["sessions", "--json"]).success().stdout).unwrap();
    assert_eq!(doc["sessions"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["unreadable"].as_array().map(Vec::len), Some(2));
    let damaged = doc["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["path"] == bad.display().to_string())
        .unwrap();
    assert!(
        damaged["reason"].as_str().unwrap().contains("line 1"),
        "{damaged}"
    );
}

#[test]
fn sessions_speak_chinese() {
    let (mut env, dir) = mini_env();
    guide(&env, &dir, &[], &format!("{TO_WAIT}2\n5\n")).success();
    env.env("SIMCANCEL_NOW", "2026-12-07T09:00:00+01:00");
    let run = env.run(&["--lang", "zh-CN", "sessions"]).success();
    let header: Vec<&str> = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        ["编号", "清单", "开始时间", "进度", "状态", "最近活动"]
    );
    assert!(run.stdout.contains("自 2026-12-06 起逾期"), "{run}");
    let bad = env.write("data/sessions/0badf11e.json", "{ not json");
    let newer = env.write("data/sessions/0000beef.json", "{\"format\": 7}");
    let run = env.run(&["--lang", "zh-CN", "sessions"]).success();
    assert!(
        run.stdout
            .contains(&format!("无法读取：{}：不是会话文件：", bad.display())),
        "{run}"
    );
    assert!(
        run.stdout.contains(&format!(
            "无法读取：{}：由更新版本的 simcancel 创建（会话格式 7，本版本可读 2）",
            newer.display()
        )),
        "{run}"
    );
    resume(&env, &dir, &["--lang", "zh-CN", "0000"], "")
        .code(1)
        .stderr_has("由更新版本的 simcancel 创建（会话格式 7");
}

#[test]
fn session_ids_are_found_by_any_case_prefix_and_errors_speak_chinese() {
    let env = crate::harness::Env::new();
    let mut a = crate::fixtures::unfinished();
    a.id = "abcd0001".into();
    let mut b = crate::fixtures::unfinished();
    b.id = "abcd0002".into();
    crate::fixtures::save(&env, &a);
    crate::fixtures::save(&env, &b);
    env.run(&["export", "ABCD0001"])
        .success()
        .stdout_has("abcd0001");
    let zh = |args: &[&str]| {
        let mut all = vec!["--lang", "zh-CN"];
        all.extend_from_slice(args);
        env.run(&all).code(1)
    };
    zh(&["export", "abcd"])
        .stderr_has("`abcd` 匹配多个会话（abcd0001, abcd0002）；请多输入几位编号");
    zh(&["export", "zz"]).stderr_has("没有与 `zz` 匹配的会话");
    zh(&["export", "../x"]).stderr_has("`../x` 不是会话编号");
    // Another process holds the lock of abcd0001.
    let lock_path = env.data_dir().join("sessions/.abcd0001.lock");
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.try_lock().unwrap();
    std::fs::write(env.holder_file("abcd0001"), "4242\n").unwrap();
    zh(&["resume", "abcd0001"])
        .stderr_has("会话 abcd0001 正在 simcancel 进程 4242 中打开；请先在那里完成或暂停");
    // A damaged file is described in the person's language by every command that reads it.
    env.write("data/sessions/cafe0000.json", "nope");
    for command in ["export", "letter", "resume"] {
        zh(&[command, "cafe"]).stderr_has("cafe0000.json: 不是会话文件：");
    }
}
