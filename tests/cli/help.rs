//! `--help` of every command, whole, in English and in Chinese: the possible values of
//! `--lang`, `--kind` and `--format` come from the domain's vocabularies, and the Chinese
//! help rewrites every text and heading.

use crate::harness::Env;

/// The commands, as `--help` lists them.
const COMMANDS: [&str; 11] = [
    "list",
    "show",
    "guide",
    "resume",
    "sessions",
    "export",
    "letter",
    "validate",
    "new",
    "report",
    "completions",
];

/// `simcancel --help` then each command's, separated by their command lines.
fn all_help(env: &Env, lang: &str) -> String {
    let mut out = String::new();
    let top = env.run(&["--lang", lang, "--help"]).success();
    out.push_str(&format!(
        "$ simcancel --lang {lang} --help\n{}\n",
        top.stdout
    ));
    for command in COMMANDS {
        let run = env.run(&["--lang", lang, command, "--help"]).success();
        out.push_str(&format!(
            "$ simcancel --lang {lang} {command} --help\n{}\n",
            run.stdout
        ));
    }
    env.scrub(&out)
}

#[test]
fn english_help() {
    insta::assert_snapshot!(all_help(&Env::new(), "en"));
}

#[test]
fn chinese_help() {
    insta::assert_snapshot!(all_help(&Env::new(), "zh-CN"));
}
