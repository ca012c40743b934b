//! `letter`: the text a person sends to end a line or ask for money back — a French
//! cancellation letter (LRAR) or e-mail to a French operator, or an English refund request to
//! a travel eSIM seller — filled from a session, with a translation in the person's language.
//!
//! Templates are text files with `{{placeholder}}`s and `{{if name}}` sections (see
//! `docs/letters.md`), named `<name>.<kind>.<lang>.txt` (`generic.letter.fr.txt`,
//! `travel-refund.letter.zh-CN.txt`, ...). The bundled ones live in `checklists/letters/`
//! and are compiled in; a `letters/` folder in the user's checklist folder or in any
//! `--checklists DIR` can add or override them. Which template a checklist uses is
//! [`template_for`]'s choice: its `letter` key, else its kind and country.
//!
//! Values come from the session's inputs by well-known ids ([`Field`]), from its answers and
//! from the checklist's contacts; every missing one is marked `[À COMPLÉTER : …]` in the
//! French text (`[TO FILL IN: …]` in English, and in the person's language in the
//! translation), never left blank.
//!
//! - `template.rs`: the template language (parse, check, fill);
//! - `fields.rs`: the values and conditions a template can use and where they come from;
//! - `lookup.rs`: where templates are found, and which files are templates.
//!
//! The module does not choose the person's language: the command passes the [`Strings`] of
//! the translation; French is the letter's own language and lives here.

mod fields;
mod lookup;
mod template;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::checklist::{Checklist, Kind as ChecklistKind, ReadError};
use crate::i18n::{self, Lang, Strings};
use crate::session::Session;
use crate::vocabulary::vocabulary;

pub use fields::{Condition, Field, Test, Values, condition_names, placeholder_names};
pub use lookup::{
    DEFAULT_TEMPLATE, TRAVEL_TEMPLATE, TemplateDirs, check_template_file, is_template_file,
    template_files,
};
pub use template::{TemplateProblem, check_template};

use template::{Language, fill};

/// The `letter` value by which a checklist says no letter fits it.
pub const NO_LETTER: &str = "none";

/// The well-known question of the checklists of French lines: whether the number moves to
/// another operator.
const KEEP_NUMBER: &str = "keep_number";

/// Why a letter cannot be written.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Error {
    /// The session names a template that is not a template name (a damaged session).
    #[error("session {session} names the letter template `{name}`, which is not a template name")]
    BadTemplateName {
        /// The session id.
        session: String,
        /// The name it gives.
        name: String,
    },
    /// No template fits the checklist: the person uses the seller's own form or e-mail.
    #[error("no letter for the checklist {checklist}")]
    NoLetter {
        /// The checklist id.
        checklist: String,
        /// Its provider, when it names one to write to.
        provider: Option<String>,
    },
    /// The person ports the number: the new operator ends the contract, and a cancellation
    /// sent by the person would end the line before the number moves.
    #[error("session {session} ports the number: no cancellation letter")]
    Porting {
        /// The session id.
        session: String,
        /// The checklist id.
        checklist: String,
    },
    /// An e-mail was asked for, and the checklist knows no address to send it to.
    #[error("no e-mail address for {checklist}")]
    NoEmail {
        /// The session id.
        session: String,
        /// The checklist id.
        checklist: String,
        /// Its provider, when it names one to write to.
        provider: Option<String>,
        /// Whether the text to send is a French letter (else a request to a seller abroad).
        french: bool,
    },
    /// No folder and no bundled template has this file.
    #[error("no letter template {file}")]
    NoTemplate {
        /// The file looked for, `<name>.<kind>.<lang>.txt`.
        file: String,
        /// Letter or e-mail.
        kind: Kind,
        /// The folders searched, then `bundled`.
        searched: Vec<String>,
    },
    /// A template file exists but cannot be read.
    #[error("cannot read the letter template {}: {reason:?}", path.display())]
    UnreadableTemplate {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: ReadError,
    },
    /// A template with an unknown or unclosed placeholder, or a bad section.
    #[error("{origin}:{}:{}: {:?}", problem.line, problem.col, problem.problem)]
    BadTemplate {
        /// The file, or `bundled <file>`.
        origin: String,
        /// The first problem.
        problem: TemplateProblem,
    },
}

vocabulary! {
    /// A letter or an e-mail; the name is the one in template file names.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Kind {
        /// The text itself: a registered letter with acknowledgement of receipt to a French
        /// operator, or a request to paste into a seller's form or chat.
        Letter => "letter",
        /// An e-mail to the checklist's `contacts.email`.
        Email => "email",
    }
}

impl Kind {
    /// "letter" or "e-mail" in the words of `s`.
    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            Kind::Letter => s.letter.kinds.letter,
            Kind::Email => s.letter.kinds.email,
        }
    }
}

/// A filled letter.
#[derive(Clone, Debug)]
pub struct Filled {
    /// The text to send, then its translation, each under a heading.
    pub text: String,
    /// How many values of the text to send are marked missing.
    pub missing: usize,
    /// The mark of a missing value in the text to send, e.g. `[À COMPLÉTER : …]`.
    pub missing_mark: String,
    /// The holder's name is written in Chinese characters: the letter needs the name in
    /// Latin letters, as on the contract.
    pub chinese_name: bool,
}

/// The template a checklist's letters use: its `letter` key (`none`: no letter fits),
/// else the French cancellation letter for French providers, the English refund request
/// for travel eSIM sellers abroad, and none otherwise.
pub fn template_for(checklist: &Checklist) -> Option<&str> {
    match checklist.letter.as_deref() {
        Some(NO_LETTER) => None,
        Some(name) => Some(name),
        None if checklist.country == "FR" => Some(DEFAULT_TEMPLATE),
        None if checklist.kinds.contains(&ChecklistKind::Travel) => Some(TRAVEL_TEMPLATE),
        None => None,
    }
}

