//! `simcancel letter`: the filled French letter or e-mail and its translation.

use crate::fixtures;
use crate::harness::{Env, native};

fn env_with(session: &simcancel::session::Session) -> Env {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", "2026-12-01T09:00:00+01:00");
    fixtures::save(&env, session);
    env
}

#[test]
fn a_letter_with_every_value_filled() {
    let env = env_with(&fixtures::completed());
    let run = env.run(&["letter", "k7m2"]).success();
    let out = &run.stdout;
    assert!(
        out.starts_with("Registered letter to send, in French\n"),
        "{run}"
    );
    for expected in [
        "Jean-Pierre Dupont\n12 rue des Lilas\n75011 Paris",
        "Demo Télécom – Service Résiliation",
        "Le 1er décembre 2026",
        "Lettre recommandée avec accusé de réception",
        "ligne mobile n° 06 12 34 56 78",
        "Numéro client / de contrat : CL-99887766",
        "Référence de ma demande en ligne : RES-2026-000451",
        "article L224-39",
        "sur un support durable",
        "crédit restant sur ma ligne",
        "Translation (English)",
        "send the French text above",
        "1 December 2026",
    ] {
        assert!(out.contains(expected), "lacks {expected:?}:\n{out}");
    }
    assert!(
        !out.contains("COMPLÉTER") && !out.contains("TO FILL IN"),
        "{out}"
    );
}

#[test]
fn a_letter_with_every_value_missing_marks_each_one() {
    let mut s = fixtures::unfinished();
    s.steps.iter_mut().for_each(|r| r.inputs.clear());
    s.checklist.snapshot.contacts = Default::default();
    let env = env_with(&s);
    let run = env
        .run(&["letter", "u3n8"])
        .success()
        .stderr_has("8 value(s) are missing and marked [À COMPLÉTER : …]");
    for field in [
        "vos nom et prénom",
        "votre adresse postale",
        "numéro de la ligne mobile",
        "numéro client ou de contrat",
        "adresse postale du service résiliation",
    ] {
        assert!(
            run.stdout.contains(&format!("[À COMPLÉTER : {field}")),
            "lacks {field}:\n{run}"
        );
    }
    assert!(run.stdout.contains("[TO FILL IN: your full name]"));
    // Without an address to send it to, no e-mail is offered.
    env.run(&["letter", "u3n8", "--kind", "email"])
        .code(1)
        .stderr_has("Demo Télécom publishes no e-mail address for cancellations: use its online form, or send the registered letter (`simcancel letter u3n8f1w6`)");
}

/// Porting the number ends the contract through the new operator: the session that says so
/// gets no cancellation letter, and is told why and how to change its answer.
#[test]
fn a_session_that_keeps_its_number_gets_no_cancellation_letter() {
    let mut s = fixtures::completed();
    s.answers.insert(
        "keep_number".into(),
        simcancel::checklist::Answer::Bool(true),
    );
    let env = env_with(&s);
    env.run(&["--lang", "zh-CN", "letter", "k7m2"])
        .code(1)
        .stderr_has("选择了携号转网")
        .stderr_has("所以不要寄注销信")
        .stderr_has("simcancel resume k7m2");
}

#[test]
fn the_translation_follows_the_session_language_unless_lang_is_given() {
    let env = env_with(&fixtures::chinese());
    // The holder's name is in Chinese characters: the letter needs it in Latin letters.
    let zh = env
        .run(&["letter", "c4h5"])
        .success()
        .stderr_is("您的姓名是用汉字写的：信中请改用拉丁字母，与合同或订单上的写法完全一致（通常与护照相同）。\n");
    assert!(zh.stdout.contains("中文译文"), "{zh}");
    assert!(zh.stdout.contains("2026年12月1日"));
    assert!(zh.stdout.contains("张伟"));
    let en = env
        .run(&["--lang", "en", "letter", "c4h5"])
        .success()
        .stderr_has("Your name is written in Chinese characters: write it in Latin letters");
    assert!(en.stdout.contains("Translation (English)"), "{en}");
}

#[test]
fn a_letter_file_is_private_and_not_overwritten() {
    let env = env_with(&fixtures::completed());
    env.run(&["letter", "k7m2", "--kind", "email", "-o", "mail.txt"])
        .success()
        .stderr_has("Wrote mail.txt");
    let path = env.root().join("mail.txt");
    let text = std::fs::read_to_string(&path).expect("letter file");
    assert!(text.contains("À : resiliation@demo.example"));
    // Owner-only modes are a Unix notion; on Windows the profile folder's ACLs keep files private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    env.run(&["letter", "k7m2", "-o", "mail.txt"])
        .code(1)
        .stderr_has("--force");
}

