//! The in-memory form of a checklist, as loaded from TOML and as copied into a session.
//!
//! The types serialize to JSON (the session snapshot and `show --json`); they are built from
//! TOML only by [`crate::checklist::parse_str`], which keeps the source locations for diagnostics.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::duration::WaitDuration;
use super::source::{Source, source_list};
use super::text::{Text, pairs};
use crate::vocabulary::vocabulary;

/// The newest checklist format version this build reads (and the one `simcancel new` writes).
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest checklist format version this build still reads.
pub const OLDEST_SCHEMA: u32 = 1;

/// How many days after `verified` a checklist is shown as stale ("checked N days ago —
/// confirm on the official page") and `validate --strict` refuses it.
pub const STALE_AFTER_DAYS: i64 = 180;

vocabulary! {
    /// What a checklist is for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Kind {
        /// Pay-as-you-go card (carte prépayée).
        Prepaid => "prepaid",
        /// Monthly plan (forfait).
        Postpaid => "postpaid",
        /// Embedded SIM profile.
        Esim => "esim",
        /// Travel roaming card or travel eSIM.
        Travel => "travel",
    }
}

vocabulary! {
    /// How hard the cancellation is, for the catalogue.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Difficulty {
        /// A few clicks online.
        Easy => "easy",
        /// Online, with some checks or a call.
        Medium => "medium",
        /// Letter, call or retention offers.
        Hard => "hard",
        /// Only partly possible (e.g. a prepaid line can only lapse).
        Limited => "limited",
        /// No way to cancel; only let it expire.
        Impossible => "impossible",
    }
}

vocabulary! {
    /// Objective facts about a cancellation, shown as tags.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Flag {
        /// Cancelling costs money.
        Fee => "fee",
        /// A phone call is needed.
        NeedsCall => "needs-call",
        /// A letter is needed.
        NeedsLetter => "needs-letter",
        /// An identity document is needed.
        NeedsId => "needs-id",
        /// Only possible in the provider's app.
        InAppOnly => "in-app-only",
        /// Expect a retention offer.
        RetentionOffer => "retention-offer",
        /// Cannot be undone.
        Irreversible => "irreversible",
    }
}

vocabulary! {
    /// The phase a step belongs to, in walking order.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Phase {
        /// Before cancelling: balance, two-factor codes, porting, unlocking.
        Prepare => "prepare",
        /// Log in to the provider's account.
        Login => "login",
        /// Find the cancel option.
        FindOption => "find-option",
        /// Confirm the intent.
        Confirm => "confirm",
        /// Submit the request.
        Submit => "submit",
        /// Wait for the confirmation.
        Wait => "wait",
        /// After: statements, eSIM profile, the card.
        After => "after",
    }
}

impl Phase {
    /// The five phases every checklist must have.
    pub const CORE: [Phase; 5] = [
        Phase::Login,
        Phase::FindOption,
        Phase::Confirm,
        Phase::Submit,
        Phase::Wait,
    ];
}

/// How many days before `today` a checklist was `verified`, when that is more than
/// [`STALE_AFTER_DAYS`].
pub fn stale_days(verified: NaiveDate, today: NaiveDate) -> Option<i64> {
    let days = (today - verified).num_days();
    (days > STALE_AFTER_DAYS).then_some(days)
}

/// A checklist: one provider plan's cancellation procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    /// Format version (`1` or `2`).
    pub schema: u32,
    /// `[a-z0-9-]+`, also the file name.
    pub id: String,
    /// Display name, e.g. "Orange Mobicarte".
    pub name: Text,
    /// The operator or seller: a brand name, the same in every language, or a text where it
    /// is a description (the generic checklist's "Any French operator").
    pub provider: Text,
    /// The network the brand runs on (format 2), e.g. "Orange" for Sosh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// Other names people type to find it, in any language (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO 3166 country code, upper case.
    pub country: String,
    /// What kinds of line it covers.
    pub kinds: Vec<Kind>,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// Objective facts.
    pub flags: Vec<Flag>,
    /// Last date someone checked the content against its sources.
    pub verified: NaiveDate,
    /// Where the facts come from, in file order. A schema-1 file's plain strings (URLs or
    /// page titles) are read as sources without id, publisher, date, quote or confidence.
    #[serde(deserialize_with = "source_list::deserialize")]
    pub sources: Vec<Source>,
    /// One or two sentences shown by `show` and the picker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// A longer text: who this is for, why this brand (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The sources of what `summary` and `description` state (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
    /// Named https links, in file order.
    #[serde(with = "pairs")]
    pub links: Vec<(String, String)>,
    /// Customer service.
    pub contacts: Contacts,
    /// Name of the letter template to use (`generic` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<String>,
    /// Questions asked at the start or at a step.
    pub questions: Vec<Question>,
    /// The steps, in walking order.
    pub steps: Vec<Step>,
}

