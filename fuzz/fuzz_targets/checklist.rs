//! The checklist loader and validator: any bytes, as `simcancel validate FILE` reads them.
//!
//! Never panics; every problem can be worded in both languages and printed without a
//! hidden character; a checklist that loads survives the JSON round trip a session's
//! snapshot makes (else a session begun on it could not be read back).

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use simcancel::checklist::{Checklist, Diagnostic, Problem, parse_str};
use simcancel::commands::messages;
use simcancel::i18n::Lang;
use simcancel::visible;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.toml");
    let diags = match std::str::from_utf8(data) {
        Err(_) => vec![Diagnostic::file(path, Problem::NotUtf8)],
        Ok(src) => match parse_str(src, path) {
            Ok((checklist, warnings)) => {
                let json = serde_json::to_string(&checklist).expect("a checklist serializes");
                let back: Checklist = serde_json::from_str(&json).expect("and reads back");
                assert_eq!(back, checklist, "the snapshot round trip changes nothing");
                warnings
            }
            Err(diags) => diags,
        },
    };
    for lang in Lang::ALL {
        for d in &diags {
            let line = messages::diagnostic(d, lang.strings());
            assert!(
                !visible::text(&line)
                    .chars()
                    .any(|c| visible::is_hidden(c) && c != '\n' && c != '\t' && c != '\r'),
                "{line:?}"
            );
        }
    }
});
