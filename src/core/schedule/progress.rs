//! [`Progress`]: what replaying the state log gives (each card's state and the effective
//! reviews), and how one more record is applied to it.

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
use crate::core::fast_hash::FastMap;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, RecordId};
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

impl Progress {
    /// From cards already in strictly increasing key order and reviews in replay order.
    pub(super) fn assemble(
        cards: Vec<(Arc<CardKey>, CardMemory)>,
        reviews: Vec<ReviewEntry>,
    ) -> Progress {
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
            reviews,
        }
    }

    /// Applies `record` as replay would after every record applied so far. Only right when
    /// `record` sorts after all of them (time, then id), is not an `Undo` and is not the
    /// target of one: then `replay(records + [record])` equals `replay(records)` followed by
    /// this (tested).
    pub fn apply_latest(&mut self, record: &Record, config: &SchedulerConfig) {
        let (deck, card) = match &record.body {
            RecordBody::Review(review) => (&review.deck, &review.card),
            RecordBody::Suspend { deck, card }
            | RecordBody::Unsuspend { deck, card }
            | RecordBody::Bury { deck, card, .. } => (deck, card),
            RecordBody::Undo { .. }
            | RecordBody::MockStarted(_)
            | RecordBody::MockAnswered(_)
            | RecordBody::MockFinished(_)
            | RecordBody::MockDebriefed(_)
            | RecordBody::Note(_)
            | RecordBody::MyAnswer(_)
            | RecordBody::DrillAnswer(_) => return,
        };
        let key = CardKey {
            deck: deck.clone(),
            card: card.clone(),
        };
        let slot = match self.index.get(&key) {
            Some(&slot) => slot,
            None => {
                // Cards stay in key order: later ones move up by one.
                let slot = self.cards.partition_point(|(k, _)| **k < key);
                for i in self.index.values_mut() {
                    if *i >= slot {
                        *i += 1;
                    }
                }
                let key = Arc::new(key);
                self.cards
                    .insert(slot, (Arc::clone(&key), CardMemory::default()));
                self.index.insert(key, slot);
                slot
            }
        };
        let (key, memory) = &mut self.cards[slot];
        match &record.body {
            RecordBody::Review(review) => {
                let phase_before = memory.phase;
                let seed = fuzz_seed(&record.id);
                *memory =
                    Scheduler::new(config).review(memory, review.grade, record.at, Some(seed));
                self.reviews.push(ReviewEntry {
                    id: record.id.clone(),
                    key: Arc::clone(key),
                    at: record.at,
                    grade: review.grade,
                    took_ms: review.took_ms,
                    mode: review.mode,
                    phase_before,
                    due_after: memory.due,
                });
            }
            RecordBody::Suspend { .. } => memory.suspended = true,
            RecordBody::Unsuspend { .. } => memory.suspended = false,
            RecordBody::Bury { until, .. } => memory.buried_until = Some(*until),
            RecordBody::Undo { .. }
            | RecordBody::MockStarted(_)
            | RecordBody::MockAnswered(_)
            | RecordBody::MockFinished(_)
            | RecordBody::MockDebriefed(_)
            | RecordBody::Note(_)
            | RecordBody::MyAnswer(_)
            | RecordBody::DrillAnswer(_) => {}
        }
    }

    /// Rebuilds a [`Progress`] from its parts as [`Progress::entries`] and
    /// [`Progress::reviews`] give them (a saved copy, say). `None` unless the cards are in
    /// strictly increasing key order. Each review's key should be (a clone of the `Arc` of)
    /// one of the cards' keys; not checked, as that would cost a lookup per review: a review
    /// of another card is only never found by [`Progress::reviews_of`].
    pub fn from_parts(
        cards: Vec<(Arc<CardKey>, CardMemory)>,
        reviews: Vec<ReviewEntry>,
    ) -> Option<Progress> {
        if !cards.is_sorted_by(|a, b| a.0 < b.0) {
            return None;
        }
        Some(Progress::assemble(cards, reviews))
    }

    /// Every card the log mentions with its shared key, in key order.
    pub fn entries(&self) -> &[(Arc<CardKey>, CardMemory)] {
        &self.cards
    }

    /// The derived state of a card; `None` means new and never touched.
    pub fn card(&self, key: &CardKey) -> Option<&CardMemory> {
        self.index.get(key).map(|&i| &self.cards[i].1)
    }

    /// How many cards the log mentions.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
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
