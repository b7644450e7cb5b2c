//! Replay: folds the state log into each card's derived state.
//!
//! Nothing derived is stored; this is the only way card memory comes to exist. Records are
//! applied in time order (ties broken by id), so two logs merged by union replay the same
//! however their lines were interleaved. A record that an `Undo` targets is ignored entirely.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::card::{CardMemory, Phase};
use super::config::SchedulerConfig;
use super::fuzz::fuzz_seed;
use super::scheduler::Scheduler;
use crate::core::deck::Deck;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, RecordId};
use crate::core::record::{Record, RecordBody, ReviewMode};

/// One review that counts (not undone).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewEntry {
    pub id: RecordId,
    pub key: CardKey,
    pub at: DateTime<Utc>,
    pub grade: Grade,
    pub took_ms: u64,
    pub mode: ReviewMode,
    /// The card's phase when it was reviewed (New for a first review).
    pub phase_before: Phase,
    /// When the review made the card due again.
    pub due_after: Option<DateTime<Utc>>,
}

/// Everything derived from the log: per card state, and the effective reviews in time order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Progress {
    cards: BTreeMap<CardKey, CardMemory>,
    reviews: Vec<ReviewEntry>,
}

/// Folds `records` (any order) into [`Progress`] with the scheduler settings `config`.
pub fn replay(records: &[Record], config: &SchedulerConfig) -> Progress {
    let scheduler = Scheduler::new(config);
    let undone: HashSet<&RecordId> = records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Undo { target } => Some(target),
            _ => None,
        })
        .collect();
    let mut ordered: Vec<&Record> = records.iter().filter(|r| !undone.contains(&r.id)).collect();
    ordered.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    // The same id twice (a merge that was not deduplicated) counts once.
    ordered.dedup_by(|a, b| a.id == b.id);

    let mut progress = Progress::default();
    for record in ordered {
        progress.apply(&scheduler, record);
    }
    progress
}

impl Progress {
    fn apply(&mut self, scheduler: &Scheduler, record: &Record) {
        match &record.body {
            RecordBody::Review(review) => {
                let key = CardKey {
                    deck: review.deck.clone(),
                    card: review.card.clone(),
                };
                let card = self.cards.entry(key.clone()).or_default();
                let phase_before = card.phase;
                let seed = fuzz_seed(&record.id);
                *card = scheduler.review(card, review.grade, record.at, Some(seed));
                self.reviews.push(ReviewEntry {
                    id: record.id.clone(),
                    key,
                    at: record.at,
                    grade: review.grade,
                    took_ms: review.took_ms,
                    mode: review.mode,
                    phase_before,
                    due_after: card.due,
                });
            }
            RecordBody::Undo { .. } => {}
            RecordBody::Suspend { deck, card } => {
                self.entry(deck, card).suspended = true;
            }
            RecordBody::Unsuspend { deck, card } => {
                self.entry(deck, card).suspended = false;
            }
            RecordBody::Bury { deck, card, until } => {
                self.entry(deck, card).buried_until = Some(*until);
            }
        }
    }

    fn entry(
        &mut self,
        deck: &crate::core::ids::DeckId,
        card: &crate::core::ids::CardId,
    ) -> &mut CardMemory {
        self.cards
            .entry(CardKey {
                deck: deck.clone(),
                card: card.clone(),
            })
            .or_default()
    }

    /// The derived state of a card; `None` means new and never touched.
    pub fn card(&self, key: &CardKey) -> Option<&CardMemory> {
        self.cards.get(key)
    }

    /// Every card the log mentions, in key order.
    pub fn cards(&self) -> impl Iterator<Item = (&CardKey, &CardMemory)> {
        self.cards.iter()
    }

    /// The effective reviews in the order they were applied (time, then id).
    pub fn reviews(&self) -> &[ReviewEntry] {
        &self.reviews
    }

    /// The effective reviews of one card, oldest first.
    pub fn reviews_of<'a>(&'a self, key: &'a CardKey) -> impl Iterator<Item = &'a ReviewEntry> {
        self.reviews.iter().filter(move |r| &r.key == key)
    }

    /// What "undo the last review" should target: the latest effective review's record id.
    pub fn undo_target(&self) -> Option<&RecordId> {
        self.reviews.last().map(|r| &r.id)
    }

    /// Cards with progress that no loaded deck has any more (deleted or renamed), in key order.
    pub fn orphans(&self, known: &HashSet<CardKey>) -> Vec<&CardKey> {
        self.cards.keys().filter(|k| !known.contains(*k)).collect()
    }
}

/// The keys of every card of `decks` (for [`Progress::orphans`]).
pub fn known_keys(decks: &[Deck]) -> HashSet<CardKey> {
    decks
        .iter()
        .flat_map(|d| d.cards.iter().map(|c| d.key(c)))
        .collect()
}
