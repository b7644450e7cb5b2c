//! The card browser's list: which state each card is in, and which cards a search and the
//! filters keep.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Notebook;
use crate::core::deck::{Card, Deck, Kind};
use crate::core::ids::{CategoryId, DeckId};
use crate::core::schedule::{CardMemory, Phase, Progress};

/// A state a card can be in (a card is in several: a due leech, a suspended review card).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CardState {
    /// Never reviewed.
    New,
    /// In its (re)learning steps.
    Learning,
    /// Graduated (intervals in days).
    Review,
    /// Reviewed before and due now (neither suspended nor buried).
    Due,
    Suspended,
    /// Hidden until the next day.
    Buried,
    /// Forgotten 8 times or more.
    Leech,
}

impl CardState {
    pub const ALL: [CardState; 7] = [
        CardState::New,
        CardState::Learning,
        CardState::Review,
        CardState::Due,
        CardState::Suspended,
        CardState::Buried,
        CardState::Leech,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Learning => "learning",
            CardState::Review => "review",
            CardState::Due => "due",
            CardState::Suspended => "suspended",
            CardState::Buried => "buried",
            CardState::Leech => "leech",
        }
    }

    pub fn parse(s: &str) -> Option<CardState> {
        CardState::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Every state the card is in at `now`; `None` is a card the log never mentions (new).
pub fn card_states(memory: Option<&CardMemory>, now: DateTime<Utc>) -> Vec<CardState> {
    let fresh = CardMemory::new();
    let m = memory.unwrap_or(&fresh);
    let mut out = vec![match m.phase {
        Phase::New => CardState::New,
        Phase::Learning | Phase::Relearning => CardState::Learning,
        Phase::Review => CardState::Review,
    }];
    if m.phase != Phase::New && !m.is_hidden(now) && m.due.is_some_and(|d| d <= now) {
        out.push(CardState::Due);
    }
    if m.suspended {
        out.push(CardState::Suspended);
    }
    if m.is_buried(now) {
        out.push(CardState::Buried);
    }
    if m.leech {
        out.push(CardState::Leech);
    }
    out
}

/// What the browser keeps. Empty lists keep everything; within a list any value matches.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BrowseFilter {
    pub decks: Vec<DeckId>,
    pub categories: Vec<CategoryId>,
    pub kinds: Vec<Kind>,
    pub states: Vec<CardState>,
    /// Words that must all appear (case-insensitive) in the question, answer, tags, note or
    /// own answer of the card.
    pub search: String,
}

/// One card of the browser's list.
#[derive(Clone, Debug)]
pub struct CardView<'a> {
    pub deck: &'a Deck,
    pub card: &'a Card,
    pub memory: Option<&'a CardMemory>,
    pub states: Vec<CardState>,
}

/// Whether every word of `query` is in the card's question, answer, guidance, tags, id, note
/// or own answer (case-insensitive; a blank query matches every card).
pub fn search_matches(query: &str, card: &Card, extra: &[&str]) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let mut hay = String::with_capacity(card.question.len() + card.answer.len() + 64);
    for part in [card.id.as_str(), &card.question, &card.answer]
        .into_iter()
        .chain(card.guidance.as_deref())
        .chain(card.tags.iter().map(String::as_str))
        .chain(extra.iter().copied())
    {
        hay.push_str(&part.to_lowercase());
        hay.push('\n');
    }
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// The cards of `decks` that `filter` keeps, in deck order; with a search, the cards whose
/// question holds every word come first (the app's browser and `prepdeck cards --search`
/// agree, and "hybr" finds the question about hybrid teams before answers that mention it).
pub fn filter_cards<'a>(
    decks: &'a [Deck],
    progress: &'a Progress,
    notebook: &Notebook,
    filter: &BrowseFilter,
    now: DateTime<Utc>,
) -> Vec<CardView<'a>> {
    let mut out = Vec::new();
    for deck in decks {
        if !filter.decks.is_empty() && !filter.decks.contains(&deck.id) {
            continue;
        }
        for card in &deck.cards {
            if (!filter.categories.is_empty() && !filter.categories.contains(&card.category))
                || (!filter.kinds.is_empty() && !filter.kinds.contains(&card.kind))
            {
                continue;
            }
            let key = deck.key(card);
            let memory = progress.card(&key);
            let states = card_states(memory, now);
            if !filter.states.is_empty() && !filter.states.iter().any(|s| states.contains(s)) {
                continue;
            }
            let note = notebook.note(&key).map_or("", |w| w.text.as_str());
            let mine = notebook.my_answer(&key).map_or("", |w| w.text.as_str());
            if !search_matches(&filter.search, card, &[note, mine]) {
                continue;
            }
            out.push(CardView {
                deck,
                card,
                memory,
                states,
            });
        }
    }
    let words: Vec<String> = filter
        .search
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    if !words.is_empty() {
        // A stable sort: deck order within each group.
        out.sort_by_cached_key(|v| {
            let q = v.card.question.to_lowercase();
            !words.iter().all(|w| q.contains(w.as_str()))
        });
    }
    out
}
