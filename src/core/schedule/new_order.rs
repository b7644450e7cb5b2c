//! The order in which new cards are introduced.
//!
//! Interleaved (the default): decks take turns, and within each deck its categories take
//! turns, so the first new cards of a day already span every deck and many categories. A
//! category's turns count its cards already seen on earlier days, so over several days every
//! category of a deck comes round before any comes twice. Which
//! deck, which category and which card comes first is a shuffle seeded by the study day: the
//! same all day (a restart, a rebuilt queue or an undo never reshuffles), different tomorrow.
//! The order is computed over the cards that were new when the day began, so the cards
//! still new keep their places as others are introduced. File order: deck by deck, each in
//! the order of its file.

use chrono::{DateTime, Utc};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::config::NewOrder;
use crate::core::fast_hash::FastMap;
use crate::core::ids::{CardKey, CategoryId, DeckId};

/// A card that was new when the study day began, with its deck's position in the deck list
/// and its own position in the deck file.
#[derive(Clone, Debug)]
pub struct NewCard {
    pub key: CardKey,
    pub category: CategoryId,
    pub deck_position: usize,
    pub position: usize,
    /// Cards of its category (in its deck) that were no longer new when the day began: a
    /// category practised less comes first, so the turns go on where yesterday's stopped.
    pub seen_in_category: usize,
    /// The same for its whole deck: within a turn, decks practised less go first, so a day
    /// that ends mid-turn is made up for the next day.
    pub seen_in_deck: usize,
}

/// `cards` (every card new at `day_start`, any order) in the order they are introduced.
pub fn order_new(
    mut cards: Vec<NewCard>,
    order: NewOrder,
    day_start: DateTime<Utc>,
) -> Vec<CardKey> {
    match order {
        NewOrder::File => {
            cards.sort_by_key(|c| (c.deck_position, c.position));
            cards.into_iter().map(|c| c.key).collect()
        }
        NewOrder::Interleaved => interleave(cards, day_seed(day_start)),
    }
}

/// The seed of a study day: its first instant.
fn day_seed(day_start: DateTime<Utc>) -> u64 {
    day_start.timestamp().cast_unsigned()
}

