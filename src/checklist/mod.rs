//! Checklists: the model, loading from TOML with precise diagnostics, and the catalogue.

mod model;

pub use model::*;
