//! [`Progress`]: what replaying the state log gives (each card's state and the effective
//! reviews), and how one more record is applied to it.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};

use super::card::{CardMemory, Phase};
use super::config::SchedulerConfig;
use super::earlier::{Activity, Earlier, EarlierSource};
use super::fuzz::fuzz_seed;
use super::reviews::Reviews;
use super::scheduler::Scheduler;
use crate::core::deck::Deck;
use crate::core::fast_hash::{FastMap, FastSet};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CardKey, DeckId, KeyRef};
use crate::core::record::{Record, RecordBody, ReviewMode};

/// One review that counts (not undone): what the screens show of it. Its record (the id,
/// the exact time taken) stays in the log, read back when a screen needs it (an undo reads
/// its card's records, the history and export read the log).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewEntry {
    /// Shared by every review of the card (a card has hundreds of reviews in a long log).
    pub key: Arc<CardKey>,
    pub at: DateTime<Utc>,
    /// The time taken in milliseconds, at most [`u32::MAX`] (49 days: longer is a clock
    /// that jumped, and counts as that).
    pub took_ms: u32,
    /// How long the review made the card wait, in whole seconds ([`NOT_DUE`] when it did
    /// not make it due; at most 136 years).
    interval: u32,
    pub grade: Grade,
    pub mode: ReviewMode,
    /// The card's phase when it was reviewed (New for a first review).
    pub phase_before: Phase,
}

/// [`ReviewEntry::interval`] of a review that did not make its card due.
const NOT_DUE: u32 = u32::MAX;

// A review is kept for every review ever made: it stays small (a million take 32 MB).
const _: () = assert!(std::mem::size_of::<ReviewEntry>() <= 32);

impl ReviewEntry {
    /// The review of `key` at `at` that left the card due at `due_after`.
    pub fn new(
        key: Arc<CardKey>,
        at: DateTime<Utc>,
        grade: Grade,
        took_ms: u64,
        mode: ReviewMode,
        phase_before: Phase,
        due_after: Option<DateTime<Utc>>,
    ) -> ReviewEntry {
        let interval = due_after.map_or(NOT_DUE, |due| {
            u32::try_from((due - at).num_seconds().max(0))
                .map_or(NOT_DUE - 1, |s| s.min(NOT_DUE - 1))
        });
        ReviewEntry {
            key,
            at,
            took_ms: u32::try_from(took_ms).unwrap_or(u32::MAX),
            interval,
            grade,
            mode,
            phase_before,
        }
    }

    /// How long the review made the card wait, in whole seconds; `None` when it did not
    /// make it due.
    pub fn interval_seconds(&self) -> Option<i64> {
        (self.interval != NOT_DUE).then_some(i64::from(self.interval))
    }

    /// The raw interval as [`ReviewEntry::interval_seconds`] gives it, [`NOT_DUE`] for none
    /// (for the progress cache).
    pub fn interval_code(&self) -> u32 {
        self.interval
    }

    /// From the parts a cache kept ([`ReviewEntry::interval_code`] for the interval).
    pub fn from_parts(
        key: Arc<CardKey>,
        at: DateTime<Utc>,
        took_ms: u32,
        interval_code: u32,
        grade: Grade,
        mode: ReviewMode,
        phase_before: Phase,
    ) -> ReviewEntry {
        ReviewEntry {
            key,
            at,
            took_ms,
            interval: interval_code,
            grade,
            mode,
            phase_before,
        }
    }

    /// Where the review sorts among the others: by time, then card (a card's own reviews at
    /// one time keep their replay order, by record id).
    fn place(&self) -> (DateTime<Utc>, &CardKey) {
        (self.at, &self.key)
    }
}

/// Room to leave in a list of `n` reviews for the ones a session adds: without it the first
/// grade after a start moves the whole list to twice the memory (a million reviews: 64 MB
/// copied, 128 reserved). Reserved room the program never writes costs no memory.
pub fn review_room(n: usize) -> usize {
    n / 16 + 1024
}

