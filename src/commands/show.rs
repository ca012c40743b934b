//! `simcancel show <id>`: a whole checklist, readable and localized, or as JSON.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::context::Context;
use super::messages::{self, Localized};
use crate::checklist::{Catalog, Checklist, Entry, QuestionKind};
use crate::i18n::{Strings, fill};
use crate::labels;

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
pub fn run(cx: &Context, opts: ShowOptions) -> Result<ExitCode> {
    let catalog = Catalog::load(&cx.sources).localized(cx.strings())?;
    let entry = catalog.get(&opts.id).localized(cx.strings())?;
    // One write at the end, not one per line (standard output is line-buffered).
    let mut out = BufWriter::new(std::io::stdout().lock());
    if opts.json {
        serde_json::to_writer_pretty(
            &mut out,
            &Json {
                origin: entry.origin.to_string(),
                hash: &entry.hash,
                checklist: &entry.checklist,
            },
        )
        // As an io::Error, so that main sees a closed pipe for what it is.
        .map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        out.write_all(render(entry, cx.strings()).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The checklist as readable text with the words of `s`.
pub fn render(entry: &Entry, s: &Strings) -> String {
    let c = &entry.checklist;
    let tag = s.tag();
    let l = &s.catalog.show_labels;
    let mut o = String::new();
    let name = c.name.get(tag);
    let _ = writeln!(o, "{name}  [{}]", c.id);
    let _ = writeln!(
        o,
        "{}",
        "=".repeat(console::measure_text_width(name) + c.id.len() + 4)
    );
    if let Some(summary) = &c.summary {
        let _ = writeln!(o, "{}\n", summary.get(tag));
    }
    let kinds: Vec<&str> = c.kinds.iter().map(|k| k.name()).collect();
    let flags: Vec<&str> = c.flags.iter().map(|f| f.name()).collect();
    let _ = writeln!(o, "{}: {}", l.provider, c.provider);
    let _ = writeln!(o, "{}: {}", l.country, c.country);
    let _ = writeln!(o, "{}: {}", l.kinds, kinds.join(", "));
    let _ = writeln!(
        o,
        "{}: {}",
        l.difficulty,
        labels::difficulty(c.difficulty, s)
    );
    if !flags.is_empty() {
        let _ = writeln!(o, "{}: {}", l.flags, flags.join(", "));
    }
    let _ = writeln!(
        o,
        "{}: {} ({})",
        l.verified, c.verified, s.catalog.verified_meaning
    );
    let _ = writeln!(o, "{}: {}", l.origin, messages::origin(&entry.origin, s));
    if !c.sources.is_empty() {
        let _ = writeln!(o, "{}:", l.sources);
        for src in &c.sources {
            let _ = writeln!(o, "  - {src}");
        }
    }
    if !c.links.is_empty() {
        let _ = writeln!(o, "{}:", l.links);
        for (n, u) in &c.links {
            let _ = writeln!(o, "  {n}: {u}");
        }
    }
    if !c.contacts.is_empty() {
        let _ = writeln!(o, "{}:", l.contact);
        let ct = &c.contacts;
        for v in [&ct.phone, &ct.email].into_iter().flatten() {
            let _ = writeln!(o, "  {v}");
        }
        if !ct.postal.is_empty() {
            let _ = writeln!(o, "  {}", ct.postal.join(", "));
        }
        if let Some(n) = &ct.note {
            let _ = writeln!(o, "  {}", n.get(tag));
        }
    }
    if !c.questions.is_empty() {
        let _ = writeln!(o, "\n{}:", l.questions);
        for q in &c.questions {
            let answers = match &q.kind {
                QuestionKind::YesNo => format!("{}/{}", s.common.yes, s.common.no),
                QuestionKind::Choice(ch) => ch
                    .iter()
                    .map(|x| format!("{} ({})", x.label.get(tag), x.id))
                    .collect::<Vec<_>>()
                    .join(" / "),
            };
            let _ = writeln!(o, "  - {} [{}]: {answers}", q.text.get(tag), q.id);
            if let Some(at) = &q.at {
                let _ = writeln!(o, "    {}", fill(s.catalog.asked_at, &[("step", at)]));
            }
        }
    }
    let _ = writeln!(o, "\n{}:", l.steps);
    for (i, step) in c.steps.iter().enumerate() {
        let phase = labels::phase(step.phase, s);
        let _ = writeln!(
            o,
            "\n{}. [{phase}] {}  ({})",
            i + 1,
            step.title.get(tag),
            step.id
        );
        for line in step.body.get(tag).lines() {
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
                        .map(|a| labels::answer(entry.checklist.question(&c.question), a, s))
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
                marks.push(s.catalog.input_marks.personal);
            }
            if input.required {
                marks.push(s.catalog.input_marks.required);
            }
            let marks = if marks.is_empty() {
                String::new()
            } else {
                format!(" ({})", marks.join(", "))
            };
            let _ = writeln!(o, "   ✎ {}{marks}", input.label.get(tag));
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
