//! The values a letter template can ask for: which ones exist, where each comes from in a
//! session, and how each is named when it is missing.

use std::collections::HashMap;

use crate::i18n::Strings;
use crate::session::Session;
use crate::vocabulary::vocabulary;

/// The id of the bundled checklist that stands for any operator.
const GENERIC_CHECKLIST: &str = "generic";

vocabulary! {
    /// A value a template can ask for, as `{{name}}`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Field {
        /// Input `holder_name`: the line holder's full name.
        HolderName => "holder_name",
        /// Input `holder_address`: postal address; lines separated by `;` or new lines.
        HolderAddress => "holder_address",
        /// Input `line_number`: the mobile number.
        LineNumber => "line_number",
        /// Input `customer_number`: customer or contract number.
        CustomerNumber => "customer_number",
        /// Input `reference`: the reference of the online cancellation request.
        Reference => "reference",
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

impl Field {
    /// The fields read from the session's inputs, whose names are the input ids.
    pub const INPUTS: [Field; 5] = [
        Field::HolderName,
        Field::HolderAddress,
        Field::LineNumber,
        Field::CustomerNumber,
        Field::Reference,
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

/// The values of a session for a letter, as lines; absent where nothing was recorded.
#[derive(Clone, Debug, Default)]
pub struct Values {
    values: HashMap<Field, Vec<String>>,
}

impl Values {
    /// Collects the values: the well-known inputs (the last non-empty value in step order
    /// wins) and the checklist's provider and contacts. The date is not among them: it is
    /// written differently in each language.
    pub fn from_session(session: &Session) -> Values {
        let mut v = Values::default();
        for record in &session.steps {
            for f in Field::INPUTS {
                if let Some(value) = record.inputs.get(f.name()).filter(|s| !s.trim().is_empty()) {
                    let lines = if f == Field::HolderAddress {
                        value
                            .split([';', '\n'])
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(String::from)
                            .collect()
                    } else {
                        vec![value.trim().to_string()]
                    };
                    v.values.insert(f, lines);
                }
            }
        }
        let snap = &session.checklist.snapshot;
        // The letter is in French: a provider given as a text is read in French.
        let provider = snap.provider.get("fr").trim();
        // The generic checklist stands for any operator: its provider is not a name to
        // write on a letter, so the person fills it in.
        if !provider.is_empty() && snap.id != GENERIC_CHECKLIST {
            v.values
                .insert(Field::OperatorName, vec![provider.to_string()]);
        }
        if !snap.contacts.postal.is_empty() {
            v.values
                .insert(Field::OperatorAddress, snap.contacts.postal.clone());
        }
        if let Some(email) = snap
            .contacts
            .email
            .as_deref()
            .filter(|e| !e.trim().is_empty())
        {
            v.values
                .insert(Field::OperatorEmail, vec![email.trim().to_string()]);
        }
        v
    }

    /// The lines of `f`, if the session has it.
    pub(super) fn get(&self, f: Field) -> Option<&[String]> {
        self.values.get(&f).map(Vec::as_slice)
    }
}
