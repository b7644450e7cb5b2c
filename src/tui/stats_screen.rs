//! The statistics screen's UI state (figures, section, scroll) and what its keys do.
//!
//! The figures are computed once, through [`crate::study::Study::stats`], when the screen
//! opens; drawing only reads them.

use chrono::{DateTime, Utc};

use super::app::{App, Screen};
use super::keymap::Action;
use super::view::stats::scroll_room;
use crate::core::stats::Stats;

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

impl App {
    /// Opens the statistics screen with figures computed now.
    pub fn open_stats(&mut self, now: DateTime<Utc>) {
        let stats = self.study.stats(&self.decks, now);
        self.screen = Screen::Stats(Box::new(StatsScreen::new(stats)));
    }

    pub(super) fn stats_action(&mut self, action: Action, now: DateTime<Utc>) {
        let Screen::Stats(s) = &mut self.screen else {
            return;
        };
        let (room, page) = scroll_room(s, self.theme, self.size);
        match action {
            Action::NextTab | Action::PrevTab => {
                s.tab = s.tab.step(if action == Action::NextTab { 1 } else { -1 });
                s.scroll = 0;
            }
            Action::Up => s.scroll = s.scroll.saturating_sub(1),
            Action::Down => s.scroll = (s.scroll + 1).min(room),
            Action::PageUp => s.scroll = s.scroll.saturating_sub(page),
            Action::PageDown => s.scroll = s.scroll.saturating_add(page).min(room),
            Action::Weak => self.start_weakest_drill(now),
            Action::Back => self.go_home(now),
            _ => {}
        }
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
