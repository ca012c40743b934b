//! Sessions: the saved progress of one walk through a checklist.

mod lifecycle;
mod model;
mod store;

pub use lifecycle::{Applies, Progress, SessionState, applicability, new_id};
pub use model::*;
pub use store::{Listing, SessionLock, Store, Unreadable};

/// The fixture checklist and helpers shared by unit tests of other modules.
#[cfg(test)]
pub(crate) use lifecycle::tests as fixtures;
