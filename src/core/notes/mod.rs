//! The candidate's own material on cards: a note and their own answer per card (built-in
//! cards included), and every answer they typed (drill drafts, mock answers).
//!
//! Pure: folds state-log records into a [`Notebook`]. Everything is keyed by deck id + card id,
//! so it survives deck upgrades and edits (a card that disappears keeps its material, as its
//! progress). A note or answer is a record per edit; the latest (time, then id) counts, so two
//! logs merged by union agree. An empty text clears it. Storage and editing are elsewhere.

mod attempts;
mod browse;
mod detail;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::core::fast_hash::FastMap;
use crate::core::ids::{CardKey, RecordId};
use crate::core::record::{Record, RecordBody};

pub use attempts::{Attempt, AttemptSource, best_attempt};
pub use browse::{BrowseFilter, CardState, CardView, card_states, filter_cards, search_matches};
pub use detail::{CardDetail, HistoryEntry, MemoryNow, card_detail};

/// A text the candidate wrote on a card, with the record that holds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Written {
    pub text: String,
    pub at: DateTime<Utc>,
    /// The record of this edit.
    pub id: RecordId,
    /// For an answer promoted from an attempt: that attempt's record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<RecordId>,
}

impl Written {
    fn newer_than(&self, other: &Written) -> bool {
        (self.at, &self.id) > (other.at, &other.id)
    }
}

/// An answer as typed, before it is linked to the grade it got (see [`Notebook::attempts`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawAttempt {
    pub id: RecordId,
    pub at: DateTime<Utc>,
    pub source: AttemptSource,
    pub text: String,
    pub follow_up: Option<String>,
    pub coverage: Vec<bool>,
    /// The mock's suggested grade (drills have none).
    pub suggested: Option<crate::core::grade::Grade>,
    /// A mock answer's position in its interview.
    pub question: Option<usize>,
}

/// The candidate's latest ticks and grade for one mock question (`mock_debriefed`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Debriefed {
    pub at: DateTime<Utc>,
    pub id: RecordId,
    pub checklist: Vec<bool>,
    pub grade: Option<crate::core::grade::Grade>,
}

/// A `mock_follow_up` record, joined to its question's attempt when attempts are listed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FollowUp {
    pub at: DateTime<Utc>,
    pub id: RecordId,
    pub record: crate::core::session::MockFollowUp,
}

/// Notes, own answers and typed attempts of every card the log mentions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notebook {
    notes: FastMap<CardKey, Written>,
    answers: FastMap<CardKey, Written>,
    attempts: FastMap<CardKey, Vec<RawAttempt>>,
    debriefed: FastMap<(crate::core::ids::InterviewId, usize), Debriefed>,
    /// The follow-up of a mock question recorded apart from its main answer (`mock_follow_up`):
    /// the first (time, then id) of each question.
    follow_ups: FastMap<(crate::core::ids::InterviewId, usize), FollowUp>,
    /// The ticks changed after a drill reveal, by the `drill_answer` they belong to: (when,
    /// record id, ticks) of the latest.
    drill_ticks: FastMap<RecordId, (DateTime<Utc>, RecordId, Vec<bool>)>,
}

/// Whether a record is part of the candidate's own material (kept verbatim by the progress
/// cache so a cached start has them).
pub fn is_own_material(record: &Record) -> bool {
    matches!(
        record.body,
        RecordBody::Note(_) | RecordBody::MyAnswer(_) | RecordBody::DrillAnswer(_)
    )
}

