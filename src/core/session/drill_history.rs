//! How cards left a drill: each one's outcome, kept in the session's history as it was so
//! undo can bring the card back (most recent first), and the end-of-session summary counted
//! from it. Not the past interviews of the mock (that is `session::history`).

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::core::analysis::StarCues;
use crate::core::analysis::relevance::OtherQuestion;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, RecordId};
use crate::core::record::RecordBody;

use super::{Drill, Effect, Pending, Phase, between};

/// How a card left the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Graded(Grade),
    /// Graded in practice: nothing was rescheduled.
    Practised(Grade),
    Skipped,
    Suspended,
    Buried,
}

impl Outcome {
    /// What was done, for a confirmation: "graded Good", "skipped".
    pub fn done(self) -> String {
        match self {
            Outcome::Graded(g) => format!("graded {}", g.label()),
            Outcome::Practised(g) => format!("practised: {} (no due date moved)", g.label()),
            Outcome::Skipped => "skipped".into(),
            Outcome::Suspended => "suspended".into(),
            Outcome::Buried => "buried until tomorrow".into(),
        }
    }

    /// What undoing it takes back: "the Good grade", "the skip".
    pub fn undo_label(self) -> String {
        match self {
            Outcome::Graded(g) => format!("the {} grade", g.label()),
            Outcome::Practised(g) => format!("the {} practice grade", g.label()),
            Outcome::Skipped => "the skip".into(),
            Outcome::Suspended => "the suspension".into(),
            Outcome::Buried => "the bury".into(),
        }
    }
}

/// The most recent action of a session: what undo would take back.
#[derive(Clone, Debug, PartialEq)]
pub struct LastAction {
    /// The card's index into the session's cards.
    pub index: usize,
    pub key: CardKey,
    pub outcome: Outcome,
}

impl LastAction {
    /// A one-line confirmation naming what `u` would undo: "Graded Good. u: undo the Good
    /// grade."
    pub fn confirmation(&self) -> String {
        let done = self.outcome.done();
        let mut first = done.chars();
        let done = first
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(first).collect());
        format!("{done}. u: undo {}.", self.outcome.undo_label())
    }
}

/// A card that left the session, kept so undo can bring it back as it was.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Done {
    index: usize,
    outcome: Outcome,
    /// The record that did it (none for a skip: nothing was written).
    record: Option<RecordId>,
    /// The phase the card was in (Question or Revealed), to come back to.
    phase: Phase,
    shown_at: DateTime<Utc>,
    revealed_at: Option<DateTime<Utc>>,
    draft: String,
    draft_record: Option<RecordId>,
    checklist: Vec<bool>,
    matched_words: Vec<Vec<String>>,
    reads_like: Option<OtherQuestion>,
    star: Option<StarCues>,
}

/// The figures of the end-of-session summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub reviewed: usize,
    /// Reviews per grade, Again..Easy.
    pub grades: [usize; 4],
    pub skipped: usize,
    pub suspended: usize,
    pub buried: usize,
    /// Thinking time summed over graded cards (whole milliseconds).
    pub think: Duration,
    /// From the first card to the end (whole milliseconds).
    pub elapsed: Duration,
}

impl Drill {
    /// The most recent action, which [`Event::Undo`] would take back.
    pub fn last_action(&self) -> Option<LastAction> {
        let done = self.history.last()?;
        Some(LastAction {
            index: done.index,
            key: self.cards.get(done.index)?.key.clone(),
            outcome: done.outcome,
        })
    }

    pub fn summary(&self, now: DateTime<Utc>) -> Summary {
        let mut s = Summary {
            elapsed: between(self.started, self.ended.unwrap_or(now)),
            ..Summary::default()
        };
        for d in &self.history {
            match d.outcome {
                Outcome::Graded(g) | Outcome::Practised(g) => {
                    s.reviewed += 1;
                    s.grades[usize::from(g.number() - 1)] += 1;
                    s.think += d
                        .revealed_at
                        .map_or(Duration::ZERO, |r| between(d.shown_at, r));
                }
                Outcome::Skipped => s.skipped += 1,
                Outcome::Suspended => s.suspended += 1,
                Outcome::Buried => s.buried += 1,
            }
        }
        s
    }

    pub(super) fn undo(&mut self) -> Vec<Effect> {
        let Some(done) = self.history.last() else {
            return vec![Effect::Notice("Nothing to undo in this session.".into())];
        };
        let at = self.history.len() - 1;
        match done.record.clone() {
            Some(target) => self.save(Pending::Undo(at), RecordBody::Undo { target }),
            // A skip wrote nothing: nothing to take back on disk.
            None => self.restore(at),
        }
    }

    /// Brings back the card of history entry `at` as it was when it left (revealed, with its
    /// draft and checklist, if it was); the card that was current goes back to the front of
    /// the queue.
    pub(super) fn restore(&mut self, at: usize) -> Vec<Effect> {
        if at >= self.history.len() {
            return vec![];
        }
        let done = self.history.remove(at);
        if let Some(cur) = self.current.take() {
            self.remaining.push_front(cur);
        }
        self.current = Some(done.index);
        self.shown_at = done.shown_at;
        self.revealed_at = done.revealed_at;
        self.draft = done.draft;
        self.draft_record = done.draft_record;
        self.checklist = done.checklist;
        self.matched_words = done.matched_words;
        self.reads_like = done.reads_like;
        self.star = done.star;
        self.phase = done.phase;
        self.ended = None;
        vec![
            Effect::Show(done.index),
            Effect::Notice(format!("Undone: {}.", done.outcome.undo_label())),
        ]
    }

    pub(super) fn leave(&mut self, outcome: Outcome, record: Option<RecordId>, phase: Phase) {
        if let Some(index) = self.current.take() {
            self.history.push(Done {
                index,
                outcome,
                record,
                phase,
                shown_at: self.shown_at,
                revealed_at: self.revealed_at,
                draft: std::mem::take(&mut self.draft),
                draft_record: self.draft_record.take(),
                checklist: std::mem::take(&mut self.checklist),
                matched_words: std::mem::take(&mut self.matched_words),
                reads_like: self.reads_like.take(),
                star: self.star.take(),
            });
        }
    }
}
