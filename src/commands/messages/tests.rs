//! The messages of checklist problems, with their places: each test parses a small
//! checklist and reads what `validate` would print.

use std::path::Path;

use super::*;
use crate::checklist::{QuestionKind, parse_str};
use crate::i18n::Lang;

/// A small valid checklist; tests replace parts of it.
const BASE: &str = r#"schema = 1
id = "demo"
name = { en = "Demo", zh-CN = "演示" }
provider = "Demo"
country = "FR"
kinds = ["prepaid"]
difficulty = "easy"
verified = 2026-11-25
sources = ["https://example.org/"]

[links]
home = "https://example.org/"

[[questions]]
id = "keep"
kind = "yes-no"
text = { en = "Keep?", zh-CN = "保留？" }

[[questions]]
id = "os"
kind = "choice"
text = "Which phone?"
choices = ["ios", { id = "android", label = { en = "Android", zh-CN = "安卓" } }]
at = "submit"

[[steps]]
id = "login"
phase = "login"
title = "Log in"
body = "Log in."
links = ["home"]

[[steps]]
id = "find"
phase = "find-option"
title = "Find"
body = "Find it."
when = { keep = false }

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

  [[steps.inputs]]
  id = "reference"
  label = "Reference"
  pattern = '[A-Z0-9]+'

[[steps]]
id = "wait"
phase = "wait"
title = "Wait"
body = "Wait."
wait = "5d"
when = { os = ["ios", "android"] }
"#;

fn path() -> &'static Path {
    Path::new("demo.toml")
}

/// The rendered problems of `src`, one per line, in English.
fn problems(src: &str) -> Vec<String> {
    let en = Lang::En.strings();
    match parse_str(src, path()) {
        Ok((_, warnings)) => warnings.iter().map(|d| diagnostic(d, en)).collect(),
        Err(diags) => diags.iter().map(|d| diagnostic(d, en)).collect(),
    }
}

/// `BASE` with `from` replaced by `to` (which must occur).
fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from:?} not in BASE");
    BASE.replacen(from, to, 1)
}

#[test]
fn the_base_fixture_is_valid_and_complete() {
    let (c, warnings) = parse_str(BASE, path()).expect("valid");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.id, "demo");
    assert_eq!(c.name.get("zh-CN"), "演示");
    assert_eq!(c.steps.len(), 5);
    assert_eq!(c.steps[4].wait.unwrap().hours, 120);
    assert_eq!(c.steps[4].when[0].any_of.len(), 2);
    let QuestionKind::Choice(ch) = &c.questions[1].kind else {
        panic!("choice")
    };
    assert_eq!(ch[0].label.get("en"), "ios");
    assert_eq!(ch[1].label.get("zh-CN"), "安卓");
    assert_eq!(c.link("home"), Some("https://example.org/"));
}

#[test]
fn syntax_errors_point_at_the_place() {
    let p = problems(&with("provider = \"Demo\"", "provider = \"Demo"));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0] == "demo.toml:4:17: error: TOML syntax: invalid basic string, expected `\"`",
        "{p:?}"
    );
}

#[test]
fn unknown_keys_are_reported_everywhere_in_one_run() {
    let src = with(
        "provider = \"Demo\"",
        "provider = \"Demo\"\ncolour = \"red\"",
    )
    .replace("title = \"Confirm\"", "title = \"Confirm\"\nbodyy = \"x\"");
    let p = problems(&src);
    assert_eq!(
        p,
        [
            "demo.toml:5:1: error: unknown key `colour` in top level; expected one of: schema, id, name, provider, network, aliases, country, kinds, difficulty, flags, verified, sources, summary, description, cite, letter, links, contacts, questions, steps",
            "demo.toml:45:1: error: unknown key `bodyy` in steps[2]; expected one of: id, phase, title, body, links, when, inputs, wait, cite",
        ]
    );
}

#[test]
fn missing_required_keys() {
    let p = problems(&with("provider = \"Demo\"\n", ""));
    assert_eq!(
        p,
        ["demo.toml:1:1: error: missing key `provider` in top level"]
    );
    let p = problems(&with("title = \"Find\"\n", ""));
    assert_eq!(p.len(), 1);
    assert!(
        p[0].contains("error: missing key `title` in steps[1]"),
        "{p:?}"
    );
}

#[test]
fn unknown_phase_kind_difficulty_and_flag() {
    let src = with("phase = \"confirm\"", "phase = \"confirmation\"")
        .replace(
            "kinds = [\"prepaid\"]",
            "kinds = [\"prepaid\", \"satellite\"]",
        )
        .replace(
            "difficulty = \"easy\"",
            "difficulty = \"trivial\"\nflags = [\"free\"]",
        );
    let p = problems(&src);
    assert_eq!(
        p,
        [
            "demo.toml:6:21: error: unknown kinds `satellite`; use one of: prepaid, postpaid, esim, travel",
            "demo.toml:7:14: error: unknown difficulty `trivial`; use one of: easy, medium, hard, limited, impossible",
            "demo.toml:8:10: error: unknown flags `free`; use one of: fee, needs-call, needs-letter, needs-id, in-app-only, retention-offer, irreversible",
            "demo.toml:43:9: error: unknown phase `confirmation`; use one of: prepare, login, find-option, confirm, submit, wait, after",
        ]
    );
}

