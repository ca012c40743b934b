//! `docs/checklist.schema.json` against the loader: the same keys in every table, the same
//! values in every vocabulary, so the schema editors use cannot drift from what `validate`
//! accepts. (That every bundled checklist passes the schema is checked in `tests/cli`.)

use std::collections::BTreeSet;

use serde_json::Value;

use super::citation::SOURCE_KEYS;
use super::schema::{CHOICE_KEYS, CONTACT_KEYS, QUESTION_KEYS, TOP_KEYS};
use super::step::{INPUT_KEYS, STEP_KEYS};
use super::{AnswerForm, Confidence, Difficulty, Flag, Kind, Phase};

/// The schema as committed.
const JSON_SCHEMA: &str = include_str!("../../docs/checklist.schema.json");

fn schema() -> Value {
    serde_json::from_str(JSON_SCHEMA).expect("docs/checklist.schema.json is JSON")
}

/// The object schema at `pointer`, following one `$ref`.
fn object<'a>(root: &'a Value, pointer: &str) -> &'a Value {
    let v = root
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"));
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => object(root, r.trim_start_matches('#')),
        None => v,
    }
}

fn keys(root: &Value, pointer: &str) -> BTreeSet<String> {
    object(root, pointer)["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{pointer} has no properties"))
        .keys()
        .cloned()
        .collect()
}

fn set(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn values(root: &Value, pointer: &str) -> BTreeSet<String> {
    let v = object(root, pointer);
    let v = v.get("items").unwrap_or(v);
    v["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{pointer} has no enum"))
        .iter()
        .map(|x| x.as_str().expect("a string").to_string())
        .collect()
}

#[test]
fn the_schema_has_the_loader_keys_in_every_table() {
    let s = schema();
    for (pointer, loader) in [
        ("", TOP_KEYS),
        ("/definitions/contacts", CONTACT_KEYS),
        ("/definitions/question", QUESTION_KEYS),
        (
            "/definitions/question/properties/choices/items/oneOf/1",
            CHOICE_KEYS,
        ),
        ("/definitions/step", STEP_KEYS),
        ("/definitions/input", INPUT_KEYS),
        ("/definitions/source", SOURCE_KEYS),
    ] {
        assert_eq!(keys(&s, pointer), set(loader), "keys of {pointer:?}");
        assert_eq!(
            object(&s, pointer)["additionalProperties"],
            Value::Bool(false),
            "{pointer:?} refuses unknown keys"
        );
    }
}

#[test]
fn the_schema_has_the_values_of_every_vocabulary() {
    let s = schema();
    for (pointer, names) in [
        ("/properties/kinds", Kind::NAMES),
        ("/properties/difficulty", Difficulty::NAMES),
        ("/properties/flags", Flag::NAMES),
        ("/definitions/step/properties/phase", Phase::NAMES),
        ("/definitions/question/properties/kind", AnswerForm::NAMES),
        (
            "/definitions/source/properties/confidence",
            Confidence::NAMES,
        ),
    ] {
        assert_eq!(values(&s, pointer), set(names), "values of {pointer:?}");
    }
}
