//! Past mock interviews, rebuilt from the state log's records.
//!
//! An interview is its `MockStarted` record plus the `MockAnswered`, `MockFollowUp`,
//! `MockDebriefed` and `MockFinished` records with the same interview id. A question whose
//! follow-up was asked has its main answer in a `MockAnswered` record (written when it was
//! submitted) and its follow-up in a `MockFollowUp` record, joined here into one answer
//! ([`MockAnswered::join`]); without the follow-up's record (the interview was cut off during
//! the follow-up) the main answer is the whole answer. The candidate's ticks and confirmed
//! grade of a question are its latest `MockDebriefed` record (latest by time, then by place
//! in the file); without one, the ticks are the matcher's and the question is ungraded.
//!
//! Interviews started before `mock_debriefed` records existed (a `mock_started` record of
//! format 1) had no such link: their confirmed grades are the `Review { mode: Mock }` records
//! of their cards made after they started and before the next interview started (the debrief
//! wrote them right after the interview), unless a `MockDebriefed` record says otherwise.
//! Records taken back by an `Undo` do not count.
//!
//! Pure: records and decks in, values out. A card that is no longer in the decks is shown as a
//! placeholder question so the answers keep their positions.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::core::deck::{Card, Deck, Kind};
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, CategoryId, DeckId, InterviewId, RecordId};
use crate::core::record::{Record, RecordBody, ReviewMode};
use crate::core::text::sanitize_line;

use super::debrief::{Analysis, Debrief};
use super::question::MockQuestion;
use super::records::{MockAnswered, MockDebriefed, MockFollowUp};
use super::setup::{AnswerMode, MockSetup};

/// How an interview ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Completed,
    /// The candidate ended the interview before finishing it (or input ended), on its last
    /// question too; what they answered counts as answered. Shown as "ended early".
    QuitEarly,
    /// No `MockFinished` record: prepdeck stopped mid-interview (a crash, a closed terminal).
    Interrupted,
}

impl Ending {
    pub fn label(self) -> &'static str {
        match self {
            Ending::Completed => "completed",
            Ending::QuitEarly => "ended early",
            Ending::Interrupted => "interrupted",
        }
    }
}

/// One interview as the log tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct PastInterview {
    pub id: InterviewId,
    pub started_at: DateTime<Utc>,
    pub setup: MockSetup,
    /// The questions planned, in order.
    pub questions: Vec<CardKey>,
    /// The answers recorded, by position (the first record of each position, joined with the
    /// first follow-up record of the position).
    pub answers: Vec<MockAnswered>,
    /// When each answer was recorded, by position.
    pub answered_at: HashMap<usize, DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The score recorded at the end (before any grade was confirmed).
    pub recorded_score: Option<u8>,
    pub ending: Ending,
    /// Confirmed grades by card, for an interview of format 1 (see the module doc).
    pub grades: HashMap<CardKey, Grade>,
    /// The latest `MockDebriefed` record of each question, by position.
    pub debriefed: HashMap<usize, MockDebriefed>,
    /// Started by a build that links ticks and grades to the interview (`mock_started` of
    /// format 2): its grades come from `MockDebriefed` records only.
    pub linked: bool,
}

impl PastInterview {
    /// The id as lists and messages show it: on one line, its hidden characters written out
    /// (`mock-\u009B31m`), never removed, so two ids that differ only in them look different
    /// and the shown id can be given back to [`find_interview`].
    pub fn shown_id(&self) -> String {
        crate::core::text::quoted(self.id.as_str())
    }

    /// The decks asked from, in order of first question (the setup's when nothing was asked).
    pub fn decks(&self) -> Vec<DeckId> {
        let mut out: Vec<DeckId> = Vec::new();
        for k in &self.questions {
            if !out.contains(&k.deck) {
                out.push(k.deck.clone());
            }
        }
        if out.is_empty() {
            out = self.setup.decks.clone();
        }
        out
    }

    pub fn spoken(&self) -> bool {
        self.setup.mode == AnswerMode::Spoken
    }

