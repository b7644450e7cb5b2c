//! The statistics screen's state (figures, section, scroll) and what its keys do.
//!
//! The figures are computed once, by the app through the study layer, when the screen opens;
//! drawing only reads them.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::core::stats::Stats;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Effect, Route, Screen};

/// The sections of the statistics screen, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Totals, streak, time and a bar per category's readiness.
    Overview,
    /// The table of every category, weakest first.
    Categories,
    /// The review calendar and the due forecast.
    Activity,
    /// Mock interview scores over time.
    Mocks,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Overview, Tab::Categories, Tab::Activity, Tab::Mocks];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Categories => "Categories",
            Tab::Activity => "Activity",
            Tab::Mocks => "Mocks",
        }
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn step(self, by: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        let i = (self.index() as isize + by).rem_euclid(n);
        Tab::ALL[i as usize]
    }
}

pub struct StatsScreen {
    pub stats: Stats,
    pub tab: Tab,
    /// First line of the section's scrolling part on screen.
    pub scroll: u16,
}

impl StatsScreen {
    pub fn new(stats: Stats) -> StatsScreen {
        StatsScreen {
            stats,
            tab: Tab::Overview,
            scroll: 0,
        }
    }
}

impl Screen for StatsScreen {
    fn context(&self) -> Context {
        Context::Stats
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let Some(action) = action else {
            return vec![];
        };
        // How far the section scrolls and a page, as drawn at the current size.
        let (room, page) = self.scroll_room(cx.theme, cx.size);
        match action {
            Action::NextTab | Action::PrevTab => {
                self.tab = self
                    .tab
                    .step(if action == Action::NextTab { 1 } else { -1 });
                self.scroll = 0;
            }
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = (self.scroll + 1).min(room),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = self.scroll.saturating_add(page).min(room),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = room,
            Action::Weak => return vec![Effect::Go(Route::weakest_drill())],
            Action::Back => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        vec![]
    }
}

#[cfg(test)]
mod tests {
    use super::Tab;

    #[test]
    fn tabs_wrap_around() {
        assert_eq!(Tab::Overview.step(-1), Tab::Mocks);
        assert_eq!(Tab::Mocks.step(1), Tab::Overview);
        assert_eq!(Tab::Overview.step(1), Tab::Categories);
    }
}
