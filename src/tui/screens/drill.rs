//! The drill screen's UI state (draft editor, scroll, the key point Space ticks, the interval
//! preview) and how its keys become session events.
//!
//! The session's rules live in [`crate::core::session::drill`]; its writes are carried out by
//! [`DrillDriver`] in the study layer, which the app runs for this screen ([`Effect::Drill`]).

use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::core::deck::{Deck, DeckSource, find_card};
use crate::core::ids::CardKey;
use crate::core::session::drill::{Event, Phase};
use crate::study::{Beside, DrillDriver, DrillUpdate, OwnText, Shown};
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context, OwnAction};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen, Ticking};
use crate::tui::screens::point_cursor::PointCursor;

pub struct DrillScreen {
    pub driver: DrillDriver,
    pub editor: TextArea<'static>,
    pub editing: bool,
    /// First line of the revealed answer area on screen.
    pub scroll: u16,
    /// The key point Space toggles.
    pub point: PointCursor,
    /// Intervals per grade for the current card, asked when it is revealed.
    pub preview: Option<[Duration; 4]>,
    /// How many actions the session had taken when last shown: one more means a new action
    /// to confirm on the status line.
    confirmed: usize,
    /// The deck file `o` last opened, by deck id: if the edit broke it, `o` opens it again at
    /// its first problem (the card is in no loaded deck then).
    edited: Option<(crate::core::ids::DeckId, std::path::PathBuf)>,
    /// The candidate's answer, note, earlier attempts and fitting stories beside the model
    /// answer, asked when the card is revealed.
    pub beside: Option<Box<Beside>>,
    /// The decks of a drill on cards the app does not list (the story bank's).
    pub own_decks: Option<Vec<Deck>>,
}

fn new_editor() -> TextArea<'static> {
    let mut t = TextArea::default();
    let key = |a| key_for(Context::Draft, a).unwrap_or_default();
    t.set_placeholder_text(format!(
        "Type your answer; {} closes, {} reveals",
        key(Action::CloseDraft),
        key(Action::Reveal)
    ));
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t
}

impl DrillScreen {
    pub fn new(driver: DrillDriver) -> DrillScreen {
        DrillScreen {
            driver,
            editor: new_editor(),
            editing: false,
            scroll: 0,
            point: PointCursor::default(),
            preview: None,
            confirmed: 0,
            edited: None,
            beside: None,
            own_decks: None,
        }
    }

    /// A drill whose cards are in `decks` rather than the app's (the stories).
    pub fn with_decks(mut self, decks: Vec<Deck>) -> DrillScreen {
        self.own_decks = Some(decks);
        self
    }

    /// The decks the drill's cards are in.
    pub fn decks<'a>(&'a self, cx: &'a Cx) -> &'a [Deck] {
        self.own_decks.as_deref().unwrap_or(cx.decks)
    }

    /// What to ask for beside the model answer of the card just revealed.
    fn ask_beside(&self) -> Option<Effect> {
        let key = self.current_key()?.clone();
        let shown = if self.session().draft().trim().is_empty() {
            Shown::Nothing
        } else {
            Shown::Newest
        };
        Some(Effect::Beside(key, shown))
    }

    /// Keeps the draft just revealed (else the best earlier attempt) as the card's answer.
    fn promote(&self) -> Vec<Effect> {
        let (Some(key), Some(b)) = (self.current_key(), &self.beside) else {
            return vec![];
        };
        match b.promotable() {
            Some(a) => vec![Effect::SaveText {
                key: key.clone(),
                which: OwnText::Answer,
                text: a.text.clone(),
                from: Some(a.id.clone()),
            }],
            None => vec![Effect::Notify(
                Level::Info,
                "No typed answer to keep: type a draft (e) before revealing.".into(),
            )],
        }
    }

    pub fn session(&self) -> &crate::core::session::drill::Drill {
        self.driver.session()
    }

    /// The think-time clock is visible and running.
    pub fn clock_running(&self) -> bool {
        self.session().phase() == Phase::Question
    }

    pub fn current_key(&self) -> Option<&CardKey> {
        self.session().current_card().map(|c| &c.key)
    }

    /// When the session ended (for a summary that does not tick).
    pub fn session_end(&self) -> DateTime<Utc> {
        self.session()
            .ended()
            .unwrap_or_else(|| self.session().started())
    }

    fn reset_card(&mut self) {
        self.editor = new_editor();
        self.editing = false;
        self.scroll = 0;
        self.point.reset();
        self.preview = None;
        self.beside = None;
    }

    /// Reveals the answer with the draft typed so far, and asks for the interval preview.
    fn reveal(&mut self) -> Vec<Effect> {
        let draft = self.editor.lines().join("\n");
        self.editing = false;
        // The draft is kept as an attempt at the reveal: "previous" is the one before it.
        let shown = if draft.trim().is_empty() {
            Shown::Nothing
        } else {
            Shown::Newest
        };
        let mut fx = vec![Effect::Drill(Event::Reveal { draft })];
        if let Some(key) = self.current_key().cloned() {
            fx.push(Effect::Preview(key.clone()));
            fx.push(Effect::Beside(key, shown));
        }
        fx
    }

