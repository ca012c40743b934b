//! The text of the screens, built once for both front ends so plain and terminal modes show
//! the same content: the step screen, the wait status, the resume summary.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::checklist::{Checklist, Footnotes, markers};
use crate::i18n::{Strings, fill};
use crate::labels;
use crate::labels::SourceText;
use crate::session::{Session, StepStatus, Timestamp};

/// Width of the progress bar, in characters.
const BAR: usize = 20;

/// A day, as `YYYY-MM-DD`.
pub fn day(t: Timestamp) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// A moment, as `YYYY-MM-DD HH:MM`.
pub fn minute(t: Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// `[######..............] 3/9`.
pub fn bar(finished: usize, total: usize) -> String {
    let filled = (finished * BAR).checked_div(total).unwrap_or(0).min(BAR);
    format!(
        "[{}{}] {finished}/{total}",
        "#".repeat(filled),
        ".".repeat(BAR - filled)
    )
}

/// Reflows `text` to `width`: authors wrap their TOML strings at their own width, so the
/// lines of a paragraph are joined (without a space between Chinese characters) and wrapped
/// again; blank lines and list items (`- `, `* `, `1. `) keep their breaks.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(20);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        if !current.is_empty() {
            paragraphs.push(textwrap::fill(current, options(width)));
            current.clear();
        }
    };
    for line in text.trim().lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current, &mut paragraphs);
            paragraphs.push(String::new());
            continue;
        }
        if is_list_item(line) {
            flush(&mut current, &mut paragraphs);
        }
        if !current.is_empty() {
            let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
            if !(wide(current.chars().last()) || wide(line.chars().next())) {
                current.push(' ');
            }
        }
        current.push_str(line);
    }
    flush(&mut current, &mut paragraphs);
    let mut out = paragraphs.join("\n");
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

/// Wrapping to `width` columns, never at a hyphen inside a word: `--format` in a command
/// to copy stays whole.
fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// Wraps each line of `text` on its own to `width`, its first line after `first` and the
/// others after `rest`: for lines that are not a paragraph's (a source and its quote, the
/// lines of a wait's status).
fn wrap_lines(text: &str, first: &str, rest: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let opts = options(width.max(20))
            .initial_indent(first)
            .subsequent_indent(rest);
        out.extend(
            textwrap::wrap(line, opts)
                .into_iter()
                .map(|l| l.trim_end().to_string()),
        );
    }
    out.join("\n")
}

