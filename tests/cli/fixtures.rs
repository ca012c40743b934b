//! The shared session fixtures (`tests/fixtures/sessions.rs`) and a helper that saves them
//! into a sandbox's data folder, as the guide would have.

use simcancel::checklist::*;
use simcancel::session::*;

include!("../fixtures/sessions.rs");

/// Saves `session` into the sandbox's data folder and returns its id.
pub fn save(env: &crate::harness::Env, session: &Session) -> String {
    Store::new(&env.data_dir())
        .save(session)
        .expect("save fixture session");
    session.id.clone()
}
