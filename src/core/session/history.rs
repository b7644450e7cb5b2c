//! Past mock interviews, rebuilt from the state log's records.
//!
//! An interview is its `MockStarted` record plus the `MockAnswered` and `MockFinished` records
//! with the same interview id. Its confirmed grades are the `Review { mode: Mock }` records of
//! its cards made after it started and before the next interview started (the debrief writes
//! them right after the interview). Records taken back by an `Undo` do not count.
//!
//! Pure: records and decks in, values out. A card that is no longer in the decks is shown as a
//! placeholder question so the answers keep their positions.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::core::deck::{Deck, Kind};
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, CategoryId, DeckId, InterviewId, RecordId};
use crate::core::record::{Record, RecordBody, ReviewMode};

use super::debrief::Debrief;
use super::question::MockQuestion;
use super::records::MockAnswered;
use super::setup::{AnswerMode, MockSetup};

/// How an interview ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Completed,
    /// The candidate quit (or input ended) before the last question.
    QuitEarly,
    /// No `MockFinished` record: prepdeck stopped mid-interview (a crash, a closed terminal).
    Interrupted,
}

impl Ending {
    pub fn label(self) -> &'static str {
        match self {
            Ending::Completed => "completed",
            Ending::QuitEarly => "quit early",
            Ending::Interrupted => "interrupted",
        }
    }
}

/// One interview as the log tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct PastInterview {
    pub id: InterviewId,
    pub started_at: DateTime<Utc>,
    pub setup: MockSetup,
    /// The questions planned, in order.
    pub questions: Vec<CardKey>,
    /// The answers recorded, by position (the first record of each position).
    pub answers: Vec<MockAnswered>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The score recorded at the end (before any grade was confirmed).
    pub recorded_score: Option<u8>,
    pub ending: Ending,
    /// Confirmed grades by card.
    pub grades: HashMap<CardKey, Grade>,
}

impl PastInterview {
    /// The decks asked from, in order of first question (the setup's when nothing was asked).
    pub fn decks(&self) -> Vec<DeckId> {
        let mut out: Vec<DeckId> = Vec::new();
        for k in &self.questions {
            if !out.contains(&k.deck) {
                out.push(k.deck.clone());
            }
        }
        if out.is_empty() {
            out = self.setup.decks.clone();
        }
        out
    }

    pub fn spoken(&self) -> bool {
        self.setup.mode == AnswerMode::Spoken
    }

    /// Questions answered (not skipped; typed answers not empty).
    pub fn answered(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| !a.skipped && (self.spoken() || !a.answer.trim().is_empty()))
            .count()
    }

    /// The questions as the decks have them now; a card gone from the decks becomes a
    /// placeholder. The setup's answer-time override is applied.
    pub fn mock_questions(&self, decks: &[Deck]) -> Vec<MockQuestion> {
        self.questions
            .iter()
            .map(|k| {
                MockQuestion::for_keys(decks, std::slice::from_ref(k))
                    .pop()
                    .unwrap_or_else(|| placeholder(k))
                    .with_setup(&self.setup)
            })
            .collect()
    }

    /// The debrief with the confirmed grades applied.
    pub fn debrief(&self, decks: &[Deck]) -> Debrief {
        let questions = self.mock_questions(decks);
        let mut debrief = Debrief::new(
            &questions,
            &self.answers,
            self.spoken(),
            self.ending == Ending::Completed,
        );
        for i in 0..debrief.items.len() {
            if let Some(g) = self.grades.get(&debrief.items[i].question.key) {
                debrief.set_grade(i, *g);
            }
        }
        debrief
    }
}

fn placeholder(key: &CardKey) -> MockQuestion {
    MockQuestion {
        key: key.clone(),
        category: CategoryId::new("unknown"),
        category_title: "(no longer in your decks)".into(),
        kind: Kind::Knowledge,
        question: format!("(the card {key} is no longer in the loaded decks)"),
        guidance: None,
        model_answer: String::new(),
        answer_seconds: 120,
        follow_up: None,
        key_points: Vec::new(),
    }
}

/// Every interview in the log, oldest first.
pub fn past_interviews(records: &[Record]) -> Vec<PastInterview> {
    let undone: HashSet<&RecordId> = records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Undo { target } => Some(target),
            _ => None,
        })
        .collect();
    let mut ordered: Vec<&Record> = records.iter().filter(|r| !undone.contains(&r.id)).collect();
    ordered.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));

    let mut out: Vec<PastInterview> = Vec::new();
    let mut by_id: HashMap<InterviewId, usize> = HashMap::new();
    for r in &ordered {
        if let RecordBody::MockStarted(m) = &r.body
            && !by_id.contains_key(&m.interview)
        {
            by_id.insert(m.interview.clone(), out.len());
            out.push(PastInterview {
                id: m.interview.clone(),
                started_at: r.at,
                setup: m.setup.clone(),
                questions: m.questions.clone(),
                answers: Vec::new(),
                finished_at: None,
                recorded_score: None,
                ending: Ending::Interrupted,
                grades: HashMap::new(),
            });
        }
    }
    for r in &ordered {
        match &r.body {
            RecordBody::MockAnswered(a) => {
                if let Some(p) = by_id.get(&a.interview).map(|&i| &mut out[i])
                    && !p.answers.iter().any(|x| x.index == a.index)
                {
                    p.answers.push(a.as_ref().clone());
                }
            }
            RecordBody::MockFinished(f) => {
                if let Some(p) = by_id.get(&f.interview).map(|&i| &mut out[i])
                    && p.finished_at.is_none()
                {
                    p.finished_at = Some(r.at);
                    p.recorded_score = Some(f.score);
                    p.ending = if f.completed {
                        Ending::Completed
                    } else {
                        Ending::QuitEarly
                    };
                }
            }
            _ => {}
        }
    }
    for p in &mut out {
        p.answers.sort_by_key(|a| a.index);
    }
    attach_grades(&ordered, &mut out);
    out
}

/// Gives each interview the first mock review of each of its cards in its window.
fn attach_grades(ordered: &[&Record], interviews: &mut [PastInterview]) {
    let starts: Vec<DateTime<Utc>> = interviews.iter().map(|p| p.started_at).collect();
    for r in ordered {
        let RecordBody::Review(review) = &r.body else {
            continue;
        };
        if review.mode != ReviewMode::Mock {
            continue;
        }
        // The latest interview that started at or before this review.
        let Some(i) = starts.iter().rposition(|s| *s <= r.at) else {
            continue;
        };
        let key = CardKey {
            deck: review.deck.clone(),
            card: review.card.clone(),
        };
        let p = &mut interviews[i];
        if p.questions.contains(&key) {
            p.grades.entry(key).or_insert(review.grade);
        }
    }
}

/// Finds an interview by id.
pub fn find_interview<'a>(all: &'a [PastInterview], id: &str) -> Option<&'a PastInterview> {
    all.iter().find(|p| p.id.as_str() == id)
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