#[test]
fn duplicate_step_question_and_input_ids() {
    let src = with("id = \"confirm\"", "id = \"find\"")
        .replace("id = \"os\"", "id = \"keep\"")
        .replace(
            "  pattern = '[A-Z0-9]+'",
            "  pattern = '[A-Z0-9]+'\n\n  [[steps.inputs]]\n  id = \"reference\"\n  label = \"Again\"",
        );
    let p = problems(&src);
    assert!(
        p.contains(
            &"demo.toml:20:6: error: duplicate question id `keep` (first defined on line 15)"
                .to_string()
        ),
        "{p:?}"
    );
    assert!(
        p.contains(
            &"demo.toml:41:6: error: duplicate step id `find` (first defined on line 34)"
                .to_string()
        ),
        "{p:?}"
    );
    assert!(
        p.iter().any(|l| l.contains(
            "demo.toml:58:8: error: duplicate input id `reference` (first defined on line 53)"
        )),
        "{p:?}"
    );
}

#[test]
fn ids_must_be_well_formed_and_match_the_file_name() {
    let p = problems(&with("id = \"demo\"", "id = \"Demo_1\""));
    assert_eq!(
        p,
        [
            "demo.toml:2:6: error: `Demo_1` is not a valid id: use only [a-z0-9-]+ (at most 64 characters)"
        ]
    );
    let p = problems(&with("id = \"demo\"", "id = \"other\""));
    assert_eq!(
        p,
        [
            "demo.toml:2:6: error: id `other` does not match the file name `demo.toml`; rename the file to `other.toml` or change the id"
        ]
    );
}

#[test]
fn when_must_name_a_known_question_and_a_possible_answer() {
    let p = problems(&with("when = { keep = false }", "when = { kept = false }"));
    assert_eq!(
        p,
        [
            "demo.toml:38:10: error: `when` names the question `kept`, which is not defined in [[questions]]"
        ]
    );
    let p = problems(&with(
        "when = { keep = false }",
        "when = { keep = \"maybe\" }",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:38:17: error: question `keep` can never answer \"maybe\"; its answers are: true, false"
        ]
    );
    let p = problems(&with(
        "when = { os = [\"ios\", \"android\"] }",
        "when = { os = [\"ios\", \"windows\"] }",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:63:23: error: question `os` can never answer \"windows\"; its answers are: \"ios\", \"android\""
        ]
    );
}

#[test]
fn a_question_asked_after_the_step_that_needs_it() {
    let p = problems(&with("when = { keep = false }", "when = { os = \"ios\" }"));
    assert_eq!(
        p,
        [
            "demo.toml:38:10: error: this step needs question `os`, which is asked only later, at step `submit`; move the step after `submit` or ask the question earlier"
        ]
    );
    let p = problems(&with("at = \"submit\"", "at = \"nowhere\""));
    assert_eq!(
        p,
        ["demo.toml:24:6: error: `at` names the step `nowhere`, which does not exist"]
    );
}

#[test]
fn undefined_links_and_non_https_urls() {
    let p = problems(&with("links = [\"home\"]", "links = [\"home\", \"help\"]"));
    assert_eq!(
        p,
        [
            "demo.toml:31:18: error: link `help` is not defined in [links]; add it there or fix the name"
        ]
    );
    let p = problems(&with(
        "home = \"https://example.org/\"",
        "home = \"http://example.org/\"",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:12:8: error: `http://example.org/` is not an https:// URL; only https links are allowed"
        ]
    );
    let p = problems(&with(
        "sources = [\"https://example.org/\"]",
        "sources = [\"ftp://example.org/\"]",
    ));
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("demo.toml:9:12: error: `ftp://example.org/` is not an https:// URL"));
}

#[test]
fn bad_durations_and_patterns() {
    let p = problems(&with("wait = \"5d\"", "wait = \"5 days\""));
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("demo.toml:62:8: error: bad wait duration: `5 days` has an unknown unit"),
        "{p:?}"
    );
    let p = problems(&with("pattern = '[A-Z0-9]+'", "pattern = '[A-Z0-9+'"));
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("demo.toml:55:13: error: `pattern` is not a valid regular expression: unclosed character class"),
        "{p:?}"
    );
}

#[test]
fn a_text_needs_english_or_chinese() {
    let p = problems(&with(
        "name = { en = \"Demo\", zh-CN = \"演示\" }",
        "name = { fr = \"Démo\" }",
    ));
    assert_eq!(
        p,
        ["demo.toml:3:8: error: `name` has neither an `en` nor a `zh-CN` text; add at least one"]
    );
}

#[test]
fn a_missing_core_phase_is_a_warning_not_an_error() {
    let src = with("phase = \"confirm\"", "phase = \"prepare\"");
    let (_, warnings) = parse_str(&src, path()).expect("loads despite the warning");
    let p: Vec<String> = warnings
        .iter()
        .map(|d| diagnostic(d, Lang::En.strings()))
        .collect();
    assert_eq!(
        p,
        [
            "demo.toml:26:1: warning: no step in the core phase `confirm`; every checklist should cover login, find-option, confirm, submit and wait"
        ]
    );
}

