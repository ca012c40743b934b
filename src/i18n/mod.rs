//! Every user-facing string of the interface, in English (`en.rs`) and Simplified Chinese
//! (`zh_cn.rs`).
//!
//! Strings are fields of plain structs, so a string missing in one language is a compile
//! error rather than a blank on screen. Templates use `{name}` placeholders filled by [`fill`].
//! Checklist content is translated in the checklist files, not here.

mod catalog;
mod en;
mod record;
mod walk;
mod zh_cn;

use std::fmt;

pub use catalog::{Catalog, Difficulties, InputMarks, Phases, Problems, ReadErrors, ShowLabels};
pub use record::{Export, FieldLabels, Letter, LetterKinds, SessionStatuses, StepStatuses};
pub use walk::{Guide, Sessions};

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// The BCP 47 tag used in checklists and session files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Reads a tag such as `en`, `en_GB.UTF-8`, `zh-CN`, `zh_CN.UTF-8` or `zh`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let base = lower.split(['.', '@']).next().unwrap_or("");
        if base == "zh" || base.starts_with("zh-") || base.starts_with("zh_") {
            Some(Lang::ZhCn)
        } else if base == "en" || base.starts_with("en-") || base.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set and not empty decides; Chinese locales give Chinese, anything else English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// The interface strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::ZhCn => &zh_cn::STRINGS,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Replaces each `{name}` in `template` with its value from `args`.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `--help` of one language.
#[derive(Debug)]
pub struct Help {
    /// Headings: usage, commands, arguments, options.
    pub headings: [&'static str; 4],
    /// Help of the built-in flags: `--help`, `--version`.
    pub flags: [&'static str; 2],
    /// An argument's text followed by its possible values; `{text}`, `{values}`.
    pub values: &'static str,
    /// Texts by place: `""` is the program's about, `"list"` a command's, `"list.country"`
    /// an argument's (global ones under `""`: `".lang"`). Empty: the doc comments in
    /// `cli.rs` (English) are used as they are.
    pub texts: &'static [(&'static str, &'static str)],
}

/// Rewrites the clap command's help texts and headings into `lang`. English is what the doc
/// comments of `cli.rs` say, so it is returned unchanged.
pub fn localize_help(cmd: clap::Command, lang: Lang) -> clap::Command {
    let help = &lang.strings().help;
    if help.texts.is_empty() {
        return cmd;
    }
    localize_command(cmd, "", help)
}

fn localize_command(mut cmd: clap::Command, path: &str, help: &Help) -> clap::Command {
    let text = |key: String| help.texts.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    if let Some(about) = text(path.to_string()) {
        cmd = cmd.about(about).long_about(None);
    }
    let [usage, commands, arguments, options] = help.headings;
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
                .help(help.flags[0])
                .help_heading(options),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(help.flags[1])
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
                return a.help(t).long_help(None);
            }
            let t = fill(help.values, &[("text", &t), ("values", &values.join(", "))]);
            a.help(t).long_help(None).hide_possible_values(true)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |sc| localize_command(sc, &name, help));
    }
    cmd
}

/// All interface strings of one language, grouped by the part of the program that shows them.
#[derive(Debug)]
pub struct Strings {
    /// The language they are in: checklist texts are read in the same one (see
    /// [`Strings::tag`]), so labels and content never come in two languages.
    pub lang: Lang,
    /// Shared words: phases, statuses, labels.
    pub common: Common,
    /// `list`, `show`, `validate` and the checklist loader.
    pub catalog: Catalog,
    /// The problems `validate` reports in checklist files and letter templates.
    pub problems: Problems,
    /// Why a file or folder could not be read.
    pub read_errors: ReadErrors,
    /// `export`: every label of the exported record.
    pub export: Export,
    /// `letter`: the frame around the French letter and its translation.
    pub letter: Letter,
    /// `guide` and `resume`: the walk through a checklist.
    pub guide: Guide,
    /// `sessions`: the list of sessions and their states.
    pub sessions: Sessions,
    /// `--help`.
    pub help: Help,
}

impl Strings {
    /// The language tag of these strings (`en`, `zh-CN`), to read a checklist text in the
    /// same language.
    pub fn tag(&self) -> &'static str {
        self.lang.tag()
    }
}

/// Words used everywhere.
#[derive(Debug)]
pub struct Common {
    /// Phase names.
    pub phases: Phases,
    /// "yes".
    pub yes: &'static str,
    /// "no".
    pub no: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_first_set_variable() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::ZhCn);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::ZhCn
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    }

    /// Every place of the command line has a Chinese help text, and every text a place.
    #[test]
    fn chinese_help_covers_every_command_and_argument() {
        use clap::CommandFactory;
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
        places(&crate::cli::Cli::command(), "", &mut wanted);
        let texts: Vec<&str> = Lang::ZhCn
            .strings()
            .help
            .texts
            .iter()
            .map(|(k, _)| *k)
            .collect();
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

    #[test]
    fn the_localized_commands_are_valid_clap_commands() {
        use clap::CommandFactory;
        for lang in [Lang::En, Lang::ZhCn] {
            localize_help(crate::cli::Cli::command(), lang).debug_assert();
            let help = localize_help(crate::cli::Cli::command(), lang)
                .render_long_help()
                .to_string();
            let expected = if lang == Lang::En {
                "Usage:"
            } else {
                "用法:"
            };
            assert!(help.contains(expected), "{help}");
        }
        let mut cmd = localize_help(crate::cli::Cli::command(), Lang::ZhCn);
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

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_others() {
        assert_eq!(
            fill("{a} and {b}", &[("a", &1), ("b", &"two")]),
            "1 and two"
        );
        assert_eq!(fill("{x} {", &[]), "{x} {");
    }
}
