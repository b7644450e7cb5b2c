//! The drill's driver, shared by the app and the line-mode drill: builds the session from the
//! study's queue and carries out its effects, storage first. A grade storage refuses is
//! reported and the card stays revealed, so the user can grade it again (the session's rule).

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

use super::port::{DrillFilter, Study, StudyError};
use crate::core::deck::{Deck, Kind, find_card};
use crate::core::ids::CardKey;
use crate::core::record::{Record, RecordBody};
use crate::core::session::drill::{Drill, Effect, Event, GradeAs, SessionCard};

/// What the front end must show after an event.
#[derive(Debug)]
pub enum DrillUpdate {
    /// Card `index` is current: reset what the screen keeps per card.
    Show(usize),
    Finished,
    /// Tell the user something ("nothing to undo").
    Notice(String),
    /// The record is durable.
    Recorded(Record),
    /// Storage refused the record; the session is back where it was before the grade.
    NotRecorded {
        body: RecordBody,
        error: StudyError,
    },
}

/// A drill session and the rule for its writes.
pub struct DrillDriver {
    session: Drill,
}

impl DrillDriver {
    /// A drill of today's cards matching `filter` (empty when none is due).
    pub fn start(
        study: &dyn Study,
        decks: &[Deck],
        filter: &DrillFilter,
        now: DateTime<Utc>,
    ) -> DrillDriver {
        let grade_as = filter.ahead.unwrap_or_default();
        DrillDriver::with_cards_as(decks, study.queue(decks, filter, now), grade_as, now)
    }

    /// A drill on exactly `keys`, in order, due or not (the card browser's "drill it now"):
    /// each grade is a review.
    pub fn with_cards(decks: &[Deck], keys: Vec<CardKey>, now: DateTime<Utc>) -> DrillDriver {
        DrillDriver::with_cards_as(decks, keys, GradeAs::Review, now)
    }

    /// A drill on exactly `keys`, in order, graded as `grade_as`.
    pub fn with_cards_as(
        decks: &[Deck],
        keys: Vec<CardKey>,
        grade_as: GradeAs,
        now: DateTime<Utc>,
    ) -> DrillDriver {
        let cards = keys
            .into_iter()
            .map(|key| {
                let card = find_card(decks, &key).map(|(_, c)| c);
                SessionCard {
                    key_points: card.map(|c| c.key_points.clone()).unwrap_or_default(),
                    behavioral: card.is_some_and(|c| c.kind == Kind::Behavioral),
                    key,
                }
            })
            .collect();
        // The first effect is always `Show(0)` or `Finished`: nothing to do for either.
        let (session, _) = Drill::start_as(cards, grade_as, now);
        DrillDriver { session }
    }

    pub fn session(&self) -> &Drill {
        &self.session
    }

    /// Feeds `event` to the session and carries out its effects in order: each record is
    /// made durable before the session hears `Stored` (or `StoreFailed`).
    pub fn handle(
        &mut self,
        study: &mut dyn Study,
        event: Event,
        now: DateTime<Utc>,
    ) -> Vec<DrillUpdate> {
        let mut todo: VecDeque<Effect> = self.session.handle(event, now).into();
        let mut updates = Vec::new();
        while let Some(effect) = todo.pop_front() {
            match effect {
                Effect::Write(body) => match study.append(body.clone(), now) {
                    Ok(record) => {
                        updates.push(DrillUpdate::Recorded(record.clone()));
                        todo.extend(self.session.handle(Event::Stored(record), now));
                    }
                    Err(error) => {
                        updates.push(DrillUpdate::NotRecorded { body, error });
                        todo.extend(self.session.handle(Event::StoreFailed, now));
                    }
                },
                Effect::Show(i) => updates.push(DrillUpdate::Show(i)),
                Effect::Finished => updates.push(DrillUpdate::Finished),
                Effect::Notice(text) => updates.push(DrillUpdate::Notice(text)),
            }
        }
        updates
    }
}
