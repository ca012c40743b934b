//! Issue 4 end to end: a person walks a bundled French operator's checklist in plain mode
//! over two sittings (recording the details a letter needs), gets a calendar of reminders
//! while waiting, then, one command each, a printable HTML record and the filled French
//! letter with its translation — all read back with real parsers.

use std::collections::BTreeMap;

use scraper::{Html, Selector};
use simcancel::checklist::{Answer, Answers, Checklist, Input};

use crate::checklists::{bundled, walk};
use crate::guide::{DAY1, step};
use crate::harness::Env;
use crate::walkthrough::{answer_args, script, value_for};

/// The checklist walked: a French operator whose postal address is known.
const CHECKLIST: &str = "bouygues-telecom";

/// The second sitting: the confirmation came the day before.
const DAY8: &str = "2026-12-08T10:00:00+01:00";

/// What the person records; the apostrophe and accents must survive every format.
const RECORDED: [(&str, &str); 5] = [
    ("holder_name", "Zoé L'Hôte"),
    ("holder_address", "12 rue des Lilas; 75011 Paris"),
    ("line_number", "06 12 34 56 78"),
    ("customer_number", "1.23456789"),
    ("reference", "RES-2026-000451"),
];

fn recorded(input: &Input) -> String {
    RECORDED
        .iter()
        .find(|(id, _)| *id == input.id)
        .map_or_else(|| value_for(input), |(_, v)| v.to_string())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

#[test]
fn a_guide_gives_a_calendar_while_waiting_then_a_printable_record_and_a_filled_letter() {
    let c: Checklist = bundled()
        .into_iter()
        .find(|c| c.id == CHECKLIST)
        .expect("the bundled checklist");
    assert!(
        !c.contacts.postal.is_empty(),
        "{CHECKLIST} has a postal address"
    );
    let bool_answer = |q: &str| (q.to_string(), Answer::Bool(false));
    let choice = |q: &str, c: &str| (q.to_string(), Answer::Choice(c.to_string()));
    // A Bouygues Telecom plan with no commitment left, cancelled outright (no porting), no
    // phone to pay off, nothing left to refund, no SIM lock; the eSIM question is left for
    // the guide to ask at the step it belongs to.
    let given: Answers = [
        "keep_number",
        "phone_financed",
        "has_balance",
        "phone_locked",
    ]
    .map(bool_answer)
    .into_iter()
    .chain([
        choice("brand", "bouygues-telecom"),
        choice("engagement", "none"),
    ])
    .collect();
    let asked: Answers = [bool_answer("esim")].into_iter().collect();
    let all: Answers = given.clone().into_iter().chain(asked.clone()).collect();
    let reached = walk(&c, &all).expect("a walk");
    let wait_at = reached
        .iter()
        .position(|id| c.step(id).is_some_and(|s| s.wait.is_some()))
        .expect("a wait step");
    let (before, from_wait) = reached.split_at(wait_at);
    let recorded_at: BTreeMap<&str, &str> = c
        .steps
        .iter()
        .filter(|s| reached.contains(&s.id))
        .flat_map(|s| s.inputs.iter().map(move |i| (i.id.as_str(), s.id.as_str())))
        .filter(|(id, _)| RECORDED.iter().any(|(r, _)| r == id))
        .collect();
    assert_eq!(recorded_at.len(), RECORDED.len(), "{recorded_at:?}");

    // First sitting: everything up to the wait, then pause.
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", DAY1);
    let mut args = vec!["--plain".to_string(), "guide".into(), CHECKLIST.into()];
    args.extend(answer_args(&given));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stdin = script(&c, before, &Answers::new(), &recorded, "") + "pause\n";
    let run = env.run_with_stdin(&args, &stdin).success();
    let id = env.only_session();
    assert!(
        run.stdout
            .ends_with(&format!("saved — resume with: simcancel resume {id}\n")),
        "{run}"
    );
    let s = env.session_json(&id);
    assert_eq!(s["status"], "in-progress");
    let wait_id = &reached[wait_at];
    assert_eq!(
        step(&s, wait_id)["wait"]["due"],
        "2026-12-11T09:00:00+01:00",
        "10 days after the wait began"
    );
    env.run(&["sessions"])
        .success()
        .stdout_has("waiting until 2026-12-11");

    // An unfinished session cannot be exported as a finished record.
    env.run(&[
        "export",
        &id,
        "--format",
        "html",
        "-o",
        "early.html",
        "--require-complete",
    ])
    .code(1)
    .stderr_has(&format!("session {id} is not finished"))
    .stderr_has(&format!("simcancel resume {id}"));
    assert!(!env.root().join("early.html").exists());

    // While waiting, the calendar: the wait's due date, and each after step that applies a
    // month after it.
    env.run(&["export", &id, "--format", "ics", "-o", "reminders.ics"])
        .success()
        .stderr_is("Wrote reminders.ics\n");
    let ics = std::fs::read_to_string(env.root().join("reminders.ics")).expect("reminders.ics");
    let mut parser = ical::IcalParser::new(ics.as_bytes());
    let cal = parser
        .next()
        .expect("a calendar")
        .expect("a valid calendar");
    assert!(parser.next().is_none(), "one calendar");
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert!(prop(&cal.properties, "X-WR-CALNAME").contains("INCOMPLETE"));
    let events: BTreeMap<String, (String, String)> = cal
        .events
        .iter()
        .map(|e| {
            assert_eq!(prop(&e.properties, "DTSTAMP"), "20261201T080000Z");
            assert_eq!(e.alarms.len(), 1, "one alarm per reminder");
            (
                prop(&e.properties, "UID"),
                (
                    prop(&e.properties, "DTSTART"),
                    prop(&e.properties, "SUMMARY"),
                ),
            )
        })
        .collect();
    let name = c.name.get("en");
    let mut expected = BTreeMap::from([(
        format!("{id}-{wait_id}-due@simcancel.invalid"),
        (
            "20261211".to_string(),
            format!(
                "INCOMPLETE: Due: {} ({name})",
                c.step(wait_id).expect("the wait step").title.get("en")
            )
            .replace(',', "\\,"),
        ),
    )]);
    for st in c
        .steps
        .iter()
        .filter(|st| st.phase == simcancel::checklist::Phase::After)
        // Open: those that apply, and those that wait for the eSIM question still to come.
        .filter(|st| step(&s, &st.id)["status"] == "pending")
    {
        expected.insert(
            format!("{id}-{}-after@simcancel.invalid", st.id),
            (
                "20270111".to_string(),
                // The iCalendar parser keeps TEXT escapes (`\,`) as written.
                format!("INCOMPLETE: {} ({name})", st.title.get("en")).replace(',', "\\,"),
            ),
        );
    }
    assert_eq!(events, expected);

    // Second sitting, a week later: the confirmation came; the eSIM question is asked where
    // it belongs, and the after steps finish the session.
    env.env("SIMCANCEL_NOW", DAY8);
    let stdin = script(&c, from_wait, &asked, &recorded, "2026-12-07");
    let esim = c.question("esim").expect("the esim question");
    env.run_with_stdin(&["--plain", "resume", &id], &stdin)
        .success()
        .stdout_has(esim.text.get("en"))
        .stdout_has(&format!(
            "Every step is finished. Save your record as a page to print or keep: simcancel export {id} -o record.html"
        ));
    let s = env.session_json(&id);
    assert_eq!(s["status"], "completed");
    assert_eq!(s["finished"], DAY8);
    assert_eq!(step(&s, wait_id)["wait"]["received"], "2026-12-07");
    for (input, value) in RECORDED {
        assert_eq!(step(&s, recorded_at[input])["inputs"][input], value);
    }

    // The printable record: one self-contained HTML file.
    env.run(&["export", &id, "--format", "html", "-o", "record.html"])
        .success()
        .stderr_has("Wrote record.html");
    let html = std::fs::read_to_string(env.root().join("record.html")).expect("record.html");
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    for external in [
        "script", "link", "img", "iframe", "object", "embed", "base", "[src]",
    ] {
        assert_eq!(doc.select(&sel(external)).count(), 0, "found {external}");
    }
    for a in doc.select(&sel("[href]")) {
        let href = a.value().attr("href").unwrap_or_default();
        assert!(
            a.value().name() == "a"
                && (href.starts_with("#source-") || href.starts_with("https://")),
            "a link to something else than a source: {href}"
        );
    }
    let style: String = doc.select(&sel("style")).flat_map(|e| e.text()).collect();
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{style}"
    );
    let facts: BTreeMap<String, String> = doc
        .select(&sel("table.facts tr"))
        .map(|tr| {
            let cell = |s: &str| {
                tr.select(&sel(s))
                    .flat_map(|e| e.text())
                    .collect::<String>()
            };
            (cell("th"), cell("td"))
        })
        .collect();
    assert_eq!(
        facts.get("Status").map(String::as_str),
        Some("completed"),
        "{facts:?}"
    );
    assert_eq!(
        facts.get("Provider").map(String::as_str),
        Some(c.provider.get("en"))
    );
    assert_eq!(doc.select(&sel(".incomplete")).count(), 0);
    assert!(!html.contains("INCOMPLETE"));
    assert_eq!(doc.select(&sel("article.step.done")).count(), reached.len());
    assert_eq!(
        doc.select(&sel("article.step.not-applicable")).count(),
        c.steps.len() - reached.len()
    );
    for (input, value) in RECORDED {
        let at = recorded_at[input];
        let article: String = doc
            .select(&sel(&format!("article#step-{at}")))
            .flat_map(|e| e.text())
            .collect();
        assert!(
            article.contains(value),
            "{input} not under step {at}: {article}"
        );
    }

    // Nothing is open any more: the calendar says so instead of writing a file.
    env.run(&["export", &id, "--format", "ics", "-o", "late.ics"])
        .success()
        .stderr_is(&format!(
            "session {id} is complete: nothing is left open to remind you of, so no calendar was written\n"
        ));
    assert!(!env.root().join("late.ics").exists());

    // The letter: French, every recorded value and the operator's address filled in, and a
    // translation to read before signing.
    env.run(&["letter", &id, "-o", "letter.txt"])
        .success()
        .stderr_has("Wrote letter.txt");
    let letter = std::fs::read_to_string(env.root().join("letter.txt")).expect("letter.txt");
    let (french, translation) = letter
        .split_once("Translation (English)")
        .unwrap_or_else(|| panic!("no translation:\n{letter}"));
    assert!(
        french.starts_with("Registered letter to send, in French\n"),
        "{letter}"
    );
    for expected in [
        "Zoé L'Hôte\n12 rue des Lilas\n75011 Paris",
        "Le 8 décembre 2026",
        "Objet : résiliation de ma ligne mobile n° 06 12 34 56 78",
        "Numéro client / de contrat : 1.23456789",
        "Référence de ma demande en ligne : RES-2026-000451",
    ] {
        assert!(french.contains(expected), "lacks {expected:?}:\n{french}");
    }
    // The operator's postal address, one line each, in the right-hand column.
    let lines: Vec<&str> = french.lines().map(str::trim).collect();
    assert!(
        lines
            .windows(c.contacts.postal.len())
            .any(|w| w == c.contacts.postal.as_slice()),
        "lacks the address {:?}:\n{french}",
        c.contacts.postal
    );
    assert!(!letter.contains("COMPLÉTER"), "{letter}");
    for expected in [
        "send the French text above",
        "Zoé L'Hôte",
        "8 December 2026",
        "mobile line no. 06 12 34 56 78",
        "Reference of my online request: RES-2026-000451",
    ] {
        assert!(
            translation.contains(expected),
            "translation lacks {expected:?}:\n{translation}"
        );
    }
}
