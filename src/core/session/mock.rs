//! The mock interview as a state machine: `handle(event, now) -> effects`.
//!
//! Each question goes Prep (reading time) -> Answer (the card's answer time) -> FollowUp (the
//! card's first follow-up, if enabled) -> the next question; after the last, the interview is
//! Done and [`MockInterview::debrief`] gives the debrief.
//!
//! Time: every clock is a deadline compared with the `now` passed in; nothing here reads a
//! clock or sleeps. Any event at or after the live deadline fires it first, exactly once (the
//! deadline is then cleared). Pausing freezes the clock; resuming shifts the deadline by the
//! paused time and says so with a new [`Effect::StartTimer`]. Whether the interview is paused
//! is [`ClockView::paused`].
//!
//! At zero: prep always moves on to the answer, whose clock starts at the prep deadline. In
//! strict timing a typed answer emits [`Effect::TimeUp`] and the front end must reply at once
//! with `Submit` and the text typed so far (its time is capped at the limit); a spoken answer
//! is submitted by the machine itself. In soft timing [`Effect::Overtime`] says the clock went
//! negative, and the overtime is measured at `Submit`.
//!
//! While paused, only `Resume`, `Quit` and `EndEarly` do anything.
//!
//! Records: a question is recorded ([`Effect::Record`] of a `MockAnswered`) when it is done.
//! A question whose follow-up is asked is recorded in two parts: its `MockAnswered` as soon as
//! the main answer is submitted (the effect comes before [`Effect::ShowFollowUp`], so the
//! answer is durable before the follow-up is shown), and a `MockFollowUp` when the follow-up is
//! done, answered or not. [`MockAnswered::join`] of the two is the question's answer, as
//! [`MockInterview::answers`] holds it.
//!
//! Ending early (`Quit`, or `EndEarly` with the text typed so far) always ends the interview as
//! [`Ending::QuitEarly`], on its last question too: the candidate ended it, and says so in
//! `history` and `report`, while what they answered counts as answered.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use crate::core::ids::InterviewId;
use crate::core::text::accept_answer;

use super::assess::{Answer, Given, Outcome};
use super::debrief::Debrief;
use super::events::{ClockView, Effect, Event, Phase};
use super::history::Ending;
use super::question::MockQuestion;
use super::records::{MockAnswered, MockFinished, MockFollowUp, MockRecord, MockStarted};
use super::setup::{AnswerMode, MockSetup, Timing};

/// How the event being handled affects a deadline that is due.
#[derive(Clone, Copy, Debug)]
struct Due {
    quiet: bool,
    submitting: bool,
}

#[derive(Clone, Debug)]
struct Deadline {
    at: DateTime<Utc>,
}

/// One mock interview in progress.
#[derive(Clone, Debug)]
pub struct MockInterview {
    id: InterviewId,
    setup: MockSetup,
    questions: Vec<MockQuestion>,
    index: usize,
    phase: Phase,
    /// When the current phase's clock started (moved forward by pauses).
    phase_start: DateTime<Utc>,
    /// The current phase's time limit.
    limit: Duration,
    deadline: Option<Deadline>,
    paused_at: Option<DateTime<Utc>>,
    /// Paused time on the current question.
    paused: Duration,
    main: Option<Given>,
    /// The main answer is recorded already (its follow-up was asked): the question's end is
    /// recorded as a `MockFollowUp`.
    main_recorded: bool,
    answers: Vec<MockAnswered>,
    /// How the interview ended; [`Ending::Interrupted`] until it does.
    ending: Ending,
}

/// The time from `from` to `to` in whole milliseconds (what the records keep); zero when `to`
/// is earlier.
fn between(from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
    Duration::from_millis(u64::try_from((to - from).num_milliseconds()).unwrap_or(0))
}

fn delta(d: Duration) -> TimeDelta {
    TimeDelta::from_std(d).unwrap_or(TimeDelta::milliseconds(i64::MAX / 2))
}

