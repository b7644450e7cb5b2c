//! A question's answer as the mock interview records it: the texts and times given, the
//! matcher's ticks over them and the suggested grade. Used at the main answer (a question
//! with a follow-up records it then, assessed on its own) and when the question is done.

use std::time::Duration;

use crate::core::analysis::{
    AnswerTiming, KeyPointCoverage, Response, check_answer, suggest_grade,
};
use crate::core::grade::Grade;
use crate::core::ids::InterviewId;
use crate::core::record::millis;

use super::question::MockQuestion;
use super::records::MockAnswered;
use super::setup::{AnswerMode, MockSetup, Timing};

/// An answer given in one phase (the main answer or the follow-up's).
#[derive(Clone, Debug)]
pub(super) struct Given {
    pub text: String,
    pub took: Duration,
    pub overtime: Duration,
}

impl Given {
    /// Nothing given (a skipped question).
    pub const NONE: Given = Given {
        text: String::new(),
        took: Duration::ZERO,
        overtime: Duration::ZERO,
    };
}

/// How a question ended: answered (possibly with nothing typed) or skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Answered,
    Skipped,
}

/// What the interview knows of question `index` when it records it.
pub(super) struct Answer<'a> {
    pub interview: &'a InterviewId,
    pub setup: &'a MockSetup,
    pub index: usize,
    pub question: &'a MockQuestion,
    pub main: &'a Given,
    /// The follow-up's answer; `None` when not asked (yet), skipped or left empty at an end.
    pub follow: Option<&'a Given>,
    /// Paused so far on the question.
    pub paused: Duration,
    pub outcome: Outcome,
}

impl Answer<'_> {
    /// The record of this answer: the matcher's ticks over the main answer and the
    /// follow-up's (its question's words aside), and the suggested grade.
    pub fn record(&self) -> MockAnswered {
        let q = self.question;
        let main = self.main;
        let skipped = self.outcome == Outcome::Skipped;
        let typed = self.setup.mode == AnswerMode::Typed;
        let coverage = if typed {
            let follow_up = q
                .follow_up
                .as_deref()
                .zip(self.follow.map(|f| f.text.as_str()));
            KeyPointCoverage {
                covered: check_answer(&q.topic(), &q.key_points, &main.text, follow_up)
                    .points
                    .iter()
                    .map(|p| p.covered)
                    .collect(),
            }
        } else {
            KeyPointCoverage {
                covered: vec![false; q.key_points.len()],
            }
        };
        let grade = if skipped {
            Some(Grade::Again)
        } else if typed {
            let limit = q.answer_time;
            // To the millisecond, as the record keeps it and the debrief reads it back.
            let used = Duration::from_millis(millis(main.took));
            // Cut off by a strict clock (the time is capped at the limit) is over time.
            let cut_off = self.setup.timing == Timing::Strict && used >= limit;
            let timing = AnswerTiming {
                used: if cut_off {
                    limit + Duration::from_millis(1)
                } else {
                    used
                },
                limit,
            };
            let wrote = super::records::typed(&main.text, self.follow.map(|f| f.text.as_str()));
            let response = if !wrote {
                Response::Missing
            } else {
                Response::Given
            };
            Some(suggest_grade(response, coverage.fraction(), timing))
        } else {
            None
        };
        let follow = self.follow;
        MockAnswered {
            interview: self.interview.clone(),
            index: self.index,
            card: q.key.clone(),
            answer: main.text.clone(),
            follow_up_answer: follow.map(|f| f.text.clone()),
            answer_ms: millis(main.took),
            overtime_ms: millis(main.overtime),
            follow_up_ms: follow.map(|f| millis(f.took)),
            follow_up_overtime_ms: follow.map_or(0, |f| millis(f.overtime)),
            paused_ms: millis(self.paused),
            skipped,
            coverage: coverage.covered,
            grade,
        }
    }
}
