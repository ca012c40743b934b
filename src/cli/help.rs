//! `--help` in the person's language. English is what the doc comments of `cli/mod.rs`
//! say; for Chinese, every text, heading and built-in flag of the clap command is rewritten
//! from the table below. The help is drawn before the options are parsed, so its language
//! is read from the raw arguments ([`help_lang`]).

use crate::i18n::{Lang, fill};

/// The `--help` of a language other than English.
struct Help {
    /// Heading before the usage line.
    usage: &'static str,
    /// Heading of the subcommands.
    commands: &'static str,
    /// Heading of the positional arguments.
    arguments: &'static str,
    /// Heading of the options.
    options: &'static str,
    /// Help of `--help`.
    help_flag: &'static str,
    /// Help of `--version`.
    version_flag: &'static str,
    /// An argument's text followed by its possible values; `{text}`, `{values}`.
    values: &'static str,
    /// Texts by place: `""` is the program's about, `"list"` a command's, `"list.country"`
    /// an argument's (global ones under `""`: `".lang"`).
    texts: &'static [(&'static str, &'static str)],
}

/// The Simplified Chinese help.
static ZH_CN: Help = Help {
    usage: "用法",
    commands: "命令",
    arguments: "参数",
    options: "选项",
    help_flag: "显示帮助",
    version_flag: "显示版本",
    values: "{text}［可选值：{values}］",
    texts: &[
        (
            "",
            "一步步引导您注销手机号、SIM 卡、eSIM 或出国流量卡，并保留带日期的记录",
        ),
        (
            ".lang",
            "界面语言［默认：取自 LC_ALL、LC_MESSAGES 或 LANG，否则为 en］",
        ),
        (
            ".checklists",
            "同时从此文件夹加载清单（可重复；后面的按编号覆盖前面的）",
        ),
        (
            ".data_dir",
            "会话保存位置［默认：系统的数据文件夹，如 ~/.local/share/simcancel］",
        ),
        (
            ".plain",
            "使用编号的逐行提示，而不是交互界面（标准输入或输出不是终端时自动启用）",
        ),
        ("list", "列出可以使用的清单及其来源"),
        ("list.country", "只显示该国家的清单（ISO 代码，如 FR）"),
        ("list.kind", "只显示该类型的清单"),
        ("list.json", "输出 JSON 而不是表格"),
        ("show", "查看一份清单，不开始会话"),
        ("show.checklist", "清单编号（见 `simcancel list`）"),
        ("show.json", "以 JSON 输出清单"),
        ("guide", "按清单开始一次引导会话（不指定时从列表中选择）"),
        (
            "guide.checklist",
            "清单编号（见 `simcancel list`）；不指定时从目录中选择",
        ),
        (
            "guide.answers",
            "提前回答问题，例如 `--answer keep_number=no`（可重复）；未知的问题或不可能的答案以代码 2 退出并列出有效值",
        ),
        (
            "resume",
            "从中断处继续会话（不指定时继续最近一次未完成的会话）",
        ),
        (
            "resume.session",
            "会话编号或其唯一前缀（见 `simcancel sessions`）；不指定时为最近一次未完成的会话，有多个时从列表中选择",
        ),
        (
            "resume.answers",
            "回答（或修改）问题，例如 `--answer esim=yes`（可重复）",
        ),
        ("sessions", "列出会话及其进度、状态和下一个截止日期"),
        ("sessions.all", "同时显示已完成和已放弃的会话"),
        ("sessions.json", "输出 JSON 而不是表格"),
        (
            "export",
            "导出会话记录（Markdown、JSON、HTML、纯文本或日历提醒）",
        ),
        (
            "export.session",
            "会话编号或其唯一前缀（见 `simcancel sessions`）",
        ),
        (
            "export.format",
            "输出格式［默认：取自 -o 文件的扩展名，否则为 md］",
        ),
        (
            "export.output",
            "写入此文件（私密，权限 0600），而不是标准输出",
        ),
        ("export.force", "-o 文件已存在时覆盖它"),
        (
            "export.redact",
            "遮盖个人信息、备注和跳过原因（保留最后 2 个字符），便于分享记录",
        ),
        (
            "export.require_complete",
            "会话未完成时报错（退出代码 1），而不是导出标记为“未完成”的记录",
        ),
        ("letter", "生成填好的注销信、退款申请或电子邮件，附带译文"),
        (
            "letter.session",
            "会话编号或其唯一前缀（见 `simcancel sessions`）",
        ),
        (
            "letter.kind",
            "信件本身（寄给法国运营商的挂号信（附回执），或发给商家的申请），或电子邮件（清单有邮箱时）",
        ),
        (
            "letter.output",
            "写入此文件（私密，权限 0600），而不是标准输出",
        ),
        ("letter.force", "-o 文件已存在时覆盖它"),
        ("validate", "检查清单文件，以 路径:行:列 报告每个问题"),
        ("validate.paths", "清单文件或包含清单的文件夹"),
        ("new", "写出一份有效、带注释的清单骨架，作为新清单的起点"),
        ("new.id", "新清单的编号（[a-z0-9-]+），也是它的文件名"),
        (
            "new.output",
            "写入此文件（须名为 <ID>.toml），而不是您的清单文件夹；已存在的文件绝不会被覆盖",
        ),
        (
            "validate.strict",
            "供维护者使用：按内置清单的规则检查（没有注明来源的事实算作错误），并拒绝核实日期超过 180 天的清单",
        ),
        (
            "report",
            "为清单维护者生成会话反馈：可粘贴到 issue 的 Markdown，不含您记录的值",
        ),
        (
            "report.session",
            "会话编号或其唯一前缀（见 `simcancel sessions`）",
        ),
        (
            "report.with_text",
            "同时包含您写的跳过原因和备注，其中的数字、电子邮件地址、链接和记录的值会被遮盖（粘贴前请通读）",
        ),
        ("completions", "输出 shell 自动补全脚本"),
        ("completions.shell", "要生成补全脚本的 shell"),
    ],
};

