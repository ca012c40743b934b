//! clap's own errors, whole, in English (clap's words, as before) and in Chinese, each with
//! exit code 2 and nothing on standard output.

use crate::harness::Env;

/// Each kind of error the command line can give: the arguments, then the whole standard
/// error in English and in Chinese. (clap puts `--data-dir <DIR>` in a usage line when
/// SIMCANCEL_DATA_DIR sets it, as the harness does.)
const CASES: [(&[&str], &str, &str); 15] = [
    (
        &["frob"],
        r"error: unrecognized subcommand 'frob'

Usage: simcancel [OPTIONS] <COMMAND>

For more information, try '--help'.
",
        r"错误：无法识别的命令 'frob'

用法: simcancel [OPTIONS] <COMMAND>

更多信息请运行 '--help'。
",
    ),
    (
        &["lst"],
        r"error: unrecognized subcommand 'lst'

  tip: a similar subcommand exists: 'list'

Usage: simcancel [OPTIONS] <COMMAND>

For more information, try '--help'.
",
        r"错误：无法识别的命令 'lst'

  提示：有一个相似的命令：'list'

用法: simcancel [OPTIONS] <COMMAND>

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--bogus"],
        r"error: unexpected argument '--bogus' found

Usage: simcancel list [OPTIONS]

For more information, try '--help'.
",
        r"错误：意外的参数 '--bogus'

用法: simcancel list [OPTIONS]

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--jsn"],
        r"error: unexpected argument '--jsn' found

  tip: a similar argument exists: '--json'

Usage: simcancel list --json

For more information, try '--help'.
",
        r"错误：意外的参数 '--jsn'

  提示：有一个相似的参数：'--json'

用法: simcancel list --json

更多信息请运行 '--help'。
",
    ),
    (
        &["show", "-x"],
        r"error: unexpected argument '-x' found

  tip: to pass '-x' as a value, use '-- -x'

Usage: simcancel show [OPTIONS] <CHECKLIST>

For more information, try '--help'.
",
        r"错误：意外的参数 '-x'

  提示：要把 '-x' 作为值传入，请写 '-- -x'

用法: simcancel show [OPTIONS] <CHECKLIST>

更多信息请运行 '--help'。
",
    ),
    (
        &["--", "list"],
        r"error: unexpected argument 'list' found

  tip: subcommand 'list' exists; to use it, remove the '--' before it

Usage: simcancel [OPTIONS] <COMMAND>

For more information, try '--help'.
",
        r"错误：意外的参数 'list'

  提示：命令 'list' 存在；要使用它，请去掉它前面的 '--'

用法: simcancel [OPTIONS] <COMMAND>

更多信息请运行 '--help'。
",
    ),
    (
        &["--jsn", "list"],
        r"error: unexpected argument '--jsn' found

  tip: 'list --json' exists

Usage: simcancel [OPTIONS] <COMMAND>

For more information, try '--help'.
",
        r"错误：意外的参数 '--jsn'

  提示：存在 'list --json'

用法: simcancel --lang <LANG> <COMMAND>

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--kind", "nope"],
        r"error: invalid value 'nope' for '--kind <KIND>'
  [possible values: prepaid, postpaid, esim, travel]

For more information, try '--help'.
",
        r"错误：'--kind <KIND>' 的值 'nope' 无效
  ［可选值：prepaid, postpaid, esim, travel］

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--kind"],
        r"error: a value is required for '--kind <KIND>' but none was supplied
  [possible values: prepaid, postpaid, esim, travel]

For more information, try '--help'.
",
        r"错误：'--kind <KIND>' 需要一个值，但没有给出
  ［可选值：prepaid, postpaid, esim, travel］

更多信息请运行 '--help'。
",
    ),
    (
        &["completions", "zsj"],
        r"error: invalid value 'zsj' for '<SHELL>'
  [possible values: bash, elvish, fish, powershell, zsh]

  tip: a similar value exists: 'zsh'

For more information, try '--help'.
",
        r"错误：'<SHELL>' 的值 'zsj' 无效
  ［可选值：bash, elvish, fish, powershell, zsh］

  提示：有一个相似的值：'zsh'

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--country", "12"],
        r"error: invalid value '12' for '--country <CC>': use a two-letter country code such as FR, or INT

For more information, try '--help'.
",
        r"错误：'--country <CC>' 的值 '12' 无效：请使用两个字母的国家代码（如 FR），或 INT

更多信息请运行 '--help'。
",
    ),
    (
        &["show"],
        r"error: the following required arguments were not provided:
  <CHECKLIST>

Usage: simcancel show --data-dir <DIR> <CHECKLIST>

For more information, try '--help'.
",
        r"错误：缺少以下必需的参数：
  <CHECKLIST>

用法: simcancel show --data-dir <DIR> <CHECKLIST>

更多信息请运行 '--help'。
",
    ),
    (
        &["export", "k7m2", "--force"],
        r"error: the following required arguments were not provided:
  --output <FILE>

Usage: simcancel export --output <FILE> --force --data-dir <DIR> <SESSION>

For more information, try '--help'.
",
        r"错误：缺少以下必需的参数：
  --output <FILE>

用法: simcancel export --output <FILE> --force --data-dir <DIR> <SESSION>

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--json=3"],
        r"error: unexpected value '3' for '--json' found; no more were expected

Usage: simcancel list --json

For more information, try '--help'.
",
        r"错误：'--json' 收到了多余的值 '3'

用法: simcancel list --json

更多信息请运行 '--help'。
",
    ),
    (
        &["list", "--json", "--json"],
        r"error: the argument '--json' cannot be used multiple times

Usage: simcancel list [OPTIONS]

For more information, try '--help'.
",
        r"错误：参数 '--json' 只能使用一次

用法: simcancel list [OPTIONS]

更多信息请运行 '--help'。
",
    ),
];

