//! Compiles every `checklists/*.toml` file into the binary, so a
//! fresh build works anywhere with no files beside it.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};
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
    // Computed here so that `list` need not hash 200 KB at every start to know whether its
    // cache of the bundled files is current.
    out.push_str("/// A 64-bit hash of each bundled file's contents, in the order of `BUNDLED`.\n");
    out.push_str("pub static BUNDLED_HASHES: &[u64] = &[\n");
    for (_, path) in &files {
        let mut h = DefaultHasher::new();
        std::fs::read(path).unwrap().hash(&mut h);
        writeln!(out, "    {:#018x},", h.finish()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    std::fs::write(dest, out).unwrap();
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
