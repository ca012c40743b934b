//! Plain text: for pasting into an e-mail. Wrapped at [`WIDTH`] columns by `textwrap`,
//! which counts Chinese characters as two columns.

use std::borrow::Cow;
use std::fmt::Write as _;

use textwrap::core::display_width;

use super::{Error, Exporter, Field, Record, Value, human_time};
use crate::checklist::markers;
use crate::i18n::fill;

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

/// `text` followed by the footnote markers of `cite` (` [1][3]`), if any.
fn cited<'a>(text: Cow<'a, str>, cite: &[usize]) -> Cow<'a, str> {
    if cite.is_empty() {
        text
    } else {
        Cow::Owned(format!("{text} {}", markers(cite)))
    }
}

/// A value as plain text: as it is, one line per line.
fn value<'a>(v: &'a Value) -> Cow<'a, str> {
    match v {
        Value::Text(s) => Cow::Borrowed(s),
        Value::Prose(s) | Value::Code(s) => Cow::Borrowed(s),
        Value::Named { name, id } => Cow::Owned(format!("{name} ({id})")),
        Value::Lines(lines) => Cow::Owned(lines.join("\n")),
    }
}

impl Exporter for PlainText {
    fn render(&self, r: &Record) -> Result<String, Error> {
        let x = &r.strings.export;
        let none = x.none;
        let colon = x.colon;
        let colon_end = colon.trim_end();
        let labelled = |f: &Field| format!("{}{colon}{}", f.label, value(&f.value));
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

        let facts = r.facts();
        let label_width = facts
            .iter()
            .map(|f| display_width(f.label))
            .max()
            .unwrap_or(0)
            + 2;
        let pad = " ".repeat(label_width);
        for f in &facts {
            let k = f.label;
            let gap = label_width.saturating_sub(display_width(k) + display_width(colon_end));
            let first = format!("{k}{colon_end}{}", " ".repeat(gap));
            wrap(&mut o, &first, &pad, &cited(value(&f.value), f.cite));
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
            let title = cited(Cow::Borrowed(&st.title), &st.cite);
            wrap(&mut o, &format!("{}. ", st.number), "   ", &title);
            // The short facts share a line; a skip reason, which may be long, has its own.
            let (prose, short): (Vec<_>, Vec<_>) = r
                .step_fields(st)
                .into_iter()
                .partition(|f| matches!(f.value, Value::Prose(_)));
            let line = short.iter().map(labelled).collect::<Vec<_>>().join(" · ");
            wrap(&mut o, "   ", "   ", &line);
            for f in &prose {
                wrap(&mut o, "   ", "     ", &labelled(f));
            }
            for g in r.step_groups(st) {
                let _ = writeln!(o, "   {}{colon_end}", g.label);
                for (label, text) in &g.items {
                    wrap(&mut o, "   - ", "     ", &format!("{label}{colon}{text}"));
                }
            }
            o.push('\n');
        }

        heading(&mut o, x.waits, '-');
        let mut any = false;
        for (st, w) in r.waits() {
            any = true;
            wrap(&mut o, &format!("{}. ", st.number), "   ", &st.title);
            for f in &r.wait_fields(st, w) {
                wrap(&mut o, "   ", "     ", &labelled(f));
            }
        }
        if !any {
            let _ = writeln!(o, "{none}");
        }
        o.push('\n');

        if !r.sources.is_empty() {
            heading(&mut o, x.sources, '-');
            for row in &r.sources {
                let t = row.text();
                // Wrapped between words only: a URL cut in two cannot be copied.
                let opts = textwrap::Options::new(WIDTH)
                    .subsequent_indent("    ")
                    .break_words(false);
                for line in textwrap::wrap(&t.heading(r.strings), opts) {
                    let _ = writeln!(o, "{}", line.trim_end());
                }
                if let Some(quote) = t.quote(r.strings) {
                    wrap(&mut o, "    ", "    ", &quote);
                }
            }
            o.push('\n');
        }

        heading(
            &mut o,
            &fill(x.events_count, &[("n", &r.events.len())]),
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
    use crate::export::Format;
    use crate::export::testing::render;
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn no_line_is_wider_than_the_width_even_in_chinese() {
        for (s, lang) in [
            (fixtures::completed(), Lang::En),
            (fixtures::chinese(), Lang::ZhCn),
        ] {
            for line in render(Format::Text, &s, lang).lines() {
                // Only a source's URL, which is never cut, may stand longer on its line.
                let url = line.trim_start().starts_with("https://") && !line.trim().contains(' ');
                assert!(display_width(line) <= WIDTH || url, "too wide: {line:?}");
            }
        }
    }

    #[test]
    fn snapshot_completed() {
        insta::assert_snapshot!(render(Format::Text, &fixtures::completed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        let text = render(Format::Text, &fixtures::unfinished(), Lang::En);
        assert!(text.starts_with("Cancellation record"));
        assert!(text.contains("*** INCOMPLETE ***"));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn snapshot_chinese() {
        insta::assert_snapshot!(render(Format::Text, &fixtures::chinese(), Lang::ZhCn));
    }
}
