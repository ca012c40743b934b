//! `simcancel report`: feedback for a checklist's maintainers, in the session's language,
//! with no recorded value, and the person's own words only when asked for.

use crate::fixtures;
use crate::harness::Env;

/// Every recorded value of the fixtures, in pieces an escaped or re-spaced copy would keep.
const RECORDED: [&str; 8] = [
    "Dupont",
    "Lilas",
    "75011",
    "12 34 56",
    "99887766",
    "000451",
    "张伟",
    "丁香街",
];

/// Pieces of the skip reasons and notes the fixtures' person wrote.
const WRITTEN: [&str; 6] = [
    "Balance was",
    "余额为零",
    "Advisor said",
    "no fee",
    "客服说不收费",
    "enregistr",
];

fn env_with(sessions: &[simcancel::session::Session]) -> Env {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", "2026-12-10T18:00:00+01:00");
    for s in sessions {
        fixtures::save(&env, s);
    }
    env
}

#[test]
fn a_report_is_markdown_in_the_session_language_and_says_what_it_left_out() {
    let env = env_with(&[fixtures::completed(), fixtures::chinese()]);
    let en = env.run(&["report", "k7m2"]).success().stderr_is(
        "3 skip reason(s) and note(s) are not in this report. To add them, with digits, \
             e-mail addresses, links and recorded values masked, run \
             `simcancel report k7m2q9x4 --with-text`, and read the result before you paste it.\n",
    );
    insta::assert_snapshot!(en.stdout);
    let zh = env
        .run(&["report", "c4h5"])
        .success()
        .stderr_has("--with-text");
    assert!(
        zh.stdout.starts_with("### 对清单 `demo-mobile` 的反馈\n"),
        "{zh}"
    );
    env.run(&["--lang", "en", "report", "c4h5"])
        .success()
        .stderr_has("not in this report")
        .stdout_has("### Feedback on the checklist `demo-mobile`");
}

#[test]
fn no_recorded_value_is_ever_in_a_report_and_written_words_only_when_asked() {
    let env = env_with(&[
        fixtures::completed(),
        fixtures::chinese(),
        fixtures::unfinished(),
        fixtures::chinese_unfinished(),
        fixtures::confirmed(),
    ]);
    for id in ["k7m2q9x4", "c4h5z6n7", "u3n8f1w6", "z8w2d5q1", "p2d7c5e9"] {
        // The values are in the session: the test would see them if they leaked.
        let export = env.run(&["export", id]).success().into_stdout();
        assert!(export.contains("99887766"), "{id}");
        let without = env.run(&["report", id]).success().stderr_has(id);
        let with = env.run(&["report", id, "--with-text"]).success();
        for piece in RECORDED {
            assert!(!without.stdout.contains(piece), "{id}: {piece}\n{without}");
            assert!(!with.stdout.contains(piece), "{id}: {piece}\n{with}");
        }
        for piece in WRITTEN {
            assert!(!without.stdout.contains(piece), "{id}: {piece}\n{without}");
        }
        assert!(
            !without.stdout.contains(id) && !with.stdout.contains(id),
            "{id}"
        );
    }
    let with = env.run(&["report", "k7m2", "--with-text"]).success();
    assert!(with.stdout.contains("`Balance was •,•• €`"), "{with}");
}

#[test]
fn a_session_without_notes_or_reasons_has_nothing_left_out() {
    let mut s = fixtures::unfinished();
    for r in &mut s.steps {
        r.notes.clear();
        r.skip_reason = None;
    }
    let env = env_with(&[s]);
    let run = env.run(&["report", "u3n8"]).success();
    assert!(!run.stdout.contains("Not included"), "{run}");
}

#[test]
fn an_unknown_session_says_how_to_find_one() {
    env_with(&[])
        .run(&["report", "zzzz"])
        .code(1)
        .stderr_has("no session matches `zzzz`");
}
