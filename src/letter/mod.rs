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

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::checklist::{Diagnostic, Problem, ReadError, Severity, Sources};
use crate::i18n::{self, Lang, Strings};
use crate::session::Session;

/// The template name used when a checklist names none.
pub const DEFAULT_TEMPLATE: &str = "generic";

/// The id of the bundled checklist that stands for any operator.
const GENERIC_CHECKLIST: &str = "generic";

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

/// A letter or an e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Registered letter with acknowledgement of receipt.
    Letter,
    /// E-mail.
    Email,
}

impl Kind {
    /// The name used in template file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Letter => "letter",
            Kind::Email => "email",
        }
    }

    /// "letter" or "e-mail" in the words of `s`.
    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            Kind::Letter => s.letter.kinds.letter,
            Kind::Email => s.letter.kinds.email,
        }
    }
}

/// A value a template can ask for, as `{{name}}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Input `holder_name`: the line holder's full name.
    HolderName,
    /// Input `holder_address`: postal address; lines separated by `;` or new lines.
    HolderAddress,
    /// Input `line_number`: the mobile number.
    LineNumber,
    /// Input `customer_number`: customer or contract number.
    CustomerNumber,
    /// Input `reference`: the reference of the online cancellation request.
    Reference,
    /// The checklist's provider (not for the `generic` checklist, which has none).
    OperatorName,
    /// The checklist's `contacts.postal` lines.
    OperatorAddress,
    /// The checklist's `contacts.email`.
    OperatorEmail,
    /// Today's date, written out in the template's language.
    Date,
}

impl Field {
    /// Every field, in the order of the `fields` labels in [`crate::i18n::Letter`].
    pub const ALL: [Field; 9] = [
        Field::HolderName,
        Field::HolderAddress,
        Field::LineNumber,
        Field::CustomerNumber,
        Field::Reference,
        Field::OperatorName,
        Field::OperatorAddress,
        Field::OperatorEmail,
        Field::Date,
    ];

    /// The placeholder name (and, for the first five, the well-known input id).
    pub fn name(self) -> &'static str {
        match self {
            Field::HolderName => "holder_name",
            Field::HolderAddress => "holder_address",
            Field::LineNumber => "line_number",
            Field::CustomerNumber => "customer_number",
            Field::Reference => "reference",
            Field::OperatorName => "operator_name",
            Field::OperatorAddress => "operator_address",
            Field::OperatorEmail => "operator_email",
            Field::Date => "date",
        }
    }

    /// The field named `name`.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    fn index(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// What is missing, in French, for the `[À COMPLÉTER : …]` mark. French is the
    /// letter's language, not an interface language, so it lives here with the letter.
    fn french(self) -> &'static str {
        match self {
            Field::HolderName => "vos nom et prénom",
            Field::HolderAddress => "votre adresse postale",
            Field::LineNumber => "numéro de la ligne mobile",
            Field::CustomerNumber => "numéro client ou de contrat",
            Field::Reference => "référence de votre demande en ligne, ou supprimez cette ligne",
            Field::OperatorName => "nom de l'opérateur",
            Field::OperatorAddress => {
                "adresse postale du service résiliation de l'opérateur (voir ses conditions générales)"
            }
            Field::OperatorEmail => "adresse e-mail du service client de l'opérateur",
            Field::Date => "date",
        }
    }
}

/// The placeholder names, comma-separated, for messages.
pub fn placeholder_names() -> String {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    names.join(", ")
}

/// A problem in a template, with its 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateProblem {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub col: usize,
    /// What is wrong; its wording is in `src/i18n` like every checklist problem.
    pub problem: Problem,
}

/// One piece of a parsed template.
enum Piece<'a> {
    Text(&'a str),
    Field(Field),
}

/// Splits a template into text and fields, reporting every unknown or unclosed placeholder.
fn parse(src: &str) -> (Vec<Piece<'_>>, Vec<TemplateProblem>) {
    let mut pieces = Vec::new();
    let mut problems = Vec::new();
    let mut rest = src;
    let mut offset = 0;
    while let Some(open) = rest.find("{{") {
        pieces.push(Piece::Text(&rest[..open]));
        let after = &rest[open + 2..];
        let at = offset + open;
        let Some(close) = after.find("}}").filter(|c| !after[..*c].contains('\n')) else {
            let (line, col) = line_col(src, at);
            problems.push(TemplateProblem {
                line,
                col,
                problem: Problem::UnclosedPlaceholder,
            });
            pieces.push(Piece::Text(&rest[open..open + 2]));
            offset = at + 2;
            rest = after;
            continue;
        };
        let name = after[..close].trim();
        match Field::from_name(name) {
            Some(f) => pieces.push(Piece::Field(f)),
            None => {
                let (line, col) = line_col(src, at);
                problems.push(TemplateProblem {
                    line,
                    col,
                    problem: Problem::UnknownPlaceholder {
                        name: name.to_string(),
                    },
                });
            }
        }
        offset = at + 2 + close + 2;
        rest = &after[close + 2..];
    }
    pieces.push(Piece::Text(rest));
    (pieces, problems)
}