/// The language `--help` is shown in: `--lang X` or `--lang=X` on the command line, else the
/// environment's.
pub fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let given = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.to_str().map(String::from),
            Some(rest) => rest.strip_prefix('=').map(String::from),
            None => None,
        }
    });
    given
        .and_then(|v| Lang::from_tag(&v))
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()))
}

/// The widest help clap draws (`max_term_width` of the command line).
const MAX_WIDTH: usize = 100;

/// Where clap puts a help text when it goes under its option: this many columns in.
const NEXT_LINE_INDENT: usize = 10;

/// Rewrites the clap command's help texts and headings into `lang`. English is what the doc
/// comments say, so it is returned unchanged.
pub fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    localize_at(cmd, lang, terminal_width())
}

/// [`localize`] for a terminal `width` columns wide.
///
/// clap wraps help only at spaces and counts a character as one column, so a Chinese text
/// (no spaces, two columns a character) runs past the edge. The Chinese help is wrapped here
/// instead, by display width, where Chinese allows a break, and every text goes on its own
/// lines under its option or command so the room it has is known.
pub fn localize_at(cmd: clap::Command, lang: Lang, width: usize) -> clap::Command {
    match lang {
        Lang::En => cmd,
        Lang::ZhCn => {
            let width = width.clamp(NEXT_LINE_INDENT + 20, MAX_WIDTH);
            localize_command(cmd.term_width(width), "", &ZH_CN, width)
        }
    }
}

/// The terminal's width as clap reads it: the terminal's, else `COLUMNS`, else the widest.
fn terminal_width() -> usize {
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(MAX_WIDTH)
}

/// `text` wrapped to `width` display columns.
fn wrapped(text: &str, width: usize) -> String {
    textwrap::wrap(text, width).join("\n")
}

