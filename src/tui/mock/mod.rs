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

use super::app::{App, Screen};
use super::keymap::Action;
use crate::core::record::RecordBody;
use crate::core::session::{Debrief, MockSetup};

/// Where the mock interview is.
pub enum Stage {
    Setup(SetupForm),
    Running(Box<Running>),
    Debrief(Box<DebriefState>),
}

pub struct MockScreen {
    pub stage: Stage,
    /// Records storage could not make durable yet: written first, in order, at the next write.
    pub unsaved: Vec<RecordBody>,
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
                    Action::Interview(MockAction::Home) => self.go_home(now),
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
        self.flush_unsaved(now);
    }

    /// Writes the records still waiting; true when none is left.
    fn flush_unsaved(&mut self, now: DateTime<Utc>) -> bool {
        let Screen::Mock(ms) = &mut self.screen else {
            return true;
        };
        while let Some(first) = ms.unsaved.first() {
            match self.study.append(first.clone(), now) {
                Ok(_) => {
                    ms.unsaved.remove(0);
                }
                Err(e) => {
                    self.message = Some((
                        super::app::Level::Error,
                        format!("Not saved yet: {e}. It will be tried again at the next step."),
                    ));
                    return false;
                }
            }
        }
        true
    }

    fn open_debrief(&mut self, debrief: Debrief, setup: &MockSetup, id: String) {
        let Screen::Mock(ms) = &mut self.screen else {
            return;
        };
        ms.stage = Stage::Debrief(Box::new(DebriefState::new(debrief, setup, id)));
    }
}
