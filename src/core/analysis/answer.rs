//! The one analysis of a typed answer to a card: key points covered (with the words that
//! matched each) and the insights. Shared by the drill reveal, the mock-interview debrief and
//! `prepdeck answer`.

use serde::Serialize;

use super::relevance::{Relevance, Topic, relevance};
use super::substance::Substance;
use super::{Insights, fraction};
use crate::core::deck::{Card, KeyPoint};
use crate::core::matcher::content_stems;

/// One key point checked against an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PointMatch {
    pub text: String,
    pub covered: bool,
    /// The answer's words that made the point count, as typed (empty when not covered).
    pub matched: Vec<String>,
    /// Those of `matched` that are in the answer to the follow-up question and not in the
    /// main answer (empty without a follow-up), so a debrief can say where a tick came from.
    #[serde(skip)]
    pub in_follow_up: Vec<String>,
}

/// What one answer to one card shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerAnalysis {
    pub key_points: Vec<PointMatch>,
    /// How the answer relates to the question (`None`: too short to judge); when it reads as
    /// an answer to another question, no key point is ticked.
    pub relevance: Option<Relevance>,
    /// Whether the answer is thin ([`Substance::thin`]: short, with no figure): there a
    /// keyword that names one thing counts only with something said of it in its sentence.
    pub thin: bool,
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

/// Each of `points` checked against `text`, in order, with the words that matched. In a thin
/// answer ([`Substance::thin`]) a keyword that names one thing needs support in its sentence.
pub fn check_points(points: &[KeyPoint], text: &str) -> Vec<PointMatch> {
    check_points_as(points, text, Substance::of(text))
}

/// [`check_points`] with the substance of the whole answer (with its follow-up answer).
fn check_points_as(points: &[KeyPoint], text: &str, substance: Substance) -> Vec<PointMatch> {
    let t = substance.match_text(text);
    points
        .iter()
        .map(|p| {
            let hit = t.check(p);
            PointMatch {
                text: p.text.clone(),
                covered: hit.is_some(),
                matched: hit.unwrap_or_default(),
                in_follow_up: Vec::new(),
            }
        })
        .collect()
}

/// Each of `points` checked against an answer and, when there is one, the answer to a
/// follow-up question (`(follow-up question, its answer)`): a point counts when either answer
/// covers it, with the words that matched in both. A point made only when the interviewer asked
/// for it still counts, as it would in the room; but the follow-up question's own words never
/// count in its answer (repeating the question is not an answer), as with the card's question.
/// Whether the answer is thin ([`Substance`]) is judged on both answers together.
pub fn check_points_with_follow_up(
    points: &[KeyPoint],
    text: &str,
    follow_up: Option<(&str, &str)>,
) -> Vec<PointMatch> {
    check_points_judged(
        points,
        text,
        follow_up,
        Substance::of(&whole_answer(text, follow_up)),
    )
}

/// The answer and, when there is one, its follow-up answer: the text whose substance and
/// relevance are judged.
fn whole_answer(text: &str, follow_up: Option<(&str, &str)>) -> String {
    match follow_up {
        Some((_, answer)) if !answer.trim().is_empty() => format!("{text}\n{answer}"),
        _ => text.to_string(),
    }
}

/// [`check_points_with_follow_up`] with the substance of the whole answer already judged.
fn check_points_judged(
    points: &[KeyPoint],
    text: &str,
    follow_up: Option<(&str, &str)>,
    substance: Substance,
) -> Vec<PointMatch> {
    let Some((asked, answer)) = follow_up.filter(|(_, a)| !a.trim().is_empty()) else {
        return check_points_as(points, text, substance);
    };
    let mut out = check_points_as(points, text, substance);
    let asked = content_stems(asked);
    let points: Vec<KeyPoint> = points
        .iter()
        .map(|p| {
            let mut p = p.clone();
            for s in &asked {
                if !p.question.contains(s) {
                    p.question.push(s.clone());
                }
            }
            p
        })
        .collect();
    for (m, f) in out
        .iter_mut()
        .zip(check_points_as(&points, answer, substance))
    {
        if f.covered {
            m.covered = true;
            for w in f.matched {
                if !m.matched.contains(&w) {
                    m.matched.push(w.clone());
                    m.in_follow_up.push(w);
                }
            }
        }
    }
    out
}

/// Key points checked against an answer (and a follow-up answer) to a question, with how
/// the answer relates to the question.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub points: Vec<PointMatch>,
    pub relevance: Option<Relevance>,
    /// Whether the whole answer is thin ([`Substance::thin`]).
    pub thin: bool,
}

/// [`check_points_with_follow_up`] for an answer to the question of `topic`: when the answer
/// (with its follow-up answer) reads as an answer to another question
/// ([`super::relevance`]), no point is ticked.
pub fn check_answer(
    topic: &Topic,
    points: &[KeyPoint],
    text: &str,
    follow_up: Option<(&str, &str)>,
) -> Checked {
    let whole = whole_answer(text, follow_up);
    let substance = Substance::of(&whole);
    let relevance = relevance(topic, &whole);
    let points = if relevance.as_ref().is_some_and(|r| !r.on_topic()) {
        points
            .iter()
            .map(|p| PointMatch {
                text: p.text.clone(),
                covered: false,
                matched: Vec::new(),
                in_follow_up: Vec::new(),
            })
            .collect()
    } else {
        check_points_judged(points, text, follow_up, substance)
    };
    Checked {
        points,
        relevance,
        thin: substance.thin(),
    }
}

/// Analyses `text` as an answer to `card`.
pub fn analyse(card: &Card, text: &str) -> AnswerAnalysis {
    let checked = check_answer(&Topic::of_card(card), &card.key_points, text, None);
    AnswerAnalysis {
        key_points: checked.points,
        relevance: checked.relevance,
        thin: checked.thin,
        insights: Insights::of(text, card.kind),
    }
}
