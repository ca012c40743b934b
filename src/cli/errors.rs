//! clap's own errors (an unknown command or option, a missing argument, a bad value, …) in
//! the person's language, with clap's exit code 2. English is clap's own rendering, left
//! untouched; for Chinese, [`exit`] renders the error again from its kind and context with
//! the words below, laid out as clap lays out its own, and clap prints it (colours, stream
//! and exit code as for any clap error).

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

use super::{NotAChecklistId, NotACountryCode};
use crate::i18n::{Lang, fill};

/// The words of clap's errors in a language other than English.
struct Words {
    /// Before the message, in the error style.
    error: &'static str,
    /// Before a suggestion, in the valid style.
    tip: &'static str,
    /// What clap's usage line starts with, replaced by [`Words::usage`].
    usage: &'static str,
    /// The last line; `{help}` is the help flag.
    try_help: &'static str,
    /// `{command}`.
    unknown_command: &'static str,
    /// `{arg}`.
    unknown_argument: &'static str,
    /// `{arg}`, `{value}`.
    invalid_value: &'static str,
    /// `{arg}`.
    value_required: &'static str,
    /// `{values}`: the possible values.
    possible_values: &'static str,
    /// `{arg}`, `{value}`, `{reason}`.
    rejected_value: &'static str,
    /// Followed by one missing argument per line.
    missing_arguments: &'static str,
    /// `{arg}`.
    repeated: &'static str,
    /// `{arg}`, `{other}`.
    conflict: &'static str,
    /// `{arg}`, followed by one other argument per line.
    conflicts: &'static str,
    /// `{arg}`.
    conflict_unnamed: &'static str,
    /// `{command}`, `{other}`.
    command_conflict: &'static str,
    /// `{arg}`, `{value}`.
    too_many_values: &'static str,
    /// `{arg}`, `{min}`, `{actual}`.
    too_few_values: &'static str,
    /// `{arg}`, `{expected}`, `{actual}`.
    wrong_number_of_values: &'static str,
    /// `{arg}`.
    no_equals: &'static str,
    /// `{command}`.
    missing_command: &'static str,
    /// `{values}`: the commands.
    commands: &'static str,
    /// Arguments that are not UTF-8.
    invalid_utf8: &'static str,
    /// Any other error of the command line.
    other: &'static str,
    /// `{values}`: one similar command.
    similar_command: &'static str,
    /// `{values}`: several.
    similar_commands: &'static str,
    /// `{values}`: one similar option.
    similar_argument: &'static str,
    /// `{values}`: several.
    similar_arguments: &'static str,
    /// `{values}`: one similar value.
    similar_value: &'static str,
    /// `{values}`: several.
    similar_values: &'static str,
    /// `{arg}`, `{use}`.
    pass_as_value: &'static str,
    /// `{command}`.
    remove_dashes: &'static str,
    /// `{what}`: an option of a command, `list --json`.
    exists: &'static str,
    /// Why a `--country` value is refused.
    not_a_country_code: &'static str,
    /// Why a `new` id is refused.
    not_a_checklist_id: &'static str,
}

/// The Simplified Chinese words.
static ZH_CN: Words = Words {
    error: "错误：",
    tip: "提示：",
    usage: "用法:",
    try_help: "更多信息请运行 '{help}'。",
    unknown_command: "无法识别的命令 '{command}'",
    unknown_argument: "意外的参数 '{arg}'",
    invalid_value: "'{arg}' 的值 '{value}' 无效",
    value_required: "'{arg}' 需要一个值，但没有给出",
    possible_values: "［可选值：{values}］",
    rejected_value: "'{arg}' 的值 '{value}' 无效：{reason}",
    missing_arguments: "缺少以下必需的参数：",
    repeated: "参数 '{arg}' 只能使用一次",
    conflict: "参数 '{arg}' 不能与 '{other}' 一起使用",
    conflicts: "参数 '{arg}' 不能与以下参数一起使用：",
    conflict_unnamed: "参数 '{arg}' 不能与已给出的其他参数一起使用",
    command_conflict: "命令 '{command}' 不能与 '{other}' 一起使用",
    too_many_values: "'{arg}' 收到了多余的值 '{value}'",
    too_few_values: "'{arg}' 至少需要 {min} 个值，只给出了 {actual} 个",
    wrong_number_of_values: "'{arg}' 需要 {expected} 个值，却给出了 {actual} 个",
    no_equals: "给 '{arg}' 赋值时需要写等号，如 '{arg}=值'",
    missing_command: "'{command}' 需要一个命令，但没有给出",
    commands: "［可用命令：{values}］",
    invalid_utf8: "参数中有无效的 UTF-8 文本",
    other: "命令行有误",
    similar_command: "有一个相似的命令：{values}",
    similar_commands: "有几个相似的命令：{values}",
    similar_argument: "有一个相似的参数：{values}",
    similar_arguments: "有几个相似的参数：{values}",
    similar_value: "有一个相似的值：{values}",
    similar_values: "有几个相似的值：{values}",
    pass_as_value: "要把 '{arg}' 作为值传入，请写 '{use}'",
    remove_dashes: "命令 '{command}' 存在；要使用它，请去掉它前面的 '--'",
    exists: "存在 '{what}'",
    not_a_country_code: "请使用两个字母的国家代码（如 FR），或 INT",
    not_a_checklist_id: "请只用小写字母、数字和连字符（[a-z0-9-]+，最多 64 个字符），如 my-operator",
};

