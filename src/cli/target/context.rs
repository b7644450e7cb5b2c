//! Everything a target command works from: the target, the decks, the reading of its job
//! description, its focus, progress and the plan to the date.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};

use super::{load, local_offset};
use crate::cli::home::Home;
use crate::cli::{Cli, load_decks};
use crate::core::deck::Deck;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::schedule::{Model, Progress, SchedulerConfig};
use crate::core::target::{Focus, Plan, PlanSettings, Reading, Target, focus, plan, read_job};
use crate::store::config::load_config;
use crate::study::{Study, read_study};

/// A target read against the bank and the user's progress.
pub(crate) struct Context {
    pub target: Target,
    pub decks: Vec<Deck>,
    pub reading: Reading,
    /// `None` without a date.
    pub plan: Option<Plan>,
    /// Readiness (0 to 100, as `prepdeck stats`) of each category.
    pub readiness: HashMap<(DeckId, CategoryId), f64>,
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

/// The plan for `target` from `progress` (`None` without a date).
pub(crate) fn plan_for(
    target: &Target,
    focus: &Focus,
    progress: &Progress,
    config: &SchedulerConfig,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<Plan> {
    let date = target.date?;
    let settings = PlanSettings {
        now,
        offset,
        day_starts_at: config.day_starts_at,
        desired_retention: config.desired_retention,
        limits: target.limits,
    };
    Some(plan(
        focus,
        progress,
        &Model::for_config(config),
        date,
        &settings,
    ))
}

/// Reads the target `name`, the decks and (without locking it) the state file.
pub(crate) fn read_context(cli: &Cli, home: &Home, name: &str) -> anyhow::Result<Context> {
    let target = load(home, name)?;
    let loaded = load_decks(cli, home)?;
    let config = load_config(home.root())?;
    let offset = local_offset();
    let now = Utc::now();
    let (study, warnings) = read_study(home, config.scheduler.clone(), offset)?;
    crate::cli::print_load_warnings(&home.state_file(), &warnings);
    let reading = read_job(&loaded.decks, &target.job);
    let focus = focus(&loaded.decks, &reading);
    let plan = plan_for(
        &target,
        &focus,
        study.progress(),
        &config.scheduler,
        now,
        offset,
    );
    let readiness = study
        .stats(&loaded.decks, now)
        .categories
        .into_iter()
        .map(|c| ((c.deck, c.category), c.readiness))
        .collect();
    Ok(Context {
        target,
        decks: loaded.decks,
        reading,
        plan,
        readiness,
        now,
        offset,
    })
}
