//! How one more record is applied to a [`Progress`]: a record that comes last for its card
//! ([`Progress::apply_latest`]), or a card's records replayed alone in place of what was known
//! of it ([`Progress::replace_card`]). Either equals a full replay of the whole log.

use std::sync::Arc;

use super::{Progress, ReviewEntry};
use crate::core::ids::CardKey;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::{CardMemory, Scheduler, SchedulerConfig, fuzz_seed};

impl Progress {
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
}
