//! `simcancel export`: formats, language, files, redaction, INCOMPLETE.

use serde_json::Value;

use crate::fixtures;
use crate::harness::Env;

const FORMATS: [&str; 5] = ["md", "json", "html", "txt", "ics"];

/// Distinctive pieces of every personal value, note and skip reason of the fixtures, so that an escaped
/// or re-wrapped copy would still be caught.
const PERSONAL_FRAGMENTS: [&str; 11] = [
    "Balance was",
    "余额为零",
    "Dupont",
    "Lilas",
    "12 34 56",
    "99887766",
    "000451",
    "Advisor said",
    "no fee",
    "enregistr",
    "张伟",
];

fn env_with(sessions: &[simcancel::session::Session]) -> Env {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", "2026-12-10T18:00:00+01:00");
    for s in sessions {
        fixtures::save(&env, s);
    }
    env
}

#[test]
fn markdown_on_stdout_by_default_in_the_session_language() {
    let env = env_with(&[fixtures::completed(), fixtures::chinese()]);
    let en = env.run(&["export", "k7m2"]).success();
    assert!(
        en.stdout.starts_with("# Cancellation record: Demo Mobile"),
        "{en}"
    );
    assert!(en.stdout.contains("| **Session** | k7m2q9x4 |"));
    assert!(en.stdout.contains("Jean-Pierre Dupont"));
    assert!(!en.stdout.contains("INCOMPLETE"));
    let zh = env.run(&["export", "c4h5z6n7"]).success();
    assert!(zh.stdout.starts_with("# 注销记录：演示移动"), "{zh}");
    let overridden = env.run(&["--lang", "en", "export", "c4h5z6n7"]).success();
    assert!(
        overridden.stdout.starts_with("# Cancellation record"),
        "{overridden}"
    );
}

#[test]
fn the_format_comes_from_the_flag_then_the_extension() {
    let env = env_with(&[fixtures::completed(), fixtures::unfinished()]);
    env.run(&["export", "k7m2q9x4", "--format", "json"])
        .success()
        .stdout_has("\"export_format\": 1");
    env.run(&["export", "k7m2q9x4", "-o", "record.HTML"])
        .success()
        .stderr_has("Wrote record.HTML");
    let html = std::fs::read_to_string(env.root().join("record.HTML")).expect("html file");
    assert!(html.starts_with("<!DOCTYPE html>"));
    env.run(&["export", "u3n8f1w6", "-o", "notes.txt", "--format", "ics"])
        .success()
        .stderr_is("Wrote notes.txt\n");
    let ics = std::fs::read_to_string(env.root().join("notes.txt")).expect("file");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    env.run(&["export", "k7m2q9x4", "-o", "record.pdf"])
        .code(1)
        .stderr_has("cannot tell the format from the name record.pdf")
        .stderr_has("--format");
    assert!(!env.root().join("record.pdf").exists());
}

#[test]
fn a_file_is_private_and_never_overwritten_without_force() {
    let env = env_with(&[fixtures::completed()]);
    let path = env.root().join("out").join("record.md");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let p = path.to_str().expect("utf-8 path");
    env.run(&["export", "k7m2q9x4", "-o", p])
        .success()
        .stderr_is(&format!("Wrote {p}\n"));
    // Owner-only modes are a Unix notion; on Windows the profile folder's ACLs keep files private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    std::fs::write(&path, "keep me").expect("write");
    env.run(&["export", "k7m2q9x4", "-o", p])
        .code(1)
        .stderr_has("already exists")
        .stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&path).expect("file"), "keep me");
    env.run(&["export", "k7m2q9x4", "-o", p, "--force"])
        .success()
        .stderr_is(&format!("Wrote {p}\n"));
    assert!(
        std::fs::read_to_string(&path)
            .expect("file")
            .starts_with("# Cancellation record")
    );
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    env.run(&["export", "k7m2q9x4", "-o", "missing-dir/record.md"])
        .code(1)
        .stderr_has("cannot create a file in missing-dir; check that the folder exists");
    env.run(&[
        "--lang",
        "zh-CN",
        "export",
        "k7m2q9x4",
        "-o",
        "missing-dir/record.md",
    ])
    .code(1)
    .stderr_has("无法在 missing-dir 中创建文件");
}

