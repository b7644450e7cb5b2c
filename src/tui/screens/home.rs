//! The home screen's state (the selected deck row) and what its keys do.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::study::{DrillFilter, GradeAs};
use crate::tui::keys::{Action, Context, OwnAction, TargetAction};
use crate::tui::screen::{BrowserStart, Cx, Effect, Route, Screen};

/// The home screen. Kept by the app while other screens are open, so the selection stays.
#[derive(Debug, Default)]
pub struct HomeScreen {
    /// 0 is "all decks", then one row per deck.
    pub selected: usize,
    /// The next interview (a target with a date to come): its countdown and today's part of
    /// its plan.
    pub next: Option<crate::study::NextTarget>,
}

/// `o` on home: the first deck file that did not load, in `$EDITOR` at its first problem.
fn open_broken(cx: &Cx) -> Vec<Effect> {
    match cx
        .broken
        .iter()
        .find_map(|b| Some((b.path()?, b.first_line())))
    {
        Some((path, line)) => vec![Effect::Edit { path, line }],
        None => vec![],
    }
}

impl HomeScreen {
    /// The decks of the selected row (empty: all decks).
    fn selected_decks(&self, cx: &Cx) -> Vec<crate::core::ids::DeckId> {
        match self.selected.checked_sub(1) {
            Some(i) => cx
                .decks
                .get(i)
                .map(|d| vec![d.id.clone()])
                .unwrap_or_default(),
            None => vec![],
        }
    }

    /// The decks changed (reloaded after `$EDITOR`): keep the selection on a row that exists.
    pub fn decks_changed(&mut self, decks: usize) {
        self.selected = self.selected.min(decks);
    }
}

impl Screen for HomeScreen {
    fn context(&self) -> Context {
        Context::Home
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let rows = cx.decks.len() + 1;
        let route = match action {
            Some(Action::Up) => {
                self.selected = self.selected.saturating_sub(1);
                return vec![];
            }
            Some(Action::Down) => {
                self.selected = (self.selected + 1).min(rows - 1);
                return vec![];
            }
            Some(Action::Select) => Route::Drill(DrillFilter {
                decks: self.selected_decks(cx),
                ..DrillFilter::default()
            }),
            Some(a @ (Action::Practice | Action::PracticeReviews)) => Route::Drill(DrillFilter {
                decks: self.selected_decks(cx),
                ahead: Some(if a == Action::Practice {
                    GradeAs::Practice
                } else {
                    GradeAs::Review
                }),
                ..DrillFilter::default()
            }),
            Some(Action::DrillDue) => Route::Drill(DrillFilter::default()),
            Some(Action::Mock) => Route::MockSetup,
            Some(Action::Weak) => Route::weakest_drill(),
            Some(Action::Stats) => Route::Stats,
            Some(Action::Problems) => Route::Problems,
            Some(Action::OpenBroken) => return open_broken(cx),
            Some(Action::History) => Route::History(None),
            Some(Action::Own(OwnAction::Browse)) => Route::Browser(BrowserStart::List),
            Some(Action::Own(OwnAction::Search)) => Route::Browser(BrowserStart::Search),
            Some(Action::Own(OwnAction::Stories)) => Route::Stories,
            Some(Action::Target(TargetAction::Open)) => Route::Targets,
            Some(Action::Back) => return vec![Effect::Quit],
            _ => return vec![],
        };
        vec![Effect::Go(route)]
    }
}
