//! The vocabulary of the mock interview's state machine: events in, effects out, and what a
//! front end reads to draw the clock. The rules are in [`super::mock`].

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use super::history::Ending;
use super::records::MockRecord;

/// What the candidate did, or that time passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Skip the rest of the prep time.
    StartAnswer,
    /// The typed answer, or "done" in spoken mode (text ignored). Ignored during prep.
    Submit {
        text: String,
    },
    Pause,
    Resume,
    /// During prep or the answer: skip the question. During the follow-up: skip the follow-up.
    Skip,
    /// End now; answers given so far are kept and the debrief is partial.
    Quit,
    /// End now, keeping `text` (typed so far) as the answer to the phase being answered: the
    /// main answer, or the follow-up's. The interview ended early ([`Ending::QuitEarly`]) even
    /// on its last question, the answer counting as given. Empty text, a spoken answer or the
    /// reading time: as [`Event::Quit`]. Works while paused (the pause ends there).
    EndEarly {
        text: String,
    },
    /// The time passed (the front end sends it at the latest at the [`Effect::StartTimer`]
    /// deadline); fires a due deadline.
    Tick,
}

/// Where the interview is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Prep,
    Answer,
    FollowUp,
    Done,
}

/// What the front end (and the store) must do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show question `index` (its prep time begins, or the answer at once with no prep).
    ShowQuestion { index: usize },
    /// The answer clock of question `index` started.
    AnswerStarted { index: usize },
    /// Ask the follow-up of question `index`; its clock started.
    ShowFollowUp { index: usize, text: String },
    /// Send `Tick` at `deadline` (or earlier). Replaces any earlier deadline.
    StartTimer { deadline: DateTime<Utc> },
    /// Strict timing, typed: time is up; send `Submit` with the text so far now.
    TimeUp { index: usize },
    /// Soft timing: the clock of question `index` went negative.
    Overtime { index: usize },
    /// Append to the state log before moving on.
    Record(MockRecord),
    /// The interview is over ([`Ending::Completed`] or [`Ending::QuitEarly`]); show the
    /// debrief.
    Finished { ending: Ending },
}

/// The clock as a front end draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockView {
    pub phase: Phase,
    /// Time left; negative in soft overtime, 0 once a strict clock ran out.
    pub remaining: TimeDelta,
    pub limit: Duration,
    pub paused: bool,
}