impl MockInterview {
    /// Starts an interview with the questions in order. Returns the `MockStarted` record and the
    /// first question's effects (or an immediate finish when there are no questions).
    pub fn new(
        setup: MockSetup,
        questions: Vec<MockQuestion>,
        now: DateTime<Utc>,
    ) -> (Self, Vec<Effect>) {
        let id = InterviewId(format!("mock-{}", now.format("%Y%m%dT%H%M%S%.3fZ")));
        let mut m = MockInterview {
            id,
            setup,
            questions,
            index: 0,
            phase: Phase::Prep,
            phase_start: now,
            limit: Duration::ZERO,
            deadline: None,
            paused_at: None,
            paused: Duration::ZERO,
            main: None,
            main_recorded: false,
            answers: Vec::new(),
            ending: Ending::Interrupted,
        };
        let mut fx = vec![Effect::Record(MockRecord::MockStarted(MockStarted {
            interview: m.id.clone(),
            setup: m.setup.clone(),
            questions: m.questions.iter().map(|q| q.key.clone()).collect(),
        }))];
        if m.questions.is_empty() {
            m.finish(Ending::Completed, &mut fx);
        } else {
            m.begin_question(now, &mut fx);
        }
        (m, fx)
    }

    /// Applies one event at time `now`.
    pub fn handle(&mut self, event: Event, now: DateTime<Utc>) -> Vec<Effect> {
        let mut fx = Vec::new();
        if self.phase == Phase::Done {
            return fx;
        }
        let due = Due {
            // An event that ends the answer anyway needs no TimeUp/Overtime notice first...
            quiet: matches!(
                event,
                Event::Submit { .. } | Event::Skip | Event::Quit | Event::EndEarly { .. }
            ),
            // ...and a late Submit must not be applied twice (once by the clock, once itself).
            submitting: matches!(event, Event::Submit { .. }),
        };
        self.fire_due(now, due, &mut fx);
        if self.phase == Phase::Done {
            return fx;
        }
        match event {
            Event::Tick => {}
            Event::Quit => self.end_early(String::new(), now, &mut fx),
            Event::EndEarly { text } => self.end_early(text, now, &mut fx),
            Event::Pause => {
                if self.paused_at.is_none() {
                    self.paused_at = Some(now);
                }
            }
            Event::Resume => self.resume(now, &mut fx),
            _ if self.paused_at.is_some() => {}
            Event::StartAnswer => {
                if self.phase == Phase::Prep {
                    self.begin_answer(now, &mut fx);
                }
            }
            Event::Submit { text } => match self.phase {
                Phase::Answer => self.submit_answer(text, now, &mut fx),
                Phase::FollowUp => self.submit_follow_up(Some(text), now, &mut fx),
                Phase::Prep | Phase::Done => {}
            },
            Event::Skip => match self.phase {
                Phase::Prep | Phase::Answer => self.skip_question(now, &mut fx),
                Phase::FollowUp => self.submit_follow_up(None, now, &mut fx),
                Phase::Done => {}
            },
        }
        fx
    }

    fn fire_due(&mut self, now: DateTime<Utc>, due: Due, fx: &mut Vec<Effect>) {
        // Each firing clears its deadline or moves to a later one, so this ends.
        while self.paused_at.is_none()
            && let Some(d) = self.deadline.take_if(|d| d.at <= now)
        {
            match self.phase {
                Phase::Prep => self.begin_answer(d.at, fx),
                Phase::Answer | Phase::FollowUp => match (self.setup.timing, self.setup.mode) {
                    (Timing::Strict, AnswerMode::Spoken) if due.submitting => {}
                    (Timing::Strict, AnswerMode::Spoken) if self.phase == Phase::Answer => {
                        self.submit_answer(String::new(), d.at, fx)
                    }
                    (Timing::Strict, AnswerMode::Spoken) => {
                        self.submit_follow_up(Some(String::new()), d.at, fx)
                    }
                    (Timing::Strict, AnswerMode::Typed) if !due.quiet => {
                        fx.push(Effect::TimeUp { index: self.index })
                    }
                    (Timing::Soft, _) if !due.quiet => {
                        fx.push(Effect::Overtime { index: self.index })
                    }
                    _ => {}
                },
                Phase::Done => {}
            }
        }
    }

