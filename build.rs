//! Compiles every `checklists/*.toml` file into the binary, so a fresh build works anywhere
//! with no files beside it, with what `list` shows of each (read here, so that listing the
//! bundled catalogue parses nothing at run time; a test checks that it is exactly what the
//! checklist loader reads).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::new();
    let files = files(&root, "toml");
    out.push_str("/// Bundled checklists: (file name, contents), sorted by name.\n");
    out.push_str("pub static BUNDLED: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        writeln!(out, "    ({name:?}, include_str!({path:?})),").unwrap();
    }
    out.push_str("];\n");
    out.push_str("/// What `list` shows of each bundled checklist, in the order of `BUNDLED`.\n");
    out.push_str("pub static SUMMARIES: &[Listed] = &[\n");
    for (name, path) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let doc: toml::Table = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("checklists/{name} is not valid TOML: {e}"));
        writeln!(out, "    {},", listed(&doc, name)).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    std::fs::write(dest, out).unwrap();
}

/// The `Listed { .. }` literal of one checklist. A bundled checklist is valid (the tests
/// validate every one), so a missing or mistyped field only stops the build.
fn listed(doc: &toml::Table, name: &str) -> String {
    let field = |key: &str| {
        doc.get(key)
            .unwrap_or_else(|| panic!("checklists/{name}: no `{key}`"))
    };
    let string = |key: &str| {
        field(key)
            .as_str()
            .unwrap_or_else(|| panic!("checklists/{name}: `{key}` is not a string"))
            .to_string()
    };
    // A text: a string (English) or a table of language tag -> string, in the file's order.
    let text = |key: &str| -> Vec<(String, String)> {
        match field(key) {
            toml::Value::String(s) => vec![("en".to_string(), s.clone())],
            toml::Value::Table(t) => t
                .iter()
                .map(|(tag, v)| (tag.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect(),
            _ => panic!("checklists/{name}: `{key}` is not a text"),
        }
    };
    let kinds: Vec<String> = field("kinds")
        .as_array()
        .unwrap_or_else(|| panic!("checklists/{name}: `kinds` is not an array"))
        .iter()
        .map(|k| k.as_str().unwrap_or_default().to_string())
        .collect();
    let date = match field("verified") {
        toml::Value::Datetime(toml::value::Datetime {
            date: Some(d),
            time: None,
            ..
        }) => (d.year, d.month, d.day),
        _ => panic!("checklists/{name}: `verified` is not a date"),
    };
    format!(
        "Listed {{ id: {:?}, name: &{:?}, provider: &{:?}, country: {:?}, kinds: &{:?}, \
         difficulty: {:?}, verified: {:?} }}",
        string("id"),
        text("name"),
        text("provider"),
        string("country"),
        kinds,
        string("difficulty"),
        date,
    )
}

/// The files with extension `ext` directly in `dir`, as (file name, absolute path), sorted.
fn files(dir: &Path, ext: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                p.to_string_lossy().into_owned(),
            )
        })
        .collect();
    found.sort();
    found
}
