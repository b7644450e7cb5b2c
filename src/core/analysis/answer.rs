//! The one analysis of a typed answer to a card: key points covered (with the words that
//! matched each) and the insights. Shared by the drill reveal, the mock-interview debrief and
//! `prepdeck answer`.

use serde::Serialize;

use super::{Insights, fraction};
use crate::core::deck::{Card, KeyPoint};
use crate::core::matcher::MatchText;

/// One key point checked against an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PointMatch {
    pub text: String,
    pub covered: bool,
    /// The answer's words that made the point count, as typed (empty when not covered).
    pub matched: Vec<String>,
}

/// What one answer to one card shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerAnalysis {
    pub key_points: Vec<PointMatch>,
    pub insights: Insights,
}

impl AnswerAnalysis {
    /// For each key point, whether it is covered.
    pub fn covered(&self) -> Vec<bool> {
        self.key_points.iter().map(|k| k.covered).collect()
    }

    /// Share of key points covered (0.0-1.0), `None` when the card has none.
    pub fn coverage(&self) -> Option<f64> {
        fraction(&self.covered())
    }
}

/// Each of `points` checked against `text`, in order, with the words that matched.
pub fn check_points(points: &[KeyPoint], text: &str) -> Vec<PointMatch> {
    let t = MatchText::new(text);
    points
        .iter()
        .map(|p| {
            let hit = t.check(p);
            PointMatch {
                text: p.text.clone(),
                covered: hit.is_some(),
                matched: hit.unwrap_or_default(),
            }
        })
        .collect()
}

/// Analyses `text` as an answer to `card`.
pub fn analyse(card: &Card, text: &str) -> AnswerAnalysis {
    AnswerAnalysis {
        key_points: check_points(&card.key_points, text),
        insights: Insights::of(text, card.kind),
    }
}
