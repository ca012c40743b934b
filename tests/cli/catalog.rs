//! `list`, `show`, `validate`: the catalogue and its error handling.

use crate::harness::{Env, native};

/// The ids that are not bundled checklists, so tests hold however many are bundled.
fn not_bundled<'a>(ids: &[&'a str]) -> Vec<&'a str> {
    let bundled: Vec<String> = simcancel::checklist::bundled_files()
        .iter()
        .map(|(name, _)| name.trim_end_matches(".toml").to_string())
        .collect();
    ids.iter()
        .copied()
        .filter(|id| !bundled.iter().any(|b| b == id))
        .collect()
}

/// A valid checklist with this id, in both languages.
pub fn checklist(id: &str, name: &str) -> String {
    format!(
        r#"schema = 1
id = "{id}"
name = {{ en = "{name}", zh-CN = "{name} 中文" }}
provider = "Test"
country = "FR"
kinds = ["prepaid"]
difficulty = "easy"
verified = 2026-11-01
sources = ["https://example.org/"]

[[steps]]
id = "log-in"
phase = "login"
title = "Log in"
body = "Log in."

[[steps]]
id = "find"
phase = "find-option"
title = "Find"
body = "Find."

[[steps]]
id = "confirm"
phase = "confirm"
title = "Confirm"
body = "Confirm."

[[steps]]
id = "submit"
phase = "submit"
title = "Submit"
body = "Submit."

[[steps]]
id = "wait"
phase = "wait"
title = "Wait"
body = "Wait."
wait = "2d"
"#
    )
}

#[test]
fn list_shows_the_bundled_catalogue_with_its_origin() {
    let run = Env::new().run(&["list"]).success();
    let header = run.stdout.lines().next().unwrap();
    for col in [
        "ID",
        "NAME",
        "PROVIDER",
        "COUNTRY",
        "DIFFICULTY",
        "VERIFIED",
        "ORIGIN",
    ] {
        assert!(header.contains(col), "{header}");
    }
    let generic = run
        .stdout
        .lines()
        .find(|l| l.starts_with("generic "))
        .expect("generic row");
    assert!(
        generic.contains("Any French operator (generic procedure)"),
        "{generic}"
    );
    assert!(generic.trim_end().ends_with("bundled"), "{generic}");
}

#[test]
fn list_in_chinese_from_the_locale_or_the_flag() {
    let mut env = Env::new();
    env.env("LANG", "zh_CN.UTF-8");
    env.run(&["list"])
        .success()
        .stdout_has("任意法国运营商")
        .stdout_has("内置");
    env.run(&["--lang", "en", "list"])
        .success()
        .stdout_has("Any French operator");
    let mut env = Env::new();
    env.env("LANG", "en_US.UTF-8");
    env.run(&["--lang", "zh-CN", "list"])
        .success()
        .stdout_has("编号");
}

#[test]
fn later_sources_override_earlier_ones_by_id() {
    let env = Env::new();
    let user = env.user_checklists();
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(user.join("mine.toml"), checklist("mine", "User one")).unwrap();
    std::fs::write(
        user.join("generic.toml"),
        checklist("generic", "User generic"),
    )
    .unwrap();
    env.write("extra/mine.toml", checklist("mine", "Extra one"));
    let extra = env.root().join("extra");
    let run = env
        .run(&["list", "--checklists", extra.to_str().unwrap()])
        .success();
    let mine = run.stdout.lines().find(|l| l.starts_with("mine ")).unwrap();
    assert!(
        mine.contains("Extra one") && mine.contains(&native("extra/mine.toml")),
        "{mine}"
    );
    let generic = run
        .stdout
        .lines()
        .find(|l| l.starts_with("generic "))
        .unwrap();
    assert!(generic.contains("User generic"), "{generic}");
    assert!(
        generic.contains(&user.join("generic.toml").display().to_string()),
        "{generic}"
    );
    // The header, every bundled checklist (generic overridden in place) and `mine`.
    let bundled = simcancel::checklist::bundled_files().len();
    assert_eq!(run.stdout.lines().count(), bundled + 2, "{run}");
}

