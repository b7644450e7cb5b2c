//! The app: which screen is current (routing), one modal layer (help, confirmations) and the
//! one interpreter of the screens' effects. It is the only code of the terminal app that calls
//! the study layer; screens get a read-only [`Cx`] and answer in [`Effect`]s.
//!
//! Drawing is in the screens (through [`super::view`]) and never changes anything.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::keys::{Context, MockCtx};
use super::screen::{Cx, Route, Screen, Ticking};
use super::screens::browser::BrowserScreen;
use super::screens::debrief::DebriefState;
use super::screens::drill::DrillScreen;
use super::screens::history::HistoryScreen;
use super::screens::home::HomeScreen;
use super::screens::mock_run::RunScreen;
use super::screens::mock_setup::SetupForm;
use super::screens::problems::ProblemsScreen;
use super::screens::stats::StatsScreen;
use super::screens::stories::StoriesScreen;
use super::screens::targets::TargetsScreen;
use super::theme::Theme;
use super::view::layout::fits;
use crate::core::deck::{Deck, DeckProblem};
use crate::core::text::sanitize_line;
use crate::study::{Overview, Pending, Study};

pub use super::screen::Level;
pub use decks::WholeDecks;

mod decks;
mod open;
mod own;
mod targets;
mod typing;
mod unsaved;

/// Something the event loop must do outside the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Leave the terminal, run `$EDITOR +line path`, come back and reload the decks.
    Edit { path: PathBuf, line: usize },
    /// Leave the terminal, run `$EDITOR` on the draft file `path` (a note or an answer that
    /// read `original`), come back and hand what was saved to the screen
    /// ([`App::draft_edited`]).
    EditDraft {
        path: PathBuf,
        which: crate::study::OwnText,
        original: String,
    },
}

/// The screen on view. Home's state lives in [`App::home`] so its selection survives.
pub enum Current {
    Home,
    Drill(Box<DrillScreen>),
    MockSetup(Box<SetupForm>),
    MockRun(Box<RunScreen>),
    Debrief(Box<DebriefState>),
    Stats(Box<StatsScreen>),
    Problems(Box<ProblemsScreen>),
    History(Box<HistoryScreen>),
    Browser(Box<BrowserScreen>),
    Stories(Box<StoriesScreen>),
    Targets(Box<TargetsScreen>),
}

/// The modal layer: at most one at a time, over the current screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modal {
    /// The keys of the screen underneath (`Context`).
    Help(Context),
    /// "End the interview?" (the interview's clock is stopped underneath).
    EndInterview,
    /// Ctrl-C was pressed while records were unsaved: a second Ctrl-C quits without them;
    /// any other key closes this and acts as usual.
    QuitUnsaved,
    /// "Discard the unsaved records?" was asked: the discard key again discards them; any
    /// other key closes this and acts as usual.
    DiscardUnsaved,
}

pub struct App {
    pub theme: Theme,
    pub decks: Vec<Deck>,
    pub study: Box<dyn Study>,
    pub current: Current,
    pub home: HomeScreen,
    pub modal: Option<Modal>,
    pub message: Option<(Level, String)>,
    pub overview: Overview,
    /// The deck files that did not load, as of the last (re)load.
    pub broken: Vec<DeckProblem>,
    /// The file `$EDITOR` last opened: after it closes, whether that file loads is said.
    last_edit: Option<PathBuf>,
    /// When the next study day begins: home's counts are recomputed then.
    next_day: DateTime<Utc>,
    /// The size of the last frame: scrolling is clamped to what fits.
    pub size: (u16, u16),
    /// Records of a mock interview storage has not made durable yet (queued, retried).
    pending: Pending,
    quit: bool,
    /// The next interview is still to be read for home ([`App::run_deferred`]).
    next_pending: bool,
    /// When the app started with bare decks ([`App::new_bare`]): their cards, and what loads
    /// the whole decks.
    whole: Option<decks::Completion>,
}

/// The read-only context of a screen, from the app's fields (so the screen itself can be
/// borrowed mutably at the same time).
macro_rules! cx {
    ($app:expr, $context:expr) => {
        Cx {
            decks: &$app.decks,
            overview: &$app.overview,
            broken: &$app.broken,
            theme: $app.theme,
            size: $app.size,
            message: $app.message.as_ref(),
            context: $context,
        }
    };
}

// After `cx!`, which it uses.
mod effects;
mod input;
mod mock;
use mock::ungraded_nudge;

impl Current {
    fn screen(&self) -> Option<&dyn Screen> {
        Some(match self {
            Current::Home => return None,
            Current::Drill(s) => &**s,
            Current::MockSetup(s) => &**s,
            Current::MockRun(s) => &**s,
            Current::Debrief(s) => &**s,
            Current::Stats(s) => &**s,
            Current::Problems(s) => &**s,
            Current::History(s) => &**s,
            Current::Browser(s) => &**s,
            Current::Stories(s) => &**s,
            Current::Targets(s) => &**s,
        })
    }

    fn screen_mut(&mut self) -> Option<&mut dyn Screen> {
        Some(match self {
            Current::Home => return None,
            Current::Drill(s) => &mut **s,
            Current::MockSetup(s) => &mut **s,
            Current::MockRun(s) => &mut **s,
            Current::Debrief(s) => &mut **s,
            Current::Stats(s) => &mut **s,
            Current::Problems(s) => &mut **s,
            Current::History(s) => &mut **s,
            Current::Browser(s) => &mut **s,
            Current::Stories(s) => &mut **s,
            Current::Targets(s) => &mut **s,
        })
    }
}

