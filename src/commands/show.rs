//! `simcancel show <id>`: a whole checklist, readable and localized, or as JSON.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::app::App;
use crate::checklist::{Answer, Catalog, Checklist, Entry, QuestionKind};
use crate::i18n::{Lang, fill};

/// What `show` was asked for.
pub struct ShowOptions {
    /// The checklist id.
    pub id: String,
    /// JSON instead of text.
    pub json: bool,
}

#[derive(Serialize)]
struct Json<'a> {
    origin: String,
    hash: &'a str,
    checklist: &'a Checklist,
}

/// Prints one checklist.
pub fn run(app: &App, opts: ShowOptions) -> Result<ExitCode> {
    let catalog = Catalog::load(app)?;
    let entry = catalog.get(&opts.id)?;
    let mut out = std::io::stdout().lock();
    if opts.json {
        serde_json::to_writer_pretty(
            &mut out,
            &Json {
                origin: entry.origin.to_string(),
                hash: &entry.hash,
                checklist: &entry.checklist,
            },
        )?;
        writeln!(out)?;
    } else {
        out.write_all(render(entry, app.lang).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The checklist as readable text in `lang`.
pub fn render(entry: &Entry, lang: Lang) -> String {
    let c = &entry.checklist;
    let s = lang.strings();
    let l = &s.catalog.show_labels;
    let mut o = String::new();
    let name = c.name.get(lang);
    let _ = writeln!(o, "{name}  [{}]", c.id);
    let _ = writeln!(
        o,
        "{}",
        "=".repeat(console::measure_text_width(name) + c.id.len() + 4)
    );
    if let Some(summary) = &c.summary {
        let _ = writeln!(o, "{}\n", summary.get(lang));
    }
    let kinds: Vec<&str> = c.kinds.iter().map(|k| super::list::kind_name(*k)).collect();
    let flags: Vec<String> = c
        .flags
        .iter()
        .map(|f| {
            serde_json::to_value(f)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect();
    let _ = writeln!(o, "{}: {}", l[0], c.provider);
    let _ = writeln!(o, "{}: {}", l[1], c.country);
    let _ = writeln!(o, "{}: {}", l[2], kinds.join(", "));
    let _ = writeln!(
        o,
        "{}: {}",
        l[3], s.catalog.difficulties[c.difficulty as usize]
    );
    if !flags.is_empty() {
        let _ = writeln!(o, "{}: {}", l[4], flags.join(", "));
    }
    let _ = writeln!(
        o,
        "{}: {} ({})",
        l[5], c.verified, s.catalog.verified_meaning
    );
    let _ = writeln!(o, "{}: {}", l[11], entry.origin.describe(lang));
    if !c.sources.is_empty() {
        let _ = writeln!(o, "{}:", l[6]);
        for src in &c.sources {
            let _ = writeln!(o, "  - {src}");
        }
    }
    if !c.links.is_empty() {
        let _ = writeln!(o, "{}:", l[7]);
        for (n, u) in &c.links {
            let _ = writeln!(o, "  {n}: {u}");
        }
    }
    if !c.contacts.is_empty() {
        let _ = writeln!(o, "{}:", l[8]);
        let ct = &c.contacts;
        for v in [&ct.phone, &ct.email].into_iter().flatten() {
            let _ = writeln!(o, "  {v}");
        }
        if !ct.postal.is_empty() {
            let _ = writeln!(o, "  {}", ct.postal.join(", "));
        }
        if let Some(n) = &ct.note {
            let _ = writeln!(o, "  {}", n.get(lang));
        }
    }
    if !c.questions.is_empty() {
        let _ = writeln!(o, "\n{}:", l[9]);
        for q in &c.questions {
            let answers = match &q.kind {
                QuestionKind::YesNo => format!("{}/{}", s.common.yes, s.common.no),
                QuestionKind::Choice(ch) => ch
                    .iter()
                    .map(|x| format!("{} ({})", x.label.get(lang), x.id))
                    .collect::<Vec<_>>()
                    .join(" / "),
            };
            let _ = writeln!(o, "  - {} [{}]: {answers}", q.text.get(lang), q.id);
            if let Some(at) = &q.at {
                let _ = writeln!(o, "    {}", fill(s.catalog.asked_at, &[("step", at)]));
            }
        }
    }
    let _ = writeln!(o, "\n{}:", l[10]);
    for (i, step) in c.steps.iter().enumerate() {
        let phase = s.common.phases[step.phase as usize];
        let _ = writeln!(
            o,
            "\n{}. [{phase}] {}  ({})",
            i + 1,
            step.title.get(lang),
            step.id
        );
        for line in step.body.get(lang).lines() {
            let _ = writeln!(o, "   {line}");
        }
        if !step.when.is_empty() {
            let cond: Vec<String> = step
                .when
                .iter()
                .map(|c| {
                    let any: Vec<String> = c
                        .any_of
                        .iter()
                        .map(|a| answer_label(&entry.checklist, &c.question, a, lang))
                        .collect();
                    format!("{} = {}", c.question, any.join(" | "))
                })
                .collect();
            let _ = writeln!(
                o,
                "   ({})",
                fill(s.catalog.only_when, &[("cond", &cond.join(", "))])
            );
        }
        for link in &step.links {
            if let Some(url) = c.link(link) {
                let _ = writeln!(o, "   → {url}");
            }
        }
        for input in &step.inputs {
            let mut marks = Vec::new();
            if input.personal {
                marks.push(s.catalog.input_marks[0]);
            }
            if input.required {
                marks.push(s.catalog.input_marks[1]);
            }
            let marks = if marks.is_empty() {
                String::new()
            } else {
                format!(" ({})", marks.join(", "))
            };
            let _ = writeln!(o, "   ✎ {}{marks}", input.label.get(lang));
        }
        if let Some(w) = step.wait {
            let _ = writeln!(
                o,
                "   ⏳ {}",
                fill(s.catalog.expected_wait, &[("wait", &w)])
            );
        }
    }
    o
}

/// An answer as the person sees it: yes/no, or the choice's label.
fn answer_label(checklist: &Checklist, question: &str, a: &Answer, lang: Lang) -> String {
    let s = lang.strings();
    match a {
        Answer::Bool(true) => s.common.yes.to_string(),
        Answer::Bool(false) => s.common.no.to_string(),
        Answer::Choice(id) => match checklist.question(question).map(|q| &q.kind) {
            Some(QuestionKind::Choice(choices)) => choices
                .iter()
                .find(|ch| &ch.id == id)
                .map_or_else(|| id.clone(), |ch| ch.label.get(lang).to_string()),
            _ => id.clone(),
        },
    }
}
