//! Letter tests: the bundled templates filled from the export fixtures, sections, the
//! choice of template, and user templates.

use std::path::Path;

use super::*;
use crate::checklist::{Problem, Sources};
use crate::fixtures;
use crate::i18n::Lang;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

fn render_for(session: &Session, kind: Kind, lang: Lang) -> Filled {
    render(
        session,
        kind,
        lang.strings(),
        today(),
        &TemplateDirs::default(),
    )
    .expect("letter renders")
}

/// The session with no recorded input and a checklist without contacts.
fn bare() -> Session {
    let mut s = fixtures::unfinished();
    s.steps.iter_mut().for_each(|r| r.inputs.clear());
    s.checklist.snapshot.contacts = Default::default();
    s
}

#[test]
fn the_bundled_generic_checklist_records_every_value_the_letters_use() {
    let (_, src) = crate::checklist::bundled_files()
        .iter()
        .find(|(name, _)| *name == "generic.toml")
        .expect("bundled generic checklist");
    let (checklist, _) =
        crate::checklist::parse_str(src, Path::new("generic.toml")).expect("generic parses");
    let mut session = fixtures::completed();
    session.steps = checklist
        .steps
        .iter()
        .map(|st| crate::session::StepRecord {
            id: st.id.clone(),
            inputs: st
                .inputs
                .iter()
                .map(|i| (i.id.clone(), format!("value of {}", i.id)))
                .collect(),
            ..Default::default()
        })
        .collect();
    session.checklist.id = checklist.id.clone();
    session.checklist.snapshot = checklist;
    let filled = render_for(&session, Kind::Letter, Lang::En);
    for f in &Field::INPUTS[..5] {
        assert!(
            filled.text.contains(&format!("value of {}", f.name())),
            "the generic checklist has no `{}` input:\n{}",
            f.name(),
            filled.text
        );
    }
    // What only the person can know about "any operator": its name and address.
    assert!(filled.text.contains("[À COMPLÉTER : nom de l'opérateur]"));
    assert!(!filled.text.contains("Generic"), "{}", filled.text);
    // No operator publishes an e-mail address for cancellations: no e-mail is offered.
    let err = render(
        &session,
        Kind::Email,
        Lang::En.strings(),
        today(),
        &TemplateDirs::default(),
    )
    .expect_err("no e-mail address");
    assert!(
        matches!(
            &err,
            Error::NoEmail {
                provider: None,
                french: true,
                ..
            }
        ),
        "{err:?}"
    );
}

/// `leaving-france` says `simcancel letter` fills the letter in: it is addressed to the
/// person's operator, never to simcancel.
#[test]
fn a_guide_across_operators_leaves_the_operator_to_fill_in() {
    let (_, src) = crate::checklist::bundled_files()
        .iter()
        .find(|(name, _)| *name == "leaving-france.toml")
        .expect("bundled leaving-france checklist");
    let (checklist, _) = crate::checklist::parse_str(src, Path::new("leaving-france.toml"))
        .expect("leaving-france parses");
    assert_eq!(template_for(&checklist), Some(DEFAULT_TEMPLATE));
    let mut session = fixtures::completed();
    session.checklist.id = checklist.id.clone();
    session.checklist.snapshot = checklist;
    let filled = render_for(&session, Kind::Letter, Lang::En);
    assert!(
        filled.text.contains("[À COMPLÉTER : nom de l'opérateur]"),
        "{}",
        filled.text
    );
    assert!(!filled.text.contains("simcancel"), "{}", filled.text);
}

#[test]
fn a_fully_filled_letter_has_no_missing_mark() {
    let filled = render_for(&fixtures::completed(), Kind::Letter, Lang::En);
    assert_eq!(filled.missing, 0);
    assert!(!filled.text.contains("COMPLÉTER"), "{}", filled.text);
    assert!(!filled.text.contains("TO FILL IN"), "{}", filled.text);
    for v in [
        "Jean-Pierre Dupont",
        "06 12 34 56 78",
        "CL-99887766",
        "RES-2026-000451",
    ] {
        assert!(filled.text.contains(v), "{v} missing");
    }
    // The address is split into lines, indented like its placeholder.
    assert!(
        filled
            .text
            .contains("Jean-Pierre Dupont\n12 rue des Lilas\n75011 Paris\n")
    );
    assert!(
        filled
            .text
            .contains("TSA 00000\n                                        75000 Paris")
    );
    // The operator's address is the checklist's, with the source to check it against.
    assert!(
        filled
            .text
            .contains("come from the checklist's sources: Résilier un contrat de téléphonie mobile <https://www.service-public.fr/particuliers/vosdroits/F22486>."),
        "{}",
        filled.text
    );
    insta::assert_snapshot!(filled.text);
}