fn line_col(src: &str, byte: usize) -> (usize, usize) {
    let before = &src[..byte];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// Checks a template: every placeholder known and closed. `validate` reports these as
/// `path:line:col: message`.
pub fn check_template(src: &str) -> Vec<TemplateProblem> {
    parse(src).1
}

/// Whether `path` is named like a letter template: `<name>.<letter|email>.<lang>.txt`.
pub fn is_template_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 4
        && parts[3] == "txt"
        && !parts[0].is_empty()
        && !parts[2].is_empty()
        && (parts[1] == Kind::Letter.as_str() || parts[1] == Kind::Email.as_str())
}

/// The template files of a checklist folder: those in it and in its `letters/` folder,
/// sorted.
pub fn template_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [dir.to_path_buf(), dir.join("letters")]
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_template_file(p))
        .collect();
    files.sort();
    files
}

/// The problems of one template file, as `validate` reports them.
pub fn check_template_file(path: &Path) -> Vec<Diagnostic> {
    let src = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => return vec![Diagnostic::file(path, Problem::NotUtf8)],
        },
        Err(e) => {
            return vec![Diagnostic::file(
                path,
                Problem::Unreadable(ReadError::of(&e)),
            )];
        }
    };
    check_template(&src)
        .into_iter()
        .map(|p| Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: p.line,
            col: p.col,
            problem: p.problem,
        })
        .collect()
}

/// The values of a session for a letter, as lines; `None` where nothing was recorded.
#[derive(Clone, Debug, Default)]
pub struct Values {
    values: [Option<Vec<String>>; 9],
}

impl Values {
    /// Collects the values: the well-known inputs (the last non-empty value in step order
    /// wins) and the checklist's provider and contacts. The date is not among them: it is
    /// written differently in each language.
    pub fn from_session(session: &Session) -> Values {
        let mut v = Values::default();
        for record in &session.steps {
            for f in &Field::ALL[..5] {
                if let Some(value) = record.inputs.get(f.name()).filter(|s| !s.trim().is_empty()) {
                    let lines = if *f == Field::HolderAddress {
                        value
                            .split([';', '\n'])
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(String::from)
                            .collect()
                    } else {
                        vec![value.trim().to_string()]
                    };
                    v.values[f.index()] = Some(lines);
                }
            }
        }
        let snap = &session.checklist.snapshot;
        let provider = snap.provider.trim();
        // The generic checklist stands for any operator: its provider is not a name to
        // write on a letter, so the person fills it in.
        if !provider.is_empty() && snap.id != GENERIC_CHECKLIST {
            v.values[Field::OperatorName.index()] = Some(vec![provider.to_string()]);
        }
        if !snap.contacts.postal.is_empty() {
            v.values[Field::OperatorAddress.index()] = Some(snap.contacts.postal.clone());
        }
        if let Some(email) = snap
            .contacts
            .email
            .as_deref()
            .filter(|e| !e.trim().is_empty())
        {
            v.values[Field::OperatorEmail.index()] = Some(vec![email.trim().to_string()]);
        }
        v
    }

    fn get(&self, f: Field) -> Option<&[String]> {
        self.values[f.index()].as_deref()
    }
}

/// The language a filled template is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextLang {
    French,
    Ui(Lang),
}

impl TextLang {
    fn missing(self, f: Field) -> String {
        match self {
            TextLang::French => format!("[À COMPLÉTER : {}]", f.french()),
            TextLang::Ui(l) => {
                let s = &l.strings().letter;
                i18n::fill(s.missing, &[("what", &s.fields[f.index()])])
            }
        }
    }

    fn date(self, d: NaiveDate) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = d.month0() as usize;
        match self {
            TextLang::French if d.day() == 1 => format!("1er {} {}", FR[month], d.year()),
            TextLang::French => format!("{} {} {}", d.day(), FR[month], d.year()),
            TextLang::Ui(Lang::En) => format!("{} {} {}", d.day(), EN[month], d.year()),
            TextLang::Ui(Lang::ZhCn) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        }
    }
}

