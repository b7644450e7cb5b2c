//! One question of the debrief: its answer against the clock, the key-point checklist (the
//! matcher's ticks, then the candidate's), insights, the suggested and confirmed grade and its
//! score, and what the state log holds of it.

use std::time::Duration;

use crate::core::analysis::{
    AnswerTiming, Insights, Response, check_answer, fraction, percent, suggest_grade_why,
};
use crate::core::grade::Grade;

use super::super::debrief_score::{ScoreParts, Scored};
use super::super::question::MockQuestion;
use super::super::records::MockAnswered;
use super::Context;

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
    pub(super) stored_checklist: Vec<bool>,
    pub(super) stored_grade: Option<Grade>,
}

impl DebriefItem {
    pub(super) fn new(question: &MockQuestion, a: &MockAnswered, ctx: Context) -> Self {
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
        let typed = super::super::records::typed(&self.answer, self.follow_up_answer.as_deref());
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

    /// This question's score and why ([`super::super::debrief_score`]).
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
    pub(super) fn changed(&self) -> bool {
        self.checklist != self.stored_checklist || self.confirmed != self.stored_grade
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
