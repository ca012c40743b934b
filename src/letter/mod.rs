//! `letter`: a French cancellation letter (LRAR) or e-mail filled from a session, with a
//! translation in the person's language.
//!
//! Templates are text files with `{{placeholder}}`s (see `docs/letters.md`), named
//! `<name>.<kind>.<lang>.txt` (`generic.letter.fr.txt`, `generic.email.zh-CN.txt`, ...). The
//! bundled ones live in `checklists/letters/` and are compiled in; a `letters/` folder in the
//! user's checklist folder or in any `--checklists DIR` can add or override them. A checklist
//! chooses its template with `letter = "<name>"` (default `generic`).
//!
//! Values come from the session's inputs by well-known ids ([`Field`]) and from the
//! checklist's contacts; every missing one is marked `[À COMPLÉTER : …]` in the French text
//! (and in the person's language in the translation), never left blank.
//!
//! - `template.rs`: the template language (parse, check, fill);
//! - `fields.rs`: the values a template can ask for and where they come from;
//! - `lookup.rs`: where templates are found, and which files are templates.
//!
//! The module does not choose a language: the command passes the [`Strings`] of the
//! translation; French is the letter's own language and lives here.

mod fields;
mod lookup;
mod template;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::checklist::ReadError;
use crate::i18n::{self, Strings};
use crate::session::Session;
use crate::vocabulary::vocabulary;

pub use fields::{Field, Values, placeholder_names};
pub use lookup::{
    DEFAULT_TEMPLATE, TemplateDirs, check_template_file, is_template_file, template_files,
};
pub use template::{TemplateProblem, check_template};

use template::{Language, fill};

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
    /// A template with an unknown or unclosed placeholder.
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
        /// Registered letter with acknowledgement of receipt.
        Letter => "letter",
        /// E-mail.
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
    /// The French text, then its translation, each under a heading.
    pub text: String,
    /// How many values of the French text are marked missing.
    pub missing: usize,
}

/// Fills the session's template (the checklist's `letter`, else `generic`) in French and,
/// for the translation, in the language of `s`, dated `today`.
pub fn render(
    session: &Session,
    kind: Kind,
    s: &Strings,
    today: NaiveDate,
    dirs: &TemplateDirs,
) -> Result<Filled, Error> {
    let name = session
        .checklist
        .snapshot
        .letter
        .as_deref()
        .unwrap_or(DEFAULT_TEMPLATE);
    let l = &s.letter;
    // The name becomes part of a file path: a hand-edited or damaged session must not reach
    // files outside the template folders (`../..`). The checklist loader allows no other.
    if !crate::checklist::is_id(name, false) {
        return Err(Error::BadTemplateName {
            session: session.id.clone(),
            name: name.to_string(),
        });
    }
    let kind_label = kind.label(s);
    let load = |tag: &str| -> Result<(String, String), Error> {
        dirs.find(name, kind, tag)?.ok_or_else(|| {
            let mut searched: Vec<String> =
                dirs.dirs.iter().map(|d| d.display().to_string()).collect();
            searched.push("bundled".into());
            Error::NoTemplate {
                file: format!("{name}.{}.{tag}.txt", kind.name()),
                kind,
                searched,
            }
        })
    };
    let checked = |(src, origin): (String, String)| -> Result<String, Error> {
        match check_template(&src).into_iter().next() {
            Some(problem) => Err(Error::BadTemplate { origin, problem }),
            None => Ok(src),
        }
    };
    let french = checked(load("fr")?)?;
    // A template without a translation in the person's language falls back to English.
    let translation = match dirs.find(name, kind, s.tag())? {
        Some(found) => checked(found)?,
        None => checked(load("en")?)?,
    };
    let values = Values::from_session(session);
    let (fr_text, missing) = fill(&french, &values, today, Language::French);
    let (tr_text, _) = fill(&translation, &values, today, Language::Person(s));
    let mut text = String::with_capacity(fr_text.len() + tr_text.len() + 256);
    push_heading(
        &mut text,
        &i18n::fill(l.french_heading, &[("kind", &kind_label)]),
    );
    text.push_str(fr_text.trim_end());
    text.push_str("\n\n");
    push_heading(&mut text, l.translation_heading);
    text.push_str(l.translation_note);
    text.push_str("\n\n");
    text.push_str(tr_text.trim_end());
    text.push('\n');
    // Templates and values come from files anyone may have edited: the letter shows their
    // control characters rather than passing them to a terminal or a mail client.
    let text = match crate::visible::text(&text) {
        std::borrow::Cow::Owned(shown) => shown,
        std::borrow::Cow::Borrowed(_) => text,
    };
    Ok(Filled { text, missing })
}

