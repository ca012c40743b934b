//! Checklists: the model, loading from TOML with precise diagnostics, and the catalogue.
//!
//! This is the bottom of the domain: of the crate it imports only the leaves
//! (`vocabulary`, `fsutil`, `parallel`). Errors are typed ([`Error`], [`Problem`],
//! [`ReadError`]); the command layer says them in the person's language.

mod cache;
mod catalog;
mod diagnostic;
mod duration;
mod load;
mod model;
mod position;
mod reader;
mod schema;
mod text;
mod validate;

pub use cache::{Summaries, Summary, summaries};
pub use catalog::{
    Catalog, Entry, Error, MAX_FILE_SIZE, Origin, Skipped, Sources, bundled_files, checklist_files,
    hash_bytes, read_file,
};
pub use diagnostic::{Diagnostic, Problem, ReadError, Severity};
pub use duration::{DurationError, WaitDuration};
pub use load::parse_str;
pub use model::*;
pub use position::{Span, line_col};
pub use schema::{ID_PATTERN, KEY_PATTERN, is_id};
pub use text::Text;
