//! Sessions as pure state machines: `handle(event, now) -> effects`.
//!
//! - [`drill`]: a flashcard drill over today's queue.
//! - the mock interview (setup, question selection, the state machine, the debrief, past
//!   interviews rebuilt from the log), exported at this level.
//!
//! A session never reads the clock, the terminal or files, never sleeps and never writes. It
//! says what should happen (write this record, show that card, start a timer) and the front end
//! does it, reporting back when storage has made a record durable. Sessions do not touch the
//! scheduler or the store: the caller turns scheduler data into values (weakness weights,
//! interval previews) and hands records to the store.

mod assess;
mod debrief;
mod debrief_score;
pub mod debrief_text;
pub mod drill;
mod events;
mod history;
mod mock;
mod question;
mod records;
mod select;
mod setup;

pub use debrief::{CategoryCoverage, Debrief, DebriefItem};
pub use debrief_score::{
    COVERAGE_WEIGHT, CoverageBasis, ScoreParts, TimeBasis, TimeDiscipline, grade_value,
};
pub use events::{ClockView, Effect, Event, Phase};
pub use history::{CardIndex, Ending, PastInterview, find_interview, past_interviews};
pub use mock::MockInterview;
pub use question::MockQuestion;
pub use records::{
    MockAnswered, MockDebriefed, MockFinished, MockFollowUp, MockRecord, MockStarted,
};
pub use select::{question_pool, select_questions};
pub use setup::{
    AnswerMode, Focus, MAX_ANSWER_SECONDS, MAX_PREP_SECONDS, MAX_QUESTIONS, MIN_ANSWER_SECONDS,
    MockSetup, Timing,
};

#[cfg(test)]
mod debrief_tests;
#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
