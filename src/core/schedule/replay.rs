//! Replay: folds the state log into each card's derived state.
//!
//! Nothing derived is stored; this is the only way card memory comes to exist. Records are
//! applied in time order (ties broken by id), so two logs merged by union replay the same
//! however their lines were interleaved. A record that an `Undo` targets is ignored entirely.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};

use super::card::{CardMemory, Phase};
use super::config::SchedulerConfig;
use super::fuzz::fuzz_seed;
use super::scheduler::Scheduler;
use crate::core::deck::Deck;
use crate::core::fast_hash::{FastMap, FastSet};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CardKey, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, ReviewMode};

/// One review that counts (not undone).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewEntry {
    pub id: RecordId,
    /// Shared by every review of the card (a card has hundreds of reviews in a long log).
    pub key: Arc<CardKey>,
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
#[derive(Clone, Debug, Default)]
pub struct Progress {
    /// Every card the log mentions, in key order.
    cards: Vec<(Arc<CardKey>, CardMemory)>,
    /// Where each key is in `cards`.
    index: FastMap<Arc<CardKey>, usize>,
    reviews: Vec<ReviewEntry>,
}

impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        self.cards == other.cards && self.reviews == other.reviews
    }
}

impl Serialize for Progress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Cards<'a>(&'a [(Arc<CardKey>, CardMemory)]);
        impl Serialize for Cards<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (key, memory) in self.0 {
                    map.serialize_entry(&**key, memory)?;
                }
                map.end()
            }
        }
        let mut s = serializer.serialize_struct("Progress", 2)?;
        s.serialize_field("cards", &Cards(&self.cards))?;
        s.serialize_field("reviews", &self.reviews)?;
        s.end()
    }
}

/// Folds `records` (any order) into [`Progress`] with the scheduler settings `config`.
pub fn replay(records: &[Record], config: &SchedulerConfig) -> Progress {
    let scheduler = Scheduler::new(config);
    let undone: FastSet<&RecordId> = records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Undo { target } => Some(target),
            _ => None,
        })
        .collect();
    let mut ordered: Vec<&Record> = if undone.is_empty() {
        records.iter().collect()
    } else {
        records.iter().filter(|r| !undone.contains(&r.id)).collect()
    };
    // A log is appended in time order, so it is usually sorted already; a merged one may not be.
    let in_order = |a: &Record, b: &Record| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id));
    if !ordered.is_sorted_by(|a, b| in_order(a, b).is_le()) {
        ordered.sort_by(|a, b| in_order(a, b));
    }
    // The same id twice (a merge that was not deduplicated) counts once.
    ordered.dedup_by(|a, b| a.id == b.id);

    let mut fold = Fold {
        scheduler: &scheduler,
        slots: FastMap::default(),
        keys: Vec::new(),
        memories: Vec::new(),
        reviews: Vec::with_capacity(ordered.len()),
    };
    for record in ordered {
        fold.apply(record);
    }
    fold.finish()
}

/// Replay in progress: cards are numbered as they first appear, looked up by the record's own
/// strings (no key is built or cloned per record).
struct Fold<'r, 's> {
    scheduler: &'s Scheduler,
    slots: FastMap<(&'r str, &'r str), usize>,
    keys: Vec<Arc<CardKey>>,
    memories: Vec<CardMemory>,
    reviews: Vec<ReviewEntry>,
}

impl<'r> Fold<'r, '_> {
    fn slot(&mut self, deck: &'r DeckId, card: &'r CardId) -> usize {
        let Fold {
            slots,
            keys,
            memories,
            ..
        } = self;
        *slots
            .entry((deck.as_str(), card.as_str()))
            .or_insert_with(|| {
                keys.push(Arc::new(CardKey {
                    deck: deck.clone(),
                    card: card.clone(),
                }));
                memories.push(CardMemory::default());
                keys.len() - 1
            })
    }

    fn apply(&mut self, record: &'r Record) {
        match &record.body {
            RecordBody::Review(review) => {
                let slot = self.slot(&review.deck, &review.card);
                let card = &mut self.memories[slot];
                let phase_before = card.phase;
                let seed = fuzz_seed(&record.id);
                *card = self
                    .scheduler
                    .review(card, review.grade, record.at, Some(seed));
                let due_after = card.due;
                self.reviews.push(ReviewEntry {
                    id: record.id.clone(),
                    key: Arc::clone(&self.keys[slot]),
                    at: record.at,
                    grade: review.grade,
                    took_ms: review.took_ms,
                    mode: review.mode,
                    phase_before,
                    due_after,
                });
            }
            // Undo is applied by filtering its target out before the fold; mock-interview records
            // change no card memory (their confirmed grades arrive as ordinary reviews).
            RecordBody::Undo { .. }
            | RecordBody::MockStarted(_)
            | RecordBody::MockAnswered(_)
            | RecordBody::MockFinished(_) => {}
            RecordBody::Suspend { deck, card } => {
                let slot = self.slot(deck, card);
                self.memories[slot].suspended = true;
            }
            RecordBody::Unsuspend { deck, card } => {
                let slot = self.slot(deck, card);
                self.memories[slot].suspended = false;
            }
            RecordBody::Bury { deck, card, until } => {
                let slot = self.slot(deck, card);
                self.memories[slot].buried_until = Some(*until);
            }
        }
    }

    fn finish(self) -> Progress {
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_unstable_by(|&a, &b| self.keys[a].cmp(&self.keys[b]));
        let cards: Vec<(Arc<CardKey>, CardMemory)> = order
            .iter()
            .map(|&i| (Arc::clone(&self.keys[i]), self.memories[i].clone()))
            .collect();
        let mut index = FastMap::default();
        index.reserve(cards.len());
        index.extend(
            cards
                .iter()
                .enumerate()
                .map(|(pos, (key, _))| (Arc::clone(key), pos)),
        );
        Progress {
            cards,
            index,
            reviews: self.reviews,
        }
    }
}

impl Progress {
    /// The derived state of a card; `None` means new and never touched.
    pub fn card(&self, key: &CardKey) -> Option<&CardMemory> {
        self.index.get(key).map(|&i| &self.cards[i].1)
    }

    /// Every card the log mentions, in key order.
    pub fn cards(&self) -> impl Iterator<Item = (&CardKey, &CardMemory)> {
        self.cards.iter().map(|(key, memory)| (&**key, memory))
    }

    /// The effective reviews in the order they were applied (time, then id).
    pub fn reviews(&self) -> &[ReviewEntry] {
        &self.reviews
    }

    /// The effective reviews of one card, oldest first.
    pub fn reviews_of<'a>(&'a self, key: &'a CardKey) -> impl Iterator<Item = &'a ReviewEntry> {
        self.reviews.iter().filter(move |r| *r.key == *key)
    }

    /// What "undo the last review" should target: the latest effective review's record id.
    pub fn undo_target(&self) -> Option<&RecordId> {
        self.reviews.last().map(|r| &r.id)
    }

    /// Cards with progress that no loaded deck has any more (deleted or renamed), in key order.
    pub fn orphans(&self, known: &HashSet<CardKey>) -> Vec<&CardKey> {
        self.cards
            .iter()
            .map(|(key, _)| &**key)
            .filter(|k| !known.contains(*k))
            .collect()
    }
}

/// The keys of every card of `decks` (for [`Progress::orphans`]).
pub fn known_keys(decks: &[Deck]) -> HashSet<CardKey> {
    decks
        .iter()
        .flat_map(|d| d.cards.iter().map(|c| d.key(c)))
        .collect()
}