/// Standard error of a run that must end with a usage error (code 2, no output).
#[track_caller]
fn usage_error(env: &Env, args: &[&str]) -> String {
    let run = env.run(args).code(2).stderr_any();
    assert_eq!(run.stdout, "", "{args:?}");
    run.stderr.clone()
}

#[test]
fn each_kind_of_usage_error_in_english_is_clap_own() {
    let env = Env::new();
    for (args, english, _) in CASES {
        assert_eq!(usage_error(&env, args), english, "{args:?}");
    }
}

#[test]
fn each_kind_of_usage_error_in_chinese() {
    let env = Env::new();
    for (args, _, chinese) in CASES {
        let with_flag: Vec<&str> = ["--lang", "zh-CN"].iter().chain(args).copied().collect();
        assert_eq!(usage_error(&env, &with_flag), chinese, "{args:?}");
    }
}

#[test]
fn the_language_of_usage_errors_also_comes_from_the_locale() {
    let mut env = Env::new();
    env.env("LANG", "zh_CN.UTF-8");
    let (args, _, chinese) = CASES[1];
    assert_eq!(usage_error(&env, args), chinese);
    // A bad --lang cannot choose the language of its own error: the locale's is used.
    assert_eq!(
        usage_error(&env, &["--lang", "xx", "list"]),
        "错误：'--lang <LANG>' 的值 'xx' 无效\n  ［可选值：en, zh-CN］\n\n更多信息请运行 '--help'。\n"
    );
    env.env("LANG", "C");
    assert_eq!(
        usage_error(&env, &["--lang", "xx", "list"]),
        "error: invalid value 'xx' for '--lang <LANG>'\n  [possible values: en, zh-CN]\n\nFor more information, try '--help'.\n"
    );
}

// Windows arguments are UTF-16: bytes that are not UTF-8 cannot be passed as they are here.
#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_in_both_languages() {
    use std::os::unix::ffi::OsStrExt;

    let env = Env::new();
    for (lang, expected) in [
        (
            "en",
            "error: invalid UTF-8 was detected in one or more arguments\n\nUsage: simcancel show [OPTIONS] <CHECKLIST>\n\nFor more information, try '--help'.\n",
        ),
        (
            "zh-CN",
            "错误：参数中有无效的 UTF-8 文本\n\n用法: simcancel show [OPTIONS] <CHECKLIST>\n\n更多信息请运行 '--help'。\n",
        ),
    ] {
        let out = env
            .std_command(&["--lang", lang, "show"])
            .arg(std::ffi::OsStr::from_bytes(b"\xff"))
            .output()
            .expect("run simcancel");
        assert_eq!(out.status.code(), Some(2), "{lang}");
        assert!(out.stdout.is_empty(), "{lang}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected, "{lang}");
    }
}
