//! The debrief after a mock interview: per question, the answer against the clock, the
//! key-point checklist (pre-ticked by the matcher, changeable by the candidate), insights and
//! grades; for the whole interview, a score, coverage by category and time discipline.
//!
//! Built from the questions and the `MockAnswered` records, so a past interview can be shown
//! again from the state log. Only questions reached appear (an early quit gives a partial
//! debrief).
//!
//! Score (0-100): each question scores `100 * (0.7 * C + 0.3 * T)`, rounded, where
//! - `C` is the share of key points ticked; for a card without key points it is the grade's
//!   value (confirmed, else suggested): Again 0, Hard 0.5, Good 0.8, Easy 1;
//! - `T` is 1 within time, else `1 - overtime / limit` (at least 0);
//! - a skipped question, or a typed answer left empty, scores 0.
//!
//! The interview's score is the mean over the questions reached.

use serde::Serialize;

use crate::core::analysis::{AnswerTiming, Insights, fraction, percent, suggest_grade};
use crate::core::grade::Grade;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::matcher;
use crate::core::record::{Review, ReviewMode};

use super::question::MockQuestion;
use super::records::MockAnswered;

/// Weight of coverage in a question's score (timing has the rest).
pub const COVERAGE_WEIGHT: f64 = 0.7;

/// One question of the debrief.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefItem {
    pub index: usize,
    pub question: MockQuestion,
    pub answer: String,
    pub follow_up_answer: Option<String>,
    pub skipped: bool,
    /// Main answer time against its limit.
    pub timing: AnswerTiming,
    /// Overtime of the answer and the follow-up together.
    pub overtime_ms: u64,
    pub paused_ms: u64,
    /// Per key point: ticked (by the matcher, then by the candidate).
    pub checklist: Vec<bool>,
    /// Per key point: what the matcher found, to tell hand ticks apart.
    pub matched: Vec<bool>,
    /// Insights on the typed answer (`None` when spoken or skipped).
    pub insights: Option<Insights>,
    /// The grade the candidate confirmed.
    pub confirmed: Option<Grade>,
    spoken: bool,
}

impl DebriefItem {
    fn new(question: &MockQuestion, a: &MockAnswered, spoken: bool) -> Self {
        let limit_ms = u64::from(question.answer_seconds) * 1000;
        let matched = if a.coverage.len() == question.key_points.len() {
            a.coverage.clone()
        } else if spoken {
            vec![false; question.key_points.len()]
        } else {
            // The deck changed since the interview: match again.
            matcher::coverage(&a.answer, &question.key_points)
        };
        DebriefItem {
            index: a.index,
            question: question.clone(),
            answer: a.answer.clone(),
            follow_up_answer: a.follow_up_answer.clone(),
            skipped: a.skipped,
            timing: AnswerTiming {
                used_ms: a.answer_ms,
                limit_ms,
            },
            overtime_ms: a.overtime_ms + a.follow_up_overtime_ms,
            paused_ms: a.paused_ms,
            checklist: matched.clone(),
            matched,
            insights: (!spoken && !a.skipped).then(|| Insights::of(&a.answer, question.kind)),
            confirmed: None,
            spoken,
        }
    }

    /// Whether something was answered (spoken answers count once "done" was given).
    pub fn answered(&self) -> bool {
        !self.skipped && (self.spoken || !self.answer.trim().is_empty())
    }

    /// Share of key points ticked, `None` when the card has none.
    pub fn coverage(&self) -> Option<f64> {
        fraction(&self.checklist)
    }

    pub fn coverage_percent(&self) -> Option<u8> {
        self.coverage().map(percent)
    }

    pub fn within_time(&self) -> bool {
        self.overtime_ms == 0
    }

    /// The suggested grade from the current checklist and timing ([`suggest_grade`]).
    pub fn suggested_grade(&self) -> Grade {
        let mut timing = self.timing;
        if self.overtime_ms > 0 {
            // A follow-up over time counts as over time too.
            timing.used_ms = timing.used_ms.max(timing.limit_ms + self.overtime_ms);
        }
        suggest_grade(self.answered(), self.coverage(), timing)
    }

    /// The confirmed grade, else the suggested one.
    pub fn grade(&self) -> Grade {
        self.confirmed.unwrap_or_else(|| self.suggested_grade())
    }

    /// This question's score, 0-100 (see the module doc).
    pub fn score(&self) -> u8 {
        // Nothing said earns nothing, however punctual: a skipped question or an empty typed
        // answer (left to time out) scores 0.
        if !self.answered() {
            return 0;
        }
        let c = self.coverage().unwrap_or(match self.grade() {
            Grade::Again => 0.0,
            Grade::Hard => 0.5,
            Grade::Good => 0.8,
            Grade::Easy => 1.0,
        });
        let limit = self.timing.limit_ms.max(1) as f64;
        let t = (1.0 - self.overtime_ms as f64 / limit).max(0.0);
        percent(COVERAGE_WEIGHT * c + (1.0 - COVERAGE_WEIGHT) * t)
    }
}

