//! What a mock interview asks the state log to keep. The store wraps each in a
//! [`crate::core::record::Record`] (adding id and timestamp) and adds them to `RecordBody`.
//!
//! Confirmed debrief grades also become ordinary [`crate::core::record::Review`] records with
//! `mode: mock`, which the scheduler replays; [`MockDebriefed`] says which question of which
//! interview a grade (and the candidate's ticks) belongs to.

use serde::{Deserialize, Serialize};

use crate::core::grade::Grade;
use crate::core::ids::{CardKey, InterviewId};

use super::setup::MockSetup;

/// An interview began.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MockStarted {
    pub interview: InterviewId,
    pub setup: MockSetup,
    /// The questions, in the order asked.
    pub questions: Vec<CardKey>,
}

/// One question was answered (or skipped). Written when the question is done; or, when a
/// follow-up is asked, as soon as the main answer is submitted (before the follow-up is
/// shown), so a crash, a kill or a closed terminal during the follow-up keeps the main answer.
/// The follow-up's answer then comes in a [`MockFollowUp`] record, joined to this one on
/// replay ([`MockAnswered::join`]); until it does (the interview was cut off), this record is
/// the whole answer, assessed on the main answer alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MockAnswered {
    pub interview: InterviewId,
    /// 0-based position in the interview.
    pub index: usize,
    pub card: CardKey,
    /// The typed answer (empty in spoken mode or when skipped).
    pub answer: String,
    /// The follow-up's answer; `None` when no follow-up was asked or it was skipped.
    #[serde(default)]
    pub follow_up_answer: Option<String>,
    /// Answer time, pauses excluded (capped at the limit in strict timing).
    pub answer_ms: u64,
    /// Time past the limit (soft timing only).
    pub overtime_ms: u64,
    /// Follow-up answer time, pauses excluded.
    #[serde(default)]
    pub follow_up_ms: Option<u64>,
    #[serde(default)]
    pub follow_up_overtime_ms: u64,
    /// Time spent paused on this question (any phase).
    pub paused_ms: u64,
    /// The question was skipped before an answer was given.
    #[serde(default)]
    pub skipped: bool,
    /// Per key point, whether the matcher found it in the answer (all false in spoken mode).
    pub coverage: Vec<bool>,
    /// The suggested grade when answered; `None` in spoken mode (nothing to judge yet).
    pub grade: Option<Grade>,
}

impl MockAnswered {
    /// Whether anything was typed to the question: its answer or its follow-up's (a question
    /// left blank whose follow-up was answered is answered, and scored on what it says).
    pub fn typed_something(&self) -> bool {
        typed(&self.answer, self.follow_up_answer.as_deref())
    }

    /// This main answer with its follow-up's record applied: the follow-up's answer and
    /// times, the question's paused time, and the matcher's ticks and suggested grade over
    /// both answers. `None` when `f` is another question's.
    pub fn join(&self, f: &MockFollowUp) -> Option<MockAnswered> {
        (f.interview == self.interview && f.index == self.index && f.card == self.card).then(|| {
            MockAnswered {
                follow_up_answer: f.follow_up_answer.clone(),
                follow_up_ms: f.follow_up_ms,
                follow_up_overtime_ms: f.follow_up_overtime_ms,
                paused_ms: f.paused_ms,
                coverage: f.coverage.clone(),
                grade: f.grade,
                ..self.clone()
            }
        })
    }
}

/// The end of a question whose follow-up was asked (record format 4): the follow-up's answer
/// (`None` when it was skipped or the interview was ended before anything was typed) and the
/// question's final assessment. Its main answer is the [`MockAnswered`] record written when it
/// was submitted; this record never repeats it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MockFollowUp {
    pub interview: InterviewId,
    /// 0-based position in the interview.
    pub index: usize,
    pub card: CardKey,
    #[serde(default)]
    pub follow_up_answer: Option<String>,
    /// Follow-up answer time, pauses excluded; `None` with no answer.
    #[serde(default)]
    pub follow_up_ms: Option<u64>,
    #[serde(default)]
    pub follow_up_overtime_ms: u64,
    /// Time spent paused on the question (any phase, the main answer's included).
    pub paused_ms: u64,
    /// Per key point, whether the matcher found it in the main answer or the follow-up's
    /// (replaces the main answer record's).
    pub coverage: Vec<bool>,
    /// The suggested grade over both answers (replaces the main answer record's).
    pub grade: Option<Grade>,
}

impl MockFollowUp {
    /// The follow-up part of `whole`, a question's answer as the interview holds it.
    pub fn of(whole: &MockAnswered) -> MockFollowUp {
        MockFollowUp {
            interview: whole.interview.clone(),
            index: whole.index,
            card: whole.card.clone(),
            follow_up_answer: whole.follow_up_answer.clone(),
            follow_up_ms: whole.follow_up_ms,
            follow_up_overtime_ms: whole.follow_up_overtime_ms,
            paused_ms: whole.paused_ms,
            coverage: whole.coverage.clone(),
            grade: whole.grade,
        }
    }
}

/// The interview ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MockFinished {
    pub interview: InterviewId,
    /// Overall score (0-100) at the end, before any checklist change in the debrief.
    pub score: u8,
    /// False when the candidate quit early.
    pub completed: bool,
}

/// The candidate's verdict on one question in the debrief: the key points as they left them
/// ticked (the matcher's ticks, changed by hand; a spoken answer's only ticks) and the grade
/// they confirmed. Written whenever either changes; the latest for a question counts, so what
/// the debrief showed is what `history`, `report` and statistics use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MockDebriefed {
    pub interview: InterviewId,
    /// 0-based position in the interview.
    pub index: usize,
    pub card: CardKey,
    /// Per key point, ticked or not, in the card's order.
    pub checklist: Vec<bool>,
    /// The confirmed grade (also written as a mock-mode review); `None`: not graded, or the
    /// grade was taken back.
    #[serde(default)]
    pub grade: Option<Grade>,
}

/// Any of these, as carried by [`super::Effect::Record`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MockRecord {
    MockStarted(MockStarted),
    MockAnswered(MockAnswered),
    MockFollowUp(MockFollowUp),
    MockFinished(MockFinished),
    MockDebriefed(MockDebriefed),
}

/// Whether an answer or its follow-up's holds anything but blanks.
pub fn typed(answer: &str, follow_up: Option<&str>) -> bool {
    !answer.trim().is_empty() || follow_up.is_some_and(|f| !f.trim().is_empty())
}
