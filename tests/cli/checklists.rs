//! The bundled checklists stay true: all of them are compiled in and pass `validate
//! --strict` with no warning, every text is given in English and Simplified Chinese (each in
//! its own script), links go only to the provider's official domain or a public body's,
//! every contact detail and every fact is cited by a source that exists, a low-confidence
//! source is worded "one source says… / check" where it is cited, letters find their
//! well-known input ids, every combination of answers walks to the end, and the coverage
//! table in `checklists/README.md` says what the files say.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use simcancel::checklist::{
    Answer, Answers, Checklist, Confidence, Phase, QuestionKind, Rules, Text, parse_with,
};

use crate::harness::Env;

/// Every bundled checklist id, sorted.
const EXPECTED_IDS: [&str; 31] = [
    "airalo",
    "auchan-telecom",
    "bouygues-telecom",
    "cdiscount-mobile",
    "coriolis",
    "free-mobile",
    "generic",
    "gigsky",
    "holafly",
    "la-poste-mobile",
    "leaving-france",
    "lebara-france",
    "lycamobile-france",
    "maya-mobile",
    "nomad",
    "nrj-mobile",
    "orange",
    "orange-holiday",
    "orange-mobicarte",
    "prixtel",
    "red-by-sfr",
    "reglo-mobile",
    "saily",
    "sfr",
    "sfr-la-carte",
    "sosh",
    "syma-mobile",
    "trip-com",
    "ubigi",
    "yesim",
    "youprice",
];

/// A day the bundled catalogue is checked on: commands read "today" from `SIMCANCEL_NOW`,
/// so these tests do not start failing when the files grow old (`validate --strict` does,
/// on the real date, for maintainers).
const TODAY: &str = "2026-12-01T09:00:00+01:00";

/// Domains every checklist may link to: the public bodies.
const PUBLIC_BODIES: [&str; 5] = [
    "service-public.fr",
    "arcep.fr",
    "economie.gouv.fr",
    "legifrance.gouv.fr",
    "inc-conso.fr",
];

/// The provider's own official domains, each shown official by a stored page (the tables
/// "Official domains" in the research notes behind the checklists). Deep links on them are
/// allowed: each was seen in a stored copy of the official page.
fn provider_domains(id: &str) -> &'static [&'static str] {
    match id {
        "orange" | "orange-mobicarte" => &["orange.fr"],
        // travel.orange.com names itself Orange's ("an Orange Group company").
        "orange-holiday" => &["orange.fr", "travel.orange.com"],
        "sosh" => &["sosh.fr"],
        "sfr" | "sfr-la-carte" => &["sfr.fr"],
        "red-by-sfr" => &["red-by-sfr.fr", "sfr.fr"],
        "bouygues-telecom" => &["bouyguestelecom.fr"],
        "free-mobile" => &["free.fr"],
        "la-poste-mobile" => &["lapostemobile.fr"],
        "lebara-france" => &["lebara.fr", "mobile.lebara.com"],
        "lycamobile-france" => &["lycamobile.fr"],
        "nrj-mobile" => &["nrjmobile.fr"],
        "auchan-telecom" => &["auchantelecom.fr"],
        "prixtel" => &["prixtel.com"],
        "syma-mobile" => &["symamobile.com"],
        "reglo-mobile" => &["reglomobile.fr"],
        "airalo" => &["airalo.com"],
        "holafly" => &["holafly.com"],
        "ubigi" => &["ubigi.com"],
        "nomad" => &["getnomad.app", "nomadesim.com"],
        "saily" => &["saily.com"],
        "yesim" => &["yesim.app", "yesim.tech"],
        "gigsky" => &["gigsky.com"],
        "maya-mobile" => &["maya.net", "maya.mobile"],
        "trip-com" => &["trip.com"],
        // The guide for leaving France names Free's low-cost plan to keep a number cheaply.
        "leaving-france" => &["free.fr"],
        // No official domain was found in a source (cdiscount-mobile, youprice, coriolis), or
        // the checklist stands for any operator (generic): public bodies only.
        _ => &[],
    }
}