#[test]
fn a_checklist_folder_can_provide_its_own_template() {
    let mut s = fixtures::completed();
    s.checklist.snapshot.letter = Some("demo".into());
    let env = env_with(&s);
    env.write(
        "mine/letters/demo.letter.fr.txt",
        "Ligne {{line_number}}, {{date}}\n",
    );
    env.write(
        "mine/letters/demo.letter.en.txt",
        "Line {{line_number}}, {{date}}\n",
    );
    env.run(&["--checklists", "mine", "letter", "k7m2"])
        .success()
        .stdout_has("Ligne 06 12 34 56 78, 1er décembre 2026")
        .stdout_has("Line 06 12 34 56 78, 1 December 2026");
    env.write("mine/letters/demo.letter.fr.txt", "Ligne {{ligne}}\n");
    env.run(&["--checklists", "mine", "letter", "k7m2"])
        .code(1)
        .stderr_has("demo.letter.fr.txt:1:7: unknown placeholder `{{ligne}}`");
}

#[test]
fn validate_checks_letter_templates_beside_the_checklists() {
    let env = Env::new();
    let good = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists/letters");
    env.run(&["validate", good.to_str().expect("utf-8 path")])
        .success()
        .stdout_is("")
        .stderr_has(" 0 error(s), 0 warning(s)");
    env.write(
        "mine/letters/demo.letter.fr.txt",
        "Madame,\nLigne {{ligne}} de {{holder_name}} {{date\n",
    );
    env.run(&["validate", "mine"])
        .code(1)
        .stdout_is(&native(concat!(
            "mine/letters/demo.letter.fr.txt:2:7: error: unknown placeholder `{{ligne}}`; known ones are holder_name, holder_address, line_number, customer_number, reference, order_number, reason, operator_name, operator_address, operator_email, date\n",
            "mine/letters/demo.letter.fr.txt:2:36: error: `{{` is not closed by `}}` on the same line\n",
        )))
        .stderr_is("1 file(s) checked: 2 error(s), 0 warning(s)\n");
    env.run(&["validate", "mine/letters/demo.letter.fr.txt"])
        .code(1)
        .stdout_has("demo.letter.fr.txt:2:7:")
        .stderr_is("1 file(s) checked: 2 error(s), 0 warning(s)\n");
}

/// A recorded value that no format escapes (ids have `_`, which Markdown escapes).
fn value_of(input: &str) -> String {
    format!("Valeur {}", input.replace('_', " "))
}

#[test]
fn every_bundled_checklist_gives_a_letter_and_a_record_from_its_own_content() {
    // Each bundled checklist, as `show --json` gives it, walked to the end with every input
    // recorded: its letter must carry those values, and every export format must work.
    let env = Env::new();
    let listed: serde_json::Value =
        serde_json::from_str(&env.run(&["list", "--json"]).success().stdout).expect("list");
    let ids: Vec<String> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str().map(String::from))
        .collect();
    assert!(ids.len() > 1, "{ids:?}");
    let mut env = env;
    env.env("SIMCANCEL_NOW", "2026-12-01T09:00:00+01:00");
    for id in &ids {
        let shown: serde_json::Value =
            serde_json::from_str(&env.run(&["show", id, "--json"]).success().stdout)
                .expect("show --json");
        let checklist: simcancel::checklist::Checklist =
            serde_json::from_value(shown["checklist"].clone()).expect("a checklist");
        let mut session = fixtures::completed();
        session.id = format!("s{:07}", ids.iter().position(|x| x == id).unwrap_or(0));
        session.answers.clear();
        session.events.truncate(1);
        session.steps = checklist
            .steps
            .iter()
            .map(|st| simcancel::session::StepRecord {
                id: st.id.clone(),
                status: simcancel::session::StepStatus::Done,
                inputs: st
                    .inputs
                    .iter()
                    .map(|i| (i.id.clone(), value_of(&i.id)))
                    .collect(),
                ..Default::default()
            })
            .collect();
        session.checklist.id = id.clone();
        session.checklist.hash = shown["hash"].as_str().unwrap_or_default().to_string();
        session.checklist.snapshot = checklist.clone();
        let sid = fixtures::save(&env, &session);
        // Whether values are missing depends on the checklist: stderr may count them.
        let letter = env.run(&["letter", &sid]).success().stderr_any();
        for input in checklist.steps.iter().flat_map(|s| &s.inputs) {
            if simcancel::letter::Field::from_name(&input.id).is_some() {
                assert!(
                    letter.stdout.contains(&value_of(&input.id)),
                    "{id}: {} not in the letter",
                    input.id
                );
            }
        }
        for line in &checklist.contacts.postal {
            assert!(letter.stdout.contains(line.as_str()), "{id}: {line}");
        }
        for format in ["md", "json", "html", "txt"] {
            let out = env
                .run(&["export", &sid, "--format", format, "--redact"])
                .success()
                .into_stdout();
            for input in checklist.steps.iter().flat_map(|s| &s.inputs) {
                let value = value_of(&input.id);
                assert_eq!(
                    out.contains(&value),
                    !input.personal,
                    "{id} {format}: {value} (personal: {})",
                    input.personal
                );
            }
        }
    }
}
