//! Why a debrief question scores what it scores: the two terms of the formula and what each
//! came from, so a screen or a report can show the sum and not only its result.
//!
//! Each question scores `100 * (0.7 * C + 0.3 * T)`, rounded, where
//! - `C` (coverage) is the share of key points ticked; for a card without key points it is the
//!   grade's value (confirmed, else suggested): Again 0, Hard 0.5, Good 0.8, Easy 1;
//! - `T` (time) is 1 for an answer that ended within its time, `1 - overtime / limit` (at
//!   least 0) for one that ran over (soft timing; the follow-up's overtime counts too), and 0
//!   for one cut off by a strict clock (the answer or its follow-up): it did not end in time;
//! - `T` counts only when `C` is above 0: time is credited to an answer that covers at least
//!   one key point (or, without key points, is graded above Again), never to padding;
//! - a skipped question, or a typed answer left empty, scores 0.

use std::time::Duration;

use serde::Serialize;

use crate::core::analysis::{Response, percent};
use crate::core::grade::Grade;
use crate::core::millis::millis;

/// Weight of coverage in a question's score (timing has the rest).
pub const COVERAGE_WEIGHT: f64 = 0.7;

/// Where `C` came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum CoverageBasis {
    /// Key points ticked out of the card's.
    KeyPoints { ticked: usize, of: usize },
    /// A card without key points: the grade's value.
    Grade { grade: Grade },
    /// Skipped, or nothing typed: nothing to score.
    NoAnswer,
}

/// Where `T` came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum TimeBasis {
    /// Ended within the limit.
    WithinTime,
    /// Went over by `overtime` (soft timing) against a limit of `limit` (in milliseconds in
    /// JSON: `overtime_ms`, `limit_ms`).
    Overtime {
        #[serde(
            rename = "overtime_ms",
            serialize_with = "crate::core::millis::serialize_millis"
        )]
        overtime: Duration,
        #[serde(
            rename = "limit_ms",
            serialize_with = "crate::core::millis::serialize_millis"
        )]
        limit: Duration,
    },
    /// Cut off by a strict clock: over time.
    CutOff,
    /// No time credit: the answer covered no key point (or was graded Again).
    NothingCovered,
    /// Skipped, or nothing typed.
    NoAnswer,
}

/// One question's score and the two terms it came from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ScoreParts {
    /// `C`, 0 to 1.
    pub coverage: f64,
    pub coverage_from: CoverageBasis,
    /// `T` as credited, 0 to 1 (0 when the answer earned no time credit).
    pub time: f64,
    pub time_from: TimeBasis,
    /// `100 * (0.7 * C + 0.3 * T)`, rounded.
    pub score: u8,
}

/// What [`ScoreParts::of`] needs to know about an answer.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scored {
    pub response: Response,
    /// Ticked and total key points.
    pub ticked: usize,
    pub points: usize,
    /// The confirmed, else suggested grade (used without key points).
    pub grade: Grade,
    pub overtime: Duration,
    pub limit: Duration,
    pub cut_off: bool,
}

/// The value of a grade as coverage, for a card without key points.
pub fn grade_value(grade: Grade) -> f64 {
    match grade {
        Grade::Again => 0.0,
        Grade::Hard => 0.5,
        Grade::Good => 0.8,
        Grade::Easy => 1.0,
    }
}

impl ScoreParts {
    pub(super) fn of(s: Scored) -> ScoreParts {
        if s.response == Response::Missing {
            return ScoreParts {
                coverage: 0.0,
                coverage_from: CoverageBasis::NoAnswer,
                time: 0.0,
                time_from: TimeBasis::NoAnswer,
                score: 0,
            };
        }
        let (coverage, coverage_from) = if s.points > 0 {
            (
                s.ticked as f64 / s.points as f64,
                CoverageBasis::KeyPoints {
                    ticked: s.ticked,
                    of: s.points,
                },
            )
        } else {
            (
                grade_value(s.grade),
                CoverageBasis::Grade { grade: s.grade },
            )
        };
        let (time, time_from) = if coverage <= 0.0 {
            (0.0, TimeBasis::NothingCovered)
        } else if s.cut_off {
            (0.0, TimeBasis::CutOff)
        } else if !s.overtime.is_zero() {
            let limit = millis(s.limit).max(1) as f64;
            (
                (1.0 - millis(s.overtime) as f64 / limit).max(0.0),
                TimeBasis::Overtime {
                    overtime: s.overtime,
                    limit: s.limit,
                },
            )
        } else {
            (1.0, TimeBasis::WithinTime)
        };
        ScoreParts {
            coverage,
            coverage_from,
            time,
            time_from,
            score: percent(COVERAGE_WEIGHT * coverage + (1.0 - COVERAGE_WEIGHT) * time),
        }
    }
}

