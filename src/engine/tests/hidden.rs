//! Control characters in what the person types and in values from a session file: refused
//! when typed, offered as shown when stored.

use super::*;

#[test]
fn typed_text_with_control_characters_is_refused_and_asked_again() {
    // A note, then a skip reason, each first typed with an escape sequence.
    let script = "2\n2\n3\nPUK \u{1b}[2J\nasked for the PUK\n2\nno\u{7}\u{202e}\nno account\n5\n";
    let w = walk(script);
    let login = w.session.record("login").expect("login");
    assert_eq!(login.notes.len(), 1);
    assert_eq!(login.notes[0].text, "asked for the PUK");
    assert_eq!(login.skip_reason.as_deref(), Some("no account"));
    assert!(
        w.output.contains(
            "! `PUK \\u{1b}[2J` holds control characters (shown as \\u{…}), which your record cannot keep: type it again without them."
        ),
        "{}",
        w.output
    );
    assert!(
        w.output.contains("! `no\\u{7}\\u{202e}` holds control"),
        "{}",
        w.output
    );
    assert!(!w.output.contains('\u{1b}'), "{}", w.output);
}

#[test]
fn a_value_with_control_characters_from_a_file_is_offered_as_it_is_shown() {
    let mut session = new_session();
    let w = walk_on(session.clone(), TO_SUBMIT, Lang::En);
    session = w.session;
    let submit = session
        .checklist
        .snapshot
        .steps
        .iter()
        .position(|s| s.id == "submit")
        .expect("submit");
    session.set_input(submit, "email", "me\u{1b}[2J@example.org".into(), t(NOW));
    // An empty answer takes the value offered, which no longer holds the escape.
    let w = walk_on(session, "AB1234\n\n", Lang::En);
    assert!(
        w.output
            .contains("E-mail used (Enter keeps it; - clears it) [me\\u{1b}[2J@example.org]: "),
        "{}",
        w.output
    );
    let kept = &w.session.record("submit").expect("submit").inputs["email"];
    assert_eq!(kept, "me\\u{1b}[2J@example.org");
}