/// Round-robin over decks, within each deck round-robin over its categories, each in an
/// order shuffled by `seed`.
fn interleave(cards: Vec<NewCard>, seed: u64) -> Vec<CardKey> {
    // Shuffle keys: hashes seeded by the day (no allocation per card).
    let keyed: Vec<(u64, u64, u64, NewCard)> = cards
        .into_iter()
        .map(|c| {
            let deck = xxh3_64_with_seed(c.key.deck.as_str().as_bytes(), seed);
            let category = xxh3_64_with_seed(c.category.as_str().as_bytes(), deck);
            let card = xxh3_64_with_seed(c.key.card.as_str().as_bytes(), !deck);
            (deck, category, card, c)
        })
        .collect();
    // Deck by deck, category by category (each in the order of its hash, then its id), the
    // cards of a category shuffled (ids break ties, then the place in the deck). The decks'
    // and categories' order is worked out once for each, not compared card by card.
    let rank: Vec<u32> = {
        let mut groups: FastMap<(&str, &str), (u64, u64)> = FastMap::default();
        for (deck, category, _, c) in &keyed {
            groups
                .entry((c.key.deck.as_str(), c.category.as_str()))
                .or_insert((*deck, *category));
        }
        let mut sorted: Vec<(u64, &str, u64, &str)> = groups
            .iter()
            .map(|(&(deck, category), &(d, c))| (d, deck, c, category))
            .collect();
        sorted.sort_unstable();
        let place: FastMap<(&str, &str), u32> = sorted
            .iter()
            .enumerate()
            .map(|(i, &(_, deck, _, category))| ((deck, category), i as u32))
            .collect();
        keyed
            .iter()
            .map(|(_, _, _, c)| {
                let group = (c.key.deck.as_str(), c.category.as_str());
                place.get(&group).copied().unwrap_or(u32::MAX)
            })
            .collect()
    };
    let mut keyed: Vec<(u32, u64, NewCard)> = keyed
        .into_iter()
        .zip(rank)
        .map(|((_, _, card, c), rank)| (rank, card, c))
        .collect();
    // No two cards compare equal, so an unstable sort gives the one order there is.
    keyed.sort_unstable_by(|a, b| {
        (a.0, a.1, &a.2.key.card, a.2.deck_position, a.2.position).cmp(&(
            b.0,
            b.1,
            &b.2.key.card,
            b.2.deck_position,
            b.2.position,
        ))
    });
    // A deck's categories take turns: card i of a category comes in round i, and within a
    // round the categories come in their shuffled order. That is each card's turn within its
    // deck; the decks then take turns the same way.
    let mut ranked: Vec<((usize, usize, usize), CardKey)> = Vec::with_capacity(keyed.len());
    let mut in_deck: Vec<((usize, usize), CardKey)> = Vec::new();
    // `round` is 0 at the start of each category, then its first card's seen count.
    let (mut deck_index, mut category_index, mut round) = (0usize, 0usize, 0usize);
    let mut previous: Option<(DeckId, CategoryId)> = None;
    let mut seen_in_deck = 0;
    let mut flush =
        |in_deck: &mut Vec<((usize, usize), CardKey)>, seen: usize, deck_index: usize| {
            in_deck.sort_by_key(|(turn, _)| *turn);
            ranked.extend(
                in_deck
                    .drain(..)
                    .enumerate()
                    .map(|(turn, (_, key))| ((turn, seen, deck_index), key)),
            );
        };
    for (_, _, card) in keyed {
        let same = match &previous {
            Some((deck, _)) if *deck != card.key.deck => {
                flush(&mut in_deck, seen_in_deck, deck_index);
                (deck_index, category_index, round) = (deck_index + 1, 0, 0);
                false
            }
            Some((_, category)) if *category != card.category => {
                (category_index, round) = (category_index + 1, 0);
                false
            }
            Some(_) => true,
            None => false,
        };
        if round == 0 {
            round = card.seen_in_category;
        }
        if !same {
            previous = Some((card.key.deck.clone(), card.category.clone()));
        }
        seen_in_deck = card.seen_in_deck;
        in_deck.push(((round, category_index), card.key));
        round += 1;
    }
    flush(&mut in_deck, seen_in_deck, deck_index);
    ranked.sort_by_key(|(turn, _)| *turn);
    ranked.into_iter().map(|(_, key)| key).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    /// Deck `d` with `cats` categories of `per` cards each, in file order category by category.
    fn cards(decks: &[(&str, usize, usize)]) -> Vec<NewCard> {
        let mut out = vec![];
        for (deck_position, (d, cats, per)) in decks.iter().enumerate() {
            for c in 0..*cats {
                for i in 0..*per {
                    out.push(NewCard {
                        key: CardKey::new(*d, format!("{d}-c{c}-{i}")),
                        category: CategoryId::new(format!("cat{c}")),
                        deck_position,
                        position: c * per + i,
                        seen_in_category: 0,
                        seen_in_deck: 0,
                    });
                }
            }
        }
        out
    }

    #[test]
    fn file_order_is_deck_by_deck_in_file_order() {
        let day = at("2026-01-05T04:00:00Z");
        let order = order_new(cards(&[("a", 2, 2), ("b", 1, 2)]), NewOrder::File, day);
        let ids: Vec<_> = order.iter().map(|k| k.card.as_str()).collect();
        assert_eq!(
            ids,
            ["a-c0-0", "a-c0-1", "a-c1-0", "a-c1-1", "b-c0-0", "b-c0-1"]
        );
    }

    #[test]
    fn interleaved_meets_every_deck_and_category_early() {
        let day = at("2026-01-05T04:00:00Z");
        let all = cards(&[
            ("big", 12, 20),
            ("mid", 5, 10),
            ("small", 2, 3),
            ("one", 1, 40),
        ]);
        let order = order_new(all.clone(), NewOrder::Interleaved, day);
        assert_eq!(order.len(), all.len());
        let first: Vec<&CardKey> = order.iter().take(8).collect();
        let decks: HashSet<_> = first.iter().map(|k| k.deck.as_str()).collect();
        assert_eq!(decks.len(), 4, "{first:?}");
        // Each deck's first turns go to different categories.
        let big: Vec<_> = order
            .iter()
            .filter(|k| k.deck.as_str() == "big")
            .take(12)
            .map(|k| k.card.as_str().split('-').nth(1).unwrap())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(big.len(), 12);
    }

    #[test]
    fn categories_seen_less_on_earlier_days_come_first() {
        let day = at("2026-01-05T04:00:00Z");
        let mut all = cards(&[("a", 3, 4)]);
        for c in &mut all {
            c.seen_in_category = if c.category.as_str() == "cat1" { 0 } else { 2 };
        }
        let order = order_new(all, NewOrder::Interleaved, day);
        let firsts: Vec<_> = order
            .iter()
            .take(2)
            .map(|k| &k.card.as_str()[..4])
            .collect();
        assert_eq!(firsts, ["a-c1", "a-c1"]);
    }

    #[test]
    fn the_same_all_day_different_tomorrow() {
        let all = cards(&[("a", 4, 5), ("b", 3, 5)]);
        let today = at("2026-01-05T04:00:00Z");
        let one = order_new(all.clone(), NewOrder::Interleaved, today);
        let mut reversed = all.clone();
        reversed.reverse();
        assert_eq!(order_new(reversed, NewOrder::Interleaved, today), one);
        let tomorrow = order_new(all, NewOrder::Interleaved, at("2026-01-06T04:00:00Z"));
        assert_ne!(tomorrow, one);
    }
}
