//! The values a letter template can ask for and the conditions its sections can test:
//! which ones exist, where each comes from in a session, and how each is named when it is
//! missing.

use std::collections::{HashMap, HashSet};

use crate::checklist::{Answer, Kind, Text};
use crate::i18n::Strings;
use crate::session::Session;
use crate::vocabulary::vocabulary;

/// The id of the bundled checklist that stands for any operator.
const GENERIC_CHECKLIST: &str = "generic";

/// The provider of simcancel's own guides across operators (`leaving-france`).
const SIMCANCEL_PROVIDER: &str = "simcancel";

/// The standard question ids the letters read (see `docs/letters.md`).
mod question {
    /// yes-no: money left on the line (prepaid credit, or sums paid in advance on a contract).
    pub const HAS_BALANCE: &str = "has_balance";
    /// choice `contract` / `prepaid`, where a checklist covers both.
    pub const PLAN: &str = "plan";
    /// choice: where a travel eSIM stands (its label is the refund's reason).
    pub const SITUATION: &str = "situation";
}

vocabulary! {
    /// A value a template can ask for, as `{{name}}`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Field {
        /// Input `holder_name`: the line holder's full name.
        HolderName => "holder_name",
        /// Input `holder_address`: postal address; lines separated by `;`, `；` or new lines.
        HolderAddress => "holder_address",
        /// Input `line_number`: the mobile number.
        LineNumber => "line_number",
        /// Input `customer_number`: customer or contract number.
        CustomerNumber => "customer_number",
        /// Input `reference`: the reference of the online cancellation request.
        Reference => "reference",
        /// Input `order_number`: the order of a travel eSIM.
        OrderNumber => "order_number",
        /// The answer to the question `situation`, in the template's language: why a travel
        /// eSIM's refund is asked for.
        Reason => "reason",
        /// The checklist's provider (not for the `generic` checklist, which has none).
        OperatorName => "operator_name",
        /// The checklist's `contacts.postal` lines.
        OperatorAddress => "operator_address",
        /// The checklist's `contacts.email`.
        OperatorEmail => "operator_email",
        /// Today's date, written out in the template's language.
        Date => "date",
    }
}

vocabulary! {
    /// What a `{{if name}}` section can test besides a known value: the money the person
    /// said is left on the line, by the kind of line, since the law differs.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Condition {
        /// Money is left (`has_balance` = yes) on a contract line: sums paid in advance are
        /// due back within ten days of the last bill (C. consom. L224-35).
        BalanceContract => "balance_contract",
        /// Money is left on a prepaid line, or on a line not known to be a contract: it can
        /// be asked for, not claimed.
        BalancePrepaid => "balance_prepaid",
    }
}

/// What a template section tests: that a value is known, or a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    /// `{{if reference}}`: the value is known.
    Known(Field),
    /// `{{if balance_contract}}`.
    Holds(Condition),
}

impl Test {
    /// The test named `name`: a field or a condition.
    pub fn from_name(name: &str) -> Option<Test> {
        Field::from_name(name)
            .map(Test::Known)
            .or_else(|| Condition::from_name(name).map(Test::Holds))
    }
}

impl Field {
    /// The fields read from the session's inputs, whose names are the input ids.
    pub const INPUTS: [Field; 6] = [
        Field::HolderName,
        Field::HolderAddress,
        Field::LineNumber,
        Field::CustomerNumber,
        Field::Reference,
        Field::OrderNumber,
    ];

    /// What is missing, in French, for the `[À COMPLÉTER : …]` mark. French is the
    /// letter's language, not an interface language, so it lives here with the letter.
    pub(super) fn french(self) -> &'static str {
        match self {
            Field::HolderName => "vos nom et prénom",
            Field::HolderAddress => "votre adresse postale",
            Field::LineNumber => "numéro de la ligne mobile",
            Field::CustomerNumber => "numéro client ou de contrat",
            Field::Reference => "référence de votre demande en ligne, ou supprimez cette ligne",
            Field::OrderNumber => "numéro de commande",
            Field::Reason => "motif de la demande",
            Field::OperatorName => "nom de l'opérateur",
            Field::OperatorAddress => {
                "adresse postale du service résiliation de l'opérateur (voir ses conditions générales)"
            }
            Field::OperatorEmail => "adresse e-mail du service client de l'opérateur",
            Field::Date => "date",
        }
    }

    /// What is missing, in the words of `s`, for the translation's mark.
    pub(super) fn label(self, s: &Strings) -> &'static str {
        let f = &s.letter.fields;
        match self {
            Field::HolderName => f.holder_name,
            Field::HolderAddress => f.holder_address,
            Field::LineNumber => f.line_number,
            Field::CustomerNumber => f.customer_number,
            Field::Reference => f.reference,
            Field::OrderNumber => f.order_number,
            Field::Reason => f.reason,
            Field::OperatorName => f.operator_name,
            Field::OperatorAddress => f.operator_address,
            Field::OperatorEmail => f.operator_email,
            Field::Date => f.date,
        }
    }
}