/// Prints a command-line error in `lang` and exits: code 2 for an error, 0 for `--help`
/// and `--version` (which clap reports as errors too, already in `lang`).
pub fn exit(err: clap::Error, lang: Lang) -> ! {
    match lang {
        Lang::En => err.exit(),
        Lang::ZhCn => err.apply::<Chinese>().exit(),
    }
}

/// clap's errors rendered with the Chinese words.
struct Chinese;

impl ErrorFormatter for Chinese {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        render(error, &ZH_CN)
    }
}

/// The error in `w`'s words: the message, the suggestions, the usage and where to find help,
/// in the order and styles clap uses.
fn render<F: ErrorFormatter>(error: &clap::error::Error<F>, w: &Words) -> StyledStr {
    let styles = clap::builder::Styles::default();
    let (bad, good, literal) = (styles.get_error(), styles.get_valid(), styles.get_literal());
    // Text pushed with ANSI styles: clap drops them when colour is off.
    let mut out = StyledStr::new();
    out.push_str(&format!("{bad}{}{bad:#}", w.error));
    out.push_str(&message(error, w));
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            w.similar_command,
            w.similar_commands,
        ),
        (
            ContextKind::SuggestedArg,
            w.similar_argument,
            w.similar_arguments,
        ),
        (
            ContextKind::SuggestedValue,
            w.similar_value,
            w.similar_values,
        ),
    ];
    let mut tips: Vec<String> = Vec::new();
    for (kind, one, several) in similar {
        let names = strings(error.get(kind));
        if !names.is_empty() {
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            let template = if names.len() == 1 { one } else { several };
            tips.push(fill(template, &[("values", &quoted.join(", "))]));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().map(|s| suggestion(&s.to_string(), w)));
    }
    if !tips.is_empty() {
        out.push_str("\n");
    }
    for tip in tips {
        out.push_str(&format!("\n  {good}{}{good:#}{tip}", w.tip));
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.ansi().to_string().replacen("Usage:", w.usage, 1);
        out.push_str(&format!("\n\n{usage}"));
    }
    let help = fill(
        w.try_help,
        &[("help", &format!("{literal}--help{literal:#}"))],
    );
    out.push_str(&format!("\n\n{help}\n"));
    out
}

