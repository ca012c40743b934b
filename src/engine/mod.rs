//! The engine behind `guide` and `resume`: walks a session through its checklist
//! snapshot, one prompt at a time.
//!
//! It never touches the terminal, the environment or the disk itself: the command hands it
//! the session, a [`Prompter`] (plain or terminal), a [`Saver`], a clock and the
//! [`Strings`] to speak with. Every change to the session appends an event, and the engine
//! saves whenever the log grew before it shows the next prompt, so whatever stops the
//! process (end of input, Ctrl-C, a kill) the last answer is on disk.
//!
//! - `prompter.rs`: the [`Prompter`] trait; `plain.rs` and `term.rs`: its two front ends,
//!   `menu.rs` the terminal's list prompt;
//! - `values.rs`: what a typed value means (kept, cleared, a phone number) and its checks;
//! - `screens.rs`: the text of the step screen, the wait status and the resume summary;
//! - `wait.rs`: the answer to a wait: the day it came and what it said;
//! - `raw.rs`: the terminal held in raw mode for the whole of a prompt.

pub mod menu;
pub mod plain;
pub mod prompter;
pub mod raw;
pub mod screens;
pub mod term;
pub mod values;
mod wait;

use std::io;

use crate::checklist::{Input, Question, QuestionKind};
use crate::i18n::{self, Strings, fill};
use crate::session::{self, EventKind, Mismatch, Session, StepStatus, Timestamp};
use crate::visible;
pub use plain::PlainPrompter;
pub use prompter::{Ask, Escape, Prompter, Reply, Stop};
pub use term::DialoguerPrompter;
use values::{Rules, Typed};

/// Writes the session durably; called before every prompt that follows a change.
pub trait Saver {
    /// Saves `session`.
    fn save(&mut self, session: &Session) -> Result<(), session::Error>;
}

impl<F: FnMut(&Session) -> Result<(), session::Error>> Saver for F {
    fn save(&mut self, session: &Session) -> Result<(), session::Error> {
        self(session)
    }
}

/// Why a walk could not go on. The session on disk is the last one saved.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The session does not agree with its own checklist copy (a hand-edited file).
    #[error("{session}: {mismatch}")]
    Mismatch {
        /// The session id.
        session: String,
        /// What differs.
        mismatch: Mismatch,
    },
    /// Saving failed.
    #[error(transparent)]
    Save(#[from] session::Error),
    /// Reading or writing the terminal failed.
    #[error("cannot talk to the terminal")]
    Terminal(#[source] io::Error),
}

/// How a walk ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every applicable step is done or skipped.
    Completed,
    /// The person chose pause, or pressed Esc at a menu of the walk.
    Paused,
    /// The person abandoned the session.
    Abandoned,
    /// Standard input ended; the state was saved before the prompt.
    EndOfInput,
    /// Ctrl-C in a prompt; the state was saved before the prompt.
    Interrupted,
}

/// Why the walk stopped early: a prompt gave no answer, or a save failed.
enum Halt {
    Stop(Stop),
    Save(session::Error),
}

impl From<Stop> for Halt {
    fn from(s: Stop) -> Halt {
        Halt::Stop(s)
    }
}

type Flow<T> = std::result::Result<T, Halt>;

/// The actions of the step menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Done,
    Received,
    Skip,
    Note,
    Back,
    Pause,
    Abandon,
}

/// What the step menu leads to.
enum Next {
    /// Walk on (to whatever step is current now).
    Walk,
    /// The walk is over.
    End(Outcome),
}

/// One walk through a session.
pub struct Engine<'a> {
    session: &'a mut Session,
    prompter: &'a mut dyn Prompter,
    saver: &'a mut dyn Saver,
    clock: &'a dyn Fn() -> Timestamp,
    strings: &'a Strings,
    /// Length of the event log at the last save (or as read from disk); `None` until the
    /// first save of a new session.
    saved_at: Option<usize>,
}

impl<'a> Engine<'a> {
    /// An engine over `session`, talking through `prompter` with the words of `strings`,
    /// saving with `saver`, reading the time from `clock`.
    pub fn new(
        session: &'a mut Session,
        prompter: &'a mut dyn Prompter,
        saver: &'a mut dyn Saver,
        clock: &'a dyn Fn() -> Timestamp,
        strings: &'a Strings,
    ) -> Self {
        Engine {
            session,
            prompter,
            saver,
            clock,
            strings,
            saved_at: None,
        }
    }