#[test]
fn list_filters_and_json() {
    let env = Env::new();
    let mut travel = checklist("travel-one", "Travel");
    travel = travel
        .replace("country = \"FR\"", "country = \"INT\"")
        .replace("kinds = [\"prepaid\"]", "kinds = [\"travel\", \"esim\"]");
    env.write("d/travel-one.toml", travel);
    env.write(
        "d/de-one.toml",
        checklist("de-one", "German").replace("\"FR\"", "\"DE\""),
    );
    let d = env.root().join("d");
    let d = d.to_str().unwrap();
    let run = env.run(&["list", "--checklists", d, "--json"]).success();
    let rows: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(not_bundled(&ids), ["de-one", "travel-one"]);
    assert!(ids.contains(&"generic") && ids.is_sorted(), "{ids:?}");
    let t = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "travel-one")
        .unwrap();
    assert_eq!(t["name"], "Travel");
    assert_eq!(t["kinds"], serde_json::json!(["travel", "esim"]));
    assert_eq!(t["difficulty"], "easy");
    assert_eq!(t["verified"], "2026-11-01");
    assert!(
        t["origin"]
            .as_str()
            .unwrap()
            .ends_with(&native("d/travel-one.toml"))
    );

    let fr = env
        .run(&["list", "--checklists", d, "--country", "fr", "--json"])
        .success();
    let rows: serde_json::Value = serde_json::from_str(&fr.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        not_bundled(&ids),
        ["travel-one"],
        "INT checklists match every country"
    );
    assert!(ids.contains(&"generic"), "{ids:?}");

    let esim = env
        .run(&["list", "--checklists", d, "--kind", "esim"])
        .success();
    assert!(esim.stdout.contains("travel-one") && esim.stdout.contains("generic"));
    assert!(!esim.stdout.contains("de-one"));

    env.run(&[
        "list",
        "--checklists",
        d,
        "--country",
        "JP",
        "--kind",
        "postpaid",
    ])
    .success()
    .stderr_has("No checklist matches --country JP --kind postpaid");
    for bad in ["", "FRA", "F1"] {
        env.run(&["list", "--country", bad])
            .code(2)
            .stderr_has("use a two-letter country code such as FR, or INT");
    }
}

#[test]
fn list_uses_and_refreshes_its_cache() {
    let env = Env::new();
    let file = env.write("d/one.toml", checklist("one", "First name"));
    let d = env.root().join("d");
    let d = d.to_str().unwrap();
    env.run(&["list", "--checklists", d])
        .success()
        .stdout_has("First name");
    let caches: Vec<_> = std::fs::read_dir(env.cache_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        caches.len(),
        1,
        "one cache per folder (d; the bundled summaries are built in): {caches:?}"
    );
    let cache = caches
        .iter()
        .find(|p| std::fs::read_to_string(p).unwrap().contains("one.toml"))
        .unwrap()
        .clone();
    // A changed file (different size) is read again, not served from the cache.
    std::fs::write(&file, checklist("one", "Second, longer name")).unwrap();
    env.run(&["list", "--checklists", d])
        .success()
        .stdout_has("Second, longer name");
    // A damaged cache is rebuilt, not an error.
    std::fs::write(&cache, "{not json").unwrap();
    env.run(&["list", "--checklists", d])
        .success()
        .stdout_has("Second, longer name");
}

/// Applies `edit` to every entry of the catalogue caches.
#[cfg(unix)]
fn edit_cache_entries(env: &Env, edit: impl Fn(&mut serde_json::Map<String, serde_json::Value>)) {
    for entry in std::fs::read_dir(env.cache_dir()).unwrap() {
        let path = entry.unwrap().path();
        let mut cache: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for file in cache["files"].as_object_mut().unwrap().values_mut() {
            edit(file.as_object_mut().unwrap());
        }
        std::fs::write(&path, cache.to_string()).unwrap();
    }
}

