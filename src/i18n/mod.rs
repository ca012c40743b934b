//! Every user-facing string of the interface, in English ([`en`]) and Simplified Chinese
//! ([`zh_cn`]).
//!
//! Strings are fields of plain structs, so a string missing in one language is a compile
//! error rather than a blank on screen. Templates use `{name}` placeholders filled by [`fill`].
//! Checklist content is translated in the checklist files, not here.

mod en;
mod zh_cn;

use std::fmt;

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

/// All interface strings of one language, grouped by the part of the program that shows them.
pub struct Strings {
    /// Shared words: phases, statuses, labels.
    pub common: Common,
    /// `list`, `show`, `validate` and the checklist loader.
    pub catalog: Catalog,
}

/// Words used everywhere.
pub struct Common {
    /// Phase names, in [`crate::checklist::Phase::ALL`] order.
    pub phases: [&'static str; 7],
    /// "yes".
    pub yes: &'static str,
    /// "no".
    pub no: &'static str,
}

/// Strings of the catalogue commands and the checklist loader.
pub struct Catalog {
    /// Column headers of `list`: id, name, provider, country, difficulty, verified, origin.
    pub list_headers: [&'static str; 7],
    /// "error" in `path:line:col: error: ...`.
    pub error: &'static str,
    /// "warning" in `path:line:col: warning: ...`.
    pub warning: &'static str,
    /// The message of a checklist problem.
    pub problem: fn(&crate::checklist::Problem) -> String,
    /// Origin of a bundled checklist in `list`.
    pub origin_bundled: &'static str,
    /// `list` with no match. {filters}
    pub list_empty: &'static str,
    /// Summary line of `validate`. {files} {errors} {warnings}
    pub validate_summary: &'static str,
    /// `validate` found no checklist file in a folder. {path}
    pub validate_no_files: &'static str,
    /// A checklist file skipped while loading the catalogue. {path} {count}
    pub skipped_file: &'static str,
    /// Unknown checklist id. {id} {known}
    pub unknown_checklist: &'static str,
    /// Something given as an id that cannot be one. {id}
    pub not_an_id: &'static str,
    /// A `--checklists` folder that cannot be read. {path} {reason}
    pub unreadable_dir: &'static str,
    /// A path given to `validate` that does not exist or cannot be read. {path} {reason}
    pub unreadable_path: &'static str,
    /// Labels in `show`: provider, country, kinds, difficulty, flags, verified, sources, links, contact, questions, steps, origin.
    pub show_labels: [&'static str; 12],
    /// What `verified` means, under the date in `show`.
    pub verified_meaning: &'static str,
    /// "asked at step {step}" in `show`.
    pub asked_at: &'static str,
    /// "only when {cond}" in `show`.
    pub only_when: &'static str,
    /// "expected wait: {wait}" in `show`.
    pub expected_wait: &'static str,
    /// Markers of an input in `show`: personal, required.
    pub input_marks: [&'static str; 2],
    /// Difficulty names, in `Difficulty` order: easy, medium, hard, limited, impossible.
    pub difficulties: [&'static str; 5],
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

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_others() {
        assert_eq!(
            fill("{a} and {b}", &[("a", &1), ("b", &"two")]),
            "1 and two"
        );
        assert_eq!(fill("{x} {", &[]), "{x} {");
    }
}