    fn scroll_answer(&mut self, action: Action, cx: &Cx) {
        let (content, visible) = self.revealed_height(cx);
        let max = content.saturating_sub(visible);
        let page = visible.saturating_sub(1).max(1);
        let s = self.scroll;
        self.scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(page),
            _ => s.saturating_add(page),
        }
        .min(max);
    }

    fn edit_card(&mut self, cx: &Cx) -> Vec<Effect> {
        let Some(key) = self.current_key().cloned() else {
            return vec![];
        };
        let Some((deck, card)) = find_card(self.decks(cx), &key) else {
            // The deck file this card came from, when the last edit broke it.
            let broken = self.edited.as_ref().and_then(|(id, path)| {
                let b = cx.broken.iter().find(|b| b.path().as_ref() == Some(path))?;
                (*id == key.deck).then(|| (path.clone(), b.first_line()))
            });
            return match broken {
                Some((path, line)) => vec![Effect::Edit { path, line }],
                None if !cx.broken.is_empty() => vec![Effect::Notify(
                    Level::Error,
                    "This card's deck did not load: home names the file and its problem (D                      shows them all)."
                        .into(),
                )],
                None => vec![Effect::Notify(
                    Level::Error,
                    "This card is no longer in its deck.".into(),
                )],
            };
        };
        let (id, line) = (deck.id.clone(), card.line);
        match deck.source.clone() {
            DeckSource::File(path) => {
                self.edited = Some((id, path.clone()));
                vec![Effect::Edit { path, line }]
            }
            DeckSource::Builtin(_) => vec![Effect::Notify(
                Level::Info,
                "Built-in decks are read-only. To change this card, copy the deck into your \
                 decks folder with a new id and edit the copy."
                    .into(),
            )],
        }
    }

    /// What the driver did, shown.
    fn updates(&mut self, updates: Vec<DrillUpdate>) -> Vec<Effect> {
        let mut fx = Vec::new();
        for update in updates {
            match update {
                DrillUpdate::Recorded(_) => {}
                DrillUpdate::NotRecorded { error, .. } => fx.push(Effect::Notify(
                    Level::Error,
                    format!("Not recorded: {error}. Your answer is still here; try again."),
                )),
                DrillUpdate::Show(_) => {
                    self.reset_card();
                    if self.session().phase() == Phase::Revealed {
                        // Undo brought a card back revealed.
                        fx.extend(self.current_key().cloned().map(Effect::Preview));
                        fx.extend(self.ask_beside());
                    }
                }
                DrillUpdate::Finished => {
                    self.editing = false;
                    fx.push(Effect::RefreshOverview);
                }
                DrillUpdate::Notice(text) => {
                    // After an undo: also what `u` would take back next.
                    let next = self
                        .session()
                        .last_action()
                        .filter(|_| text.starts_with("Undone"))
                        .map(|a| format!(" Next u: undo {}.", a.outcome.undo_label()))
                        .unwrap_or_default();
                    fx.push(Effect::Notify(Level::Info, format!("{text}{next}")));
                }
            }
        }
        // A new action (grade, skip, bury, suspend): say what it did and what `u` undoes.
        let actions = self.session().position().0 - 1;
        if actions > self.confirmed
            && let Some(last) = self.session().last_action()
        {
            fx.push(Effect::Notify(Level::Info, last.confirmation()));
        }
        self.confirmed = actions;
        fx
    }
}

impl Screen for DrillScreen {
    fn context(&self) -> Context {
        match self.session().phase() {
            Phase::Question if self.editing => Context::Draft,
            Phase::Question => Context::Question,
            Phase::Revealed | Phase::Saving => Context::Revealed,
            Phase::Finished => Context::Summary,
        }
    }

    fn ticking(&self) -> Ticking {
        if self.clock_running() {
            Ticking::Clock
        } else {
            Ticking::No
        }
    }

    fn on_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        if self.editing {
            match action {
                Some(Action::CloseDraft) => self.editing = false,
                Some(Action::Reveal) => return self.reveal(),
                _ => {
                    self.editor.input(key);
                }
            }
            return vec![];
        }
        let Some(action) = action else {
            return vec![];
        };
        let event = match action {
            Action::Back if self.context() == Context::Summary => {
                return vec![Effect::Go(Route::Home)];
            }
            Action::Back => Event::Finish,
            Action::Reveal => return self.reveal(),
            Action::Draft => {
                self.editing = true;
                return vec![];
            }
            Action::Grade(g) => Event::Grade(g),
            Action::Undo => Event::Undo,
            Action::Skip => Event::Skip,
            Action::Suspend => Event::Suspend,
            Action::Bury => return vec![Effect::NextDay],
            Action::TogglePoint => match self.point.target(self.session().checklist().len()) {
                Some(p) => Event::Toggle(p),
                None => return vec![],
            },
            Action::NextPoint => {
                self.point.next(self.session().checklist().len());
                return vec![];
            }
            Action::PrevPoint => {
                self.point.prev(self.session().checklist().len());
                return vec![];
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.scroll_answer(action, cx);
                return vec![];
            }
            Action::EditCard => return self.edit_card(cx),
            Action::Own(OwnAction::Promote) => return self.promote(),
            _ => return vec![],
        };
        vec![Effect::Drill(event)]
    }

    fn takes_typing(&self) -> bool {
        self.editing
    }

    fn on_paste(&mut self, text: &str, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        if self.editing {
            return super::paste::paste_into(&mut self.editor, text);
        }
        vec![]
    }

    fn on_reply(&mut self, reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        match reply {
            Reply::Drill(updates) => self.updates(updates),
            Reply::Preview(p) => {
                self.preview = p;
                vec![]
            }
            Reply::NextDay(until) => vec![Effect::Drill(Event::Bury { until })],
            Reply::Beside(key, b) => {
                if self.current_key() == Some(&key) {
                    self.beside = Some(b);
                }
                vec![]
            }
            Reply::SavedText(_, Ok(_)) => {
                let mut fx = vec![Effect::Notify(
                    Level::Info,
                    "Kept as your answer: it shows beside the model answer from now on.".into(),
                )];
                fx.extend(self.ask_beside());
                fx
            }
            Reply::SavedText(_, Err(e)) => vec![Effect::Notify(
                Level::Error,
                format!("Your answer was not saved: {e}"),
            )],
            _ => vec![],
        }
    }
}
