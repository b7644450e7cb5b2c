//! A question of a mock interview: a snapshot of the card it asks, so the interview and its
//! debrief do not borrow the decks.

use std::time::Duration;

use crate::core::analysis::Topic;
use crate::core::deck::{Card, Deck, KeyPoint, Kind};
use crate::core::ids::{CardKey, CategoryId};

use super::setup::MockSetup;

#[derive(Clone, Debug, PartialEq)]
pub struct MockQuestion {
    pub key: CardKey,
    pub category: CategoryId,
    /// The category's title (its id when the deck does not define it).
    pub category_title: String,
    pub kind: Kind,
    pub question: String,
    pub guidance: Option<String>,
    /// The model answer, shown in the debrief.
    pub model_answer: String,
    /// The answer time ([`Deck::answer_seconds_for`], or the setup's).
    pub answer_time: Duration,
    /// The card's first follow-up, if it has one.
    pub follow_up: Option<String>,
    pub key_points: Vec<KeyPoint>,
}

impl MockQuestion {
    /// What the question is about, to tell an answer to it from an answer to another one.
    pub fn topic(&self) -> Topic {
        let texts = [self.question.as_str(), &self.model_answer]
            .into_iter()
            .chain(self.guidance.as_deref())
            .chain(self.follow_up.as_deref());
        Topic::new(self.key.to_string(), texts, &self.key_points)
    }

    pub fn new(deck: &Deck, card: &Card) -> Self {
        let category_title = deck
            .category(&card.category)
            .map_or_else(|| card.category.to_string(), |c| c.title.clone());
        Self {
            key: deck.key(card),
            category: card.category.clone(),
            category_title,
            kind: card.kind,
            question: card.question.clone(),
            guidance: card.guidance.clone(),
            model_answer: card.answer.clone(),
            answer_time: Duration::from_secs(u64::from(deck.answer_seconds_for(card))),
            follow_up: card.follow_ups.first().cloned(),
            key_points: card.key_points.clone(),
        }
    }

    /// Applies the setup's answer-time override, if any.
    pub fn with_setup(mut self, setup: &MockSetup) -> Self {
        if let Some(time) = setup.answer_time() {
            self.answer_time = time;
        }
        self
    }

    /// Finds the questions for card keys (e.g. replaying a `MockStarted` record); keys whose card
    /// is gone are left out.
    pub fn for_keys(decks: &[Deck], keys: &[CardKey]) -> Vec<MockQuestion> {
        keys.iter()
            .filter_map(|k| {
                let deck = decks.iter().find(|d| d.id == k.deck)?;
                Some(MockQuestion::new(deck, deck.card(&k.card)?))
            })
            .collect()
    }
}
