//! Plain text: for pasting into an e-mail. Wrapped at [`WIDTH`] columns by `textwrap` (first
//! fit), which counts Chinese characters as two columns.

use std::borrow::Cow;
use std::fmt::Write as _;

use textwrap::{WordSeparator, WordSplitter, WrapAlgorithm};

use super::{Error, Exporter, Field, Record, Value, human_time};
use crate::checklist::markers;
use crate::i18n::fill;
use crate::width::columns;

/// The line width.
pub const WIDTH: usize = 78;

/// The plain-text renderer.
#[derive(Clone, Copy, Debug)]
pub struct PlainText;

/// Appends `text` wrapped to [`WIDTH`], the first line after `first`, the others after
/// `rest`, breaking lines by the Unicode rules (which keep a URL whole up to a `/` and
/// punctuation off the start of a line).
fn wrap(o: &mut String, first: &str, rest: &str, text: &str) {
    wrap_with(o, first, rest, text, false);
}

/// [`wrap`] for a sentence of the event log, the one part that grows with the session.
/// Chinese (and Japanese, Korean) text, written without spaces, needs the Unicode rules; a
/// sentence in the alphabets below U+2E80 breaks at its spaces only (not inside a word
/// such as `e-mail`), as [`wrap_at_spaces`] does at a fraction of textwrap's cost.
fn wrap_sentence(o: &mut String, first: &str, rest: &str, text: &str) {
    let fits = !text.contains('\n') && fits_on_a_line(first, text);
    if fits || !text.chars().all(|c| u32::from(c) < 0x2E80) {
        wrap(o, first, rest, text);
    } else if !wrap_at_spaces(o, first, rest, text) {
        wrap_with(o, first, rest, text, true);
    }
}

/// First-fit wrapping at spaces, as textwrap does it with [`WordSeparator::AsciiSpace`] and
/// no hyphenation: a word keeps the spaces after it, which are dropped at the end of a line. Only for text
/// whose only blanks are spaces between words (no line break, tab or leading space) and
/// none of whose words is wider than a line (textwrap would break it); returns false,
/// having written nothing, for any other.
fn wrap_at_spaces(o: &mut String, first: &str, rest: &str, text: &str) -> bool {
    let text = text.trim_end();
    let rest_width = columns(rest);
    // (word, spaces after it, width of the word)
    let mut words = Vec::new();
    let mut remaining = text;
    while !remaining.is_empty() {
        let end = remaining.find(' ').unwrap_or(remaining.len());
        let spaced = remaining[end..].len() - remaining[end..].trim_start_matches(' ').len();
        let (word, after) = (&remaining[..end], &remaining[end..end + spaced]);
        // A word of printable ASCII (most of them) holds no blank and is as wide as long.
        let plain = word.bytes().all(|b| (0x21..0x7f).contains(&b));
        let width = if plain { word.len() } else { columns(word) };
        let blank = !plain && word.contains(char::is_whitespace);
        if word.is_empty() || blank || rest_width + width > WIDTH {
            return false;
        }
        words.push((word, after, width));
        remaining = &remaining[end + spaced..];
    }
    let mut line_width = columns(first);
    o.push_str(first);
    let mut pending = "";
    for (i, (word, after, width)) in words.into_iter().enumerate() {
        if i > 0 && line_width + pending.len() + width > WIDTH {
            o.push('\n');
            o.push_str(rest);
            line_width = rest_width;
        } else {
            o.push_str(pending);
            line_width += pending.len();
        }
        o.push_str(word);
        line_width += width;
        pending = after;
    }
    o.push('\n');
    true
}

/// Whether `first` then `text` fit in [`WIDTH`] columns. No character is wider than its
/// UTF-8 bytes, so a line short enough in bytes is not measured.
fn fits_on_a_line(first: &str, text: &str) -> bool {
    first.len() + text.len() <= WIDTH || columns(first) + columns(text) <= WIDTH
}