#[test]
fn redaction_leaves_no_personal_value_in_any_format() {
    let env = env_with(&[
        fixtures::completed(),
        fixtures::chinese(),
        fixtures::unfinished(),
    ]);
    for id in ["k7m2q9x4", "c4h5z6n7", "u3n8f1w6"] {
        for format in FORMATS {
            let mut plain = env.run(&["export", id, "--format", format]).success();
            let mut redacted = env
                .run(&["export", id, "--format", format, "--redact"])
                .success();
            if format == "ics" && id != "u3n8f1w6" {
                // A finished session has no calendar: it says so, naming the session.
                plain = plain.stderr_has(id);
                redacted = redacted.stderr_has(id);
            }
            for fragment in PERSONAL_FRAGMENTS {
                assert!(
                    !redacted.stdout.contains(fragment),
                    "{id} {format}: {fragment:?} leaked:\n{}",
                    redacted.stdout
                );
            }
            if format != "ics" {
                // The same values are there without --redact, and the masks with it.
                assert!(plain.stdout.contains("56 78"), "{id} {format}");
                assert!(redacted.stdout.contains("•••••••78"), "{id} {format}");
                assert!(redacted.stdout.contains("online form"), "{id} {format}");
            }
        }
    }
}

#[test]
fn an_unfinished_session_is_marked_incomplete_in_every_format() {
    let env = env_with(&[fixtures::unfinished()]);
    for format in FORMATS {
        let run = env.run(&["export", "u3n8", "--format", format]).success();
        assert!(run.stdout.contains("INCOMPLETE"), "{format}:\n{run}");
    }
    let json: Value = serde_json::from_str(
        &env.run(&["export", "u3n8", "--format", "json"])
            .success()
            .stdout,
    )
    .expect("json");
    assert_eq!(json["complete"], false);
    env.run(&["export", "u3n8", "--require-complete"])
        .code(1)
        .stderr_has("session u3n8f1w6 is not finished (7 of 10")
        .stderr_has("simcancel resume u3n8f1w6");
    let done = env_with(&[fixtures::completed()]);
    done.run(&["export", "k7m2", "--require-complete"])
        .success();
}

#[test]
fn require_complete_on_an_abandoned_session_says_to_start_again_not_to_resume() {
    // `resume` refuses an abandoned session, so the error must not send the person there.
    let mut s = fixtures::unfinished();
    s.status = simcancel::session::SessionStatus::Abandoned;
    s.finished = Some(s.updated);
    let checklist = s.checklist.id.clone();
    let env = env_with(&[s]);
    let run = env
        .run(&["export", "u3n8", "--require-complete"])
        .code(1)
        .stderr_has("session u3n8f1w6 was abandoned (7 of 10")
        .stderr_has(&format!("start again with `simcancel guide {checklist}`"));
    assert!(!run.stderr.contains("simcancel resume"), "{run}");
    env.run(&["--lang", "zh-CN", "export", "u3n8", "--require-complete"])
        .code(1)
        .stderr_has("记录 u3n8f1w6 已放弃");
    env.run(&["export", "u3n8"])
        .success()
        .stdout_has("INCOMPLETE");
}

#[test]
fn html_is_one_self_contained_file_a_real_parser_accepts() {
    let env = env_with(&[fixtures::completed(), fixtures::chinese()]);
    for id in ["k7m2q9x4", "c4h5z6n7"] {
        let html = env
            .run(&["export", id, "--format", "html"])
            .success()
            .into_stdout();
        let doc = scraper::Html::parse_document(&html);
        assert!(doc.errors.is_empty(), "{id}: parse errors {:?}", doc.errors);
        let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
        for external in [
            "script", "link", "img", "iframe", "object", "embed", "base", "[src]",
        ] {
            assert_eq!(
                doc.select(&sel(external)).count(),
                0,
                "{id}: found {external}"
            );
        }
        // The only links: footnote markers to the sources in the file, and the sources'
        // https pages, to click.
        for a in doc.select(&sel("[href]")) {
            let href = a.value().attr("href").unwrap_or_default();
            assert_eq!(a.value().name(), "a", "{id}: href on {}", a.value().name());
            if let Some(target) = href.strip_prefix('#') {
                assert_eq!(
                    doc.select(&sel(&format!("li#{target}"))).count(),
                    1,
                    "{href}"
                );
            } else {
                assert!(href.starts_with("https://"), "{id}: {href}");
            }
        }
        let style: String = doc.select(&sel("style")).flat_map(|e| e.text()).collect();
        assert!(style.contains("@media print") && style.contains("size: A4"));
        assert!(!style.contains("url(") && !style.contains("@import"));
        assert_eq!(doc.select(&sel("meta[charset=utf-8]")).count(), 1);
        let h1: String = doc.select(&sel("h1")).flat_map(|e| e.text()).collect();
        assert!(
            h1.contains("<Prepaid> & Co") || h1.contains("<预付费> & Co"),
            "{h1}"
        );
        assert_eq!(doc.select(&sel("article.step")).count(), 12);
    }
    let zh = env
        .run(&["export", "c4h5z6n7", "--format", "html"])
        .success()
        .into_stdout();
    let doc = scraper::Html::parse_document(&zh);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("客服说不收费"));
    assert!(text.contains("张伟"));
}