/// How well the candidate kept to the clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TimeDiscipline {
    /// Answers given (skipped questions left out).
    pub answered: usize,
    /// Answers that ended within their time (neither over nor cut off).
    pub within_time: usize,
    /// Answers (or follow-ups) cut off by a strict clock: over time, not within.
    pub cut_off: usize,
    /// In milliseconds in JSON.
    #[serde(
        rename = "total_overtime_ms",
        serialize_with = "crate::core::millis::serialize_millis"
    )]
    pub total_overtime: Duration,
}

impl TimeDiscipline {
    /// Share of answers within time, `None` with no answers.
    pub fn share_within_time(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.within_time as f64 / self.answered as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(ticked: usize, points: usize) -> Scored {
        Scored {
            response: Response::Given,
            ticked,
            points,
            grade: Grade::Good,
            overtime: Duration::ZERO,
            limit: Duration::from_secs(100),
            cut_off: false,
        }
    }

    #[test]
    fn time_is_credited_only_with_something_covered() {
        let none = ScoreParts::of(scored(0, 4));
        assert_eq!((none.score, none.time_from), (0, TimeBasis::NothingCovered));
        let one = ScoreParts::of(scored(1, 4));
        assert_eq!((one.score, one.time_from), (48, TimeBasis::WithinTime)); // 17.5 + 30
        let again = ScoreParts::of(Scored {
            grade: Grade::Again,
            ..scored(0, 0)
        });
        assert_eq!((again.score, again.time), (0, 0.0));
        let good = ScoreParts::of(scored(0, 0));
        assert_eq!(
            (good.score, good.coverage_from),
            (86, CoverageBasis::Grade { grade: Grade::Good })
        );
    }

    #[test]
    fn a_cut_off_answer_gets_no_time_credit_and_overtime_costs_a_share() {
        let cut = ScoreParts::of(Scored {
            cut_off: true,
            ..scored(2, 4)
        });
        assert_eq!((cut.score, cut.time_from), (35, TimeBasis::CutOff));
        let over = ScoreParts::of(Scored {
            overtime: Duration::from_secs(25),
            ..scored(4, 4)
        });
        assert_eq!(over.score, 93); // 70 + 0.3 * 75
        let way_over = ScoreParts::of(Scored {
            overtime: Duration::from_secs(500),
            ..scored(4, 4)
        });
        assert_eq!((way_over.score, way_over.time), (70, 0.0));
        let skipped = ScoreParts::of(Scored {
            response: Response::Missing,
            ..scored(4, 4)
        });
        assert_eq!(
            (skipped.score, skipped.coverage_from),
            (0, CoverageBasis::NoAnswer)
        );
    }

    #[test]
    fn json_keeps_times_in_milliseconds() {
        let over = ScoreParts::of(Scored {
            overtime: Duration::from_millis(2_750),
            limit: Duration::from_secs(10),
            ..scored(1, 1)
        });
        assert_eq!(
            serde_json::to_value(over.time_from).unwrap(),
            serde_json::json!({"from": "overtime", "overtime_ms": 2750, "limit_ms": 10000})
        );
        let t = TimeDiscipline {
            answered: 2,
            within_time: 1,
            cut_off: 0,
            total_overtime: Duration::from_millis(1_500),
        };
        assert_eq!(
            serde_json::to_value(t).unwrap(),
            serde_json::json!({
                "answered": 2, "within_time": 1, "cut_off": 0, "total_overtime_ms": 1500
            })
        );
        let timing = crate::core::analysis::AnswerTiming {
            used: Duration::from_millis(61_001),
            limit: Duration::from_secs(60),
        };
        assert_eq!(
            serde_json::to_value(timing).unwrap(),
            serde_json::json!({"used_ms": 61001, "limit_ms": 60000})
        );
    }
}
