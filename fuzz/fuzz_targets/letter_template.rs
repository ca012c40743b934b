//! The letter template renderer: any bytes as a user's `generic.<kind>.fr.txt` and its
//! translation (the two split at the first NUL byte; the first byte picks the kind and the
//! language), filled from a recorded session.
//!
//! Never panics; `validate`'s check and the renderer agree on which templates are usable,
//! and a rendered letter holds no hidden character.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use simcancel::checklist::Sources;
use simcancel::fixtures;
use simcancel::i18n::Lang;
use simcancel::letter::{self, Kind, TemplateDirs, check_template};
use simcancel::visible;

fn checklist_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir").keep();
        std::fs::create_dir_all(dir.join("letters")).expect("letters folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = if first & 1 == 0 {
        Kind::Letter
    } else {
        Kind::Email
    };
    let lang = if first & 2 == 0 { Lang::En } else { Lang::ZhCn };
    let (french, translation) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &b"Subject: {{line_number}}\n"[..]),
    };
    let letters = checklist_dir().join("letters");
    let fr = letters.join(format!("generic.{}.fr.txt", kind.name()));
    let tr = letters.join(format!("generic.{}.{}.txt", kind.name(), lang.tag()));
    std::fs::write(&fr, french).expect("write");
    std::fs::write(&tr, translation).expect("write");
    let dirs = TemplateDirs::new(&Sources {
        dirs: vec![checklist_dir().clone()],
        ..Sources::default()
    });
    let session = fixtures::completed();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let rendered = letter::render(&session, kind, lang.strings(), today, &dirs);
    let usable =
        |bytes: &[u8]| std::str::from_utf8(bytes).is_ok_and(|src| check_template(src).is_empty());
    match rendered {
        Ok(filled) => {
            assert!(
                usable(french) && usable(translation),
                "rendered a template validate refuses"
            );
            let mut chars = filled.text.chars().peekable();
            while let Some(c) = chars.next() {
                let kept = c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
                assert!(!visible::is_hidden(c) || kept, "the letter shows {c:?}");
            }
        }
        Err(_) => assert!(
            !(usable(french) && usable(translation)),
            "refused a template validate accepts"
        ),
    }
    let _ = std::fs::remove_file(&tr);
});
