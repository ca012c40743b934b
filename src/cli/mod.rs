//! The command line, as clap types only, and its help and usage errors in the person's
//! language ([`help`], [`errors`]).
//! Read only by `lib::run` and the command layer, which turns these into the commands'
//! context and options before any logic runs. Values from a domain vocabulary (`--kind`,
//! `--format`) take their possible values from it: no mirror enum here.

pub mod errors;
pub mod help;

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::checklist::Kind;
use crate::export::Format;
use crate::i18n::Lang;
use crate::letter;
use crate::vocabulary::Vocabulary;

/// Walks you through cancelling a mobile line, SIM, eSIM or travel roaming card, step by step,
/// and keeps a dated record. 一步步引导您注销手机号、SIM 卡、eSIM 或出国流量卡，并保留带日期的记录。
#[derive(Debug, Parser)]
// `bin_name`: usage lines say `simcancel`, also when the program file is `simcancel.exe`.
#[command(
    name = "simcancel",
    bin_name = "simcancel",
    version,
    about,
    max_term_width = 100,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Options for every command.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// What to do; without it, a short help in the person's language (exit 2).
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted by every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Interface language [default: from LC_ALL, LC_MESSAGES or LANG, else en]
    #[arg(long, global = true, value_parser = languages())]
    pub lang: Option<Lang>,

    /// Also load checklists from this folder (repeatable; later ones override earlier ones by id)
    #[arg(long = "checklists", value_name = "DIR", global = true)]
    pub checklists: Vec<PathBuf>,

    /// Where sessions are kept [default: the platform's data folder, e.g. ~/.local/share/simcancel]
    #[arg(long, value_name = "DIR", env = "SIMCANCEL_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Numbered line prompts instead of the interactive UI (automatic when stdin or stdout is not a terminal)
    #[arg(long, global = true)]
    pub plain: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the checklists you can follow, and where each comes from
    List(ListArgs),
    /// Read a checklist without starting a session
    Show(ShowArgs),
    /// Start a guided session on a checklist (a picker when none is given)
    Guide(GuideArgs),
    /// Continue a session where it stopped (the most recent unfinished one when none is given)
    Resume(ResumeArgs),
    /// List sessions with their progress, state and next due date
    Sessions(SessionsArgs),
    /// Write the record of a session (Markdown, JSON, HTML, text or calendar reminders)
    Export(ExportArgs),
    /// Write the filled cancellation letter, refund request or e-mail, with a translation
    Letter(LetterArgs),
    /// Check checklist files and report every problem as path:line:col
    Validate(ValidateArgs),
    /// Write a valid, commented skeleton checklist to start a new one from
    New(NewArgs),
    /// Feedback on a session for the checklist's maintainers: Markdown to paste into an issue,
    /// without the values you recorded
    Report(ReportArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
}

/// Options of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only checklists for this country (ISO code, e.g. FR)
    #[arg(long, value_name = "CC", value_parser = country_code)]
    pub country: Option<String>,

    /// Only checklists of this kind
    #[arg(long, value_parser = vocabulary(kind_help))]
    pub kind: Option<Kind>,

    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Checklist id (see `simcancel list`)
    pub checklist: String,

    /// Print the checklist as JSON
    #[arg(long)]
    pub json: bool,
}

/// Options of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Checklist files, or folders of them
    #[arg(required = true, value_name = "FILE_OR_DIR")]
    pub paths: Vec<PathBuf>,

    /// For maintainers: hold the files to the bundled catalogue's rules (a fact without a
    /// source is an error) and fail on a checklist verified more than 180 days ago
    #[arg(long)]
    pub strict: bool,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session id, or any unique prefix of it (see `simcancel sessions`)
    pub session: String,

    /// Output format [default: from the -o file's extension, else md]
    #[arg(long, short = 'f', value_parser = vocabulary(format_help))]
    pub format: Option<Format>,

    /// Write to this file (private, mode 0600) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Mask personal values, notes and skip reasons, keeping their last 2 characters, to share the record
    #[arg(long)]
    pub redact: bool,

    /// Fail (exit 1) instead of exporting an unfinished session marked INCOMPLETE
    #[arg(long)]
    pub require_complete: bool,
}

/// Options of `letter`.
#[derive(Debug, Args)]
pub struct LetterArgs {
    /// Session id, or any unique prefix of it (see `simcancel sessions`)
    pub session: String,

    /// The letter, or an e-mail where the checklist has the address
    #[arg(long, value_parser = vocabulary(letter_kind_help), default_value = "letter")]
    pub kind: letter::Kind,

    /// Write to this file (private, mode 0600) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Options of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new checklist's id ([a-z0-9-]+), also its file name
    #[arg(value_parser = checklist_id)]
    pub id: String,

