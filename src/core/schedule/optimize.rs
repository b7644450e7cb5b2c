//! A personal optimiser: FSRS-6 weights fitted to the user's own reviews with the `fsrs`
//! crate (`compute_parameters`), and both the current and the fitted weights judged on that
//! same history (log loss and RMSE, `FSRS::evaluate_with_card_ids`). The fitted weights are
//! recommended only when they are better on both counts.
//!
//! Pure: the effective reviews come in (from [`super::Progress::reviews`]), figures go out.
//! Keeping the weights is the store's job; using them is [`super::SchedulerConfig::parameters`].

use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview, compute_parameters};

use super::fsrs_formulas::{PARAMETER_COUNT, check_parameters};
use super::progress::ReviewEntry;
use crate::core::fast_hash::FastMap;
use crate::core::ids::CardKey;

/// Fewer training items than this (reviews that follow an earlier review of the same card)
/// and `fsrs` fits at most the initial stabilities: not worth a verdict.
pub const MIN_TRAINING_REVIEWS: usize = 64;

/// How well weights predict the history: lower is better for both.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Evaluation {
    /// Mean log loss of the predicted recall against what happened.
    pub log_loss: f64,
    /// Root mean square error of predicted against actual recall, in bins (as Anki shows it).
    pub rmse: f64,
}

/// What an optimiser run found.
#[derive(Clone, Debug, PartialEq)]
pub enum Fit {
    /// Too little history to fit anything.
    NotEnoughData {
        /// Reviews that could be trained on (each after an earlier review of its card).
        training: usize,
    },
    Fitted {
        /// Reviews trained on and judged.
        training: usize,
        /// The weights in use now, and how they do.
        current: Evaluation,
        fitted: Vec<f64>,
        /// How the fitted weights do on the same history.
        evaluation: Evaluation,
    },
}

impl Fit {
    /// Whether the fitted weights should replace the current ones: better on both counts.
    pub fn is_better(&self) -> bool {
        match self {
            Fit::NotEnoughData { .. } => false,
            Fit::Fitted {
                current,
                evaluation,
                ..
            } => evaluation.log_loss < current.log_loss && evaluation.rmse <= current.rmse,
        }
    }
}

/// Reviews before `prepdeck stats` first suggests the optimiser (fewer fit poorly).
pub const SUGGEST_FROM_REVIEWS: usize = 400;
/// Days after a run when another is suggested (if there were reviews since).
pub const SUGGEST_AFTER_DAYS: i64 = 30;

/// Why another optimiser run is worth it now, if it is: the review count has doubled since
/// the last run, or [`SUGGEST_AFTER_DAYS`] days have passed with new reviews; never run and
/// [`SUGGEST_FROM_REVIEWS`] reviews or more.
pub fn optimize_suggestion(
    reviews: usize,
    last_run: Option<(chrono::DateTime<chrono::Utc>, usize)>,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<String> {
    match last_run {
        None if reviews >= SUGGEST_FROM_REVIEWS => Some(format!(
            "{reviews} reviews and the default weights: `prepdeck optimize` may fit your memory better"
        )),
        None => None,
        Some((_, before)) if reviews >= before.saturating_mul(2).max(SUGGEST_FROM_REVIEWS) => {
            Some(format!(
                "{reviews} reviews, {before} at the last `prepdeck optimize`: worth running it again"
            ))
        }
        Some((at, before))
            if reviews > before && now - at >= chrono::Duration::days(SUGGEST_AFTER_DAYS) =>
        {
            Some(format!(
                "{} days since the last `prepdeck optimize`: worth running it again",
                (now - at).num_days()
            ))
        }
        Some(_) => None,
    }
}

/// The optimiser failed (the `fsrs` crate's error, for the user).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("the FSRS optimiser failed: {0}")]
pub struct OptimizeError(pub String);

/// The training set `fsrs` expects: for every review at least a day after the card's previous
/// one, the card's history up to and including it (elapsed time in whole days, as the
/// scheduler counts it), with the card's number for each item.
pub fn training_set<'a>(
    reviews: impl IntoIterator<Item = &'a ReviewEntry>,
) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut cards: FastMap<&CardKey, (i64, Vec<FSRSReview>, chrono::DateTime<chrono::Utc>)> =
        FastMap::default();
    let mut items = Vec::new();
    let mut ids = Vec::new();
    for r in reviews {
        let next_id = i64::try_from(cards.len()).unwrap_or(i64::MAX);
        let entry = cards
            .entry(&*r.key)
            .or_insert_with(|| (next_id, Vec::new(), r.at));
        let (id, history, last) = entry;
        let days = (r.at - *last).num_seconds().div_euclid(86_400).max(0);
        history.push(FSRSReview {
            rating: u32::from(r.grade.number()),
            delta_t: u32::try_from(if history.is_empty() { 0 } else { days }).unwrap_or(u32::MAX),
        });
        *last = r.at;
        // A review on the same day as the one before is a learning step, not a test of
        // long-term memory: it is history for the later items, never predicted itself (as
        // Anki builds its training set).
        if history.len() >= 2 && days > 0 {
            items.push(FSRSItem {
                reviews: history.clone(),
            });
            ids.push(*id);
        }
    }
    (items, ids)
}