/// Unix only: the cache's entries there are stamped with the ctime and inode this test
/// edits (on Windows every entry keeps a hash of its contents, which the first part of the
/// test covers everywhere but cannot isolate).
#[cfg(unix)]
#[test]
fn a_file_changed_with_the_same_size_and_mtime_is_never_served_stale() {
    use std::os::unix::fs::MetadataExt;
    let env = Env::new();
    let file = env.write("d/one.toml", checklist("one", "Name Alpha"));
    let d = env.root().join("d");
    let d = d.to_str().unwrap();
    let (size, mtime) = {
        let meta = std::fs::metadata(&file).unwrap();
        (meta.len(), meta.modified().unwrap())
    };
    let list = |expected: &str| {
        env.run(&["list", "--checklists", d])
            .success()
            .stdout_has(expected);
    };
    let same_size_and_mtime = || {
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!((meta.len(), meta.modified().unwrap()), (size, mtime));
        meta
    };
    let rewrite = |name: &str| {
        let f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
        std::io::Write::write_all(&mut &f, checklist("one", name).as_bytes()).unwrap();
        f.set_modified(mtime).unwrap();
        same_size_and_mtime()
    };
    list("Name Alpha");

    // Rewritten within one tick of the file system's clock: size, mtime and even ctime are
    // the same (made so here by writing the new ctime into the cache). The file changed
    // moments before it was cached, so the cache kept a hash of its contents, which tells.
    rewrite("Name Bravo");
    let meta = std::fs::metadata(&file).unwrap();
    let ctime = meta.ctime() * 1_000_000_000 + meta.ctime_nsec();
    edit_cache_entries(&env, |e| e["stamp"]["ctime"] = ctime.into());
    list("Name Bravo");

    // Long settled (no hash kept), the stamp alone decides. Rewritten in place with the
    // time put back, the ctime (which only the kernel sets) differs...
    edit_cache_entries(&env, |e| {
        e.remove("fingerprint");
    });
    std::thread::sleep(std::time::Duration::from_millis(50));
    rewrite("Name Carol");
    list("Name Carol");

    // ...and a file replaced by another one renamed over it has another inode, even with
    // the same ctime (written into the cache here).
    let other = env.write("d/one.toml.new", checklist("one", "Name Delta"));
    std::fs::File::options()
        .write(true)
        .open(&other)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    std::fs::rename(&other, &file).unwrap();
    let meta = same_size_and_mtime();
    let ctime = meta.ctime() * 1_000_000_000 + meta.ctime_nsec();
    edit_cache_entries(&env, |e| {
        e.remove("fingerprint");
        e["stamp"]["ctime"] = ctime.into();
    });
    list("Name Delta");
}

/// Writes into `<root>/d` one good checklist and one file of each kind `list` must skip:
/// empty, not UTF-8, 50 MB, and on Unix a symlink loop (`loop-a.toml` ↔ `loop-b.toml`).
fn write_bad_files(env: &Env) {
    env.write("d/empty.toml", "");
    env.write(
        "d/latin1.toml",
        b"schema = 1\nname = \"caf\xe9\"\n".as_slice(),
    );
    env.write("d/big.toml", vec![b'#'; 50 * 1024 * 1024]);
    env.write("d/good.toml", checklist("good", "Good"));
    // Making a symlink on Windows needs a privilege (or developer mode) most users lack.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop-b.toml", env.root().join("d/loop-a.toml")).unwrap();
        std::os::unix::fs::symlink("loop-a.toml", env.root().join("d/loop-b.toml")).unwrap();
    }
}

/// The names [`write_bad_files`] writes that `list` must skip.
const BAD_FILES: &[&str] = &[
    "empty.toml",
    "latin1.toml",
    "big.toml",
    #[cfg(unix)]
    "loop-a.toml",
    #[cfg(unix)]
    "loop-b.toml",
];

#[test]
fn bad_files_are_skipped_with_one_line_each_and_the_rest_still_lists() {
    let env = Env::new();
    write_bad_files(&env);
    env.write("d/also-good.toml", checklist("good", "Same id, other file"));
    let d = env.root().join("d");
    let run = env
        .run(&["list", "--checklists", d.to_str().unwrap()])
        .success()
        .stderr_any();
    assert!(
        run.stdout.contains("good ") && run.stdout.contains("generic"),
        "{run}"
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    for name in BAD_FILES {
        assert!(
            lines.iter().any(|l| l.starts_with("simcancel: skipping ")
                && l.contains(name)
                && l.contains("run `simcancel validate")),
            "no skip line for {name}:\n{run}"
        );
    }
    // Two files with one id: the one whose name differs from its id is skipped.
    assert!(lines.iter().any(|l| l.contains("also-good.toml")), "{run}");
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("good ") && l.contains("Good")),
        "{run}"
    );
}

