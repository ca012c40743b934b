//! The bundled checklists stay true: all fifteen are compiled in and pass `validate` with no
//! warning, every text is given in English and Simplified Chinese (and each in its own
//! script), links go only to the provider's official domain or a public body's, contact
//! details are only those in `shared/FACTS.md`, low-confidence facts are phrased as "check",
//! letters find their well-known input ids, and every combination of answers walks to the end.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use simcancel::checklist::{Answer, Answers, Checklist, Phase, QuestionKind, Text, parse_str};

use crate::harness::Env;

/// The ids the issue asks for, sorted.
const EXPECTED_IDS: [&str; 15] = [
    "airalo",
    "bouygues-telecom",
    "free-mobile",
    "generic",
    "holafly",
    "la-poste-mobile",
    "lebara-france",
    "lycamobile-france",
    "nomad",
    "orange",
    "orange-mobicarte",
    "saily",
    "sfr",
    "sfr-la-carte",
    "ubigi",
];

/// Domains every checklist may link to: the public bodies named in FACTS.md.
const PUBLIC_BODIES: [&str; 4] = [
    "service-public.fr",
    "arcep.fr",
    "economie.gouv.fr",
    "legifrance.gouv.fr",
];

/// The provider's own official domain, from the table at the end of FACTS.md.
fn provider_domains(id: &str) -> &'static [&'static str] {
    match id {
        "orange" | "orange-mobicarte" => &["orange.fr"],
        "sfr" | "sfr-la-carte" => &["sfr.fr"],
        "bouygues-telecom" => &["bouyguestelecom.fr"],
        "free-mobile" => &["free.fr"],
        "la-poste-mobile" => &["lapostemobile.fr"],
        "lebara-france" => &["lebara.fr"],
        "lycamobile-france" => &["lycamobile.fr"],
        "airalo" => &["airalo.com"],
        "holafly" => &["holafly.com"],
        "ubigi" => &["ubigi.com"],
        "nomad" => &["getnomad.app"],
        "saily" => &["saily.com"],
        // The generic procedure has no provider: public bodies only.
        _ => &[],
    }
}

/// Substrings of chat, social, short-link and promotional URLs that no checklist may carry
/// (on top of the per-provider allow-list, which already refuses every other domain).
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

/// Every bundled checklist, parsed by the real loader, in file-name order.
pub fn bundled() -> Vec<Checklist> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(checklist_dir())
        .expect("checklists folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let src = std::fs::read_to_string(path).expect("read checklist");
            let (checklist, warnings) =
                parse_str(&src, path).unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
            assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
            checklist
        })
        .collect()
}

