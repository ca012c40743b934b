//! Every user-facing string of the interface, in English (`en.rs`) and Simplified Chinese
//! (`zh_cn.rs`).
//!
//! Strings are fields of plain structs, so a string missing in one language is a compile
//! error rather than a blank on screen. Templates use `{name}` placeholders filled by [`fill`].
//! Checklist content is translated in the checklist files, not here, and the `--help` texts
//! with the command line (`src/cli/help.rs`).
//!
//! This module is a leaf: it imports nothing of the crate. The domain's vocabularies get
//! their words through exhaustive matches elsewhere (`src/labels/mod.rs`,
//! `src/commands/messages.rs`), never by position.

mod catalog;
mod en;
mod record;
mod report;
mod walk;
mod words;
mod zh_cn;

use std::fmt::{self, Write as _};

pub use catalog::{Catalog, Difficulties, InputMarks, Phases, Problems, ReadErrors, ShowLabels};
pub use record::{
    Export, FieldLabels, Letter, LetterKinds, SessionStatuses, StepStatuses, WaitOutcomes,
};
pub use report::{NewChecklist, Report};
pub use walk::{Guide, Sessions};
pub use words::{Citations, Durations, Flags, Kinds};

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
    /// Every language of the interface.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

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
                    // Written in place: `to_string` would allocate for every value.
                    Some((_, v)) => {
                        let _ = write!(out, "{v}");
                    }
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

/// Whether `text` holds Chinese characters (the CJK ideographs a name is written in).
pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FA1F}')
    })
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
    /// Sources, citations, staleness and conditions.
    pub citations: Citations,
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
    /// `report`: feedback for a checklist's maintainers.
    pub report: Report,
    /// `new`: a skeleton checklist for an author.
    pub new: NewChecklist,
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
    /// The names of the links checklists commonly give.
    pub links: LinkLabels,
    /// `simcancel` alone: what it does and the three commands a newcomer needs.
    pub short_help: &'static str,
    /// Kinds of line.
    pub kinds: Kinds,
    /// Flags.
    pub flags: Flags,
    /// Expected waits.
    pub durations: Durations,
}

/// What the links a checklist commonly names (`site`, `arcep`, ...) are, in words; other
/// links are named by their web address's host.
#[derive(Debug)]
pub struct LinkLabels {
    /// `site`: the provider's official site.
    pub site: &'static str,
    /// `help`, `support`, `faq`, `refund-help`: its help pages.
    pub help: &'static str,
    /// `refund-policy`: its refund policy.
    pub refund_policy: &'static str,
    /// `service-public`: the French administration's site.
    pub service_public: &'static str,
    /// `arcep`: the telecoms regulator.
    pub arcep: &'static str,
    /// `inc-conso`: the national consumer institute.
    pub inc_conso: &'static str,
    /// `cedef`: the economy ministry's consumer pages.
    pub cedef: &'static str,
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
    fn chinese_characters_are_told_from_latin_letters() {
        assert!(has_chinese("张伟"));
        assert!(has_chinese("Zhang 伟"));
        assert!(!has_chinese("Zhang Wei"));
        assert!(!has_chinese("Jean-Pierre Dupont, 75011 Paris"));
        // Full-width punctuation alone is not a name in Chinese characters.
        assert!(!has_chinese("；，"));
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
