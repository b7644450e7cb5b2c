//! The drill: one card after another, think, reveal, self-grade.
//!
//! Owns the order of the session's cards, the current card's phase, the key-point checklist
//! and the history that undo walks back: every action (grade, skip, suspend, bury) is undone
//! most recent first, the card coming back as it was. [`Drill::last_action`] says what `u`
//! would undo, for the front ends' confirmations. It does not schedule (the scheduler does) and does
//! not store (the front end hands [`Effect::Write`] to storage and answers with
//! [`Event::Stored`] or [`Event::StoreFailed`]).
//!
//! Its parts beside it: the events, effects and phases it speaks in (`drill_events.rs`), and
//! how cards left it, which undo walks back and the summary counts (`drill_history.rs`).

use std::collections::VecDeque;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::core::analysis::relevance::OtherQuestion;
use crate::core::analysis::{StarCues, Topic, check_answer};
use crate::core::grade::Grade;
use crate::core::ids::RecordId;
use crate::core::record::{DrillAnswer, Practice, Record, RecordBody, Review, ReviewMode, millis};
use crate::core::text::accept_answer;

#[path = "drill_events.rs"]
mod events;
#[path = "drill_history.rs"]
mod history;

pub use events::{Effect, Event, GradeAs, Phase, SessionCard};
use history::Done;
pub use history::{LastAction, Outcome, Summary};

/// What is waiting for storage.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Review(Grade),
    /// Undoing the action at this position of the history.
    Undo(usize),
    Remove(Outcome),
}

/// A drill session.
#[derive(Clone, Debug)]
pub struct Drill {
    cards: Vec<SessionCard>,
    remaining: VecDeque<usize>,
    current: Option<usize>,
    phase: Phase,
    pending: Option<Pending>,
    /// The phase to go back to when a write fails.
    resume: Phase,
    shown_at: DateTime<Utc>,
    revealed_at: Option<DateTime<Utc>>,
    draft: String,
    /// The `drill_answer` record of the draft just revealed, once storage has it: ticks
    /// changed after the reveal are written against it.
    draft_record: Option<RecordId>,
    checklist: Vec<bool>,
    /// Per key point, the draft's words that made the matcher tick it (empty when it did not).
    matched_words: Vec<Vec<String>>,
    /// The other question the revealed draft reads like, when it does (then nothing is ticked).
    reads_like: Option<OtherQuestion>,
    /// The revealed draft's STAR parts, for a behavioural card (see [`Drill::star`]).
    star: Option<StarCues>,
    history: Vec<Done>,
    started: DateTime<Utc>,
    ended: Option<DateTime<Utc>>,
    grade_as: GradeAs,
}

/// The time from `from` to `to` in whole milliseconds (what a review's `took_ms` keeps); zero
/// when `to` is earlier.
fn between(from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
    Duration::from_millis(u64::try_from((to - from).num_milliseconds()).unwrap_or(0))
}

impl Drill {
    /// Starts a session on `cards` (in order) at `now`. Returns the session and the effects
    /// for its first card (or `Finished` when there is nothing to drill).
    pub fn start(cards: Vec<SessionCard>, now: DateTime<Utc>) -> (Drill, Vec<Effect>) {
        Drill::start_as(cards, GradeAs::Review, now)
    }

    /// [`Drill::start`], its grades counting as `grade_as`.
    pub fn start_as(
        cards: Vec<SessionCard>,
        grade_as: GradeAs,
        now: DateTime<Utc>,
    ) -> (Drill, Vec<Effect>) {
        let mut d = Drill {
            grade_as,
            remaining: (0..cards.len()).collect(),
            cards,
            current: None,
            phase: Phase::Question,
            pending: None,
            resume: Phase::Question,
            shown_at: now,
            revealed_at: None,
            draft: String::new(),
            draft_record: None,
            checklist: Vec::new(),
            matched_words: Vec::new(),
            reads_like: None,
            star: None,
            history: Vec::new(),
            started: now,
            ended: None,
        };
        let effects = d.advance(now);
        (d, effects)
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }
    /// Whether grades reschedule (reviews) or not (practice).
    pub fn grade_as(&self) -> GradeAs {
        self.grade_as
    }
    pub fn cards(&self) -> &[SessionCard] {
        &self.cards
    }
    /// The current card's index into [`Drill::cards`].
    pub fn current(&self) -> Option<usize> {
        self.current
    }
    pub fn current_card(&self) -> Option<&SessionCard> {
        self.current.and_then(|i| self.cards.get(i))
    }
    /// 1-based position of the current card and the session's size ("3/12").
    pub fn position(&self) -> (usize, usize) {
        (self.history.len() + 1, self.cards.len())
    }
    pub fn checklist(&self) -> &[bool] {
        &self.checklist
    }
    /// Per key point of the revealed card, the draft's words that made the matcher tick it
    /// (empty for a point it did not tick), so a wrong tick is visible.
    pub fn matched_words(&self) -> &[Vec<String>] {
        &self.matched_words
    }
    /// The other question the revealed draft reads like, when it reads as an answer to another
    /// question (then the matcher ticked nothing).
    pub fn reads_like(&self) -> Option<&OtherQuestion> {
        self.reads_like.as_ref()
    }

