//! Key-point coverage (through the one matcher) and the suggested grade.
//!
//! The suggested grade rule, from coverage (share of key points covered) and timing:
//! 1. no answer (empty text, or a skipped question) -> Again;
//! 2. coverage under 50 % -> Again;
//! 3. over time, or coverage under 80 % -> Hard;
//! 4. coverage of 90 % or more and at most 75 % of the time used ("well under time") -> Easy;
//! 5. otherwise -> Good.
//!
//! A card without key points has no coverage: only steps 1, 3 (over time) and 5 apply. The
//! grade is a suggestion; the candidate confirms or changes it in the debrief.

use std::time::Duration;

use serde::Serialize;

use crate::core::deck::KeyPoint;
use crate::core::grade::Grade;
use crate::core::matcher;

/// Coverage under this is Again.
pub const AGAIN_BELOW: f64 = 0.5;
/// Coverage under this is Hard.
pub const HARD_BELOW: f64 = 0.8;
/// Coverage from this, well under time, is Easy.
pub const EASY_FROM: f64 = 0.9;
/// "Well under time": at most this share of the limit used.
pub const WELL_UNDER_TIME: f64 = 0.75;

/// For each key point of a card, whether the answer covers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KeyPointCoverage {
    pub covered: Vec<bool>,
}

impl KeyPointCoverage {
    /// Checks `text` against `points` with [`matcher::coverage`].
    pub fn check(text: &str, points: &[KeyPoint]) -> Self {
        Self {
            covered: matcher::coverage(text, points),
        }
    }

    pub fn covered_count(&self) -> usize {
        self.covered.iter().filter(|c| **c).count()
    }

    /// Share of key points covered (0.0-1.0), `None` when the card has none.
    pub fn fraction(&self) -> Option<f64> {
        fraction(&self.covered)
    }

    /// Coverage in whole percent, `None` when the card has no key points.
    pub fn percent(&self) -> Option<u8> {
        self.fraction().map(percent)
    }
}

/// Share of `true` in a checklist, `None` when empty.
pub fn fraction(covered: &[bool]) -> Option<f64> {
    (!covered.is_empty())
        .then(|| covered.iter().filter(|c| **c).count() as f64 / covered.len() as f64)
}

/// A 0.0-1.0 share as whole percent.
pub fn percent(share: f64) -> u8 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// How long an answer took against its limit (pauses excluded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AnswerTiming {
    #[serde(
        rename = "used_ms",
        serialize_with = "crate::core::millis::serialize_millis"
    )]
    pub used: Duration,
    #[serde(
        rename = "limit_ms",
        serialize_with = "crate::core::millis::serialize_millis"
    )]
    pub limit: Duration,
}

impl AnswerTiming {
    pub fn overtime(&self) -> Duration {
        self.used.saturating_sub(self.limit)
    }

    pub fn within_time(&self) -> bool {
        self.used <= self.limit
    }

    fn well_under_time(&self) -> bool {
        use crate::core::millis::millis;
        millis(self.used) as f64 <= millis(self.limit) as f64 * WELL_UNDER_TIME
    }
}

/// Whether a question got an answer: typed words, or "done" given to a spoken one. A skipped
/// question, or an answer with nothing typed, is [`Response::Missing`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Response {
    Given,
    Missing,
}

/// The suggested grade (see the module doc for the rule).
pub fn suggest_grade(response: Response, coverage: Option<f64>, timing: AnswerTiming) -> Grade {
    suggest_grade_why(response, coverage, timing).0
}