#[test]
fn inputs_may_not_ask_for_secrets() {
    for (id, label) in [
        ("password", "Your password"),
        ("sim_pin", "SIM"),
        ("code", "Card code"),
        ("mdp", "Mot de passe"),
        ("x", "{ en = \"Code\", zh-CN = \"服务密码\" }"),
    ] {
        let label = if label.starts_with('{') {
            label.to_string()
        } else {
            format!("\"{label}\"")
        };
        let src = with(
            "  id = \"reference\"\n  label = \"Reference\"",
            &format!("  id = \"{id}\"\n  label = {label}"),
        );
        let p = problems(&src);
        assert_eq!(
            p,
            [format!(
                "demo.toml:53:8: error: input `{id}` asks for a password, PIN or card code; simcancel must never ask for or store secrets — remove it"
            )],
            "{id}"
        );
    }
    // Words that merely contain the letters are fine.
    let ok = with(
        "label = \"Reference\"",
        "label = \"Pinned spinner reference\"",
    );
    assert!(problems(&ok).is_empty());
}

#[test]
fn unsupported_schema_and_wrong_types() {
    let p = problems(&with("schema = 1", "schema = 3"));
    assert_eq!(
        p,
        [
            "demo.toml:1:10: error: schema 3 is not supported: this simcancel reads schemas 1 and 2 (a newer file needs a newer simcancel)"
        ]
    );
    let p = problems(&with("verified = 2026-11-25", "verified = \"2026-11-25\""));
    assert_eq!(
        p,
        ["demo.toml:8:12: error: `verified` must be a date like 2026-11-25 (without quotes)"]
    );
}

#[test]
fn an_empty_file_is_one_clear_error() {
    let p = problems("  \n");
    assert_eq!(
        p,
        [
            "demo.toml:1:1: error: the file is empty; a checklist needs at least schema, id, name and steps (see docs/checklist-format.md)"
        ]
    );
}

#[test]
fn messages_are_translated() {
    let diags = parse_str(&with("id = \"demo\"", "id = \"other\""), path()).unwrap_err();
    assert_eq!(
        diagnostic(&diags[0], Lang::ZhCn.strings()),
        "demo.toml:2:6: 错误: 编号 `other` 与文件名 `demo.toml` 不一致；请把文件改名为 `other.toml`，或修改编号"
    );
}

#[test]
fn template_problems_and_letter_errors_are_translated() {
    let unknown = Problem::UnknownPlaceholder {
        name: "birth_date".into(),
    };
    let en = problem(&unknown, Lang::En.strings());
    assert!(
        en.starts_with("unknown placeholder `{{birth_date}}`; known ones are holder_name"),
        "{en}"
    );
    let zh = problem(&unknown, Lang::ZhCn.strings());
    assert!(zh.starts_with("未知的占位符 `{{birth_date}}`"), "{zh}");
    assert_eq!(
        problem(&Problem::UnclosedPlaceholder, Lang::En.strings()),
        "`{{` is not closed by `}}` on the same line"
    );

    let bad = || letter::Error::BadTemplate {
        origin: "/x/letters/demo.letter.fr.txt".into(),
        problem: letter::TemplateProblem {
            line: 1,
            col: 9,
            problem: Problem::UnknownPlaceholder {
                name: "numero".into(),
            },
        },
    };
    let en = bad().localize(Lang::En.strings()).to_string();
    assert!(
        en.contains("demo.letter.fr.txt:1:9: unknown placeholder `{{numero}}`"),
        "{en}"
    );
    let zh = bad().localize(Lang::ZhCn.strings()).to_string();
    assert!(
        zh.contains("demo.letter.fr.txt:1:9：未知的占位符") && zh.contains("请修改该模板"),
        "{zh}"
    );
    for (lang, reason) in [
        (Lang::En, "cannot read the letter template"),
        (Lang::ZhCn, "无法读取信件模板"),
    ] {
        let err = letter::Error::UnreadableTemplate {
            path: "/x/letters/folder.letter.fr.txt".into(),
            reason: ReadError::IsFolder,
        };
        let msg = err.localize(lang.strings()).to_string();
        assert!(
            msg.contains(reason) && msg.contains("folder.letter.fr.txt"),
            "{msg}"
        );
    }
    let err = letter::Error::BadTemplateName {
        session: "k7m2".into(),
        name: "../escape".into(),
    };
    let msg = err.localize(Lang::En.strings()).to_string();
    assert!(
        msg.contains("names the letter template `../escape`, which is not a template name"),
        "{msg}"
    );
    let err = letter::Error::NoTemplate {
        file: "nowhere.email.fr.txt".into(),
        kind: letter::Kind::Email,
        searched: vec!["bundled".into()],
    };
    let msg = err.localize(Lang::En.strings()).to_string();
    assert!(msg.contains("nowhere.email.fr.txt"), "{msg}");
}