/// Fills the session's template ([`template_for`]) in the language of the text to send
/// (French, or English where the template has no French file) and, for the translation,
/// in the language of `s`, dated `today`.
pub fn render(
    session: &Session,
    kind: Kind,
    s: &Strings,
    today: NaiveDate,
    dirs: &TemplateDirs,
) -> Result<Filled, Error> {
    let snap = &session.checklist.snapshot;
    let values = Values::from_session(session);
    let provider = values
        .get(Field::OperatorName, "en")
        .and_then(|lines| lines.into_iter().next());
    let Some(name) = template_for(snap) else {
        return Err(Error::NoLetter {
            checklist: session.checklist.id.clone(),
            provider,
        });
    };
    if session.answers.get(KEEP_NUMBER) == Some(&crate::checklist::Answer::Bool(true)) {
        return Err(Error::Porting {
            session: session.id.clone(),
            checklist: session.checklist.id.clone(),
        });
    }
    // The name becomes part of a file path: a hand-edited or damaged session must not reach
    // files outside the template folders (`../..`). The checklist loader allows no other.
    if !crate::checklist::is_id(name, false) {
        return Err(Error::BadTemplateName {
            session: session.id.clone(),
            name: name.to_string(),
        });
    }
    let checked = |(src, origin): (String, String)| -> Result<String, Error> {
        match check_template(&src).into_iter().next() {
            Some(problem) => Err(Error::BadTemplate { origin, problem }),
            None => Ok(src),
        }
    };
    // The text to send is French for French operators; a template without a French file
    // writes to a seller abroad, in English.
    let (sent, sent_lang) = match dirs.find(name, kind, "fr")? {
        Some(found) => (checked(found)?, None),
        None => match dirs.find(name, kind, Lang::En.tag())? {
            Some(found) => (checked(found)?, Some(Lang::En)),
            None => {
                let mut searched: Vec<String> =
                    dirs.dirs.iter().map(|d| d.display().to_string()).collect();
                searched.push("bundled".into());
                return Err(Error::NoTemplate {
                    file: format!("{name}.{}.fr.txt", kind.name()),
                    kind,
                    searched,
                });
            }
        },
    };
    if kind == Kind::Email && !values.holds(Test::Known(Field::OperatorEmail)) {
        return Err(Error::NoEmail {
            session: session.id.clone(),
            checklist: session.checklist.id.clone(),
            provider,
            french: sent_lang.is_none(),
        });
    }
    let sent_language = match sent_lang {
        None => Language::French,
        Some(lang) => Language::Person(lang.strings()),
    };
    // No translation when the person reads the language of the text to send; else the
    // person's language, or English when the template has none in it.
    let translation = if sent_lang == Some(s.lang) {
        None
    } else {
        match dirs.find(name, kind, s.tag())? {
            Some(found) => Some(checked(found)?),
            None if sent_lang.is_none() => match dirs.find(name, kind, Lang::En.tag())? {
                Some(found) => Some(checked(found)?),
                None => None,
            },
            None => None,
        }
    };
    let (sent_text, missing) = fill(&sent, &values, today, sent_language);
    let l = &s.letter;
    let language = match sent_lang {
        None => l.french,
        Some(_) => l.english,
    };
    let heading = match (kind, sent_lang) {
        (Kind::Email, _) => l.heading_email,
        (Kind::Letter, None) => l.heading_letter,
        (Kind::Letter, Some(_)) => l.heading_request,
    };
    let mut text = String::with_capacity(sent_text.len() * 2 + 256);
    push_heading(&mut text, &i18n::fill(heading, &[("language", &language)]));
    text.push_str(sent_text.trim_end());
    text.push('\n');
    if let Some(translation) = translation {
        let (tr_text, _) = fill(&translation, &values, today, Language::Person(s));
        text.push('\n');
        push_heading(&mut text, l.translation_heading);
        text.push_str(&i18n::fill(l.translation_note, &[("language", &language)]));
        text.push_str("\n\n");
        text.push_str(tr_text.trim_end());
        text.push('\n');
    }
    // The operator's address or e-mail comes from the checklist: say from which source, so
    // the person can check it before sending.
    let contacts = &session.checklist.snapshot.contacts;
    let used = match kind {
        Kind::Letter => !contacts.postal.is_empty(),
        Kind::Email => contacts.email.is_some(),
    };
    let sources: Vec<String> = contacts
        .cite
        .iter()
        .filter_map(|id| session.checklist.snapshot.source(id))
        .map(|src| match &src.url {
            Some(url) => format!("{} <{url}>", src.title),
            None => src.title.clone(),
        })
        .collect();
    if used && !sources.is_empty() {
        text.push('\n');
        let note = i18n::fill(l.contacts_source, &[("sources", &sources.join("; "))]);
        text.push_str(&note);
        text.push('\n');
    }
    // Templates and values come from files anyone may have edited: the letter shows their
    // control characters rather than passing them to a terminal or a mail client.
    let text = match crate::visible::text(&text) {
        std::borrow::Cow::Owned(shown) => shown,
        std::borrow::Cow::Borrowed(_) => text,
    };
    let holder = values.get(Field::HolderName, "en").unwrap_or_default();
    Ok(Filled {
        text,
        missing,
        missing_mark: sent_language.mark(),
        chinese_name: holder.iter().any(|n| i18n::has_chinese(n)),
    })
}

fn push_heading(out: &mut String, title: &str) {
    let width = textwrap::core::display_width(title);
    out.push_str(title);
    out.push('\n');
    out.extend(std::iter::repeat_n('=', width));
    out.push_str("\n\n");
}

#[cfg(test)]
mod tests;