impl Checklist {
    /// The URL of a named link.
    pub fn link(&self, name: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, u)| u.as_str())
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// How many days before `today` the checklist was verified, when that is more than
    /// [`STALE_AFTER_DAYS`]: it should then be confirmed on the official pages.
    pub fn stale_days(&self, today: NaiveDate) -> Option<i64> {
        stale_days(self.verified, today)
    }

    /// The source with this id (format 2; schema-1 sources have none).
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| !s.id.is_empty() && s.id == id)
    }
}

/// Customer-service contacts, shown at every step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contacts {
    /// Phone number, as dialled in the country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A number callable from abroad (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_abroad: Option<String>,
    /// Support e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address for cancellation letters, one line per line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postal: Vec<String>,
    /// When to call, or any other note about reaching them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The sources of these contact details (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
}

impl Contacts {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.phone.is_none()
            && self.phone_abroad.is_none()
            && self.email.is_none()
            && self.postal.is_empty()
            && self.note.is_none()
    }
}

/// A question whose answer decides which steps apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// `[a-z0-9_-]+`, referred to by `when`.
    pub id: String,
    /// Yes/no or one of several choices.
    pub kind: QuestionKind,
    /// The question.
    pub text: Text,
    /// Extra explanation shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Ask it when this step is reached instead of at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The sources of what its text, help and choices state (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
}

impl Question {
    /// Whether `value` is an answer this question can give.
    pub fn accepts(&self, value: &Answer) -> bool {
        match (&self.kind, value) {
            (QuestionKind::YesNo, Answer::Bool(_)) => true,
            (QuestionKind::Choice(choices), Answer::Choice(c)) => {
                choices.iter().any(|x| &x.id == c)
            }
            _ => false,
        }
    }

    /// Every answer this question can give, in order.
    pub fn answers(&self) -> Vec<Answer> {
        match &self.kind {
            QuestionKind::YesNo => vec![Answer::Bool(true), Answer::Bool(false)],
            QuestionKind::Choice(choices) => choices
                .iter()
                .map(|c| Answer::Choice(c.id.clone()))
                .collect(),
        }
    }

    /// Reads an answer typed by a person or given with `--answer`: `yes`/`no` (also
    /// `true`/`false`, `y`/`n`, `是`/`否`) or a choice id.
    pub fn parse_answer(&self, raw: &str) -> Option<Answer> {
        let raw = raw.trim();
        match &self.kind {
            QuestionKind::YesNo => match raw.to_lowercase().as_str() {
                "yes" | "y" | "true" | "1" | "是" => Some(Answer::Bool(true)),
                "no" | "n" | "false" | "0" | "否" => Some(Answer::Bool(false)),
                _ => None,
            },
            QuestionKind::Choice(choices) => choices
                .iter()
                .find(|c| c.id == raw)
                .map(|c| Answer::Choice(c.id.clone())),
        }
    }
}

/// The form of a question's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// One of these choices.
    Choice(Vec<Choice>),
}

impl QuestionKind {
    /// The name of this kind, as written in a checklist's `kind = "..."`.
    pub fn form(&self) -> AnswerForm {
        match self {
            QuestionKind::YesNo => AnswerForm::YesNo,
            QuestionKind::Choice(_) => AnswerForm::Choice,
        }
    }
}

