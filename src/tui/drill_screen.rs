//! The drill screen's UI state and how its keys drive the drill session.
//!
//! The session ([`Drill`]) decides; this module turns keys into session events, hands the
//! session's writes to [`crate::study::Study`] and only then lets the session move on.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::app::{App, Level, Request, Screen};
use super::keymap::{Action, Context};
use super::view::drill::revealed_height;
use crate::core::deck::find_card;
use crate::core::deck::{Deck, DeckSource};
use crate::core::ids::CardKey;
use crate::core::session::drill::{Drill, Effect, Event, Phase, SessionCard};

pub struct DrillScreen {
    pub session: Drill,
    pub editor: TextArea<'static>,
    pub editing: bool,
    /// First line of the revealed answer area on screen.
    pub scroll: u16,
    /// The key point Space toggles.
    pub point: usize,
    /// Intervals per grade for the current card, asked when it is revealed.
    pub preview: Option<[Duration; 4]>,
}

fn new_editor() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text("Type your answer; Esc closes, Ctrl-S reveals");
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t
}

impl DrillScreen {
    pub fn start(decks: &[Deck], keys: Vec<CardKey>, now: DateTime<Utc>) -> DrillScreen {
        let cards = keys
            .into_iter()
            .map(|key| SessionCard {
                key_points: find_card(decks, &key)
                    .map(|(_, c)| c.key_points.clone())
                    .unwrap_or_default(),
                key,
            })
            .collect();
        // The first effect is always `Show(0)` or `Finished`: nothing to do for either.
        let (session, _) = Drill::start(cards, now);
        DrillScreen {
            session,
            editor: new_editor(),
            editing: false,
            scroll: 0,
            point: 0,
            preview: None,
        }
    }

    pub fn context(&self) -> Context {
        match self.session.phase() {
            Phase::Question if self.editing => Context::Draft,
            Phase::Question => Context::Question,
            Phase::Revealed | Phase::Saving => Context::Revealed,
            Phase::Finished => Context::Summary,
        }
    }

    /// The think-time clock is visible and running.
    pub fn clock_running(&self) -> bool {
        self.session.phase() == Phase::Question
    }

    pub fn current_key(&self) -> Option<&CardKey> {
        self.session.current_card().map(|c| &c.key)
    }

    fn draft_text(&self) -> String {
        self.editor.lines().join("\n")
    }

    fn reset_card(&mut self) {
        self.editor = new_editor();
        self.editing = false;
        self.scroll = 0;
        self.point = 0;
        self.preview = None;
    }
}

impl App {
    pub(super) fn drill_key(
        &mut self,
        ev: KeyEvent,
        action: Option<Action>,
        now: DateTime<Utc>,
    ) -> Option<Request> {
        let Screen::Drill(d) = &mut self.screen else {
            return None;
        };
        if d.editing {
            match action {
                Some(Action::CloseDraft) => d.editing = false,
                Some(Action::Reveal) => self.drill_event(
                    Event::Reveal {
                        draft: String::new(),
                    },
                    now,
                ),
                _ => {
                    d.editor.input(ev);
                }
            }
            return None;
        }
        let action = action?;
        let ctx = d.context();
        match action {
            Action::Back if ctx == Context::Summary => self.go_home(now),
            Action::Back => self.drill_event(Event::Finish, now),
            Action::Reveal => self.drill_event(
                Event::Reveal {
                    draft: String::new(),
                },
                now,
            ),
            Action::Draft => d.editing = true,
            Action::Grade(g) => self.drill_event(Event::Grade(g), now),
            Action::Undo => self.drill_event(Event::Undo, now),
            Action::Skip => self.drill_event(Event::Skip, now),
            Action::Suspend => self.drill_event(Event::Suspend, now),
            Action::Bury => {
                let until = self.study.next_day_start(now);
                self.drill_event(Event::Bury { until }, now);
            }
            Action::TogglePoint => {
                let p = d.point;
                self.drill_event(Event::Toggle(p), now);
            }
            Action::NextPoint | Action::PrevPoint => {
                let n = d.session.checklist().len().max(1);
                d.point = if action == Action::NextPoint {
                    (d.point + 1) % n
                } else {
                    (d.point + n - 1) % n
                };
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.scroll_answer(action);
            }
            Action::EditCard => return self.edit_card(),
            _ => {}
        }
        None
    }

    fn scroll_answer(&mut self, action: Action) {
        let (w, h) = self.size;
        let (content, visible) = revealed_height(self, w, h);
        let Screen::Drill(d) = &mut self.screen else {
            return;
        };
        let max = content.saturating_sub(visible);
        let page = visible.saturating_sub(1).max(1);
        let s = d.scroll;
        d.scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(page),
            _ => s.saturating_add(page),
        }
        .min(max);
    }

    fn edit_card(&mut self) -> Option<Request> {
        let Screen::Drill(d) = &self.screen else {
            return None;
        };
        let key = d.current_key()?.clone();
        let Some((deck, card)) = find_card(&self.decks, &key) else {
            self.notify(Level::Error, "This card is no longer in its deck.");
            return None;
        };
        match &deck.source {
            DeckSource::File(path) => Some(Request::Edit {
                path: path.clone(),
                line: card.line,
            }),
            DeckSource::Builtin(_) => {
                self.notify(
                    Level::Info,
                    "Built-in decks are read-only. To change this card, copy the deck into your \
                     decks folder with a new id and edit the copy.",
                );
                None
            }
        }
    }

    /// Feeds one event to the session and carries out its effects, storage first.
    pub(super) fn drill_event(&mut self, event: Event, now: DateTime<Utc>) {
        let Screen::Drill(d) = &mut self.screen else {
            return;
        };
        if let Event::Reveal { .. } = event {
            let draft = d.draft_text();
            d.editing = false;
            let fx = d.session.handle(Event::Reveal { draft }, now);
            d.preview = d.current_key().and_then(|k| self.study.preview(k, now));
            return self.drill_effects(fx, now);
        }
        let fx = d.session.handle(event, now);
        self.drill_effects(fx, now);
    }

    fn drill_effects(&mut self, effects: Vec<Effect>, now: DateTime<Utc>) {
        let mut todo: VecDeque<Effect> = effects.into();
        while let Some(effect) = todo.pop_front() {
            let Screen::Drill(d) = &mut self.screen else {
                return;
            };
            match effect {
                Effect::Write(body) => match self.study.append(body, now) {
                    Ok(record) => todo.extend(d.session.handle(Event::Stored(record), now)),
                    Err(e) => {
                        todo.extend(d.session.handle(Event::StoreFailed, now));
                        self.notify(
                            Level::Error,
                            format!("Not recorded: {e}. Your answer is still here; try again."),
                        );
                    }
                },
                Effect::Show(_) => {
                    d.reset_card();
                    if d.session.phase() == Phase::Revealed {
                        // Undo brought a card back revealed.
                        d.preview = d.current_key().and_then(|k| self.study.preview(k, now));
                    }
                }
                Effect::Finished => {
                    d.editing = false;
                    self.overview = self.study.overview(&self.decks, now);
                }
                Effect::Notice(text) => self.notify(Level::Info, text),
            }
        }
    }
}

impl DrillScreen {
    /// When the session ended (for a summary that does not tick).
    pub fn session_end(&self) -> DateTime<Utc> {
        self.session
            .ended()
            .unwrap_or_else(|| self.session.started())
    }
}