/// Substrings of chat, social, short-link and promotional URLs that no checklist may carry,
/// in a link, a text or a source (on top of the per-provider allow-list for links).
const BANNED_IN_URLS: [&str; 17] = [
    "t.me",
    "whatsapp",
    "wa.me",
    "wechat",
    "weixin",
    "line.me",
    "discord",
    "facebook",
    "instagram",
    "bit.ly",
    "tinyurl",
    "utm_",
    "ref=",
    "promo",
    "coupon",
    "affiliate",
    "referral",
];

/// The folder the bundled checklists are compiled from.
fn checklist_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists")
}

/// The bundled checklist files, in file-name order.
pub fn bundled_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(checklist_dir())
        .expect("checklists folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
}

/// Every bundled checklist, parsed by the real loader with the bundled rules, in file-name
/// order.
pub fn bundled() -> Vec<Checklist> {
    bundled_paths()
        .iter()
        .map(|path| {
            let src = std::fs::read_to_string(path).expect("read checklist");
            let (checklist, warnings) = parse_with(&src, path, Rules::BUNDLED)
                .unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
            assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
            checklist
        })
        .collect()
}

/// Where a `cite` list belongs, and the texts it covers.
struct Cited<'a> {
    /// `top level`, `contacts`, `question x`, `step x`.
    owner: String,
    cite: &'a [String],
    texts: Vec<(String, &'a Text)>,
}

/// Every table that can cite, with the texts its `cite` covers.
fn cited(c: &Checklist) -> Vec<Cited<'_>> {
    let mut out = vec![Cited {
        owner: "top level".into(),
        cite: &c.cite,
        texts: [("summary", &c.summary), ("description", &c.description)]
            .into_iter()
            .filter_map(|(k, t)| t.as_ref().map(|t| (k.to_string(), t)))
            .collect(),
    }];
    out.push(Cited {
        owner: "contacts".into(),
        cite: &c.contacts.cite,
        texts: c
            .contacts
            .note
            .iter()
            .map(|n| ("contacts.note".to_string(), n))
            .collect(),
    });
    for q in &c.questions {
        let mut texts = vec![(format!("questions[{}].text", q.id), &q.text)];
        if let Some(h) = &q.help {
            texts.push((format!("questions[{}].help", q.id), h));
        }
        if let QuestionKind::Choice(choices) = &q.kind {
            for ch in choices {
                texts.push((format!("questions[{}].choices[{}]", q.id, ch.id), &ch.label));
            }
        }
        out.push(Cited {
            owner: format!("question {}", q.id),
            cite: &q.cite,
            texts,
        });
    }
    for s in &c.steps {
        out.push(Cited {
            owner: format!("step {}", s.id),
            cite: &s.cite,
            texts: vec![
                (format!("steps[{}].title", s.id), &s.title),
                (format!("steps[{}].body", s.id), &s.body),
            ],
        });
    }
    out
}

/// Every text of a checklist with where it sits, e.g. `steps[get-rio].body`.
fn texts(c: &Checklist) -> Vec<(String, &Text)> {
    let mut out = vec![("name".to_string(), &c.name)];
    for group in cited(c) {
        out.extend(group.texts);
    }
    for s in &c.steps {
        for i in &s.inputs {
            out.push((format!("steps[{}].inputs[{}].label", s.id, i.id), &i.label));
            if let Some(h) = &i.help {
                out.push((format!("steps[{}].inputs[{}].help", s.id, i.id), h));
            }
        }
    }
    out
}

/// Whether `ch` is a CJK ideograph or CJK/full-width punctuation: Chinese text.
fn is_chinese(ch: char) -> bool {
    matches!(ch,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
    )
}