#[test]
fn every_missing_value_is_marked_in_french_and_in_the_translation() {
    let filled = render_for(&bare(), Kind::Letter, Lang::En);
    // holder_name twice, address, line number twice, customer number twice, operator
    // address; no reference line, since there is no reference.
    assert_eq!(filled.missing, 8);
    assert_eq!(filled.missing_mark, "[À COMPLÉTER : …]");
    assert!(filled.text.contains("[À COMPLÉTER : vos nom et prénom]"));
    assert!(filled.text.contains("[TO FILL IN: your full name]"));
    assert!(!filled.text.contains("demande en ligne"), "{}", filled.text);
    insta::assert_snapshot!(filled.text);
}

#[test]
fn chinese_email_with_missing_values() {
    let mut s = bare();
    s.checklist.snapshot.contacts.email = Some("resiliation@demo.example".into());
    let filled = render_for(&s, Kind::Email, Lang::ZhCn);
    assert!(
        filled
            .text
            .contains("[À COMPLÉTER : numéro de la ligne mobile]")
    );
    assert!(filled.text.contains("[待填写：手机号码]"));
    insta::assert_snapshot!(filled.text);
}

#[test]
fn email_joins_a_multi_line_address_inside_a_sentence() {
    let filled = render_for(&fixtures::chinese(), Kind::Email, Lang::ZhCn);
    assert!(filled.text.contains("Adresse : 巴黎第十一区丁香街12号\n"));
    assert!(filled.text.contains("À : resiliation@demo.example"));
    insta::assert_snapshot!(filled.text);
}

#[test]
fn a_user_template_overrides_the_bundled_one_and_is_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letters = dir.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    std::fs::write(
        letters.join("demo.letter.fr.txt"),
        "Objet : {{line_number}}\n",
    )
    .expect("write");
    std::fs::write(
        letters.join("demo.letter.en.txt"),
        "Subject: {{line_number}}\n",
    )
    .expect("write");
    let mut s = fixtures::completed();
    s.checklist.snapshot.letter = Some("demo".into());
    let dirs = TemplateDirs::new(&Sources {
        dirs: vec![dir.path().to_path_buf()],
        ..Sources::default()
    });
    // No zh-CN translation: English is used.
    let filled = render(&s, Kind::Letter, Lang::ZhCn.strings(), today(), &dirs).expect("renders");
    assert!(filled.text.contains("Objet : 06 12 34 56 78"));
    assert!(filled.text.contains("Subject: 06 12 34 56 78"));

    std::fs::write(letters.join("demo.letter.fr.txt"), "Objet : {{numero}}\n").expect("write");
    let err =
        render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("bad template");
    let Error::BadTemplate { origin, problem } = err else {
        panic!("{err:?}")
    };
    // Compared by components: the separator is `\` on Windows.
    assert!(
        std::path::Path::new(&origin).ends_with("letters/demo.letter.fr.txt"),
        "{origin}"
    );
    assert_eq!((problem.line, problem.col), (1, 9));
    assert_eq!(
        problem.problem,
        Problem::UnknownPlaceholder {
            name: "numero".into()
        }
    );

    // A template that exists but cannot be read is reported, not skipped.
    std::fs::create_dir_all(letters.join("folder.letter.fr.txt")).expect("mkdir");
    s.checklist.snapshot.letter = Some("folder".into());
    let err = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("a folder");
    assert!(
        matches!(&err, Error::UnreadableTemplate { path, .. } if path.ends_with("folder.letter.fr.txt")),
        "{err:?}"
    );

    // A damaged session cannot make the name a path out of the template folders.
    std::fs::write(dir.path().join("escape.letter.fr.txt"), "Objet\n").expect("write");
    std::fs::write(dir.path().join("escape.letter.en.txt"), "Subject\n").expect("write");
    s.checklist.snapshot.letter = Some("../escape".into());
    let err = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("a path");
    assert!(
        matches!(&err, Error::BadTemplateName { name, .. } if name == "../escape"),
        "{err:?}"
    );

    s.checklist.snapshot.letter = Some("nowhere".into());
    let err = render(&s, Kind::Email, Lang::En.strings(), today(), &dirs).expect_err("no template");
    assert!(
        matches!(&err, Error::NoTemplate { file, .. } if file == "nowhere.email.fr.txt"),
        "{err:?}"
    );
}

