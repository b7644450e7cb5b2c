//! The mock interview's driver, shared by the app and the line-mode interview: preparing an
//! interview (seed, weakness, question choice, remembering the setup), carrying out the
//! session's effects (records through [`Pending`]: queued and retried when storage refuses),
//! and recording a debrief grade.

use chrono::{DateTime, Utc};

use super::pending::Pending;
use super::port::{Study, StudyError};
use crate::core::deck::Deck;
use crate::core::ids::{CardKey, RecordId};
use crate::core::record::{Record, RecordBody, Review};
use crate::core::session::{
    Effect, Event, MockInterview, MockQuestion, MockSetup, select_questions,
};

/// An interview ready to start.
pub struct PreparedMock {
    /// The setup, with the seed the questions were chosen with.
    pub setup: MockSetup,
    pub questions: Vec<MockQuestion>,
    /// Whether the setup was remembered for next time (the interview runs either way).
    pub remembered: Result<(), StudyError>,
}

/// Chooses the questions for `setup` (weakest cards weighted up, from the study's progress)
/// and remembers the setup. `None` when no loaded deck has a card to ask (nothing is saved).
pub fn prepare_mock(
    study: &mut dyn Study,
    decks: &[Deck],
    setup: MockSetup,
    now: DateTime<Utc>,
) -> Option<PreparedMock> {
    let choose = |setup: &MockSetup, weakness: &dyn Fn(&CardKey) -> f64, seed: u64| {
        select_questions(decks, setup, weakness, seed)
    };
    prepare_mock_with(study, setup, now, &choose)
}

/// How questions are chosen: `choose(setup, weakness, seed)`, `weakness` from the progress.
pub type ChooseQuestions<'a> =
    dyn Fn(&MockSetup, &dyn Fn(&CardKey) -> f64, u64) -> Vec<MockQuestion> + 'a;

/// [`prepare_mock`] with another way of choosing the questions (a target's job description).
pub fn prepare_mock_with(
    study: &mut dyn Study,
    mut setup: MockSetup,
    now: DateTime<Utc>,
    choose: &ChooseQuestions,
) -> Option<PreparedMock> {
    // Under 2^63: the seed may be written into TOML (signed 64-bit integers).
    let seed = setup.seed.unwrap_or_else(|| rand::random::<u64>() >> 1);
    setup.seed = Some(seed);
    let questions = {
        let study = &*study;
        choose(&setup, &|k| study.weakness(k, now), seed)
    };
    if questions.is_empty() {
        return None;
    }
    let remembered = study.save_mock_setup(&setup);
    Some(PreparedMock {
        setup,
        questions,
        remembered,
    })
}

/// What the front end must show after an event: the session's effects, records excepted
/// (the driver wrote them), and the records storage refused.
#[derive(Debug)]
pub enum MockUpdate {
    Session(Effect),
    /// A record could not be saved; it is queued and tried again at the next write.
    NotSaved(StudyError),
}

/// A mock interview and the rule for its records.
pub struct MockDriver {
    interview: MockInterview,
}

impl MockDriver {
    /// Starts the interview on `questions` (from [`prepare_mock`]).
    pub fn start(
        study: &mut dyn Study,
        pending: &mut Pending,
        setup: MockSetup,
        questions: Vec<MockQuestion>,
        now: DateTime<Utc>,
    ) -> (MockDriver, Vec<MockUpdate>) {
        let (interview, fx) = MockInterview::new(setup, questions, now);
        let driver = MockDriver { interview };
        let updates = driver.carry_out(study, pending, fx, now);
        (driver, updates)
    }

    pub fn interview(&self) -> &MockInterview {
        &self.interview
    }

    /// Feeds `event` to the interview and carries out its effects in order.
    pub fn handle(
        &mut self,
        study: &mut dyn Study,
        pending: &mut Pending,
        event: Event,
        now: DateTime<Utc>,
    ) -> Vec<MockUpdate> {
        let fx = self.interview.handle(event, now);
        self.carry_out(study, pending, fx, now)
    }

    fn carry_out(
        &self,
        study: &mut dyn Study,
        pending: &mut Pending,
        fx: Vec<Effect>,
        now: DateTime<Utc>,
    ) -> Vec<MockUpdate> {
        let mut updates = Vec::new();
        for effect in fx {
            match effect {
                Effect::Record(record) => {
                    if let Err(e) = pending.record(study, record.into(), now) {
                        updates.push(MockUpdate::NotSaved(e));
                    }
                }
                other => updates.push(MockUpdate::Session(other)),
            }
        }
        updates
    }
}

/// Why a debrief grade was not recorded.
#[derive(Debug)]
pub enum GradeError {
    /// Earlier records of the interview are still not saved (they go first).
    Queued(StudyError),
    /// The earlier grade could not be taken back; nothing changed.
    Undo(StudyError),
    /// The grade itself could not be saved.
    Review(StudyError),
}

/// What became of a debrief grade.
#[derive(Debug)]
pub struct GradeOutcome {
    /// The earlier grade was taken back on disk (whatever happened to the new one).
    pub taken_back: bool,
    pub result: Result<Record, GradeError>,
}

/// Records `review` as the grade of a debrief question: the interview's queued records first,
/// then an `Undo` of the grade recorded before (`previous`), then the review.
pub fn record_grade(
    study: &mut dyn Study,
    pending: &mut Pending,
    review: Review,
    previous: Option<RecordId>,
    now: DateTime<Utc>,
) -> GradeOutcome {
    let not = |taken_back, e| GradeOutcome {
        taken_back,
        result: Err(e),
    };
    if let Err(e) = pending.flush(study, now) {
        return not(false, GradeError::Queued(e));
    }
    let taken_back = previous.is_some();
    if let Some(target) = previous
        && let Err(e) = study.append(RecordBody::Undo { target }, now)
    {
        return not(false, GradeError::Undo(e));
    }
    match study.append(RecordBody::Review(review), now) {
        Ok(record) => GradeOutcome {
            taken_back,
            result: Ok(record),
        },
        Err(e) => not(taken_back, GradeError::Review(e)),
    }
}

#[cfg(test)]
#[path = "mock_driver_tests.rs"]
mod tests;