#[test]
fn the_calendar_parses_back_with_an_icalendar_parser() {
    let env = env_with(&[fixtures::unfinished(), fixtures::confirmed()]);
    // While waiting: the due date and both after-steps. Once the confirmation came and the
    // eSIM profile is deleted: only the bank statement, a month after the confirmation.
    for (id, events, first_day, first_summary) in [
        ("u3n8f1w6", 3, "20261108", "INCOMPLETE: Due: "),
        (
            "p2d7c5e9",
            1,
            "20261206",
            "INCOMPLETE: Check the next bank statement",
        ),
    ] {
        let ics = env
            .run(&["export", id, "--format", "ics"])
            .success()
            .into_stdout();
        let mut parser = ical::IcalParser::new(ics.as_bytes());
        let cal = parser
            .next()
            .expect("one calendar")
            .expect("valid calendar");
        assert!(parser.next().is_none());
        assert_eq!(cal.events.len(), events, "{id}");
        let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
            e.properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_else(|| panic!("{id}: no {name}"))
        };
        let mut uids: Vec<String> = cal.events.iter().map(|e| prop(e, "UID")).collect();
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), events, "UIDs must be unique");
        for e in &cal.events {
            assert_eq!(prop(e, "DTSTAMP"), "20261210T170000Z");
            assert_eq!(e.alarms.len(), 1);
        }
        let first = &cal.events[0];
        assert_eq!(prop(first, "DTSTART"), first_day, "{id}");
        assert!(prop(first, "SUMMARY").starts_with(first_summary), "{id}");
    }
}

#[test]
fn a_finished_session_says_so_instead_of_writing_a_calendar() {
    let mut abandoned = fixtures::unfinished();
    abandoned.id = "a6b1d0e3".into();
    abandoned.status = simcancel::session::SessionStatus::Abandoned;
    abandoned.finished = Some(abandoned.updated);
    let env = env_with(&[fixtures::completed(), fixtures::chinese(), abandoned]);
    for (id, said) in [
        (
            "k7m2q9x4",
            "session k7m2q9x4 is complete: nothing is left open to remind you of, so no calendar was written\n",
        ),
        (
            "c4h5z6n7",
            "记录 c4h5z6n7 已完成：没有需要提醒的未完成事项，因此没有生成日历\n",
        ),
        (
            "a6b1d0e3",
            "session a6b1d0e3 was abandoned: nothing is left open to remind you of, so no calendar was written\n",
        ),
    ] {
        env.run(&["export", id, "--format", "ics"])
            .success()
            .stdout_is("")
            .stderr_is(said);
        env.run(&["export", id, "-o", "reminders.ics"])
            .success()
            .stderr_is(said);
        assert!(!env.root().join("reminders.ics").exists(), "{id}");
    }
}

#[test]
fn a_calendar_with_nothing_to_remind_is_refused() {
    let mut s = fixtures::unfinished();
    s.steps.iter_mut().for_each(|r| r.wait = None);
    let env = env_with(&[s]);
    env.run(&["export", "u3n8", "--format", "ics"])
        .code(1)
        .stderr_has("no reminder to put in a calendar yet");
}

#[test]
fn an_unknown_session_says_how_to_find_one() {
    env_with(&[])
        .run(&["export", "zzzz"])
        .code(1)
        .stderr_has("no session matches `zzzz`")
        .stderr_has("simcancel sessions");
}

/// Checks `value` against a shape from `docs/export-format.md`: a JSON value where strings
/// name types (`string`, `integer`, `boolean`, `timestamp`, `date`, `any`, with `|null`),
/// arrays give the shape of every element, and objects list every key (`"*"` allows more,
/// `"?": "null"` allows the whole object to be `null`).
fn check_shape(path: &str, shape: &Value, value: &Value) {
    match shape {
        Value::String(ty) => {
            let types: Vec<&str> = ty.split('|').collect();
            let ok = types.iter().any(|t| match *t {
                "any" => true,
                "null" => value.is_null(),
                "string" => value.is_string(),
                "integer" => value.is_u64() || value.is_i64(),
                "boolean" => value.is_boolean(),
                "timestamp" => value
                    .as_str()
                    .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
                "date" => value
                    .as_str()
                    .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()),
                "string[]" => value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_string)),
                other => panic!("{path}: unknown type {other} in the documented shape"),
            });
            assert!(ok, "{path}: expected {ty}, got {value}");
        }
        Value::Array(elems) => {
            let items = value
                .as_array()
                .unwrap_or_else(|| panic!("{path}: expected an array, got {value}"));
            for (i, item) in items.iter().enumerate() {
                check_shape(&format!("{path}[{i}]"), &elems[0], item);
            }
        }
        Value::Object(keys) if value.is_null() => {
            assert!(
                keys.get("?").and_then(Value::as_str) == Some("null"),
                "{path}: null where the documented object is not nullable"
            );
        }
        Value::Object(keys) => {
            let obj = value
                .as_object()
                .unwrap_or_else(|| panic!("{path}: expected an object, got {value}"));
            for (k, s) in keys.iter().filter(|(k, _)| *k != "*" && *k != "?") {
                let v = obj
                    .get(k)
                    .unwrap_or_else(|| panic!("{path}.{k}: documented but missing"));
                check_shape(&format!("{path}.{k}"), s, v);
            }
            if !keys.contains_key("*") {
                for k in obj.keys() {
                    assert!(
                        keys.contains_key(k),
                        "{path}.{k}: present but not documented"
                    );
                }
            }
        }
        other => panic!("{path}: bad shape {other}"),
    }
}