/// Key points covered in one category over the interview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryCoverage {
    pub deck: DeckId,
    pub category: CategoryId,
    pub title: String,
    pub questions: usize,
    pub covered: usize,
    /// Key points asked (cards without key points add none).
    pub points: usize,
}

impl CategoryCoverage {
    pub fn percent(&self) -> Option<u8> {
        (self.points > 0).then(|| percent(self.covered as f64 / self.points as f64))
    }
}

/// How well the candidate kept to the clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TimeDiscipline {
    /// Answers given (skipped questions left out).
    pub answered: usize,
    pub within_time: usize,
    pub total_overtime_ms: u64,
}

impl TimeDiscipline {
    /// Share of answers within time, `None` with no answers.
    pub fn share_within_time(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.within_time as f64 / self.answered as f64)
    }
}

/// The debrief of one interview.
#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    pub items: Vec<DebriefItem>,
    /// Questions planned (more than `items.len()` after an early quit).
    pub planned: usize,
    pub completed: bool,
}

impl Debrief {
    /// Builds the debrief; answers whose index has no question are left out.
    pub fn new(
        questions: &[MockQuestion],
        answers: &[MockAnswered],
        spoken: bool,
        completed: bool,
    ) -> Self {
        let items = answers
            .iter()
            .filter_map(|a| Some(DebriefItem::new(questions.get(a.index)?, a, spoken)))
            .collect();
        Debrief {
            items,
            planned: questions.len(),
            completed,
        }
    }

    /// Ticks or unticks key point `point` of question `q` (positions in `items`). Returns the
    /// new state, `None` when out of range.
    pub fn toggle_point(&mut self, q: usize, point: usize) -> Option<bool> {
        let tick = self.items.get_mut(q)?.checklist.get_mut(point)?;
        *tick = !*tick;
        Some(*tick)
    }

    /// Confirms the grade of question `q`; false when out of range.
    pub fn set_grade(&mut self, q: usize, grade: Grade) -> bool {
        match self.items.get_mut(q) {
            Some(item) => {
                item.confirmed = Some(grade);
                true
            }
            None => false,
        }
    }

    /// Takes back the confirmed grade of question `q` (the suggested one counts again).
    pub fn clear_grade(&mut self, q: usize) {
        if let Some(item) = self.items.get_mut(q) {
            item.confirmed = None;
        }
    }

    /// Overall score 0-100: the mean of the questions' scores (0 with none).
    pub fn score(&self) -> u8 {
        if self.items.is_empty() {
            return 0;
        }
        let sum: u32 = self.items.iter().map(|i| u32::from(i.score())).sum();
        (f64::from(sum) / self.items.len() as f64).round() as u8
    }

    /// Key-point coverage per category, in order of first appearance.
    pub fn coverage_by_category(&self) -> Vec<CategoryCoverage> {
        let mut out: Vec<CategoryCoverage> = Vec::new();
        for item in &self.items {
            let q = &item.question;
            let pos = out
                .iter()
                .position(|c| c.deck == q.key.deck && c.category == q.category);
            let entry = match pos {
                Some(p) => &mut out[p],
                None => {
                    out.push(CategoryCoverage {
                        deck: q.key.deck.clone(),
                        category: q.category.clone(),
                        title: q.category_title.clone(),
                        questions: 0,
                        covered: 0,
                        points: 0,
                    });
                    let last = out.len() - 1;
                    &mut out[last]
                }
            };
            entry.questions += 1;
            entry.points += item.checklist.len();
            entry.covered += item.checklist.iter().filter(|c| **c).count();
        }
        out
    }

    pub fn time_discipline(&self) -> TimeDiscipline {
        let mut t = TimeDiscipline::default();
        for item in self.items.iter().filter(|i| !i.skipped) {
            t.answered += 1;
            t.within_time += usize::from(item.within_time());
            t.total_overtime_ms += item.overtime_ms;
        }
        t
    }

    /// Position in `items` of the best-scored answer (first on ties); skipped ones left out.
    pub fn strongest(&self) -> Option<usize> {
        self.ranked()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    }

    /// Position of the worst-scored answer (first on ties); `None` with fewer than two answers,
    /// where it would be the strongest too.
    pub fn weakest(&self) -> Option<usize> {
        if self.ranked().count() < 2 {
            return None;
        }
        self.ranked()
            .min_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
            .map(|(i, _)| i)
    }

    fn ranked(&self) -> impl Iterator<Item = (usize, u8)> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, i)| !i.skipped)
            .map(|(p, i)| (p, i.score()))
    }

    /// A review record body for each confirmed grade, for the scheduler (mode `mock`).
    pub fn reviews(&self) -> Vec<Review> {
        self.items
            .iter()
            .filter_map(|i| {
                Some(Review {
                    deck: i.question.key.deck.clone(),
                    card: i.question.key.card.clone(),
                    grade: i.confirmed?,
                    took_ms: i.timing.used_ms,
                    mode: ReviewMode::Mock,
                })
            })
            .collect()
    }
}