/// Everything derived from the log: per card state, and the effective reviews in time order.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    /// Every card the log mentions, in key order.
    cards: Vec<(Arc<CardKey>, CardMemory)>,
    /// Where each key is in `cards`.
    index: FastMap<Arc<CardKey>, usize>,
    /// The effective reviews in replay order: all of them, or those from `earlier.before` on.
    reviews: Vec<ReviewEntry>,
    /// The reviews before the ones in `reviews`, read when first asked for.
    earlier: Option<Earlier>,
    /// Earlier reviews could not be read: what this holds is short of them.
    incomplete: bool,
}

impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        self.cards == other.cards && self.reviews() == other.reviews()
    }
}

struct ReviewList<'a>(Reviews<'a>);

impl Serialize for ReviewList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
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
        s.serialize_field("reviews", &ReviewList(self.reviews()))?;
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
            earlier: None,
            incomplete: false,
        }
    }

    /// This progress with the reviews before `before` left to `source`, read when first
    /// asked for: every review it holds must be at `before` or later, and `activity` must be
    /// [`Activity::of`] every review, earlier and later.
    pub fn with_earlier(
        mut self,
        before: DateTime<Utc>,
        activity: Activity,
        source: Arc<dyn EarlierSource>,
    ) -> Progress {
        debug_assert!(self.reviews.first().is_none_or(|r| r.at >= before));
        self.settle();
        self.earlier = Some(Earlier::new(before, activity, source));
        self
    }

    /// Takes the earlier reviews in (read now if they were not): every review in one list,
    /// before a change.
    fn settle(&mut self) {
        let Some(earlier) = self.earlier.take() else {
            return;
        };
        match earlier.take() {
            Some(mut all) => {
                // Usually room enough already (see `EarlierSource::load`).
                all.reserve(self.reviews.len());
                all.append(&mut self.reviews);
                self.reviews = all;
            }
            None => self.incomplete = true,
        }
    }

    /// Whether every review is here: `false` when earlier reviews left on disk could not be
    /// read back (a progress short of them must not be saved as the log's).
    pub fn is_complete(&self) -> bool {
        !self.incomplete && self.earlier.as_ref().is_none_or(|e| e.get().is_some())
    }

    /// Whether the earlier reviews are still to be read.
    pub fn has_unread_reviews(&self) -> bool {
        self.earlier.as_ref().is_some_and(|e| !e.is_loaded())
    }

    /// Applies `record` as replay would after every record applied so far. Only right when
    /// `record` sorts after every record of its card applied so far (time, then id), is not an
    /// `Undo` and is not the target of one: then `replay(records + [record])` equals
    /// `replay(records)` followed by this (tested), even when records of other cards are later
    /// (a merged record from a device whose clock was ahead): cards are replayed independently,
    /// and the review takes its place in time order among the others.
    pub fn apply_latest(&mut self, record: &Record, config: &SchedulerConfig) {
        if matches!(record.body, RecordBody::Review(_))
            && self.earlier.as_ref().is_some_and(|e| record.at < e.before)
        {
            self.settle();
        }
        let (deck, card) = match &record.body {
            RecordBody::Review(review) => (&review.deck, &review.card),
            RecordBody::Suspend { deck, card }
            | RecordBody::Unsuspend { deck, card }
            | RecordBody::Bury { deck, card, .. } => (deck, card),
            RecordBody::Undo { .. }
            | RecordBody::MockStarted(_)
            | RecordBody::MockAnswered(_)
            | RecordBody::MockFollowUp(_)
            | RecordBody::MockFinished(_)
            | RecordBody::MockDebriefed(_)
            | RecordBody::Note(_)
            | RecordBody::MyAnswer(_)
            | RecordBody::DrillAnswer(_)
            | RecordBody::Practice(_) => return,
        };
        let key = CardKey {
            deck: deck.clone(),
            card: card.clone(),
        };
        let slot = self.slot(key);
        let (key, memory) = &mut self.cards[slot];
        match &record.body {
            RecordBody::Review(review) => {
                let phase_before = memory.phase;
                let seed = fuzz_seed(&record.id);
                *memory =
                    Scheduler::new(config).review(memory, review.grade, record.at, Some(seed));
                // Last in time order unless a later record of another card came first; after
                // the card's own reviews at the same time (this one sorts after them by id).
                let position = self
                    .reviews
                    .partition_point(|r| r.place() <= (record.at, &**key));
                self.reviews.insert(
                    position,
                    ReviewEntry::new(
                        Arc::clone(key),
                        record.at,
                        review.grade,
                        review.took_ms,
                        review.mode,
                        phase_before,
                        memory.due,
                    ),
                );
                if let Some(earlier) = &mut self.earlier {
                    earlier.activity.add(&key.deck, record.at);
                }
            }
            RecordBody::Suspend { .. } => memory.suspended = true,
            RecordBody::Unsuspend { .. } => memory.suspended = false,
            RecordBody::Bury { until, .. } => memory.buried_until = Some(*until),
            RecordBody::Undo { .. }
            | RecordBody::MockStarted(_)
            | RecordBody::MockAnswered(_)
            | RecordBody::MockFollowUp(_)
            | RecordBody::MockFinished(_)
            | RecordBody::MockDebriefed(_)
            | RecordBody::Note(_)
            | RecordBody::MyAnswer(_)
            | RecordBody::DrillAnswer(_)
            | RecordBody::Practice(_) => {}
        }
    }

    /// The position of `key` in `cards`, added (as a new card) if missing.
    fn slot(&mut self, key: CardKey) -> usize {
        if let Some(&slot) = self.index.get(&key) {
            return slot;
        }
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

    /// Replaces what is known of card `key` by `replayed`, the replay of that card's records
    /// alone (every one that counts, in any order). Equals a full replay of the whole log, as
    /// cards are replayed independently, at the cost of one card's records and one pass over
    /// the reviews: for a record that does not come last for its card (see
    /// [`Progress::apply_latest`]) or an undo.
    pub fn replace_card(&mut self, key: &CardKey, replayed: &Progress) {
        self.settle();
        // In place: a copy of a million reviews would need their memory twice.
        self.reviews.retain(|r| *r.key != *key);
        let Some(memory) = replayed.card(key).cloned() else {
            // Nothing of the card counts any more (its only record was undone): a full replay
            // would not mention it.
            if let Some(slot) = self.index.remove(key) {
                self.cards.remove(slot);
                for i in self.index.values_mut() {
                    if *i > slot {
                        *i -= 1;
                    }
                }
            }
            return;
        };
        let slot = self.slot(key.clone());
        self.cards[slot].1 = memory;
        let shared = Arc::clone(&self.cards[slot].0);
        let mine: Vec<ReviewEntry> = replayed
            .reviews()
            .iter()
            .filter(|r| *r.key == *key)
            .map(|r| ReviewEntry {
                key: Arc::clone(&shared),
                ..r.clone()
            })
            .collect();
        // Merged from the back: the others move up into the room at the end, the card's
        // reviews fill the gaps (the slots past the others hold copies until overwritten).
        let others = self.reviews.len();
        self.reviews.extend(mine.iter().cloned());
        let (mut i, mut j, mut k) = (others, mine.len(), self.reviews.len());
        while j > 0 {
            k -= 1;
            if i > 0 && self.reviews[i - 1].place() > mine[j - 1].place() {
                self.reviews.swap(i - 1, k);
                i -= 1;
            } else {
                self.reviews[k] = mine[j - 1].clone();
                j -= 1;
            }
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

    /// The state and reviews of the cards `keep` accepts, alone: what a screen about a few
    /// cards needs, without copying the others' reviews. A review goes with its card by the
    /// shared key (as replay, [`Progress::apply_latest`], [`Progress::replace_card`] and the
    /// progress cache make them).
    pub fn only(&self, keep: impl Fn(&CardKey) -> bool) -> Progress {
        let cards: Vec<(Arc<CardKey>, CardMemory)> = self
            .cards
            .iter()
            .filter(|(k, _)| keep(k))
            .cloned()
            .collect();
        let kept: FastSet<*const CardKey> = cards.iter().map(|(k, _)| Arc::as_ptr(k)).collect();
        let reviews = self
            .reviews()
            .iter()
            .filter(|r| kept.contains(&Arc::as_ptr(&r.key)))
            .cloned()
            .collect();
        let mut only = Progress::assemble(cards, reviews);
        only.incomplete = !self.is_complete();
        only
    }

    /// Every card the log mentions with its shared key, in key order.
    pub fn entries(&self) -> &[(Arc<CardKey>, CardMemory)] {
        &self.cards
    }

    /// The derived state of a card; `None` means new and never touched.
    pub fn card(&self, key: &CardKey) -> Option<&CardMemory> {
        self.index.get(key).map(|&i| &self.cards[i].1)
    }

    /// [`Progress::card`] by the card's two ids, without building its key.
    pub fn card_of(&self, deck: &DeckId, card: &CardId) -> Option<&CardMemory> {
        self.place_of(deck, card).map(|i| &self.cards[i].1)
    }

    /// Where the card with these ids is among [`Progress::cards`] (the same place for as long
    /// as this progress is not changed), without building its key.
    pub fn place_of(&self, deck: &DeckId, card: &CardId) -> Option<usize> {
        self.place_of_ids(deck.as_str(), card.as_str())
    }

    /// [`Progress::place_of`] from the ids as strings.
    pub fn place_of_ids(&self, deck: &str, card: &str) -> Option<usize> {
        let key: &dyn KeyRef = &(deck, card);
        self.index.get(key).copied()
    }

    /// [`Progress::card_of`] from the ids as strings.
    pub fn card_of_ids(&self, deck: &str, card: &str) -> Option<&CardMemory> {
        self.place_of_ids(deck, card).map(|i| &self.cards[i].1)
    }

    /// The card at `place` among [`Progress::cards`]: its key (the one its reviews share)
    /// and memory.
    pub fn card_at(&self, place: usize) -> Option<(&Arc<CardKey>, &CardMemory)> {
        self.cards.get(place).map(|(key, memory)| (key, memory))
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

    /// The effective reviews in time order (then by card, and each card's in replay order);
    /// earlier reviews left on disk are read now.
    pub fn reviews(&self) -> Reviews<'_> {
        let earlier = self.earlier.as_ref().and_then(Earlier::get).unwrap_or(&[]);
        Reviews::new(earlier, &self.reviews)
    }

    /// The effective reviews at `from` or later; earlier reviews left on disk are read only
    /// when `from` is before them.
    pub fn reviews_since(&self, from: DateTime<Utc>) -> Reviews<'_> {
        match &self.earlier {
            Some(e) if from < e.before => self.reviews().since(from),
            _ => Reviews::new(&[], &self.reviews).since(from),
        }
    }

    /// The effective reviews from `from` to just before `to`.
    pub fn reviews_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Reviews<'_> {
        self.reviews_since(from).before(to)
    }

    /// Whether a card of a deck `of_deck` accepts was reviewed from `from` to just before
    /// `to`; earlier reviews left on disk are not read for a span of a day or more (each
    /// deck's [`Activity`] answers).
    pub fn studied(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        of_deck: impl Fn(&DeckId) -> bool,
    ) -> bool {
        if let Some(e) = &self.earlier
            && from < e.before
            && !e.is_loaded()
            && let Some(studied) = e.activity.studied(from, to, &of_deck)
        {
            return studied;
        }
        self.reviews_between(from, to)
            .iter()
            .any(|r| of_deck(&r.key.deck))
    }

    /// When each deck was studied (for the progress cache).
    pub fn activity(&self) -> Activity {
        match &self.earlier {
            Some(e) => e.activity.clone(),
            None => Activity::of(self.reviews()),
        }
    }

    /// The effective reviews of one card, oldest first.
    pub fn reviews_of<'a>(&'a self, key: &'a CardKey) -> impl Iterator<Item = &'a ReviewEntry> {
        self.reviews().into_iter().filter(move |r| *r.key == *key)
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

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
