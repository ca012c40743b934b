//! The in-memory form of a checklist, as loaded from TOML and as copied into a session.
//!
//! The types serialize to JSON (the session snapshot and `show --json`); they are built from
//! TOML only by [`crate::checklist::load`], which keeps the source locations for diagnostics.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The checklist format version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A user-facing text: one string for every language, or one per language tag.
///
/// Serialized as a map from language tag (`en`, `zh-CN`, `zh`, ...) to text; a plain TOML
/// string is stored under `en`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Text(#[serde(with = "pairs")] pub Vec<(String, String)>);

impl Text {
    /// A text with a single English value (what a plain TOML string means).
    pub fn plain(s: impl Into<String>) -> Self {
        Text(vec![("en".to_string(), s.into())])
    }

    /// The text for `lang`, falling back `zh-CN` → `zh` → `en` → the first one given.
    pub fn get(&self, lang: Lang) -> &str {
        self.get_tag(lang.tag())
    }

    /// The text for a language tag, with the same fallback as [`Text::get`].
    pub fn get_tag(&self, tag: &str) -> &str {
        let find = |t: &str| {
            self.0
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(t))
                .map(|(_, v)| v.as_str())
        };
        let primary = tag.split('-').next().unwrap_or(tag);
        find(tag)
            .or_else(|| find(primary))
            .or_else(|| find("en"))
            .or_else(|| self.0.first().map(|(_, v)| v.as_str()))
            .unwrap_or("")
    }

    /// Whether a value exists for this exact tag (no fallback).
    pub fn has(&self, tag: &str) -> bool {
        self.0.iter().any(|(k, _)| k.eq_ignore_ascii_case(tag))
    }

    /// Whether every value is empty (or there is none).
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// What a checklist is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Pay-as-you-go card (carte prépayée).
    Prepaid,
    /// Monthly plan (forfait).
    Postpaid,
    /// Embedded SIM profile.
    Esim,
    /// Travel roaming card or travel eSIM.
    Travel,
}

/// How hard the cancellation is, for the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    /// A few clicks online.
    Easy,
    /// Online, with some checks or a call.
    Medium,
    /// Letter, call or retention offers.
    Hard,
    /// Only partly possible (e.g. a prepaid line can only lapse).
    Limited,
    /// No way to cancel; only let it expire.
    Impossible,
}

/// Objective facts about a cancellation, shown as tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// Cancelling costs money.
    Fee,
    /// A phone call is needed.
    NeedsCall,
    /// A letter is needed.
    NeedsLetter,
    /// An identity document is needed.
    NeedsId,
    /// Only possible in the provider's app.
    InAppOnly,
    /// Expect a retention offer.
    RetentionOffer,
    /// Cannot be undone.
    Irreversible,
}

/// The phase a step belongs to, in walking order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Before cancelling: balance, two-factor codes, porting, unlocking.
    Prepare,
    /// Log in to the provider's account.
    Login,
    /// Find the cancel option.
    FindOption,
    /// Confirm the intent.
    Confirm,
    /// Submit the request.
    Submit,
    /// Wait for the confirmation.
    Wait,
    /// After: statements, eSIM profile, the card.
    After,
}

impl Phase {
    /// Every phase, in walking order.
    pub const ALL: [Phase; 7] = [
        Phase::Prepare,
        Phase::Login,
        Phase::FindOption,
        Phase::Confirm,
        Phase::Submit,
        Phase::Wait,
        Phase::After,
    ];

    /// The five phases every checklist must have.
    pub const CORE: [Phase; 5] = [
        Phase::Login,
        Phase::FindOption,
        Phase::Confirm,
        Phase::Submit,
        Phase::Wait,
    ];

    /// The name used in files and headers.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Prepare => "prepare",
            Phase::Login => "login",
            Phase::FindOption => "find-option",
            Phase::Confirm => "confirm",
            Phase::Submit => "submit",
            Phase::Wait => "wait",
            Phase::After => "after",
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A checklist: one provider plan's cancellation procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    /// Format version (`1`).
    pub schema: u32,
    /// `[a-z0-9-]+`, also the file name.
    pub id: String,
    /// Display name, e.g. "Orange Mobicarte".
    pub name: Text,
    /// The operator or seller.
    pub provider: String,
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
    /// Where the steps come from (URLs or titles).
    pub sources: Vec<String>,
    /// One or two sentences shown by `show` and the picker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
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
}