    /// Write to this file (named <ID>.toml) instead of your checklist folder; an existing file
    /// is never overwritten
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Session id, or any unique prefix of it (see `simcancel sessions`)
    pub session: String,

    /// Also include your skip reasons and notes, with digits, e-mail addresses, links and
    /// recorded values masked (read the result before you paste it)
    #[arg(long)]
    pub with_text: bool,
}

/// Options of `guide`.
#[derive(Debug, Args)]
pub struct GuideArgs {
    /// Checklist id (see `simcancel list`); without it, pick one from the catalogue
    pub checklist: Option<String>,

    /// Answer a question in advance, e.g. `--answer keep_number=no` (repeatable); an unknown
    /// question or an impossible value exits with code 2 and lists the valid ones
    #[arg(long = "answer", value_name = "ID=VALUE")]
    pub answers: Vec<String>,
}

/// Options of `resume`.
#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// Session id or a unique prefix of it (see `simcancel sessions`); without it, the most
    /// recent unfinished session, or a picker when several are unfinished
    pub session: Option<String>,

    /// Answer (or change the answer to) a question, e.g. `--answer esim=yes` (repeatable)
    #[arg(long = "answer", value_name = "ID=VALUE")]
    pub answers: Vec<String>,
}

/// Options of `sessions`.
#[derive(Debug, Args)]
pub struct SessionsArgs {
    /// Also show completed and abandoned sessions
    #[arg(long)]
    pub all: bool,

    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

/// A `--country` value that is not a country code (typed, so that [`errors`] can say why
/// in the person's language).
#[derive(Debug, thiserror::Error)]
#[error("use a two-letter country code such as FR, or INT")]
pub struct NotACountryCode;

/// A `new` id that is not a checklist id (typed, so that [`errors`] can say why in the
/// person's language).
#[derive(Debug, thiserror::Error)]
#[error("use lower-case letters, digits and dashes ([a-z0-9-]+, at most 64), e.g. my-operator")]
pub struct NotAChecklistId;

/// A checklist id for `new`.
fn checklist_id(s: &str) -> Result<String, NotAChecklistId> {
    if crate::checklist::is_id(s, false) {
        Ok(s.to_string())
    } else {
        Err(NotAChecklistId)
    }
}

/// A country filter: two letters (any case, stored upper-case) or `INT`.
fn country_code(s: &str) -> Result<String, NotACountryCode> {
    let upper = s.trim().to_ascii_uppercase();
    let two_letters = upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase());
    if two_letters || upper == "INT" {
        Ok(upper)
    } else {
        Err(NotACountryCode)
    }
}

/// A value parser for a domain vocabulary: its names are the possible values, each with the
/// help `help` gives it, so the command line adds no list of its own.
fn vocabulary<T: Vocabulary + Send + Sync>(
    help: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    let values = T::ALL
        .iter()
        .map(move |v| PossibleValue::new(v.name()).help(help(*v)));
    // The possible values were checked by clap before the name is looked up.
    PossibleValuesParser::new(values)
        .try_map(|name: String| T::from_name(&name).ok_or("not a possible value"))
}

/// The help of each `--kind` value.
fn kind_help(kind: Kind) -> &'static str {
    match kind {
        Kind::Prepaid => "Pay-as-you-go card",
        Kind::Postpaid => "Monthly plan",
        Kind::Esim => "Embedded SIM",
        Kind::Travel => "Travel roaming card or travel eSIM",
    }
}

/// The help of each `--format` value.
fn format_help(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Json => "JSON for other programs (schema: docs/export-format.md)",
        Format::Html => "One self-contained, printable HTML file",
        Format::Text => "Plain text, wrapped for e-mail",
        Format::Ics => "iCalendar reminders for due dates and after-steps",
    }
}

/// The help of each `--kind` value of `letter`.
fn letter_kind_help(kind: letter::Kind) -> &'static str {
    match kind {
        letter::Kind::Letter => {
            "Registered letter (LRAR) to a French operator, or a request to a seller abroad"
        }
        letter::Kind::Email => "E-mail, where the checklist has the address",
    }
}

/// The `--lang` values: each language's tag, named in its own language, with the short
/// and lower-case forms people type.
fn languages() -> impl TypedValueParser<Value = Lang> {
    let values = Lang::ALL.iter().map(|lang| {
        let value = PossibleValue::new(lang.tag());
        match lang {
            Lang::En => value.help("English"),
            Lang::ZhCn => value.help("简体中文").aliases(["zh", "zh-cn"]),
        }
    });
    PossibleValuesParser::new(values)
        .try_map(|tag: String| Lang::from_tag(&tag).ok_or("not a possible value"))
}
