//! The plan to the interview day: how many new cards and reviews a day bring every card the
//! target is about to high recall on the day, and what that means today.
//!
//! The days before the interview are split in two:
//! - **learning days**, from today to the final window: the target's unseen cards are spread
//!   evenly over them (at most the target's `new_per_day`), most relevant first, and due cards
//!   are reviewed as the scheduler says;
//! - the **final window**, the last `clamp(days / 4, 1, 3)` days before the interview: every
//!   target card not reviewed since the window opened is seen once more, spread evenly, weakest
//!   on the day first. This is what an exam mode does: the last review lands close to the
//!   date, so recall on the day is high whatever the scheduler's next interval would be.
//!
//! Recall on the day is FSRS retrievability (the scheduler's model) from each card's last
//! review to the interview, if the candidate stopped studying now; unseen cards count 0.
//! Pure: progress, `now`, the offset and the settings are values.

use std::collections::HashSet;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde::Serialize;

use super::focus::Focus;
use super::model::{InterviewDate, PlanLimits};
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::schedule::{CardMemory, Model, Phase, Progress, day_start};

/// New target cards a day unless the target says otherwise.
pub const DEFAULT_NEW_PER_DAY: u32 = 20;
/// Target reviews a day unless the target says otherwise.
pub const DEFAULT_REVIEWS_PER_DAY: u32 = 200;
/// The final window is a quarter of the days left, within these bounds.
pub const FINAL_DAYS_MIN: i64 = 1;
pub const FINAL_DAYS_MAX: i64 = 3;
/// A new card costs about this many more reviews in its first days (learning steps and its
/// first intervals): the estimate of the daily review load.
pub const REVIEWS_PER_NEW_CARD: f64 = 2.0;

/// What the plan needs besides the focus and progress.
#[derive(Clone, Debug)]
pub struct PlanSettings {
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
    /// The hour a study day starts (the scheduler's `day_starts_at`).
    pub day_starts_at: u32,
    /// The recall the scheduler aims for: a card at or above it on the day is "ready".
    pub desired_retention: f64,
    pub limits: PlanLimits,
}

/// One relevant category on the interview day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryForecast {
    pub deck: DeckId,
    pub category: CategoryId,
    /// The target's cards in this category.
    pub cards: usize,
    /// Of those, reviewed at least once.
    pub learned: usize,
    /// Mean predicted recall on the interview day if you stopped now (unseen cards 0), 0 to 1.
    pub recall_on_day: f64,
    /// Cards whose predicted recall on the day reaches the desired retention.
    pub ready: usize,
}

/// What to do today.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Today {
    /// Unseen target cards to learn today, most relevant first.
    pub new: Vec<CardKey>,
    /// Target cards to review today: due ones, then (in the final window) ones not yet seen
    /// again since it opened.
    pub reviews: Vec<CardKey>,
    /// Unseen target cards already learned today (they count against `new_per_day`).
    pub new_done: usize,
}

/// The plan to the interview.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub interview_at: DateTime<Utc>,
    /// Whole local days to the interview day (0 on the day).
    pub days_left: i64,
    /// The interview day is over: the target is archived and the normal schedule applies.
    pub archived: bool,
    /// Days of the final window and when it opens.
    pub final_days: i64,
    pub final_window_from: DateTime<Utc>,
    pub in_final_window: bool,
    /// Cards the target is about, and of those reviewed at least once.
    pub cards: usize,
    pub learned: usize,
    /// The daily quotas.
    pub new_per_day: u32,
    /// Estimated reviews a day until the final window.
    pub reviews_per_day: u32,
    /// Reviews a day in the final window.
    pub final_reviews_per_day: u32,
    /// The limits applied.
    pub limits: (u32, u32),
    /// Cards that cannot be learned before the window at the new-card limit.
    pub not_learned_in_time: usize,
    /// Every card learned and seen in the final window within the limits.
    pub feasible: bool,
    pub today: Today,
    /// The relevant categories in the focus's order.
    pub categories: Vec<CategoryForecast>,
    /// Mean predicted recall on the day over all the target's cards, 0 to 1.
    pub recall_on_day: f64,
}

