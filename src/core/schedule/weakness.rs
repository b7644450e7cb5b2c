//! How much a card needs practice, as a weight for choosing mock-interview questions
//! (`core::session::select_questions` takes it as a plain number and knows nothing of FSRS).
//!
//! `weakness = (1 - R) + LAPSE_WEIGHT * min(lapses, MAX_LAPSES) + STALE_WEIGHT * d / (d + STALE_DAYS)`
//! - `R` is the probability of recalling the card now (FSRS, whole days since the last review,
//!   as the scheduler counts them); a card never reviewed has `R = 0`;
//! - `lapses` counts the times it was forgotten after being learnt;
//! - `d` is the days since it was last practised (drill or mock); never practised counts as
//!   long ago, so the term is at its maximum.
//!
//! A card reviewed today and well known weighs about 0; one never practised weighs 1.5.

use chrono::{DateTime, Utc};

use super::card::CardMemory;
use super::fsrs_formulas::Model;

/// Weight of each lapse.
pub const LAPSE_WEIGHT: f64 = 0.2;
/// Lapses beyond this add nothing more (a leech should not crowd out every other card).
pub const MAX_LAPSES: u32 = 5;
/// Weight of "not practised recently" at its maximum.
pub const STALE_WEIGHT: f64 = 0.5;
/// Days since the last practice at which the staleness term is half its maximum.
pub const STALE_DAYS: f64 = 7.0;

/// The weakness weight of a card at `now` (`None`: the log never mentions it).
pub fn mock_weakness(model: &Model, card: Option<&CardMemory>, now: DateTime<Utc>) -> f64 {
    let (Some(card), Some(memory), Some(last)) = (
        card,
        card.and_then(|c| c.memory),
        card.and_then(|c| c.last_review),
    ) else {
        return 1.0 + STALE_WEIGHT;
    };
    let days = (now - last).num_seconds().div_euclid(86_400).max(0);
    let r = model.retrievability(memory.stability, days);
    let r = if r.is_finite() {
        r.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let lapses = f64::from(card.lapses.min(MAX_LAPSES));
    let seconds = (now - last).num_seconds().max(0) as f64;
    let d = seconds / 86_400.0;
    (1.0 - r) + LAPSE_WEIGHT * lapses + STALE_WEIGHT * d / (d + STALE_DAYS)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::core::schedule::fsrs_formulas::Memory;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn card(stability: f64, lapses: u32, last: DateTime<Utc>) -> CardMemory {
        CardMemory {
            memory: Some(Memory {
                stability,
                difficulty: 5.0,
            }),
            last_review: Some(last),
            lapses,
            ..CardMemory::new()
        }
    }

    #[test]
    fn never_practised_is_weakest_and_fresh_strong_card_is_near_zero() {
        let m = Model::default();
        let now = t0();
        assert_eq!(mock_weakness(&m, None, now), 1.5);
        assert_eq!(mock_weakness(&m, Some(&CardMemory::new()), now), 1.5);
        let fresh = mock_weakness(&m, Some(&card(30.0, 0, now)), now);
        assert!(fresh < 0.01, "{fresh}");
    }

    #[test]
    fn lower_recall_more_lapses_and_staleness_weigh_more() {
        let m = Model::default();
        let now = t0();
        let week_ago = now - Duration::days(7);
        let strong = mock_weakness(&m, Some(&card(100.0, 0, week_ago)), now);
        let weak = mock_weakness(&m, Some(&card(2.0, 0, week_ago)), now);
        assert!(weak > strong, "{weak} {strong}");
        let lapsed = mock_weakness(&m, Some(&card(100.0, 3, week_ago)), now);
        assert!((lapsed - strong - 0.6).abs() < 1e-9, "{lapsed} {strong}");
        let capped = mock_weakness(&m, Some(&card(100.0, 50, week_ago)), now);
        assert!((capped - strong - 1.0).abs() < 1e-9);
        let recent = mock_weakness(&m, Some(&card(100.0, 0, now - Duration::hours(1))), now);
        assert!(recent < strong);
    }
}
