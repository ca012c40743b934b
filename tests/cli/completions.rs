//! `simcancel completions`.

use crate::harness::Env;

#[test]
fn completions_name_every_command_for_each_shell() {
    let env = Env::new();
    let bash = env.run(&["completions", "bash"]).success().stderr_empty();
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