/// `text` fitted to a terminal `width` columns wide: each line that is wider wraps on its
/// own, its continuation under its indentation, never inside a word or a command; lines
/// that fit stay as they are. For messages that are not a step screen (which wraps itself):
/// the terminal would otherwise cut `export` into `expo` and `rt`.
pub fn fit(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| {
            if textwrap::core::display_width(line) <= width {
                return line.to_string();
            }
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            wrap_lines(line.trim_start(), &indent, &indent, width)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ")
        || line.starts_with("* ")
        || line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// How to reach customer service in one line: the phone and the e-mail (`phone 3900 ·
/// e-mail ...`), or, without either, the checklist's note, which is a sentence of its own.
pub fn contact(checklist: &Checklist, s: &Strings) -> Option<String> {
    let g = &s.guide;
    let c = &checklist.contacts;
    let mut parts = Vec::new();
    if let Some(p) = &c.phone {
        parts.push(format!("{} {p}", g.phone));
    }
    if let Some(p) = &c.phone_abroad {
        parts.push(format!("{} {p}", g.phone_abroad));
    }
    if let Some(e) = &c.email {
        parts.push(format!("{} {e}", g.email));
    }
    if !parts.is_empty() {
        return Some(fill(g.contact, &[("contact", &parts.join(" · "))]));
    }
    c.note.as_ref().map(|n| n.get(s.tag()).to_string())
}

/// Whole days from `from` to `to` (never negative).
fn days_between(from: Timestamp, to: Timestamp) -> i64 {
    (to - from).num_days().max(0)
}

/// The input ids customer service asks for, in the order they are given.
const REFERENCES: [&str; 3] = ["reference", "order_number", "customer_number"];

/// The references recorded in the session (`request reference RES-1 · order number A-2`),
/// each under its label, the last value recorded for each.
fn references(session: &Session, s: &Strings) -> Option<String> {
    let snap = &session.checklist.snapshot;
    let found: Vec<String> = REFERENCES
        .iter()
        .filter_map(|id| {
            let (step, value) =
                session
                    .steps
                    .iter()
                    .zip(&snap.steps)
                    .rev()
                    .find_map(|(rec, st)| {
                        let v = rec.inputs.get(*id).filter(|v| !v.trim().is_empty())?;
                        Some((st, v))
                    })?;
            let label = step
                .inputs
                .iter()
                .find(|i| i.id == *id)
                .map_or(*id, |i| i.label.get(s.tag()));
            Some(format!("{label} {value}"))
        })
        .collect();
    (!found.is_empty()).then(|| found.join(" · "))
}

/// The status of the wait at step `idx`, if it has begun: waiting (and where the date
/// shows, since nothing notifies), overdue (with the references to give and whom to
/// contact), or received (and what the answer said).
pub fn wait_status(session: &Session, idx: usize, s: &Strings, now: Timestamp) -> Option<String> {
    let g = &s.guide;
    let w = session.steps.get(idx)?.wait.as_ref()?;
    if let Some(on) = w.received {
        return Some(match w.outcome {
            Some(o) => fill(
                g.received_on_outcome,
                &[("date", &on), ("outcome", &labels::wait_outcome(o, s))],
            ),
            None => fill(g.received_on, &[("date", &on)]),
        });
    }
    let mut out = fill(
        g.waiting,
        &[
            ("began", &day(w.began)),
            ("days", &days_between(w.began, now)),
            ("due", &day(w.due)),
        ],
    );
    out.push('\n');
    if now < w.due {
        out.push_str(&fill(g.wait_calendar, &[("id", &session.id)]));
        return Some(out);
    }
    let checklist = &session.checklist.snapshot;
    out.push_str(&fill(
        g.overdue,
        &[("due", &day(w.due)), ("days", &days_between(w.due, now))],
    ));
    out.push('\n');
    out.push_str(&match references(session, s) {
        Some(refs) => fill(g.overdue_refs, &[("refs", &refs)]),
        None => g.overdue_no_refs.to_string(),
    });
    let mut reach: Vec<String> = contact(checklist, s).into_iter().collect();
    if let Some(url) = checklist.link("support") {
        reach.push(url.to_string());
    }
    out.push('\n');
    if reach.is_empty() {
        out.push_str(g.overdue_no_contact);
    } else {
        out.push_str(&reach.join(" · "));
    }
    // A phone number alone may be one that works only in France: the checklist's note says
    // from where it can be called and what else there is, for a person who has left.
    let c = &checklist.contacts;
    if c.phone.is_some()
        && c.phone_abroad.is_none()
        && let Some(note) = &c.note
    {
        out.push('\n');
        out.push_str(note.get(s.tag()));
    }
    Some(out)
}

/// A step's text with commands to copy as they are: the session's id where it says
/// `simcancel export <id>` (or resume, letter), and where it names `simcancel export` or
/// `simcancel letter` alone, which would print a raw record or need an id. A record goes to
/// a file (`files`: the page's name, then the calendar's), not to the terminal; "`simcancel
/// export` with `--format ics`" becomes the one command that writes the calendar.
fn with_session_id(text: &str, id: &str, files: (&str, &str)) -> String {
    static WITH_FORMAT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"`simcancel export`\s*(?:with|加上)\s*`--format (ics|html)`")
            .expect("a valid pattern")
    });
    let (page, calendar) = files;
    let mut out = text.to_string();
    for command in ["export", "resume", "letter"] {
        for placeholder in ["<id>", "<编号>"] {
            out = out.replace(
                &format!("simcancel {command} {placeholder}"),
                &format!("simcancel {command} {id}"),
            );
        }
    }
    out = WITH_FORMAT
        .replace_all(&out, |c: &regex::Captures| match &c[1] {
            "ics" => format!("`simcancel export {id} --format ics -o {calendar}`"),
            _ => format!("`simcancel export {id} -o {page}`"),
        })
        .into_owned();
    for (bare, full) in [
        (
            format!("`simcancel export {id} --format html`"),
            format!("`simcancel export {id} -o {page}`"),
        ),
        (
            "`simcancel export`".to_string(),
            format!("`simcancel export {id} -o {page}`"),
        ),
        (
            "`simcancel letter`".to_string(),
            format!("`simcancel letter {id}`"),
        ),
    ] {
        out = out.replace(&bare, &full);
    }
    out
}