    fn resume(&mut self, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
        let Some(at) = self.paused_at.take() else {
            return;
        };
        let paused = between(at, now);
        self.paused += paused;
        self.phase_start += delta(paused);
        if let Some(d) = self.deadline.take() {
            self.start_timer(d.at + delta(paused), fx);
        }
    }

    fn start_timer(&mut self, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        self.deadline = Some(Deadline { at });
        fx.push(Effect::StartTimer { deadline: at });
    }

    fn begin_phase(
        &mut self,
        phase: Phase,
        at: DateTime<Utc>,
        limit: Duration,
        fx: &mut Vec<Effect>,
    ) {
        self.phase = phase;
        self.phase_start = at;
        self.limit = limit;
        self.start_timer(at + delta(limit), fx);
    }

    fn begin_question(&mut self, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        self.paused = Duration::ZERO;
        self.main = None;
        self.main_recorded = false;
        fx.push(Effect::ShowQuestion { index: self.index });
        let prep = self.setup.prep_time();
        if prep.is_zero() {
            self.begin_answer(at, fx);
        } else {
            self.begin_phase(Phase::Prep, at, prep, fx);
        }
    }

    fn begin_answer(&mut self, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        fx.push(Effect::AnswerStarted { index: self.index });
        let limit = self.questions[self.index].answer_time;
        self.begin_phase(Phase::Answer, at, limit, fx);
    }

    /// How long the current phase's answer took, and its overtime, at `at`.
    fn measure(&self, at: DateTime<Utc>) -> (Duration, Duration) {
        let used = between(self.phase_start, at);
        match self.setup.timing {
            Timing::Strict => (used.min(self.limit), Duration::ZERO),
            Timing::Soft => (used, used.saturating_sub(self.limit)),
        }
    }

    fn submit_answer(&mut self, text: String, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        let (took, overtime) = self.measure(at);
        let text = match self.setup.mode {
            AnswerMode::Typed => accept_answer(&text).0,
            AnswerMode::Spoken => String::new(),
        };
        self.main = Some(Given {
            text,
            took,
            overtime,
        });
        let follow_up = self.questions[self.index].follow_up.clone();
        match follow_up {
            Some(text) if self.setup.follow_ups => {
                // Durable before the follow-up is shown: a crash, a kill or a closed terminal
                // during the follow-up keeps the main answer.
                let main = self.answer(None, Outcome::Answered).record();
                fx.push(Effect::Record(MockRecord::MockAnswered(main)));
                self.main_recorded = true;
                fx.push(Effect::ShowFollowUp {
                    index: self.index,
                    text,
                });
                let limit = self.setup.follow_up_time();
                self.begin_phase(Phase::FollowUp, at, limit, fx);
            }
            _ => self.complete(None, Outcome::Answered, at, fx),
        }
    }

    fn submit_follow_up(&mut self, text: Option<String>, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        let given = text.map(|text| {
            let (took, overtime) = self.measure(at);
            let text = match self.setup.mode {
                AnswerMode::Typed => accept_answer(&text).0,
                AnswerMode::Spoken => String::new(),
            };
            Given {
                text,
                took,
                overtime,
            }
        });
        self.complete(given, Outcome::Answered, at, fx);
    }

    /// Ends the interview early at `at`, `text` (typed so far) being the answer to the phase
    /// being answered. A main answer waiting for its follow-up is kept, with the follow-up's
    /// text if any.
    fn end_early(&mut self, text: String, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        // The time paused (to ask "End early?", say) is not answer time.
        if let Some(paused_at) = self.paused_at.take() {
            let paused = between(paused_at, at);
            self.paused += paused;
            self.phase_start += delta(paused);
        }
        let given = (self.setup.mode == AnswerMode::Typed && !text.trim().is_empty()).then(|| {
            let (took, overtime) = self.measure(at);
            Given {
                text: accept_answer(&text).0,
                took,
                overtime,
            }
        });
        match self.phase {
            Phase::Answer if given.is_some() => {
                self.main = given;
                self.record_answer(None, Outcome::Answered, fx);
            }
            Phase::FollowUp if self.main.is_some() => {
                self.record_answer(given, Outcome::Answered, fx);
            }
            _ => {}
        }
        self.finish(Ending::QuitEarly, fx);
    }