fn push_heading(out: &mut String, title: &str) {
    let width = textwrap::core::display_width(title);
    out.push_str(title);
    out.push('\n');
    out.extend(std::iter::repeat_n('=', width));
    out.push_str("\n\n");
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::checklist::{Problem, Sources};
    use crate::fixtures;
    use crate::i18n::Lang;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    }

    fn render_for(session: &Session, kind: Kind, lang: Lang) -> Filled {
        render(
            session,
            kind,
            lang.strings(),
            today(),
            &TemplateDirs::default(),
        )
        .expect("letter renders")
    }

    /// The session with no recorded input and a checklist without contacts.
    fn bare() -> Session {
        let mut s = fixtures::unfinished();
        s.steps.iter_mut().for_each(|r| r.inputs.clear());
        s.checklist.snapshot.contacts = Default::default();
        s
    }

    #[test]
    fn the_bundled_generic_checklist_records_every_value_the_letters_use() {
        let (_, src) = crate::checklist::bundled_files()
            .iter()
            .find(|(name, _)| *name == "generic.toml")
            .expect("bundled generic checklist");
        let (checklist, _) =
            crate::checklist::parse_str(src, Path::new("generic.toml")).expect("generic parses");
        let mut session = fixtures::completed();
        session.steps = checklist
            .steps
            .iter()
            .map(|st| crate::session::StepRecord {
                id: st.id.clone(),
                inputs: st
                    .inputs
                    .iter()
                    .map(|i| (i.id.clone(), format!("value of {}", i.id)))
                    .collect(),
                ..Default::default()
            })
            .collect();
        session.checklist.id = checklist.id.clone();
        session.checklist.snapshot = checklist;
        for kind in [Kind::Letter, Kind::Email] {
            let filled = render_for(&session, kind, Lang::En);
            for f in &Field::ALL[..5] {
                assert!(
                    filled.text.contains(&format!("value of {}", f.name())),
                    "{kind:?}: the generic checklist has no `{}` input",
                    f.name()
                );
            }
            // What only the person can know about "any operator": its name (on the letter)
            // and addresses.
            if kind == Kind::Letter {
                assert!(filled.text.contains("[À COMPLÉTER : nom de l'opérateur]"));
            }
            assert!(!filled.text.contains("Generic"), "{}", filled.text);
        }
    }

    #[test]
    fn a_fully_filled_letter_has_no_missing_mark() {
        let filled = render_for(&fixtures::completed(), Kind::Letter, Lang::En);
        assert_eq!(filled.missing, 0);
        assert!(!filled.text.contains("COMPLÉTER"), "{}", filled.text);
        assert!(!filled.text.contains("TO FILL IN"), "{}", filled.text);
        for v in [
            "Jean-Pierre Dupont",
            "06 12 34 56 78",
            "CL-99887766",
            "RES-2026-000451",
        ] {
            assert!(filled.text.contains(v), "{v} missing");
        }
        // The address is split into lines, indented like its placeholder.
        assert!(
            filled
                .text
                .contains("Jean-Pierre Dupont\n12 rue des Lilas\n75011 Paris\n")
        );
        assert!(
            filled
                .text
                .contains("TSA 00000\n                                        75000 Paris")
        );
        insta::assert_snapshot!(filled.text);
    }

    #[test]
    fn control_characters_in_values_and_templates_are_shown_not_obeyed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let letters = dir.path().join("letters");
        std::fs::create_dir_all(&letters).expect("mkdir");
        std::fs::write(
            letters.join("demo.letter.fr.txt"),
            "Objet\u{1b}]8;;https://evil.example\u{7} : {{holder_name}}\r\n",
        )
        .expect("write");
        std::fs::write(letters.join("demo.letter.en.txt"), "Re\u{202e}: x\n").expect("write");
        let mut s = fixtures::completed();
        s.checklist.snapshot.letter = Some("demo".into());
        s.steps[0]
            .inputs
            .insert("holder_name".into(), "Jean\u{1b}[2J".into());
        let dirs = TemplateDirs::new(&Sources {
            dirs: vec![dir.path().to_path_buf()],
            ..Sources::default()
        });
        let filled = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect("renders");
        assert!(
            filled
                .text
                .contains("Objet\\u{1b}]8;;https://evil.example\\u{7} : Jean\\u{1b}[2J"),
            "{}",
            filled.text
        );
        assert!(filled.text.contains("Re\\u{202e}: x"), "{}", filled.text);
        assert!(!crate::visible::has_hidden(&filled.text.replace('\n', "")));
    }

    // Windows has no FIFOs among files.
    #[cfg(unix)]
    #[test]
    fn a_pipe_named_like_a_template_is_refused_not_waited_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let letters = dir.path().join("letters");
        std::fs::create_dir_all(&letters).expect("mkdir");
        let fifo = letters.join("generic.letter.fr.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let dirs = TemplateDirs::new(&Sources {
            dirs: vec![dir.path().to_path_buf()],
            ..Sources::default()
        });
        let s = fixtures::completed();
        let err = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("a pipe");
        assert_eq!(
            err,
            Error::UnreadableTemplate {
                path: fifo.clone(),
                reason: ReadError::NotRegular
            }
        );
        let diags = check_template_file(&fifo);
        assert_eq!(diags[0].problem, Problem::Unreadable(ReadError::NotRegular));
    }

    #[test]
    fn every_missing_value_is_marked_in_french_and_in_the_translation() {
        let filled = render_for(&bare(), Kind::Letter, Lang::En);
        // holder_name twice, address, line number twice, customer number twice, reference,
        // operator address.
        assert_eq!(filled.missing, 9);
        assert!(filled.text.contains("[À COMPLÉTER : vos nom et prénom]"));
        assert!(filled.text.contains("[TO FILL IN: your full name]"));
        insta::assert_snapshot!(filled.text);
    }

    #[test]
    fn chinese_email_with_missing_values() {
        let filled = render_for(&bare(), Kind::Email, Lang::ZhCn);
        assert!(
            filled
                .text
                .contains("[À COMPLÉTER : adresse e-mail du service client de l'opérateur]")
        );
        assert!(filled.text.contains("[待填写：运营商受理注销的电子邮箱]"));
        insta::assert_snapshot!(filled.text);
    }

    #[test]
    fn email_joins_a_multi_line_address_inside_a_sentence() {
        let filled = render_for(&fixtures::chinese(), Kind::Email, Lang::ZhCn);
        assert!(filled.text.contains("Adresse : 巴黎第十一区丁香街12号\n"));
        assert!(filled.text.contains("À : resiliation@demo.example"));
        insta::assert_snapshot!(filled.text);
    }

    #[test]
    fn a_user_template_overrides_the_bundled_one_and_is_checked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let letters = dir.path().join("letters");
        std::fs::create_dir_all(&letters).expect("mkdir");
        std::fs::write(
            letters.join("demo.letter.fr.txt"),
            "Objet : {{line_number}}\n",
        )
        .expect("write");
        std::fs::write(
            letters.join("demo.letter.en.txt"),
            "Subject: {{line_number}}\n",
        )
        .expect("write");
        let mut s = fixtures::completed();
        s.checklist.snapshot.letter = Some("demo".into());
        let dirs = TemplateDirs::new(&Sources {
            dirs: vec![dir.path().to_path_buf()],
            ..Sources::default()
        });
        // No zh-CN translation: English is used.
        let filled =
            render(&s, Kind::Letter, Lang::ZhCn.strings(), today(), &dirs).expect("renders");
        assert!(filled.text.contains("Objet : 06 12 34 56 78"));
        assert!(filled.text.contains("Subject: 06 12 34 56 78"));

        std::fs::write(letters.join("demo.letter.fr.txt"), "Objet : {{numero}}\n").expect("write");
        let err =
            render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("bad template");
        let Error::BadTemplate { origin, problem } = err else {
            panic!("{err:?}")
        };
        // Compared by components: the separator is `\` on Windows.
        assert!(
            std::path::Path::new(&origin).ends_with("letters/demo.letter.fr.txt"),
            "{origin}"
        );
        assert_eq!((problem.line, problem.col), (1, 9));
        assert_eq!(
            problem.problem,
            Problem::UnknownPlaceholder {
                name: "numero".into()
            }
        );

        // A template that exists but cannot be read is reported, not skipped.
        std::fs::create_dir_all(letters.join("folder.letter.fr.txt")).expect("mkdir");
        s.checklist.snapshot.letter = Some("folder".into());
        let err =
            render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("a folder");
        assert!(
            matches!(&err, Error::UnreadableTemplate { path, .. } if path.ends_with("folder.letter.fr.txt")),
            "{err:?}"
        );

        // A damaged session cannot make the name a path out of the template folders.
        std::fs::write(dir.path().join("escape.letter.fr.txt"), "Objet\n").expect("write");
        std::fs::write(dir.path().join("escape.letter.en.txt"), "Subject\n").expect("write");
        s.checklist.snapshot.letter = Some("../escape".into());
        let err = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("a path");
        assert!(
            matches!(&err, Error::BadTemplateName { name, .. } if name == "../escape"),
            "{err:?}"
        );

        s.checklist.snapshot.letter = Some("nowhere".into());
        let err =
            render(&s, Kind::Email, Lang::En.strings(), today(), &dirs).expect_err("no template");
        assert!(
            matches!(&err, Error::NoTemplate { file, .. } if file == "nowhere.email.fr.txt"),
            "{err:?}"
        );
    }
}