    /// Questions answered (not skipped; something typed to the question or its follow-up).
    pub fn answered(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| !a.skipped && (self.spoken() || a.typed_something()))
            .count()
    }

    /// The questions as the decks have them now; a card gone from the decks becomes a
    /// placeholder. The setup's answer-time override is applied.
    pub fn mock_questions(&self, decks: &[Deck]) -> Vec<MockQuestion> {
        self.questions_from(&CardIndex::new(decks))
    }

    fn questions_from(&self, cards: &CardIndex<'_>) -> Vec<MockQuestion> {
        self.questions
            .iter()
            .map(|k| {
                cards
                    .question(k)
                    .unwrap_or_else(|| placeholder(k))
                    .with_setup(&self.setup)
            })
            .collect()
    }

    /// The confirmed grade of the answer at `index` (to `card`), as the log says.
    fn grade_of(&self, index: usize, card: &CardKey) -> Option<Grade> {
        match self.debriefed.get(&index) {
            Some(d) => d.grade,
            None if !self.linked => self.grades.get(card).copied(),
            None => None,
        }
    }

    /// How many of the questions reached have no confirmed grade (the scheduler has not heard
    /// of them): `history` marks them, `history grade` offers them again.
    pub fn ungraded(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| self.grade_of(a.index, &a.card).is_none())
            .count()
    }

    /// The debrief with the candidate's ticks and confirmed grades applied: what the debrief
    /// showed when they left it.
    pub fn debrief(&self, decks: &[Deck]) -> Debrief {
        self.build_debrief(decks, Analysis::Include)
    }

    /// The same without the insights on each answer (statistics need only ticks and scores).
    pub fn scored_debrief(&self, decks: &[Deck]) -> Debrief {
        self.scored_debrief_in(&CardIndex::new(decks))
    }

    /// [`PastInterview::scored_debrief`] with the cards looked up in `cards` (made once for
    /// many interviews).
    pub fn scored_debrief_in(&self, cards: &CardIndex<'_>) -> Debrief {
        self.debrief_from(self.questions_from(cards), Analysis::Omit)
    }

    fn build_debrief(&self, decks: &[Deck], insights: Analysis) -> Debrief {
        self.debrief_from(self.mock_questions(decks), insights)
    }

    fn debrief_from(&self, questions: Vec<MockQuestion>, insights: Analysis) -> Debrief {
        let mut debrief = Debrief::build(
            &self.id,
            &self.setup,
            &questions,
            &self.answers,
            self.ending,
            insights,
        );
        for i in 0..debrief.items.len() {
            let item = &debrief.items[i];
            let ticks = self.debriefed.get(&item.index).map(|d| d.checklist.clone());
            let grade = self.grade_of(item.index, &item.question.key);
            debrief.restore(i, ticks.as_deref(), grade);
        }
        debrief
    }
}

/// The cards of some decks by key, to rebuild many interviews without a search per question.
pub struct CardIndex<'a> {
    cards: HashMap<(&'a str, &'a str), (&'a Deck, &'a Card)>,
}

