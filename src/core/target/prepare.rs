//! One call for everything a front end shows of a target: its job description read against the
//! decks, its focus and its plan from the user's progress (the app's targets screen and home
//! countdown use this as the line-mode commands do).

use chrono::{DateTime, FixedOffset, Utc};

use super::focus::{Focus, focus};
use super::model::Target;
use super::plan::{Plan, PlanSettings, plan};
use super::relevance::{Reading, read_job};
use crate::core::deck::Deck;
use crate::core::schedule::{Model, Progress, SchedulerConfig};

/// A target read against the bank and the user's progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub reading: Reading,
    pub focus: Focus,
    /// `None` without an interview date.
    pub plan: Option<Plan>,
}

/// Reads `target` against `decks` and plans it from `progress` with the scheduler's model and
/// settings, at `now` in the local `offset`.
pub fn prepare(
    target: &Target,
    decks: &[Deck],
    progress: &Progress,
    config: &SchedulerConfig,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Prepared {
    let reading = read_job(decks, &target.job);
    let focus = focus(decks, &reading);
    let plan = target.date.map(|date| {
        let settings = PlanSettings {
            now,
            offset,
            day_starts_at: config.day_starts_at,
            desired_retention: config.desired_retention,
            limits: target.limits,
        };
        plan(
            &focus,
            progress,
            &Model::for_config(config),
            date,
            &settings,
        )
    });
    Prepared {
        reading,
        focus,
        plan,
    }
}
