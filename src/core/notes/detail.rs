//! A card's detail page: its question, the candidate's note and answer, every attempt, the
//! review history and the memory now. One value the app, `prepdeck cards show` and scripts
//! (`--json`) all show.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use super::attempts::{Attempt, best_attempt};
use super::browse::{CardState, card_states};
use super::{Notebook, Written};
use crate::core::deck::{Card, Deck};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CategoryId, DeckId, RecordId};
use crate::core::record::ReviewMode;
use crate::core::schedule::{Model, Progress, ReviewEntry};

/// One review of the card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub grade: Grade,
    pub mode: ReviewMode,
    /// Time until the card was due again after this review (in whole seconds in JSON:
    /// `interval_seconds`).
    #[serde(rename = "interval_seconds", serialize_with = "whole_seconds")]
    pub interval: Option<TimeDelta>,
}

/// An interval as `prepdeck cards show --json` has always shown it: whole seconds, or null.
fn whole_seconds<S: serde::Serializer>(d: &Option<TimeDelta>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&d.num_seconds()),
        None => s.serialize_none(),
    }
}

/// The card's memory at `now` (FSRS).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemoryNow {
    pub stability: f64,
    pub difficulty: f64,
    /// Probability of recall now, 0 to 1.
    pub recall_now: f64,
    pub due: Option<DateTime<Utc>>,
    pub reps: u32,
    pub lapses: u32,
}

/// Everything known about one card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardDetail {
    pub deck: DeckId,
    pub deck_title: String,
    pub card: CardId,
    pub category: CategoryId,
    pub kind: &'static str,
    pub question: String,
    pub answer: String,
    pub key_points: Vec<String>,
    pub tags: Vec<String>,
    pub states: Vec<CardState>,
    pub note: Option<Written>,
    pub my_answer: Option<Written>,
    /// Newest first.
    pub attempts: Vec<Attempt>,
    /// The newest attempt's record, and the best one's (see [`best_attempt`]).
    pub previous_attempt: Option<RecordId>,
    pub best_attempt: Option<RecordId>,
    /// Newest first.
    pub history: Vec<HistoryEntry>,
    /// `None` for a card never reviewed.
    pub memory: Option<MemoryNow>,
    /// Where the deck is (a path or `built-in:...`) and the card's line in it.
    pub source: String,
    pub line: usize,
}

/// The detail of `card` of `deck` at `now`.
pub fn card_detail(
    deck: &Deck,
    card: &Card,
    progress: &Progress,
    notebook: &Notebook,
    now: DateTime<Utc>,
) -> CardDetail {
    let key = deck.key(card);
    let reviews: Vec<&ReviewEntry> = progress.reviews_of(&key).collect();
    let attempts = notebook.attempts(&key, &reviews);
    let memory_state = progress.card(&key);
    let memory = memory_state.and_then(|m| {
        let mem = m.memory?;
        Some(MemoryNow {
            stability: mem.stability,
            difficulty: mem.difficulty,
            recall_now: crate::core::stats::recall_now(&Model::default(), m, now),
            due: m.due,
            reps: m.reps,
            lapses: m.lapses,
        })
    });
    let history = reviews
        .iter()
        .rev()
        .map(|r| HistoryEntry {
            at: r.at,
            grade: r.grade,
            mode: r.mode,
            interval: r.interval_seconds().map(TimeDelta::seconds),
        })
        .collect();
    CardDetail {
        deck: deck.id.clone(),
        deck_title: deck.title.clone(),
        card: card.id.clone(),
        category: card.category.clone(),
        kind: card.kind.as_str(),
        question: card.question.clone(),
        answer: card.answer.clone(),
        key_points: card.key_points.iter().map(|k| k.text.clone()).collect(),
        tags: card.tags.clone(),
        states: card_states(memory_state, now),
        note: notebook.note(&key).cloned(),
        my_answer: notebook.my_answer(&key).cloned(),
        previous_attempt: attempts.first().map(|a| a.id.clone()),
        best_attempt: best_attempt(&attempts).map(|a| a.id.clone()),
        attempts,
        history,
        memory,
        source: deck.source.display_name(),
        line: card.line,
    }
}
