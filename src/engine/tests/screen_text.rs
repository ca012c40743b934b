//! The screens the engine shows: the step screen (links, contact, sources, wait status) at
//! a width, the resume summary with an overdue wait, and commands with the session's id.

use super::*;

#[test]
fn the_step_screen_shows_header_bar_body_links_and_contact() {
    let w = walk(TO_SUBMIT);
    let screen = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 80);
    insta::assert_snapshot!(screen, @r"
    Fixture Mobile · 4/7 · submit
    [########............] 3/7

    Title of submit

    Body of submit.

    Links:
      example.invalid: https://example.invalid/account
    Customer service: phone 3900
    ");
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 80);
    assert!(zh.starts_with("Fixture Mobile · 4/7 · 提交\n"), "{zh}");
    assert!(
        zh.contains("submit 的标题") && zh.contains("链接：") && zh.contains("客服：电话 3900"),
        "{zh}"
    );
}

#[test]
fn the_summary_and_the_overdue_wait_say_what_to_do() {
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n5\n");
    let w = walk(&script);
    assert_eq!(w.outcome, Outcome::Paused);
    let later = t("2026-12-09T10:00:00+01:00");
    insta::assert_snapshot!(screens::summary(&w.session, Lang::En.strings(), later), @r"
    Session 0011aabb · Fixture Mobile · started 2026-12-01 · 4/7 done
      – Title of get-rio (not applicable, 2026-12-01)
      – Title of refund-balance (not applicable, 2026-12-01)
      ✓ Title of login (done, 2026-12-01)
      ✓ Title of find-option (done, 2026-12-01)
      ✓ Title of confirm (done, 2026-12-01)
      ✓ Title of submit (done, 2026-12-01)
      → Title of wait-confirmation (next)
      · Title of delete-esim (to do)
      · Title of keep-proof (to do)

    Waiting since 2026-12-01 (8 days); the answer is expected by 2026-12-06.
    Overdue: the answer was expected by 2026-12-06 (3 days ago).
    Contact customer service and give them: Request reference AB1234
    Customer service: phone 3900 · https://example.invalid/support
    ");
    let zh = screens::summary(&w.session, Lang::ZhCn.strings(), later);
    assert!(
        zh.ends_with("已逾期：答复原应在 2026-12-06 前收到（已过 3 天）。\n请联系客服，并提供：Request reference AB1234\n客服：电话 3900 · https://example.invalid/support"),
        "{zh}"
    );
    // Abroad, the number callable from there, when the checklist has one.
    let mut abroad = w.session.clone();
    abroad.checklist.snapshot.contacts.phone_abroad = Some("+33 1 23 45 67 89".into());
    let zh = screens::summary(&abroad, Lang::ZhCn.strings(), later);
    assert!(
        zh.ends_with(
            "客服：电话 3900 · 从国外拨打 +33 1 23 45 67 89 · https://example.invalid/support"
        ),
        "{zh}"
    );
    let en = screens::summary(&abroad, Lang::En.strings(), later);
    assert!(
        en.ends_with("Customer service: phone 3900 · from abroad +33 1 23 45 67 89 · https://example.invalid/support"),
        "{en}"
    );
    // A phone number and no number from abroad: the checklist's note says where it works.
    let mut home_only = w.session.clone();
    home_only.checklist.snapshot.contacts.note = Some(crate::checklist::Text(vec![
        ("en".into(), "3900 works from a French line only.".into()),
        ("zh-CN".into(), "3900 只能从法国线路拨打。".into()),
    ]));
    let zh = screens::summary(&home_only, Lang::ZhCn.strings(), later);
    assert!(
        zh.ends_with(
            "客服：电话 3900 · https://example.invalid/support\n3900 只能从法国线路拨打。"
        ),
        "{zh}"
    );
    abroad.checklist.snapshot.contacts.note = home_only.checklist.snapshot.contacts.note;
    let en = screens::summary(&abroad, Lang::En.strings(), later);
    assert!(!en.contains("French line only"), "{en}");
    // Before the due date: no notification comes, so it says where the date shows.
    let waiting = screens::summary(&w.session, Lang::ZhCn.strings(), t(NOW));
    assert!(
        waiting.ends_with("simcancel 不会主动通知您：`simcancel sessions` 会显示这个日期。加入日历：simcancel export 0011aabb --format ics -o 提醒.ics"),
        "{waiting}"
    );
    let waiting = screens::summary(&w.session, Lang::En.strings(), t(NOW));
    assert!(
        waiting.ends_with("simcancel sends no notification: `simcancel sessions` shows this date. To put it in your calendar: simcancel export 0011aabb --format ics -o reminders.ics"),
        "{waiting}"
    );
}

#[test]
fn a_command_with_a_placeholder_id_gets_the_session_id() {
    let mut w = walk(TO_SUBMIT);
    w.session.checklist.snapshot.steps[5].body = crate::checklist::Text(vec![
        (
            "en".into(),
            "Keep an export (`simcancel export <id> --format html`); `simcancel guide <id>` opens another checklist.".into(),
        ),
        ("zh-CN".into(), "保存导出记录（`simcancel export <编号> --format html`）。".into()),
    ]);
    let en = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 200);
    assert!(
        en.contains("`simcancel export 0011aabb -o record.html`"),
        "{en}"
    );
    // Only session commands: a checklist id is not a session id.
    assert!(en.contains("`simcancel guide <id>`"), "{en}");
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 200);
    assert!(
        zh.contains("`simcancel export 0011aabb -o 注销记录.html`"),
        "{zh}"
    );
}

