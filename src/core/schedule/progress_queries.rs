//! What a [`Progress`] answers: its cards (by key, by ids, by place), its reviews (all, since
//! a time, between two, of one card), when each deck was studied, a few cards alone, and the
//! cards no loaded deck has any more.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{Progress, ReviewEntry};
use crate::core::deck::Deck;
use crate::core::fast_hash::FastSet;
use crate::core::ids::{CardId, CardKey, DeckId, KeyRef};
use crate::core::schedule::earlier::Earlier;
use crate::core::schedule::{Activity, CardMemory, Reviews};

impl Progress {
    /// The state and reviews of the cards `keep` accepts, alone: what a screen about a few
    /// cards needs, without copying the others' reviews. A review goes with its card by the
    /// shared key (as replay, [`Progress::apply_latest`], [`Progress::replace_card`] and the
    /// progress cache make them).
    pub fn only(&self, keep: impl Fn(&CardKey) -> bool) -> Progress {
        let cards: Vec<(Arc<CardKey>, CardMemory)> = self
            .cards
            .iter()
            .filter(|(k, _)| keep(k))
            .cloned()
            .collect();
        let kept: FastSet<*const CardKey> = cards.iter().map(|(k, _)| Arc::as_ptr(k)).collect();
        let reviews = self
            .reviews()
            .iter()
            .filter(|r| kept.contains(&Arc::as_ptr(&r.key)))
            .cloned()
            .collect();
        let mut only = Progress::assemble(cards, reviews);
        only.incomplete = !self.is_complete();
        only
    }

    /// Every card the log mentions with its shared key, in key order.
    pub fn entries(&self) -> &[(Arc<CardKey>, CardMemory)] {
        &self.cards
    }

    /// The derived state of a card; `None` means new and never touched.
    pub fn card(&self, key: &CardKey) -> Option<&CardMemory> {
        self.index.get(key).map(|&i| &self.cards[i].1)
    }

    /// [`Progress::card`] by the card's two ids, without building its key.
    pub fn card_of(&self, deck: &DeckId, card: &CardId) -> Option<&CardMemory> {
        self.place_of(deck, card).map(|i| &self.cards[i].1)
    }

    /// Where the card with these ids is among [`Progress::cards`] (the same place for as long
    /// as this progress is not changed), without building its key.
    pub fn place_of(&self, deck: &DeckId, card: &CardId) -> Option<usize> {
        self.place_of_ids(deck.as_str(), card.as_str())
    }

    /// [`Progress::place_of`] from the ids as strings.
    pub fn place_of_ids(&self, deck: &str, card: &str) -> Option<usize> {
        let key: &dyn KeyRef = &(deck, card);
        self.index.get(key).copied()
    }

    /// [`Progress::card_of`] from the ids as strings.
    pub fn card_of_ids(&self, deck: &str, card: &str) -> Option<&CardMemory> {
        self.place_of_ids(deck, card).map(|i| &self.cards[i].1)
    }

    /// The card at `place` among [`Progress::cards`]: its key (the one its reviews share)
    /// and memory.
    pub fn card_at(&self, place: usize) -> Option<(&Arc<CardKey>, &CardMemory)> {
        self.cards.get(place).map(|(key, memory)| (key, memory))
    }

    /// How many cards the log mentions.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Every card the log mentions, in key order.
    pub fn cards(&self) -> impl Iterator<Item = (&CardKey, &CardMemory)> {
        self.cards.iter().map(|(key, memory)| (&**key, memory))
    }

    /// The effective reviews in time order (then by card, and each card's in replay order);
    /// earlier reviews left on disk are read now.
    pub fn reviews(&self) -> Reviews<'_> {
        let earlier = self.earlier.as_ref().and_then(Earlier::get).unwrap_or(&[]);
        Reviews::new(earlier, &self.reviews)
    }

    /// The effective reviews at `from` or later; earlier reviews left on disk are read only
    /// when `from` is before them.
    pub fn reviews_since(&self, from: DateTime<Utc>) -> Reviews<'_> {
        match &self.earlier {
            Some(e) if from < e.before => self.reviews().since(from),
            _ => Reviews::new(&[], &self.reviews).since(from),
        }
    }

    /// The effective reviews from `from` to just before `to`.
    pub fn reviews_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Reviews<'_> {
        self.reviews_since(from).before(to)
    }

    /// Whether a card of a deck `of_deck` accepts was reviewed from `from` to just before
    /// `to`; earlier reviews left on disk are not read for a span of a day or more (each
    /// deck's [`Activity`] answers).
    pub fn studied(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        of_deck: impl Fn(&DeckId) -> bool,
    ) -> bool {
        if let Some(e) = &self.earlier
            && from < e.before
            && !e.is_loaded()
            && let Some(studied) = e.activity.studied(from, to, &of_deck)
        {
            return studied;
        }
        self.reviews_between(from, to)
            .iter()
            .any(|r| of_deck(&r.key.deck))
    }

    /// When each deck was studied (for the progress cache).
    pub fn activity(&self) -> Activity {
        match &self.earlier {
            Some(e) => e.activity.clone(),
            None => Activity::of(self.reviews()),
        }
    }

    /// The effective reviews of one card, oldest first.
    pub fn reviews_of<'a>(&'a self, key: &'a CardKey) -> impl Iterator<Item = &'a ReviewEntry> {
        self.reviews().into_iter().filter(move |r| *r.key == *key)
    }

    /// Cards with progress that no loaded deck has any more (deleted or renamed), in key order.
    pub fn orphans(&self, known: &HashSet<CardKey>) -> Vec<&CardKey> {
        self.cards
            .iter()
            .map(|(key, _)| &**key)
            .filter(|k| !known.contains(*k))
            .collect()
    }
}

/// The keys of every card of `decks` (for [`Progress::orphans`]).
pub fn known_keys(decks: &[Deck]) -> HashSet<CardKey> {
    decks
        .iter()
        .flat_map(|d| d.cards.iter().map(|c| d.key(c)))
        .collect()
}
