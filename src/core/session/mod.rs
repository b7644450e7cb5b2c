//! Sessions: the mock interview (setup, question selection, the state machine, the debrief,
//! past interviews rebuilt from the log).
//!
//! Pure: state machines driven by `handle(event, now)`; they return effects (show, start a
//! timer, record, finish) and never read a clock, sleep, or write. Must not touch the scheduler
//! or the store: the caller turns scheduler data into weakness weights for selection and hands
//! `Effect::Record`s to the store.

mod debrief;
mod events;
mod history;
mod mock;
mod question;
mod records;
mod select;
mod setup;

pub use debrief::{CategoryCoverage, Debrief, DebriefItem, TimeDiscipline};
pub use events::{ClockView, Effect, Event, Phase, TimerId};
pub use history::{Ending, PastInterview, find_interview, past_interviews};
pub use mock::MockInterview;
pub use question::MockQuestion;
pub use records::{MockAnswered, MockFinished, MockRecord, MockStarted};
pub use select::select_questions;
pub use setup::{AnswerMode, Focus, MockSetup, Timing};

#[cfg(test)]
mod debrief_tests;
#[cfg(test)]
mod test_support;
