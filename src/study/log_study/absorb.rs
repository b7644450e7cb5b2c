//! How a [`LogStudy`] takes in a record once it is in the log: on its own, or by replaying
//! its card when it arrives out of time order (and reading the card's records back when
//! they are not in memory).

use chrono::{DateTime, Utc};

use super::{CacheState, LogStudy};
use crate::core::ids::{CardKey, RecordId};
use crate::core::notes::is_own_material;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::replay;
use crate::study::Journal;
use crate::study::port::StudyError;

/// The card a record is about, if any.
pub(super) fn card_of(record: &Record) -> Option<CardKey> {
    card_of_body(&record.body)
}

pub(super) fn card_of_body(body: &RecordBody) -> Option<CardKey> {
    match body {
        RecordBody::Review(review) => Some(CardKey {
            deck: review.deck.clone(),
            card: review.card.clone(),
        }),
        RecordBody::Suspend { deck, card }
        | RecordBody::Unsuspend { deck, card }
        | RecordBody::Bury { deck, card, .. } => Some(CardKey {
            deck: deck.clone(),
            card: card.clone(),
        }),
        _ => None,
    }
}

/// The records past mock interviews are rebuilt from: kept apart for statistics.
pub(super) fn is_mock(record: &Record) -> bool {
    record.body.is_mock_history()
}

/// The records kept apart beside the replayed state (and in the progress cache with it): the
/// candidate's own material, and practice answers (statistics count them).
pub(super) fn is_kept(record: &Record) -> bool {
    is_own_material(record) || matches!(record.body, RecordBody::Practice(_))
}

/// `text` in double quotes, as a JSON string holds it when it needs no escape.
pub(super) fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

impl<J: Journal> LogStudy<J> {
    /// Takes in a record that is now in the log and brings the progress up to date: on its own
    /// when it comes last for its card, by replaying its card alone otherwise (a record dated
    /// before a later one of its card: a merge, a clock that went back; an undo). A record of
    /// another card dated far ahead (a device whose clock was wrong) costs nothing. `before`
    /// is the card's other records when the caller read them already (see
    /// [`LogStudy::records_of_card`]); otherwise they are read when needed. Fails only when
    /// they cannot be read back: the progress is then behind the log.
    pub(super) fn absorb(
        &mut self,
        record: &Record,
        before: Option<Vec<Record>>,
    ) -> Result<(), StudyError> {
        let last = self
            .latest
            .as_ref()
            .is_none_or(|(at, id)| (record.at, &record.id) > (*at, id));
        if last {
            self.latest = Some((record.at, record.id.clone()));
        }
        if let RecordBody::Undo { target } = &record.body {
            self.undone.insert(target.clone());
        }
        if is_mock(record) {
            self.mocks.push(record.clone());
        }
        if is_kept(record) {
            self.own.push(record.clone());
        }
        self.notebook.absorb(record);
        match &mut self.records {
            Some(records) => records.push(record.clone()),
            None => {
                self.taken_in.insert(record.id.clone(), card_of(record));
            }
        }
        if let Some((_, state)) = &mut self.cache {
            *state = CacheState::Behind;
        }
        if let Some((_, fresh)) = &mut self.home_snapshot {
            *fresh = false;
        }
        if self.undone.contains(&record.id) {
            // An earlier undo already took it back: it counts for nothing.
            return Ok(());
        }
        let undo = match &record.body {
            RecordBody::Undo { target } => Some(target),
            _ => None,
        };
        let key = match undo {
            Some(target) => self.card_of_target(target)?,
            None => card_of(record),
        };
        // Not a card's record (or an undo of one that is not, or not in the log): no card
        // changes.
        let Some(key) = key else {
            return Ok(());
        };
        let mut before = before;
        if undo.is_none() {
            let previous = match self.card_latest.get(&key) {
                Some(latest) => latest.clone(),
                None if last => None,
                None => {
                    let mine = match before.take() {
                        Some(mine) => mine,
                        None => self.records_of_card(&key, Some(&record.id))?,
                    };
                    let latest = mine.iter().map(|r| (r.at, r.id.clone())).max();
                    before = Some(mine);
                    self.card_latest.insert(key.clone(), latest.clone());
                    latest
                }
            };
            let newer = last
                || previous
                    .as_ref()
                    .is_none_or(|(at, id)| (record.at, &record.id) > (*at, id));
            if newer {
                if let Some(latest) = self.card_latest.get_mut(&key) {
                    *latest = Some((record.at, record.id.clone()));
                }
                self.progress.apply_latest(record, &self.config);
                return Ok(());
            }
        }
        let others = match before {
            Some(others) => others,
            None => self.records_of_card(&key, Some(&record.id))?,
        };
        let mut mine: Vec<Record> = others
            .into_iter()
            .filter(|r| !self.undone.contains(&r.id))
            .collect();
        if undo.is_none() {
            mine.push(record.clone());
        }
        self.progress
            .replace_card(&key, &replay(&mine, &self.config));
        Ok(())
    }

    /// The log's records of card `key` (taken back or not) taken in so far but `except`, in
    /// file order: from
    /// memory when every record is loaded, else read back from the log, which parses only
    /// the lines that name the card (the others are not held in memory).
    pub(super) fn records_of_card(
        &self,
        key: &CardKey,
        except: Option<&RecordId>,
    ) -> Result<Vec<Record>, StudyError> {
        let of_card = |r: &Record| {
            except != Some(&r.id)
                && !self.unabsorbed.contains(&r.id)
                && card_of(r).is_some_and(|k| k == *key)
        };
        match &self.records {
            Some(records) => Ok(records.iter().filter(|r| of_card(r)).cloned().collect()),
            None => self
                .log
                .read_back_where(&quoted(key.card.as_str()), &of_card),
        }
    }

    /// The card an undo of `target` changes: `None` when the target is not a card's record or
    /// not in the log.
    pub(super) fn card_of_target(&self, target: &RecordId) -> Result<Option<CardKey>, StudyError> {
        if let Some(records) = &self.records {
            return Ok(records.iter().find(|r| r.id == *target).and_then(card_of));
        }
        // Usually a record of this session (what undo offers).
        if let Some(card) = self.taken_in.get(target) {
            return Ok(card.clone());
        }
        let found = self
            .log
            .read_back_where(&quoted(target.as_str()), &|r| r.id == *target)?;
        Ok(found.first().and_then(card_of))
    }

    /// What a record about to be appended needs read back from the log, read before it is
    /// written (so that nothing is written when the log cannot be read): the records of the
    /// card an undo changes, or of the card of a record that may come before a later one of
    /// its card (the clock went back). `None` when nothing is needed or every record is in
    /// memory anyway.
    pub(super) fn read_before(
        &self,
        body: &RecordBody,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<Record>>, StudyError> {
        if self.records.is_some() {
            return Ok(None);
        }
        let key = match body {
            RecordBody::Undo { target } => self.card_of_target(target)?,
            _ if self.latest.as_ref().is_some_and(|(at, _)| *at >= now) => card_of_body(body),
            _ => None,
        };
        match key {
            Some(key) => self.records_of_card(&key, None).map(Some),
            None => Ok(None),
        }
    }
}