#[test]
fn validate_reports_every_problem_with_its_place() {
    let env = Env::new();
    write_bad_files(&env);
    env.write(
        "d/bad.toml",
        checklist("bad", "Bad")
            .replace("phase = \"confirm\"", "phase = \"confirmed\"")
            .replace("wait = \"2d\"", "wait = \"soon\""),
    );
    // The bad files, good.toml and bad.toml, which has two errors.
    let n = BAD_FILES.len() + 2;
    let run = env.run(&["validate", "d"]).code(1).stderr_is(&format!(
        "{n} file(s) checked: {n} error(s), 0 warning(s)\n"
    ));
    // One snapshot for every system: paths with `/`, and the Unix-only symlink loop apart.
    let stdout = run.stdout.replace(&native("d/"), "d/");
    let (loops, others): (Vec<&str>, Vec<&str>) =
        stdout.lines().partition(|l| l.starts_with("d/loop-"));
    insta::assert_snapshot!(others.join("\n"));
    let loop_error = "1:1: error: cannot read the file: too many levels of symbolic links (a symlink loop?); fix or remove the link";
    let expected: Vec<String> = if cfg!(unix) {
        vec![
            format!("d/loop-a.toml:{loop_error}"),
            format!("d/loop-b.toml:{loop_error}"),
        ]
    } else {
        vec![]
    };
    assert_eq!(loops, expected);
}

#[test]
fn validate_passes_the_bundled_checklists_and_reports_duplicates_in_a_folder() {
    let env = Env::new();
    env.write("d/a.toml", checklist("a", "A"));
    env.run(&["validate", "d/a.toml"])
        .success()
        .stderr_has("1 file(s) checked: 0 error(s), 0 warning(s)");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let run = env.run(&["validate", repo.to_str().unwrap()]).success();
    assert_eq!(run.stdout, "", "bundled checklists have no problem:\n{run}");
    run.stderr_has("0 error(s), 0 warning(s)");
    // Two files, same id: the id of b.toml is "a", which is also a name mismatch.
    env.write("d/b.toml", checklist("a", "A again"));
    env.run(&["validate", "d"])
        .code(1)
        .stdout_is(&native("d/b.toml:2:6: error: id `a` does not match the file name `b.toml`; rename the file to `a.toml` or change the id\n"))
        .stderr_is("2 file(s) checked: 1 error(s), 0 warning(s)\n");
}

#[test]
fn validate_a_missing_path_or_empty_folder() {
    let env = Env::new();
    std::fs::create_dir_all(env.root().join("none")).unwrap();
    env.run(&["validate", "nope.toml"])
        .code(1)
        .stdout_is("nope.toml:1:1: error: cannot read the file: no such file or folder\n")
        .stderr_is("1 file(s) checked: 1 error(s), 0 warning(s)\n");
    env.run(&["validate", "none"])
        .code(1)
        .stdout_is("none: no .toml checklist files in this folder\n")
        .stderr_is("0 file(s) checked: 1 error(s), 0 warning(s)\n");
    env.run(&["validate"]).code(2).stderr_has("FILE_OR_DIR");
}

#[test]
fn a_checklists_folder_that_cannot_be_read_is_an_error() {
    let env = Env::new();
    env.run(&["list", "--checklists", "missing"])
        .code(1)
        .stderr_has(
            "simcancel: cannot read the checklist folder missing: no such file or folder; check the --checklists path",
        );
    env.write("afile", "x");
    env.run(&["list", "--checklists", "afile"])
        .code(1)
        .stderr_has(
            "simcancel: cannot read the checklist folder afile: it is a file, not a folder",
        );
    env.run(&["--lang", "zh-CN", "list", "--checklists", "missing"])
        .code(1)
        .stderr_has("无法读取清单文件夹 missing：文件或文件夹不存在");
}

#[test]
fn show_prints_the_whole_checklist_localized() {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", "2026-12-01T09:00:00+01:00");
    let run = env.run(&["show", "generic"]).success();
    for s in [
        "Any French operator (generic procedure)  [generic]",
        "Provider: Any French operator",
        "Kinds: contract plan, prepaid, eSIM",
        "Verified: 2026-11-26 (the date this checklist was last checked against the sources below",
        "not a confirmation from the operator",
        "Origin: bundled",
        "(keep_number): yes/no",
        "asked at the step “Check the final bill and your next bank statements”",
        "[prepare] Gather the details of the line  (gather-details)",
        "(only when “Is it a contract plan or a prepaid card?”: Prepaid card (top-ups) and “Is there money left: prepaid credit, or a sum paid in advance on a contract?”: yes)",
        "→ https://www.service-public.fr/",
        "✎ Holder's full name (personal)",
        "⏳ expected wait: 10 days",
        "\nSources:\n  [1] Médiateur des communications électroniques",
    ] {
        assert!(run.stdout.contains(s), "missing {s:?}:\n{run}");
    }
    // Footnote markers after what the sources support, the contact block included.
    assert!(run.stdout.contains("Contact [1]:"), "{run}");
    assert!(!run.stdout.contains("days ago"), "not stale yet:\n{run}");
    let zh = env.run(&["--lang", "zh-CN", "show", "generic"]).success();
    assert!(zh.stdout.contains("[准备] 整理线路信息"), "{zh}");
    assert!(zh.stdout.contains("并非运营商的确认"), "{zh}");
    assert!(zh.stdout.contains("运营商：任意法国运营商"), "{zh}");
    // Half a year later, the checklist says to confirm it on the official page.
    env.env("SIMCANCEL_NOW", "2027-06-01T09:00:00+02:00");
    env.run(&["show", "generic"])
        .success()
        .stdout_has("  ⚠ checked 187 days ago — confirm on the official page");
    env.run(&["--lang", "zh-CN", "show", "generic"])
        .success()
        .stdout_has("  ⚠ 187 天前核实——请到官方页面确认");
    // Issue 15: the wait in words, not in the file's `10d`.
    assert!(zh.stdout.contains("⏳ 预计等待：10 天"), "{zh}");
}