/// Recall probability of `card` at `at` (0 for a card never reviewed).
pub fn recall_at(model: &Model, card: Option<&CardMemory>, at: DateTime<Utc>) -> f64 {
    let Some((m, last)) = card.and_then(|c| Some((c.memory?, c.last_review?))) else {
        return 0.0;
    };
    let days = (at - last).num_seconds().div_euclid(86_400);
    let r = model.retrievability(m.stability, days);
    if r.is_finite() {
        r.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn learned(card: Option<&CardMemory>) -> bool {
    card.is_some_and(|c| c.phase != Phase::New && c.memory.is_some())
}

fn ceil_div(a: usize, b: i64) -> u32 {
    let b = b.max(1) as usize;
    u32::try_from(a.div_ceil(b)).unwrap_or(u32::MAX)
}

/// The plan for `focus` towards `date`.
pub fn plan(
    focus: &Focus,
    progress: &Progress,
    model: &Model,
    date: InterviewDate,
    s: &PlanSettings,
) -> Plan {
    let interview_at = date.at(s.offset);
    let days_left = date.days_left(s.now, s.offset);
    let archived = date.is_past(s.now, s.offset);
    let new_limit = s.limits.new_per_day.unwrap_or(DEFAULT_NEW_PER_DAY).max(1);
    let review_limit = s
        .limits
        .reviews_per_day
        .unwrap_or(DEFAULT_REVIEWS_PER_DAY)
        .max(1);
    let study_days = days_left.max(0);
    let final_days = (study_days / 4)
        .clamp(FINAL_DAYS_MIN, FINAL_DAYS_MAX)
        .min(study_days.max(1));
    let today_start = day_start(s.now, s.offset, s.day_starts_at);
    let tomorrow = today_start + Duration::days(1);
    let final_window_from = today_start + Duration::days((study_days - final_days).max(0));
    let in_final_window = s.now >= final_window_from;
    let learn_days = (study_days - final_days).max(1);

    let visible: Vec<_> = focus
        .cards
        .iter()
        .map(|c| (c, progress.card(&c.key)))
        .filter(|(_, m)| !m.is_some_and(|m| m.is_hidden(s.now)))
        .collect();
    let focus_keys: HashSet<&CardKey> = focus.cards.iter().map(|c| &c.key).collect();
    let new_done = progress
        .reviews_since(today_start)
        .iter()
        .filter(|r| r.phase_before == Phase::New && focus_keys.contains(&*r.key))
        .count();

    let unseen: Vec<&CardKey> = visible
        .iter()
        .filter(|(_, m)| !learned(*m))
        .map(|(c, _)| &c.key)
        .collect();
    let learned_count = focus
        .cards
        .iter()
        .filter(|c| learned(progress.card(&c.key)))
        .count();
    // New cards may be learned until the window opens, and in it when some are left.
    let days_for_new = if in_final_window {
        study_days.max(1)
    } else {
        learn_days
    };
    let needed_new = ceil_div(unseen.len() + new_done, days_for_new);
    let new_per_day = needed_new.min(new_limit);
    let not_learned_in_time = unseen
        .len()
        .saturating_sub(new_limit as usize * days_for_new as usize);
    let due_before_window = visible
        .iter()
        .filter(|(_, m)| {
            learned(*m) && m.and_then(|m| m.due).is_some_and(|d| d < final_window_from)
        })
        .count();
    let reviews_per_day = ceil_div(due_before_window, learn_days)
        .saturating_add((f64::from(new_per_day) * REVIEWS_PER_NEW_CARD).ceil() as u32);
    let final_reviews_per_day = ceil_div(visible.len(), final_days);
    let feasible = not_learned_in_time == 0
        && final_reviews_per_day <= review_limit
        && reviews_per_day <= review_limit;

    let today = if archived {
        Today::default()
    } else {
        let new = unseen
            .iter()
            .take((new_per_day as usize).saturating_sub(new_done))
            .map(|k| (*k).clone())
            .collect();
        let mut due: Vec<(DateTime<Utc>, &CardKey)> = visible
            .iter()
            .filter(|(_, m)| learned(*m))
            .filter_map(|(c, m)| Some((m.and_then(|m| m.due)?, &c.key)))
            .filter(|(d, _)| *d < tomorrow)
            .collect();
        due.sort();
        let mut reviews: Vec<CardKey> = due.into_iter().map(|(_, k)| k.clone()).collect();
        if in_final_window {
            // Not yet seen since the window opened, weakest on the day first, today's share.
            let mut stale: Vec<(f64, &CardKey)> = visible
                .iter()
                .filter(|(_, m)| learned(*m))
                .filter(|(_, m)| {
                    m.and_then(|m| m.last_review)
                        .is_some_and(|l| l < final_window_from)
                })
                .filter(|(c, _)| !reviews.contains(&c.key))
                .map(|(c, m)| (recall_at(model, *m, interview_at), &c.key))
                .collect();
            stale.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
            let days_in_window = (study_days).clamp(1, final_days);
            let share = ceil_div(stale.len(), days_in_window) as usize;
            reviews.extend(stale.into_iter().take(share).map(|(_, k)| k.clone()));
        }
        reviews.truncate(review_limit as usize);
        Today {
            new,
            reviews,
            new_done,
        }
    };

    let categories: Vec<CategoryForecast> = focus
        .categories
        .iter()
        .map(|(deck, category)| {
            let cards: Vec<Option<&CardMemory>> = focus
                .cards
                .iter()
                .filter(|c| &c.key.deck == deck && &c.category == category)
                .map(|c| progress.card(&c.key))
                .collect();
            let recalls: Vec<f64> = cards
                .iter()
                .map(|m| recall_at(model, *m, interview_at))
                .collect();
            CategoryForecast {
                deck: deck.clone(),
                category: category.clone(),
                cards: cards.len(),
                learned: cards.iter().filter(|m| learned(**m)).count(),
                recall_on_day: mean(&recalls),
                ready: recalls
                    .iter()
                    .filter(|r| **r >= s.desired_retention)
                    .count(),
            }
        })
        .collect();
    let all: Vec<f64> = focus
        .cards
        .iter()
        .map(|c| recall_at(model, progress.card(&c.key), interview_at))
        .collect();
    Plan {
        interview_at,
        days_left,
        archived,
        final_days,
        final_window_from,
        in_final_window,
        cards: focus.cards.len(),
        learned: learned_count,
        new_per_day,
        reviews_per_day,
        final_reviews_per_day,
        limits: (new_limit, review_limit),
        not_learned_in_time,
        feasible,
        today,
        categories,
        recall_on_day: mean(&all),
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}