fn localize_command(
    mut cmd: clap::Command,
    path: &str,
    help: &Help,
    width: usize,
) -> clap::Command {
    let text = |key: String| help.texts.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let under = width - NEXT_LINE_INDENT;
    cmd = cmd.next_line_help(true);
    if let Some(about) = text(path.to_string()) {
        // The program's about stands alone at the top; a command's is also listed under
        // its name, indented, so it gets the narrower width.
        let room = if path.is_empty() { width } else { under };
        cmd = cmd.about(wrapped(about, room)).long_about(None);
    }
    let (usage, commands, arguments, options) =
        (help.usage, help.commands, help.arguments, help.options);
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(help.help_flag)
                .help_heading(options),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(help.version_flag)
                .help_heading(options),
        );
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let key = format!("{path}.{id}");
        let heading = if positional { arguments } else { options };
        let translated = text(key);
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(heading);
            let Some(t) = translated else { return a };
            // clap lists possible values under an English label: name them in the text.
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() || !a.get_action().takes_values() {
                return a.help(wrapped(t, under)).long_help(None);
            }
            let t = fill(help.values, &[("text", &t), ("values", &values.join(", "))]);
            a.help(wrapped(&t, under))
                .long_help(None)
                .hide_possible_values(true)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |sc| localize_command(sc, &name, help, width));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every place of the command line has a Chinese help text, and every text a place.
    #[test]
    fn chinese_help_covers_every_command_and_argument() {
        fn places(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            out.push(path.to_string());
            for a in cmd.get_arguments() {
                out.push(format!("{path}.{}", a.get_id()));
            }
            for sc in cmd.get_subcommands() {
                places(sc, sc.get_name(), out);
            }
        }
        let mut wanted = Vec::new();
        places(&Cli::command(), "", &mut wanted);
        let texts: Vec<&str> = ZH_CN.texts.iter().map(|(k, _)| *k).collect();
        let missing: Vec<&String> = wanted
            .iter()
            .filter(|w| !texts.contains(&w.as_str()))
            .collect();
        assert!(missing.is_empty(), "no Chinese help for {missing:?}");
        let stale: Vec<&&str> = texts
            .iter()
            .filter(|t| !wanted.iter().any(|w| w == *t))
            .collect();
        assert!(stale.is_empty(), "Chinese help for nothing: {stale:?}");
    }

    /// Issue 15: `［可选值：en,` then ` zh-CN］` at column 0 — CJK characters are two
    /// columns wide, and clap counted one.
    #[test]
    fn the_chinese_help_fits_the_terminal_by_display_width() {
        for width in [60, 80, 100] {
            let mut cmd = localize_at(Cli::command(), Lang::ZhCn, width);
            let mut pages = vec![cmd.render_long_help().to_string()];
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            for name in names {
                let sub = cmd.find_subcommand_mut(&name).expect("subcommand");
                pages.push(sub.render_long_help().to_string());
            }
            for page in pages {
                for line in page.lines() {
                    assert!(
                        textwrap::core::display_width(line) <= width,
                        "{width} columns: {line:?} is {} wide\n{page}",
                        textwrap::core::display_width(line)
                    );
                }
                assert!(!page.contains("\n zh-CN"), "{page}");
            }
        }
    }

    #[test]
    fn the_localized_commands_are_valid_clap_commands() {
        for lang in [Lang::En, Lang::ZhCn] {
            localize(Cli::command(), lang).debug_assert();
            let help = localize(Cli::command(), lang)
                .render_long_help()
                .to_string();
            let expected = if lang == Lang::En {
                "Usage:"
            } else {
                "用法:"
            };
            assert!(help.contains(expected), "{help}");
        }
        let mut cmd = localize(Cli::command(), Lang::ZhCn);
        let export = cmd
            .find_subcommand_mut("export")
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(export.contains("输出格式［默认：取自 -o 文件的扩展名，否则为 md］［可选值：md, json, html, txt, ics］"), "{export}");
        assert!(
            !export.contains("Possible values") && !export.contains("Options:"),
            "{export}"
        );
    }
}
