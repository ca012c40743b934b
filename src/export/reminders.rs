//! Reminder scheduling: which dates go into the calendar, and what each one says.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::record::{ChecklistInfo, SourceRow, StepRow};
use crate::checklist::{Phase, markers};
use crate::i18n::{Strings, fill};
use crate::session::{Session, StepStatus, Timestamp};
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

/// The reminders: each reached wait step on its due date, and each applicable `after`
/// step one month after the session finished — or, while it is unfinished, one month after
/// the latest wait is due (the earliest a statement could show a charge after the end).
pub(super) fn reminders(
    session: &Session,
    steps: &[StepRow],
    checklist: &ChecklistInfo,
    sources: &[SourceRow],
    complete: bool,
    s: &Strings,
) -> Vec<Reminder> {
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
        format!("{}: ", x.incomplete)
    };
    let mut out = Vec::new();
    let mut latest_due: Option<Timestamp> = None;
    for st in steps {
        let Some(due) = st.wait.as_ref().and_then(|w| w.due) else {
            continue;
        };
        latest_due = latest_due.max(Some(due));
        out.push(Reminder {
            kind: ReminderKind::WaitDue,
            step: st.id.clone(),
            date: due.date_naive(),
            summary: format!(
                "{prefix}{}",
                fill(x.cal_due, &[("step", &st.title), ("checklist", &name)])
            ),
            description: fill(x.cal_due_body, &[("phone", &phone)]),
        });
    }
    let base = session.finished.or(latest_due);
    if let Some(base) = base {
        let snap = &session.checklist.snapshot;
        let date = base
            .date_naive()
            .checked_add_months(Months::new(1))
            .unwrap_or(base.date_naive());
        for st in steps
            .iter()
            .filter(|st| st.phase == Phase::After && st.status != StepStatus::NotApplicable)
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

    #[test]
    fn reminders_cover_the_due_date_and_each_after_step_a_month_after_finishing() {
        let r = Record::build(&fixtures::completed(), &options(Lang::En, false));
        let got: Vec<(ReminderKind, &str, String)> = r
            .reminders
            .iter()
            .map(|m| (m.kind, m.step.as_str(), m.date.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    ReminderKind::WaitDue,
                    "wait-confirmation",
                    "2026-11-08".into()
                ),
                (ReminderKind::After, "check-statement", "2027-01-05".into()),
                (ReminderKind::After, "delete-esim", "2027-01-05".into()),
            ]
        );
        let open = Record::build(&fixtures::unfinished(), &options(Lang::En, false));
        assert_eq!(open.reminders[1].date.to_string(), "2026-12-08");
        assert!(
            open.reminders
                .iter()
                .all(|m| m.summary.starts_with("INCOMPLETE"))
        );
    }
}
