//! Markdown (CommonMark with GitHub tables): the default format, readable as plain text
//! and rendered nicely by most viewers. The event log is folded into a `<details>` block.

use std::fmt::Write as _;

use super::{Error, Exporter, Record, Value, human_time};
use crate::checklist::markers;
use crate::i18n::fill;

/// The Markdown renderer.
#[derive(Clone, Copy, Debug)]
pub struct Markdown;

/// Escapes a value for inline Markdown: ASCII punctuation that could start markup gets a
/// backslash, and line breaks become `<br>` so a multi-line value stays in its table cell
/// or list item.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            // CRLF and a lone CR (old Mac text) are line breaks too.
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Footnote markers (` \[1\]\[3\]`) after a cited value; empty when it cites nothing.
fn marks(cite: &[usize]) -> String {
    if cite.is_empty() {
        String::new()
    } else {
        format!(" {}", escape(&markers(cite)))
    }
}

/// A value as inline Markdown; lines are separated by `<br>`, which keeps them in their
/// table cell.
fn value(v: &Value) -> String {
    match v {
        Value::Text(s) => escape(s),
        Value::Prose(s) | Value::Code(s) => escape(s),
        Value::Named { name, id } => format!("{} ({})", escape(name), escape(id)),
        Value::Lines(lines) => lines
            .iter()
            .map(|s| escape(s))
            .collect::<Vec<_>>()
            .join("<br>"),
    }
}

impl Exporter for Markdown {
    fn render(&self, r: &Record) -> Result<String, Error> {
        let x = &r.strings.export;
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

        o.push_str("| | |\n|---|---|\n");
        for f in r.facts() {
            let _ = writeln!(
                o,
                "| **{}** | {}{} |",
                escape(f.label),
                value(&f.value),
                marks(f.cite)
            );
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
            let _ = writeln!(
                o,
                "\n### {}. {}{}\n",
                st.number,
                escape(&st.title),
                marks(&st.cite)
            );
            for f in r.step_fields(st) {
                let _ = writeln!(o, "- **{}**{colon}{}", f.label, value(&f.value));
            }
            for g in r.step_groups(st) {
                let _ = writeln!(o, "- **{}**{colon_end}", g.label);
                for (label, text) in &g.items {
                    let _ = writeln!(o, "  - {}{colon}{}", escape(label), escape(text));
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
                "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
                x.step, x.expected, x.began, x.due, x.received, x.outcome
            );
            for (st, w) in waits {
                let _ = write!(o, "| {}. {} |", st.number, escape(&st.title));
                for f in r.wait_fields(st, w) {
                    let _ = write!(o, " {} |", value(&f.value));
                }
                o.push('\n');
            }
        }

        if !r.sources.is_empty() {
            let _ = writeln!(o, "\n## {}\n", x.sources);
            for row in &r.sources {
                let t = row.text();
                // Autolinks take no backslash escapes: a source URL has no space or `>`.
                let heading = t.heading_with(r.strings, escape, |url| format!("<{url}>"));
                // An uncited source's mark is a dash, which the list's own bullet already is.
                let heading = match row.number {
                    None => heading.strip_prefix("- ").unwrap_or(&heading),
                    Some(_) => heading.as_str(),
                };
                let _ = write!(o, "- {heading}");
                if let Some(quote) = t.quote(r.strings) {
                    let _ = write!(o, "<br>{}", escape(&quote));
                }
                o.push('\n');
            }
        }

        let _ = writeln!(o, "\n## {}\n", x.events);
        let count = fill(x.events_count, &[("n", &r.events.len())]);
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
    use crate::export::Format;
    use crate::export::testing::render;
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn escape_neutralises_markup_and_keeps_lines_in_their_cell() {
        assert_eq!(escape("a|b *c* <i>"), "a\\|b \\*c\\* \\<i\\>");
        assert_eq!(escape("one\r\ntwo"), "one<br>two");
        assert_eq!(escape("one\rtwo"), "one<br>two");
        assert_eq!(escape("张伟"), "张伟");
    }

    #[test]
    fn snapshot_completed() {
        insta::assert_snapshot!(render(Format::Markdown, &fixtures::completed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        let md = render(Format::Markdown, &fixtures::unfinished(), Lang::En);
        assert!(md.contains("> **INCOMPLETE**"));
        insta::assert_snapshot!(md);
    }

    #[test]
    fn an_uncited_source_is_one_bullet_not_two() {
        let mut session = fixtures::completed();
        session
            .checklist
            .snapshot
            .sources
            .push(crate::checklist::Source {
                id: "uncited".into(),
                title: "https://example.org/uncited".into(),
                url: Some("https://example.org/uncited".into()),
                publisher: None,
                retrieved: None,
                quote: None,
                confidence: None,
            });
        let md = render(Format::Markdown, &session, Lang::En);
        assert!(md.contains("\n- <https://example.org/uncited>\n"), "{md}");
        assert!(!md.contains("- - "), "{md}");
    }

    #[test]
    fn snapshot_chinese() {
        insta::assert_snapshot!(render(Format::Markdown, &fixtures::chinese(), Lang::ZhCn));
    }
}