/// Fills a template; returns the text and how many values were missing.
fn fill(src: &str, values: &Values, today: NaiveDate, lang: TextLang) -> (String, usize) {
    let (pieces, _) = parse(src);
    let mut out = String::with_capacity(src.len() + 256);
    let mut missing = 0;
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Field(Field::Date) => out.push_str(&lang.date(today)),
            Piece::Field(f) => match values.get(f) {
                Some(lines) => {
                    // On a line of its own, a multi-line value keeps its indentation on every
                    // line (address blocks); inside a sentence its lines are joined by commas.
                    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
                    let prefix = &out[line_start..];
                    if prefix.chars().all(char::is_whitespace) {
                        let sep = format!("\n{prefix}");
                        out.push_str(&lines.join(&sep));
                    } else {
                        out.push_str(&lines.join(", "));
                    }
                }
                None => {
                    missing += 1;
                    out.push_str(&lang.missing(f));
                }
            },
        }
    }
    (out, missing)
}

/// Where templates are looked for, most important first.
#[derive(Clone, Debug, Default)]
pub struct TemplateDirs {
    /// Folders holding template files (each checklist folder's `letters/`).
    pub dirs: Vec<PathBuf>,
}

impl TemplateDirs {
    /// The `letters/` folders of each `--checklists DIR` (the last given first) and of the
    /// user's checklist folder; the bundled templates come after them all.
    pub fn new(sources: &Sources) -> TemplateDirs {
        let mut dirs: Vec<PathBuf> = sources
            .dirs
            .iter()
            .rev()
            .map(|d| d.join("letters"))
            .collect();
        dirs.extend(sources.user_dir.as_ref().map(|d| d.join("letters")));
        TemplateDirs { dirs }
    }

    /// The template `<name>.<kind>.<tag>.txt`, with where it came from.
    fn find(&self, name: &str, kind: Kind, tag: &str) -> Result<Option<(String, String)>, Error> {
        let file = format!("{name}.{}.{tag}.txt", kind.as_str());
        for dir in &self.dirs {
            let path = dir.join(&file);
            match std::fs::read_to_string(&path) {
                Ok(src) => return Ok(Some((src, path.display().to_string()))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::UnreadableTemplate {
                        path,
                        reason: ReadError::of(&e),
                    });
                }
            }
        }
        Ok(bundled(name, kind, tag).map(|src| (src.to_string(), format!("bundled {file}"))))
    }
}

/// The templates compiled into the binary.
fn bundled(name: &str, kind: Kind, tag: &str) -> Option<&'static str> {
    if name != DEFAULT_TEMPLATE {
        return None;
    }
    Some(match (kind, tag) {
        (Kind::Letter, "fr") => include_str!("../../checklists/letters/generic.letter.fr.txt"),
        (Kind::Letter, "en") => include_str!("../../checklists/letters/generic.letter.en.txt"),
        (Kind::Letter, "zh-CN") => {
            include_str!("../../checklists/letters/generic.letter.zh-CN.txt")
        }
        (Kind::Email, "fr") => include_str!("../../checklists/letters/generic.email.fr.txt"),
        (Kind::Email, "en") => include_str!("../../checklists/letters/generic.email.en.txt"),
        (Kind::Email, "zh-CN") => include_str!("../../checklists/letters/generic.email.zh-CN.txt"),
        _ => return None,
    })
}

/// A filled letter.
#[derive(Clone, Debug)]
pub struct Filled {
    /// The French text, then its translation, each under a heading.
    pub text: String,
    /// How many values of the French text are marked missing.
    pub missing: usize,
}

