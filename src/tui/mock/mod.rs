//! The full-screen mock interview: setup, the interview itself, the debrief and the summary.
//!
//! The rules live in [`crate::core::session::MockInterview`] and [`Debrief`]; this module
//! holds UI state (the form, the editor, the selected question) and turns keys into session
//! events. Every record the session emits goes through [`crate::study::Study`] before
//! anything else happens, so a crash keeps every finished answer.

mod debrief;
pub mod keys;
mod run;
pub mod setup;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

pub use debrief::DebriefState;
use keys::{MockAction, MockCtx};
pub use run::Running;
use setup::SetupForm;

use super::app::{App, Level, Screen};
use super::keymap::{self, Action};
use crate::core::record::RecordBody;
use crate::core::session::{Debrief, MockSetup};
use crate::study::StudyError;

/// Where the mock interview is.
pub enum Stage {
    Setup(SetupForm),
    Running(Box<Running>),
    Debrief(Box<DebriefState>),
}

pub struct MockScreen {
    pub stage: Stage,
    /// Records storage could not make durable yet: written first, in order, at the next write.
    /// The screen is not left while any is here, unless the user discards them (asked twice).
    pub unsaved: Vec<RecordBody>,
    /// "Discard the unsaved records?" was asked: the discard key again discards them.
    pub discard_armed: bool,
}

impl MockScreen {
    pub fn context(&self) -> MockCtx {
        match &self.stage {
            Stage::Setup(_) => MockCtx::Setup,
            Stage::Running(r) => r.context(),
            Stage::Debrief(d) if d.summary => MockCtx::Summary,
            Stage::Debrief(_) => MockCtx::Debrief,
        }
    }

    /// A clock is on screen and running.
    pub fn clock_running(&self) -> bool {
        matches!(&self.stage, Stage::Running(r) if !r.m.is_paused())
    }
}

pub(crate) fn new_editor() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text("Type your answer here. Ctrl-D (or F2) submits it.");
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t
}

impl App {
    /// Opens the setup screen, prefilled from the remembered setup.
    pub fn open_mock_setup(&mut self) {
        let form = SetupForm::new(self.study.mock_setup(), &self.decks);
        self.screen = Screen::Mock(Box::new(MockScreen {
            stage: Stage::Setup(form),
            unsaved: Vec::new(),
            discard_armed: false,
        }));
    }

    /// Redraw-tick: lets a due deadline fire (prep ends, strict time runs out).
    pub fn tick(&mut self, now: DateTime<Utc>) {
        if matches!(&self.screen, Screen::Mock(m) if m.clock_running()) {
            self.mock_event(crate::core::session::Event::Tick, now);
        }
    }

    pub(super) fn mock_key(&mut self, ev: KeyEvent, action: Option<Action>, now: DateTime<Utc>) {
        let Screen::Mock(ms) = &mut self.screen else {
            return;
        };
        if action == Some(Action::Interview(MockAction::Discard)) {
            self.discard_unsaved(now);
            return;
        }
        ms.discard_armed = false;
        match &mut ms.stage {
            Stage::Setup(form) => {
                let Some(action) = action else { return };
                match action {
                    Action::Up => form.up(),
                    Action::Down => form.down(&self.decks),
                    Action::Interview(MockAction::Less) => form.change(&self.decks, false),
                    Action::Interview(MockAction::More) => form.change(&self.decks, true),
                    Action::Interview(MockAction::Toggle) => form.toggle(&self.decks),
                    Action::Interview(MockAction::Start) => {
                        let setup = form.setup.clone();
                        self.start_mock(setup, now);
                    }
                    Action::Interview(MockAction::Home) => self.leave_mock(now),
                    _ => {}
                }
            }
            Stage::Running(_) => self.running_key(ev, action, now),
            Stage::Debrief(_) => self.debrief_key(action, now),
        }
    }

    /// Writes `body` durably (after any earlier record that failed); says so when it cannot.
    fn mock_write(&mut self, body: RecordBody, now: DateTime<Utc>) {
        let Screen::Mock(ms) = &mut self.screen else {
            return;
        };
        ms.unsaved.push(body);
        if let Err(e) = self.flush_unsaved(now) {
            self.notify(
                Level::Error,
                format!("Not saved yet: {e}. It will be tried again at the next step."),
            );
        }
    }

    /// Writes the records still waiting, in order; stops at the first that fails.
    pub(crate) fn flush_unsaved(&mut self, now: DateTime<Utc>) -> Result<(), StudyError> {
        let Screen::Mock(ms) = &mut self.screen else {
            return Ok(());
        };
        while let Some(first) = ms.unsaved.first() {
            self.study.append(first.clone(), now)?;
            ms.unsaved.remove(0);
            ms.discard_armed = false;
        }
        Ok(())
    }

    /// How many records of a mock interview storage has not made durable.
    pub fn unsaved_count(&self) -> usize {
        match &self.screen {
            Screen::Mock(ms) => ms.unsaved.len(),
            _ => 0,
        }
    }

    /// Tries the unsaved records once more; true when none is left. When some still fail,
    /// says so, with the keys to try again or to discard them.
    fn flush_before_leaving(&mut self, now: DateTime<Utc>, retry_key: &str) -> bool {
        let Err(e) = self.flush_unsaved(now) else {
            return true;
        };
        let n = self.unsaved_count();
        let discard = keymap::key_for(self.context(), Action::Interview(MockAction::Discard))
            .map(|k| format!(", or {k} to discard them"))
            .unwrap_or_default();
        self.notify(
            Level::Error,
            format!(
                "{n} record(s) of this interview are not saved: {e}. Free the disk and press \
                 {retry_key} to try again{discard}."
            ),
        );
        false
    }

    /// Back to the home screen, once every record is saved.
    pub(super) fn leave_mock(&mut self, now: DateTime<Utc>) {
        let key = keymap::key_for(self.context(), Action::Interview(MockAction::Home))
            .unwrap_or_else(|| "Enter".into());
        if self.flush_before_leaving(now, &key) {
            self.go_home(now);
        }
    }

    /// The discard key: the first press asks, the second throws the unsaved records away
    /// and goes home. Without unsaved records it does nothing.
    fn discard_unsaved(&mut self, now: DateTime<Utc>) {
        let Screen::Mock(ms) = &mut self.screen else {
            return;
        };
        let n = ms.unsaved.len();
        if n == 0 {
            return;
        }
        if ms.discard_armed {
            ms.unsaved.clear();
            ms.discard_armed = false;
            self.go_home(now);
            self.notify(
                Level::Error,
                format!("{n} unsaved record(s) of the interview were discarded."),
            );
        } else {
            ms.discard_armed = true;
            self.notify(
                Level::Error,
                format!(
                    "Discard {n} unsaved record(s) for good? Press D again to discard them; \
                     any other key keeps them."
                ),
            );
        }
    }

    fn open_debrief(&mut self, debrief: Debrief, setup: &MockSetup, id: String) {
        let Screen::Mock(ms) = &mut self.screen else {
            return;
        };
        ms.stage = Stage::Debrief(Box::new(DebriefState::new(debrief, setup, id)));
    }
}