/// Wraps with textwrap, by the Unicode rules or, with `at_spaces`, at spaces only. Short
/// single lines skip the wrapper: the event log of a long session is mostly such lines.
fn wrap_with(o: &mut String, first: &str, rest: &str, text: &str, at_spaces: bool) {
    if !text.contains('\n') && fits_on_a_line(first, text) {
        o.push_str(first);
        o.push_str(text);
        o.push('\n');
        return;
    }
    // First fit: each line takes as many words as fit. The default, optimal fit, evens out
    // the line lengths of a paragraph at many times the cost (two thirds of the export of a
    // long session), which a record pasted into an e-mail does not need.
    let mut opts = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    if at_spaces {
        opts = opts
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(WordSplitter::NoHyphenation);
    }
    for line in textwrap::wrap(text.trim_end(), opts) {
        o.push_str(line.trim_end());
        o.push('\n');
    }
}

fn heading(o: &mut String, title: &str, underline: char) {
    let width = columns(title).min(WIDTH);
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
        // An event takes about 150 bytes in all (its log line and its part of the steps):
        // reserved at once, as growing by doubling copies the text and touches each new
        // buffer's pages again. What is reserved and never written costs no memory.
        let mut o = String::with_capacity(4096 + r.events.len() * 160);
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
        let label_width = facts.iter().map(|f| columns(f.label)).max().unwrap_or(0) + 2;
        let pad = " ".repeat(label_width);
        for f in &facts {
            let k = f.label;
            let gap = label_width.saturating_sub(columns(k) + columns(colon_end));
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
            // At spaces only: the Unicode rules would break a date at its hyphen.
            wrap_with(&mut o, "   ", "   ", &line, true);
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
        let indent = " ".repeat(columns(&human_time(&r.started)) + 2);
        let mut first = String::new();
        for e in &r.events {
            first.clear();
            first.push_str(&human_time(&e.event.at));
            first.push_str("  ");
            wrap_sentence(&mut o, &first, &indent, &e.text);
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
    fn a_date_is_never_cut_at_its_hyphen_where_lines_break_at_spaces() {
        let mut cut_by_unicode_rules = false;
        for k in 40..WIDTH {
            let line = format!("{} · Time: 2026-12-01 11:46 +01:00", "x".repeat(k));
            let mut spaces = String::new();
            wrap_with(&mut spaces, "   ", "   ", &line, true);
            assert!(!spaces.lines().any(|l| l.ends_with('-')), "{spaces}");
            let mut unicode = String::new();
            wrap_with(&mut unicode, "   ", "   ", &line, false);
            cut_by_unicode_rules |= unicode.lines().any(|l| l.ends_with('-'));
        }
        // What the step line used to be wrapped with does cut there.
        assert!(cut_by_unicode_rules);
    }

    #[test]
    fn no_line_is_wider_than_the_width_even_in_chinese() {
        for (s, lang) in [
            (fixtures::completed(), Lang::En),
            (fixtures::chinese(), Lang::ZhCn),
        ] {
            for line in render(Format::Text, &s, lang).lines() {
                // Only a source's URL, which is never cut, may stand longer on its line.
                let url = line.trim_start().starts_with("https://") && !line.trim().contains(' ');
                assert!(columns(line) <= WIDTH || url, "too wide: {line:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn wrapping_at_spaces_is_what_textwrap_does(
            words in proptest::collection::vec("[a-zA-Z’“”.,()-]{1,24}", 4..30),
            gaps in proptest::collection::vec(1usize..3, 30),
            indent in 0usize..30,
        ) {
            let text: String = words
                .iter()
                .zip(&gaps)
                .map(|(w, &g)| format!("{w}{}", " ".repeat(g)))
                .collect();
            let first = format!("{}> ", "x".repeat(indent));
            let rest = " ".repeat(indent + 2);
            // Only text that does not fit on one line gets here (the short path is first).
            proptest::prop_assume!(columns(&first) + columns(&text) > WIDTH);
            let mut ours = String::new();
            proptest::prop_assert!(wrap_at_spaces(&mut ours, &first, &rest, &text));
            let mut theirs = String::new();
            wrap_with(&mut theirs, &first, &rest, &text, true);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn what_wrapping_at_spaces_cannot_do_is_left_to_textwrap() {
        let mut o = String::new();
        for text in ["a\tb", "two\nlines", " leading", &"x".repeat(WIDTH)] {
            assert!(!wrap_at_spaces(&mut o, "", "  ", text), "{text:?}");
        }
        assert!(o.is_empty());
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