impl Notebook {
    /// Folds `records` (any order; other record types are ignored).
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Record>) -> Notebook {
        let mut book = Notebook::default();
        for r in records {
            book.absorb(r);
        }
        book
    }

    /// Takes in one more record (any order: the result does not depend on it).
    pub fn absorb(&mut self, record: &Record) {
        match &record.body {
            RecordBody::Note(n) => keep_latest(
                &mut self.notes,
                CardKey {
                    deck: n.deck.clone(),
                    card: n.card.clone(),
                },
                Written {
                    text: n.text.clone(),
                    at: record.at,
                    id: record.id.clone(),
                    from: None,
                },
            ),
            RecordBody::MyAnswer(a) => keep_latest(
                &mut self.answers,
                CardKey {
                    deck: a.deck.clone(),
                    card: a.card.clone(),
                },
                Written {
                    text: a.text.clone(),
                    at: record.at,
                    id: record.id.clone(),
                    from: a.from.clone(),
                },
            ),
            RecordBody::DrillAnswer(d) if d.ticks_of.is_some() => {
                let (Some(of), at) = (&d.ticks_of, record.at) else {
                    return;
                };
                let newer = self
                    .drill_ticks
                    .get(of)
                    .is_none_or(|(t, id, _)| (at, &record.id) > (*t, id));
                if newer {
                    self.drill_ticks
                        .insert(of.clone(), (at, record.id.clone(), d.coverage.clone()));
                }
            }
            RecordBody::DrillAnswer(d) if !d.answer.trim().is_empty() => self.add_attempt(
                CardKey {
                    deck: d.deck.clone(),
                    card: d.card.clone(),
                },
                RawAttempt {
                    id: record.id.clone(),
                    at: record.at,
                    source: AttemptSource::Drill,
                    text: d.answer.clone(),
                    follow_up: None,
                    coverage: d.coverage.clone(),
                    suggested: None,
                    question: None,
                },
            ),
            RecordBody::MockAnswered(m) if !m.skipped && !m.answer.trim().is_empty() => self
                .add_attempt(
                    m.card.clone(),
                    RawAttempt {
                        id: record.id.clone(),
                        at: record.at,
                        source: AttemptSource::Mock {
                            interview: m.interview.clone(),
                        },
                        text: m.answer.clone(),
                        follow_up: m.follow_up_answer.clone().filter(|t| !t.trim().is_empty()),
                        coverage: m.coverage.clone(),
                        suggested: m.grade,
                        question: Some(m.index),
                    },
                ),
            RecordBody::MockFollowUp(f) => {
                let slot = (f.interview.clone(), f.index);
                match self.follow_ups.get(&slot) {
                    Some(old) if (old.at, &old.id) <= (record.at, &record.id) => {}
                    _ => {
                        self.follow_ups.insert(
                            slot,
                            FollowUp {
                                at: record.at,
                                id: record.id.clone(),
                                record: f.as_ref().clone(),
                            },
                        );
                    }
                }
            }
            RecordBody::MockDebriefed(m) => {
                let new = Debriefed {
                    at: record.at,
                    id: record.id.clone(),
                    checklist: m.checklist.clone(),
                    grade: m.grade,
                };
                let slot = (m.interview.clone(), m.index);
                match self.debriefed.get(&slot) {
                    Some(old) if (old.at, &old.id) >= (new.at, &new.id) => {}
                    _ => {
                        self.debriefed.insert(slot, new);
                    }
                }
            }
            _ => {}
        }
    }

    fn add_attempt(&mut self, key: CardKey, attempt: RawAttempt) {
        let list = self.attempts.entry(key).or_default();
        if !list.iter().any(|a| a.id == attempt.id) {
            list.push(attempt);
        }
    }

    /// The card's note, unless there is none or it was cleared.
    pub fn note(&self, key: &CardKey) -> Option<&Written> {
        self.notes.get(key).filter(|w| !w.text.trim().is_empty())
    }

    /// The candidate's own answer to the card, unless there is none or it was cleared.
    pub fn my_answer(&self, key: &CardKey) -> Option<&Written> {
        self.answers.get(key).filter(|w| !w.text.trim().is_empty())
    }

    /// Every card with a note, in key order.
    pub fn notes(&self) -> Vec<(&CardKey, &Written)> {
        sorted(&self.notes)
    }

    /// Every card with an own answer, in key order.
    pub fn my_answers(&self) -> Vec<(&CardKey, &Written)> {
        sorted(&self.answers)
    }

    /// Every card with a note, an own answer or an attempt, in key order.
    pub fn keys(&self) -> Vec<&CardKey> {
        let mut keys: Vec<&CardKey> = self
            .notes()
            .into_iter()
            .chain(self.my_answers())
            .map(|(k, _)| k)
            .chain(self.attempts.keys())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// How many typed attempts the card has.
    pub fn attempt_count(&self, key: &CardKey) -> usize {
        self.attempts.get(key).map_or(0, Vec::len)
    }
}

fn keep_latest(map: &mut FastMap<CardKey, Written>, key: CardKey, new: Written) {
    match map.get_mut(&key) {
        Some(old) if !new.newer_than(old) => {}
        Some(old) => *old = new,
        None => {
            map.insert(key, new);
        }
    }
}

fn sorted(map: &FastMap<CardKey, Written>) -> Vec<(&CardKey, &Written)> {
    let mut v: Vec<_> = map
        .iter()
        .filter(|(_, w)| !w.text.trim().is_empty())
        .collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}
