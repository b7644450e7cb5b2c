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

use std::time::Duration;

use serde::Serialize;

use crate::core::analysis::{
    AnswerTiming, Insights, Response, check_answer, fraction, percent, suggest_grade_why,
};
use crate::core::grade::Grade;
use crate::core::ids::{CategoryId, DeckId, InterviewId};
use crate::core::record::{RecordBody, Review, ReviewMode};

use super::debrief_score::Scored;
use super::debrief_score::{ScoreParts, TimeDiscipline};
use super::events::Effect;
use super::history::Ending;
use super::question::MockQuestion;
use super::records::{MockAnswered, MockDebriefed, MockRecord};
use super::setup::{AnswerMode, MockSetup, Timing};
use crate::core::record::millis;

/// What the debrief needs of the interview's setup.
#[derive(Clone, Copy, Debug)]
struct Context {
    insights: bool,
    spoken: bool,
    strict: bool,
    follow_up_limit: Duration,
}

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
    pub overtime: Duration,
    pub paused: Duration,
    /// Per key point: ticked (by the matcher, then by the candidate).
    pub checklist: Vec<bool>,
    /// Per key point: what the matcher found, to tell hand ticks apart.
    pub matched: Vec<bool>,
    /// Per key point: the answer's words that made the matcher tick it (empty for a point it
    /// did not tick, for a spoken answer, and for a tick stored before the deck changed).
    pub matched_words: Vec<Vec<String>>,
    /// Per key point: those of `matched_words` found in the follow-up answer only.
    pub follow_up_words: Vec<Vec<String>>,
    /// Insights on the typed answer (`None` when spoken or skipped).
    pub insights: Option<Insights>,
    /// The grade the candidate confirmed.
    pub confirmed: Option<Grade>,
    /// The answer, or its follow-up, was cut off by a strict clock: over time, not within.
    pub cut_off: bool,
    spoken: bool,
    /// The ticks and grade the state log holds for this question.
    stored_checklist: Vec<bool>,
    stored_grade: Option<Grade>,
}

impl DebriefItem {
    fn new(question: &MockQuestion, a: &MockAnswered, ctx: Context) -> Self {
        let spoken = ctx.spoken;
        let limit = question.answer_time;
        let used = Duration::from_millis(a.answer_ms);
        let follow_up_limit = ctx.follow_up_limit;
        // A strict clock caps the time at the limit: reaching it means the clock ended the
        // answer (or the follow-up), not the candidate.
        let cut_off = ctx.strict
            && !a.skipped
            && ((!limit.is_zero() && used >= limit)
                || a.follow_up_ms.is_some_and(|ms| {
                    !follow_up_limit.is_zero() && Duration::from_millis(ms) >= follow_up_limit
                }));
        // The matched words are for the debrief screen; history and stats (built without
        // insights) skip the matcher unless the deck changed since the interview.
        let stale = a.coverage.len() != question.key_points.len();
        let words = if spoken || !(ctx.insights || stale) {
            Vec::new()
        } else {
            let follow_up = question
                .follow_up
                .as_deref()
                .zip(a.follow_up_answer.as_deref());
            check_answer(
                &question.topic(),
                &question.key_points,
                &a.answer,
                follow_up,
            )
            .points
        };
        let matched = if a.coverage.len() == question.key_points.len() {
            a.coverage.clone()
        } else if spoken {
            vec![false; question.key_points.len()]
        } else {
            // The deck changed since the interview: match again.
            words.iter().map(|p| p.covered).collect()
        };
        let (matched_words, follow_up_words) = matched
            .iter()
            .enumerate()
            .map(|(i, m)| match words.get(i) {
                Some(p) if *m && p.covered => (p.matched.clone(), p.in_follow_up.clone()),
                _ => (Vec::new(), Vec::new()),
            })
            .unzip();
        DebriefItem {
            index: a.index,
            question: question.clone(),
            answer: a.answer.clone(),
            follow_up_answer: a.follow_up_answer.clone(),
            skipped: a.skipped,
            timing: AnswerTiming { used, limit },
            overtime: Duration::from_millis(a.overtime_ms)
                + Duration::from_millis(a.follow_up_overtime_ms),
            paused: Duration::from_millis(a.paused_ms),
            checklist: matched.clone(),
            stored_checklist: matched.clone(),
            matched,
            matched_words,
            follow_up_words,
            insights: (ctx.insights && !spoken && !a.skipped).then(|| {
                Insights::of(
                    &whole_answer(&a.answer, a.follow_up_answer.as_deref()),
                    question.kind,
                )
            }),
            confirmed: None,
            stored_grade: None,
            cut_off,
            spoken,
        }
    }

    /// Whether something was answered (spoken answers count once "done" was given).
    pub fn answered(&self) -> bool {
        self.response() == Response::Given
    }

    /// [`DebriefItem::answered`], as the grading rule takes it.
    pub fn response(&self) -> Response {
        let typed = super::records::typed(&self.answer, self.follow_up_answer.as_deref());
        if !self.skipped && (self.spoken || typed) {
            Response::Given
        } else {
            Response::Missing
        }
    }

    /// Share of key points ticked, `None` when the card has none.
    pub fn coverage(&self) -> Option<f64> {
        fraction(&self.checklist)
    }

    pub fn coverage_percent(&self) -> Option<u8> {
        self.coverage().map(percent)
    }

    /// Ended within its time: not over (soft timing) and not cut off (strict timing).
    pub fn within_time(&self) -> bool {
        self.overtime.is_zero() && !self.cut_off
    }

    /// The suggested grade from the current checklist and timing
    /// ([`crate::core::analysis::suggest_grade`]).
    pub fn suggested_grade(&self) -> Grade {
        self.suggested_grade_why().0
    }

    /// [`DebriefItem::suggested_grade`] with the step of the rule that gave it ("under 50% of
    /// the key points covered").
    pub fn suggested_grade_why(&self) -> (Grade, String) {
        let mut timing = self.timing;
        if !self.within_time() {
            // A follow-up over time, or an answer cut off, counts as over time too.
            timing.used = timing
                .used
                .max(timing.limit + self.overtime.max(Duration::from_millis(1)));
        }
        suggest_grade_why(self.response(), self.coverage(), timing)
    }

    /// The confirmed grade, else the suggested one.
    pub fn grade(&self) -> Grade {
        self.confirmed.unwrap_or_else(|| self.suggested_grade())
    }

    /// This question's score and why ([`super::debrief_score`]).
    pub fn score_parts(&self) -> ScoreParts {
        ScoreParts::of(Scored {
            response: self.response(),
            ticked: self.checklist.iter().filter(|c| **c).count(),
            points: self.checklist.len(),
            grade: self.grade(),
            overtime: self.overtime,
            limit: self.timing.limit,
            cut_off: self.cut_off,
        })
    }

    /// This question's score, 0-100.
    pub fn score(&self) -> u8 {
        self.score_parts().score
    }

    /// Whether the ticks or the grade differ from what the state log holds.
    fn changed(&self) -> bool {
        self.checklist != self.stored_checklist || self.confirmed != self.stored_grade
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

/// What the candidate typed to a question, the follow-up's answer after the main one: the
/// insights (words, fillers, I and we, STAR) read both, as the key points do; a question left
/// blank whose follow-up was answered is read from the follow-up.
fn whole_answer<'a>(answer: &'a str, follow_up: Option<&str>) -> std::borrow::Cow<'a, str> {
    match follow_up.map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) if answer.trim().is_empty() => f.to_string().into(),
        Some(f) => format!("{}\n\n{f}", answer.trim_end()).into(),
        None => answer.into(),
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