impl<'a> CardIndex<'a> {
    pub fn new(decks: &'a [Deck]) -> CardIndex<'a> {
        let mut cards = HashMap::new();
        for d in decks {
            for c in &d.cards {
                // The first deck with an id wins, as in `MockQuestion::for_keys`.
                cards
                    .entry((d.id.as_str(), c.id.as_str()))
                    .or_insert((d, c));
            }
        }
        CardIndex { cards }
    }

    fn question(&self, key: &CardKey) -> Option<MockQuestion> {
        let (deck, card) = self.cards.get(&(key.deck.as_str(), key.card.as_str()))?;
        Some(MockQuestion::new(deck, card))
    }
}

fn placeholder(key: &CardKey) -> MockQuestion {
    MockQuestion {
        key: key.clone(),
        category: CategoryId::new("unknown"),
        category_title: "(no longer in your decks)".into(),
        kind: Kind::Knowledge,
        question: format!("(the card {key} is no longer in the loaded decks)"),
        guidance: None,
        model_answer: String::new(),
        answer_time: std::time::Duration::from_secs(120),
        follow_up: None,
        key_points: Vec::new(),
    }
}

/// Every interview in the log, oldest first.
pub fn past_interviews(records: &[Record]) -> Vec<PastInterview> {
    let undone: HashSet<&RecordId> = records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Undo { target } => Some(target),
            _ => None,
        })
        .collect();
    let mut ordered: Vec<&Record> = records.iter().filter(|r| !undone.contains(&r.id)).collect();
    ordered.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));

    let mut out: Vec<PastInterview> = Vec::new();
    let mut by_id: HashMap<InterviewId, usize> = HashMap::new();
    for r in &ordered {
        if let RecordBody::MockStarted(m) = &r.body
            && !by_id.contains_key(&m.interview)
        {
            by_id.insert(m.interview.clone(), out.len());
            out.push(PastInterview {
                id: m.interview.clone(),
                started_at: r.at,
                setup: m.setup.clone(),
                questions: m.questions.clone(),
                answers: Vec::new(),
                answered_at: HashMap::new(),
                finished_at: None,
                recorded_score: None,
                ending: Ending::Interrupted,
                grades: HashMap::new(),
                debriefed: HashMap::new(),
                linked: r.v >= 2,
            });
        }
    }
    let mut follow_ups: HashMap<(usize, usize), &MockFollowUp> = HashMap::new();
    for r in &ordered {
        match &r.body {
            RecordBody::MockFollowUp(f) => {
                if let Some(&i) = by_id.get(&f.interview) {
                    follow_ups.entry((i, f.index)).or_insert(f);
                }
            }
            RecordBody::MockAnswered(a) => {
                if let Some(p) = by_id.get(&a.interview).map(|&i| &mut out[i])
                    && !p.answers.iter().any(|x| x.index == a.index)
                {
                    p.answers.push(a.as_ref().clone());
                    p.answered_at.insert(a.index, r.at);
                }
            }
            RecordBody::MockFinished(f) => {
                if let Some(p) = by_id.get(&f.interview).map(|&i| &mut out[i])
                    && p.finished_at.is_none()
                {
                    p.finished_at = Some(r.at);
                    p.recorded_score = Some(f.score);
                    p.ending = if f.completed {
                        Ending::Completed
                    } else {
                        Ending::QuitEarly
                    };
                }
            }
            _ => {}
        }
    }
    // The latest verdict on each question: by time, and of two at the same instant (two
    // changes within a millisecond) the one written last, whatever their ids.
    let mut when: HashMap<(usize, usize), (DateTime<Utc>, usize)> = HashMap::new();
    for (pos, r) in records.iter().enumerate() {
        let RecordBody::MockDebriefed(d) = &r.body else {
            continue;
        };
        let Some(&i) = by_id.get(&d.interview) else {
            continue;
        };
        if undone.contains(&r.id) {
            continue;
        }
        let slot = when.entry((i, d.index)).or_insert((r.at, pos));
        if (r.at, pos) >= *slot {
            *slot = (r.at, pos);
            out[i].debriefed.insert(d.index, d.as_ref().clone());
        }
    }
    for (i, p) in out.iter_mut().enumerate() {
        p.answers.sort_by_key(|a| a.index);
        for a in &mut p.answers {
            if let Some(joined) = follow_ups.get(&(i, a.index)).and_then(|f| a.join(f)) {
                *a = joined;
            }
        }
    }
    attach_grades(&ordered, &mut out);
    out
}

/// Gives each interview the first mock review of each of its cards in its window.
fn attach_grades(ordered: &[&Record], interviews: &mut [PastInterview]) {
    let starts: Vec<DateTime<Utc>> = interviews.iter().map(|p| p.started_at).collect();
    for r in ordered {
        let RecordBody::Review(review) = &r.body else {
            continue;
        };
        if review.mode != ReviewMode::Mock {
            continue;
        }
        // The latest interview that started at or before this review.
        let Some(i) = starts.iter().rposition(|s| *s <= r.at) else {
            continue;
        };
        let key = CardKey {
            deck: review.deck.clone(),
            card: review.card.clone(),
        };
        let p = &mut interviews[i];
        // A linked interview's grades are its `MockDebriefed` records: a review in its window
        // may be another interview's, graded later.
        if !p.linked && p.questions.contains(&key) {
            p.grades.entry(key).or_insert(review.grade);
        }
    }
}

/// Finds an interview by id: exactly, else by the id as lists show it
/// ([`PastInterview::shown_id`]: hidden characters written out as `\u009B`), else by the id
/// with its control characters removed when that names one interview only; so any id
/// `history` prints can be given back, even two that differ only in invisible characters.
pub fn find_interview<'a>(all: &'a [PastInterview], id: &str) -> Option<&'a PastInterview> {
    if let Some(p) = all.iter().find(|p| p.id.as_str() == id) {
        return Some(p);
    }
    let id = id.trim();
    if id.is_empty() {
        return None;
    }
    if let Some(p) = all.iter().find(|p| p.shown_id().trim() == id) {
        return Some(p);
    }
    let mut stripped = all
        .iter()
        .filter(|p| sanitize_line(p.id.as_str()).trim() == id);
    match (stripped.next(), stripped.next()) {
        (Some(p), None) => Some(p),
        _ => None,
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