#[test]
fn control_characters_in_values_and_templates_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letters = dir.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    std::fs::write(
        letters.join("demo.letter.fr.txt"),
        "Objet\u{1b}]8;;https://evil.example\u{7} : {{holder_name}}\r\n",
    )
    .expect("write");
    std::fs::write(letters.join("demo.letter.en.txt"), "Re\u{202e}: x\n").expect("write");
    let mut s = fixtures::completed();
    s.checklist.snapshot.letter = Some("demo".into());
    s.steps[0]
        .inputs
        .insert("holder_name".into(), "Jean\u{1b}[2J".into());
    let dirs = TemplateDirs::new(&Sources {
        dirs: vec![dir.path().to_path_buf()],
        ..Sources::default()
    });
    let filled = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect("renders");
    assert!(
        filled
            .text
            .contains("Objet\\u{1b}]8;;https://evil.example\\u{7} : Jean\\u{1b}[2J"),
        "{}",
        filled.text
    );
    assert!(filled.text.contains("Re\\u{202e}: x"), "{}", filled.text);
    assert!(!crate::visible::has_hidden(&filled.text.replace('\n', "")));
}

// Windows has no FIFOs among files.
#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_template_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letters = dir.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    let fifo = letters.join("generic.letter.fr.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let dirs = TemplateDirs::new(&Sources {
        dirs: vec![dir.path().to_path_buf()],
        ..Sources::default()
    });
    let s = fixtures::completed();
    let err = render(&s, Kind::Letter, Lang::En.strings(), today(), &dirs).expect_err("a pipe");
    assert_eq!(
        err,
        Error::UnreadableTemplate {
            path: fifo.clone(),
            reason: ReadError::NotRegular
        }
    );
    let diags = check_template_file(&fifo);
    assert_eq!(diags[0].problem, Problem::Unreadable(ReadError::NotRegular));
}

/// The completed fixture as a travel eSIM bought from "Airalo": the order number recorded,
/// the situation answered "faulty".
fn travel() -> Session {
    use crate::checklist::{Choice, Kind as LineKind, Question, QuestionKind, Text};
    let mut s = fixtures::completed();
    s.checklist.id = "airalo".into();
    let snap = &mut s.checklist.snapshot;
    snap.id = "airalo".into();
    snap.provider = Text::plain("Airalo");
    snap.country = "INT".into();
    snap.kinds = vec![LineKind::Esim, LineKind::Travel];
    snap.contacts = Default::default();
    snap.questions.push(Question {
        id: "situation".into(),
        kind: QuestionKind::Choice(vec![Choice {
            id: "faulty".into(),
            label: Text(vec![
                ("en".into(), "It will not install or does not work".into()),
                ("zh-CN".into(), "装不上或无法使用".into()),
            ]),
        }]),
        text: Text::plain("Where are you with this eSIM?"),
        help: None,
        at: None,
        cite: vec![],
    });
    s.answers
        .insert("situation".into(), Answer::Choice("faulty".into()));
    for r in &mut s.steps {
        r.inputs.clear();
    }
    s.steps[0]
        .inputs
        .insert("order_number".into(), "AIR-5567".into());
    s.steps[0]
        .inputs
        .insert("holder_name".into(), "张伟".into());
    s
}

use crate::checklist::Answer;