/// The suggested grade with the step of the rule that gave it, in words a candidate reads
/// beside the grade ("under 50% of the key points covered"), its figures taken from the
/// rule's constants.
pub fn suggest_grade_why(
    response: Response,
    coverage: Option<f64>,
    timing: AnswerTiming,
) -> (Grade, String) {
    if response == Response::Missing {
        return (Grade::Again, "no answer".into());
    }
    let covered = |share: f64| format!("{}% of the key points covered", percent(share));
    match coverage {
        Some(c) if c < AGAIN_BELOW => (Grade::Again, format!("under {}", covered(AGAIN_BELOW))),
        Some(c) if c < HARD_BELOW => (Grade::Hard, format!("under {}", covered(HARD_BELOW))),
        _ if !timing.within_time() => (Grade::Hard, "over time or cut off".into()),
        Some(c) if c >= EASY_FROM && timing.well_under_time() => (
            Grade::Easy,
            format!(
                "{} or more, in {}% of the time or less",
                covered(EASY_FROM),
                percent(WELL_UNDER_TIME)
            ),
        ),
        Some(_) => (
            Grade::Good,
            format!("{} or more, within time", covered(HARD_BELOW)),
        ),
        None => (Grade::Good, "no key points to check; within time".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(used_s: u64, limit_s: u64) -> AnswerTiming {
        AnswerTiming {
            used: Duration::from_secs(used_s),
            limit: Duration::from_secs(limit_s),
        }
    }

    #[test]
    fn grade_rule_table() {
        use Grade::*;
        let cases: &[(Response, Option<f64>, AnswerTiming, Grade)] = &[
            (Response::Missing, Some(1.0), t(10, 120), Again),
            (Response::Given, Some(0.49), t(10, 120), Again),
            (Response::Given, Some(0.5), t(10, 120), Hard),
            (Response::Given, Some(0.79), t(60, 120), Hard),
            (Response::Given, Some(1.0), t(121, 120), Hard),
            (Response::Given, Some(0.8), t(120, 120), Good),
            (Response::Given, Some(0.89), t(10, 120), Good),
            (Response::Given, Some(0.9), t(91, 120), Good),
            (Response::Given, Some(0.9), t(90, 120), Easy),
            (Response::Given, None, t(100, 120), Good),
            (Response::Given, None, t(130, 120), Hard),
            (Response::Missing, None, t(0, 120), Again),
        ];
        for (response, cov, timing, want) in cases {
            assert_eq!(
                suggest_grade(*response, *cov, *timing),
                *want,
                "{response:?} {cov:?} {timing:?}"
            );
        }
    }

    /// Every step of the rule names itself: the reason changes with the branch taken.
    #[test]
    fn each_suggested_grade_says_which_step_gave_it() {
        let cases = [
            (Response::Missing, Some(1.0), t(10, 120), "no answer"),
            (Response::Given, Some(0.4), t(10, 120), "under 50%"),
            (Response::Given, Some(0.6), t(10, 120), "under 80%"),
            (Response::Given, Some(1.0), t(121, 120), "over time"),
            (
                Response::Given,
                Some(0.9),
                t(90, 120),
                "90% of the key points covered or more",
            ),
            (
                Response::Given,
                Some(0.8),
                t(100, 120),
                "80% of the key points covered or more",
            ),
            (Response::Given, None, t(100, 120), "no key points"),
        ];
        for (response, cov, timing, want) in cases {
            let (grade, why) = suggest_grade_why(response, cov, timing);
            assert_eq!(grade, suggest_grade(response, cov, timing));
            assert!(why.contains(want), "{cov:?} {timing:?}: {why}");
        }
    }

    #[test]
    fn coverage_uses_the_matcher() {
        let pts = vec![
            KeyPoint {
                text: "a".into(),
                keywords: vec!["actuals".into()],
                ..Default::default()
            },
            KeyPoint {
                text: "b".into(),
                keywords: vec!["forecast".into()],
                ..Default::default()
            },
        ];
        let c = KeyPointCoverage::check("I start from ACTUALS", &pts);
        assert_eq!(c.covered, vec![true, false]);
        assert_eq!(c.percent(), Some(50));
        assert_eq!(KeyPointCoverage::check("x", &[]).percent(), None);
    }
}
