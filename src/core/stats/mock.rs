//! Mock-interview results as statistics sees them: key-point coverage per answer, and the
//! overall score of each interview over time.
//!
//! Statistics does not read mock records itself; the caller turns them into a
//! [`MockHistory`] (see [`MockHistory::push_answer`]), so this module does not depend on the
//! session's record types.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::core::ids::CardKey;

/// One answered mock question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MockAnswer {
    pub key: CardKey,
    pub at: DateTime<Utc>,
    /// Share of the card's key points the answer covered, 0 to 1.
    pub coverage: f64,
}

/// The overall score of one interview.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MockScore {
    pub interview: String,
    pub at: DateTime<Utc>,
    /// 0 to 100.
    pub score: u8,
    /// False when the candidate quit early.
    pub completed: bool,
}

/// Every mock result statistics uses.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MockHistory {
    pub answers: Vec<MockAnswer>,
    /// In time order.
    pub scores: Vec<MockScore>,
}

impl MockHistory {
    /// Adds one answer from its per-key-point checklist. Answers that say nothing about
    /// coverage (a card without key points, or spoken mode where nothing was matched, which
    /// the caller signals with `judged = false`) are left out rather than counted as 0.
    /// A skipped question was judged: it covered nothing.
    pub fn push_answer(&mut self, key: CardKey, at: DateTime<Utc>, covered: &[bool], judged: bool) {
        if !judged || covered.is_empty() {
            return;
        }
        let hit = covered.iter().filter(|c| **c).count();
        self.answers.push(MockAnswer {
            key,
            at,
            coverage: hit as f64 / covered.len() as f64,
        });
    }

    pub fn push_score(&mut self, score: MockScore) {
        let at = score.at;
        let pos = self.scores.partition_point(|s| s.at <= at);
        self.scores.insert(pos, score);
    }
}

impl MockHistory {
    /// The mock results in a state log: each answer's key-point coverage (typed answers the
    /// matcher judged, and skipped ones as nothing covered) and each finished interview's score.
    pub fn from_records(records: &[crate::core::record::Record]) -> MockHistory {
        use crate::core::record::RecordBody;
        let mut h = MockHistory::default();
        for r in records {
            match &r.body {
                RecordBody::MockAnswered(a) => {
                    let covered: Vec<bool> = if a.skipped {
                        vec![false; a.coverage.len()]
                    } else {
                        a.coverage.clone()
                    };
                    h.push_answer(
                        a.card.clone(),
                        r.at,
                        &covered,
                        a.grade.is_some() || a.skipped,
                    );
                }
                RecordBody::MockFinished(f) => h.push_score(MockScore {
                    interview: f.interview.to_string(),
                    at: r.at,
                    score: f.score,
                    completed: f.completed,
                }),
                _ => {}
            }
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn coverage_is_the_share_of_points_hit_and_unjudged_answers_are_left_out() {
        let mut h = MockHistory::default();
        let key = CardKey::new("d", "c");
        let t = at("2026-03-01T10:00:00Z");
        h.push_answer(key.clone(), t, &[true, false, true, false], true);
        h.push_answer(key.clone(), t, &[false, false], false);
        h.push_answer(key.clone(), t, &[], true);
        assert_eq!(h.answers.len(), 1);
        assert_eq!(h.answers[0].coverage, 0.5);
    }

    #[test]
    fn scores_stay_in_time_order() {
        let mut h = MockHistory::default();
        for (id, t) in [("b", "2026-03-02T00:00:00Z"), ("a", "2026-03-01T00:00:00Z")] {
            h.push_score(MockScore {
                interview: id.into(),
                at: at(t),
                score: 50,
                completed: true,
            });
        }
        let ids: Vec<&str> = h.scores.iter().map(|s| s.interview.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
