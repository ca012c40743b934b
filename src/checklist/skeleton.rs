//! The skeleton `simcancel new` writes: a valid, commented format-2 checklist in both
//! languages, with the five core phases, a question, an input and one cited source, for an
//! author to edit. A test holds it to the bundled catalogue's rules, so `validate` accepts
//! it as written.

use chrono::NaiveDate;

use super::schema::is_id;

/// The skeleton, with `{id}`, `{today}` and `{schema}` to fill.
const TEMPLATE: &str = include_str!("skeleton.toml");

/// The skeleton of checklist `id`, verified and its source retrieved `today`, whose first
/// line points editors to the JSON Schema at `schema` (a path relative to the file, or a
/// URL). `None` when `id` is not a checklist id (it is written into TOML strings).
pub fn skeleton(id: &str, today: NaiveDate, schema: &str) -> Option<String> {
    if !is_id(id, false) || schema.contains(['\n', '\r']) {
        return None;
    }
    Some(
        TEMPLATE
            .replace("{schema}", schema)
            .replace("{today}", &today.to_string())
            .replace("{id}", id),
    )
}

/// The JSON Schema of the checklist format (`docs/checklist.schema.json`), which `new`
/// writes beside a skeleton outside this repository so that its `#:schema` line resolves.
pub const JSON_SCHEMA: &str = include_str!("../../docs/checklist.schema.json");

/// The file name of [`JSON_SCHEMA`].
pub const JSON_SCHEMA_FILE: &str = "checklist.schema.json";

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::checklist::{Rules, parse_with};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 10).expect("a date")
    }

    #[test]
    fn the_skeleton_passes_the_bundled_rules_with_no_warning() {
        let text = skeleton("my-plan", day(), "./checklist.schema.json").expect("an id");
        assert!(
            text.starts_with("#:schema ./checklist.schema.json\n"),
            "{text}"
        );
        let rules = Rules {
            bundled: true,
            stale_on: Some(day()),
        };
        let (c, diagnostics) = parse_with(&text, Path::new("my-plan.toml"), rules)
            .unwrap_or_else(|d| panic!("{d:#?}"));
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(c.id, "my-plan");
        assert_eq!(c.verified, day());
        for phase in crate::checklist::Phase::CORE {
            assert!(c.steps.iter().any(|s| s.phase == phase), "{phase:?}");
        }
        for step in &c.steps {
            for tag in ["en", "zh-CN"] {
                assert!(
                    step.title.has(tag) && step.body.has(tag),
                    "{}: {tag}",
                    step.id
                );
            }
        }
    }

    /// A key the template sets or shows in a comment: `key = `, `[key]` or `[[key]]`.
    fn shown(key: &str) -> bool {
        TEMPLATE.lines().any(|line| {
            let line = line.trim_start_matches(['#', ' ']);
            line.starts_with(&format!("{key} = "))
                || line == format!("[{key}]")
                || line == format!("[[{key}]]")
        })
    }

    #[test]
    fn the_skeleton_shows_every_key_of_the_top_level_and_of_contacts() {
        use crate::checklist::schema::{CONTACT_KEYS, TOP_KEYS};
        let missing: Vec<&str> = TOP_KEYS
            .iter()
            .chain(CONTACT_KEYS)
            .copied()
            .filter(|k| !shown(k))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn only_an_id_goes_into_the_skeleton() {
        assert_eq!(skeleton("My Plan", day(), "x"), None);
        assert_eq!(skeleton("a\"b", day(), "x"), None);
        assert_eq!(skeleton("ok", day(), "x\nschema = 9"), None);
    }
}
