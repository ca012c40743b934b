//! Checklists: the model, loading from TOML with precise diagnostics, and the catalogue.
//!
//! This is the bottom of the domain: of the crate it imports only the leaves
//! (`vocabulary`, `fsutil`, `visible`, `parallel`). Errors are typed ([`Error`], [`Problem`],
//! [`ReadError`]); the command layer says them in the person's language.

mod cache;
mod catalog;
mod citation;
mod diagnostic;
mod duration;
mod footnotes;
#[cfg(test)]
mod json_schema_tests;
mod load;
mod model;
mod position;
mod reader;
mod schema;
mod search;
mod skeleton;
mod source;
mod step;
mod text;
mod validate;

pub use cache::{Summaries, Summary, summaries};
pub use catalog::{
    BUNDLED_ORIGIN, Catalog, Entry, Error, MAX_FILE_SIZE, Origin, Skipped, Sources, bundled_files,
    checklist_files, hash_bytes, read_file,
};
pub use citation::first_fact;
pub use diagnostic::{CiteOwner, Diagnostic, Problem, ReadError, Severity};
pub use duration::{DurationError, WaitDuration};
pub use footnotes::{Footnotes, markers};
pub use load::{Rules, parse_str, parse_with};
pub use model::*;
pub use position::{Span, line_col};
pub use schema::{ID_PATTERN, KEY_PATTERN, is_id};
pub use search::{Found, Rank};
pub use skeleton::{JSON_SCHEMA, JSON_SCHEMA_FILE, skeleton};
pub use source::{Confidence, MAX_QUOTE_CHARS, Source};
pub use text::Text;