/// The first line(s) of the error: what is wrong, from the error's kind and context.
fn message<F: ErrorFormatter>(error: &clap::error::Error<F>, w: &Words) -> String {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let arg = string(ContextKind::InvalidArg);
    let value = string(ContextKind::InvalidValue);
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let list = |heading: &str, items: &[String]| {
        let mut s = heading.to_string();
        for item in items {
            s.push_str("\n  ");
            s.push_str(item);
        }
        s
    };
    let values_line = |template: &str, kind| {
        let values = strings(error.get(kind));
        if values.is_empty() {
            String::new()
        } else {
            format!("\n  {}", fill(template, &[("values", &values.join(", "))]))
        }
    };
    let said = match error.kind() {
        ErrorKind::InvalidSubcommand => string(ContextKind::InvalidSubcommand)
            .map(|c| fill(w.unknown_command, &[("command", &c)])),
        ErrorKind::UnknownArgument => arg.map(|a| fill(w.unknown_argument, &[("arg", &a)])),
        ErrorKind::InvalidValue => match (arg, value) {
            (Some(a), Some("")) => Some(fill(w.value_required, &[("arg", &a)])),
            (Some(a), Some(v)) => Some(fill(w.invalid_value, &[("arg", &a), ("value", &v)])),
            _ => None,
        }
        .map(|m| m + &values_line(w.possible_values, ContextKind::ValidValue)),
        ErrorKind::ValueValidation => match (arg, value) {
            (Some(a), Some(v)) => Some(fill(
                w.rejected_value,
                &[("arg", &a), ("value", &v), ("reason", &reason(error, w))],
            )),
            _ => None,
        },
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error.get(ContextKind::InvalidArg));
            (!missing.is_empty()).then(|| list(w.missing_arguments, &missing))
        }
        ErrorKind::ArgumentConflict => conflict(error, w),
        ErrorKind::TooManyValues => match (arg, value) {
            (Some(a), Some(v)) => Some(fill(w.too_many_values, &[("arg", &a), ("value", &v)])),
            _ => None,
        },
        ErrorKind::TooFewValues => {
            match (
                arg,
                number(ContextKind::MinValues),
                number(ContextKind::ActualNumValues),
            ) {
                (Some(a), Some(min), Some(actual)) => Some(fill(
                    w.too_few_values,
                    &[("arg", &a), ("min", &min), ("actual", &actual)],
                )),
                _ => None,
            }
        }
        ErrorKind::WrongNumberOfValues => match (
            arg,
            number(ContextKind::ExpectedNumValues),
            number(ContextKind::ActualNumValues),
        ) {
            (Some(a), Some(expected), Some(actual)) => Some(fill(
                w.wrong_number_of_values,
                &[("arg", &a), ("expected", &expected), ("actual", &actual)],
            )),
            _ => None,
        },
        ErrorKind::NoEquals => arg.map(|a| fill(w.no_equals, &[("arg", &a)])),
        ErrorKind::MissingSubcommand => string(ContextKind::InvalidSubcommand).map(|c| {
            fill(w.missing_command, &[("command", &c)])
                + &values_line(w.commands, ContextKind::ValidSubcommand)
        }),
        ErrorKind::InvalidUtf8 => Some(w.invalid_utf8.to_string()),
        // Help, version and failures to write carry their own message and never come here.
        _ => None,
    };
    said.unwrap_or_else(|| w.other.to_string())
}

/// "cannot be used with": the argument used twice, or with others.
fn conflict<F: ErrorFormatter>(error: &clap::error::Error<F>, w: &Words) -> Option<String> {
    let prior = error.get(ContextKind::PriorArg);
    match (error.get(ContextKind::InvalidArg), prior) {
        (Some(ContextValue::String(arg)), Some(ContextValue::String(other))) if arg == other => {
            Some(fill(w.repeated, &[("arg", arg)]))
        }
        (Some(ContextValue::String(arg)), Some(ContextValue::String(other))) => {
            Some(fill(w.conflict, &[("arg", arg), ("other", other)]))
        }
        (Some(ContextValue::String(arg)), Some(ContextValue::Strings(others))) => {
            let mut s = fill(w.conflicts, &[("arg", arg)]);
            for o in others {
                s.push_str("\n  ");
                s.push_str(o);
            }
            Some(s)
        }
        (Some(ContextValue::String(arg)), _) => Some(fill(w.conflict_unnamed, &[("arg", arg)])),
        _ => match (error.get(ContextKind::InvalidSubcommand), prior) {
            (Some(ContextValue::String(command)), Some(other)) => Some(fill(
                w.command_conflict,
                &[("command", command), ("other", other)],
            )),
            _ => None,
        },
    }
}

/// Why a value parser refused a value: its own reason in `w`'s words when it is one of
/// ours, else the parser's text.
fn reason<F: ErrorFormatter>(error: &clap::error::Error<F>, w: &Words) -> String {
    use std::error::Error as _;
    match error.source() {
        Some(source) if source.is::<NotACountryCode>() => w.not_a_country_code.to_string(),
        Some(source) if source.is::<NotAChecklistId>() => w.not_a_checklist_id.to_string(),
        Some(source) => source.to_string(),
        None => String::new(),
    }
}

/// One of clap's free-text suggestions in `w`'s words; one clap does not word this way any
/// more is kept as clap wrote it.
fn suggestion(text: &str, w: &Words) -> String {
    let between = |s: &str, start: &str, end: &str| {
        s.strip_prefix(start)?.strip_suffix(end).map(str::to_string)
    };
    if let Some(inner) = between(text, "to pass '", "'")
        && let Some((arg, usage)) = inner.split_once("' as a value, use '")
    {
        return fill(w.pass_as_value, &[("arg", &arg), ("use", &usage)]);
    }
    if let Some(command) = between(
        text,
        "subcommand '",
        "' exists; to use it, remove the '--' before it",
    ) {
        return fill(w.remove_dashes, &[("command", &command)]);
    }
    if let Some(what) = between(text, "'", "' exists") {
        return fill(w.exists, &[("what", &what)]);
    }
    text.to_string()
}

/// The strings of a context value: one or several.
fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