#[test]
fn a_travel_esim_gets_an_english_refund_request_naming_the_order() {
    let s = travel();
    let zh = render_for(&s, Kind::Letter, Lang::ZhCn);
    assert!(zh.text.starts_with("要发送的英文申请"), "{}", zh.text);
    assert!(
        zh.text
            .contains("Subject: refund request for order AIR-5567"),
        "{}",
        zh.text
    );
    assert!(
        zh.text.contains("order AIR-5567, bought from Airalo."),
        "{}",
        zh.text
    );
    assert!(
        zh.text
            .contains("Reason: It will not install or does not work")
    );
    assert!(zh.text.contains("理由：装不上或无法使用"), "{}", zh.text);
    assert!(zh.text.contains("请发送上面的英文原文"), "{}", zh.text);
    // Nothing of a French mobile-line cancellation.
    for french in ["L224", "ligne mobile", "COMPLÉTER", "résili"] {
        assert!(!zh.text.contains(french), "{french}:\n{}", zh.text);
    }
    assert_eq!(zh.missing, 0, "{}", zh.text);
    assert!(zh.chinese_name, "the name is in Chinese characters");
    insta::assert_snapshot!(zh.text);
    // In English there is nothing to translate.
    let en = render_for(&s, Kind::Letter, Lang::En);
    assert!(!en.text.contains("Translation"), "{}", en.text);
    assert!(en.text.starts_with("Request to send, in English"));
    // Without an order number the request says so, in English.
    let mut no_order = s.clone();
    no_order.steps[0].inputs.remove("order_number");
    let filled = render_for(&no_order, Kind::Letter, Lang::En);
    assert!(filled.text.contains("order [TO FILL IN: the order number]"));
    assert_eq!(filled.missing_mark, "[TO FILL IN: …]");
}

#[test]
fn an_email_is_offered_only_to_an_address_the_checklist_gives() {
    let mut s = travel();
    let err = render(
        &s,
        Kind::Email,
        Lang::ZhCn.strings(),
        today(),
        &TemplateDirs::default(),
    )
    .expect_err("no address");
    assert_eq!(
        err,
        Error::NoEmail {
            session: s.id.clone(),
            checklist: "airalo".into(),
            provider: Some("Airalo".into()),
            french: false,
        }
    );
    s.checklist.snapshot.contacts.email = Some("help@seller.example".into());
    let filled = render_for(&s, Kind::Email, Lang::ZhCn);
    assert!(filled.text.contains("To: help@seller.example\n"));
    assert!(filled.text.contains("收件人：help@seller.example\n"));
}

#[test]
fn a_checklist_no_letter_fits_says_so() {
    let mut s = fixtures::completed();
    s.checklist.snapshot.letter = Some(NO_LETTER.into());
    let err = render(
        &s,
        Kind::Letter,
        Lang::En.strings(),
        today(),
        &TemplateDirs::default(),
    )
    .expect_err("no letter");
    assert!(matches!(err, Error::NoLetter { .. }), "{err:?}");
    // A seller abroad that sells no travel eSIM has no template either.
    let mut abroad = fixtures::completed();
    abroad.checklist.snapshot.country = "INT".into();
    assert_eq!(template_for(&abroad.checklist.snapshot), None);
    assert_eq!(
        template_for(&fixtures::completed().checklist.snapshot),
        Some(DEFAULT_TEMPLATE)
    );
    assert_eq!(
        template_for(&travel().checklist.snapshot),
        Some(TRAVEL_TEMPLATE)
    );
}

