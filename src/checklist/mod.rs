//! Checklists: the model, loading from TOML with precise diagnostics, and the catalogue.

mod cache;
mod catalog;
mod diagnostic;
mod load;
mod model;
mod validate;

pub use cache::{Summaries, Summary, summaries};
pub use catalog::{
    Catalog, Entry, MAX_FILE_SIZE, Origin, Skipped, bundled_files, checklist_files, hash_bytes,
    read_file, skipped_line,
};
pub use diagnostic::{Diagnostic, Problem, ReadError, Severity, line_col};
pub use load::{ID_PATTERN, KEY_PATTERN, is_id, parse_str};
pub use model::*;
