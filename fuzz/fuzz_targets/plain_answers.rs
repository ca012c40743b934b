//! The plain-mode answer parser: any bytes as the answers typed to `guide generic --plain`
//! (the first byte picks the language), walked by the engine to their end.
//!
//! Never panics; whatever was typed, the session stays consistent with its checklist and
//! reads back from its JSON, and what the walk shows holds no hidden character.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use simcancel::checklist::{Checklist, bundled_files, hash_bytes, parse_str};
use simcancel::engine::{Engine, PlainPrompter};
use simcancel::i18n::Lang;
use simcancel::session::{self, ChecklistRef, Session, Timestamp};
use simcancel::visible;

fn generic() -> &'static (Checklist, String) {
    static GENERIC: OnceLock<(Checklist, String)> = OnceLock::new();
    GENERIC.get_or_init(|| {
        let (name, src) = bundled_files()
            .iter()
            .find(|(name, _)| *name == "generic.toml")
            .expect("the bundled generic checklist");
        let (checklist, _) = parse_str(src, Path::new(name)).expect("it loads");
        (checklist, hash_bytes(src.as_bytes()))
    })
}

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").expect("time")
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, answers)) = data.split_first() else {
        return;
    };
    let lang = if first % 2 == 0 { Lang::En } else { Lang::ZhCn };
    let (checklist, hash) = generic();
    let mut session = Session::start(
        "0011aabb".into(),
        lang.tag(),
        ChecklistRef {
            id: checklist.id.clone(),
            hash: hash.clone(),
            origin: "bundled".into(),
            snapshot: checklist.clone(),
        },
        now(),
    );
    let mut saver = |_: &Session| -> Result<(), session::Error> { Ok(()) };
    let mut prompter = PlainPrompter::new(answers, Vec::new(), lang.strings()).echo_answers(true);
    let clock = now;
    let _ = Engine::new(
        &mut session,
        &mut prompter,
        &mut saver,
        &clock,
        lang.strings(),
    )
    .run();
    session
        .check()
        .expect("the session agrees with its checklist");
    // The state it ends in must read back: a session that cannot would be lost.
    let json = serde_json::to_vec(&session).expect("serializes");
    let back: Session = serde_json::from_slice(&json).expect("reads back");
    assert_eq!(back, session);
    let shown = String::from_utf8_lossy(&prompter.into_output()).into_owned();
    assert!(
        !shown.chars().any(|c| visible::is_hidden(c) && c != '\n'),
        "the walk shows a hidden character"
    );
});