/// Customer-service contacts, shown at every step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contacts {
    /// Phone number, as dialled in the country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Support e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address for cancellation letters, one line per line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postal: Vec<String>,
    /// When to call, or any other note about reaching them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Contacts {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.phone.is_none()
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

/// An expected wait, written `48h`, `5d` or `2w`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WaitDuration {
    /// The length in hours.
    pub hours: u32,
}

impl WaitDuration {
    /// The length as a chrono duration.
    pub fn as_chrono(self) -> chrono::TimeDelta {
        chrono::TimeDelta::hours(i64::from(self.hours))
    }
}

impl std::str::FromStr for WaitDuration {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let unit_at = s
            .find(|c: char| !c.is_ascii_digit())
            .ok_or_else(|| format!("`{s}` has no unit: write it like 48h, 5d or 2w"))?;
        let (num, unit) = s.split_at(unit_at);
        let n: u32 = num.parse().map_err(|_| {
            format!("`{s}` does not start with a number: write it like 48h, 5d or 2w")
        })?;
        let per = match unit {
            "h" => 1,
            "d" => 24,
            "w" => 24 * 7,
            _ => return Err(format!("`{s}` has an unknown unit `{unit}`: use h, d or w")),
        };
        if n == 0 {
            return Err(format!("`{s}` is zero: a wait must last at least 1h"));
        }
        n.checked_mul(per)
            .filter(|h| *h <= 24 * 366)
            .map(|hours| WaitDuration { hours })
            .ok_or_else(|| format!("`{s}` is longer than a year"))
    }
}

impl TryFrom<String> for WaitDuration {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<WaitDuration> for String {
    fn from(d: WaitDuration) -> String {
        d.to_string()
    }
}

impl fmt::Display for WaitDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.hours.is_multiple_of(24 * 7) {
            write!(f, "{}w", self.hours / (24 * 7))
        } else if self.hours.is_multiple_of(24) {
            write!(f, "{}d", self.hours / 24)
        } else {
            write!(f, "{}h", self.hours)
        }
    }
}

/// Ordered (key, value) pairs as a JSON object, keeping their order.
mod pairs {
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(v.len()))?;
        for (k, x) in v {
            map.serialize_entry(k, x)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = Vec<(String, String)>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    out.push(entry);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_from_zh_cn_to_zh_to_en_to_first() {
        let t = Text(vec![
            ("en".into(), "Hello".into()),
            ("zh".into(), "你好".into()),
        ]);
        assert_eq!(t.get(Lang::ZhCn), "你好");
        assert_eq!(t.get(Lang::En), "Hello");
        let only_fr = Text(vec![("fr".into(), "Bonjour".into())]);
        assert_eq!(only_fr.get(Lang::ZhCn), "Bonjour");
        let both = Text(vec![
            ("en".into(), "Hi".into()),
            ("zh-CN".into(), "嗨".into()),
        ]);
        assert_eq!(both.get(Lang::ZhCn), "嗨");
        assert_eq!(Text::default().get(Lang::En), "");
    }

    #[test]
    fn texts_and_links_serialize_as_ordered_maps() {
        let t = Text(vec![
            ("zh-CN".into(), "你好".into()),
            ("en".into(), "Hi".into()),
        ]);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"zh-CN":"你好","en":"Hi"}"#);
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
    }

    #[test]
    fn durations_parse_and_print() {
        assert_eq!("48h".parse::<WaitDuration>().unwrap().hours, 48);
        assert_eq!("5d".parse::<WaitDuration>().unwrap().hours, 120);
        assert_eq!("2w".parse::<WaitDuration>().unwrap().to_string(), "2w");
        assert_eq!("48h".parse::<WaitDuration>().unwrap().to_string(), "2d");
        for bad in ["", "5", "d", "5m", "0d", "99999w", "-1d", "1.5d"] {
            assert!(bad.parse::<WaitDuration>().is_err(), "{bad} parsed");
        }
    }

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
        };
        let mut answers = Answers::new();
        assert!(!step.applies(&answers));
        answers.insert("keep".into(), Answer::Bool(false));
        assert!(!step.applies(&answers));
        answers.insert("keep".into(), Answer::Bool(true));
        assert!(step.applies(&answers));
    }
}
