//! TOML → [`Checklist`], collecting every problem with its place instead of stopping at the
//! first.
//!
//! The file is parsed into toml's spanned tree, then walked by the [`Reader`] following the
//! format in [`super::schema`]; the cross-checks that need the whole checklist come after,
//! in [`super::validate`].

use std::path::Path;

use chrono::NaiveDate;
use toml::de::DeTable;

use super::diagnostic::{Diagnostic, Problem};
use super::model::Checklist;
use super::reader::Reader;
use super::validate;

/// The rules a checklist is held to beyond the format itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// The bundled catalogue's rules: in a format-2 file, a fact or a contact detail without
    /// a source is an error (for other checklists, a warning).
    pub bundled: bool,
    /// For maintainers (`validate --strict`): a `verified` more than
    /// [`STALE_AFTER_DAYS`](super::STALE_AFTER_DAYS) days before this date is an error.
    pub stale_on: Option<NaiveDate>,
}

impl Rules {
    /// Checklists from the person's folders and `--checklists`.
    pub const USER: Rules = Rules {
        bundled: false,
        stale_on: None,
    };

    /// The checklists compiled into the binary.
    pub const BUNDLED: Rules = Rules {
        bundled: true,
        stale_on: None,
    };

    /// What maintainers check before a release (`validate --strict`): the bundled rules,
    /// and no checklist verified too long before `today`.
    pub fn strict(today: NaiveDate) -> Rules {
        Rules {
            bundled: true,
            stale_on: Some(today),
        }
    }
}

/// Parses and validates one checklist held to the [`Rules::USER`] rules. `path` names the
/// file in messages and gives the file name the id must match. Warnings come back with the
/// checklist; any error means `Err`.
pub fn parse_str(src: &str, path: &Path) -> Result<(Checklist, Vec<Diagnostic>), Vec<Diagnostic>> {
    parse_with(src, path, Rules::USER)
}

/// [`parse_str`] held to `rules`.
pub fn parse_with(
    src: &str,
    path: &Path,
    rules: Rules,
) -> Result<(Checklist, Vec<Diagnostic>), Vec<Diagnostic>> {
    if src.trim().is_empty() {
        return Err(vec![Diagnostic::file(path, Problem::Empty)]);
    }
    let mut reader = Reader::new(src, path, rules);
    let (root, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().trim().to_string();
            reader.error(span, Problem::Syntax(msg));
        }
        return Err(reader.diags);
    }
    let (checklist, spans) = reader.checklist(root.get_ref(), root.span());
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string);
    if let Some(c) = &checklist {
        validate::check(&mut reader, c, &spans, stem.as_deref());
    }
    let mut diags = reader.diags;
    diags.sort_by_key(|d| (d.line, d.col));
    match checklist {
        Some(c) if !diags.iter().any(Diagnostic::is_error) => Ok((c, diags)),
        _ => Err(diags),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_example_is_valid() {
        let doc = include_str!("../../docs/checklist-format.md");
        let start = doc.find("```toml\nschema = 2").expect("the full example") + "```toml\n".len();
        let end = start + doc[start..].find("```").expect("end of the example");
        let (c, warnings) = parse_with(&doc[start..end], Path::new("example.toml"), Rules::BUNDLED)
            .unwrap_or_else(|d| panic!("{d:#?}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(c.schema, 2);
        assert_eq!(c.questions[1].at.as_deref(), Some("remove-profile"));
        assert_eq!(c.contacts.postal.len(), 3);
        assert!(c.contacts.phone_abroad.is_some());
        assert_eq!(c.contacts.cite, ["example-cgv"]);
        assert_eq!(c.letter.as_deref(), Some("generic"));
        assert!(c.steps.iter().any(|s| s.inputs.iter().any(|i| i.required)));
        assert_eq!(c.network.as_deref(), Some("Orange"));
        assert_eq!(c.aliases.len(), 3);
        assert!(c.description.is_some());
        let low = c.source("forum-delay").expect("a low-confidence source");
        assert_eq!(low.confidence, Some(super::super::Confidence::Low));
        assert!(
            c.step("wait-confirmation")
                .expect("the wait step")
                .body
                .get("en")
                .contains("One source")
        );
    }
}
