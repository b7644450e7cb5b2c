//! Statistics: readiness per category, weakest categories first, totals, streak, the review
//! calendar, the due forecast and mock scores; and the "drill the weakest categories" queue.
//!
//! Pure like the rest of the core: everything, including `now` and the local UTC offset,
//! arrives as a value ([`StatsInput`]); it reads neither the clock, nor files, nor the state
//! log (the caller replays the log into a [`Progress`] and turns mock records into a
//! [`MockHistory`]). It never changes anything: statistics only look.
//!
//! The readiness formula is documented in `docs/statistics.md` and lives in [`readiness`].

mod activity;
mod compute;
mod drill;
mod home;
mod mock;
mod practice;
mod readiness;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use crate::core::deck::Deck;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::schedule::{Progress, SchedulerConfig};

pub use activity::{
    CALENDAR_WEEKS, FORECAST_DAYS, ForecastDay, calendar_start, streak_days, study_date,
};
pub use compute::{Summary, compute, recall_now, summary};
pub use drill::{DrillPick, DrillReason, practice_queue, weakest_drill_queue};
pub use home::{HomeInputs, HomeReview, HomeView, Instant, instant, reviews_of_cards, shape};
pub use mock::{MockAnswer, MockHistory, MockScore};
pub use practice::{PracticeStats, practice_stats};
pub use readiness::{
    Evidence, LAPSE_DAYS, LAPSE_PENALTY, RETENTION_DAYS, RETENTION_PRIOR, WEIGHT_MOCK,
    WEIGHT_RECALL, WEIGHT_RETENTION, WEIGHT_SEEN,
};

/// Everything statistics are computed from. Home's summary ([`summary`]) reads the decks
/// whole or bare (`D`: [`crate::core::deck::DeckCards`]); everything else whole.
#[derive(Debug)]
pub struct StatsInput<'a, D = Deck> {
    /// The decks in scope (after `--deck`). Only their cards and reviews are counted.
    pub decks: &'a [D],
    /// The replayed state log.
    pub progress: &'a Progress,
    pub mocks: &'a MockHistory,
    /// For the study day boundary (`day_starts_at`) and today's queue limits.
    pub config: &'a SchedulerConfig,
    pub now: DateTime<Utc>,
    /// The local UTC offset that `day_starts_at` is read in.
    pub offset: FixedOffset,
}

impl<D> Clone for StatsInput<'_, D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D> Copy for StatsInput<'_, D> {}

/// The figures of one category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryStats {
    pub deck: DeckId,
    pub category: CategoryId,
    pub title: String,
    pub cards: usize,
    /// Cards reviewed at least once.
    pub seen: usize,
    /// Seen cards due by the end of the study day (suspended cards excluded, no daily limit).
    pub due: usize,
    /// Share of review-phase reviews passed in the last 90 days; `None` without any.
    pub retention: Option<f64>,
    /// Average recall probability now, unseen cards as 0.
    pub recall: f64,
    /// Cards that lapsed (graded Again after being seen) in the last 30 days.
    pub lapsed: usize,
    /// Average key-point coverage in mock interviews; `None` without any.
    pub mock_coverage: Option<f64>,
    pub mock_answers: usize,
    /// 0 to 100, see `docs/statistics.md`.
    pub readiness: f64,
    /// What readiness was computed from.
    #[serde(skip)]
    pub evidence: Evidence,
}

impl CategoryStats {
    /// Practised: a card reviewed, or a question answered in a mock interview. A category with
    /// only a mock answer has a readiness above 0 (its mock coverage): it is ranked with the
    /// started ones, by that readiness, not after the categories never begun.
    pub fn started(&self) -> bool {
        self.seen > 0 || self.mock_answers > 0
    }
}

/// Time spent answering (sum of the reviews' `took_ms`); in milliseconds in JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TimeSpent {
    /// Since the study day began.
    #[serde(serialize_with = "crate::core::millis::serialize_millis")]
    pub today: Duration,
    #[serde(serialize_with = "crate::core::millis::serialize_millis")]
    pub total: Duration,
}

/// Everything `prepdeck stats` shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub now: DateTime<Utc>,
    /// The current study day.
    pub today: NaiveDate,
    pub cards_total: usize,
    pub seen_total: usize,
    /// Effective (not undone) reviews of the decks in scope.
    pub reviews_total: usize,
    pub reviewed_today: usize,
    /// Learning cards due now plus review cards in today's queue (within the daily limit).
    pub due_now: usize,
    /// New cards today's queue still introduces (within the daily limit).
    pub new_available_today: usize,
    /// Share of review-phase reviews passed in the last 90 days, every category together.
    pub retention: Option<f64>,
    /// What the scheduler aims for (`desired_retention`), to set `retention` against (the
    /// JSON report has it beside the statistics, with the optimiser's suggestion).
    #[serde(skip)]
    pub desired_retention: f64,
    pub streak_days: u32,
    /// The first day of the review calendar (a Monday, [`CALENDAR_WEEKS`] weeks of columns).
    pub calendar_start: NaiveDate,
    /// Reviews per study day since `calendar_start`; days without reviews are left out.
    pub reviews_by_day: BTreeMap<NaiveDate, u32>,
    pub time_spent_ms: TimeSpent,
    /// Due cards per study day, today (with overdue cards) first, [`FORECAST_DAYS`] days.
    pub forecast: Vec<ForecastDay>,
    /// Categories with at least one card, weakest first (ties: fewer seen first).
    pub categories: Vec<CategoryStats>,
    /// Mock interview scores in time order.
    pub mock_scores: Vec<MockScore>,
    /// Practice answers (ahead of schedule, not rescheduled): filled in by the caller, which
    /// keeps the practice records ([`practice_stats`]).
    pub practice: PracticeStats,
}

impl Stats {
    /// The `n` weakest categories to practise (see the comment inside).
    pub fn weakest(&self, n: usize) -> Vec<&CategoryStats> {
        // A category never started scores 0 by the formula, but "weakest" should point at what
        // the candidate has practised and still gets wrong: started categories come first,
        // and untouched ones only fill the list when fewer than `n` have been started.
        let started = self.categories.iter().filter(|c| c.started());
        let untouched = self.categories.iter().filter(|c| !c.started());
        started.chain(untouched).take(n).collect()
    }
}

/// Convenience: [`compute`] with the pieces passed one by one.
pub fn stats(
    decks: &[Deck],
    progress: &Progress,
    mocks: &MockHistory,
    config: &SchedulerConfig,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Stats {
    compute(&StatsInput {
        decks,
        progress,
        mocks,
        config,
        now,
        offset,
    })
}
