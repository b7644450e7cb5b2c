//! Opening the screens the study layer fills as they open: the drill on today's cards, the
//! statistics and the list of past mock interviews.

use chrono::{DateTime, Utc};

use super::{App, Current, Level};
use crate::study::{DrillDriver, DrillFilter};
use crate::tui::screens::drill::DrillScreen;
use crate::tui::screens::history::HistoryScreen;
use crate::tui::screens::stats::StatsScreen;

impl App {
    /// Opens the drill on today's cards matching `filter`; stays where it is when none is due.
    pub fn start_drill(&mut self, filter: DrillFilter, now: DateTime<Utc>) {
        // With an interview to come, its cards and today's part of its plan come first.
        let favoured = self.next_target_drill(&filter, now);
        let driver = match favoured.clone() {
            Some((_, drill)) => {
                let targeted = crate::study::TargetedStudy::new(&mut *self.study, drill);
                DrillDriver::start(&targeted, &self.decks, &filter, now)
            }
            None => DrillDriver::start(&*self.study, &self.decks, &filter, now),
        };
        if let Some((name, _)) = favoured
            && !driver.session().cards().is_empty()
        {
            self.notify(
                Level::Info,
                format!("Interview target {name} first: today's part of its plan leads the drill."),
            );
        }
        if driver.session().cards().is_empty() {
            if filter.ahead.is_some() {
                self.notify(
                    Level::Info,
                    "No card to practise here (suspended and buried cards are left out).",
                );
                return;
            }
            if filter.weakest.is_some() {
                self.notify(
                    Level::Info,
                    "No card to practise in the weakest categories (all suspended or buried).",
                );
                return;
            }
            let when = match self.overview.next_due {
                Some(t) => format!(
                    " The next card is due in {}.",
                    crate::study::interval_label(t - now)
                ),
                None => String::new(),
            };
            self.notify(Level::Info, format!("Nothing is due right now.{when}"));
            self.show(Current::Home);
            return;
        }
        let practice = driver.session().grade_as() == crate::study::GradeAs::Practice;
        self.show(Current::Drill(Box::new(DrillScreen::new(driver))));
        match filter.ahead {
            Some(_) if practice => self.notify(
                Level::Info,
                "Practice ahead of schedule, weakest first: grades move no due date.",
            ),
            Some(_) => self.notify(
                Level::Info,
                "Ahead of schedule, weakest first: grades count as reviews and reschedule.",
            ),
            None => {}
        }
    }

    /// Opens the statistics screen with figures computed now.
    pub fn open_stats(&mut self, now: DateTime<Utc>) {
        let stats = self.study.stats(&self.decks, now);
        self.show(Current::Stats(Box::new(StatsScreen::new(stats))));
    }

    /// Opens the list of past mock interviews (with `select` selected when given).
    pub fn open_history(&mut self, select: Option<&crate::core::ids::InterviewId>) {
        let list = HistoryScreen::new(
            self.study.past_interviews(),
            &self.decks,
            self.study.utc_offset(),
            select,
        );
        self.show(Current::History(Box::new(list)));
    }
}
