//! The readiness formula: how ready the candidate is in one category, 0 to 100.
//!
//! Written out in `docs/statistics.md`; the constants here are the ones documented there. The
//! formula only sees counts and averages ([`Evidence`]), so it can be tested on its own.

use serde::Serialize;

/// Weight of the average recall probability now (unseen cards count as 0).
pub const WEIGHT_RECALL: f64 = 0.40;
/// Weight of the true retention of review-phase cards (last 90 days).
pub const WEIGHT_RETENTION: f64 = 0.25;
/// Weight of the share of the category's cards that have been seen.
pub const WEIGHT_SEEN: f64 = 0.15;
/// Weight of the average key-point coverage in mock interviews (left out when there is none).
pub const WEIGHT_MOCK: f64 = 0.20;
/// How hard recent lapses pull readiness down: every seen card that lapsed in the last 30
/// days takes away this share of its part.
pub const LAPSE_PENALTY: f64 = 0.6;
/// Pseudo-reviews that shrink retention towards 0 while there are few reviews, so one lucky
/// pass is not "100% retention".
pub const RETENTION_PRIOR: f64 = 2.0;

/// Retention window in days.
pub const RETENTION_DAYS: i64 = 90;
/// Lapse window in days.
pub const LAPSE_DAYS: i64 = 30;

/// What readiness is computed from, for one category.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evidence {
    /// Cards in the category.
    pub cards: usize,
    /// Cards reviewed at least once.
    pub seen: usize,
    /// Sum over seen cards of the FSRS recall probability now (unseen cards add 0).
    pub recall_sum: f64,
    /// Reviews in the last 90 days of cards that were in the Review phase.
    pub retention_reviews: usize,
    /// Of those, the ones graded Hard, Good or Easy.
    pub retention_passed: usize,
    /// Seen cards graded Again at least once in the last 30 days after their first review.
    pub lapsed_cards: usize,
    /// Average key-point coverage (0 to 1) of mock answers; `None` without any.
    pub mock_coverage: Option<f64>,
}

impl Evidence {
    /// Average recall probability over every card, unseen ones as 0.
    pub fn recall(&self) -> f64 {
        ratio(self.recall_sum, self.cards as f64)
    }

    /// The plain share of review-phase reviews passed; `None` without any.
    pub fn retention(&self) -> Option<f64> {
        (self.retention_reviews > 0)
            .then(|| self.retention_passed as f64 / self.retention_reviews as f64)
    }

    /// Retention shrunk towards 0 while there are few reviews.
    pub fn shrunk_retention(&self) -> f64 {
        ratio(
            self.retention_passed as f64,
            self.retention_reviews as f64 + RETENTION_PRIOR,
        )
    }

    pub fn seen_share(&self) -> f64 {
        ratio(self.seen as f64, self.cards as f64)
    }

    /// Share of seen cards that lapsed in the last 30 days.
    pub fn lapse_share(&self) -> f64 {
        ratio(self.lapsed_cards as f64, self.seen as f64)
    }

    /// Readiness, 0 to 100, rounded to one decimal.
    ///
    /// `base = (0.40 R + 0.25 T + 0.15 S + 0.20 M) / (sum of the weights used)` and
    /// `readiness = 100 * base * (1 - 0.6 L)`, where M is left out (with its weight) when there
    /// are no mock answers. See `docs/statistics.md`.
    pub fn readiness(&self) -> f64 {
        if self.cards == 0 {
            return 0.0;
        }
        let mut sum = WEIGHT_RECALL * self.recall()
            + WEIGHT_RETENTION * self.shrunk_retention()
            + WEIGHT_SEEN * self.seen_share();
        let mut weights = WEIGHT_RECALL + WEIGHT_RETENTION + WEIGHT_SEEN;
        if let Some(m) = self.mock_coverage {
            sum += WEIGHT_MOCK * unit(m);
            weights += WEIGHT_MOCK;
        }
        let base = sum / weights;
        let value = 100.0 * base * (1.0 - LAPSE_PENALTY * self.lapse_share());
        (unit(value / 100.0) * 1000.0).round() / 10.0
    }
}

/// `a / b`, 0 when `b` is 0, clamped to 0..=1 (and NaN-free).
fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { unit(a / b) } else { 0.0 }
}

fn unit(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(cards: usize) -> Evidence {
        Evidence {
            cards,
            seen: cards,
            recall_sum: cards as f64,
            retention_reviews: 1000,
            retention_passed: 1000,
            lapsed_cards: 0,
            mock_coverage: None,
        }
    }

    #[test]
    fn empty_and_unseen_categories_are_zero() {
        assert_eq!(Evidence::default().readiness(), 0.0);
        let unseen = Evidence {
            cards: 12,
            ..Evidence::default()
        };
        assert_eq!(unseen.readiness(), 0.0);
    }

    #[test]
    fn perfect_evidence_is_almost_100() {
        assert!(full(10).readiness() >= 99.5, "{}", full(10).readiness());
        let with_mock = Evidence {
            mock_coverage: Some(1.0),
            ..full(10)
        };
        assert!(with_mock.readiness() >= 99.5);
    }

    #[test]
    fn mock_weight_is_renormalised_when_absent() {
        let e = Evidence {
            cards: 10,
            seen: 10,
            recall_sum: 5.0,
            ..Evidence::default()
        };
        // (0.40 * 0.5 + 0.15 * 1.0) / 0.80 = 0.4375
        assert!((e.readiness() - 43.75).abs() <= 0.05, "{}", e.readiness());
        let with_mock = Evidence {
            mock_coverage: Some(0.0),
            ..e.clone()
        };
        // (0.20 + 0.15) / 1.0
        assert_eq!(with_mock.readiness(), 35.0);
    }

    #[test]
    fn lapses_pull_down() {
        let mut e = full(10);
        e.lapsed_cards = 5;
        // Half the seen cards lapsed: 1 - 0.6 * 0.5 = 0.7 of almost 100.
        assert!((e.readiness() - 70.0).abs() <= 0.1, "{}", e.readiness());
        e.lapsed_cards = 10;
        assert!(e.readiness() < 41.0);
    }

    #[test]
    fn retention_is_shrunk_when_reviews_are_few() {
        let one = Evidence {
            retention_reviews: 1,
            retention_passed: 1,
            ..Evidence::default()
        };
        assert_eq!(one.retention(), Some(1.0));
        assert!((one.shrunk_retention() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(Evidence::default().retention(), None);
    }

    #[test]
    fn garbage_in_stays_in_range() {
        let e = Evidence {
            cards: 3,
            seen: 7,
            recall_sum: f64::NAN,
            retention_reviews: 1,
            retention_passed: 9,
            lapsed_cards: 99,
            mock_coverage: Some(f64::INFINITY),
        };
        let r = e.readiness();
        assert!((0.0..=100.0).contains(&r), "{r}");
    }
}
