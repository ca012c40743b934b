//! Reminder scheduling: which dates go into the calendar, and what each one says.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::record::{ChecklistInfo, SourceRow, StepRow};
use crate::checklist::{Phase, markers};
use crate::i18n::{Strings, fill};
use crate::session::{Session, SessionStatus, StepStatus};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Why a reminder exists.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum ReminderKind {
        /// The due date of a wait step.
        WaitDue => "wait-due",
        /// An `after` step, one month after the session finished (or after the wait is due).
        After => "after",
    }
}

/// A dated reminder, for the calendar.
#[derive(Clone, Debug, Serialize)]
pub struct Reminder {
    /// Why it exists.
    pub kind: ReminderKind,
    /// The step it is about.
    pub step: String,
    /// The day.
    pub date: NaiveDate,
    /// One-line title.
    pub summary: String,
    /// Longer text.
    pub description: String,
}

/// The reminders of what is still open, and only that: each reached wait step still
/// waiting for its confirmation, on its due date; each pending `after` step one month after
/// the session finished — or, while it is unfinished, one month after the latest wait ended
/// (the day the confirmation came, else its due date: the earliest a statement could show
/// a charge after the end). A session completed or abandoned has nothing open.
pub(super) fn reminders(
    session: &Session,
    steps: &[StepRow],
    checklist: &ChecklistInfo,
    sources: &[SourceRow],
    complete: bool,
    s: &Strings,
) -> Vec<Reminder> {
    if session.status != SessionStatus::InProgress {
        return Vec::new();
    }
    let x = &s.export;
    // Without a number or address, the checklist's note says how to reach customer service.
    let phone = checklist
        .phone_and_email()
        .or(checklist.contact_note.clone())
        .unwrap_or_else(|| x.none.to_string());
    let name = checklist.name.as_str();
    let prefix = if complete {
        String::new()
    } else {
        format!("{}{}", x.incomplete, x.colon)
    };
    let mut out = Vec::new();
    let mut latest_end: Option<NaiveDate> = None;
    for (st, wait) in steps.iter().filter_map(|st| Some((st, st.wait.as_ref()?))) {
        let Some(due) = wait.due else { continue };
        latest_end = latest_end.max(Some(wait.received.unwrap_or(due.date_naive())));
        if st.status != StepStatus::Pending || wait.received.is_some() {
            continue;
        }
        out.push(Reminder {
            kind: ReminderKind::WaitDue,
            step: st.id.clone(),
            date: due.date_naive(),
            summary: format!(
                "{prefix}{}",
                fill(x.cal_due, &[("step", &st.title), ("checklist", &name)])
            ),
            description: fill(x.cal_due_body, &[("step", &st.title), ("phone", &phone)]),
        });
    }
    let base = session.finished.map(|f| f.date_naive()).or(latest_end);
    if let Some(base) = base {
        let snap = &session.checklist.snapshot;
        let date = base.checked_add_months(Months::new(1)).unwrap_or(base);
        for st in steps
            .iter()
            .filter(|st| st.phase == Phase::After && st.status == StepStatus::Pending)
        {
            let body = snap.step(&st.id).map_or("", |step| step.body.get(s.tag()));
            let mut description = body.trim_end().to_string();
            if !st.cite.is_empty() {
                description.push(' ');
                description.push_str(&markers(&st.cite));
                for row in sources
                    .iter()
                    .filter(|r| r.number.is_some_and(|n| st.cite.contains(&n)))
                {
                    description.push('\n');
                    description.push_str(&row.text().lines(s).join("\n"));
                }
            }
            out.push(Reminder {
                kind: ReminderKind::After,
                step: st.id.clone(),
                date,
                summary: format!(
                    "{prefix}{}",
                    fill(x.cal_after, &[("step", &st.title), ("checklist", &name)])
                ),
                description,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Record;
    use crate::export::testing::options;
    use crate::fixtures;
    use crate::i18n::Lang;

    fn reminders(session: &Session) -> Vec<(ReminderKind, String, String)> {
        Record::build(session, &options(Lang::En, false))
            .reminders
            .iter()
            .map(|m| (m.kind, m.step.clone(), m.date.to_string()))
            .collect()
    }

    #[test]
    fn while_waiting_the_due_date_and_each_after_step_a_month_later() {
        assert_eq!(
            reminders(&fixtures::unfinished()),
            vec![
                (
                    ReminderKind::WaitDue,
                    "wait-confirmation".into(),
                    "2026-11-08".into()
                ),
                (
                    ReminderKind::After,
                    "check-statement".into(),
                    "2026-12-08".into()
                ),
                (
                    ReminderKind::After,
                    "delete-esim".into(),
                    "2026-12-08".into()
                ),
            ]
        );
        let open = Record::build(&fixtures::unfinished(), &options(Lang::En, false));
        assert!(
            open.reminders
                .iter()
                .all(|m| m.summary.starts_with("INCOMPLETE"))
        );
    }

    #[test]
    fn only_what_is_still_open_gets_a_reminder() {
        // The confirmation came on 6 November and the eSIM profile is deleted: no
        // "confirmation due", and only the statement, a month after the confirmation.
        assert_eq!(
            reminders(&fixtures::confirmed()),
            vec![(
                ReminderKind::After,
                "check-statement".into(),
                "2026-12-06".into()
            )]
        );
        // A skipped after-step is settled too.
        let mut s = fixtures::confirmed();
        for r in s.steps.iter_mut().filter(|r| r.id == "check-statement") {
            r.status = StepStatus::Skipped;
        }
        assert_eq!(reminders(&s), vec![]);
    }

    #[test]
    fn a_completed_or_abandoned_session_has_nothing_open() {
        assert_eq!(reminders(&fixtures::completed()), vec![]);
        let mut s = fixtures::unfinished();
        s.status = SessionStatus::Abandoned;
        s.finished = Some(s.updated);
        assert_eq!(reminders(&s), vec![]);
    }

    /// Every wait has its own reminder: a refund's or a port's is not called "confirmation
    /// due" (issue 15 walk), and Chinese reads a Chinese colon.
    #[test]
    fn a_wait_reminder_names_its_own_step() {
        let mut s = fixtures::unfinished();
        let title = "拿回预付款项";
        for st in s
            .checklist
            .snapshot
            .steps
            .iter_mut()
            .filter(|st| st.id == "wait-confirmation")
        {
            st.title = crate::checklist::Text(vec![
                ("zh-CN".into(), title.into()),
                ("en".into(), "Get the balance back".into()),
            ]);
        }
        let r = Record::build(&s, &options(Lang::ZhCn, false));
        let due = r
            .reminders
            .iter()
            .find(|m| m.kind == ReminderKind::WaitDue)
            .expect("a wait reminder");
        assert!(
            due.summary.starts_with("未完成：到期：拿回预付款项（"),
            "{}",
            due.summary
        );
        assert!(
            due.description
                .starts_with("“拿回预付款项”的等待今天到期。"),
            "{}",
            due.description
        );
        assert!(!due.summary.contains("确认"), "{}", due.summary);
    }
}
