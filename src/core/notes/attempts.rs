//! Attempts: every answer the candidate typed to a card, linked to the grade it got.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Notebook, RawAttempt};
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, InterviewId, RecordId};
use crate::core::record::ReviewMode;
use crate::core::schedule::{Progress, ReviewEntry};

/// Where an attempt was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum AttemptSource {
    /// A typed drill draft.
    Drill,
    /// An answer in a mock interview.
    Mock { interview: InterviewId },
}

/// One typed answer to a card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attempt {
    /// The record that holds it (what "promote to my answer" names).
    pub id: RecordId,
    pub at: DateTime<Utc>,
    pub source: AttemptSource,
    pub text: String,
    /// A mock's follow-up answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// Per key point, whether the matcher found it.
    pub coverage: Vec<bool>,
    /// The grade the candidate gave (the review that followed), if it still counts.
    pub grade: Option<Grade>,
    /// A mock's suggested grade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Grade>,
}

impl Attempt {
    /// Key points covered, and how many there were.
    pub fn covered(&self) -> (usize, usize) {
        (
            self.coverage.iter().filter(|c| **c).count(),
            self.coverage.len(),
        )
    }

    /// The grade to show: the confirmed one, else a mock's suggestion.
    pub fn shown_grade(&self) -> Option<Grade> {
        self.grade.or(self.suggested)
    }

    /// The grade in words: "Good", "Again (suggested)" for a mock answer left ungraded, or
    /// "not graded" (a suggestion is never shown as if the candidate had confirmed it).
    pub fn grade_text(&self) -> String {
        match (self.grade, self.suggested) {
            (Some(g), _) => g.label().to_string(),
            (None, Some(g)) => format!("{} (suggested)", g.label()),
            (None, None) => "not graded".to_string(),
        }
    }
}

/// A drill draft is graded within this long of its reveal, or not at all (skipped).
const GRADED_WITHIN: Duration = Duration::hours(12);

impl Notebook {
    /// [`Notebook::attempts`] with the card's effective reviews from `progress`.
    pub fn attempts_in(&self, key: &CardKey, progress: &Progress) -> Vec<Attempt> {
        let reviews: Vec<&ReviewEntry> = progress.reviews_of(key).collect();
        self.attempts(key, &reviews)
    }

    /// The card's attempts, newest first, each with its grade: for a mock answer debriefed in
    /// format 2, the debrief's (and its ticks as coverage); otherwise the grade of the review
    /// that followed it: the first review in `reviews` (the card's effective reviews; undone ones are not there)
    /// of the same mode, at or after the attempt, before the card's next attempt and, for a
    /// drill, within 12 hours of the reveal.
    pub fn attempts(&self, key: &CardKey, reviews: &[&ReviewEntry]) -> Vec<Attempt> {
        let Some(raw) = self.attempts.get(key) else {
            return Vec::new();
        };
        let mut raw: Vec<&RawAttempt> = raw.iter().collect();
        raw.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        let mut out: Vec<Attempt> = raw
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let next = raw.get(i + 1).map(|n| n.at);
                let (mode, limit) = match a.source {
                    AttemptSource::Drill => (ReviewMode::Drill, Some(a.at + GRADED_WITHIN)),
                    AttemptSource::Mock { .. } => (ReviewMode::Mock, None),
                };
                let end = match (next, limit) {
                    (Some(n), Some(l)) => Some(n.min(l)),
                    (n, l) => n.or(l),
                };
                // A mock question debriefed in format 2 has the candidate's own ticks and
                // grade; otherwise the grade is the review that followed.
                let (debriefed, follow_up) = match (&a.source, a.question) {
                    (AttemptSource::Mock { interview }, Some(q)) => {
                        let slot = (interview.clone(), q);
                        (
                            self.debriefed.get(&slot),
                            // A follow-up recorded apart from the main answer (format 4).
                            self.follow_ups
                                .get(&slot)
                                .map(|f| &f.record)
                                .filter(|f| &f.card == key),
                        )
                    }
                    _ => (None, None),
                };
                let (follow_up_text, matched, suggested) = match follow_up {
                    Some(f) => (
                        f.follow_up_answer.clone().filter(|t| !t.trim().is_empty()),
                        &f.coverage,
                        f.grade,
                    ),
                    None => (a.follow_up.clone(), &a.coverage, a.suggested),
                };
                let grade = match debriefed {
                    Some(d) => d.grade,
                    None => reviews
                        .iter()
                        .find(|r| {
                            r.mode == mode && r.at >= a.at && end.is_none_or(|end| r.at < end)
                        })
                        .map(|r| r.grade),
                };
                // The candidate's own ticks where they changed them: a mock's debrief, a
                // drill's ticks after the reveal.
                let ticked = match debriefed {
                    Some(d) => Some(&d.checklist),
                    None => self.drill_ticks.get(&a.id).map(|(_, _, t)| t),
                };
                let coverage = match ticked {
                    Some(t) if t.len() == matched.len() => t.clone(),
                    _ => matched.clone(),
                };
                Attempt {
                    id: a.id.clone(),
                    at: a.at,
                    source: a.source.clone(),
                    text: a.text.clone(),
                    follow_up: follow_up_text,
                    coverage,
                    grade,
                    suggested,
                }
            })
            .collect();
        out.reverse();
        out
    }
}

/// The best of `attempts`: the largest share of key points covered, then the best grade,
/// then the newest. `None` when there are none.
pub fn best_attempt(attempts: &[Attempt]) -> Option<&Attempt> {
    let score = |a: &Attempt| {
        let (hit, of) = a.covered();
        let share = (hit * 1000).checked_div(of).unwrap_or(0);
        (share, a.shown_grade().map_or(0, Grade::number), a.at)
    };
    attempts.iter().max_by_key(|a| score(a))
}