#[test]
fn the_balance_sentence_follows_the_answer_and_the_kind_of_line() {
    use crate::checklist::Kind as LineKind;
    let contract_fr = "Conformément à l'article L224-35 du Code de la consommation";
    let prepaid_fr = "me rembourser, si possible, le\ncrédit restant";
    let mut s = fixtures::completed();
    // Prepaid, money left: asked for, no law cited.
    let filled = render_for(&s, Kind::Letter, Lang::ZhCn);
    assert!(filled.text.contains(prepaid_fr), "{}", filled.text);
    assert!(
        filled
            .text
            .contains("另外，如有可能，请退还我号码上剩余的余额。")
    );
    assert!(!filled.text.contains("L224-35"), "{}", filled.text);
    // A contract, money left: L224-35, within ten days of the last bill.
    s.checklist.snapshot.kinds = vec![LineKind::Postpaid];
    let filled = render_for(&s, Kind::Letter, Lang::ZhCn);
    assert!(filled.text.contains(contract_fr), "{}", filled.text);
    assert!(filled.text.contains("第 L224-35 条"), "{}", filled.text);
    assert!(!filled.text.contains(prepaid_fr));
    // A checklist for both asks `plan`; the answer decides.
    s.checklist.snapshot.kinds = vec![LineKind::Postpaid, LineKind::Prepaid];
    s.answers
        .insert("plan".into(), Answer::Choice("prepaid".into()));
    let filled = render_for(&s, Kind::Email, Lang::En);
    assert!(filled.text.contains(prepaid_fr), "{}", filled.text);
    s.answers
        .insert("plan".into(), Answer::Choice("contract".into()));
    let filled = render_for(&s, Kind::Email, Lang::En);
    assert!(filled.text.contains(contract_fr), "{}", filled.text);
    assert!(
        filled.text.contains("Under article L224-35"),
        "{}",
        filled.text
    );
    // No money left: no sentence at all, and no gap where it was.
    s.answers.insert("has_balance".into(), Answer::Bool(false));
    for kind in [Kind::Letter, Kind::Email] {
        let filled = render_for(&s, kind, Lang::ZhCn);
        for absent in ["L224-35", "rembourser", "余额", "退还"] {
            assert!(!filled.text.contains(absent), "{absent}:\n{}", filled.text);
        }
        assert!(!filled.text.contains("\n\n\n"), "{}", filled.text);
    }
}

#[test]
fn the_posted_letter_asks_for_a_written_confirmation_without_citing_the_online_form_rule() {
    let filled = render_for(&fixtures::completed(), Kind::Letter, Lang::ZhCn);
    assert!(!filled.text.contains("L215-1-1"), "{}", filled.text);
    assert!(filled.text.contains("sur un support durable"));
    assert!(
        filled
            .text
            .contains("可长期保存的书面形式（如电子邮件或信件）")
    );
    assert!(!filled.text.contains("持久载体"));
    assert!(filled.text.contains("挂号信（附回执）"));
    assert!(filled.text.contains("此致\n敬礼\n"), "{}", filled.text);
    let email = render_for(&fixtures::completed(), Kind::Email, Lang::ZhCn);
    assert!(email.text.contains("此致\n敬礼\n"), "{}", email.text);
    assert!(!email.text.contains("L215-1-1"), "{}", email.text);
}

#[test]
fn a_full_width_semicolon_separates_address_lines() {
    let mut s = fixtures::completed();
    s.steps[0].inputs.insert(
        "holder_address".into(),
        "12 rue des Lilas；75011 Paris; France".into(),
    );
    let filled = render_for(&s, Kind::Letter, Lang::En);
    assert!(
        filled
            .text
            .contains("Jean-Pierre Dupont\n12 rue des Lilas\n75011 Paris\nFrance\n"),
        "{}",
        filled.text
    );
}

#[test]
fn sections_are_checked_with_line_and_column() {
    let problems = check_template(
        "a\n{{if nothing}}\nb\n{{end}}\n{{end}}\n  {{if reference}}\n{{if balance_contract}}\nx {{if reference}} y\n",
    );
    let got: Vec<(usize, usize, Problem)> = problems
        .into_iter()
        .map(|p| (p.line, p.col, p.problem))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                2,
                1,
                Problem::UnknownCondition {
                    name: "nothing".into()
                }
            ),
            (5, 1, Problem::UnpairedSection),
            (7, 1, Problem::UnpairedSection),
            (8, 3, Problem::UnpairedSection),
            (6, 3, Problem::UnpairedSection),
        ]
    );
    assert_eq!(check_template("{{if reference}}\nx\n{{ end }}\n"), vec![]);
}

#[test]
fn a_session_that_ports_the_number_gets_no_cancellation_letter() {
    let mut s = fixtures::completed();
    s.answers.insert("keep_number".into(), Answer::Bool(true));
    let err = render(
        &s,
        Kind::Letter,
        Lang::ZhCn.strings(),
        today(),
        &TemplateDirs::default(),
    )
    .expect_err("porting");
    assert!(matches!(err, Error::Porting { .. }), "{err:?}");
    // Without porting, the same session has its letter.
    s.answers.insert("keep_number".into(), Answer::Bool(false));
    let filled = render(
        &s,
        Kind::Letter,
        Lang::ZhCn.strings(),
        today(),
        &TemplateDirs::default(),
    )
    .expect("letter");
    assert!(filled.text.contains("résiliation"), "{}", filled.text);
}
