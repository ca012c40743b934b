//! The small checklist every unit test of the session and the guide engine walks.

use chrono::NaiveDate;

use super::model::{ChecklistRef, Timestamp};
use crate::checklist::{
    Answer, Checklist, Condition, Contacts, Difficulty, Input, Kind, Phase, Question, QuestionKind,
    Step, Text,
};

pub fn t(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).expect("test time")
}

fn step(id: &str, phase: Phase) -> Step {
    Step {
        id: id.into(),
        phase,
        title: Text(vec![
            ("en".into(), format!("Title of {id}")),
            ("zh-CN".into(), format!("{id} 的标题")),
        ]),
        body: Text::plain(format!("Body of {id}.")),
        links: vec![],
        when: vec![],
        inputs: vec![],
        wait: None,
    }
}

/// A small checklist covering every feature the engine handles: start questions, a
/// conditional step, a question asked at a step, inputs with pattern and required, a
/// wait step.
pub fn fixture() -> Checklist {
    let mut keep = step("get-rio", Phase::Prepare);
    keep.when = vec![Condition {
        question: "keep_number".into(),
        any_of: vec![Answer::Bool(true)],
    }];
    let mut balance = step("refund-balance", Phase::Prepare);
    balance.when = vec![Condition {
        question: "has_balance".into(),
        any_of: vec![Answer::Bool(true)],
    }];
    let mut submit = step("submit", Phase::Submit);
    submit.links = vec!["account".into()];
    submit.inputs = vec![
        Input {
            id: "reference".into(),
            label: Text::plain("Request reference"),
            personal: false,
            required: true,
            pattern: Some("[A-Z]{2}[0-9]{4}".into()),
            help: Some(Text::plain("two letters and four digits, e.g. AB1234")),
        },
        Input {
            id: "email".into(),
            label: Text::plain("E-mail used"),
            personal: true,
            required: false,
            pattern: None,
            help: None,
        },
    ];
    let mut wait = step("wait-confirmation", Phase::Wait);
    wait.wait = Some("5d".parse().expect("duration"));
    let mut esim = step("delete-esim", Phase::After);
    esim.when = vec![Condition {
        question: "esim".into(),
        any_of: vec![Answer::Bool(true)],
    }];
    let yes_no = |id: &str, at: Option<&str>| Question {
        id: id.into(),
        kind: QuestionKind::YesNo,
        text: Text::plain(format!("Question {id}?")),
        help: None,
        at: at.map(String::from),
    };
    Checklist {
        schema: 1,
        id: "fixture".into(),
        name: Text::plain("Fixture Mobile"),
        provider: "Fixture".into(),
        country: "FR".into(),
        kinds: vec![Kind::Prepaid],
        difficulty: Difficulty::Easy,
        flags: vec![],
        verified: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
        sources: vec![],
        summary: None,
        links: vec![
            ("account".into(), "https://example.invalid/account".into()),
            ("support".into(), "https://example.invalid/support".into()),
        ],
        contacts: Contacts {
            phone: Some("3900".into()),
            ..Contacts::default()
        },
        letter: None,
        questions: vec![
            yes_no("keep_number", None),
            yes_no("has_balance", None),
            yes_no("esim", Some("wait-confirmation")),
        ],
        steps: vec![
            keep,
            balance,
            step("login", Phase::Login),
            step("find-option", Phase::FindOption),
            step("confirm", Phase::Confirm),
            submit,
            wait,
            esim,
            step("keep-proof", Phase::After),
        ],
    }
}

pub fn fixture_ref() -> ChecklistRef {
    ChecklistRef {
        id: "fixture".into(),
        hash: "abc".into(),
        origin: "bundled".into(),
        snapshot: fixture(),
    }
}