    /// The STAR parts of the revealed draft, for a behavioural card with a draft typed (as
    /// the mock debrief and `prepdeck answer` read them): read once at the reveal, and kept
    /// with the card when it leaves, so an undo that brings it back brings its reading.
    pub fn star(&self) -> Option<&StarCues> {
        self.star.as_ref().filter(|_| self.phase == Phase::Revealed)
    }
    pub fn draft(&self) -> &str {
        &self.draft
    }
    /// Thinking time so far: stops at reveal.
    pub fn think_time(&self, now: DateTime<Utc>) -> Duration {
        between(self.shown_at, self.revealed_at.unwrap_or(now))
    }
    pub fn started(&self) -> DateTime<Utc> {
        self.started
    }
    /// When the session finished, if it has.
    pub fn ended(&self) -> Option<DateTime<Utc>> {
        self.ended
    }
    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    /// Handles one event at `now`.
    pub fn handle(&mut self, event: Event, now: DateTime<Utc>) -> Vec<Effect> {
        match (self.phase, event) {
            (Phase::Finished, Event::Undo) => self.undo(),
            (Phase::Finished, _) => vec![],
            (Phase::Saving, Event::Stored(record)) => self.stored(record, now),
            (Phase::Saving, Event::StoreFailed) => {
                self.pending = None;
                self.phase = self.resume;
                vec![]
            }
            // Nothing else may happen until storage answers.
            (Phase::Saving, _) => vec![],
            // The draft kept at the reveal: its id, for the ticks changed after it.
            (Phase::Revealed, Event::Stored(record)) => {
                if let RecordBody::DrillAnswer(d) = &record.body
                    && d.ticks_of.is_none()
                {
                    self.draft_record = Some(record.id);
                }
                vec![]
            }
            (_, Event::Stored(_) | Event::StoreFailed) => vec![],
            (_, Event::Finish) => self.finish(now),
            (_, Event::Undo) => self.undo(),
            (Phase::Question, Event::Reveal { draft }) => {
                let (draft, _) = accept_answer(&draft);
                let checked = self.current_card().map(|c| {
                    let topic = Topic::new(c.key.to_string(), [], &c.key_points);
                    check_answer(&topic, &c.key_points, &draft, None)
                });
                self.reads_like = checked
                    .as_ref()
                    .and_then(|c| c.relevance.as_ref())
                    .and_then(|r| r.reads_like.clone());
                let points = checked.map(|c| c.points).unwrap_or_default();
                self.checklist = points.iter().map(|p| p.covered).collect();
                self.matched_words = points.into_iter().map(|p| p.matched).collect();
                self.star = self
                    .current_card()
                    .filter(|c| c.behavioral && !draft.trim().is_empty())
                    .map(|_| StarCues::detect(&draft));
                self.draft = draft;
                self.draft_record = None;
                self.revealed_at = Some(now);
                self.phase = Phase::Revealed;
                self.keep_draft()
            }
            (Phase::Revealed, Event::Toggle(i)) => {
                if let Some(t) = self.checklist.get_mut(i) {
                    *t = !*t;
                    return self.keep_ticks();
                }
                vec![]
            }
            (Phase::Revealed, Event::Grade(g)) => {
                let Some(card) = self.current_card() else {
                    return vec![];
                };
                let (deck, card, took_ms) = (
                    card.key.deck.clone(),
                    card.key.card.clone(),
                    millis(self.think_time(now)),
                );
                let body = match self.grade_as {
                    GradeAs::Review => RecordBody::Review(Review {
                        deck,
                        card,
                        grade: g,
                        took_ms,
                        mode: ReviewMode::Drill,
                    }),
                    GradeAs::Practice => RecordBody::Practice(Practice {
                        deck,
                        card,
                        grade: g,
                        took_ms,
                    }),
                };
                self.save(Pending::Review(g), body)
            }
            (Phase::Question | Phase::Revealed, Event::Skip) => {
                self.leave(Outcome::Skipped, None, self.phase);
                self.advance(now)
            }
            (Phase::Question | Phase::Revealed, Event::Suspend) => {
                let Some(card) = self.current_card() else {
                    return vec![];
                };
                let body = RecordBody::Suspend {
                    deck: card.key.deck.clone(),
                    card: card.key.card.clone(),
                };
                self.save(Pending::Remove(Outcome::Suspended), body)
            }
            (Phase::Question | Phase::Revealed, Event::Bury { until }) => {
                let Some(card) = self.current_card() else {
                    return vec![];
                };
                let body = RecordBody::Bury {
                    deck: card.key.deck.clone(),
                    card: card.key.card.clone(),
                    until,
                };
                self.save(Pending::Remove(Outcome::Buried), body)
            }
            _ => vec![],
        }
    }