/// The step screen: header with position and phase, bar, title, body, links, contact and,
/// at a wait step, the wait status.
pub fn step_screen(
    session: &Session,
    idx: usize,
    s: &Strings,
    now: Timestamp,
    width: usize,
) -> String {
    let g = &s.guide;
    let checklist = &session.checklist.snapshot;
    let Some(step) = checklist.steps.get(idx) else {
        return String::new();
    };
    let progress = session.progress();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {}/{} · {}",
        checklist.name.get(s.tag()),
        session.position(idx),
        progress.applicable(),
        labels::phase(step.phase, s)
    );
    let _ = writeln!(out, "{}", bar(progress.settled(), progress.applicable()));
    let _ = writeln!(out, "\n{}\n", step.title.get(s.tag()));
    let notes = Footnotes::of(checklist);
    let body = with_session_id(
        step.body.get(s.tag()),
        &session.id,
        (g.record_file, g.calendar_file),
    );
    let marks = markers(&notes.numbers(&step.cite));
    if !body.trim().is_empty() {
        // The markers are wrapped with the text they follow, so they fit the width too.
        let sep = if marks.is_empty() { "" } else { " " };
        let _ = writeln!(
            out,
            "{}\n",
            wrap(&format!("{}{sep}{marks}", body.trim_end()), width)
        );
    }
    let links: Vec<(&str, &str)> = step
        .links
        .iter()
        .filter_map(|n| checklist.link(n).map(|u| (n.as_str(), u)))
        .collect();
    if !links.is_empty() {
        let _ = writeln!(out, "{}", g.links);
        for (name, url) in links {
            let _ = writeln!(out, "  {}{}{url}", labels::link(name, url, s), g.colon);
        }
    }
    if let Some(c) = contact(checklist, s) {
        let marks = markers(&notes.numbers(&checklist.contacts.cite));
        let sep = if marks.is_empty() { "" } else { " " };
        let _ = writeln!(out, "{}", wrap(&format!("{c}{sep}{marks}"), width));
    }
    let mut cited = notes.numbers(&step.cite);
    cited.extend(notes.numbers(&checklist.contacts.cite));
    let sources = SourceText::list(&notes, Some(&cited));
    if !sources.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            s.catalog.show_labels.sources,
            s.guide.colon.trim_end()
        );
        for source in sources {
            let mut lines = source.lines(s).into_iter();
            if let Some(heading) = lines.next() {
                let _ = writeln!(out, "{}", wrap_lines(&heading, "  ", "      ", width));
            }
            for quote in lines {
                let quote = quote.trim_start();
                let _ = writeln!(out, "{}", wrap_lines(quote, "      ", "      ", width));
            }
        }
    }
    if let Some(w) = wait_status(session, idx, s, now) {
        let _ = writeln!(out, "\n{}", wrap_lines(&w, "", "", width));
    }
    out.trim_end().to_string()
}

