//! Plain text: for pasting into an e-mail. Wrapped at [`WIDTH`] columns by `textwrap`,
//! which counts Chinese characters as two columns.

use std::fmt::Write as _;

use anyhow::Result;
use textwrap::core::display_width;

use super::{Exporter, Record, human_time};

/// The line width.
pub const WIDTH: usize = 78;

/// The plain-text renderer.
#[derive(Clone, Copy, Debug)]
pub struct PlainText;

/// Appends `text` wrapped to [`WIDTH`], the first line after `first`, the others after
/// `rest`. Short single lines skip the wrapper: the event log of a long session is mostly
/// such lines.
fn wrap(o: &mut String, first: &str, rest: &str, text: &str) {
    if !text.contains('\n') && display_width(first) + display_width(text) <= WIDTH {
        o.push_str(first);
        o.push_str(text);
        o.push('\n');
        return;
    }
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true);
    for line in textwrap::wrap(text.trim_end(), opts) {
        o.push_str(line.trim_end());
        o.push('\n');
    }
}

fn heading(o: &mut String, title: &str, underline: char) {
    let width = display_width(title).min(WIDTH);
    let _ = writeln!(o, "{title}");
    o.extend(std::iter::repeat_n(underline, width));
    o.push_str("\n\n");
}

impl Exporter for PlainText {
    fn render(&self, r: &Record) -> Result<String> {
        let x = &r.strings().export;
        let none = x.none;
        let colon = x.colon;
        let colon_end = colon.trim_end();
        let mut o = String::with_capacity(4096 + r.events.len() * 60);
        heading(
            &mut o,
            &format!("{}{colon}{}", x.title, r.checklist.name),
            '=',
        );
        if !r.complete {
            let mark = format!("*** {} ***", x.incomplete);
            let _ = writeln!(o, "{mark}");
            wrap(&mut o, "", "", &r.incomplete_note());
            o.push('\n');
        }
        if r.redacted {
            wrap(&mut o, "", "", x.redacted_note);
            o.push('\n');
        }

        let c = &r.checklist;
        let contact: Vec<&str> = [c.phone.as_deref(), c.email.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let facts: [(&str, String); 15] = [
            (x.checklist, format!("{} ({})", c.name, c.id)),
            (x.provider, c.provider.clone()),
            (x.country, c.country.clone()),
            (x.checklist_hash, c.hash.clone()),
            (x.verified, c.verified.to_string()),
            (x.origin, c.origin.clone()),
            (x.session, r.session_id.clone()),
            (x.status, r.status_label().to_string()),
            (x.progress, r.progress_text()),
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
                    c.sources.join("\n")
                },
            ),
        ];
        let label_width = facts
            .iter()
            .map(|(k, _)| display_width(k))
            .max()
            .unwrap_or(0)
            + 2;
        let pad = " ".repeat(label_width);
        for (k, v) in &facts {
            let gap = label_width.saturating_sub(display_width(k) + display_width(colon_end));
            let first = format!("{k}{colon_end}{}", " ".repeat(gap));
            wrap(&mut o, &first, &pad, v);
        }
        o.push('\n');

        heading(&mut o, x.answers, '-');
        if r.answers.is_empty() {
            let _ = writeln!(o, "{none}");
        }
        for a in &r.answers {
            wrap(&mut o, "- ", "  ", &format!("{} {}", a.question, a.label));
        }
        o.push('\n');

        heading(&mut o, x.steps, '-');
        for st in &r.steps {
            wrap(&mut o, &format!("{}. ", st.number), "   ", &st.title);
            let mut line = format!(
                "{}{colon}{} · {}{colon}{}",
                x.phase,
                r.phase_label(st.phase),
                x.status,
                r.step_status_label(st.status)
            );
            if let Some(at) = &st.at {
                let _ = write!(line, " · {}{colon}{}", x.time, human_time(at));
            }
            wrap(&mut o, "   ", "   ", &line);
            if let Some(reason) = &st.skip_reason {
                wrap(
                    &mut o,
                    "   ",
                    "     ",
                    &format!("{}{colon}{reason}", x.skip_reason),
                );
            }
            if !st.inputs.is_empty() {
                let _ = writeln!(o, "   {}{colon_end}", x.inputs);
                for i in &st.inputs {
                    wrap(
                        &mut o,
                        "   - ",
                        "     ",
                        &format!("{}{colon}{}", i.label, i.value),
                    );
                }
            }
            if !st.notes.is_empty() {
                let _ = writeln!(o, "   {}{colon_end}", x.notes);
                for n in &st.notes {
                    wrap(
                        &mut o,
                        "   - ",
                        "     ",
                        &format!("{}{colon}{}", human_time(&n.at), n.text),
                    );
                }
            }
            o.push('\n');
        }

        heading(&mut o, x.waits, '-');
        let mut any = false;
        for (st, w) in r.waits() {
            any = true;
            wrap(&mut o, &format!("{}. ", st.number), "   ", &st.title);
            let rows = [
                (
                    x.expected,
                    w.expected.clone().unwrap_or_else(|| none.to_string()),
                ),
                (
                    x.began,
                    w.began
                        .as_ref()
                        .map_or_else(|| none.to_string(), human_time),
                ),
                (
                    x.due,
                    w.due.as_ref().map_or_else(|| none.to_string(), human_time),
                ),
                (
                    x.received,
                    w.received
                        .map_or_else(|| x.not_received.to_string(), |d| d.to_string()),
                ),
            ];
            for (k, v) in rows {
                wrap(&mut o, "   ", "     ", &format!("{k}{colon}{v}"));
            }
        }
        if !any {
            let _ = writeln!(o, "{none}");
        }
        o.push('\n');

        heading(
            &mut o,
            &crate::i18n::fill(x.events_count, &[("n", &r.events.len())]),
            '-',
        );
        // Each entry starts with its time; a wrapped description lines up under itself.
        let indent = " ".repeat(display_width(&human_time(&r.started)) + 2);
        for e in &r.events {
            let first = format!("{}  ", human_time(&e.event.at));
            wrap(&mut o, &first, &indent, &e.text);
        }
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
        PlainText
            .render(&Record::build(session, &options))
            .expect("text renders")
    }

    #[test]
    fn no_line_is_wider_than_the_width_even_in_chinese() {
        for (s, lang) in [
            (fixtures::completed(), Lang::En),
            (fixtures::chinese(), Lang::ZhCn),
        ] {
            for line in render(&s, lang).lines() {
                assert!(display_width(line) <= WIDTH, "too wide: {line:?}");
            }
        }
    }

    #[test]
    fn snapshot_completed() {
        insta::assert_snapshot!(render(&fixtures::completed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        let text = render(&fixtures::unfinished(), Lang::En);
        assert!(text.starts_with("Cancellation record"));
        assert!(text.contains("*** INCOMPLETE ***"));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn snapshot_chinese() {
        insta::assert_snapshot!(render(&fixtures::chinese(), Lang::ZhCn));
    }
}