    /// A typed draft is kept in the log as it is revealed (the candidate's answer history),
    /// whatever happens to the card next. Nothing waits for it: the answer is shown at once,
    /// and a write that fails is only reported.
    fn keep_draft(&self) -> Vec<Effect> {
        match self.current_card() {
            Some(card) if !self.draft.trim().is_empty() => {
                vec![Effect::Write(RecordBody::DrillAnswer(Box::new(
                    DrillAnswer {
                        deck: card.key.deck.clone(),
                        card: card.key.card.clone(),
                        answer: self.draft.clone(),
                        coverage: self.checklist.clone(),
                        ticks_of: None,
                    },
                )))]
            }
            _ => vec![],
        }
    }

    /// The key points as the candidate ticked them after the reveal, written against the kept
    /// draft (the latest counts), so the attempt's coverage in the card browser, `cards show`
    /// and `export notes` is what the candidate saw. Like the draft, nothing waits for it.
    fn keep_ticks(&self) -> Vec<Effect> {
        match (self.current_card(), &self.draft_record) {
            (Some(card), Some(of)) => vec![Effect::Write(RecordBody::DrillAnswer(Box::new(
                DrillAnswer {
                    deck: card.key.deck.clone(),
                    card: card.key.card.clone(),
                    answer: String::new(),
                    coverage: self.checklist.clone(),
                    ticks_of: Some(of.clone()),
                },
            )))],
            _ => vec![],
        }
    }

    fn save(&mut self, pending: Pending, body: RecordBody) -> Vec<Effect> {
        self.pending = Some(pending);
        self.resume = self.phase;
        self.phase = Phase::Saving;
        vec![Effect::Write(body)]
    }

    fn stored(&mut self, record: Record, now: DateTime<Utc>) -> Vec<Effect> {
        match self.pending.take() {
            Some(Pending::Review(g)) => {
                let outcome = match self.grade_as {
                    GradeAs::Review => Outcome::Graded(g),
                    GradeAs::Practice => Outcome::Practised(g),
                };
                self.leave(outcome, Some(record.id), self.resume);
                self.advance(now)
            }
            Some(Pending::Remove(outcome)) => {
                self.leave(outcome, Some(record.id), self.resume);
                self.advance(now)
            }
            Some(Pending::Undo(at)) => self.restore(at),
            None => vec![],
        }
    }
    fn advance(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        match self.remaining.pop_front() {
            Some(next) => {
                self.current = Some(next);
                self.shown_at = now;
                self.revealed_at = None;
                self.draft.clear();
                self.draft_record = None;
                self.checklist.clear();
                self.matched_words.clear();
                self.reads_like = None;
                self.star = None;
                self.phase = Phase::Question;
                vec![Effect::Show(next)]
            }
            None => self.finish(now),
        }
    }

    fn finish(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        self.phase = Phase::Finished;
        self.pending = None;
        self.ended = Some(now);
        vec![Effect::Finished]
    }
}
