//! iCalendar (RFC 5545): one all-day VEVENT with a morning alarm per reminder of what is
//! still open (the due date of each wait step still awaiting its confirmation, each pending
//! `after` step a month after the wait ended). Events rather
//! than VTODOs because common calendar apps (Google Calendar, Outlook) import only events.
//! Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character.

use super::{Error, Exporter, Record, ReminderKind};
use crate::i18n::fill;
use crate::session::SessionStatus;

/// The iCalendar renderer.
#[derive(Clone, Copy, Debug)]
pub struct Ics;

/// Longest content line, in octets, before folding (RFC 5545 §3.1).
const FOLD_AT: usize = 75;

/// Escapes a TEXT value (RFC 5545 §3.3.11). A line break (LF, CRLF or a lone CR) becomes
/// `\n`; other control characters, which a TEXT value may not hold (TSAFE-CHAR), are
/// dropped, so a stray one in a note cannot make the calendar unreadable.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded: no physical line longer than 75 octets, each
/// continuation starting with a space, never inside a UTF-8 sequence.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = FOLD_AT;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line counts towards its 75 octets.
        limit = FOLD_AT - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

impl Exporter for Ics {
    fn render(&self, r: &Record) -> Result<String, Error> {
        let x = &r.strings.export;
        if r.reminders.is_empty() {
            // A calendar needs at least one component; an empty file would only confuse.
            let session = r.session_id.clone();
            return Err(match r.status {
                SessionStatus::InProgress => Error::NothingToRemind { session },
                status => Error::Closed { session, status },
            });
        }
        let stamp = r
            .exported
            .with_timezone(&chrono::Utc)
            .format("%Y%m%dT%H%M%SZ")
            .to_string();
        let mut o = String::with_capacity(1024 * (1 + r.reminders.len()));
        push_folded(&mut o, "BEGIN:VCALENDAR");
        push_folded(&mut o, "VERSION:2.0");
        push_folded(&mut o, "PRODID:-//simcancel//export//EN");
        push_folded(&mut o, "CALSCALE:GREGORIAN");
        push_folded(&mut o, "METHOD:PUBLISH");
        let mut cal_name = fill(x.cal_name, &[("checklist", &r.checklist.name)]);
        if !r.complete {
            cal_name = format!("{} ({})", cal_name, x.incomplete);
        }
        push_folded(&mut o, &format!("X-WR-CALNAME:{}", escape_text(&cal_name)));
        for m in &r.reminders {
            let kind = match m.kind {
                ReminderKind::WaitDue => "due",
                ReminderKind::After => "after",
            };
            let mut description = m.description.clone();
            if !r.complete {
                description = format!(
                    "{}{}{}\n\n{description}",
                    x.incomplete,
                    x.colon,
                    r.incomplete_note()
                );
            }
            description.push_str(&format!(
                "\n\n{}{}{} · {}{}{}",
                x.checklist, x.colon, r.checklist.name, x.session, x.colon, r.session_id
            ));
            let end = m.date.succ_opt().unwrap_or(m.date);
            push_folded(&mut o, "BEGIN:VEVENT");
            // Ids come from the session file; escaped, a damaged one cannot add lines.
            let uid = format!("{}-{}-{kind}@simcancel.invalid", r.session_id, m.step);
            push_folded(&mut o, &format!("UID:{}", escape_text(&uid)));
            push_folded(&mut o, &format!("DTSTAMP:{stamp}"));
            push_folded(
                &mut o,
                &format!("DTSTART;VALUE=DATE:{}", m.date.format("%Y%m%d")),
            );
            push_folded(
                &mut o,
                &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
            );
            push_folded(&mut o, &format!("SUMMARY:{}", escape_text(&m.summary)));
            push_folded(
                &mut o,
                &format!("DESCRIPTION:{}", escape_text(&description)),
            );
            push_folded(&mut o, "TRANSP:TRANSPARENT");
            push_folded(&mut o, "BEGIN:VALARM");
            push_folded(&mut o, "ACTION:DISPLAY");
            push_folded(&mut o, &format!("DESCRIPTION:{}", escape_text(&m.summary)));
            // 09:00 on the day of the all-day event.
            push_folded(&mut o, "TRIGGER;RELATED=START:PT9H");
            push_folded(&mut o, "END:VALARM");
            push_folded(&mut o, "END:VEVENT");
        }
        push_folded(&mut o, "END:VCALENDAR");
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{options, render};
    use crate::export::{Format, export};
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let long = format!("DESCRIPTION:{}", "注销确认".repeat(40));
        let mut out = String::new();
        push_folded(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        let mut short = String::new();
        push_folded(&mut short, "END:VEVENT");
        assert_eq!(short, "END:VEVENT\r\n");
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
        // A lone CR is a line break too; other control characters are not allowed.
        assert_eq!(escape_text("a\rb\x1b[0m\x7f\tc\u{85}"), "a\\nb[0m\tc");
    }

    #[test]
    fn a_damaged_session_id_cannot_add_calendar_lines() {
        let mut s = fixtures::unfinished();
        s.id = "k7m2\r\nBEGIN:VTODO".into();
        let ics = export(&s, Format::Ics, &options(Lang::En, false)).expect("renders");
        assert!(!ics.contains("\r\nBEGIN:VTODO"), "{ics}");
        assert!(ics.contains("UID:k7m2\\nBEGIN:VTODO-wait-confirmation-due@simcancel.invalid"));
    }

    #[test]
    fn every_line_ends_with_crlf() {
        let ics = render(Format::Ics, &fixtures::unfinished(), Lang::En);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    }

    #[test]
    fn a_session_with_nothing_to_remind_is_an_error_not_an_empty_calendar() {
        let mut s = fixtures::unfinished();
        s.steps.iter_mut().for_each(|r| r.wait = None);
        let err =
            export(&s, Format::Ics, &options(Lang::En, false)).expect_err("nothing to remind");
        assert!(
            matches!(&err, Error::NothingToRemind { session } if *session == s.id),
            "{err:?}"
        );
    }

    #[test]
    fn a_finished_session_is_closed_not_an_empty_calendar() {
        let err = export(
            &fixtures::completed(),
            Format::Ics,
            &options(Lang::En, false),
        )
        .expect_err("nothing open");
        assert!(
            matches!(&err, Error::Closed { session, status: SessionStatus::Completed } if session == "k7m2q9x4"),
            "{err:?}"
        );
        let mut s = fixtures::unfinished();
        s.status = SessionStatus::Abandoned;
        let err = export(&s, Format::Ics, &options(Lang::En, false)).expect_err("nothing open");
        assert!(
            matches!(
                &err,
                Error::Closed {
                    status: SessionStatus::Abandoned,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn snapshot_partly_done() {
        insta::assert_snapshot!(render(Format::Ics, &fixtures::confirmed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        insta::assert_snapshot!(render(Format::Ics, &fixtures::unfinished(), Lang::En));
    }

    #[test]
    fn snapshot_chinese() {
        insta::assert_snapshot!(render(
            Format::Ics,
            &fixtures::chinese_unfinished(),
            Lang::ZhCn
        ));
    }
}