    /// For a session read from its file, which holds its first `on_disk` events. The events
    /// added since that only record the resume itself (`resumed`, `checklist-changed`) are
    /// saved with the next change rather than before the first prompt: a resume that ends
    /// before anything happens (end of input, Ctrl-C) leaves the file as it was, and costs
    /// no write.
    pub fn resuming(mut self, on_disk: usize) -> Self {
        self.saved_at = Some(on_disk);
        self
    }

    /// Walks until the session is completed, paused or abandoned, or input stops.
    pub fn run(mut self) -> Result<Outcome, Error> {
        // The walk indexes the snapshot by step record; refuse a session where they differ.
        self.session.check().map_err(|mismatch| Error::Mismatch {
            session: self.session.id.clone(),
            mismatch,
        })?;
        match self.step_loop() {
            Ok(outcome) => {
                self.save()?;
                Ok(outcome)
            }
            // Esc at a menu of the walk is the pause action.
            Err(Halt::Stop(Stop::Escape)) => {
                let now = self.now();
                self.session.pause(now);
                self.save()?;
                Ok(Outcome::Paused)
            }
            Err(Halt::Stop(Stop::EndOfInput)) => Ok(Outcome::EndOfInput),
            Err(Halt::Stop(Stop::Interrupted)) => Ok(Outcome::Interrupted),
            Err(Halt::Stop(Stop::Io(e))) => Err(Error::Terminal(e)),
            Err(Halt::Save(e)) => Err(Error::Save(e)),
        }
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Saves if the log grew since the last save by more than the record of a resume.
    fn save(&mut self) -> Result<(), session::Error> {
        let events = &self.session.events;
        let changed = match self.saved_at {
            None => true,
            Some(at) => events.get(at..).unwrap_or_default().iter().any(|e| {
                !matches!(
                    e.kind,
                    EventKind::Resumed | EventKind::ChecklistChanged { .. }
                )
            }),
        };
        if changed {
            self.saver.save(self.session)?;
            self.saved_at = Some(events.len());
        }
        Ok(())
    }

    /// Called before every prompt.
    fn checkpoint(&mut self) -> Flow<()> {
        self.save().map_err(Halt::Save)
    }

    fn show(&mut self, text: &str) -> Flow<()> {
        Ok(self.prompter.show(text)?)
    }

    fn warn(&mut self, text: &str) -> Flow<()> {
        Ok(self.prompter.warn(text)?)
    }

    /// A menu of the walk: Esc pauses.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Flow<usize> {
        self.checkpoint()?;
        Ok(self
            .prompter
            .select(prompt, items, default, Escape::Pause)?)
    }

