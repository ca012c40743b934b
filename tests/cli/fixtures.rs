//! The shared session fixtures (`src/fixtures/`, through the `test-fixtures` feature) and a
//! helper that saves them into a sandbox's data folder, as the guide would have.

pub use simcancel::fixtures::*;
use simcancel::session::{Session, Store};

/// Saves `session` into the sandbox's data folder and returns its id.
pub fn save(env: &crate::harness::Env, session: &Session) -> String {
    Store::new(&env.data_dir())
        .save(session)
        .expect("save fixture session");
    session.id.clone()
}
