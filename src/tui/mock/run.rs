//! The interview itself: choosing the questions, keys to session events, and the session's
//! effects carried out in order (records first).

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::keys::{MockAction, MockCtx};
use super::{MockScreen, Stage, new_editor};
use crate::core::session::{
    AnswerMode, Effect, Event, MockInterview, MockSetup, Phase, select_questions,
};
use crate::tui::app::{App, Level, Screen};
use crate::tui::keymap::Action;

pub struct Running {
    pub m: MockInterview,
    pub editor: TextArea<'static>,
    /// The follow-up question being asked.
    pub follow_up: Option<String>,
    /// "End the interview?" is on screen.
    pub confirm_quit: bool,
}

impl Running {
    pub fn context(&self) -> MockCtx {
        if self.confirm_quit {
            return MockCtx::ConfirmQuit;
        }
        if self.m.is_paused() {
            return MockCtx::Paused;
        }
        match (self.m.phase(), self.m.setup().mode) {
            (Phase::Prep, _) => MockCtx::Prep,
            (_, AnswerMode::Typed) => MockCtx::Typing,
            (_, AnswerMode::Spoken) => MockCtx::Spoken,
        }
    }

    pub fn typed(&self) -> bool {
        self.m.setup().mode == AnswerMode::Typed
    }

    fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// Where the interview is, to tell whether a tick moved it on.
    fn position(&self) -> (usize, Phase) {
        (self.m.index(), self.m.phase())
    }
}

impl App {
    /// Chooses the questions and starts the interview; remembers the setup.
    pub fn start_mock(&mut self, mut setup: MockSetup, now: DateTime<Utc>) {
        // Under 2^63: the seed may be written into TOML (signed 64-bit integers).
        let seed = setup.seed.unwrap_or_else(|| rand::random::<u64>() >> 1);
        setup.seed = Some(seed);
        let study = &self.study;
        let questions = select_questions(&self.decks, &setup, |k| study.weakness(k, now), seed);
        if questions.is_empty() {
            self.notify(
                Level::Error,
                "No cards to ask: no deck with cards is loaded.",
            );
            return;
        }
        let saved = self.study.save_mock_setup(&setup);
        let (m, fx) = MockInterview::new(setup, questions, now);
        let running = Running {
            m,
            editor: new_editor(),
            follow_up: None,
            confirm_quit: false,
        };
        let unsaved = match &self.screen {
            Screen::Mock(ms) => ms.unsaved.clone(),
            _ => Vec::new(),
        };
        self.screen = Screen::Mock(Box::new(MockScreen {
            stage: Stage::Running(Box::new(running)),
            unsaved,
            discard_armed: false,
        }));
        self.mock_effects(fx, now);
        if let Err(e) = saved {
            self.notify(Level::Error, format!("The setup was not remembered: {e}"));
        }
    }

    fn running(&mut self) -> Option<&mut Running> {
        match &mut self.screen {
            Screen::Mock(ms) => match &mut ms.stage {
                Stage::Running(r) => Some(r),
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn running_key(&mut self, ev: KeyEvent, action: Option<Action>, now: DateTime<Utc>) {
        // A deadline that passed fires first; if it moved the interview on, the key was meant
        // for the screen that is gone and is dropped (a letter typed as time ran out must not
        // skip the next question).
        let before = self.running().map(|r| r.position());
        self.tick(now);
        let Some(r) = self.running() else { return };
        if Some(r.position()) != before {
            return;
        }
        let ctx = r.context();
        let Some(Action::Interview(a)) = action else {
            if ctx == MockCtx::Typing {
                r.editor.input(ev);
            }
            return;
        };
        match a {
            MockAction::StartAnswer => self.mock_event(Event::StartAnswer, now),
            MockAction::Submit => {
                let text = r.text();
                self.mock_event(Event::Submit { text }, now);
            }
            MockAction::Done => self.mock_event(
                Event::Submit {
                    text: String::new(),
                },
                now,
            ),
            MockAction::Pause => self.mock_event(Event::Pause, now),
            MockAction::Resume => self.mock_event(Event::Resume, now),
            MockAction::Skip => self.mock_event(Event::Skip, now),
            MockAction::Quit => r.confirm_quit = true,
            MockAction::CancelQuit => r.confirm_quit = false,
            MockAction::ConfirmQuit => {
                r.confirm_quit = false;
                // Text typed so far is an answer: keep it.
                let answering = matches!(r.m.phase(), Phase::Answer | Phase::FollowUp);
                let text = r.text();
                if r.typed() && answering && !r.m.is_paused() && !text.trim().is_empty() {
                    self.mock_event(Event::Submit { text }, now);
                }
                self.mock_event(Event::Quit, now);
            }
            _ => {}
        }
    }

    /// Feeds one event to the interview and carries out its effects.
    pub(super) fn mock_event(&mut self, event: Event, now: DateTime<Utc>) {
        let Some(r) = self.running() else { return };
        let fx = r.m.handle(event, now);
        self.mock_effects(fx, now);
    }

    fn mock_effects(&mut self, effects: Vec<Effect>, now: DateTime<Utc>) {
        let mut todo: VecDeque<Effect> = effects.into();
        while let Some(effect) = todo.pop_front() {
            let Some(r) = self.running() else { return };
            match effect {
                Effect::Record(record) => self.mock_write(record.into(), now),
                Effect::ShowQuestion { .. } => {
                    r.editor = new_editor();
                    r.follow_up = None;
                }
                Effect::ShowFollowUp { text, .. } => {
                    r.editor = new_editor();
                    r.follow_up = Some(text);
                }
                Effect::TimeUp { .. } => {
                    // Strict timing: what is typed so far is the answer.
                    let text = r.text();
                    todo.extend(r.m.handle(Event::Submit { text }, now));
                    self.notify(Level::Info, "Time is up: your answer was submitted.");
                }
                Effect::Overtime { .. } => {
                    self.notify(Level::Info, "Time is up: you are in overtime now.");
                }
                Effect::Finished { .. } => {
                    let debrief = r.m.debrief();
                    let setup = r.m.setup().clone();
                    let id = r.m.id().to_string();
                    self.open_debrief(debrief, &setup, id);
                    self.overview = self.study.overview(&self.decks, now);
                }
                Effect::AnswerStarted { .. }
                | Effect::StartTimer { .. }
                | Effect::Paused
                | Effect::Resumed => {}
            }
        }
    }
}