#[test]
fn json_export_matches_its_documented_shape() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export-format.md"),
    )
    .expect("docs/export-format.md");
    let start = doc.find("```json shape\n").expect("a ```json shape block") + 14;
    let end = start + doc[start..].find("```").expect("end of the block");
    let shape: Value = serde_json::from_str(&doc[start..end]).expect("the shape is JSON");
    let env = env_with(&[
        fixtures::completed(),
        fixtures::unfinished(),
        fixtures::chinese(),
    ]);
    for id in ["k7m2q9x4", "u3n8f1w6", "c4h5z6n7"] {
        for redact in [false, true] {
            let mut args = vec!["export", id, "--format", "json"];
            if redact {
                args.push("--redact");
            }
            let out = env.run(&args).success().into_stdout();
            let value: Value = serde_json::from_str(&out).expect("valid JSON");
            check_shape("$", &shape, &value);
            assert_eq!(value["export_format"], 1);
            assert_eq!(value["redacted"], redact);
        }
    }
}

#[test]
fn every_event_type_and_its_fields_are_documented() {
    use simcancel::session::EventKind as K;
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export-format.md"),
    )
    .expect("docs/export-format.md");
    let start = doc.find("### `events[]`").expect("an events section");
    let end = start + doc[start..].find("\n### ").expect("a section after events");
    let section = &doc[start..end];
    let id = || "a-step".to_string();
    let due = chrono::DateTime::parse_from_rfc3339("2026-11-08T10:21:00+01:00").expect("time");
    let kinds = [
        K::Started,
        K::Resumed,
        K::ChecklistChanged { hash: id() },
        K::Answered {
            question: id(),
            answer: simcancel::checklist::Answer::Bool(true),
        },
        K::InputRecorded {
            step: id(),
            input: id(),
            cleared: true,
        },
        K::StepDone { step: id() },
        K::StepSkipped { step: id() },
        K::NoteAdded { step: id() },
        K::WentBack {
            from: id(),
            to: id(),
        },
        K::BackToQuestions { from: id() },
        K::WaitStarted { step: id(), due },
        K::ConfirmationReceived {
            step: id(),
            on: due.date_naive(),
            outcome: Some(simcancel::session::WaitOutcome::Refused),
        },
        K::Paused,
        K::Completed,
        K::Abandoned,
    ];
    for kind in &kinds {
        // No wildcard: a new kind fails to compile here until it is added to `kinds`.
        match kind {
            K::Started
            | K::Resumed
            | K::ChecklistChanged { .. }
            | K::Answered { .. }
            | K::InputRecorded { .. }
            | K::StepDone { .. }
            | K::StepSkipped { .. }
            | K::NoteAdded { .. }
            | K::WentBack { .. }
            | K::BackToQuestions { .. }
            | K::WaitStarted { .. }
            | K::ConfirmationReceived { .. }
            | K::Paused
            | K::Completed
            | K::Abandoned => {}
        }
        let value = serde_json::to_value(kind).expect("an event kind serializes");
        let object = value.as_object().expect("an object");
        let ty = object["type"].as_str().expect("a type");
        let row = section
            .lines()
            .find(|l| {
                l.starts_with('|')
                    && l.split('|')
                        .nth(1)
                        .is_some_and(|c| c.contains(&format!("`{ty}`")))
            })
            .unwrap_or_else(|| panic!("event type `{ty}` is not in the events table"));
        for field in object.keys().filter(|k| *k != "type") {
            assert!(
                row.contains(&format!("`{field}`")),
                "field `{field}` of `{ty}` is not documented: {row}"
            );
        }
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let env = env_with(&[fixtures::with_events(10_000)]);
    // A plain std Command: the harness's waits for the whole output, this test must not.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_simcancel"))
        .args(["export", "k7m2q9x4"])
        .env_clear()
        .env("SIMCANCEL_DATA_DIR", env.data_dir())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close our end of the pipe without reading: the export hits a broken pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