/// Whether `ch` is a Han ideograph (not just Chinese punctuation).
fn is_han(ch: char) -> bool {
    matches!(ch, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The host of an https URL, or why it is not one.
fn host(url: &str) -> Result<String, String> {
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| format!("{url} is not https"))?;
    let host = &rest[..rest.find('/').unwrap_or(rest.len())];
    Ok(host.to_ascii_lowercase())
}

/// Whether `host` is `domain` or one of its subdomains.
fn under(host: &str, domain: &str) -> bool {
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// Every http(s) URL written inside a text.
fn urls_in(s: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"https?://[^\s)"»,，）]+"#).expect("regex");
    re.find_iter(s).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn list_shows_every_bundled_checklist() {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", TODAY);
    let run = env.run(&["list", "--json"]).success();
    let listed: Value = serde_json::from_str(&run.stdout).expect("list --json");
    let rows = listed.as_array().expect("an array");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, EXPECTED_IDS, "{run}");
    for row in rows {
        assert_eq!(row["origin"], "bundled", "{row}");
        assert_eq!(row["stale_days"], Value::Null, "{row}");
    }
}

#[test]
fn every_bundled_checklist_validates_strictly_with_no_warning() {
    let dir = checklist_dir();
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", TODAY);
    let run = env
        .run(&["validate", "--strict", dir.to_str().expect("utf-8 path")])
        .success()
        .stderr_any();
    // Nothing but the summary: any diagnostic would be a line of its own.
    let output = format!("{}{}", run.stdout, run.stderr);
    let letters = std::fs::read_dir(dir.join("letters"))
        .expect("letters")
        .count();
    assert_eq!(
        output.trim(),
        format!(
            "{} file(s) checked: 0 error(s), 0 warning(s)",
            EXPECTED_IDS.len() + letters
        ),
        "{run}"
    );
}

#[test]
fn every_text_is_in_english_and_simplified_chinese_each_in_its_own_script() {
    let mut problems = vec![];
    for c in bundled() {
        for (at, text) in texts(&c) {
            let here = format!("{}: {at}", c.id);
            if !text.has("en") || !text.has("zh-CN") {
                problems.push(format!("{here} lacks en or zh-CN"));
                continue;
            }
            let en = text.get("en");
            let zh = text.get("zh-CN");
            if en.trim().is_empty() || zh.trim().is_empty() {
                problems.push(format!("{here} has an empty value"));
            }
            if let Some(ch) = en.chars().find(|&ch| is_chinese(ch)) {
                problems.push(format!("{here}: Chinese {ch:?} in the English text {en:?}"));
            }
            if !zh.chars().any(is_han) {
                problems.push(format!("{here}: the Chinese text has no Chinese: {zh:?}"));
            }
            if let Some((tag, _)) = text.0.iter().find(|(t, _)| t != "en" && t != "zh-CN") {
                problems.push(format!("{here}: unexpected language {tag}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A wait's due date counts from the day its step is first reached: resuming later does not
/// restart it. A text that tells the person to pause at a wait "then resume" for a new due
/// date promises what the engine does not do.
#[test]
fn no_wait_promises_that_resuming_restarts_its_due_date() {
    let mut problems = vec![];
    for c in bundled() {
        for s in c.steps.iter().filter(|s| s.wait.is_some()) {
            let en = s.body.get("en");
            let zh = s.body.get("zh-CN");
            if en.contains("then resume") || zh.contains("再继续：到期日") {
                problems.push(format!("{}: steps[{}]", c.id, s.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn links_go_only_to_official_domains_and_no_url_is_a_chat_or_a_promotion() {
    let mut problems = vec![];
    for c in bundled() {
        let allowed: Vec<&str> = provider_domains(&c.id)
            .iter()
            .chain(PUBLIC_BODIES.iter())
            .copied()
            .collect();
        let mut links: Vec<(String, String)> = c
            .links
            .iter()
            .map(|(name, url)| (format!("links.{name}"), url.clone()))
            .collect();
        for (at, text) in texts(&c) {
            for (_, value) in &text.0 {
                links.extend(urls_in(value).into_iter().map(|u| (at.clone(), u)));
            }
        }
        let sources = c
            .sources
            .iter()
            .filter_map(|s| s.url.clone().map(|u| (format!("sources.{}", s.id), u)));
        for (at, url) in links.iter().cloned().chain(sources) {
            let here = format!("{}: {at}: {url}", c.id);
            let lower = url.to_ascii_lowercase();
            if let Some(b) = BANNED_IN_URLS.iter().find(|b| lower.contains(*b)) {
                problems.push(format!(
                    "{here}: chat, social, short or promotional link ({b})"
                ));
            }
        }
        for (at, url) in links {
            let here = format!("{}: {at}: {url}", c.id);
            match host(&url) {
                Err(e) => problems.push(format!("{here}: {e}")),
                Ok(host) if !allowed.iter().any(|d| under(&host, d)) => {
                    problems.push(format!("{here}: not an official domain of this provider"));
                }
                Ok(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_contact_detail_and_every_fact_is_cited_by_a_source_that_exists() {
    let mut problems = vec![];
    for c in bundled() {
        let ids: BTreeSet<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
        if !c.contacts.is_empty() && c.contacts.cite.is_empty() {
            problems.push(format!("{}: [contacts] without cite", c.id));
        }
        for group in cited(&c) {
            for id in group.cite {
                if !ids.contains(id.as_str()) {
                    problems.push(format!("{}: {} cites unknown {id}", c.id, group.owner));
                }
            }
            if !group.cite.is_empty() {
                continue;
            }
            for (at, text) in &group.texts {
                for (tag, value) in &text.0 {
                    if let Some(fact) = simcancel::checklist::first_fact(value) {
                        problems.push(format!(
                            "{}: {at} ({tag}) states {fact:?} without a source",
                            c.id
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_low_confidence_source_is_worded_one_source_says_or_check_where_it_is_cited() {
    let mut problems = vec![];
    let mut low_cited = 0;
    for c in bundled() {
        let low: BTreeSet<&str> = c
            .sources
            .iter()
            .filter(|s| s.confidence == Some(Confidence::Low))
            .map(|s| s.id.as_str())
            .collect();
        for group in cited(&c) {
            let Some(id) = group.cite.iter().find(|id| low.contains(id.as_str())) else {
                continue;
            };
            low_cited += 1;
            let says = |tag: &str, marks: &[&str]| {
                group.texts.iter().any(|(_, t)| {
                    let v = t.get(tag).to_lowercase();
                    marks.iter().any(|m| v.contains(m))
                })
            };
            if !says("en", &["one source", "check"]) {
                problems.push(format!(
                    "{}: {} cites the low-confidence {id} but its English never says \"one source says\" or \"check\"",
                    c.id, group.owner
                ));
            }
            if !says("zh-CN", &["核对", "核实", "一个来源"]) {
                problems.push(format!(
                    "{}: {} cites the low-confidence {id} but its Chinese never says 核对 / 仅一个来源称",
                    c.id, group.owner
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        low_cited > 0,
        "no low-confidence source is cited: the test sees nothing"
    );
}

#[test]
fn every_checklist_is_in_format_2_sourced_and_dated() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    for c in bundled() {
        assert_eq!(c.schema, 2, "{}: format 2", c.id);
        assert!(!c.sources.is_empty(), "{}: no sources", c.id);
        assert!(c.verified <= today, "{}: verified in the future", c.id);
        for s in &c.sources {
            let retrieved = s.retrieved.expect("format 2");
            assert!(
                retrieved <= c.verified,
                "{}: {} read after verified",
                c.id,
                s.id
            );
        }
        let phases: BTreeSet<Phase> = c.steps.iter().map(|s| s.phase).collect();
        for p in [Phase::Prepare, Phase::After]
            .iter()
            .chain(Phase::CORE.iter())
        {
            assert!(phases.contains(p), "{}: no {p} step", c.id);
        }
    }
}

#[test]
fn chinese_output_has_no_english_holes() {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", TODAY);
    let waits = regex::Regex::new(r"[0-9]+[hdw]\b").expect("regex");
    let list = env.run(&["--lang", "zh-CN", "list"]).success();
    assert!(!list.stdout.contains("bundled"), "{list}");
    for c in bundled() {
        let show = env.run(&["--lang", "zh-CN", "show", &c.id]).success();
        // Sources are listed as published, in their own language: only what precedes them.
        let out = show.stdout.split("\n信息来源：").next().unwrap_or_default();
        for word in [
            "Provider",
            "Kinds",
            "Steps",
            "Sources",
            "Origin",
            "only when",
        ] {
            assert!(!out.contains(word), "{}: {word:?} in\n{out}", c.id);
        }
        let line = |label: &str| {
            out.lines()
                .find_map(|l| l.strip_prefix(label))
                .map(str::to_string)
        };
        // Kinds and flags in words: no ASCII letters but the brand-like "eSIM".
        for label in ["类型：", "标记："] {
            if let Some(value) = line(label) {
                let rest = value.replace("eSIM", "");
                assert!(
                    !rest.chars().any(|ch| ch.is_ascii_alphabetic()),
                    "{}: {label}{value}",
                    c.id
                );
            }
        }
        assert_eq!(line("来源：").as_deref(), Some("内置"), "{}", c.id);
        // Conditions as the question and its answers, never `id = answer`.
        for l in out.lines().filter(|l| l.contains("仅当")) {
            assert!(!l.contains(" = "), "{}: {l}", c.id);
        }
        // Waits in words: 10 天, not 10d.
        for l in out.lines().filter(|l| l.contains('⏳')) {
            assert!(!waits.is_match(l), "{}: {l}", c.id);
        }
    }
    let generic = env.run(&["--lang", "zh-CN", "show", "generic"]).success();
    assert!(
        generic.stdout.contains("运营商：任意法国运营商"),
        "{generic}"
    );
    let generic = env.run(&["show", "generic"]).success();
    assert!(
        generic.stdout.contains("Provider: Any French operator"),
        "{generic}"
    );
}

#[test]
fn names_providers_networks_and_aliases_find_checklists() {
    let env = Env::new();
    let first_line = |query: &str| {
        let run = env.run(&["show", query]).success();
        run.stdout.lines().next().unwrap_or_default().to_string()
    };
    assert!(first_line("sosh").ends_with("[sosh]"));
    assert!(first_line("Free").ends_with("[free-mobile]"));
    assert!(first_line("free mobile").ends_with("[free-mobile]"));
    // A word several checklists answer to lists them: the travel cards, for 流量卡.
    let travel = env.run(&["show", "流量卡"]).code(1).stderr_any();
    for id in ["airalo", "holafly", "yesim", "trip-com"] {
        assert!(travel.stderr.contains(id), "{travel}");
    }
    assert!(!travel.stderr.contains("orange,"), "{travel}");
    // A single character finds only what contains it: nothing here.
    env.run(&["--lang", "zh-CN", "show", "红"])
        .code(1)
        .stderr_has("没有与 `红` 匹配的清单");
    // The picker narrows the same way: `sosh`, then its number.
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", TODAY);
    let run = env
        .run_with_stdin(&["guide", "--plain"], "sosh\n")
        .success();
    assert_eq!(
        env.session_json(&env.only_session())["checklist"]["id"],
        "sosh",
        "{run}"
    );
}

/// The coverage table between the markers of `checklists/README.md`.
fn coverage_table(checklists: &[Checklist]) -> String {
    let mut checklists: Vec<&Checklist> = checklists.iter().collect();
    checklists.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out = String::from(
        "| id | brand | network | kinds | verified | cited sources | high confidence |\n\
         |---|---|---|---|---|---:|---:|\n",
    );
    for c in checklists {
        let kinds: Vec<&str> = c.kinds.iter().map(|k| k.name()).collect();
        let total = c.sources.len();
        let high = c
            .sources
            .iter()
            .filter(|s| s.confidence == Some(Confidence::High))
            .count();
        let share = (high * 100 + total / 2).checked_div(total).unwrap_or(0);
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} % |\n",
            c.id,
            c.provider.get("en"),
            c.network.as_deref().unwrap_or("—"),
            kinds.join(", "),
            c.verified,
            total,
            share
        ));
    }
    out
}

#[test]
fn the_coverage_table_in_the_readme_says_what_the_files_say() {
    const START: &str = "<!-- coverage: generated by tests/cli/checklists.rs -->\n";
    const END: &str = "<!-- end of coverage -->";
    let path = checklist_dir().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("checklists/README.md");
    let start = readme.find(START).expect("the coverage start marker") + START.len();
    let end = start + readme[start..].find(END).expect("the coverage end marker");
    let table = coverage_table(&bundled());
    if std::env::var_os("SIMCANCEL_UPDATE_COVERAGE").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("write checklists/README.md");
        return;
    }
    assert_eq!(
        readme[start..end],
        table,
        "checklists/README.md is out of date: run \
         `SIMCANCEL_UPDATE_COVERAGE=1 cargo test --test cli coverage` and commit it"
    );
}

#[test]
fn letters_and_refunds_find_the_well_known_input_ids() {
    // The guide for leaving France sends to the provider checklists for the cancellation
    // itself (`simcancel guide <id>`): it has no letter and no request of its own.
    for c in bundled().into_iter().filter(|c| c.id != "leaving-france") {
        let inputs: BTreeMap<&str, (&str, bool)> = c
            .steps
            .iter()
            .flat_map(|s| {
                s.inputs
                    .iter()
                    .map(move |i| (i.id.as_str(), (s.id.as_str(), i.personal)))
            })
            .collect();
        let submit_has_reference = c
            .steps
            .iter()
            .any(|s| s.phase == Phase::Submit && s.inputs.iter().any(|i| i.id == "reference"));
        assert!(
            submit_has_reference,
            "{}: no `reference` on a submit step",
            c.id
        );
        if c.country == "FR" {
            for id in [
                "holder_name",
                "holder_address",
                "line_number",
                "customer_number",
            ] {
                assert_eq!(
                    inputs.get(id),
                    Some(&("gather-details", true)),
                    "{}: {id} must be a personal input of gather-details",
                    c.id
                );
            }
        } else {
            assert_eq!(
                inputs.get("order_number").map(|(_, personal)| *personal),
                Some(true),
                "{}: order_number must be a personal input",
                c.id
            );
        }
    }
}

/// Every combination of answers to `c`'s questions, or a seeded sample of 200 of them.
pub fn combinations(c: &Checklist) -> Vec<Answers> {
    let options: Vec<Vec<Answer>> = c.questions.iter().map(|q| q.answers()).collect();
    let total: usize = options.iter().map(Vec::len).product();
    let pick = |mut n: usize| -> Answers {
        c.questions
            .iter()
            .zip(&options)
            .map(|(q, opts)| {
                let a = opts[n % opts.len()].clone();
                n /= opts.len();
                (q.id.clone(), a)
            })
            .collect()
    };
    if total <= 200 {
        return (0..total).map(pick).collect();
    }
    // splitmix64 with a fixed seed: the same sample on every run.
    let mut state: u64 = 0x5EED_CA9C_E11E_D000;
    (0..200)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            pick(usize::try_from(z % total as u64).expect("fits"))
        })
        .collect()
}

/// Walks `c` as the guide does with `all` answers given: start questions first, each `at`
/// question when its step is reached. Returns the ids of the steps that apply, or the dead end.
pub fn walk(c: &Checklist, all: &Answers) -> Result<Vec<String>, String> {
    let mut answers: Answers = c
        .questions
        .iter()
        .filter(|q| q.at.is_none())
        .map(|q| (q.id.clone(), all[&q.id].clone()))
        .collect();
    let mut reached = vec![];
    for step in &c.steps {
        for q in c
            .questions
            .iter()
            .filter(|q| q.at.as_deref() == Some(&step.id))
        {
            answers.insert(q.id.clone(), all[&q.id].clone());
        }
        if let Some(cond) = step
            .when
            .iter()
            .find(|w| !answers.contains_key(&w.question))
        {
            return Err(format!(
                "step {} depends on `{}`, which is not asked yet",
                step.id, cond.question
            ));
        }
        if step.applies(&answers) {
            reached.push(step.id.clone());
        }
    }
    Ok(reached)
}

#[test]
fn every_combination_of_answers_walks_to_the_end_and_every_step_is_reachable() {
    for c in bundled() {
        let mut ever = BTreeSet::new();
        for answers in combinations(&c) {
            let reached =
                walk(&c, &answers).unwrap_or_else(|e| panic!("{}: {answers:?}: {e}", c.id));
            // Every path ends with the after phase: the statement check and the record.
            let last = reached.last().and_then(|id| c.step(id)).map(|s| s.phase);
            assert_eq!(
                last,
                Some(Phase::After),
                "{}: {answers:?}: {reached:?}",
                c.id
            );
            ever.extend(reached);
        }
        for s in &c.steps {
            assert!(
                ever.contains(&s.id),
                "{}: step {} can never apply",
                c.id,
                s.id
            );
        }
    }
}