/// The placeholder names, comma-separated, for messages.
pub fn placeholder_names() -> String {
    Field::NAMES.join(", ")
}

/// The names a section can test, comma-separated, for messages.
pub fn condition_names() -> String {
    let mut names: Vec<&str> = Condition::NAMES.to_vec();
    names.extend(Field::NAMES);
    names.join(", ")
}

/// One value: lines the same in every language, or a text per language.
#[derive(Clone, Debug)]
enum Value {
    Lines(Vec<String>),
    Text(Text),
}

/// The values of a session for a letter, and the conditions that hold; absent where
/// nothing was recorded.
#[derive(Clone, Debug, Default)]
pub struct Values {
    values: HashMap<Field, Value>,
    holds: HashSet<Condition>,
}

impl Values {
    /// Collects the values: the well-known inputs (the last non-empty value in step order
    /// wins), the reason a travel eSIM's refund is asked for, the checklist's provider and
    /// contacts, and the conditions the answers make true. The date is not among them: it
    /// is written differently in each language.
    pub fn from_session(session: &Session) -> Values {
        let mut v = Values::default();
        for record in &session.steps {
            for f in Field::INPUTS {
                if let Some(value) = record.inputs.get(f.name()).filter(|s| !s.trim().is_empty()) {
                    let lines = if f == Field::HolderAddress {
                        // `；` is what a Chinese keyboard types for `;`.
                        value
                            .split([';', '；', '\n'])
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(String::from)
                            .collect()
                    } else {
                        vec![value.trim().to_string()]
                    };
                    v.values.insert(f, Value::Lines(lines));
                }
            }
        }
        let snap = &session.checklist.snapshot;
        if let Some(label) = session
            .answers
            .get(question::SITUATION)
            .and_then(|a| choice_label(session, question::SITUATION, a))
        {
            v.values.insert(Field::Reason, Value::Text(label));
        }
        // The letter is in French: a provider given as a text is read in French.
        let provider = snap.provider.get("fr").trim();
        // The generic checklist and simcancel's own guides stand for any operator: their
        // provider is not a name to write on a letter, so the person fills it in.
        let any_operator = snap.id == GENERIC_CHECKLIST || provider == SIMCANCEL_PROVIDER;
        if !provider.is_empty() && !any_operator {
            v.values.insert(
                Field::OperatorName,
                Value::Lines(vec![provider.to_string()]),
            );
        }
        if !snap.contacts.postal.is_empty() {
            v.values.insert(
                Field::OperatorAddress,
                Value::Lines(snap.contacts.postal.clone()),
            );
        }
        if let Some(email) = snap
            .contacts
            .email
            .as_deref()
            .filter(|e| !e.trim().is_empty())
        {
            v.values.insert(
                Field::OperatorEmail,
                Value::Lines(vec![email.trim().to_string()]),
            );
        }
        if session.answers.get(question::HAS_BALANCE) == Some(&Answer::Bool(true)) {
            v.holds.insert(if is_contract(session) {
                Condition::BalanceContract
            } else {
                Condition::BalancePrepaid
            });
        }
        v
    }

    /// The lines of `f` in the language `tag`, if the session has it.
    pub(super) fn get(&self, f: Field, tag: &str) -> Option<Vec<String>> {
        match self.values.get(&f)? {
            Value::Lines(lines) => Some(lines.clone()),
            Value::Text(text) => Some(vec![text.get(tag).to_string()]),
        }
    }

    /// Whether a section's test holds.
    pub(super) fn holds(&self, test: Test) -> bool {
        match test {
            // The date is always known.
            Test::Known(Field::Date) => true,
            Test::Known(f) => self.values.contains_key(&f),
            Test::Holds(c) => self.holds.contains(&c),
        }
    }
}

/// The label of a choice answer, in every language the checklist gives.
fn choice_label(session: &Session, question: &str, answer: &Answer) -> Option<Text> {
    let Answer::Choice(id) = answer else {
        return None;
    };
    match &session.checklist.snapshot.question(question)?.kind {
        crate::checklist::QuestionKind::Choice(choices) => choices
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.label.clone()),
        crate::checklist::QuestionKind::YesNo => None,
    }
}

/// Whether the line is a contract: the answer to `plan` where the checklist asks it, else
/// its kinds when they name contracts and not prepaid cards. A line that could be either is
/// not a contract, so no letter claims a right it may not have.
fn is_contract(session: &Session) -> bool {
    match session.answers.get(question::PLAN) {
        Some(Answer::Choice(plan)) => plan == "contract",
        _ => {
            let kinds = &session.checklist.snapshot.kinds;
            kinds.contains(&Kind::Postpaid) && !kinds.contains(&Kind::Prepaid)
        }
    }
}