/// The one-screen summary shown by `resume`: every step with its status, the next one
/// marked.
pub fn summary(session: &Session, s: &Strings, now: Timestamp) -> String {
    let g = &s.guide;
    let checklist = &session.checklist.snapshot;
    let current = session.current();
    let mut out = fill(
        g.summary_title,
        &[
            ("id", &session.id),
            ("name", &checklist.name.get(s.tag())),
            ("started", &day(session.created)),
            ("progress", &session.progress()),
        ],
    );
    out.push('\n');
    if let Some(stale) = labels::stale(checklist.verified, now.date_naive(), s) {
        let _ = writeln!(out, "⚠ {stale}");
    }
    for (i, (rec, step)) in session.steps.iter().zip(&checklist.steps).enumerate() {
        let (mark, word) = match rec.status {
            _ if Some(i) == current => ("→", g.status_next),
            StepStatus::Done => ("✓", g.status_done),
            StepStatus::Skipped => ("↷", g.status_skipped),
            StepStatus::NotApplicable => ("–", g.status_not_applicable),
            StepStatus::Pending => ("·", g.status_pending),
        };
        let title = step.title.get(s.tag());
        let line = match rec.at.filter(|_| rec.status != StepStatus::Pending) {
            Some(t) => fill(
                g.summary_item_dated,
                &[("title", &title), ("status", &word), ("date", &day(t))],
            ),
            None => fill(g.summary_item, &[("title", &title), ("status", &word)]),
        };
        let _ = write!(out, "  {mark} {line}");
        if let Some(r) = &rec.skip_reason {
            let _ = write!(out, "{}", fill(g.summary_reason, &[("reason", r)]));
        }
        out.push('\n');
    }
    if let Some(idx) = current
        && let Some(w) = wait_status(session, idx, s, now)
    {
        out.push('\n');
        out.push_str(&w);
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// Parses a day written year first, as people in China write it too: `2026-11-27`,
/// `2026/11/27`, `2026.11.27` or `2026年11月27日` (full-width digits as well). A day
/// written day first (`27/11/2026`) is refused: it is read differently in France and the
/// United States.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let ascii: String = s
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
            '/' | '.' | '年' | '月' | '／' | '．' | '－' => Some('-'),
            '日' | '号' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect();
    let parts: Vec<&str> = ascii.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_reflows_paragraphs_and_keeps_lists_and_chinese_tight() {
        let text = "Find a bill,\nthe contract.\n\n- one\n- two\n找出账单、\n合同。";
        assert_eq!(
            wrap(text, 80),
            "Find a bill, the contract.\n\n- one\n- two找出账单、合同。"
        );
        assert_eq!(wrap("a b c d e f", 20), "a b c d e f");
        assert_eq!(bar(3, 9), "[######..............] 3/9");
        assert_eq!(bar(0, 0), "[....................] 0/0");
    }

    #[test]
    fn a_day_is_read_year_first_in_the_ways_people_write_it() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27);
        for typed in [
            "2026-11-27",
            " 2026/11/27 ",
            "2026.11.27",
            "2026年11月27日",
            "2026 年 11 月 27 日",
            "２０２６年１１月２７日",
            "2026-11-27号",
        ] {
            assert_eq!(parse_day(typed), day, "{typed}");
        }
        assert_eq!(parse_day("2026-1-5"), NaiveDate::from_ymd_opt(2026, 1, 5));
        for refused in [
            "27/11/2026",
            "11/27/2026",
            "2026-13-01",
            "2026-02-30",
            "",
            "2026-11",
            "26-11-27",
        ] {
            assert_eq!(parse_day(refused), None, "{refused}");
        }
    }

    #[test]
    fn fit_wraps_only_the_lines_wider_than_the_terminal_never_inside_a_word() {
        let done = "所有步骤都已完成。请把记录保存为可打印的网页：simcancel export 1898210f -o 注销记录.html";
        let fitted = fit(done, 60);
        assert_eq!(
            fitted,
            "所有步骤都已完成。请把记录保存为可打印的网页：simcancel\nexport 1898210f -o 注销记录.html"
        );
        assert_eq!(fit("short\n  also short", 60), "short\n  also short");
        let indented = fit(&format!("  {}", "word ".repeat(20)), 40);
        for line in indented.lines() {
            assert!(line.starts_with("  word"), "{indented}");
            assert!(textwrap::core::display_width(line) <= 40, "{indented}");
        }
    }
}
