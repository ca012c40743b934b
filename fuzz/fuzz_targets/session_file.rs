//! The session file reader: any bytes as `<data-dir>/sessions/0011aabb.json`, read the way
//! `sessions` lists it and `resume`, `export` and `letter` open it.
//!
//! Never panics; a file that is read can be checked, summarised, walked (with no input),
//! exported in every format and turned into a letter, and what people read of it holds no
//! hidden character; a file that is not read is reported in both languages.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use simcancel::commands::messages::Localize;
use simcancel::engine::{Engine, PlainPrompter, screens};
use simcancel::export::{self, Format, Options};
use simcancel::i18n::Lang;
use simcancel::letter::{self, Kind, TemplateDirs};
use simcancel::session::{self, Session, Store, Timestamp};
use simcancel::visible;

fn data_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir").keep();
        std::fs::create_dir_all(dir.join("sessions")).expect("sessions folder");
        dir
    })
}

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").expect("time")
}

/// Whether `text` shows nothing a terminal would obey (line breaks and tabs aside).
fn inert(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let kept = c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
        if visible::is_hidden(c) && !kept {
            return false;
        }
    }
    true
}

fuzz_target!(|data: &[u8]| {
    let store = Store::new(data_dir());
    let path = store.path("0011aabb");
    std::fs::write(&path, data).expect("write");
    let listing = store.list_summaries().expect("the folder lists");
    let session = match Store::read(&path) {
        Ok(session) => session,
        Err(e) => {
            assert!(
                listing.sessions.is_empty() || matches!(e, session::Error::Unreadable { .. }),
                "listed but not readable: {e:?}"
            );
            // Reported in both languages (read again: a message takes its error).
            assert!(!format!("{:#}", e.localize(Lang::En.strings())).is_empty());
            if let Err(again) = Store::read(&path) {
                assert!(!format!("{:#}", again.localize(Lang::ZhCn.strings())).is_empty());
            }
            return;
        }
    };
    for lang in Lang::ALL {
        let s = lang.strings();
        let _ = screens::summary(&session, s, now());
        let options = Options {
            strings: s,
            redact: false,
            now: now(),
        };
        for format in Format::ALL {
            if let Ok(out) = export::export(&session, *format, &options)
                && matches!(format, Format::Markdown | Format::Html | Format::Text)
            {
                assert!(inert(&out), "{format:?} lets a hidden character through");
            }
        }
        let today = now().date_naive();
        for kind in [Kind::Letter, Kind::Email] {
            if let Ok(filled) = letter::render(&session, kind, s, today, &TemplateDirs::default()) {
                assert!(
                    inert(&filled.text),
                    "the letter lets a hidden character through"
                );
            }
        }
    }
    if session.check().is_ok() {
        // What resume does with it: walk from the current step; no input, so it stops at
        // the first prompt.
        let mut walked: Session = session.clone();
        let mut saver = |_: &Session| -> Result<(), session::Error> { Ok(()) };
        let mut prompter = PlainPrompter::new(&b""[..], Vec::new(), Lang::En.strings());
        let clock = now;
        let _ = Engine::new(
            &mut walked,
            &mut prompter,
            &mut saver,
            &clock,
            Lang::En.strings(),
        )
        .run();
        let shown = String::from_utf8(prompter.into_output()).expect("UTF-8");
        assert!(inert(&shown), "the walk shows a hidden character");
    }
});
