//! Sessions: the saved progress of one walk through a checklist.
//!
//! Below everything but `checklist`: it names no language and no command. Errors are typed
//! ([`Error`], [`FileProblem`], [`Mismatch`]); the command layer says them in the person's
//! language.

mod lifecycle;
mod model;
mod state;
mod store;
mod summary;
mod timestamp;
mod wire;

pub use lifecycle::{Mismatch, new_id};
pub use model::*;
pub use state::{
    Applies, Progress, SessionState, StepView, applicability, current_of, open_wait_of,
    progress_of, state_of,
};
pub use store::{Error, FileProblem, Listing, SessionLock, Store, SummaryListing, Unreadable};
pub use summary::{ChecklistSummary, NameOnly, SessionSummary, StepSummary};
