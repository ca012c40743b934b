//! `simcancel show <id>`: a whole checklist, readable and localized, or as JSON.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::context::Context;
use super::messages::{self, Localized};
use chrono::NaiveDate;

use crate::checklist::{Catalog, Checklist, Entry, Footnotes, QuestionKind, markers};
use crate::clock;
use crate::i18n::{Strings, fill};
use crate::labels;
use crate::labels::SourceText;

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
    let today = clock::now()?.date_naive();
    let catalog = Catalog::load(&cx.sources).localized(cx.strings())?;
    let entry = super::suggest::entry(&catalog, &opts.id, cx.strings())?;
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
        // The checklist may come from anyone: its control characters are shown, not obeyed.
        out.write_all(crate::visible::text(&render(entry, cx.strings(), today)).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `text` followed by the footnote markers of `cite` (` [1][3]`), if it cites anything.
fn cited(text: &str, cite: &[String], notes: &Footnotes) -> String {
    let marks = markers(&notes.numbers(cite));
    if marks.is_empty() {
        text.to_string()
    } else {
        format!("{text} {marks}")
    }
}

/// The checklist as readable text with the words of `s`; `today` tells whether it is
/// stale.
pub fn render(entry: &Entry, s: &Strings, today: NaiveDate) -> String {
    let c = &entry.checklist;
    let notes = Footnotes::of(c);
    let tag = s.tag();
    let l = &s.catalog.show_labels;
    let mut o = String::new();
    // Escaped here already so the underline is as wide as what is shown.
    let name = crate::visible::line(c.name.get(tag));
    let _ = writeln!(o, "{name}  [{}]", c.id);
    let _ = writeln!(
        o,
        "{}",
        "=".repeat(console::measure_text_width(&name) + c.id.len() + 4)
    );
    for text in [&c.summary, &c.description].into_iter().flatten() {
        let _ = writeln!(o, "{}\n", cited(text.get(tag).trim(), &c.cite, &notes));
    }
    // The language's own colon: "：" in Chinese, ": " in English.
    let colon = s.guide.colon;
    let colon_end = colon.trim_end();
    let _ = writeln!(o, "{}{colon}{}", l.provider, c.provider.get(tag));
    if let Some(network) = &c.network {
        let _ = writeln!(o, "{}{colon}{network}", l.network);
    }
    let _ = writeln!(o, "{}{colon}{}", l.country, c.country);
    let kinds: Vec<&str> = c.kinds.iter().map(|k| labels::kind(*k, s)).collect();
    let _ = writeln!(o, "{}{colon}{}", l.kinds, kinds.join(", "));
    let _ = writeln!(
        o,
        "{}{colon}{}",
        l.difficulty,
        labels::difficulty(c.difficulty, s)
    );
    if !c.flags.is_empty() {
        let flags: Vec<&str> = c.flags.iter().map(|f| labels::flag(*f, s)).collect();
        let _ = writeln!(o, "{}{colon}{}", l.flags, flags.join(", "));
    }
    let _ = writeln!(
        o,
        "{}{colon}{} ({})",
        l.verified, c.verified, s.catalog.verified_meaning
    );
    if let Some(stale) = labels::stale(c.verified, today, s) {
        let _ = writeln!(o, "  ⚠ {stale}");
    }
    let _ = writeln!(
        o,
        "{}{colon}{}",
        l.origin,
        messages::origin(&entry.origin, s)
    );
    if !c.aliases.is_empty() {
        let _ = writeln!(o, "{}{colon}{}", l.aliases, c.aliases.join(", "));
    }
    if !c.links.is_empty() {
        let _ = writeln!(o, "{}{colon_end}", l.links);
        for (n, u) in &c.links {
            let _ = writeln!(o, "  {}{}{u}", labels::link(n, u, s), s.guide.colon);
        }
    }
    if !c.contacts.is_empty() {
        let ct = &c.contacts;
        let _ = writeln!(o, "{}{colon_end}", cited(l.contact, &ct.cite, &notes));
        if let Some(phone) = &ct.phone {
            let _ = writeln!(o, "  {phone}");
        }
        if let Some(phone) = &ct.phone_abroad {
            let _ = writeln!(o, "  {phone} ({})", l.phone_abroad);
        }
        if let Some(email) = &ct.email {
            let _ = writeln!(o, "  {email}");
        }
        if !ct.postal.is_empty() {
            let _ = writeln!(o, "  {}", ct.postal.join(", "));
        }
        if let Some(n) = &ct.note {
            for line in n.get(tag).trim().lines() {
                let _ = writeln!(o, "  {line}");
            }
        }
    }
    if !c.questions.is_empty() {
        let _ = writeln!(o, "\n{}{colon_end}", l.questions);
        for q in &c.questions {
            let answers = match &q.kind {
                QuestionKind::YesNo => format!("{}/{}", s.common.yes, s.common.no),
                QuestionKind::Choice(ch) => ch
                    .iter()
                    .map(|x| format!("{} ({})", x.label.get(tag), x.id))
                    .collect::<Vec<_>>()
                    .join(" / "),
            };
            let text = cited(q.text.get(tag), &q.cite, &notes);
            let _ = writeln!(o, "  - {text} ({}): {answers}", q.id);
            if let Some(help) = &q.help {
                for line in help.get(tag).trim().lines() {
                    let _ = writeln!(o, "    {line}");
                }
            }
            if let Some(at) = &q.at {
                let step = c.step(at).map_or(at.as_str(), |st| st.title.get(tag));
                let _ = writeln!(o, "    {}", fill(s.catalog.asked_at, &[("step", &step)]));
            }
        }
    }
    let _ = writeln!(o, "\n{}{colon_end}", l.steps);
    for (i, step) in c.steps.iter().enumerate() {
        let phase = labels::phase(step.phase, s);
        let _ = writeln!(
            o,
            "\n{}. [{phase}] {}  ({})",
            i + 1,
            step.title.get(tag),
            step.id
        );
        let body = cited(step.body.get(tag).trim_end(), &step.cite, &notes);
        for line in body.lines() {
            let _ = writeln!(o, "   {line}");
        }
        if !step.when.is_empty() {
            let cond = labels::conditions(&step.when, c, s);
            let _ = writeln!(o, "   ({})", fill(s.catalog.only_when, &[("cond", &cond)]));
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
                fill(s.catalog.expected_wait, &[("wait", &labels::wait(w, s))])
            );
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(o, "\n{}{colon_end}", l.sources);
        for source in SourceText::list(&notes, None) {
            for line in source.lines(s) {
                let _ = writeln!(o, "  {line}");
            }
        }
    }
    o
}