/// Fills the session's template (the checklist's `letter`, else `generic`) in French and in
/// `lang`, dated `today`.
pub fn render(
    session: &Session,
    kind: Kind,
    lang: Lang,
    today: NaiveDate,
    dirs: &TemplateDirs,
) -> Result<Filled, Error> {
    let name = session
        .checklist
        .snapshot
        .letter
        .as_deref()
        .unwrap_or(DEFAULT_TEMPLATE);
    let s = &lang.strings().letter;
    // The name becomes part of a file path: a hand-edited or damaged session must not reach
    // files outside the template folders (`../..`). The checklist loader allows no other.
    if !crate::checklist::is_id(name, false) {
        return Err(Error::BadTemplateName {
            session: session.id.clone(),
            name: name.to_string(),
        });
    }
    let kind_label = kind.label(lang.strings());
    let load = |tag: &str| -> Result<(String, String), Error> {
        dirs.find(name, kind, tag)?.ok_or_else(|| {
            let mut searched: Vec<String> =
                dirs.dirs.iter().map(|d| d.display().to_string()).collect();
            searched.push("bundled".into());
            Error::NoTemplate {
                file: format!("{name}.{}.{tag}.txt", kind.as_str()),
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
    let translation = match dirs.find(name, kind, lang.tag())? {
        Some(found) => checked(found)?,
        None => checked(load("en")?)?,
    };
    let values = Values::from_session(session);
    let (fr_text, missing) = fill(&french, &values, today, TextLang::French);
    let (tr_text, _) = fill(&translation, &values, today, TextLang::Ui(lang));
    let mut text = String::with_capacity(fr_text.len() + tr_text.len() + 256);
    push_heading(
        &mut text,
        &i18n::fill(s.french_heading, &[("kind", &kind_label)]),
    );
    text.push_str(fr_text.trim_end());
    text.push_str("\n\n");
    push_heading(&mut text, s.translation_heading);
    text.push_str(s.translation_note);
    text.push_str("\n\n");
    text.push_str(tr_text.trim_end());
    text.push('\n');
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
    use super::*;
    use crate::export::fixtures;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    }

    fn render_for(session: &Session, kind: Kind, lang: Lang) -> Filled {
        render(session, kind, lang, today(), &TemplateDirs::default()).expect("letter renders")
    }

    /// The session with no recorded input and a checklist without contacts.
    fn bare() -> Session {
        let mut s = fixtures::unfinished();
        s.steps.iter_mut().for_each(|r| r.inputs.clear());
        s.checklist.snapshot.contacts = Default::default();
        s
    }

    #[test]
    fn every_bundled_template_is_valid() {
        for kind in [Kind::Letter, Kind::Email] {
            for tag in ["fr", "en", "zh-CN"] {
                let src = bundled(DEFAULT_TEMPLATE, kind, tag).expect("bundled template");
                assert_eq!(check_template(src), vec![], "{kind:?} {tag}");
            }
        }
    }

    #[test]
    fn unknown_and_unclosed_placeholders_are_reported_with_line_and_column() {
        let problems =
            check_template("Bonjour {{holder_name}},\n  né le {{birth_date}} à {{city\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].col), (2, 9));
        assert_eq!(
            problems[0].problem,
            Problem::UnknownPlaceholder {
                name: "birth_date".into()
            }
        );
        assert_eq!((problems[1].line, problems[1].col), (2, 26));
        assert_eq!(problems[1].problem, Problem::UnclosedPlaceholder);
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
    fn template_files_are_recognised_by_name() {
        for ok in ["generic.letter.fr.txt", "orange.email.zh-CN.txt"] {
            assert!(is_template_file(Path::new(ok)), "{ok}");
        }
        for bad in [
            "generic.toml",
            "generic.letter.txt",
            "notes.txt",
            "a.fax.fr.txt",
            ".letter.fr.txt",
        ] {
            assert!(!is_template_file(Path::new(bad)), "{bad}");
        }
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 8, 1).expect("date");
        assert_eq!(TextLang::French.date(d), "1er août 2026");
        assert_eq!(
            TextLang::French.date(today()),
            "1 décembre 2026".replace("1 ", "1er ")
        );
        assert_eq!(TextLang::Ui(Lang::En).date(d), "1 August 2026");
        assert_eq!(TextLang::Ui(Lang::ZhCn).date(d), "2026年8月1日");
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
        let filled = render(&s, Kind::Letter, Lang::ZhCn, today(), &dirs).expect("renders");
        assert!(filled.text.contains("Objet : 06 12 34 56 78"));
        assert!(filled.text.contains("Subject: 06 12 34 56 78"));

        std::fs::write(letters.join("demo.letter.fr.txt"), "Objet : {{numero}}\n").expect("write");
        let err = render(&s, Kind::Letter, Lang::En, today(), &dirs).expect_err("bad template");
        let Error::BadTemplate { origin, problem } = err else {
            panic!("{err:?}")
        };
        assert!(origin.ends_with("letters/demo.letter.fr.txt"), "{origin}");
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
        let err = render(&s, Kind::Letter, Lang::En, today(), &dirs).expect_err("a folder");
        assert!(
            matches!(&err, Error::UnreadableTemplate { path, .. } if path.ends_with("folder.letter.fr.txt")),
            "{err:?}"
        );

        // A damaged session cannot make the name a path out of the template folders.
        std::fs::write(dir.path().join("escape.letter.fr.txt"), "Objet\n").expect("write");
        std::fs::write(dir.path().join("escape.letter.en.txt"), "Subject\n").expect("write");
        s.checklist.snapshot.letter = Some("../escape".into());
        let err = render(&s, Kind::Letter, Lang::En, today(), &dirs).expect_err("a path");
        assert!(
            matches!(&err, Error::BadTemplateName { name, .. } if name == "../escape"),
            "{err:?}"
        );

        s.checklist.snapshot.letter = Some("nowhere".into());
        let err = render(&s, Kind::Email, Lang::En, today(), &dirs).expect_err("no template");
        assert!(
            matches!(&err, Error::NoTemplate { file, .. } if file == "nowhere.email.fr.txt"),
            "{err:?}"
        );
    }
}
