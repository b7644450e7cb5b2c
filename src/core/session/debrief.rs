//! The debrief after a mock interview: per question, the answer against the clock, the
//! key-point checklist (pre-ticked by the matcher, changeable by the candidate), insights and
//! grades; for the whole interview, a score, coverage by category and time discipline.
//!
//! Built from the questions and the `MockAnswered` records, so a past interview can be shown
//! again from the state log (with the candidate's ticks and grades from its `MockDebriefed`
//! records, see [`super::history`]). Only questions reached appear (an early quit gives a
//! partial debrief).
//!
//! What the candidate sees is what is stored: the debrief remembers what the log holds for
//! each question, and [`Debrief::take_records`] gives a `MockDebriefed` record for every
//! question whose ticks or confirmed grade changed since. A front end writes them as it writes
//! the interview's other records (after each debrief action, say).
//!
//! The score is explained in [`super::debrief_score`]; the interview's score is the mean over
//! the questions reached.
//!
//! One question's part of it, [`DebriefItem`], is beside it in `debrief_item.rs`.

use std::time::Duration;

use serde::Serialize;

use crate::core::analysis::percent;
use crate::core::grade::Grade;
use crate::core::ids::{CategoryId, DeckId, InterviewId};
use crate::core::record::{RecordBody, Review, ReviewMode};

use super::debrief_score::TimeDiscipline;
use super::events::Effect;
use super::history::Ending;
use super::question::MockQuestion;
use super::records::{MockAnswered, MockDebriefed, MockRecord};
use super::setup::{AnswerMode, MockSetup, Timing};
use crate::core::record::millis;

#[path = "debrief_item.rs"]
mod item;

pub use item::DebriefItem;

/// What the debrief needs of the interview's setup.
#[derive(Clone, Copy, Debug)]
struct Context {
    insights: bool,
    spoken: bool,
    strict: bool,
    follow_up_limit: Duration,
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

/// Whether a debrief works out the insights on each answer (statistics need only ticks and
/// scores).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Analysis {
    Include,
    Omit,
}

/// The debrief of one interview.
#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    pub interview: InterviewId,
    pub items: Vec<DebriefItem>,
    /// Questions planned (more than `items.len()` after an early quit).
    pub planned: usize,
    /// How the interview ended ([`Ending::Interrupted`] while it runs, and when the log has
    /// no end for it).
    pub ending: Ending,
}

impl Debrief {
    /// Builds the debrief of interview `interview`; answers whose index has no question are
    /// left out. Ticks are the matcher's, as the `MockAnswered` records hold them.
    pub fn new(
        interview: &InterviewId,
        setup: &MockSetup,
        questions: &[MockQuestion],
        answers: &[MockAnswered],
        ending: Ending,
    ) -> Self {
        Self::build(
            interview,
            setup,
            questions,
            answers,
            ending,
            Analysis::Include,
        )
    }

    /// [`Debrief::new`], with or without the insights on each answer.
    pub(super) fn build(
        interview: &InterviewId,
        setup: &MockSetup,
        questions: &[MockQuestion],
        answers: &[MockAnswered],
        ending: Ending,
        insights: Analysis,
    ) -> Self {
        let ctx = Context {
            insights: insights == Analysis::Include,
            spoken: setup.mode == AnswerMode::Spoken,
            strict: setup.timing == Timing::Strict,
            follow_up_limit: setup.follow_up_time(),
        };
        let items = answers
            .iter()
            .filter_map(|a| Some(DebriefItem::new(questions.get(a.index)?, a, ctx)))
            .collect();
        Debrief {
            interview: interview.clone(),
            items,
            planned: questions.len(),
            ending,
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

    /// Sets question `q` to what the state log holds: the candidate's ticks (ignored when the
    /// card's key points changed since) and confirmed grade.
    pub(super) fn restore(&mut self, q: usize, checklist: Option<&[bool]>, grade: Option<Grade>) {
        let Some(item) = self.items.get_mut(q) else {
            return;
        };
        if let Some(ticks) = checklist.filter(|t| t.len() == item.checklist.len()) {
            item.checklist = ticks.to_vec();
        }
        item.confirmed = grade;
        item.stored_checklist = item.checklist.clone();
        item.stored_grade = grade;
    }

    /// A `MockDebriefed` record for each question whose ticks or confirmed grade changed since
    /// the state log last heard of it; from then on they count as stored. Write them in order
    /// (a front end writes them like the interview's other records).
    pub fn take_records(&mut self) -> Vec<MockRecord> {
        let interview = self.interview.clone();
        self.items
            .iter_mut()
            .filter(|i| i.changed())
            .map(|i| {
                i.stored_checklist = i.checklist.clone();
                i.stored_grade = i.confirmed;
                MockRecord::MockDebriefed(MockDebriefed {
                    interview: interview.clone(),
                    index: i.index,
                    card: i.question.key.clone(),
                    checklist: i.checklist.clone(),
                    grade: i.confirmed,
                })
            })
            .collect()
    }

    /// [`Debrief::take_records`] as [`Effect::Record`]s, for a driver that carries out the
    /// interview's effects in order.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        self.take_records()
            .into_iter()
            .map(Effect::Record)
            .collect()
    }

    /// Confirms `grade` for question `q`, which has none yet, and returns what to write, in
    /// order: the mock-mode review for the scheduler, then the `MockDebriefed` record(s) with
    /// the ticks and grade. `None` when out of range or already graded (changing a recorded
    /// grade takes its review back with an `Undo` first, which only the writer can do).
    pub fn confirm(&mut self, q: usize, grade: Grade) -> Option<Vec<RecordBody>> {
        let item = self.items.get(q)?;
        if item.confirmed.is_some() {
            return None;
        }
        let review = Review {
            deck: item.question.key.deck.clone(),
            card: item.question.key.card.clone(),
            grade,
            took_ms: millis(item.timing.used),
            mode: ReviewMode::Mock,
        };
        self.set_grade(q, grade);
        let mut out = vec![RecordBody::Review(review)];
        out.extend(self.take_records().into_iter().map(RecordBody::from));
        Some(out)
    }

    /// Positions (in `items`) of the questions without a confirmed grade: the scheduler has
    /// not heard of them.
    pub fn ungraded(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.items[i].confirmed.is_none())
            .collect()
    }

    /// Whether some question reached has no confirmed grade (leaving now would leave it
    /// ungraded: ask first).
    pub fn has_ungraded(&self) -> bool {
        self.items.iter().any(|i| i.confirmed.is_none())
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
            t.cut_off += usize::from(item.cut_off);
            t.total_overtime += item.overtime;
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
                    took_ms: millis(i.timing.used),
                    mode: ReviewMode::Mock,
                })
            })
            .collect()
    }
}
