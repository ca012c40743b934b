//! Markdown (CommonMark with GitHub tables): the default format, readable as plain text
//! and rendered nicely by most viewers. The event log is folded into a `<details>` block.

use std::fmt::Write as _;

use anyhow::Result;

use super::{Exporter, Record, human_time};

/// The Markdown renderer.
#[derive(Clone, Copy, Debug)]
pub struct Markdown;

/// Escapes a value for inline Markdown: ASCII punctuation that could start markup gets a
/// backslash, and line breaks become `<br>` so a multi-line value stays in its table cell
/// or list item.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

impl Exporter for Markdown {
    fn render(&self, r: &Record) -> Result<String> {
        let x = &r.strings().export;
        let none = x.none;
        let colon = x.colon;
        let colon_end = colon.trim_end();
        let mut o = String::with_capacity(4096 + r.events.len() * 80);
        // Writing to a String cannot fail; the results are ignored for that reason.
        let _ = writeln!(o, "# {}{colon}{}\n", x.title, escape(&r.checklist.name));
        if !r.complete {
            let _ = writeln!(
                o,
                "> **{}**{colon}{}\n",
                x.incomplete,
                escape(&r.incomplete_note())
            );
        }
        if r.redacted {
            let _ = writeln!(o, "> {}\n", escape(x.redacted_note));
        }

        let c = &r.checklist;
        let contact: Vec<String> = [c.phone.as_deref(), c.email.as_deref()]
            .into_iter()
            .flatten()
            .map(escape)
            .collect();
        let rows: [(&str, String); 15] = [
            (
                x.checklist,
                format!("{} ({})", escape(&c.name), escape(&c.id)),
            ),
            (x.provider, escape(&c.provider)),
            (x.country, escape(&c.country)),
            (x.checklist_hash, escape(&c.hash)),
            (x.verified, c.verified.to_string()),
            (x.origin, escape(&c.origin)),
            (x.session, escape(&r.session_id)),
            (x.status, escape(r.status_label())),
            (x.progress, escape(&r.progress_text())),
            (x.started, human_time(&r.started)),
            (
                x.finished,
                r.finished
                    .as_ref()
                    .map_or_else(|| none.to_string(), human_time),
            ),
            (x.updated, human_time(&r.updated)),
            (x.exported, human_time(&r.exported)),
            (
                x.contact,
                if contact.is_empty() {
                    none.to_string()
                } else {
                    contact.join(" · ")
                },
            ),
            (
                x.sources,
                if c.sources.is_empty() {
                    none.to_string()
                } else {
                    c.sources
                        .iter()
                        .map(|s| escape(s))
                        .collect::<Vec<_>>()
                        .join("<br>")
                },
            ),
        ];
        o.push_str("| | |\n|---|---|\n");
        for (k, v) in rows {
            let _ = writeln!(o, "| **{}** | {v} |", escape(k));
        }

        let _ = writeln!(o, "\n## {}\n", x.answers);
        if r.answers.is_empty() {
            let _ = writeln!(o, "{none}");
        } else {
            let _ = writeln!(o, "| {} | {} |\n|---|---|", x.question, x.answer);
            for a in &r.answers {
                let _ = writeln!(o, "| {} | {} |", escape(&a.question), escape(&a.label));
            }
        }

        let _ = writeln!(o, "\n## {}", x.steps);
        for st in &r.steps {
            let _ = writeln!(o, "\n### {}. {}\n", st.number, escape(&st.title));
            let _ = writeln!(
                o,
                "- **{}**{colon}{}",
                x.phase,
                escape(r.phase_label(st.phase))
            );
            let _ = writeln!(
                o,
                "- **{}**{colon}{}",
                x.status,
                escape(r.step_status_label(st.status))
            );
            if let Some(at) = &st.at {
                let _ = writeln!(o, "- **{}**{colon}{}", x.time, human_time(at));
            }
            if let Some(reason) = &st.skip_reason {
                let _ = writeln!(o, "- **{}**{colon}{}", x.skip_reason, escape(reason));
            }
            if !st.inputs.is_empty() {
                let _ = writeln!(o, "- **{}**{colon_end}", x.inputs);
                for i in &st.inputs {
                    let _ = writeln!(o, "  - {}{colon}{}", escape(&i.label), escape(&i.value));
                }
            }
            if !st.notes.is_empty() {
                let _ = writeln!(o, "- **{}**{colon_end}", x.notes);
                for n in &st.notes {
                    let _ = writeln!(o, "  - {}{colon}{}", human_time(&n.at), escape(&n.text));
                }
            }
        }

        let _ = writeln!(o, "\n## {}\n", x.waits);
        let mut waits = r.waits().peekable();
        if waits.peek().is_none() {
            let _ = writeln!(o, "{none}");
        } else {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
                x.step, x.expected, x.began, x.due, x.received
            );
            for (st, w) in waits {
                let _ = writeln!(
                    o,
                    "| {}. {} | {} | {} | {} | {} |",
                    st.number,
                    escape(&st.title),
                    w.expected
                        .as_deref()
                        .map_or_else(|| none.to_string(), escape),
                    w.began
                        .as_ref()
                        .map_or_else(|| none.to_string(), human_time),
                    w.due.as_ref().map_or_else(|| none.to_string(), human_time),
                    w.received
                        .map_or_else(|| x.not_received.to_string(), |d| d.to_string()),
                );
            }
        }

        let _ = writeln!(o, "\n## {}\n", x.events);
        let count = crate::i18n::fill(x.events_count, &[("n", &r.events.len())]);
        let _ = writeln!(o, "<details>\n<summary>{}</summary>\n", escape(&count));
        let _ = writeln!(o, "| {} | {} |\n|---|---|", x.time, x.event);
        for e in &r.events {
            let _ = writeln!(o, "| {} | {} |", human_time(&e.event.at), escape(&e.text));
        }
        o.push_str("\n</details>\n");
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;
    use crate::export::{Options, Record};
    use crate::i18n::Lang;

    fn render(session: &crate::session::Session, lang: Lang) -> String {
        let options = Options {
            lang,
            redact: false,
            now: fixtures::export_now(),
        };
        Markdown
            .render(&Record::build(session, &options))
            .expect("markdown renders")
    }

    #[test]
    fn escape_neutralises_markup_and_keeps_lines_in_their_cell() {
        assert_eq!(escape("a|b *c* <i>"), "a\\|b \\*c\\* \\<i\\>");
        assert_eq!(escape("one\r\ntwo"), "one<br>two");
        assert_eq!(escape("张伟"), "张伟");
    }

    #[test]
    fn snapshot_completed() {
        insta::assert_snapshot!(render(&fixtures::completed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        let md = render(&fixtures::unfinished(), Lang::En);
        assert!(md.contains("> **INCOMPLETE**"));
        insta::assert_snapshot!(md);
    }

    #[test]
    fn snapshot_chinese() {
        insta::assert_snapshot!(render(&fixtures::chinese(), Lang::ZhCn));
    }
}
