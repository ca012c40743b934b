use super::*;
use crate::fixtures;
use crate::i18n::Lang;
use crate::session::{EventKind, Note};

fn options(lang: Lang, with_text: bool) -> Options {
    Options {
        strings: lang.strings(),
        with_text,
        now: fixtures::export_now(),
    }
}

/// Every fixture session, each in its own language.
fn sessions() -> Vec<(Session, Lang)> {
    vec![
        (fixtures::completed(), Lang::En),
        (fixtures::unfinished(), Lang::En),
        (fixtures::confirmed(), Lang::En),
        (fixtures::chinese(), Lang::ZhCn),
        (fixtures::chinese_unfinished(), Lang::ZhCn),
    ]
}

/// What must never reach a report: every recorded value, whole and word by word.
fn recorded_values(session: &Session) -> Vec<String> {
    let mut out = Vec::new();
    for value in session.steps.iter().flat_map(|r| r.inputs.values()) {
        out.push(value.trim().to_string());
        out.extend(
            value
                .split(|c: char| c.is_whitespace() || ",;".contains(c))
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_string),
        );
    }
    out
}

#[test]
fn no_recorded_value_is_in_any_report() {
    for (session, lang) in sessions() {
        let values = recorded_values(&session);
        assert!(
            values.len() > 4,
            "{}: the fixture records values",
            session.id
        );
        for with_text in [false, true] {
            let report = render(&session, &options(lang, with_text));
            for value in &values {
                assert!(
                    !report.to_lowercase().contains(&value.to_lowercase()),
                    "{} (with_text: {with_text}): {value:?} is in:\n{report}",
                    session.id
                );
            }
        }
    }
}

#[test]
fn without_with_text_no_word_the_person_wrote_is_in_it() {
    for (session, lang) in sessions() {
        let report = render(&session, &options(lang, false));
        let written = session.steps.iter().flat_map(|r| {
            r.notes
                .iter()
                .map(|n| n.text.clone())
                .chain(r.skip_reason.clone())
        });
        for text in written {
            // The whole text, or any 8 characters of it, would do to recognise it.
            let chars: Vec<char> = text.chars().collect();
            for window in chars.windows(chars.len().min(8)) {
                let piece: String = window.iter().collect();
                assert!(
                    !report.contains(&piece),
                    "{}: {piece:?} of {text:?} is in:\n{report}",
                    session.id
                );
            }
        }
    }
}

#[test]
fn free_text_is_masked_and_cannot_become_markup() {
    let mut session = fixtures::completed();
    let confirm = session
        .steps
        .iter_mut()
        .find(|r| r.id == "confirm-intent")
        .expect("fixture step");
    confirm.notes = vec![Note {
        at: session.updated,
        text: "Jean-Pierre DUPONT here, @maintainer ![x](https://evil.example/p?u=jp) \
               mail jp@example.org, line 06 12 34 56 78\n`code` | cell\u{1b}[31m"
            .into(),
    }];
    let report = render(&session, &options(Lang::En, true));
    let line = report
        .lines()
        .find(|l| l.starts_with("- `confirm-intent`"))
        .expect("the note's line");
    assert_eq!(
        line,
        "- `confirm-intent` Confirm that you want to cancel: \
         ``••••••• here, @maintainer ![x](https://evil.example/••••••• mail •••••••@••••••• \
         line ••••••• ↵ `code` | cell[••m``"
    );
}

#[test]
fn moves_back_are_counted_by_where_they_went() {
    let mut session = fixtures::completed();
    let at = session.updated;
    for kind in [
        EventKind::WentBack {
            from: "confirm-intent".into(),
            to: "find-cancel".into(),
        },
        EventKind::BackToQuestions {
            from: "log-in".into(),
        },
    ] {
        session.events.push(crate::session::Event { at, kind });
    }
    let report = render(&session, &options(Lang::En, false));
    assert!(
        report.contains(
            "- from `confirm-intent` back to `find-cancel` (×2)\n\
             - from `log-in` back to the questions (×1)\n"
        ),
        "{report}"
    );
}

#[test]
fn a_wait_still_running_is_counted_until_now() {
    // Waiting since 3 November, 5 days expected, exported on 10 December.
    let report = render(&fixtures::unfinished(), &options(Lang::En, false));
    assert!(
        report.contains(
            "| `wait-confirmation` Wait for the confirmation | 5 d | 37 d so far | +32 d | still waiting |"
        ),
        "{report}"
    );
}

#[test]
fn snapshot_completed() {
    insta::assert_snapshot!(render(&fixtures::completed(), &options(Lang::En, false)));
}

#[test]
fn snapshot_completed_with_text() {
    insta::assert_snapshot!(render(&fixtures::completed(), &options(Lang::En, true)));
}

#[test]
fn snapshot_chinese_unfinished() {
    insta::assert_snapshot!(render(
        &fixtures::chinese_unfinished(),
        &options(Lang::ZhCn, false)
    ));
}

#[test]
fn snapshot_chinese_with_text() {
    insta::assert_snapshot!(render(&fixtures::chinese(), &options(Lang::ZhCn, true)));
}