/// Log loss and RMSE of weights `w` on a training set.
pub fn evaluate(w: &[f64], items: &[FSRSItem], ids: &[i64]) -> Result<Evaluation, OptimizeError> {
    let w: Vec<f32> = w.iter().map(|x| *x as f32).collect();
    let fsrs = FSRS::new(&w).map_err(|e| OptimizeError(format!("{e:?}")))?;
    let e = fsrs
        .evaluate_with_card_ids(items.to_vec(), ids.to_vec(), |_| true)
        .map_err(|e| OptimizeError(format!("{e:?}")))?;
    Ok(Evaluation {
        log_loss: f64::from(e.log_loss),
        rmse: f64::from(e.rmse_bins),
    })
}

/// Fits weights to `reviews` (the effective reviews, oldest first) and judges them against
/// `current`. `relearning_steps` is how many the user's scheduler has (the optimiser bounds
/// the short-term weights with it).
pub fn fit<'a>(
    reviews: impl IntoIterator<Item = &'a ReviewEntry>,
    current: &[f64; PARAMETER_COUNT],
    relearning_steps: usize,
) -> Result<Fit, OptimizeError> {
    let (items, ids) = training_set(reviews);
    if items.len() < MIN_TRAINING_REVIEWS {
        return Ok(Fit::NotEnoughData {
            training: items.len(),
        });
    }
    let before = evaluate(current, &items, &ids)?;
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(ids.clone()),
        num_relearning_steps: Some(relearning_steps),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| OptimizeError(format!("{e:?}")))?;
    // Published as decimals (0.212, not 0.21199999749660492), as the defaults are.
    let fitted: Vec<f64> = fitted
        .iter()
        .map(|w| w.to_string().parse().unwrap_or(f64::from(*w)))
        .collect();
    check_parameters(&fitted).map_err(OptimizeError)?;
    let after = evaluate(&fitted, &items, &ids)?;
    Ok(Fit::Fitted {
        training: items.len(),
        current: before,
        fitted,
        evaluation: after,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, Duration, Utc};

    use super::*;
    use crate::core::grade::Grade;
    use crate::core::record::ReviewMode;
    use crate::core::schedule::{Phase, default_weights};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn review(card: &str, at: DateTime<Utc>, grade: Grade) -> ReviewEntry {
        ReviewEntry::new(
            Arc::new(CardKey::new("d", card)),
            at,
            grade,
            1000,
            ReviewMode::Drill,
            Phase::Review,
            None,
        )
    }

    #[test]
    fn each_review_after_the_first_is_an_item_with_its_history() {
        let t = at("2026-01-01T10:00:00Z");
        let reviews = [
            review("a", t, Grade::Good),
            review("b", t, Grade::Again),
            review("a", t + Duration::hours(30), Grade::Hard),
            review("a", t + Duration::days(5), Grade::Easy),
        ];
        let (items, ids) = training_set(&reviews);
        assert_eq!(ids, [0, 0]);
        let shape: Vec<Vec<(u32, u32)>> = items
            .iter()
            .map(|i| i.reviews.iter().map(|r| (r.rating, r.delta_t)).collect())
            .collect();
        assert_eq!(shape, [vec![(3, 0), (2, 1)], vec![(3, 0), (2, 1), (4, 3)]]);
        // A same-day review is history for later items, not an item of its own.
        let same_day = [
            review("c", t, Grade::Good),
            review("c", t + Duration::minutes(10), Grade::Good),
            review("c", t + Duration::days(2), Grade::Good),
        ];
        let (items, _) = training_set(&same_day);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].reviews.len(), 3);
    }

    #[test]
    fn suggested_when_reviews_double_or_a_month_passes() {
        let now = at("2026-06-01T10:00:00Z");
        assert_eq!(optimize_suggestion(100, None, now), None);
        assert!(optimize_suggestion(400, None, now).is_some());
        let run = |days: i64, reviews: usize| Some((now - Duration::days(days), reviews));
        assert_eq!(optimize_suggestion(900, run(3, 500), now), None);
        assert!(
            optimize_suggestion(1000, run(3, 500), now)
                .unwrap()
                .contains("1000 reviews")
        );
        assert!(
            optimize_suggestion(501, run(30, 500), now)
                .unwrap()
                .contains("30 days")
        );
        // A month without a review since: nothing new to fit.
        assert_eq!(optimize_suggestion(500, run(40, 500), now), None);
    }

    #[test]
    fn a_generated_history_fits_without_error() {
        use crate::fixtures::{FixtureSpec, review_records};
        let spec = FixtureSpec::new(300, 3000, at("2026-03-01T10:00:00Z"));
        let progress = crate::core::schedule::replay(&review_records(&spec), &Default::default());
        let (items, ids) = training_set(progress.reviews());
        assert!(evaluate(&default_weights(), &items, &ids).is_ok());
        let fit = fit(progress.reviews(), &default_weights(), 1).unwrap();
        assert!(matches!(fit, Fit::Fitted { .. }), "{fit:?}");
    }

    #[test]
    fn too_little_history_is_said_not_guessed() {
        let t = at("2026-01-01T10:00:00Z");
        let reviews: Vec<_> = (0..10)
            .flat_map(|i| {
                let c = format!("c{i}");
                [
                    review(&c, t, Grade::Good),
                    review(&c, t + Duration::days(3), Grade::Good),
                ]
            })
            .collect();
        let fit = fit(&reviews, &default_weights(), 1).unwrap();
        assert_eq!(fit, Fit::NotEnoughData { training: 10 });
        assert!(!fit.is_better());
    }

    /// A learner who forgets much faster than the defaults assume: the fitted weights predict
    /// that history better than the defaults (and the defaults stay when they are not worse).
    #[test]
    fn fitted_weights_beat_the_defaults_on_a_forgetful_history() {
        let t = at("2026-01-01T10:00:00Z");
        let mut reviews = vec![];
        for i in 0..150 {
            let c = format!("c{i}");
            let mut when = t + Duration::minutes(i);
            reviews.push(review(&c, when, Grade::Good));
            for (k, gap) in [2, 4, 8, 16].into_iter().enumerate() {
                when += Duration::days(gap);
                // Forgotten more often the longer the gap.
                let forgot = (i * 7 + k as i64 * 13) % 10 < 2 + 2 * k as i64;
                reviews.push(review(
                    &c,
                    when,
                    if forgot { Grade::Again } else { Grade::Good },
                ));
            }
        }
        reviews.sort_by_key(|r| r.at);
        let fit = fit(&reviews, &default_weights(), 1).unwrap();
        let Fit::Fitted {
            training,
            current,
            evaluation,
            fitted,
        } = &fit
        else {
            panic!("{fit:?}")
        };
        assert_eq!(*training, 600);
        assert!(evaluation.log_loss < current.log_loss, "{fit:?}");
        assert!(fit.is_better(), "{fit:?}");
        assert_eq!(check_parameters(fitted), Ok(()));
    }
}
