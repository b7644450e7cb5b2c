//! Mock-interview results as statistics sees them: key-point coverage per answer, and the
//! overall score of each interview over time.
//!
//! [`MockHistory::from_records`] rebuilds the interviews from the state log the way `history`
//! and `report` do, so statistics use the same ticks, grades and scores as the debrief showed.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::core::deck::Deck;
use crate::core::ids::{CardKey, InterviewId};
use crate::core::session::{CardIndex, Ending, past_interviews};

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
    pub interview: InterviewId,
    pub at: DateTime<Utc>,
    /// 0 to 100.
    pub score: u8,
    /// False when the candidate quit early or the interview was cut off (then `at` is its last
    /// answer's time).
    pub completed: bool,
    /// How it ended, as `history` says it: "completed", "ended early" or "interrupted".
    pub ending: &'static str,
}

/// Every mock result statistics uses.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MockHistory {
    pub answers: Vec<MockAnswer>,
    /// In time order.
    pub scores: Vec<MockScore>,
}

impl MockHistory {
    /// Adds one answer from its per-key-point checklist, `None` when nobody judged it (spoken
    /// mode where nothing was ticked). Answers that say nothing about coverage (no checklist,
    /// or an empty one for a card without key points) are left out rather than counted as 0.
    /// A skipped question was judged: it covered nothing.
    pub fn push_answer(&mut self, key: CardKey, at: DateTime<Utc>, covered: Option<&[bool]>) {
        let Some(covered) = covered.filter(|c| !c.is_empty()) else {
            return;
        };
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
    /// The mock results in a state log, as the debriefs show them (see
    /// [`crate::core::session::past_interviews`]): each answer's coverage is the candidate's
    /// final ticks (the matcher's for a typed answer nobody changed; a spoken answer counts
    /// once ticked or graded; a skipped one covered nothing), and each interview's score is its
    /// debrief's, with those ticks and the confirmed grades (an interview cut off mid-way
    /// counts once it has an answer, at the time of its last). `records` need only
    /// be the ones [`crate::core::record::RecordBody::is_mock_history`] keeps.
    pub fn from_records(records: &[crate::core::record::Record], decks: &[Deck]) -> MockHistory {
        let mut h = MockHistory::default();
        let interviews = past_interviews(records);
        if interviews.is_empty() {
            // No index of every card for nothing (home's first frame computes this).
            return h;
        }
        let cards = CardIndex::new(decks);
        for p in interviews {
            let d = p.scored_debrief_in(&cards);
            for item in &d.items {
                let judged = item.skipped || !p.spoken() || p.debriefed.contains_key(&item.index);
                let covered: Vec<bool> = if item.skipped {
                    vec![false; item.checklist.len()]
                } else {
                    item.checklist.clone()
                };
                let at = p
                    .answered_at
                    .get(&item.index)
                    .copied()
                    .unwrap_or(p.started_at);
                h.push_answer(
                    item.question.key.clone(),
                    at,
                    judged.then_some(&covered[..]),
                );
            }
            // An interview cut off (a closed terminal, a crash) counts from its last answer, as
            // `history` lists it; one cut off before any answer has no score to show.
            let last_answer = p.answered_at.values().max().copied();
            if let Some(at) = p.finished_at.or(last_answer) {
                h.push_score(MockScore {
                    interview: p.id.clone(),
                    at,
                    score: d.score(),
                    completed: p.ending == Ending::Completed,
                    ending: p.ending.label(),
                });
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
        h.push_answer(key.clone(), t, Some(&[true, false, true, false]));
        h.push_answer(key.clone(), t, None);
        h.push_answer(key.clone(), t, Some(&[]));
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
                ending: "completed",
            });
        }
        let ids: Vec<&str> = h.scores.iter().map(|s| s.interview.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