    fn skip_question(&mut self, at: DateTime<Utc>, fx: &mut Vec<Effect>) {
        self.main = None;
        self.complete(None, Outcome::Skipped, at, fx);
    }

    /// Records question `index` and moves on.
    fn complete(
        &mut self,
        follow: Option<Given>,
        outcome: Outcome,
        at: DateTime<Utc>,
        fx: &mut Vec<Effect>,
    ) {
        self.record_answer(follow, outcome, fx);
        self.index += 1;
        if self.index < self.questions.len() {
            self.begin_question(at, fx);
        } else {
            self.finish(Ending::Completed, fx);
        }
    }

    /// Question `index` as answered so far: the main answer (nothing when skipped) and
    /// `follow`.
    fn answer<'a>(&'a self, follow: Option<&'a Given>, outcome: Outcome) -> Answer<'a> {
        const NONE: &Given = &Given::NONE;
        Answer {
            interview: &self.id,
            setup: &self.setup,
            index: self.index,
            question: &self.questions[self.index],
            main: self.main.as_ref().unwrap_or(NONE),
            follow,
            paused: self.paused,
            outcome,
        }
    }

    /// Records question `index` (without moving on): its `MockAnswered`, or, when that was
    /// recorded at the main answer, its `MockFollowUp`.
    fn record_answer(&mut self, follow: Option<Given>, outcome: Outcome, fx: &mut Vec<Effect>) {
        let record = self.answer(follow.as_ref(), outcome).record();
        self.main = None;
        self.answers.push(record.clone());
        if std::mem::take(&mut self.main_recorded) {
            fx.push(Effect::Record(MockRecord::MockFollowUp(MockFollowUp::of(
                &record,
            ))));
        } else {
            fx.push(Effect::Record(MockRecord::MockAnswered(record)));
        }
    }

    /// Ends the interview: [`Ending::Completed`] after the last question, else
    /// [`Ending::QuitEarly`].
    fn finish(&mut self, ending: Ending, fx: &mut Vec<Effect>) {
        self.phase = Phase::Done;
        self.deadline = None;
        self.paused_at = None;
        self.ending = ending;
        let score = self.debrief().score();
        fx.push(Effect::Record(MockRecord::MockFinished(MockFinished {
            interview: self.id.clone(),
            score,
            completed: ending == Ending::Completed,
        })));
        fx.push(Effect::Finished { ending });
    }

    pub fn id(&self) -> &InterviewId {
        &self.id
    }

    pub fn setup(&self) -> &MockSetup {
        &self.setup
    }

    pub fn questions(&self) -> &[MockQuestion] {
        &self.questions
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The position of the current question (equals the count once done).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The question being asked, `None` once done.
    pub fn current(&self) -> Option<&MockQuestion> {
        (self.phase != Phase::Done)
            .then(|| self.questions.get(self.index))
            .flatten()
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// The answers recorded so far.
    pub fn answers(&self) -> &[MockAnswered] {
        &self.answers
    }

    /// The clock at `now`; `None` once done.
    pub fn clock(&self, now: DateTime<Utc>) -> Option<ClockView> {
        if self.phase == Phase::Done {
            return None;
        }
        let at = self.paused_at.unwrap_or(now);
        // Whole milliseconds, as the records measure.
        let elapsed = TimeDelta::milliseconds((at - self.phase_start).num_milliseconds());
        let mut remaining = delta(self.limit) - elapsed;
        if self.setup.timing == Timing::Strict || self.phase == Phase::Prep {
            remaining = remaining.max(TimeDelta::zero());
        }
        Some(ClockView {
            phase: self.phase,
            remaining,
            limit: self.limit,
            paused: self.is_paused(),
        })
    }

    /// The debrief of the answers so far (partial before the end).
    pub fn debrief(&self) -> Debrief {
        Debrief::new(
            &self.id,
            &self.setup,
            &self.questions,
            &self.answers,
            self.ending,
        )
    }
}

#[cfg(test)]
#[path = "mock_follow_up_tests.rs"]
mod follow_up_tests;
#[cfg(test)]
#[path = "mock_tests.rs"]
mod tests;
