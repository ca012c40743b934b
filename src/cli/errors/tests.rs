use clap::{Arg, ArgAction, Command, CommandFactory};

use super::*;
use crate::cli::Cli;
use crate::cli::help::localize;

/// A command that can fail in the ways simcancel's own cannot (counts of values, `=`, a
/// required subcommand, two options that exclude each other).
fn toy() -> Command {
    Command::new("toy")
        .arg(Arg::new("pair").long("pair").num_args(2))
        .arg(Arg::new("many").long("many").num_args(2..))
        .arg(Arg::new("eq").long("eq").require_equals(true))
        .arg(
            Arg::new("a")
                .long("a")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["b", "c"]),
        )
        .arg(Arg::new("b").long("b").action(ArgAction::SetTrue))
        .arg(Arg::new("c").long("c").action(ArgAction::SetTrue))
        .subcommand(
            Command::new("group")
                .subcommand_required(true)
                .subcommand(Command::new("inner")),
        )
}

/// The error `args` give `cmd`, in Chinese, without colours.
fn chinese(cmd: Command, args: &[&str]) -> (ErrorKind, String) {
    let err = cmd.try_get_matches_from(args).expect_err("an error");
    (err.kind(), err.apply::<Chinese>().to_string())
}

/// What must never show in the Chinese rendering: clap's English words.
const ENGLISH: [&str; 8] = [
    "error:",
    "tip:",
    "Usage:",
    "For more information",
    "possible values",
    "exists",
    "required",
    "argument",
];

fn assert_chinese(kind: ErrorKind, text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "{kind:?} says {word:?}:\n{text}");
    }
    assert!(text.starts_with("错误："), "{text}");
    assert!(text.ends_with("更多信息请运行 '--help'。\n"), "{text}");
}

#[test]
fn the_kinds_simcancel_cannot_reach_are_worded_too() {
    let cases: [(&[&str], ErrorKind, &str); 5] = [
        (
            &["toy", "--pair", "x"],
            ErrorKind::WrongNumberOfValues,
            "错误：'--pair <pair> <pair>' 需要 2 个值，却给出了 1 个",
        ),
        (
            &["toy", "--many", "x"],
            ErrorKind::TooFewValues,
            "错误：'--many <many> <many>...' 至少需要 2 个值，只给出了 1 个",
        ),
        (
            &["toy", "--eq", "x"],
            ErrorKind::NoEquals,
            "错误：给 '--eq=<eq>' 赋值时需要写等号，如 '--eq=<eq>=值'",
        ),
        (
            &["toy", "--a", "--b", "--c"],
            ErrorKind::ArgumentConflict,
            "错误：参数 '--a' 不能与以下参数一起使用：\n  --b\n  --c",
        ),
        (
            &["toy", "group"],
            ErrorKind::MissingSubcommand,
            "错误：'toy group' 需要一个命令，但没有给出\n  ［可用命令：inner, help］",
        ),
    ];
    for (args, kind, first) in cases {
        let (got, text) = chinese(toy(), args);
        assert_eq!(got, kind, "{args:?}");
        assert!(text.starts_with(first), "{args:?}:\n{text}");
        assert_chinese(kind, &text);
    }
}

#[test]
fn each_of_clap_free_text_suggestions_is_translated() {
    let cmd = || localize(Cli::command(), Lang::ZhCn);
    let cases: [(&[&str], &str); 3] = [
        (
            &["simcancel", "show", "-x"],
            "提示：要把 '-x' 作为值传入，请写 '-- -x'",
        ),
        (
            &["simcancel", "--", "list"],
            "提示：命令 'list' 存在；要使用它，请去掉它前面的 '--'",
        ),
        (&["simcancel", "--jsn", "list"], "提示：存在 'list --json'"),
    ];
    for (args, tip) in cases {
        let (kind, text) = chinese(cmd(), args);
        assert!(text.contains(tip), "{args:?}:\n{text}");
        assert_chinese(kind, &text);
    }
}

#[test]
fn a_suggestion_clap_words_differently_is_kept_rather_than_lost() {
    assert_eq!(suggestion("something new", &ZH_CN), "something new");
}