/// Every text of a checklist with where it sits, e.g. `steps[get-rio].body`.
fn texts(c: &Checklist) -> Vec<(String, &Text)> {
    let mut out = vec![("name".to_string(), &c.name)];
    if let Some(s) = &c.summary {
        out.push(("summary".into(), s));
    }
    if let Some(n) = &c.contacts.note {
        out.push(("contacts.note".into(), n));
    }
    for q in &c.questions {
        out.push((format!("questions[{}].text", q.id), &q.text));
        if let Some(h) = &q.help {
            out.push((format!("questions[{}].help", q.id), h));
        }
        if let QuestionKind::Choice(choices) = &q.kind {
            for ch in choices {
                out.push((format!("questions[{}].choices[{}]", q.id, ch.id), &ch.label));
            }
        }
    }
    for s in &c.steps {
        out.push((format!("steps[{}].title", s.id), &s.title));
        out.push((format!("steps[{}].body", s.id), &s.body));
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

/// The host and path of an https URL, or why it is not one.
fn host_and_path(url: &str) -> Result<(String, String), String> {
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| format!("{url} is not https"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    Ok((host.to_ascii_lowercase(), path.to_string()))
}

/// Whether `host` is `domain` or one of its subdomains.
fn under(host: &str, domain: &str) -> bool {
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// Every http(s) URL written inside a text.
fn urls_in(s: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"https?://[^\s)"»,]+"#).expect("regex");
    re.find_iter(s).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn list_shows_the_fifteen_bundled_checklists() {
    let run = Env::new().run(&["list", "--json"]).success();
    let listed: Value = serde_json::from_str(&run.stdout).expect("list --json");
    let rows = listed.as_array().expect("an array");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, EXPECTED_IDS, "{run}");
    for row in rows {
        assert_eq!(row["origin"], "bundled", "{row}");
        assert_eq!(row["verified"], "2026-11-25", "{row}");
    }
}

#[test]
fn every_bundled_checklist_validates_with_no_warning() {
    let dir = checklist_dir();
    let run = Env::new()
        .run(&["validate", dir.to_str().expect("utf-8 path")])
        .success()
        .stderr_any();
    // Nothing but the summary: any diagnostic would be a line of its own.
    let output = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(
        output.trim(),
        // 15 checklists and the 6 bundled letter templates in checklists/letters.
        "21 file(s) checked: 0 error(s), 0 warning(s)",
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

#[test]
fn links_go_only_to_official_home_pages() {
    let mut problems = vec![];
    for c in bundled() {
        let allowed: Vec<&str> = provider_domains(&c.id)
            .iter()
            .chain(PUBLIC_BODIES.iter())
            .copied()
            .collect();
        let mut urls: Vec<(String, String)> = c
            .links
            .iter()
            .map(|(name, url)| (format!("links.{name}"), url.clone()))
            .collect();
        for (at, text) in texts(&c) {
            for (_, value) in &text.0 {
                urls.extend(urls_in(value).into_iter().map(|u| (at.clone(), u)));
            }
        }
        for source in &c.sources {
            urls.extend(
                urls_in(&source.title)
                    .into_iter()
                    .map(|u| ("sources".into(), u)),
            );
        }
        for (at, url) in urls {
            let here = format!("{}: {at}: {url}", c.id);
            match host_and_path(&url) {
                Err(e) => problems.push(format!("{here}: {e}")),
                Ok((host, path)) => {
                    if !allowed.iter().any(|d| under(&host, d)) {
                        problems.push(format!("{here}: not an official domain of this provider"));
                    }
                    // FACTS.md: no deep link was checked live, so only home pages are linked
                    // and the step says what to look for.
                    if !path.is_empty() && path != "/" {
                        problems.push(format!("{here}: a deep link; link the home page"));
                    }
                }
            }
            let lower = url.to_ascii_lowercase();
            if let Some(b) = BANNED_IN_URLS.iter().find(|b| lower.contains(*b)) {
                problems.push(format!("{here}: chat or promotional link ({b})"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn contact_details_are_only_those_in_facts() {
    // FACTS.md gives one e-mail and two postal addresses firm enough for `[contacts]`; the
    // low-confidence phone numbers (SFR 1023, Lebara 2323) and the unverified Free address
    // belong in a note or a step that says "check", never in a field shown as fact.
    let emails = BTreeMap::from([("holafly", "help@holafly.com")]);
    let postal = BTreeMap::from([
        (
            "bouygues-telecom",
            vec![
                "Service Clients Bouygues Telecom",
                "TSA 59013",
                "60643 Chantilly Cedex",
            ],
        ),
        (
            "la-poste-mobile",
            vec![
                "Service Résiliation",
                "TSA 16759",
                "95905 Cergy Pontoise Cedex 9",
            ],
        ),
    ]);
    for c in bundled() {
        assert_eq!(c.contacts.phone, None, "{}: phone not in FACTS.md", c.id);
        assert_eq!(
            c.contacts.email.as_deref(),
            emails.get(c.id.as_str()).copied(),
            "{}: e-mail",
            c.id
        );
        let expected: Vec<String> = postal
            .get(c.id.as_str())
            .map(|lines| lines.iter().map(|l| l.to_string()).collect())
            .unwrap_or_default();
        assert_eq!(c.contacts.postal, expected, "{}: postal address", c.id);
    }
}

#[test]
fn low_confidence_facts_are_phrased_as_check() {
    // Each marker is a fact FACTS.md rates low-confidence or unverified: wherever it appears,
    // the same text must send the reader to check it (English "check", Chinese 核对).
    let markers = [
        "1023",
        "2323",
        "75371",
        "TSA 16759",
        "infos.fr",
        "Validité de la ligne",
        "boson2x.org",
        "time limits",
        "期限不一致",
    ];
    let mut seen = BTreeSet::new();
    let mut problems = vec![];
    for c in bundled() {
        for (at, text) in texts(&c) {
            for (tag, value) in &text.0 {
                for m in markers.iter().filter(|m| value.contains(*m)) {
                    seen.insert(*m);
                    let says_check = match tag.as_str() {
                        "zh-CN" => value.contains("核对"),
                        _ => value.to_lowercase().contains("check"),
                    };
                    if !says_check {
                        problems.push(format!(
                            "{}: {at} ({tag}) states {m:?} without 'check'",
                            c.id
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(seen.len(), markers.len(), "markers never found: {seen:?}");
}

#[test]
fn every_checklist_is_sourced_and_dated() {
    for c in bundled() {
        assert!(!c.sources.is_empty(), "{}: no sources", c.id);
        assert_eq!(c.verified.to_string(), "2026-11-25", "{}: verified", c.id);
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
fn letters_and_refunds_find_the_well_known_input_ids() {
    for c in bundled() {
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
