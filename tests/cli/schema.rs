//! The JSON Schema of the checklist format (`docs/checklist.schema.json`), which editors use
//! through each checklist's `#:schema` line: every bundled checklist, turned into JSON,
//! passes it with a real validator, and broken files fail it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::checklists::bundled_paths as bundled;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A TOML document as the JSON an editor checks: dates become `YYYY-MM-DD` strings, as
/// taplo writes them.
pub fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

/// The schema, compiled.
pub struct Schema {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Schema {
    pub fn load() -> Schema {
        let path = root().join("docs/checklist.schema.json");
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        let index = compiler
            .compile(&path.display().to_string(), &mut schemas)
            .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
        Schema { schemas, index }
    }

    /// The problems of a TOML text, as the validator words them (none when it passes).
    pub fn problems(&self, toml_text: &str) -> Option<String> {
        let value: toml::Value = toml::from_str(toml_text).expect("TOML");
        self.schemas
            .validate(&to_json(value), self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The directive taplo-based editors read to find the schema, from `checklists/`.
const DIRECTIVE: &str = "#:schema ../docs/checklist.schema.json\n";

#[test]
fn every_bundled_checklist_names_the_schema_on_its_first_line() {
    let missing: Vec<String> = bundled()
        .iter()
        .filter(|f| !read(f).starts_with(DIRECTIVE))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "add `{}` as the first line of {missing:?}",
        DIRECTIVE.trim_end()
    );
}

#[test]
fn every_bundled_checklist_passes_the_schema() {
    let schema = Schema::load();
    let files = bundled();
    assert!(files.len() > 10, "{files:?}");
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| Some(format!("{}: {}", f.display(), schema.problems(&read(f))?)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The complete example of `docs/checklist-format.md`, which uses every key.
fn docs_example() -> String {
    let doc = read(&root().join("docs/checklist-format.md"));
    let start = doc.find("```toml\n").expect("a TOML example") + "```toml\n".len();
    let len = doc[start..].find("```").expect("its end");
    doc[start..start + len].to_string()
}

#[test]
fn broken_checklists_fail_the_schema_where_they_are_broken() {
    let schema = Schema::load();
    let good = docs_example();
    assert_eq!(
        schema.problems(&good),
        None,
        "the documented example passes"
    );
    let broken = [
        (
            "an unknown key",
            good.replacen("schema = 2", "schema = 2\ncolour = \"red\"", 1),
            "colour",
        ),
        (
            "a wrong phase",
            good.replacen("phase = \"login\"", "phase = \"log-in\"", 1),
            "/steps/1/phase",
        ),
        (
            "a non-https source",
            good.replacen("url = \"https://", "url = \"http://", 1),
            "/sources/0/url",
        ),
        (
            "a quote too long",
            good.replacen("quote = \"", &format!("quote = \"{}", "x".repeat(300)), 1),
            "/sources/0/quote",
        ),
        (
            "a choice question without choices",
            good.replacen("kind = \"yes-no\"", "kind = \"choice\"", 1),
            "/questions/0",
        ),
        (
            "a contact without its source",
            good.replacen(
                "cite = [\"example-cgv\"]\n\n[[questions]]",
                "\n[[questions]]",
                1,
            ),
            "/contacts",
        ),
        ("no steps", good.replace("[[steps]]", "[[stages]]"), "steps"),
        (
            "a text in no known language",
            good.replacen(
                "name = { en = \"Example Mobile prepaid\", zh-CN = \"Example Mobile 预付费卡\" }",
                "name = { fr = \"cassé\" }",
                1,
            ),
            "/name",
        ),
    ];
    for (what, text, place) in broken {
        assert!(text != good, "{what}: the change applies");
        let problems = schema
            .problems(&text)
            .unwrap_or_else(|| panic!("{what} passes the schema"));
        assert!(
            problems.contains(place),
            "{what}: not at {place}:\n{problems}"
        );
    }
}