vocabulary! {
    /// The kinds of question as a checklist names them (`kind = "yes-no"`); the choices of
    /// a `choice` question are read separately into [`QuestionKind::Choice`].
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum AnswerForm {
        /// Yes or no.
        YesNo => "yes-no",
        /// One of the `choices`.
        Choice => "choice",
    }
}

/// One possible answer to a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// The value stored and matched by `when`.
    pub id: String,
    /// What the person sees.
    pub label: Text,
}

/// An answer to a question.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// For yes/no questions.
    Bool(bool),
    /// The id of a choice.
    Choice(String),
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Bool(true) => f.write_str("yes"),
            Answer::Bool(false) => f.write_str("no"),
            Answer::Choice(c) => f.write_str(c),
        }
    }
}

/// The answers given so far, by question id.
pub type Answers = BTreeMap<String, Answer>;

/// One condition of a step's `when`: the question's answer must be one of `any_of`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The question id.
    pub question: String,
    /// The answers that satisfy the condition.
    pub any_of: Vec<Answer>,
}

/// One step of the walk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// `[a-z0-9-]+`, unique in the checklist.
    pub id: String,
    /// The phase it belongs to.
    pub phase: Phase,
    /// Short title.
    pub title: Text,
    /// What to do, in a few sentences.
    pub body: Text,
    /// Names of links from the checklist's `[links]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// All must hold for the step to apply; empty = always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// Values the person records at this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Input>,
    /// Expected wait; reaching the step sets the session's due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitDuration>,
    /// The sources of what its title and body state (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
}

impl Step {
    /// Whether the step applies given the answers so far. A condition on a question not
    /// answered yet does not hold.
    pub fn applies(&self, answers: &Answers) -> bool {
        self.when.iter().all(|c| {
            answers
                .get(&c.question)
                .is_some_and(|a| c.any_of.contains(a))
        })
    }
}

/// A value the person records at a step (a reference number, a date, ...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// `[a-z0-9_-]+`, unique in its step.
    pub id: String,
    /// What to type.
    pub label: Text,
    /// Masked by `export --redact`.
    #[serde(default)]
    pub personal: bool,
    /// The step cannot be marked done without it.
    #[serde(default)]
    pub required: bool,
    /// A regular expression the whole value must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A hint shown under the label (e.g. the expected form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_applies_only_when_every_condition_holds() {
        let step = Step {
            id: "s".into(),
            phase: Phase::Prepare,
            title: Text::plain("t"),
            body: Text::plain("b"),
            links: vec![],
            when: vec![Condition {
                question: "keep".into(),
                any_of: vec![Answer::Bool(true)],
            }],
            inputs: vec![],
            wait: None,
            cite: vec![],
        };
        let mut answers = Answers::new();
        assert!(!step.applies(&answers));
        answers.insert("keep".into(), Answer::Bool(false));
        assert!(!step.applies(&answers));
        answers.insert("keep".into(), Answer::Bool(true));
        assert!(step.applies(&answers));
    }

    #[test]
    fn a_checklist_is_stale_more_than_180_days_after_it_was_verified() {
        let mut c: Checklist = serde_json::from_value(serde_json::json!({
            "schema": 2, "id": "x", "name": {"en": "X"}, "provider": "X", "country": "FR",
            "kinds": ["prepaid"], "difficulty": "easy", "flags": [], "verified": "2026-01-01",
            "sources": [], "links": {}, "contacts": {}, "questions": [], "steps": []
        }))
        .expect("reads");
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("date");
        assert_eq!(c.stale_days(day(6, 30)), None, "180 days");
        assert_eq!(c.stale_days(day(7, 1)), Some(181));
        c.verified = day(7, 1);
        assert_eq!(c.stale_days(day(1, 1)), None, "verified after today");
    }

    #[test]
    fn question_kinds_are_stored_under_the_names_checklists_use() {
        let yes_no = serde_json::to_value(QuestionKind::YesNo).unwrap();
        assert_eq!(yes_no, QuestionKind::YesNo.form().name());
        let choice = QuestionKind::Choice(vec![]);
        let json = serde_json::to_value(&choice).unwrap();
        assert!(json.get(choice.form().name()).is_some(), "{json}");
    }
}
