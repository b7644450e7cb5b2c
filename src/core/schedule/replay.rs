//! Replay: folds the state log into each card's derived state.
//!
//! The state log is the only truth and this the only way card memory comes to exist (the
//! progress cache in `store` only keeps a copy of the result, checked against the log). Records are
//! applied in time order (ties broken by id), so two logs merged by union replay the same
//! however their lines were interleaved. A record that an `Undo` targets is ignored entirely.

use std::hash::Hasher;
use std::sync::Arc;

use super::card::CardMemory;
use super::config::SchedulerConfig;
use super::fuzz::fuzz_seed;
use super::progress::{Progress, ReviewEntry};
use super::scheduler::Scheduler;
use crate::core::fast_hash::{FastHasher, FastMap, FastSet};
use crate::core::ids::{CardId, CardKey, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, Review};

/// The records that count, in the order they are applied: every record an `Undo` does not
/// target, by time then id, each id once.
fn effective(records: &[Record]) -> Vec<&Record> {
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
    // (Ids almost always differ in their last character: checked first, it spares a call to
    // memcmp per record.)
    ordered.dedup_by(|a, b| {
        a.id.as_str().as_bytes().last() == b.id.as_str().as_bytes().last() && a.id == b.id
    });
    ordered
}

/// The reviews that count among `records` (any order), with their records, in the order
/// they are applied (time, then id): what the progress's reviews are, with the ids and exact
/// times taken that it does not keep.
pub fn effective_reviews(records: &[Record]) -> Vec<(&Record, &Review)> {
    effective(records)
        .into_iter()
        .filter_map(|r| match &r.body {
            RecordBody::Review(review) => Some((r, review)),
            _ => None,
        })
        .collect()
}

/// Folds `records` (any order) into [`Progress`] with the scheduler settings `config`.
pub fn replay(records: &[Record], config: &SchedulerConfig) -> Progress {
    let scheduler = Scheduler::new(config);
    let ordered = effective(records);

    // Cards are independent: with many records, each thread replays the cards of one share
    // (by a hash of the key) over the whole ordered list, and the results are joined in order.
    let parts = if ordered.len() >= PARALLEL_FROM {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    } else {
        1
    };
    let folds: Vec<Fold<'_, '_>> = if parts == 1 {
        vec![fold_part(&scheduler, &ordered, 0, 1)]
    } else {
        std::thread::scope(|s| {
            let (scheduler, ordered) = (&scheduler, &ordered);
            let handles: Vec<_> = (1..parts)
                .map(|part| s.spawn(move || fold_part(scheduler, ordered, part, parts)))
                .collect();
            let mut folds = vec![fold_part(scheduler, ordered, 0, parts)];
            for (part, h) in (1..parts).zip(handles) {
                // A panicking thread is a bug; replay its share here rather than fail.
                folds.push(
                    h.join()
                        .unwrap_or_else(|_| fold_part(scheduler, ordered, part, parts)),
                );
            }
            folds
        })
    };
    join(folds)
}

/// Replays on one thread below this many records (a thread costs more than it saves).
const PARALLEL_FROM: usize = 20_000;

