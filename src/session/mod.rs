//! Sessions: the saved progress of one walk through a checklist.

mod lifecycle;
mod model;
mod store;
mod summary;

pub use lifecycle::{
    Applies, Mismatch, Progress, SessionState, StepView, applicability, current_of, new_id,
    open_wait_of, progress_of, state_of,
};
pub use model::*;
pub use store::{FileProblem, Listing, SessionLock, Store, SummaryListing, Unreadable};
pub use summary::{ChecklistSummary, NameOnly, SessionSummary, StepSummary};

/// The fixture checklist and helpers shared by unit tests of other modules.
#[cfg(test)]
pub(crate) use lifecycle::tests as fixtures;
