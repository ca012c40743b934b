//! The crate's layering, checked on its source: which top-level module may name which, no
//! cycle between modules, and no source file over 600 lines but the two string tables.
//!
//! A module "names" another when its non-test code (comments included) says
//! `crate::<module>`. Test code (the files `tests.rs` and everything after a file's first
//! `#[cfg(test)]`) and the test fixtures are left out: tests may reach anywhere.
//! `CONTRIBUTING.md` ("Where to change what") explains the layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The leaves: anyone may name them; they name nothing of the crate.
const LEAVES: &[&str] = &[
    "i18n",
    "vocabulary",
    "fsutil",
    "clock",
    "visible",
    "parallel",
    "width",
];

/// What each module may name, besides itself. Modules not listed may name nothing.
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "checklist",
        &["vocabulary", "fsutil", "visible", "parallel"],
    ),
    ("session", &["checklist", "vocabulary", "fsutil"]),
    ("labels", &["checklist", "session", "i18n"]),
    (
        "engine",
        &[
            "checklist",
            "session",
            "labels",
            "i18n",
            "vocabulary",
            "visible",
        ],
    ),
    (
        "export",
        &[
            "checklist",
            "session",
            "labels",
            "i18n",
            "vocabulary",
            "visible",
            "width",
        ],
    ),
    (
        "letter",
        &[
            "checklist",
            "session",
            "labels",
            "i18n",
            "vocabulary",
            "fsutil",
            "visible",
        ],
    ),
    (
        "report",
        &[
            "checklist",
            "session",
            "export",
            "labels",
            "i18n",
            "vocabulary",
        ],
    ),
    (
        "cli",
        &["checklist", "export", "letter", "i18n", "vocabulary"],
    ),
    (
        "commands",
        &[
            "cli",
            "checklist",
            "session",
            "engine",
            "export",
            "letter",
            "report",
            "labels",
            "i18n",
            "vocabulary",
            "fsutil",
            "clock",
            "visible",
            "parallel",
            "width",
            "exit",
        ],
    ),
];

/// Test support, left out of the graph.
const TEST_SUPPORT: &str = "fixtures";

/// The two string tables, the only files allowed over [`MAX_LINES`].
const STRING_TABLES: &[&str] = &["src/i18n/en.rs", "src/i18n/zh_cn.rs"];

/// The longest a source file may be.
const MAX_LINES: usize = 600;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The top-level module a file belongs to (`None` for the crate root files).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).expect("under src");
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The non-test part of a file.
fn production_code(file: &Path) -> String {
    if file.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(file).expect("read source");
    let end = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..end].to_string()
}

/// The modules a text names as `crate::<module>`.
fn named_modules(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Module → the modules it names, from the whole of `src/`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src()) {
        let Some(module) = module_of(&file) else {
            continue;
        };
        if module == TEST_SUPPORT {
            continue;
        }
        let names = named_modules(&production_code(&file));
        let deps = graph.entry(module.clone()).or_default();
        deps.extend(names.into_iter().filter(|n| *n != module));
    }
    graph
}

#[test]
fn each_module_names_only_the_layers_below_it() {
    let mut wrong = Vec::new();
    for (module, deps) in graph() {
        let allowed: &[&str] = ALLOWED
            .iter()
            .find(|(m, _)| *m == module)
            .map_or(&[], |(_, a)| a);
        for dep in deps {
            if !allowed.contains(&dep.as_str()) {
                wrong.push(format!("{module} names {dep}"));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken: {wrong:#?}");
}

#[test]
fn the_leaves_name_nothing_of_the_crate() {
    let graph = graph();
    for leaf in LEAVES {
        assert_eq!(
            graph.get(*leaf).map(BTreeSet::len).unwrap_or(0),
            0,
            "{leaf} names {:?}",
            graph.get(*leaf)
        );
    }
}

#[test]
fn no_module_depends_on_itself_through_others() {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Result<(), Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Err(cycle);
        }
        if done.contains(node) {
            return Ok(());
        }
        path.push(node.to_string());
        for dep in graph.get(node).into_iter().flatten() {
            visit(dep, graph, path, done)?;
        }
        path.pop();
        done.insert(node.to_string());
        Ok(())
    }
    let graph = graph();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Err(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines_but_the_string_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let long: Vec<String> = rust_files(&src())
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(root).expect("under the crate");
            let rel = rel.to_string_lossy().into_owned();
            let lines = std::fs::read_to_string(&file)
                .expect("read")
                .lines()
                .count();
            (lines > MAX_LINES && !STRING_TABLES.contains(&rel.as_str()))
                .then(|| format!("{rel}: {lines} lines"))
        })
        .collect();
    assert!(long.is_empty(), "split these by job: {long:#?}");
}

#[test]
fn the_checks_see_what_they_check() {
    // A broken scanner would pass everything: make sure it finds known edges.
    let graph = graph();
    assert!(graph["commands"].contains("cli"), "{graph:#?}");
    assert!(graph["session"].contains("checklist"), "{graph:#?}");
    assert!(graph["export"].contains("labels"), "{graph:#?}");
    assert!(!graph.contains_key(TEST_SUPPORT));
}
