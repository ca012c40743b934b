//! English interface strings.

use super::{Catalog, Common, Strings};

/// The English strings.
pub(super) static STRINGS: Strings = Strings {
    common: Common {
        phases: [
            "prepare",
            "log in",
            "find the option",
            "confirm",
            "submit",
            "wait",
            "after",
        ],
        yes: "yes",
        no: "no",
    },
    catalog: Catalog {
        list_headers: [
            "ID",
            "NAME",
            "PROVIDER",
            "COUNTRY",
            "DIFFICULTY",
            "VERIFIED",
            "ORIGIN",
        ],
    },
};
