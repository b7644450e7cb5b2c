//! The drill's vocabulary: the cards it is given, how their grades count, the events it
//! handles, the effects it asks of the front end and the phase of the current card.

use chrono::{DateTime, Utc};

use crate::core::deck::KeyPoint;
use crate::core::grade::Grade;
use crate::core::ids::CardKey;
use crate::core::record::{Record, RecordBody};

/// One card of the session: its identity and what the checklist matches against.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionCard {
    pub key: CardKey,
    pub key_points: Vec<KeyPoint>,
    /// A behavioural card: the revealed draft's STAR parts are read ([`super::Drill::star`]).
    pub behavioral: bool,
}

/// How a session's grades count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GradeAs {
    /// Reviews: each grade reschedules its card (a card answered before it is due is
    /// scheduled from the day it was answered, as FSRS does for an early review).
    #[default]
    Review,
    /// Practice: each grade is kept (for statistics) but no due date moves.
    Practice,
}

/// What the candidate (or storage) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Show the answer; `draft` is what the candidate typed (may be empty).
    Reveal {
        draft: String,
    },
    /// Tick or untick a key point of the revealed card.
    Toggle(usize),
    Grade(Grade),
    /// Leave the card for now: nothing is recorded and it stays due.
    Skip,
    /// Take the card out of every queue until it is unsuspended.
    Suspend,
    /// Hide the card until `until` (the next day's rollover).
    Bury {
        until: DateTime<Utc>,
    },
    /// Take back the most recent action of this session (grade, skip, suspend or bury).
    Undo,
    /// Storage made the pending record durable.
    Stored(Record),
    /// Storage could not write the pending record; nothing was recorded.
    StoreFailed,
    /// End the session now.
    Finish,
}

/// What the front end must do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Make this record durable, then answer with `Stored` or `StoreFailed`. (A typed draft,
    /// written at the reveal, waits for nothing: its answer changes nothing in the session.)
    Write(RecordBody),
    /// A new card is current (index into the session's cards): reset per-card UI state.
    Show(usize),
    /// The session is over.
    Finished,
    /// Tell the candidate something ("nothing to undo", "Undone: the Good grade").
    Notice(String),
}

/// Where the current card stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Thinking: the clock runs.
    Question,
    /// The answer, checklist and grade buttons are shown.
    Revealed,
    /// A record is being written; input waits.
    Saving,
    Finished,
}
