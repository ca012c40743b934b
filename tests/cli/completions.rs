//! `simcancel completions`.

use crate::harness::Env;

#[test]
fn completions_name_every_command_for_each_shell() {
    let env = Env::new();
    let bash = env.run(&["completions", "bash"]).success();
    assert!(bash.stdout.contains("complete -F _simcancel"), "{bash}");
    for cmd in ["list", "show", "validate", "completions"] {
        assert!(bash.stdout.contains(cmd), "bash completions lack {cmd}");
    }
    env.run(&["completions", "zsh"])
        .success()
        .stdout_has("#compdef simcancel");
    env.run(&["completions", "fish"])
        .success()
        .stdout_has("complete -c simcancel");
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    Env::new()
        .run(&["completions", "tcsh"])
        .code(2)
        .stderr_has("invalid value 'tcsh'");
}

#[test]
fn help_follows_the_language_of_the_flag_or_the_locale() {
    let mut env = Env::new();
    env.run(&["--lang", "zh-CN", "--help"])
        .success()
        .stdout_has("用法: simcancel [OPTIONS] <COMMAND>")
        .stdout_has("  guide\n          按清单开始一次引导会话");
    env.env("LANG", "zh_CN.UTF-8");
    env.run(&["export", "-h"])
        .success()
        .stdout_has("--redact")
        .stdout_has("遮盖个人信息、备注和跳过原因");
    env.run(&["--lang=en", "export", "-h"])
        .success()
        .stdout_has("Mask personal values, notes and skip reasons");
}
