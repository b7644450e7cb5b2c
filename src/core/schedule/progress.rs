//! [`Progress`]: what replaying the state log gives (each card's state and the effective
//! reviews), and how one more record is applied to it.
//!
//! Here: the reviews it keeps ([`ReviewEntry`]), the progress itself, how it is built and its
//! earlier reviews left to a source. Its parts beside it: applying one more record, or a
//! card's records replayed alone (`progress_apply.rs`), and what it answers about its cards
//! and reviews (`progress_queries.rs`).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};

use super::card::{CardMemory, Phase};
use super::earlier::{Activity, Earlier, EarlierSource};
use super::reviews::Reviews;
use crate::core::fast_hash::FastMap;
use crate::core::grade::Grade;
use crate::core::ids::CardKey;
use crate::core::record::ReviewMode;

#[path = "progress_apply.rs"]
mod apply;
#[path = "progress_queries.rs"]
mod queries;

pub use queries::known_keys;

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
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