impl App {
    pub fn new(decks: Vec<Deck>, study: Box<dyn Study>, theme: Theme, now: DateTime<Utc>) -> App {
        let overview = study.overview(&decks, now);
        App::with_overview(decks, study, theme, now, overview)
    }

    /// An app on `decks` whose home shows `overview` (the study's for them at `now`).
    fn with_overview(
        decks: Vec<Deck>,
        study: Box<dyn Study>,
        theme: Theme,
        now: DateTime<Utc>,
        overview: Overview,
    ) -> App {
        let next_day = study.next_day_start(now);
        let message = ungraded_nudge(&*study);
        let mut app = App {
            theme,
            decks,
            study,
            current: Current::Home,
            home: HomeScreen::default(),
            modal: None,
            message,
            overview,
            broken: Vec::new(),
            last_edit: None,
            next_day,
            size: (80, 24),
            pending: Pending::default(),
            quit: false,
            next_pending: false,
            whole: None,
        };
        // The next interview is read after the first frame (`run_deferred`): reading a job
        // description against the bank costs more than the whole first frame may.
        app.next_pending = true;
        app
    }

    /// Work put off until the first frame is on screen (the next interview's countdown and
    /// plan on home); true when there was some, so the loop draws again.
    pub fn run_deferred(&mut self, now: DateTime<Utc>) -> bool {
        self.complete_decks(now);
        if !std::mem::take(&mut self.next_pending) {
            return false;
        }
        // What the next start's first frame needs, when it changed.
        self.study.keep_home(&self.decks, now);
        self.refresh_next_target(now);
        true
    }

    fn screen(&self) -> &dyn Screen {
        self.current.screen().unwrap_or(&self.home)
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

    /// Whether the loop should wake on timer ticks (a clock on screen, or a deadline).
    pub fn needs_ticks(&self) -> bool {
        let (w, h) = self.size;
        match self.screen().ticking() {
            Ticking::No => false,
            Ticking::Deadline => true,
            Ticking::Clock => {
                !matches!(self.modal, Some(Modal::Help(_) | Modal::EndInterview)) && fits(w, h)
            }
        }
    }

    /// Where keys are looked up: the modal's context when one is open, else the screen's.
    pub fn context(&self) -> Context {
        match self.modal {
            Some(Modal::Help(_)) => Context::Help,
            Some(Modal::EndInterview) => Context::Mock(MockCtx::ConfirmQuit),
            _ => self.screen().context(),
        }
    }

    /// What the screen is drawn with: its own keys, or the confirmation asked over it (the
    /// help overlay is drawn on top separately).
    pub fn cx(&self) -> Cx<'_> {
        let context = match self.modal {
            Some(Modal::EndInterview) => Context::Mock(MockCtx::ConfirmQuit),
            _ => self.screen().context(),
        };
        cx!(self, context)
    }

    /// Opens `route`. Leaving a mock interview's screens first saves its queued records;
    /// while they cannot be saved the user stays, told how to retry or discard them.
    fn go(&mut self, route: Route, now: DateTime<Utc>) {
        if !self.pending.is_empty()
            && matches!(
                route,
                Route::Home | Route::Stats | Route::Drill(_) | Route::History(_)
            )
            && !self.flush_before_leaving(now)
        {
            return;
        }
        match route {
            Route::Home => {
                self.overview = self.study.overview(&self.decks, now);
                self.refresh_next_target(now);
                self.show(Current::Home);
            }
            Route::Drill(filter) => self.start_drill(filter, now),
            Route::MockSetup => self.open_mock_setup(now),
            Route::Mock(setup) => self.start_mock(setup, now),
            Route::Debrief(debrief, setup, id) => {
                let mut d = DebriefState::new(*debrief, &setup, id);
                self.fill_debrief(&mut d);
                self.show(Current::Debrief(Box::new(d)));
            }
            Route::Stats => self.open_stats(now),
            Route::Problems => {
                if self.broken.is_empty() {
                    self.notify(Level::Info, "Every deck loads: no problems to show.");
                } else {
                    self.show(Current::Problems(Box::default()));
                }
            }
            Route::History(select) => self.open_history(select.as_ref()),
            Route::PastDebrief(debrief, setup) => {
                let mut d = DebriefState::past(*debrief, &setup);
                self.fill_debrief(&mut d);
                self.show(Current::Debrief(Box::new(d)));
            }
            Route::Browser(start) => self.open_browser(start, now),
            Route::DrillCards(keys) => self.start_drill_cards(keys, now),
            Route::Stories => self.open_stories(),
            Route::StoryDrill => self.start_story_drill(now),
            Route::Targets => self.open_targets(now),
            Route::TargetDrill { name, weakest } => self.start_target_drill(&name, weakest, now),
            Route::TargetMock { name, setup } => self.start_target_mock(&name, setup, now),
        }
    }

    fn show(&mut self, current: Current) {
        self.current = current;
        if self.modal == Some(Modal::EndInterview) {
            self.modal = None;
        }
    }

    /// Draws the current screen and the modal layer into `buf`.
    pub fn draw(
        &self,
        now: DateTime<Utc>,
        area: ratatui::layout::Rect,
        buf: &mut ratatui::buffer::Buffer,
    ) {
        if !fits(area.width, area.height) {
            super::view::layout::too_small(area, buf, self.theme);
            return;
        }
        let cx = self.cx();
        self.screen().render(&cx, now, area, buf);
        if let Some(Modal::Help(ctx)) = self.modal {
            super::view::help::render(&cx, ctx, area, buf);
        }
    }
}
