//! The event log in words: one sentence per event, in the record's language.

use std::collections::HashMap;

use super::record::human_time;
use crate::i18n::{Strings, fill};
use crate::labels;
use crate::session::{Event, EventKind, Session};

/// What `e` says, in the words of `s`, naming steps by `titles` (their id when unknown).
pub(super) fn event_text<'a>(
    e: &'a Event,
    session: &Session,
    titles: &HashMap<&str, &'a str>,
    s: &Strings,
) -> String {
    let x = &s.export;
    let title = |id: &'a str| -> &'a str { titles.get(id).copied().unwrap_or(id) };
    match &e.kind {
        EventKind::Started => x.ev_started.to_string(),
        EventKind::Resumed => x.ev_resumed.to_string(),
        EventKind::ChecklistChanged { hash } => fill(x.ev_checklist_changed, &[("hash", hash)]),
        EventKind::Answered { question, answer } => {
            let q = session.checklist.snapshot.question(question);
            let text = q.map_or(question.as_str(), |q| q.text.get(s.tag()));
            let label = labels::answer(q, answer, s);
            fill(x.ev_answered, &[("question", &text), ("answer", &label)])
        }
        EventKind::InputRecorded {
            step,
            input,
            cleared,
        } => {
            let label = session
                .checklist
                .snapshot
                .step(step)
                .and_then(|st| st.inputs.iter().find(|i| &i.id == input))
                .map_or(input.as_str(), |i| i.label.get(s.tag()));
            let template = if *cleared {
                x.ev_input_cleared
            } else {
                x.ev_input_recorded
            };
            fill(template, &[("step", &title(step)), ("input", &label)])
        }
        EventKind::StepDone { step } => fill(x.ev_step_done, &[("step", &title(step))]),
        EventKind::StepSkipped { step } => fill(x.ev_step_skipped, &[("step", &title(step))]),
        EventKind::NoteAdded { step } => fill(x.ev_note_added, &[("step", &title(step))]),
        EventKind::WentBack { from, to } => fill(
            x.ev_went_back,
            &[("from", &title(from)), ("to", &title(to))],
        ),
        EventKind::BackToQuestions { from } => {
            fill(x.ev_back_to_questions, &[("from", &title(from))])
        }
        EventKind::WaitStarted { step, due } => fill(
            x.ev_wait_started,
            &[("step", &title(step)), ("due", &human_time(due))],
        ),
        EventKind::ConfirmationReceived { step, on, outcome } => match outcome {
            Some(o) => fill(
                x.ev_confirmation_outcome,
                &[
                    ("step", &title(step)),
                    ("on", on),
                    ("outcome", &labels::wait_outcome(*o, s)),
                ],
            ),
            None => fill(
                x.ev_confirmation_received,
                &[("step", &title(step)), ("on", on)],
            ),
        },
        EventKind::Paused => x.ev_paused.to_string(),
        EventKind::Completed => x.ev_completed.to_string(),
        EventKind::Abandoned => x.ev_abandoned.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::export::Record;
    use crate::export::testing::options;
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn events_are_described_with_step_titles_in_the_record_language() {
        let r = Record::build(&fixtures::chinese(), &options(Lang::ZhCn, false));
        assert!(
            r.events.iter().any(|e| e.text == "已完成：登录账户"),
            "{:?}",
            r.events
        );
        assert!(r.events.iter().any(|e| e.text == "回答“是 eSIM 吗？”：是"));
    }
}
