//! What replay knows about one card: its scheduling phase, memory, due time and flags.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::fsrs_formulas::Memory;

/// Where a card is in the learning cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Never reviewed.
    New,
    /// Going through the learning steps (minutes apart).
    Learning,
    /// Graduated: intervals in days.
    Review,
    /// Forgotten after graduating: going through the relearning steps.
    Relearning,
}

impl Phase {
    /// Learning or relearning: due at a time of day, not on a day.
    pub fn is_intraday(self) -> bool {
        matches!(self, Phase::Learning | Phase::Relearning)
    }
}

/// A card becomes a leech when it has been forgotten this many times.
pub const LEECH_LAPSES: u32 = 8;

/// The derived state of one card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardMemory {
    pub phase: Phase,
    /// Index into the learning or relearning steps; 0 otherwise.
    pub step: usize,
    /// `None` until the first review.
    pub memory: Option<Memory>,
    /// `None` for a new card.
    pub due: Option<DateTime<Utc>>,
    pub last_review: Option<DateTime<Utc>>,
    /// Number of effective reviews.
    pub reps: u32,
    /// Times the card was forgotten after graduating (Again on a review card).
    pub lapses: u32,
    pub suspended: bool,
    /// Hidden from queues until this instant.
    pub buried_until: Option<DateTime<Utc>>,
    /// Forgotten [`LEECH_LAPSES`] times or more: worth rewriting or suspending.
    pub leech: bool,
}

impl Default for CardMemory {
    fn default() -> Self {
        Self::new()
    }
}

impl CardMemory {
    /// A card never reviewed.
    pub fn new() -> Self {
        Self {
            phase: Phase::New,
            step: 0,
            memory: None,
            due: None,
            last_review: None,
            reps: 0,
            lapses: 0,
            suspended: false,
            buried_until: None,
            leech: false,
        }
    }

    /// Buried at `now` (the bury has not yet expired).
    pub fn is_buried(&self, now: DateTime<Utc>) -> bool {
        self.buried_until.is_some_and(|until| until > now)
    }

    /// Out of every queue at `now`: suspended or buried.
    pub fn is_hidden(&self, now: DateTime<Utc>) -> bool {
        self.suspended || self.is_buried(now)
    }
}
