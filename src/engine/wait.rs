//! The answer to a wait, asked when the person says it came: the day (in the ways people
//! write one, not before the wait began nor after today) and what it said.

use chrono::NaiveDate;

use super::{Ask, Engine, Flow, screens};
use crate::i18n::fill;
use crate::labels;
use crate::session::WaitOutcome;

impl Engine<'_> {
    /// Asks the day the answer came: `YYYY-MM-DD`, today by default, not in the future,
    /// and not before the wait began (the request was sent by then).
    pub(super) fn received_day(&mut self, idx: usize) -> Flow<NaiveDate> {
        let g = &self.strings.guide;
        let today = self.now().date_naive();
        let began = self.session.steps[idx]
            .wait
            .as_ref()
            .map(|w| w.began.date_naive());
        let default = today.format("%Y-%m-%d").to_string();
        let check = |raw: &str| match screens::parse_day(raw) {
            None => Err(fill(g.bad_date, &[("value", &raw.trim())])),
            Some(d) if d > today => Err(fill(g.future_date, &[("date", &d)])),
            Some(d) if began.is_some_and(|b| d < b) => Err(fill(
                g.before_wait,
                &[("date", &d), ("began", &began.unwrap_or(d))],
            )),
            Some(_) => Ok(()),
        };
        let raw = self.input(&Ask {
            prompt: g.received_prompt,
            hint: None,
            default: Some(&default),
            check: &check,
        })?;
        let day = screens::parse_day(&raw).unwrap_or(today);
        // `2026年12月3日` is recorded as 2026-12-03: the screen says so.
        let shown = day.format("%Y-%m-%d").to_string();
        if !raw.trim().is_empty() && raw.trim() != shown {
            self.show(&fill(g.input_saved_as, &[("value", &shown)]))?;
        }
        Ok(day)
    }

    /// Asks what the answer said; `None` when the person pressed Esc to go back.
    pub(super) fn outcome(&mut self) -> Flow<Option<WaitOutcome>> {
        let items: Vec<String> = WaitOutcome::ALL
            .iter()
            .map(|o| labels::wait_outcome(*o, self.strings).to_string())
            .collect();
        let chosen = self.select_or_cancel(self.strings.guide.outcome_prompt, &items, 0)?;
        Ok(chosen.and_then(|i| WaitOutcome::ALL.get(i).copied()))
    }
}
