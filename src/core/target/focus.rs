//! Which cards a target is about: the cards of the categories its job stresses most, and the
//! cards that answer its requirements.

use std::collections::HashMap;

use serde::Serialize;

use super::posting::Weight;
use super::relevance::Reading;
use crate::core::deck::Deck;
use crate::core::ids::{CardKey, CategoryId, DeckId};

/// Categories scoring at least this (the first scores 1) are relevant...
pub const RELEVANT_SCORE: f64 = 0.3;
/// ...up to this many...
pub const MAX_CATEGORIES: usize = 6;
/// ...and at least this many when the bank has them.
pub const MIN_CATEGORIES: usize = 3;
/// The best cards of each core requirement count too, whatever their category.
pub const CARDS_PER_REQUIREMENT: usize = 3;

/// A card the target is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelevantCard {
    #[serde(flatten)]
    pub key: CardKey,
    pub category: CategoryId,
    /// The card's relevance to the job, 0 to 1 (its [`Reading::cards`] score).
    pub relevance: f64,
}

/// The categories and cards a target is about, most relevant first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Focus {
    pub categories: Vec<(DeckId, CategoryId)>,
    pub cards: Vec<RelevantCard>,
}

impl Focus {
    pub fn contains(&self, key: &CardKey) -> bool {
        self.cards.iter().any(|c| &c.key == key)
    }

    /// The relevance of a card (0 when the target is not about it).
    pub fn relevance(&self, key: &CardKey) -> f64 {
        self.cards
            .iter()
            .find(|c| &c.key == key)
            .map_or(0.0, |c| c.relevance)
    }
}

/// The focus of a job `reading` over `decks`.
pub fn focus(decks: &[Deck], reading: &Reading) -> Focus {
    let categories: Vec<(DeckId, CategoryId)> = reading
        .categories
        .iter()
        .enumerate()
        .take_while(|(i, c)| *i < MIN_CATEGORIES || c.score >= RELEVANT_SCORE)
        .take(MAX_CATEGORIES)
        .map(|(_, c)| (c.deck.clone(), c.category.clone()))
        .collect();
    let score: HashMap<&CardKey, f64> = reading.cards.iter().map(|c| (&c.key, c.score)).collect();
    let mut keys: Vec<CardKey> = Vec::new();
    for deck in decks {
        for card in &deck.cards {
            if categories
                .iter()
                .any(|(d, c)| *d == deck.id && *c == card.category)
            {
                keys.push(deck.key(card));
            }
        }
    }
    for r in reading
        .requirements
        .iter()
        .filter(|r| r.weight == Weight::Core)
    {
        for a in r.cards.iter().take(CARDS_PER_REQUIREMENT) {
            if !keys.contains(&a.key) {
                keys.push(a.key.clone());
            }
        }
    }
    let mut cards: Vec<RelevantCard> = keys
        .into_iter()
        .filter_map(|key| {
            let (_, card) = crate::core::deck::find_card(decks, &key)?;
            Some(RelevantCard {
                relevance: score.get(&key).copied().unwrap_or(0.0),
                category: card.category.clone(),
                key,
            })
        })
        .collect();
    cards.sort_by(|a, b| {
        b.relevance
            .total_cmp(&a.relevance)
            .then_with(|| a.key.cmp(&b.key))
    });
    Focus { categories, cards }
}
