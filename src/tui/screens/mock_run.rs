//! The interview itself: the answer editor, the follow-up on screen, and keys turned into
//! interview events. The interview's rules live in [`crate::core::session::MockInterview`];
//! its records are written by [`MockDriver`] in the study layer, which the app runs for this
//! screen ([`Effect::Interview`]).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::paste::paste_into;
use crate::core::session::{AnswerMode, Effect as Session, Event, MockInterview, Phase};
use crate::study::{MockDriver, MockUpdate};
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context, MockAction, MockCtx};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen, Ticking};

pub struct RunScreen {
    pub driver: MockDriver,
    pub editor: TextArea<'static>,
    /// The follow-up question being asked.
    pub follow_up: Option<String>,
    /// Where the interview was when the last tick began: a key that arrives after a tick moved
    /// the interview on was meant for the screen that is gone.
    before_tick: Option<(usize, Phase)>,
    /// The stories that fit the question being read: (its position, the stories), shown in
    /// the reading time (see `mock_run_own.rs`).
    pub story_hints: Option<(usize, Vec<crate::study::StoryHint>)>,
    /// The clock was paused for the "End the interview?" question (not by the candidate):
    /// a "no" resumes it.
    pub paused_to_ask: bool,
}

pub(crate) fn new_editor() -> TextArea<'static> {
    let mut t = TextArea::default();
    let submit = key_for(
        Context::Mock(MockCtx::Typing),
        Action::Interview(MockAction::Submit),
    )
    .unwrap_or_default();
    t.set_placeholder_text(format!("Type your answer here. {submit} submits it."));
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t
}

impl RunScreen {
    pub fn new(driver: MockDriver) -> RunScreen {
        RunScreen {
            driver,
            editor: new_editor(),
            follow_up: None,
            before_tick: None,
            story_hints: None,
            paused_to_ask: false,
        }
    }

    pub fn interview(&self) -> &MockInterview {
        self.driver.interview()
    }

    pub fn typed(&self) -> bool {
        self.interview().setup().mode == AnswerMode::Typed
    }

    fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// Where the interview is, to tell whether a tick moved it on.
    fn position(&self) -> (usize, Phase) {
        (self.interview().index(), self.interview().phase())
    }

    /// Whether the tick the app ran just before this key moved the interview on (a letter
    /// typed as time ran out must not skip the next question).
    fn moved_on(&mut self) -> bool {
        self.before_tick
            .take()
            .is_some_and(|before| before != self.position())
    }

    /// What the driver did, shown.
    fn updates(&mut self, updates: Vec<MockUpdate>) -> Vec<Effect> {
        let mut fx = Vec::new();
        for update in updates {
            let effect = match update {
                MockUpdate::NotSaved(e) => {
                    fx.push(Effect::Notify(
                        Level::Error,
                        format!("Not saved yet: {e}. It will be tried again at the next step."),
                    ));
                    continue;
                }
                MockUpdate::Session(effect) => effect,
            };
            match effect {
                Session::ShowQuestion { .. } => {
                    self.editor = new_editor();
                    self.follow_up = None;
                }
                Session::ShowFollowUp { text, .. } => {
                    self.editor = new_editor();
                    self.follow_up = Some(text);
                }
                Session::TimeUp { .. } => {
                    // Strict timing: what is typed so far is the answer.
                    let text = self.text();
                    fx.push(Effect::Notify(
                        Level::Info,
                        "Time is up: your answer was submitted.".into(),
                    ));
                    fx.push(Effect::Interview(Event::Submit { text }));
                }
                Session::Overtime { .. } => fx.push(Effect::Notify(
                    Level::Info,
                    "Time is up: you are in overtime now.".into(),
                )),
                Session::Finished { .. } => {
                    let m = self.interview();
                    fx.push(Effect::Go(Route::Debrief(
                        Box::new(m.debrief()),
                        m.setup().clone(),
                        m.id().clone(),
                    )));
                    fx.push(Effect::RefreshOverview);
                    break;
                }
                Session::AnswerStarted { .. } | Session::StartTimer { .. } | Session::Record(_) => {
                }
            }
        }
        fx
    }
}

impl Screen for RunScreen {
    fn context(&self) -> Context {
        let m = self.interview();
        if m.is_paused() {
            return Context::Mock(MockCtx::Paused);
        }
        Context::Mock(match (m.phase(), m.setup().mode) {
            (Phase::Prep, _) => MockCtx::Prep,
            (_, AnswerMode::Typed) => MockCtx::Typing,
            (_, AnswerMode::Spoken) => MockCtx::Spoken,
        })
    }

    /// The interview's deadlines fire on ticks, so its clock runs under help too.
    fn ticking(&self) -> Ticking {
        if self.interview().is_paused() {
            Ticking::No
        } else {
            Ticking::Deadline
        }
    }

    fn on_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        _cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        if self.moved_on() {
            return vec![];
        }
        let Some(Action::Interview(a)) = action else {
            if self.context() == Context::Mock(MockCtx::Typing) {
                self.editor.input(key);
            }
            return vec![];
        };
        let event = match a {
            MockAction::StartAnswer => Event::StartAnswer,
            MockAction::Submit => Event::Submit { text: self.text() },
            MockAction::Done => Event::Submit {
                text: String::new(),
            },
            MockAction::Pause => Event::Pause,
            MockAction::Resume => {
                self.paused_to_ask = false;
                Event::Resume
            }
            MockAction::Skip => Event::Skip,
            MockAction::Quit => {
                // The clock stops while the candidate decides.
                let mut fx = Vec::new();
                if !self.interview().is_paused() {
                    self.paused_to_ask = true;
                    fx.push(Effect::Interview(Event::Pause));
                }
                fx.push(Effect::ConfirmEnd);
                return fx;
            }
            _ => return vec![],
        };
        vec![Effect::Interview(event)]
    }

    fn takes_typing(&self) -> bool {
        self.context() == Context::Mock(MockCtx::Typing)
    }

    fn on_paste(&mut self, text: &str, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        if self.moved_on() {
            return vec![];
        }
        if self.context() == Context::Mock(MockCtx::Typing) {
            return paste_into(&mut self.editor, text);
        }
        vec![]
    }

    fn on_tick(&mut self, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        self.before_tick = Some(self.position());
        vec![Effect::Interview(Event::Tick)]
    }

    /// "End the interview?" answered yes: text typed so far is an answer, kept, and the
    /// interview ended early, on its last question too (the core ends the pause, made to ask
    /// or by the candidate, at that instant).
    fn on_confirm(&mut self, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        if self.moved_on() {
            return vec![];
        }
        self.paused_to_ask = false;
        let answering = matches!(self.interview().phase(), Phase::Answer | Phase::FollowUp);
        let text = self.text();
        if self.typed() && answering && !text.trim().is_empty() {
            vec![Effect::Interview(Event::EndEarly { text })]
        } else {
            vec![Effect::Interview(Event::Quit)]
        }
    }

    /// "End the interview?" answered no: the clock runs again, unless the candidate had paused
    /// it before asking.
    fn on_cancel(&mut self, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        if std::mem::take(&mut self.paused_to_ask) {
            vec![Effect::Interview(Event::Resume)]
        } else {
            vec![]
        }
    }

    fn on_reply(&mut self, reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        match reply {
            Reply::Mock(updates) => {
                let mut fx = self.updates(updates);
                fx.extend(self.ask_story_hints());
                fx
            }
            other => {
                self.story_hints_reply(other);
                vec![]
            }
        }
    }
}
