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

/// One question was answered (or skipped); written when the question is done, follow-up
/// included, so a crash keeps every finished answer.
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
    MockFinished(MockFinished),
    MockDebriefed(MockDebriefed),
}
