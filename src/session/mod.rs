//! Sessions: the saved progress of one walk through a checklist.

mod model;
mod store;

pub use model::*;
pub use store::{Listing, SessionLock, Store, Unreadable};
