//! Sessions: the saved progress of one walk through a checklist.

mod model;
mod store;
mod summary;

pub use model::*;
pub use store::{Listing, SessionLock, Store, Unreadable};
pub use summary::Progress;
