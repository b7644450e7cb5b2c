//! The app: which screen is current, and what keys do there.
//!
//! Holds UI state only. Progress lives behind [`Study`]; the drill's rules live in
//! [`crate::core::session::drill`]. Drawing is in [`super::view`] and never mutates anything.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::drill_screen::DrillScreen;
use super::keymap::{self, Action, Context};
use super::mock::MockScreen;
use super::stats_screen::StatsScreen;
use super::theme::Theme;
use super::view::layout::fits;
use crate::core::deck::Deck;
use crate::core::text::sanitize_line;
use crate::study::{DrillFilter, Overview, Study, WEAKEST_CATEGORIES};

/// Something the event loop must do outside the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Leave the terminal, run `$EDITOR +line path`, come back and reload the decks.
    Edit { path: PathBuf, line: usize },
}

/// How a status message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

pub enum Screen {
    Home,
    Drill(Box<DrillScreen>),
    Mock(Box<MockScreen>),
    Stats(Box<StatsScreen>),
}

pub struct App {
    pub(super) theme: Theme,
    pub(super) decks: Vec<Deck>,
    pub(super) study: Box<dyn Study>,
    pub(super) screen: Screen,
    /// The help overlay, for the screen it describes.
    pub(super) help: Option<Context>,
    pub(super) message: Option<(Level, String)>,
    pub(super) overview: Overview,
    /// Home: 0 is "all decks", then one row per deck.
    pub(super) selected: usize,
    /// The size of the last frame: scrolling is clamped to what fits.
    pub(super) size: (u16, u16),
    quit: bool,
    /// Ctrl-C was pressed while records were unsaved: a second Ctrl-C quits without them.
    quit_armed: bool,
}

impl App {
    pub fn new(decks: Vec<Deck>, study: Box<dyn Study>, theme: Theme, now: DateTime<Utc>) -> App {
        let overview = study.overview(&decks, now);
        App {
            theme,
            decks,
            study,
            screen: Screen::Home,
            help: None,
            message: None,
            overview,
            selected: 0,
            size: (80, 24),
            quit: false,
            quit_armed: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A status line shown until the next key. Sanitized here, once, for every sender: messages
    /// quote deck text, paths and storage errors, and the footer draws them as one line.
    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        self.message = Some((level, sanitize_line(&text.into())));
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    /// Whether a clock is on screen, so the loop should redraw on timer ticks.
    pub fn needs_ticks(&self) -> bool {
        let (w, h) = self.size;
        // A mock interview's deadlines fire on ticks, so its clock runs under help too.
        if let Screen::Mock(m) = &self.screen {
            return m.clock_running();
        }
        self.help.is_none()
            && fits(w, h)
            && matches!(&self.screen, Screen::Drill(d) if d.clock_running())
    }

    /// The screen the keymap is looked up in.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Drill(d) => d.context(),
            Screen::Mock(m) => Context::Mock(m.context()),
            Screen::Stats(_) => Context::Stats,
        }
    }

    /// Opens the drill on today's cards matching `filter`; stays home when none is due.
    pub fn start_drill(&mut self, filter: DrillFilter, now: DateTime<Utc>) {
        let keys = self.study.queue(&self.decks, &filter, now);
        if keys.is_empty() && filter.weakest.is_some() {
            self.notify(
                Level::Info,
                "No card to practise in the weakest categories (all suspended or buried).",
            );
            return;
        }
        if keys.is_empty() {
            let when = match self.overview.next_due {
                Some(t) => format!(
                    " The next card is due in {}.",
                    crate::study::interval_label(t - now)
                ),
                None => String::new(),
            };
            self.notify(Level::Info, format!("Nothing is due right now.{when}"));
            self.screen = Screen::Home;
            return;
        }
        let drill = DrillScreen::start(&self.decks, keys, now);
        self.screen = Screen::Drill(Box::new(drill));
    }

    /// Handles one key; returns what the loop must do outside the app.
    pub fn handle_key(&mut self, ev: KeyEvent, now: DateTime<Utc>) -> Option<Request> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
            self.request_quit(now);
            return None;
        }
        self.quit_armed = false;
        self.message = None;
        if !fits(self.size.0, self.size.1) {
            if matches!(ev.code, KeyCode::Char('q') | KeyCode::Esc) {
                self.request_quit(now);
            }
            return None;
        }
        let ctx = self.context();
        let action = keymap::action(ctx, &ev);
        if ctx == Context::Help {
            self.help = None;
            return None;
        }
        if action == Some(Action::Help) {
            self.help = Some(ctx);
            return None;
        }
        match &mut self.screen {
            Screen::Home => {
                if let Some(a) = action {
                    self.home_action(a, now);
                }
                None
            }
            Screen::Drill(_) => self.drill_key(ev, action, now),
            Screen::Mock(_) => {
                self.mock_key(ev, action, now);
                None
            }
            Screen::Stats(_) => {
                if let Some(a) = action {
                    self.stats_action(a, now);
                }
                None
            }
        }
    }

    /// Quits, unless a mock interview has records storage refused: they are tried again;
    /// when they still fail the user is asked, and only a second Ctrl-C quits without them.
    /// (Every review the user saw as recorded is already durable.)
    fn request_quit(&mut self, now: DateTime<Utc>) {
        let Err(e) = self.flush_unsaved(now) else {
            self.quit = true;
            return;
        };
        if self.quit_armed {
            self.quit = true;
            return;
        }
        let n = self.unsaved_count();
        self.quit_armed = true;
        self.notify(
            Level::Error,
            format!(
                "{n} record(s) of this interview are not saved: {e}. Press Ctrl-C again to quit \
                 without them, or any other key to stay."
            ),
        );
    }

    fn home_action(&mut self, action: Action, now: DateTime<Utc>) {
        let rows = self.decks.len() + 1;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(rows - 1),
            Action::Select => {
                let decks = match self.selected.checked_sub(1) {
                    Some(i) => self.decks.get(i).map(|d| vec![d.id.clone()]),
                    None => Some(vec![]),
                };
                let filter = DrillFilter {
                    decks: decks.unwrap_or_default(),
                    ..DrillFilter::default()
                };
                self.start_drill(filter, now);
            }
            Action::DrillDue => self.start_drill(DrillFilter::default(), now),
            Action::Mock => self.open_mock_setup(),
            Action::Weak => self.start_weakest_drill(now),
            Action::Stats => self.open_stats(now),
            Action::Back => self.quit = true,
            _ => {}
        }
    }

    /// Targeted practice: a drill of the weakest categories, due or not.
    pub(super) fn start_weakest_drill(&mut self, now: DateTime<Utc>) {
        let filter = DrillFilter {
            weakest: Some(WEAKEST_CATEGORIES),
            ..DrillFilter::default()
        };
        self.start_drill(filter, now);
    }

    /// Back to the home screen with fresh counts.
    pub(super) fn go_home(&mut self, now: DateTime<Utc>) {
        self.overview = self.study.overview(&self.decks, now);
        self.screen = Screen::Home;
    }

    /// The decks after `$EDITOR` closed: replaces them and refreshes what is shown.
    pub fn reload_decks(&mut self, decks: Vec<Deck>, problems: Vec<String>, now: DateTime<Utc>) {
        self.decks = decks;
        self.overview = self.study.overview(&self.decks, now);
        self.selected = self.selected.min(self.decks.len());
        match problems.first() {
            Some(p) => self.notify(
                Level::Error,
                format!("A deck has problems and was skipped: {p} (run `prepdeck decks check`)"),
            ),
            None => self.notify(Level::Info, "Decks reloaded."),
        }
    }
}