#[test]
fn show_json_is_the_checklist_with_origin_and_hash() {
    let env = Env::new();
    let run = env.run(&["show", "generic", "--json"]).success();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["origin"], "bundled");
    assert_eq!(v["hash"].as_str().unwrap().len(), 64);
    assert_eq!(v["checklist"]["id"], "generic");
    assert_eq!(
        v["checklist"]["name"]["zh-CN"],
        "任意法国运营商（通用流程）"
    );
    assert_eq!(v["checklist"]["steps"][0]["phase"], "prepare");
}

#[test]
fn show_refuses_ids_that_are_paths_and_suggests_the_closest() {
    let env = Env::new();
    for bad in ["../etc/passwd", "a/b", "..", "a\\b"] {
        env.run(&["show", bad])
            .code(1)
            .stderr_has(&format!("simcancel: `{bad}` is not a checklist id"));
    }
    env.run(&["show", "nope"])
        .code(1)
        .stderr_has("simcancel: no checklist matches `nope` (by id, name, provider, network or alias); known ones: ")
        .stderr_has(" generic, ");
    env.run(&["--lang", "zh-CN", "show", "nope"])
        .code(1)
        .stderr_has("没有与 `nope` 匹配的清单");
    // Not an id, but a name in any case: it finds the checklist.
    env.run(&["show", "GENERIC"])
        .success()
        .stdout_has("[generic]");
    env.run(&["--lang", "zh-CN", "show", "Airalo"])
        .success()
        .stdout_has("[airalo]");
    // Issue 15: a typo gets the closest id, not the whole list.
    env.run(&["guide", "airlo"])
        .code(1)
        .stderr_is("simcancel: no checklist matches `airlo`. Did you mean airalo? (`simcancel list` shows them all)\n");
    env.run(&["--lang", "zh-CN", "guide", "free_mobile"])
        .code(1)
        .stderr_is("simcancel: 没有与 `free_mobile` 匹配的清单。您是不是要找 free-mobile？（运行 `simcancel list` 可查看全部清单）\n");
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let env = Env::new();
    let guide = ["guide", "generic", "--plain", "--answer", "keep_number=no"];
    for args in [
        &["list", "--json"][..],
        &["show", "generic"],
        &["show", "generic", "--json"],
        &guide,
    ] {
        let mut child = env
            .std_command(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
    // The guide saved its session before its first prompt, reader or not.
    assert_eq!(env.session_ids().len(), 1);
}

#[test]
fn show_names_choices_by_their_label_in_the_persons_language() {
    let env = Env::new();
    let with_choice = checklist("pick", "Pick")
        .replace(
            "[[steps]]\nid = \"log-in\"",
            "[[questions]]\nid = \"os\"\nkind = \"choice\"\ntext = \"Phone?\"\nchoices = [{ id = \"ios\", label = { en = \"iPhone\", zh-CN = \"苹果手机\" } }, \"other\"]\n\n[[steps]]\nid = \"log-in\"",
        )
        .replace("body = \"Find.\"", "body = \"Find.\"\nwhen = { os = [\"ios\", \"other\"] }");
    env.write("d/pick.toml", with_choice);
    env.run(&["--checklists", "d", "show", "pick"])
        .success()
        .stdout_has("(only when “Phone?”: iPhone or other)");
    env.run(&["--checklists", "d", "--lang", "zh-CN", "show", "pick"])
        .success()
        .stdout_has("(仅当 “Phone?”回答为“苹果手机”或“other”)");
}

// Makes a FIFO with mkfifo(1); Windows named pipes do not live in a folder of files.
#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_checklist_is_refused_not_waited_on() {
    let env = Env::new();
    std::fs::create_dir_all(env.root().join("d")).unwrap();
    let fifo = env.root().join("d/pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    env.write("d/good.toml", checklist("good", "Good"));
    env.run(&["list", "--checklists", "d"])
        .success()
        .stdout_has("good ")
        .stderr_has("skipping d/pipe.toml: 1 problem(s)");
    env.run(&["validate", "d"])
        .code(1)
        .stdout_is("d/pipe.toml:1:1: error: cannot read the file: it is not a regular file (a pipe, socket or device)\n")
        .stderr_is("2 file(s) checked: 1 error(s), 0 warning(s)\n");
}

#[test]
fn a_closed_stderr_changes_no_exit_code() {
    let env = Env::new();
    env.write("d/bad.toml", "schema = 2\n");
    for (args, code) in [
        (&["validate", "d"][..], 1),
        (&["validate", "checklists-that-do-not-exist"], 1),
        (&["list", "--checklists", "d"], 0),
        (&["show", "nope"], 1),
    ] {
        let mut child = env
            .std_command(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        assert_eq!(child.wait().unwrap().code(), Some(code), "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_early_ends_show_quietly() {
    use std::io::Read;
    let env = Env::new();
    // A body far larger than a pipe's buffer: `show` is still writing when the reader goes.
    let big = checklist("big", "Big").replace(
        "body = \"Log in.\"",
        &format!("body = \"{}\"", "Log in. ".repeat(40_000)),
    );
    let dir = env.checklist("big.toml", &big);
    for json in [false, true] {
        let mut args = vec!["--checklists", &dir, "show", "big"];
        if json {
            args.push("--json");
        }
        let mut child = env
            .std_command(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read a little, then close our end (`| head -c 1`).
        let mut stdout = child.stdout.take().unwrap();
        stdout.read_exact(&mut [0; 1]).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    }
}

#[test]
fn validate_strict_holds_files_to_the_bundled_rules_and_refuses_stale_ones() {
    let mut env = Env::new();
    let v2 = checklist("a", "A")
        .replace("schema = 1", "schema = 2")
        .replace(
            "sources = [\"https://example.org/\"]\n",
            "summary = \"Costs 5 euros.\"\ncite = [\"s\"]\n\n[[sources]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://example.org/\"\nretrieved = 2026-11-01\nquote = \"Q\"\nconfidence = \"high\"\n",
        )
        .replace("body = \"Submit.\"", "body = \"Submit within 2 days.\"");
    env.write("d/a.toml", &v2);
    env.env("SIMCANCEL_NOW", "2026-12-01T09:00:00+01:00");
    let uncited = "d/a.toml:43:8: {}: `body` states a number, amount, delay, date, phone number or address (`2`) without a source: add `cite = [\"…\"]` to step `submit`, naming the [[sources]] that support it";
    env.run(&["validate", "d/a.toml"])
        .success()
        .stdout_has(&uncited.replace("{}", "warning"))
        .stderr_has("1 file(s) checked: 0 error(s), 1 warning(s)");
    env.run(&["validate", "--strict", "d/a.toml"])
        .code(1)
        .stdout_has(&uncited.replace("{}", "error"))
        .stderr_has("1 file(s) checked: 1 error(s), 0 warning(s)");

    env.write(
        "d/a.toml",
        v2.replace("within 2 days.\"", "within 2 days.\"\ncite = [\"s\"]"),
    );
    env.run(&["validate", "--strict", "d/a.toml"])
        .success()
        .stderr_has("0 error(s), 0 warning(s)");
    env.env("SIMCANCEL_NOW", "2027-06-01T09:00:00+02:00");
    env.run(&["validate", "--strict", "d/a.toml"])
        .code(1)
        .stdout_has(
            "d/a.toml:8:12: error: `verified` is 2026-11-01, 212 days ago (more than 180): check the checklist against its sources again, then update `verified`",
        )
        .stderr_has("1 file(s) checked: 1 error(s), 0 warning(s)");
    env.run(&["validate", "d/a.toml"])
        .success()
        .stderr_has("0 error(s), 0 warning(s)");
}