/// Checklists name `simcancel export` and `simcancel letter` alone; on the screen they are
/// commands that work as copied: with the session's id, the record into a page.
#[test]
fn a_bare_export_or_letter_command_gets_the_session_id() {
    let mut w = walk(TO_SUBMIT);
    w.session.checklist.snapshot.steps[5].body = crate::checklist::Text(vec![
        (
            "en".into(),
            "Keep the record (`simcancel export`) and send the letter (`simcancel letter`).".into(),
        ),
        (
            "zh-CN".into(),
            "保存记录（`simcancel export`），寄出信函（`simcancel letter`）。".into(),
        ),
    ]);
    let en = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 200);
    assert!(
        en.contains("(`simcancel export 0011aabb -o record.html`) and send the letter (`simcancel letter 0011aabb`)"),
        "{en}"
    );
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 200);
    assert!(
        zh.contains("（`simcancel export 0011aabb -o 注销记录.html`），寄出信函（`simcancel letter 0011aabb`）"),
        "{zh}"
    ); // "with --format ics" (as checklists put it, over a line break): one command.
    w.session.checklist.snapshot.steps[5].body = crate::checklist::Text(vec![
        (
            "en".into(),
            "`simcancel export` with\n`--format ics` puts it in your calendar; `simcancel export` with `--format html` gives a page.".into(),
        ),
        ("zh-CN".into(), "`simcancel export` 加上\n`--format ics` 可以把它加入日历。".into()),
    ]);
    let en = screens::step_screen(&w.session, 5, Lang::En.strings(), t(NOW), 200);
    assert!(
        en.contains("`simcancel export 0011aabb --format ics -o reminders.ics` puts it in your calendar; `simcancel export 0011aabb -o record.html` gives a page."),
        "{en}"
    );
    let zh = screens::step_screen(&w.session, 5, Lang::ZhCn.strings(), t(NOW), 200);
    assert!(
        zh.contains("`simcancel export 0011aabb --format ics -o 提醒.ics` 可以把它加入日历。"),
        "{zh}"
    );
}

#[test]
fn the_step_screen_fits_a_narrow_terminal_sources_and_wait_included() {
    let script = format!("{TO_SUBMIT}AB1234\n\n1\n1\n5\n");
    let mut w = walk(&script);
    let snap = &mut w.session.checklist.snapshot;
    snap.sources.push(crate::checklist::Source {
        id: "long".into(),
        title: "Médiateur des communications électroniques : comment y recourir ?".into(),
        url: Some("https://roquesteron.fr/demarches-administratives/?xml=F14373".into()),
        publisher: Some("Service-public.fr (DILA)".into()),
        retrieved: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
        quote: Some("Tous les opérateurs ou fournisseurs disposent d'un service clients et d'un service consommateurs.".into()),
        confidence: None,
    });
    let wait = snap
        .steps
        .iter()
        .position(|s| s.wait.is_some())
        .expect("a wait");
    snap.steps[wait].cite.push("long".into());
    // A body whose last line nearly fills the width: its markers go to the next line.
    snap.steps[wait].body = crate::checklist::Text(vec![(
        "zh-CN".into(),
        "请把实际答复记为这一步的结果，到期仍无消息请再次询问客服。".into(),
    )]);
    let screen = screens::step_screen(&w.session, wait, Lang::ZhCn.strings(), t(NOW), 60);
    for line in screen.lines() {
        assert!(
            textwrap::core::display_width(line) <= 60,
            "{line:?} is wider than 60 columns:\n{screen}"
        );
    }
    // The quote stays under its source; the command to copy keeps `--format` whole.
    assert!(screen.contains("\n      “Tous les opérateurs"), "{screen}");
    assert!(screen.contains("--format ics"), "{screen}");
}

/// `--plain` in a terminal: the numbered lines fit the terminal's width, not 80 columns.
#[test]
fn a_plain_prompter_wraps_its_screens_to_the_width_it_is_given() {
    let mut session = new_session();
    let long = "找出一张账单、合同或开户时收到的欢迎邮件，需要准备持有人姓名和邮寄地址、手机号码以及客户号。";
    for step in session.checklist.snapshot.steps.iter_mut() {
        step.body = crate::checklist::Text(vec![("zh-CN".into(), format!("Body of {long}"))]);
    }
    let mut saver = |_: &Session| -> Result<(), session::Error> { Ok(()) };
    let mut prompter =
        PlainPrompter::new("2\n2\n5\n".as_bytes(), Vec::new(), Lang::ZhCn.strings()).width(40);
    let clock = || t(NOW);
    Engine::new(
        &mut session,
        &mut prompter,
        &mut saver,
        &clock,
        Lang::ZhCn.strings(),
    )
    .run()
    .expect("walk");
    let output = String::from_utf8(prompter.into_output()).expect("utf-8");
    let screen = output
        .split("\n\n")
        .find(|part| part.starts_with("Body of"))
        .expect("a body");
    for line in screen.lines() {
        assert!(
            textwrap::core::display_width(line) <= 40,
            "{line:?}\n{output}"
        );
    }
    assert!(screen.lines().count() > 2, "{screen}");
}