    /// A menu inside an action: Esc cancels the action (`None`).
    fn select_or_cancel(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Flow<Option<usize>> {
        self.checkpoint()?;
        match self.prompter.select(prompt, items, default, Escape::Cancel) {
            Ok(i) => Ok(Some(i)),
            Err(Stop::Escape) => Ok(None),
            Err(stop) => Err(stop.into()),
        }
    }

    /// A line of text without control characters: every typed value (an input, a note, a
    /// skip reason, a date) comes through here, and one that holds such a character is
    /// refused with an explanation before `ask.check` sees it, and asked again.
    fn input(&mut self, ask: &Ask) -> Flow<String> {
        self.checkpoint()?;
        // A value from a hand-edited file is offered as it is shown, so taking it as it is
        // keeps no control character either.
        let default = ask.default.map(visible::line);
        let refusal = self.strings.guide.typed_control;
        let check = |value: &str| {
            if visible::has_hidden(value) {
                Err(fill(refusal, &[("value", &visible::line(value))]))
            } else {
                (ask.check)(value)
            }
        };
        Ok(self.prompter.input(&Ask {
            prompt: ask.prompt,
            hint: ask.hint,
            default: default.as_deref(),
            check: &check,
        })?)
    }

    /// A line of free text (a reason, a note): anything visible is accepted.
    fn text(&mut self, prompt: &str) -> Flow<String> {
        self.input(&Ask {
            prompt,
            hint: None,
            default: None,
            check: &|_| Ok(()),
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Flow<bool> {
        self.checkpoint()?;
        Ok(self.prompter.confirm(prompt, default)?)
    }

    /// The start questions, then each current step in turn until the walk ends.
    fn step_loop(&mut self) -> Flow<Outcome> {
        self.start_questions(false)?;
        loop {
            let Some(idx) = self.session.current() else {
                let now = self.now();
                self.session.complete(now);
                return Ok(Outcome::Completed);
            };
            self.step_questions(idx, false)?;
            if self.session.steps[idx].status != StepStatus::Pending {
                // An answer just given made the step not apply.
                continue;
            }
            let now = self.now();
            self.session.begin_wait(idx, now);
            let width = self.prompter.width();
            let screen = screens::step_screen(self.session, idx, self.strings, now, width);
            // A blank line sets each step apart from the previous prompt.
            self.show(&format!("\n{screen}"))?;
            self.inputs(idx)?;
            match self.actions(idx)? {
                Next::Walk => {}
                Next::End(outcome) => return Ok(outcome),
            }
        }
    }

    /// Asks the start questions (those without `at`): the unanswered ones, or all of them
    /// when `again` (going back to change an answer).
    fn start_questions(&mut self, again: bool) -> Flow<()> {
        let qs: Vec<Question> = self
            .session
            .checklist
            .snapshot
            .questions
            .iter()
            .filter(|q| q.at.is_none() && (again || !self.session.answers.contains_key(&q.id)))
            .cloned()
            .collect();
        if qs.is_empty() {
            return Ok(());
        }
        let intro = self.strings.guide.questions_intro;
        self.show(intro)?;
        for q in &qs {
            self.ask(q)?;
        }
        Ok(())
    }

    /// Asks the questions of step `idx`: those with `at` on it and any its conditions need.
    /// Unanswered ones only, or all of them when `again`.
    fn step_questions(&mut self, idx: usize, again: bool) -> Flow<()> {
        let snapshot = &self.session.checklist.snapshot;
        let Some(step) = snapshot.steps.get(idx) else {
            return Ok(());
        };
        let qs: Vec<Question> = snapshot
            .questions
            .iter()
            .filter(|q| {
                q.at.as_deref() == Some(step.id.as_str())
                    || step.when.iter().any(|c| c.question == q.id)
            })
            .filter(|q| again || !self.session.answers.contains_key(&q.id))
            .cloned()
            .collect();
        for q in &qs {
            self.ask(q)?;
        }
        Ok(())
    }

    /// Asks one question, the current answer preselected, and records the answer.
    fn ask(&mut self, q: &Question) -> Flow<()> {
        let common = &self.strings.common;
        let answers = q.answers();
        let items: Vec<String> = match &q.kind {
            QuestionKind::YesNo => vec![common.yes.to_string(), common.no.to_string()],
            QuestionKind::Choice(choices) => choices
                .iter()
                .map(|c| c.label.get(self.strings.tag()).to_string())
                .collect(),
        };
        let default = self
            .session
            .answers
            .get(&q.id)
            .and_then(|a| answers.iter().position(|x| x == a))
            .unwrap_or(0);
        if let Some(help) = &q.help {
            let help = help.get(self.strings.tag()).to_string();
            self.show(&help)?;
        }
        let prompt = q.text.get(self.strings.tag()).to_string();
        let i = self.select(&prompt, &items, default)?;
        if let Some(a) = answers.get(i).cloned() {
            let now = self.now();
            self.session.answer(&q.id, a, now);
        }
        Ok(())
    }

    /// Asks the inputs of step `idx`, each until its value is acceptable. Enter keeps the
    /// value shown; `-` (or spaces typed over it) clears it, and the prompt says so.
    fn inputs(&mut self, idx: usize) -> Flow<()> {
        let inputs: Vec<Input> = self.session.checklist.snapshot.steps[idx].inputs.clone();
        let g = &self.strings.guide;
        for input in &inputs {
            let label = input.label.get(self.strings.tag()).to_string();
            let prompt = if input.required {
                format!("{label} {}", g.input_required_mark)
            } else {
                label.clone()
            };
            if let Some(h) = &input.help {
                let help = h.get(self.strings.tag()).to_string();
                self.show(&help)?;
            }
            loop {
                let current = self.session.steps[idx].inputs.get(&input.id).cloned();
                let rules = Rules::new(input, current.is_some(), self.strings);
                let hint = (current.is_some() && !input.required).then_some(g.input_clear_hint);
                let raw = self.input(&Ask {
                    prompt: &prompt,
                    hint,
                    default: current.as_deref(),
                    check: &|raw| rules.check(raw),
                })?;
                let now = self.now();
                match rules.read(&raw) {
                    Typed::Keep => {}
                    Typed::Clear => {
                        if current.is_some() {
                            self.session.clear_input(idx, &input.id, now);
                            self.show(&fill(g.input_cleared, &[("label", &label)]))?;
                        }
                    }
                    Typed::Value(value) => {
                        // A name in Chinese characters does not fit a French letter: say so
                        // while it can still be typed again.
                        if input.id == values::HOLDER_NAME
                            && i18n::has_chinese(&value)
                            && !self.confirm(g.chinese_name_confirm, false)?
                        {
                            continue;
                        }
                        if value != raw.trim() {
                            self.show(&fill(g.input_saved_as, &[("value", &value)]))?;
                        }
                        self.session.set_input(idx, &input.id, value, now);
                    }
                }
                break;
            }
        }
        Ok(())
    }

    /// The step menu, until the person leaves the step.
    fn actions(&mut self, idx: usize) -> Flow<Next> {
        let g = &self.strings.guide;
        let is_wait = self.session.checklist.snapshot.steps[idx].wait.is_some();
        let has_start_questions = self
            .session
            .checklist
            .snapshot
            .questions
            .iter()
            .any(|q| q.at.is_none());
        let can_go_back = self.session.previous_applicable(idx).is_some() || has_start_questions;
        let mut menu = vec![if is_wait {
            Action::Received
        } else {
            Action::Done
        }];
        menu.push(Action::Skip);
        menu.push(Action::Note);
        if can_go_back {
            menu.push(Action::Back);
        }
        menu.push(Action::Pause);
        menu.push(Action::Abandon);
        let items: Vec<String> = menu
            .iter()
            .map(|a| {
                match a {
                    Action::Done => g.action_done,
                    Action::Received => g.action_received,
                    Action::Skip => g.action_skip,
                    Action::Note => g.action_note,
                    Action::Back => g.action_back,
                    Action::Pause => g.action_pause,
                    Action::Abandon => g.action_abandon,
                }
                .to_string()
            })
            .collect();
        // At a wait step the usual way out is to pause until the confirmation comes.
        let default = if is_wait {
            menu.iter().position(|a| *a == Action::Pause).unwrap_or(0)
        } else {
            0
        };
        loop {
            let choice = self.select(g.choose_action, &items, default)?;
            match menu.get(choice).copied().unwrap_or(Action::Pause) {
                Action::Done => {
                    let now = self.now();
                    self.session.mark_done(idx, now);
                    return Ok(Next::Walk);
                }
                Action::Received => {
                    let on = self.received_day(idx)?;
                    let Some(outcome) = self.outcome()? else {
                        continue;
                    };
                    let now = self.now();
                    self.session
                        .confirmation_received(idx, on, Some(outcome), now);
                    return Ok(Next::Walk);
                }
                Action::Skip => {
                    let reason = loop {
                        let r = self.text(g.skip_reason)?;
                        if !r.trim().is_empty() {
                            break r.trim().to_string();
                        }
                        self.warn(g.skip_reason_empty)?;
                    };
                    let now = self.now();
                    self.session.skip(idx, reason, now);
                    return Ok(Next::Walk);
                }
                Action::Note => {
                    let text = self.text(g.note_prompt)?;
                    if text.trim().is_empty() {
                        self.warn(g.note_empty)?;
                    } else {
                        let now = self.now();
                        self.session.add_note(idx, text.trim().to_string(), now);
                        // "Saved" is said only once it is true.
                        self.checkpoint()?;
                        let n = self.session.steps[idx].notes.len();
                        self.show(&fill(g.note_saved, &[("n", &n)]))?;
                    }
                }
                Action::Back => {
                    let now = self.now();
                    match self.session.previous_applicable(idx) {
                        Some(prev) => {
                            self.session.go_back(idx, prev, now);
                            self.step_questions(prev, true)?;
                        }
                        None => {
                            self.session.back_to_questions(idx, now);
                            self.start_questions(true)?;
                        }
                    }
                    return Ok(Next::Walk);
                }
                Action::Pause => {
                    let now = self.now();
                    self.session.pause(now);
                    return Ok(Next::End(Outcome::Paused));
                }
                Action::Abandon => {
                    if self.confirm(g.abandon_confirm, false)? {
                        let now = self.now();
                        self.session.abandon(now);
                        return Ok(Next::End(Outcome::Abandoned));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