fn fold_part<'r, 's>(
    scheduler: &'s Scheduler,
    ordered: &[&'r Record],
    part: usize,
    parts: usize,
) -> Fold<'r, 's> {
    let mut fold = Fold {
        scheduler,
        part,
        parts,
        slots: FastMap::default(),
        collided: FastMap::default(),
        keys: Vec::new(),
        memories: Vec::new(),
        reviews: Vec::with_capacity(ordered.len() / parts + 16),
    };
    for (position, record) in ordered.iter().enumerate() {
        fold.apply(position, record);
    }
    fold
}

/// Joins the shares: cards in key order, reviews in the order they were applied.
fn join(folds: Vec<Fold<'_, '_>>) -> Progress {
    let mut entries: Vec<(Arc<CardKey>, CardMemory)> = Vec::new();
    let mut lists = Vec::with_capacity(folds.len());
    let mut total = 0;
    for fold in folds {
        entries.extend(fold.keys.into_iter().zip(fold.memories));
        total += fold.reviews.len();
        lists.push(fold.reviews.into_iter().peekable());
    }
    // Every share holds its reviews in replay order: merge them by position.
    let mut reviews = Vec::with_capacity(total + super::progress::review_room(total));
    loop {
        let next = lists
            .iter_mut()
            .enumerate()
            .filter_map(|(i, l)| l.peek().map(|(position, _)| (*position, i)))
            .min();
        let Some((_, i)) = next else { break };
        if let Some((_, review)) = lists[i].next() {
            reviews.push(review);
        }
    }
    by_card_within_a_time(&mut reviews);
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Progress::assemble(entries, reviews)
}

/// Puts reviews at the same time in card order, keeping each card's in replay order: the
/// order [`Progress`] keeps (a review kept in memory has no record id to break ties with).
/// Runs of one time are almost always one review long.
fn by_card_within_a_time(reviews: &mut [ReviewEntry]) {
    let mut start = 0;
    while start < reviews.len() {
        let at = reviews[start].at;
        let len = reviews[start..].iter().take_while(|r| r.at == at).count();
        if len > 1 {
            reviews[start..start + len].sort_by(|a, b| a.key.cmp(&b.key));
        }
        start += len;
    }
}

/// Replay in progress: cards are numbered as they first appear, looked up by the record's own
/// strings (no key is built or cloned per record).
struct Fold<'r, 's> {
    scheduler: &'s Scheduler,
    /// This fold replays the cards whose key hashes to `part` modulo `parts`.
    part: usize,
    parts: usize,
    slots: FastMap<u64, usize>,
    collided: FastMap<(&'r str, &'r str), usize>,
    keys: Vec<Arc<CardKey>>,
    memories: Vec<CardMemory>,
    /// With the position of their record in the ordered list.
    reviews: Vec<(usize, ReviewEntry)>,
}

impl<'r> Fold<'r, '_> {
    /// Whether this fold replays the card, and the hash of its key.
    fn mine(&self, deck: &DeckId, card: &CardId) -> Option<u64> {
        let mut h = FastHasher::default();
        h.write(deck.as_str().as_bytes());
        h.write_u8(0xff);
        h.write(card.as_str().as_bytes());
        let hash = h.finish();
        // The high bits of the state are the well-mixed ones.
        let share = (hash.rotate_left(38) >> 32) as usize % self.parts;
        (share == self.part).then_some(hash)
    }

    /// The card's slot. Looked up by the hash of its key and checked against the key kept for
    /// the slot (compact, so it stays in cache; the records' own strings are spread over the
    /// whole log); keys that share a hash are kept by name.
    fn slot(&mut self, hash: u64, deck: &'r DeckId, card: &'r CardId) -> usize {
        if let Some(&slot) = self.slots.get(&hash) {
            let key = &self.keys[slot];
            if key.deck == *deck && key.card == *card {
                return slot;
            }
            if let Some(&slot) = self.collided.get(&(deck.as_str(), card.as_str())) {
                return slot;
            }
            let slot = self.new_slot(deck, card);
            self.collided.insert((deck.as_str(), card.as_str()), slot);
            return slot;
        }
        let slot = self.new_slot(deck, card);
        self.slots.insert(hash, slot);
        slot
    }

    fn new_slot(&mut self, deck: &DeckId, card: &CardId) -> usize {
        self.keys.push(Arc::new(CardKey {
            deck: deck.clone(),
            card: card.clone(),
        }));
        self.memories.push(CardMemory::default());
        self.keys.len() - 1
    }

    fn apply(&mut self, position: usize, record: &'r Record) {
        let (deck, card) = match &record.body {
            RecordBody::Review(review) => (&review.deck, &review.card),
            RecordBody::Suspend { deck, card }
            | RecordBody::Unsuspend { deck, card }
            | RecordBody::Bury { deck, card, .. } => (deck, card),
            // Undo is applied by filtering its target out before the fold; mock-interview
            // records change no card memory (their confirmed grades arrive as ordinary reviews).
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
        // Another share's card.
        let Some(hash) = self.mine(deck, card) else {
            return;
        };
        let slot = self.slot(hash, deck, card);
        match &record.body {
            RecordBody::Review(review) => {
                let card = &mut self.memories[slot];
                let phase_before = card.phase;
                let seed = fuzz_seed(&record.id);
                *card = self
                    .scheduler
                    .review(card, review.grade, record.at, Some(seed));
                let due_after = card.due;
                self.reviews.push((
                    position,
                    ReviewEntry::new(
                        Arc::clone(&self.keys[slot]),
                        record.at,
                        review.grade,
                        review.took_ms,
                        review.mode,
                        phase_before,
                        due_after,
                    ),
                ));
            }
            RecordBody::Suspend { .. } => self.memories[slot].suspended = true,
            RecordBody::Unsuspend { .. } => self.memories[slot].suspended = false,
            RecordBody::Bury { until, .. } => self.memories[slot].buried_until = Some(*until),
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
}

#[cfg(test)]
mod share_tests {
    use chrono::DateTime;

    use super::*;
    use crate::core::ids::RecordId;
    use crate::fixtures::{FixtureSpec, review_records};

    #[test]
    fn shares_replayed_apart_join_like_one_replay() {
        let now = DateTime::parse_from_rfc3339("2026-03-11T12:00:00Z")
            .unwrap()
            .to_utc();
        let spec = FixtureSpec::new(300, 5_000, now);
        let mut records = review_records(&spec);
        for (i, at) in [(3usize, 10i64), (40, 20), (77, 30)] {
            let card = CardId::new(format!("card-{i}"));
            let deck = DeckId::new("bench");
            let at = now - chrono::Duration::days(at);
            records.push(Record::new(
                RecordId::new(format!("s{i}")),
                at,
                RecordBody::Suspend {
                    deck: deck.clone(),
                    card: card.clone(),
                },
            ));
            records.push(Record::new(
                RecordId::new(format!("b{i}")),
                at,
                RecordBody::Bury {
                    deck,
                    card,
                    until: at + chrono::Duration::days(1),
                },
            ));
        }
        records.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        let scheduler = Scheduler::new(&SchedulerConfig::default());
        let ordered: Vec<&Record> = records.iter().collect();
        let one = join(vec![fold_part(&scheduler, &ordered, 0, 1)]);
        assert_eq!(one.reviews().len(), 5_000);
        for parts in [2, 3, 4] {
            let folds = (0..parts)
                .map(|p| fold_part(&scheduler, &ordered, p, parts))
                .collect();
            assert_eq!(join(folds), one, "{parts} shares");
        }
        assert_eq!(replay(&records, &SchedulerConfig::default()), one);
    }
}
